"""Re-open a finished file with the library that reads its format, before it is renamed
into place: a file that does not open is an error, not a delivery."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reportgen.errors import ReportgenError


class BrokenOutputError(ReportgenError):
    """A file we wrote does not re-open; it is not put in place."""


def check_pptx(path: Path) -> None:
    from pptx import Presentation

    try:
        slides = len(Presentation(str(path)).slides)
    except Exception as exc:  # any parse failure means a broken file
        raise BrokenOutputError(f"{path.name} does not open as PowerPoint: {exc}") from exc
    if slides == 0:
        raise BrokenOutputError(f"{path.name} has no slides")


def check_pdf(path: Path) -> None:
    from pypdf import PdfReader

    try:
        pages = len(PdfReader(str(path)).pages)
    except Exception as exc:
        raise BrokenOutputError(f"{path.name} does not open as PDF: {exc}") from exc
    if pages == 0:
        raise BrokenOutputError(f"{path.name} has no pages")


def check_xlsx(path: Path) -> None:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(str(path), read_only=True)
        workbook.close()
    except Exception as exc:
        raise BrokenOutputError(f"{path.name} does not open as an Excel workbook: {exc}") from exc


def check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except zipfile.BadZipFile as exc:
        raise BrokenOutputError(f"{path.name} is not a valid zip file: {exc}") from exc
    if bad is not None:
        raise BrokenOutputError(f"{path.name}: member {bad} is corrupt")


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
