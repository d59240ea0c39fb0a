"""A small hand-built deck and its charts, shared by the PDF renderer's tests.

Eight slides: title (synthetic), contents with bullets, two sections (dividers), a table
beside a chart, key figures, a subsection divider, and a full-width chart. Names carry
'<' and '&' to prove text is escaped. No tests here; ``test_pdf*.py`` import these.
"""

from __future__ import annotations

import io
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
from matplotlib.figure import Figure

from reportgen.deck.layout import demo_label
from reportgen.deck.model import (
    ChartSpec,
    Deck,
    KeyFigure,
    Paragraph,
    Section,
    Series,
    Slide,
    Table,
    TextBlock,
)
from reportgen.figures.art import ChartArt
from reportgen.figures.layout import chart_box
from reportgen.imprint import Imprint
from reportgen.theme import load_theme

#: The sample's publisher and build time (SOURCE_DATE_EPOCH=1700000000).
IMPRINT = Imprint(
    datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC),
    organisation="Testorganisationen",
    contact="test@exempel.se",
    author="Testförfattare",
)

CHART_TEXT = "Antal insatser – Östergötland"  # drawn by Matplotlib inside each chart
SOURCE = "Kartläggning av socialtjänstens insatser 2026"


def draw_test_chart(spec: ChartSpec) -> ChartArt:
    """A real Matplotlib PDF at exactly ``chart_box``'s size (figures' contract)."""
    box = chart_box(spec, load_theme())
    figure = Figure(figsize=(box.width, box.height))
    axes = figure.add_axes((0.3, 0.15, 0.65, 0.8))
    axes.barh(list(spec.categories), list(spec.series[0].values))
    axes.set_xlabel(CHART_TEXT)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    return ChartArt(spec.key, buffer.getvalue(), b"", box.width, box.height)


def chart_specs() -> tuple[ChartSpec, ChartSpec]:
    bar = ChartSpec(
        region="right",
        kind="bar",
        categories=("Malmö", "Lund", "Ystad"),
        series=(Series("Antal", (44.0, 30.0, 12.0)),),
        alt_text="Stapeldiagram: antal insatser per kommun. Malmö 44, Lund 30, Ystad 12.",
        caption="100 % = 723 insatser",
        key="test-bar",
    )
    wide = ChartSpec(
        region="body",
        kind="bar",
        categories=("Äldre", "Öppen vård", "Barn & unga"),
        series=(Series("Antal", (5.0, 7.0, 9.0)),),
        alt_text="Stapeldiagram: antal insatser per område. Äldre 5, Öppen vård 7, Barn och unga 9.",
        key="test-wide",
    )
    return bar, wide


def top_table(region: str = "left", rows: int = 8, name: str = "Insats <{i}> & åäö") -> Table:
    return Table(
        region=region,
        header=("Insats", "Antal", "Andel"),
        rows=tuple((name.format(i=i), str(3 * i), f"{2 * i} %") for i in range(1, rows + 1)),
        widths=(0.6, 0.2, 0.2),
        align=("left", "right", "right"),
        caption="Vanligast fysisk form",
    )


def sample_deck() -> Deck:
    bar, wide = chart_specs()
    front = (
        Slide(kind="title", title="Kartläggning av insatser 2026", key="title"),
        Slide(
            kind="contents",
            title="Innehåll",
            blocks=(
                TextBlock(
                    "body",
                    (
                        Paragraph("1 Äldreomsorg", bold=True),
                        Paragraph("Vanligaste insatserna", level=1),
                        Paragraph("2 Öppenvård & stöd", bold=True),
                    ),
                ),
            ),
            key="contents",
        ),
    )
    first = Section(
        "1",
        "Äldreomsorg",
        (
            Slide(kind="section", title="Äldreomsorg", section_number="1", key="aldre"),
            Slide(
                kind="content",
                title="Vanligaste insatserna i länet – åäö ÅÄÖ",
                blocks=(top_table(), bar),
                note="Andel av de svarande kommunerna.",
                source=SOURCE,
                key="aldre/topp",
            ),
            Slide(
                kind="content",
                title="Nyckeltal för äldreomsorgen",
                blocks=(
                    KeyFigure("kf1", "44", "av de 75 kartlagda insatserna erbjuds i länet"),
                    KeyFigure("kf2", "87 %", "av kommunerna svarade"),
                ),
                source=SOURCE,
                key="aldre/nyckeltal",
            ),
        ),
    )
    second = Section(
        "2",
        "Öppenvård",
        (
            Slide(kind="section", title="Öppenvård & stöd", section_number="2", key="oppen"),
            Slide(kind="subsection", title="Form och regi", key="oppen/form"),
            Slide(
                kind="content",
                title="Insatser per område",
                blocks=(wide,),
                note="Not med <tecken> & mer.",
                source=SOURCE,
                key="oppen/omraden",
            ),
        ),
        outline=(("Form och regi", 1),),
    )
    return Deck(
        title="Kartläggning av insatser 2026",
        subtitle="Skåne län – regional analys",
        county="Skåne län",
        date_text="november 2026",
        sections=(first, second),
        front=front,
        demo_label=demo_label(),
        imprint=IMPRINT,
    )


def sample_charts() -> dict[str, ChartArt]:
    return {spec.key: draw_test_chart(spec) for spec in chart_specs()}


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], check=True, capture_output=True, text=True).stdout


def pdffonts(path: Path) -> list[list[str]]:
    """pdffonts' rows split into columns (name, type…, emb, sub, uni, object, id)."""
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


# Operators that put marks on the page (PDF 32000-1 §8.5.3, §9.4.2, §8.8, §8.7.4.2).
PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Tj", "TJ", "'", '"', "Do", "sh"}


def unmarked_painting(page: pikepdf.Page) -> list[str]:
    """Painting operators (and inline images) outside every BDC/BMC … EMC."""
    depth, found = 0, []
    for instruction in pikepdf.parse_content_stream(page):
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            if depth == 0:
                found.append("BI")
            continue
        op = str(instruction.operator)
        if op in ("BDC", "BMC"):
            depth += 1
        elif op == "EMC":
            depth -= 1
        elif op in PAINTING and depth == 0:
            found.append(op)
    return found


def qpdf_check(path: Path) -> str:
    """``qpdf --check``'s report (VALIDATION.md); fails when qpdf finds the file damaged
    (exit 2) or has warnings about it (exit 3)."""
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def struct_elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every /StructElem under /StructTreeRoot, parents before children."""
    out: list[pikepdf.Dictionary] = []

    def walk(node: pikepdf.Object) -> None:
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and node.get("/Type") == "/StructElem":
            out.append(node)
            if "/K" in node:
                walk(node.K)

    walk(pdf.Root.StructTreeRoot.K)
    return out


def mcids(element: pikepdf.Dictionary) -> list[int]:
    kids = element.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [int(k) for k in items if isinstance(k, int)]
