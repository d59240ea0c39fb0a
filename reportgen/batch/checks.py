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


CHECKS = {".pptx": check_pptx, ".pdf": check_pdf, ".xlsx": check_xlsx, ".zip": check_zip}


def check_file(path: Path) -> None:
    """Check by suffix; other files (CSV, text) need no re-opening."""
    checker = CHECKS.get(path.suffix.lower())
    if checker is not None:
        checker(path)
