"""The check of every finished file before it is renamed into place (issue 19 made it
cheaper): whole files pass, and a file cut short, a member whose bytes changed, a part
that is not XML, or a package without slides or sheets is refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pikepdf
import pytest
import xlsxwriter
from pptx import Presentation

from reportgen.batch.checks import BrokenOutputError, check_file


def _pptx(path: Path, slides: int = 1) -> Path:
    prs = Presentation()
    for _ in range(slides):
        prs.slides.add_slide(prs.slide_layouts[6])
    prs.save(str(path))
    return path


def _xlsx(path: Path) -> Path:
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("Blad").write_string(0, 0, "svar")
    book.close()
    return path


def _pdf(path: Path) -> Path:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(path)
    return path


def _rewrite(path: Path, member: str, change) -> Path:
    """The package with one member's content changed, everything else kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, change(data) if info.filename == member else data)
    path.write_bytes(out.getvalue())
    return path


@pytest.fixture(params=["pptx", "xlsx", "pdf"])
def whole(request, tmp_path: Path) -> Path:
    return {"pptx": _pptx, "xlsx": _xlsx, "pdf": _pdf}[request.param](tmp_path / f"f.{request.param}")


def test_whole_files_pass(whole: Path):
    check_file(whole)


def test_a_file_cut_short_is_refused(whole: Path):
    data = whole.read_bytes()
    whole.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(BrokenOutputError, match=whole.name):
        check_file(whole)


def test_a_picture_whose_bytes_changed_is_refused(tmp_path: Path):
    """A member no parser reads (the thumbnail; in a deck, the charts' PNGs) is checked
    by its CRC."""
    path = _pptx(tmp_path / "f.pptx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("docProps/thumbnail.jpeg")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF  # one byte inside the member's data
    path.write_bytes(bytes(data))
    with pytest.raises(BrokenOutputError, match=r"f\.pptx"):
        check_file(path)


@pytest.mark.parametrize(
    ("suffix", "member"),
    [("pptx", "ppt/slides/slide1.xml"), ("xlsx", "xl/worksheets/sheet1.xml"), ("pptx", "_rels/.rels")],
)
def test_a_part_that_is_not_xml_is_refused(tmp_path: Path, suffix: str, member: str):
    path = {"pptx": _pptx, "xlsx": _xlsx}[suffix](tmp_path / f"f.{suffix}")
    _rewrite(path, member, lambda data: data[: len(data) // 2])
    with pytest.raises(BrokenOutputError, match="does not open as"):
        check_file(path)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda d: d.replace(b"<sheetData", b"<x:sheetData", 1), "unbound prefix"),
        (lambda d: d.replace(b"</sheetData>", b"</sheetDate>", 1), "mismatched tag"),
        (lambda d: d.replace(b"<sheetData", b"<sheetData a='1' a='2'", 1), "duplicate attribute"),
    ],
)
def test_a_part_that_is_not_well_formed_namespaced_xml_is_refused(tmp_path: Path, change, why: str):
    path = _rewrite(_xlsx(tmp_path / "f.xlsx"), "xl/worksheets/sheet1.xml", change)
    with pytest.raises(BrokenOutputError, match=rf"xl/worksheets/sheet1\.xml: {why}"):
        check_file(path)


def test_a_presentation_without_slides_is_refused(tmp_path: Path):
    with pytest.raises(BrokenOutputError, match="has no slides"):
        check_file(_pptx(tmp_path / "f.pptx", slides=0))


def test_a_workbook_without_sheets_is_refused(tmp_path: Path):
    path = _rewrite(_xlsx(tmp_path / "f.xlsx"), "xl/workbook.xml", lambda d: d.replace(b"<sheet ", b"<other "))
    with pytest.raises(BrokenOutputError, match="has no sheets"):
        check_file(path)


def test_a_package_without_its_main_part_is_refused(tmp_path: Path):
    path = tmp_path / "f.pptx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(BrokenOutputError, match=r"no ppt/presentation\.xml"):
        check_file(path)


def test_a_pdf_that_needs_repair_is_refused(tmp_path: Path):
    path = _pdf(tmp_path / "f.pdf")
    data = path.read_bytes()
    path.write_bytes(data.replace(b"startxref", b"startxrif"))
    with pytest.raises(BrokenOutputError, match="does not open as PDF"):
        check_file(path)
