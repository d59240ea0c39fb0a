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
from reportgen.render.xlsx_package import CHECKED_VERSIONS, stored_package, swap_applies
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
    assert swap_applies()


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


def test_cells_written_past_the_wrapper_give_the_same_workbook(tmp_path: Path, monkeypatch) -> None:
    from reportgen.render import xlsx as xlsx_module
    from reportgen.render import xlsx_package

    direct, public = tmp_path / "direct.xlsx", tmp_path / "public.xlsx"
    assert xlsx_package.cell_writers(xlsxwriter.Workbook(io.BytesIO()).add_worksheet())[0].__name__ == "_write_string"
    render_xlsx(model(), direct)
    monkeypatch.setattr(xlsx_module, "cell_writers", lambda ws: (ws.write_string, ws.write_number))
    render_xlsx(model(), public)
    assert direct.read_bytes() == public.read_bytes()


def test_cell_writers_fall_back_to_the_public_ones_on_an_unchecked_xlsxwriter(monkeypatch) -> None:
    from reportgen.render import xlsx_package

    monkeypatch.setattr(xlsx_package, "CHECKED_VERSIONS", frozenset({"0.0"}))
    ws = xlsxwriter.Workbook(io.BytesIO()).add_worksheet()
    assert [w.__name__ for w in xlsx_package.cell_writers(ws)] == ["write_string", "write_number"]
