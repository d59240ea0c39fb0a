"""XlsxWriter's package written stored for the one deflate of the restamp
(``render.xlsx_package``): the swap of XlsxWriter's global takes effect, is undone, and
is read again when XlsxWriter changes."""

from __future__ import annotations

import inspect
import io
import zipfile
from pathlib import Path

import xlsxwriter
import xlsxwriter.workbook

from reportgen.render.xlsx import render_xlsx
from reportgen.render.xlsx_package import CHECKED_VERSIONS, on_checked_xlsxwriter, stored_package
from tests.render.test_xlsx import model


def _package(stored: bool) -> list[int]:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet().write_string(0, 0, "text " * 200)
    if stored:
        with stored_package():
            book.close()
    else:
        book.close()
    with zipfile.ZipFile(buffer) as package:
        return [info.compress_type for info in package.infolist()]


def test_the_installed_xlsxwriter_is_one_the_swap_was_read_against() -> None:
    # A new XlsxWriter: read Workbook._store_workbook again, then add its version.
    assert xlsxwriter.__version__ in CHECKED_VERSIONS
    assert "compression=ZIP_DEFLATED" in inspect.getsource(xlsxwriter.workbook.Workbook._store_workbook)
    assert on_checked_xlsxwriter()


def test_inside_the_swap_members_are_stored_and_after_it_deflated_again() -> None:
    assert set(_package(stored=True)) == {zipfile.ZIP_STORED}
    assert xlsxwriter.workbook.ZIP_DEFLATED == zipfile.ZIP_DEFLATED
    assert set(_package(stored=False)) == {zipfile.ZIP_DEFLATED}


def test_the_written_workbook_is_deflated_once_by_the_restamp(tmp_path: Path) -> None:
    path = tmp_path / "bok.xlsx"
    render_xlsx(model(), path)
    with zipfile.ZipFile(path) as package:
        infos = package.infolist()
        assert {info.compress_type for info in infos} == {zipfile.ZIP_DEFLATED}
        sheet = package.getinfo("xl/worksheets/sheet3.xml")
        assert sheet.compress_size < sheet.file_size


def test_a_body_stored_straight_into_the_cell_table_gives_the_same_workbook(tmp_path: Path, monkeypatch) -> None:
    from reportgen.render import xlsx_package

    direct, public = tmp_path / "direct.xlsx", tmp_path / "public.xlsx"
    calls: list[object] = []
    storers = xlsx_package._cell_storers

    def counted(ws):
        calls.append(ws)
        return storers(ws)

    monkeypatch.setattr(xlsx_package, "_cell_storers", counted)
    render_xlsx(model(), direct)  # the checked XlsxWriter: each of the model's 4 tables stored directly
    assert len(calls) == 4
    monkeypatch.setattr(xlsx_package, "on_checked_xlsxwriter", lambda: False)
    render_xlsx(model(), public)  # any other: the public writers
    assert len(calls) == 4
    assert direct.read_bytes() == public.read_bytes()


def _body_sheet(rows: list[tuple[object, ...]], kinds: list[str]) -> bytes:
    from reportgen.render import xlsx_package

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "nan_inf_to_errors": True})
    ws = book.add_worksheet("Blad1")
    fmt = book.add_format({"num_format": "0.0"})
    links: list[tuple[int, int]] = []

    def link(row: int, col: int, value: object, cell_format) -> None:
        links.append((row, col))
        ws.write_url(row, col, "internal:'Blad1'!A1", cell_format, string=str(value))

    xlsx_package.write_body(ws, 2, rows, kinds, [fmt] * len(kinds), link)
    assert links == [(2 + i, kinds.index("link")) for i in range(len(rows))]
    book.close()
    with zipfile.ZipFile(buffer) as package:
        return package.read("xl/worksheets/sheet1.xml") + package.read("xl/sharedStrings.xml")


def test_a_body_with_each_kind_of_value_is_stored_as_xlsxwriter_stores_it(monkeypatch) -> None:
    from reportgen.render import xlsx_package

    long = "å" * 40_000  # over Excel's 32,767: XlsxWriter truncates it
    rows = [
        ("Malmö", 0.25, 3, "Ystad"),
        ("[x]", "[z]", float("nan"), "Lund"),  # shorthands as text; NaN as XlsxWriter's #NUM! error
        (long, float("inf"), True, "Malmö"),  # a bool is text ("True"), as before
    ]
    kinds = ["text", "share", "int", "link"]
    fast = _body_sheet(rows, kinds)
    monkeypatch.setattr(xlsx_package, "on_checked_xlsxwriter", lambda: False)
    public = _body_sheet(rows, kinds)
    assert fast == public
    assert b'<c r="B3" s="1"><v>0.25</v></c><c r="C3" s="1"><v>3</v></c>' in fast
    assert b'<c r="C4" s="1" t="e"><f>#NUM!</f><v>#NUM!</v></c>' in fast
    assert b"<t>True</t>" in fast and ("å" * 32_767).encode() in fast and ("å" * 32_768).encode() not in fast


def _every_kind_of_cell(fast: bool) -> bytes:
    """A sheet with each cell kind XlsxWriter knows, formatted and not, as its XML."""
    from datetime import datetime

    from reportgen.render import xlsx_package

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    ws = book.add_worksheet()
    if fast:
        xlsx_package.fast_rows(ws)
        assert ws._write_rows.__func__ is xlsx_package._write_rows
    fmt, other = book.add_format({"num_format": "0.0"}), book.add_format({"bold": True})
    ws.set_row(0, 30)  # a row with a height and no cells
    ws.write_string(1, 0, 'text & <tag> "quoted"', fmt)
    ws.write_string(1, 1, "no format")
    for col, number in enumerate([0, -0.0, 1 / 3, 0.1, 1e-20, 1e20, 123456789012345678, 2.5], start=2):
        ws.write_number(1, col, number, fmt if col % 2 else other)
    ws.write_number(2, 0, 7)
    ws.write_formula(2, 1, "=1+1", fmt, 2)
    ws.write_datetime(2, 2, datetime(2026, 12, 1), fmt)
    ws.write_blank(2, 3, None, fmt)
    ws.write_boolean(2, 4, True, fmt)
    ws.write_rich_string(2, 5, "a", other, "b", fmt)
    ws.write_url(2, 6, "internal:'Blad1'!A1", fmt, string="länk")
    ws.set_column(7, 7, 12, other)
    ws.write_string(2, 7, "the column's format")
    ws.set_row(40, 20, other)
    ws.write_string(40, 29, "AD41, past the first 16 rows and column Z", fmt)
    ws.write_number(40, 3, 4, fmt)  # written after a later column of its row
    book.close()
    with zipfile.ZipFile(buffer) as package:
        return package.read("xl/worksheets/sheet1.xml")


def test_fast_rows_write_the_same_sheet_xml_as_xlsxwriter_for_every_kind_of_cell() -> None:
    fast, own = _every_kind_of_cell(fast=True), _every_kind_of_cell(fast=False)
    assert fast == own
    # Hand-checked elements of the fast path ("other" is format 1, "fmt" 2: XlsxWriter
    # numbers formats as the sheet first uses them; numbers as "%.16G" prints them):
    assert b'<c r="A2" s="2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c>' in fast
    assert b'<c r="C2" s="1"><v>0</v></c><c r="D2" s="2"><v>-0</v></c>' in fast
    assert b'<c r="E2" s="1"><v>0.3333333333333333</v></c>' in fast
    assert b'<c r="G2" s="1"><v>9.999999999999999E-21</v></c><c r="H2" s="2"><v>1E+20</v></c>' in fast
    assert b'<c r="AD41" s="2" t="s"><v>5</v></c></row>' in fast
    assert fast.index(b'r="D41"') < fast.index(b'r="AD41"')


def test_a_rendered_workbook_is_the_same_with_and_without_fast_rows(tmp_path: Path, monkeypatch) -> None:
    from reportgen.render import xlsx as xlsx_module

    fast, own = tmp_path / "fast.xlsx", tmp_path / "own.xlsx"
    render_xlsx(model(), fast)
    monkeypatch.setattr(xlsx_module, "fast_rows", lambda ws: None)
    render_xlsx(model(), own)
    assert fast.read_bytes() == own.read_bytes()


def test_fast_rows_stay_off_on_an_unchecked_xlsxwriter(monkeypatch) -> None:
    from reportgen.render import xlsx_package

    monkeypatch.setattr(xlsx_package, "CHECKED_VERSIONS", frozenset({"0.0"}))
    ws = xlsxwriter.Workbook(io.BytesIO()).add_worksheet()
    xlsx_package.fast_rows(ws)
    assert "_write_rows" not in vars(ws)


def test_a_written_workbook_leaves_no_reference_cycle_behind(tmp_path: Path) -> None:
    import gc

    from reportgen.render import xlsx as xlsx_module

    gc.collect()
    gc.disable()
    try:
        xlsx_module._package(model())
        unreachable = gc.collect()  # objects only the cyclic collector could free
    finally:
        gc.enable()
    assert unreachable == 0
