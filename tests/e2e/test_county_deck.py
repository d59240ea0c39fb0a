"""The Skåne deck from demo data, as a reader and an analyst get it (issues 4, 5, 6)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import openpyxl
import pytest
from pptx import Presentation
from pptx.util import Emu

from reportgen.batch.manifest import read_manifest, verify_manifest
from reportgen.batch.naming import bundle_name, own_workbook_name, profile_name
from reportgen.catalog import Catalog
from reportgen.register import Register
from tests.e2e.conftest import Built

SOURCE = "Källa: Enkät: Kartläggning av socialtjänstens insatser i Sveriges kommuner (2021)"
AREAS = [
    "äldre",
    "barn och unga",
    "funktionshinder",
    "missbruk och beroende",
    "socialpsykiatri",
    "våld i nära relationer",
]


@pytest.fixture(scope="module")
def prs(built: Built) -> Presentation:
    return Presentation(str(built.pptx))


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def _title(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def test_deck_has_every_section_in_order(prs):
    titles = [_title(s) for s in prs.slides]
    assert len(titles) >= 150
    positions = [titles.index(f"Resultat för verksamhetsområde {a}") for a in AREAS]
    assert positions == sorted(positions)
    assert titles[0].startswith("Inventering av socialtjänstens insatser")
    assert titles[1] == "Innehåll"


def test_every_content_slide_has_source_and_title(prs):
    for number, slide in enumerate(prs.slides, start=1):
        assert _title(slide).strip(), f"slide {number} has no title"
        assert slide.shapes[0] == slide.shapes.title, f"slide {number}: title is not first in reading order"
        texts = _texts(slide)
        is_divider = len([t for t in texts if t.strip()]) <= 3 and not any(s.shape_type == 13 for s in slide.shapes)
        if number > 2 and not is_divider and not any(t.startswith("Källa") for t in texts):
            pytest.fail(f"slide {number} ({_title(slide)}) has no source line")


def test_pictures_have_alt_text_from_data(prs):
    descriptions = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.shape_type == 13:  # picture
                descr = shape._element.nvPicPr.cNvPr.get("descr", "")
                assert len(descr) > 40 and not re.search(r"\.(png|pdf|jpe?g)\b", descr), descr
                descriptions.append(descr)
    assert len(descriptions) >= 100
    assert len(set(descriptions)) == len(descriptions)


def test_top10_tables_are_native_and_match_metrics(prs, built):
    tables = {}
    by_title = {_title(slide): slide for slide in prs.slides}
    for area in AREAS:  # the title names its area: each slide title is unique (issue 18)
        slide = by_title[f"De tio vanligaste av de kartlagda insatserna – {area}"]
        table = next(s.table for s in slide.shapes if s.has_table)
        assert table.first_row
        tables[area] = [[c.text for c in row.cells] for row in table.rows][1:]
    assert set(tables) == set(AREAS)
    for area, rows in tables.items():
        expected = built.metrics["areas"][area]["top10"]
        assert [r[0] for r in rows] == [e["insats"] for e in expected]
        assert [int(r[2]) for r in rows] == [e["offered"] for e in expected]
        assert [int(r[3]) for r in rows] == [e["answered"] for e in expected]


def test_tables_stay_on_the_slide(prs):
    width, height = prs.slide_width, prs.slide_height
    for number, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, f"slide {number}: {shape.name} starts off the slide"
            assert shape.left + shape.width <= width + Emu(1), f"slide {number}: {shape.name} runs off the right"
            assert shape.top + shape.height <= height + Emu(1), f"slide {number}: {shape.name} runs off the bottom"


def test_pdf_mirrors_the_deck(prs, built):
    info = subprocess.run(["pdfinfo", str(built.pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == len(prs.slides)
    assert re.search(r"Tagged:\s+yes", info)
    fonts = subprocess.run(["pdffonts", str(built.pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(re.search(r"\byes\b\s+\S+\s+\S+\s+\d+\s+\d+\s*$", r) or " yes " in r for r in rows)
    assert not any("Helvetica" in r for r in rows)
    text = subprocess.run(
        ["pdftotext", "-layout", str(built.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Resultat för verksamhetsområde våld i nära relationer" in text
    for name in ("Malmö", "Ängelholm", "Hässleholm", "Östra Göinge"):
        assert name in text, f"{name} not found in the PDF text (per-municipality charts)"


def test_pdf_outline_has_every_area(built):
    import pikepdf

    with pikepdf.open(built.pdf) as pdf, pdf.open_outline() as outline:
        titles = []

        def walk(items):
            for item in items:
                titles.append(item.title)
                walk(item.children)

        walk(outline.root)
    for area in AREAS:
        assert any(area in t for t in titles), f"no bookmark for {area}"


def test_workbook_holds_every_insats_and_municipality(built):
    catalog, register = Catalog.load(), Register.load()
    names = set(register.units_of("12")["name"])
    workbook = openpyxl.load_workbook(built.xlsx)
    seen_ids: set[str] = set()
    for ws in workbook.worksheets:
        assert not ws.merged_cells.ranges, f"{ws.title} has merged cells"
        for table in ws.tables.values():
            rows = list(ws[table.ref])
            header = [c.value for c in rows[0]]
            if "Insats-id" in header and not ws.title.endswith("följdfrågor"):
                i = header.index("Insats-id")
                seen_ids |= {r[i].value for r in rows[1:]}
                assert names <= set(header), f"{ws.title} lacks municipalities"
    assert seen_ids == set(catalog.table.index)


def test_municipality_files_and_manifest(built):
    """SPEC §8: every bundle holds the profile, the municipality's own workbook, the
    county deck PDF and the county workbook; the manifest lists every file and verifies."""
    units = Register.load().units_of("12")
    folder = built.folder / "kommuner"
    assert len(units) == 33
    for respondent_id, name in zip(units.index, units["name"], strict=True):
        own = folder / own_workbook_name(respondent_id, name)
        with zipfile.ZipFile(folder / bundle_name(respondent_id, name)) as archive:
            members = archive.namelist()
            assert archive.read(own.name) == own.read_bytes()
        assert members == [
            profile_name(respondent_id, name),
            own.name,
            "skane-lan-analysrapport.pdf",
            "skane-lan-resultat.xlsx",
            "skane-lan-webb.zip",  # the build asks for the web edition too
        ]
    # The own workbook holds this municipality's answers only, beside the county and Riket.
    workbook = openpyxl.load_workbook(folder / own_workbook_name("1280", "Malmö"))
    header = [c.name for c in next(iter(workbook["Äldre"].tables.values())).tableColumns]
    assert header[-4:] == ["Andel riket", "Antal erbjuder riket", "Antal svarat riket", "Malmö"]
    assert workbook.properties.title == "Socialtjänstens insatser 2016–2020 – Malmö (Skåne län)"
    listed = {e.file for e in read_manifest(built.folder)}
    assert {f"kommuner/{own_workbook_name(r, n)}" for r, n in zip(units.index, units["name"], strict=True)} <= listed
    assert verify_manifest(built.folder) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_deck_and_workbook(built, tmp_path):
    for path in (built.pptx, built.xlsx):
        result = subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp_path}/lo",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path),
                str(path),
            ],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr
        assert (tmp_path / (path.stem + ".pdf")).stat().st_size > 10_000
