"""Re-open a finished file before it is renamed into place: a file that does not open
is an error, not a delivery. PDFs open through qpdf (pikepdf) without repair; Office
packages are checked as their readers open them (every member's CRC, every XML part
parsed, a slide or sheet listed), without building the readers' object models."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from xml.parsers import expat

from reportgen.atomic import atomic_output
from reportgen.errors import ReportgenError


class BrokenOutputError(ReportgenError):
    """A file we wrote does not re-open; it is not put in place."""


#: The main part of each Office package and the child it must hold at least one of.
_PACKAGES = {
    "PowerPoint": ("ppt/presentation.xml", "{http://schemas.openxmlformats.org/presentationml/2006/main}sldId"),
    "Excel workbook": ("xl/workbook.xml", "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"),
}


def _check_package(path: Path, kind: str) -> None:
    """An Office package opens as one: a whole zip whose every member passes its CRC,
    every XML part (relationships and content types too) is well-formed XML with its
    namespace prefixes bound, and the main part lists at least one slide or sheet. That
    is what python-pptx and openpyxl did to open it (they parse every XML part), at a
    tenth of the cost (issue 19: re-opening the files was 1–1.5 s of a county's build).
    Parts are parsed by expat without building a tree: a quarter of lxml's time, which
    was a sixth of writing an own workbook (600 kB of XML: 4.4 against 18.5 ms)."""
    main, child = _PACKAGES[kind]
    wanted = child.lstrip("{").replace("}", " ")  # expat names "uri local"
    found = False

    def note_child(name: str, attributes: object) -> None:
        nonlocal found
        found = found or name == wanted

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names or main not in names:
                raise BrokenOutputError(f"{path.name} does not open as {kind}: no {main}")
            for name in sorted(names):
                # Each member is read whole once: zipfile compares its CRC at the end of
                # the read (raising BadZipFile), so this is testzip's check as well.
                data = archive.read(name)
                if name.endswith((".xml", ".rels")):
                    parser = expat.ParserCreate(namespace_separator=" ")
                    if name == main:
                        parser.StartElementHandler = note_child
                    try:
                        parser.Parse(data, True)
                    except expat.ExpatError as exc:
                        raise BrokenOutputError(f"{path.name} does not open as {kind}: {name}: {exc}") from exc
            if not found:
                raise BrokenOutputError(f"{path.name} has no {'slides' if kind == 'PowerPoint' else 'sheets'}")
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise BrokenOutputError(f"{path.name} does not open as {kind}: {exc}") from exc


def check_pptx(path: Path) -> None:
    _check_package(path, "PowerPoint")


def check_pdf(path: Path) -> None:
    """The PDF opens without repair (qpdf through pikepdf: the cross-reference table, the
    trailer and the page tree) and has a page."""
    import pikepdf

    try:
        with pikepdf.open(path, attempt_recovery=False) as pdf:
            pages = len(pdf.pages)
    except (pikepdf.PdfError, OSError, ValueError) as exc:
        raise BrokenOutputError(f"{path.name} does not open as PDF: {exc}") from exc
    if pages == 0:
        raise BrokenOutputError(f"{path.name} has no pages")


def check_xlsx(path: Path) -> None:
    _check_package(path, "Excel workbook")


def _every_member_whole(archive: zipfile.ZipFile, path: Path) -> None:
    bad = archive.testzip()  # reads every member and compares its CRC
    if bad is not None:
        raise BrokenOutputError(f"{path.name}: member {bad} is corrupt")


def check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            _every_member_whole(archive, path)
    except zipfile.BadZipFile as exc:
        raise BrokenOutputError(f"{path.name} is not a valid zip file: {exc}") from exc


def check_html(path: Path) -> None:
    """A whole page of the web edition: UTF-8 from the doctype to the closing tag."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BrokenOutputError(f"{path.name} is not UTF-8: {exc}") from exc
    if not text.lstrip().lower().startswith("<!doctype html>") or not text.rstrip().endswith("</html>"):
        raise BrokenOutputError(f"{path.name} is not a whole HTML page")


def check_css(path: Path) -> None:
    try:
        path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BrokenOutputError(f"{path.name} is not UTF-8: {exc}") from exc


def check_font(path: Path) -> None:
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(str(path)) as font:
            font.getBestCmap()
    except (TTLibError, OSError, AssertionError, ValueError) as exc:
        raise BrokenOutputError(f"{path.name} does not open as a font: {exc}") from exc


CHECKS = {
    ".pptx": check_pptx,
    ".pdf": check_pdf,
    ".xlsx": check_xlsx,
    ".zip": check_zip,
    ".html": check_html,
    ".css": check_css,
    ".woff": check_font,
}


def check_file(path: Path) -> None:
    """Check by suffix; other files (CSV, text) need no re-opening."""
    checker = CHECKS.get(path.suffix.lower())
    if checker is not None:
        checker(path)


def write_checked(path: Path, writer: Callable[[Path], None]) -> Path:
    """``writer`` writes a temporary file beside ``path``; it is checked (``check_file``)
    and renamed into place, or removed and the error raised: never a half-written file."""
    with atomic_output(path, check_file) as tmp:
        writer(tmp)
    return path
