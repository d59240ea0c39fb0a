"""The xlsx writer on a hand-built workbook model: tables, types, formats, properties."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from reportgen.render.xlsx import render_xlsx
from reportgen.workbook.model import Column, Properties, Sheet, TableData, Workbook

INJECTIONS = ['=HYPERLINK("http://x","y")', "+1+2", "-3", "@SUM(A1)", "=1+1", "http://example.org"]


def model() -> Workbook:
    data = TableData(
        name="insatser_test",
        columns=(
            Column("Insats"),
            Column("Andel länet", "share"),
            Column("Antal svarat länet", "int"),
            Column("=1+1"),  # a header from an input file (a municipality name)
        ),
        rows=tuple(
            (text, 0.25 if i % 2 else "[z]", i, "Ja, en lokal variant" if i else "[x]")
            for i, text in enumerate(INJECTIONS)
        ),
        summary="Testtabell",
    )
    notes = TableData("noter", (Column("Not"), Column("Förklaring")), (("[note 1]", "En förklaring. " * 20),))
    contents = TableData(
        "innehall",
        (Column("Flik", "link"), Column("Innehåll")),
        (("Läs mig", "Om arbetsboken"), ("Data", "Data"), ("Noter", "Noter"), ("Ungas 'rum' B", "Citattecken")),
    )
    return Workbook(
        title="Test",
        properties=Properties(
            title="Testboken",
            subject="Ämne",
            keywords="a, b",
            comments="c",
            author="Testförfattare",
            company="Testorganisationen",
            created=datetime(2021, 3, 1, 12, 0),
        ),
        sheets=(
            Sheet("Läs mig", "Om arbetsboken", ("Rad ett.", "=2+2 är text här också")),
            Sheet("Innehåll", "Innehåll", ("Klicka på en flik.",), contents),
            Sheet("Data", "Data: en titel", ("Beskrivning.", "Källa: test."), data),
            Sheet("Noter", "Noter", (), notes),
            Sheet(
                "Ungas 'rum' B", "Fliknamn med citattecken", ("x",), TableData("noter_kopia", notes.columns, notes.rows)
            ),
        ),
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "test.xlsx"
    render_xlsx(model(), path)
    return path


@pytest.fixture(scope="module")
def book(written: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(written)


def test_sheets_in_order_first_active_cursor_in_a1(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == ["Läs mig", "Innehåll", "Data", "Noter", "Ungas 'rum' B"]
    assert book.active is not None and book.active.title == "Läs mig"
    for ws in book.worksheets:
        # With frozen panes the cursor is the active pane's selection (None = the default, A1).
        pane = ws.sheet_view.pane
        active = [s for s in ws.sheet_view.selection if pane is None or s.pane == pane.activePane]
        assert active and all(sel.activeCell in (None, "A1") for sel in active), ws.title


def test_title_in_a1_description_below_table_after(book: openpyxl.Workbook) -> None:
    ws = book["Data"]
    assert [ws.cell(row, 1).value for row in (1, 2, 3)] == ["Data: en titel", "Beskrivning.", "Källa: test."]
    assert ws["A1"].font.b
    assert [t.ref for t in ws.tables.values()] == ["A4:D10"]
    assert [ws.cell(4, col).value for col in range(1, 5)] == ["Insats", "Andel länet", "Antal svarat länet", "=1+1"]


def test_one_named_table_per_data_sheet_and_no_merged_cells(book: openpyxl.Workbook) -> None:
    tables = {ws.title: list(ws.tables) for ws in book.worksheets}
    assert tables == {
        "Läs mig": [],
        "Innehåll": ["innehall"],
        "Data": ["insatser_test"],
        "Noter": ["noter"],
        "Ungas 'rum' B": ["noter_kopia"],
    }
    for ws in book.worksheets:
        assert not ws.merged_cells.ranges
    table = book["Data"].tables["insatser_test"]
    assert table.headerRowCount in (None, 1) and table.autoFilter is not None
    assert not table.totalsRowShown


def test_formula_like_text_is_stored_as_text(book: openpyxl.Workbook, written: Path) -> None:
    ws = book["Data"]
    for row, text in enumerate(INJECTIONS, start=5):
        cell = ws.cell(row, 1)
        assert (cell.value, cell.data_type) == (text, "s")
        assert cell.hyperlink is None
    header = ws.cell(4, 4)
    assert (header.value, header.data_type) == ("=1+1", "s")
    assert book["Läs mig"]["A3"].data_type == "s"
    with zipfile.ZipFile(written) as package:
        sheets = [n for n in package.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets
        for name in sheets:
            assert "<f>" not in package.read(name).decode("utf-8"), f"a formula in {name}"


def test_numbers_are_numbers_with_formats(book: openpyxl.Workbook) -> None:
    ws = book["Data"]
    share, count = ws["B6"], ws["C6"]
    assert (share.value, share.data_type, share.number_format) == (0.25, "n", "0%")
    assert (count.value, count.data_type) == (1, "n")
    assert isinstance(count.value, int)
    shorthand = ws["B5"]
    assert (shorthand.value, shorthand.data_type) == ("[z]", "s")


def test_contents_links_go_to_a1_of_each_sheet(book: openpyxl.Workbook) -> None:
    ws = book["Innehåll"]
    links = [ws.cell(row, 1).hyperlink.location for row in range(4, 8)]
    assert links == ["'Läs mig'!A1", "'Data'!A1", "'Noter'!A1", "'Ungas ''rum'' B'!A1"]
    assert ws["A5"].value == "Data"


def test_document_properties_with_language(book: openpyxl.Workbook) -> None:
    p = book.properties
    assert (p.title, p.subject, p.creator, p.language, p.keywords) == (
        "Testboken",
        "Ämne",
        "Testförfattare",
        "sv-SE",
        "a, b",
    )
    assert p.created == datetime(2021, 3, 1, 12, 0)


def test_zip_members_carry_the_creation_time_and_the_company(tmp_path: Path) -> None:
    path = tmp_path / "tid.xlsx"
    render_xlsx(model(), path)
    with zipfile.ZipFile(path) as package:
        assert {info.date_time for info in package.infolist()} == {(2021, 3, 1, 12, 0, 0)}
        app = package.read("docProps/app.xml").decode()
        assert "<Company>Testorganisationen</Company>" in app
        # The tool that wrote it, not the program XlsxWriter names by default.
        assert "<Application>reportgen " in app and "Microsoft Excel" not in app


def test_widths_follow_content_and_long_text_wraps(book: openpyxl.Workbook) -> None:
    data = book["Data"]
    assert data.column_dimensions["A"].width == pytest.approx(len(INJECTIONS[0]) + 2, abs=1)
    assert data.column_dimensions["B"].width < 15
    notes = book["Noter"]
    assert notes.column_dimensions["B"].width >= 90
    assert notes["B3"].alignment.wrap_text


def test_same_model_same_bytes(tmp_path: Path) -> None:
    """Re-running gives the same file (SPEC §7) once the creation date is fixed."""
    render_xlsx(model(), tmp_path / "a.xlsx")
    render_xlsx(model(), tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_language_is_written_once(written: Path) -> None:
    with zipfile.ZipFile(written) as package:
        core = package.read("docProps/core.xml").decode("utf-8")
    assert re.findall(r"<dc:language>([^<]*)</dc:language>", core) == ["sv-SE"]


def test_writing_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    import gc

    assert gc.isenabled()
    render_xlsx(model(), tmp_path / "a.xlsx")
    assert gc.isenabled()
    gc.disable()
    try:
        render_xlsx(model(), tmp_path / "b.xlsx")
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
