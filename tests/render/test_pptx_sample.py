"""A small hand-built deck and its charts, shared by the PowerPoint renderer's tests.

Seven slides: title (synthetic), contents, a section divider, key figures, a table of
long insats names in a narrow region, two charts side by side, and a subsection with a
bulleted text beside a table. No tests here; ``test_pptx*.py`` import these helpers.
"""

from __future__ import annotations

import gc
import io
import warnings
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
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
from reportgen.render.pptx import render_pptx
from reportgen.theme import load_theme
from tests.render.test_pdf_sample import IMPRINT

SOURCE = "Enkät: Kartläggning av socialtjänstens insatser i Sveriges kommuner (2021)"
LONG_NAMES = (
    "Stöd i ordinärt boende för personer med demenssjukdom, inklusive anhörigstöd och avlösning i hemmet **",
    "Hemtjänst i form av service och personlig omvårdnad dygnet runt med trygghetslarm och nattpatrull",
    "Korttidsvistelse utanför det egna hemmet för växelvård, rehabilitering och eftervård efter sjukhusvistelse *",
    "Dagverksamhet för personer med demenssjukdom eller annan kognitiv svikt med anpassade aktiviteter",
    "Särskilt boende för äldre med heldygnsomsorg, inklusive boende med särskild inriktning mot demens",
    "Matdistribution",
    "Ledsagning och följeslagare vid besök hos vården, myndigheter och vid fritidsaktiviteter i närområdet",
    "Anhörigstöd i form av samtalsgrupper, utbildning och individuella stödsamtal för närstående",
    "Boendestöd",
    "Uppsökande verksamhet och förebyggande hembesök hos personer som fyllt 75 år och inte har insatser",
)


def table_of_long_names(region: str = "right") -> Table:
    rows = tuple((name, f"{90 - 7 * i}%", str(200 - 15 * i), "245") for i, name in enumerate(LONG_NAMES))
    return Table(
        region=region,
        header=("Insats", "Andel", "Antal", "Besvarat"),
        rows=rows,
        widths=(0.58, 0.14, 0.14, 0.14),
        align=("left", "right", "right", "right"),
        caption="Vanligast förekommande insatser",
    )


def chart_specs() -> tuple[ChartSpec, ChartSpec]:
    first = ChartSpec(
        region="left",
        kind="bar",
        categories=("Malmö", "Lund", "Helsingborg"),
        series=(Series("Antal insatser", (52.0, 47.0, 39.0)),),
        alt_text="Stapeldiagram: antal erbjudna insatser per kommun. Malmö 52, Lund 47, Helsingborg 39.",
        caption="Antal erbjudna insatser av 75 kartlagda",
        key="test-bar",
    )
    second = ChartSpec(
        region="right",
        kind="stacked100",
        categories=("Länet", "Riket"),
        series=(
            Series("Enbart fysisk", (60.0, 55.0)),
            Series("Båda", (30.0, 35.0)),
            Series("Enbart digital", (10.0, 10.0)),
        ),
        alt_text="Staplade andelar: fysisk och digital form. Länet 60, 30 och 10 procent; Riket 55, 35 och 10 procent.",
        key="test-stacked",
    )
    return first, second


def draw_chart(spec: ChartSpec) -> ChartArt:
    """A small real chart at exactly the size ``chart_box`` gives it (low DPI: fast)."""
    box = chart_box(spec, load_theme())
    figure = Figure(figsize=(box.width, box.height))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.barh(spec.categories, spec.series[0].values)
    png, pdf = io.BytesIO(), io.BytesIO()
    figure.savefig(png, format="png", dpi=40)
    figure.savefig(pdf, format="pdf")
    return ChartArt(spec.key, pdf.getvalue(), png.getvalue(), box.width, box.height)


def sample_deck(*, synthetic: bool = True) -> Deck:
    bar, stacked = chart_specs()
    contents = Table(
        region="body",
        header=("Avsnitt", "Sidor"),
        rows=(("1 Äldre", "3–7"),),
        widths=(0.85, 0.15),
        align=("left", "right"),
    )
    section = Section(
        number="1",
        title="Äldre",
        slides=(
            Slide(kind="section", title="Äldre", section_number="1", key="aldre"),
            Slide(
                kind="content",
                title="Insatsutbud i Skåne län – äldre",
                blocks=(
                    KeyFigure("kf1", "44", "insatser erbjuds i genomsnitt av kommunerna i länet"),
                    KeyFigure("kf2", "21", "insatser erbjuds som minst (Bjuv)"),
                    KeyFigure("kf3", "63", "insatser erbjuds som mest (Malmö)"),
                    KeyFigure("kf4", "40 %", "av kommunerna erbjuder ytterligare insatser utöver de 75 kartlagda"),
                ),
                note="Antal erbjudna insatser av de 75 kartlagda. 33 av 33 kommuner svarade.",
                source=SOURCE,
                key="aldre/nyckeltal",
            ),
            Slide(
                kind="content",
                title="De tio vanligaste insatserna inom äldreomsorgen i Skåne län och deras andel av kommunerna",
                blocks=(
                    TextBlock(
                        "left_narrow",
                        (Paragraph("Så läser du tabellen", bold=True), Paragraph("Andel av de kommuner som svarade.")),
                    ),
                    table_of_long_names("right_wide"),
                ),
                note="* insatsen ingår i två huvudgrupper. ** insatsen har ändrat namn sedan 2019.",
                source=SOURCE,
                key="aldre/topp10",
            ),
            Slide(kind="content", title="Antal insatser per kommun och form", blocks=(bar, stacked), source=SOURCE),
            Slide(kind="subsection", title="Form", key="aldre/form"),
            Slide(
                kind="content",
                title="Form – sammanfattning",
                blocks=(
                    TextBlock(
                        "left",
                        (
                            Paragraph("Tre kategorier:"),
                            Paragraph("enbart fysisk form", level=1),
                            Paragraph("både fysisk och digital form", level=1),
                            Paragraph("enbart digital form", level=1),
                        ),
                    ),
                    table_of_long_names("right"),
                ),
                source=SOURCE,
            ),
        ),
    )
    front = (
        Slide(kind="title", title="Skåne län"),
        Slide(kind="contents", title="Innehåll", blocks=(contents,)),
    )
    return Deck(
        title="Skåne län",
        subtitle="Analysresultat för sex verksamhetsområden",
        county="Skåne län",
        date_text="november 2026",
        sections=(section,),
        front=front,
        demo_label=demo_label() if synthetic else "",
        imprint=IMPRINT,
    )


def load_chart_fonts_quietly() -> None:
    """Work-around, to remove when fixed: ``reportgen.measure.font_metrics`` opens
    the font with fontTools ``lazy=True`` and never closes it, so the first ``chart_box``
    leaks a file that pytest (warnings as errors) reports wherever it is collected. Its
    result is cached, so loading it once here, quietly, leaks nothing later."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        chart_box(chart_specs()[0], load_theme())
        gc.collect()


def sample_charts() -> dict[str, ChartArt]:
    load_chart_fonts_quietly()
    return {spec.key: draw_chart(spec) for spec in chart_specs()}


def build_sample(path: Path, *, synthetic: bool = True, template: Path | None = None) -> Deck:
    deck = sample_deck(synthetic=synthetic)
    render_pptx(deck, sample_charts(), path, template=template)
    return deck
