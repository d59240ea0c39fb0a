"""A county workbook written to disk: what Excel, openpyxl and LibreOffice see
(issue 5 item 2 acceptance, issue 9 items 4–5)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from reportgen.metrics.model import Scope
from reportgen.render.xlsx import render_xlsx
from reportgen.survey import Survey
from reportgen.workbook.builder import build_workbook
from tests.workbook.workbook_survey import FORMULA_NAME, FORMULA_UNIT

SKANE = Scope("Skåne län", "12", "skane-lan")
SOFFICE = shutil.which("soffice") or ("/usr/bin/soffice" if Path("/usr/bin/soffice").exists() else None)


@pytest.fixture(scope="module")
def path(survey: Survey, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("workbook") / "skane-lan.xlsx"
    render_xlsx(build_workbook(survey, SKANE, synthetic=True), target)
    return target


@pytest.fixture(scope="module")
def book(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def _table_rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    (table,) = ws.tables.values()
    return [tuple(c.value for c in row) for row in ws[table.ref]]


def test_every_insats_and_every_municipality_is_in_its_area_sheet(book: openpyxl.Workbook, survey: Survey) -> None:
    for area, sheet in (("äldre", "Äldre"), ("våld i nära relationer", "Våld i nära relationer")):
        header, *body = _table_rows(book[sheet])
        assert [row[1] for row in body] == list(survey.catalog.area(area).index)
        units = survey.register.units_of("12")["name"]
        assert set(units) <= set(header)


def test_formula_like_names_are_strings_in_the_file(book: openpyxl.Workbook) -> None:
    ws = book["Äldre"]
    (table,) = ws.tables.values()
    cells = [c for row in ws[table.ref] for c in row if c.value in (FORMULA_NAME, FORMULA_UNIT)]
    assert len(cells) == 2  # the insats name in its row, the municipality in the header
    assert all(c.data_type == "s" for c in cells)


def test_one_table_per_data_sheet_no_merged_cells_properties(book: openpyxl.Workbook) -> None:
    assert book.worksheets[0].title == "Läs mig" and not book.worksheets[0].tables
    for ws in book.worksheets[1:]:
        assert len(ws.tables) == 1, ws.title
        assert not ws.merged_cells.ranges
        header, *body = _table_rows(ws)
        assert all(isinstance(h, str) and h for h in header)
        assert all(v is not None and v != "" for row in body for v in row), f"a blank cell in {ws.title}"
    assert book.properties.language == "sv-SE"
    assert book.properties.title == "Socialtjänstens insatser 2016–2020 – Skåne län"


def test_shares_are_numbers_shown_as_percent(book: openpyxl.Workbook) -> None:
    ws = book["Äldre"]
    (table,) = ws.tables.values()
    top = ws[table.ref][0][0].row
    share = ws.cell(top + 1, 6)
    assert (share.value, share.number_format) == (0.5, "0%")


def test_every_data_sheet_freezes_its_header_and_names_and_prints_one_page_wide(book: openpyxl.Workbook) -> None:
    """What Excel reads: frozen panes below the header row and right of the key columns,
    the header row as print titles, A4 landscape fitted to one page wide. XlsxWriter
    leaves ``fitToWidth`` out when it is 1, the schema's default (ECMA-376 18.3.1.64), so
    openpyxl reads None; ``fitToPage`` must be set for Excel to use the two at all."""
    for ws in book.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize) == ("landscape", 9), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.fitToWidth in (None, 1), ws.title
        if ws.title == "Läs mig":
            assert setup.fitToHeight in (None, 1) and ws.freeze_panes is None
            continue
        (table,) = ws.tables.values()
        header = int(table.ref.split(":")[0].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        assert setup.fitToHeight == 0, ws.title  # as many pages down as needed
        assert ws.print_title_rows == f"${header}:${header}", ws.title
        frozen = ws[ws.freeze_panes]
        assert frozen.row == header + 1, ws.title
    assert book["Äldre"].freeze_panes == "B7"  # the insats name stays in view
    assert book["Äldre – följdfrågor"].freeze_panes == "C6"  # municipality and insats
    assert book["Kommuner"].freeze_panes == "B7"
    assert book["Form"].freeze_panes == "D6"  # area, kind of row, name


def test_like_columns_share_one_width(book: openpyxl.Workbook) -> None:
    ws = book["Äldre"]
    # openpyxl keeps a run of equally wide columns as one entry (min..max).
    width = {col: d.width for d in ws.column_dimensions.values() for col in range(d.min, d.max + 1)}
    header = [c.value for c in ws[6]]
    units = {width[header.index(n) + 1] for n in ("Bjuv", "Åstorp", FORMULA_UNIT)}
    figures = {width[header.index(n) + 1] for n in ("Andel länet", "Antal erbjuder länet", "Antal svarat riket")}
    assert len(units) == 1 and len(figures) == 1


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_keeps_names_as_text(path: Path, tmp_path: Path) -> None:
    """Headless LibreOffice converts the file without error; the formula-like name is
    still a string afterwards (it was never evaluated)."""
    assert SOFFICE is not None
    profile = tmp_path / "profile"  # a private profile: other soffice processes may be running
    out = tmp_path / "out"
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    converted = out / path.name
    assert result.returncode == 0 and converted.exists(), result.stderr
    again = openpyxl.load_workbook(converted)
    assert again.sheetnames[:3] == ["Läs mig", "Innehåll", "Noter"]
    cells = [c for row in again["Äldre"].iter_rows() for c in row if c.value == FORMULA_NAME]
    assert cells and all(c.data_type == "s" for c in cells)
