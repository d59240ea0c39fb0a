"""Read answer files into raw text tables, whatever their encoding or separator (SPEC §4).

Real exports arrive as `;`- or `,`-separated CSV in UTF-8, UTF-8 with BOM or
Windows-1252 (sometimes gzipped), or as Excel workbooks. Everything here is text: the
meaning of a cell is decided later, by the validator. A file that cannot be read becomes
a ``Problem``, never an exception, so one bad file does not hide the others' problems.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import io
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from reportgen.errors import Problem

#: Suffixes read from a folder; anything else there (README, SYNTHETIC marker) is skipped.
ANSWER_SUFFIXES = (".csv", ".csv.gz", ".xlsx")
#: Spreadsheet formats we cannot read; named in an error instead of being skipped silently.
UNSUPPORTED = {".xls": "old Excel format", ".ods": "OpenDocument spreadsheet", ".xlsm": "macro workbook"}


@dataclass(frozen=True, eq=False)
class RawTable:
    """One CSV file or worksheet: header cells, data cells as text (NaN when blank), and
    the row number the user sees for each data row (header row = 1 in a CSV)."""

    file: str
    headers: list[str]
    cells: pd.DataFrame  # columns 0..n-1, aligned with ``headers``
    rows: np.ndarray
    header_row: int = 1
    sheet: str | None = None  # the worksheet's name in a workbook

    def header_at(self, position: int) -> RawTable:
        """The same table read with data row ``position`` (0-based) as its header: for
        exports that put a title line above the header."""
        headers = ["" if pd.isna(v) else str(v) for v in self.cells.iloc[position]]
        cells = self.cells.iloc[position + 1 :].reset_index(drop=True)
        rows = self.rows[position + 1 :]
        return RawTable(self.file, headers, cells, rows, int(self.rows[position]), self.sheet)


def answer_files(path: Path) -> list[Path]:
    """The answer files of a folder in name order (hidden files and Excel lock files skipped)."""
    if path.is_file():
        return [path]
    files = []
    for child in sorted(path.iterdir()):
        name = child.name.lower()
        if child.is_file() and not name.startswith((".", "~$")) and name.endswith((*ANSWER_SUFFIXES, *UNSUPPORTED)):
            files.append(child)
    return files


def read_answer_files(path: Path) -> tuple[list[RawTable], list[Problem]]:
    """Every table in ``path`` (a folder or one file), and a problem per unreadable file."""
    if not path.exists():
        return [], [Problem(str(path), None, None, None, "no such file or folder")]
    files = answer_files(path)
    if not files:
        return [], [Problem(str(path), None, None, None, "no answer files (.csv, .csv.gz, .xlsx) in this folder")]
    tables: list[RawTable] = []
    problems: list[Problem] = []
    for file in files:
        found, trouble = read_file(file)
        tables += found
        problems += trouble
    return tables, problems


def read_file(path: Path) -> tuple[list[RawTable], list[Problem]]:
    """The tables of one file: one for a CSV, one per non-empty worksheet of a workbook."""
    name = path.name
    lower = name.lower()
    for suffix, kind in UNSUPPORTED.items():
        if lower.endswith(suffix):
            return [], [Problem(name, None, None, None, f"cannot read {kind} ({suffix}); save it as .xlsx or CSV")]
    try:
        if lower.endswith(".xlsx"):
            return _nonempty(name, _read_workbook(path), workbook=True)
        data = path.read_bytes()
        if not data:
            # A truncated copy: skipping it would drop a whole area without a word.
            return [], [Problem(name, None, None, None, EMPTY + " (0 bytes); was a copy cut short?")]
        if lower.endswith(".gz"):
            data = gzip.decompress(data)
        table = parse_csv(name, decode(data))
        return _nonempty(name, [table] if table is not None else [])
    except _Unreadable as exc:
        return [], [Problem(name, exc.row, None, None, f"cannot read the file: {exc}")]
    except (OSError, EOFError, zipfile.BadZipFile, KeyError, ValueError, zlib.error, SyntaxError) as exc:
        # zlib.error: a damaged .gz; SyntaxError: XML ParseError inside a damaged .xlsx.
        return [], [Problem(name, None, None, None, f"cannot read the file: {_reason(exc)}")]


#: The messages of a file without answers: an error, since its rows cannot silently be none.
EMPTY = "the file is empty"
NO_ROWS = "the file has a header but no rows"


def _nonempty(name: str, tables: list[RawTable], workbook: bool = False) -> tuple[list[RawTable], list[Problem]]:
    """The tables, or an error when the file holds none: no header at all, or (a CSV) a
    header without rows. A workbook's header-only sheets are left to the validator: a
    sheet of explanations looks just like one."""
    if not tables:
        return [], [Problem(name, None, None, None, EMPTY)]
    if not workbook and not len(tables[0].cells):
        return [], [Problem(name, tables[0].header_row, None, None, NO_ROWS)]
    return tables, []


class _Unreadable(Exception):
    def __init__(self, message: str, row: int | None = None):
        super().__init__(message)
        self.row = row


def decode(data: bytes) -> str:
    """Text of a CSV: a BOM decides; otherwise UTF-8 if valid, else Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _Unreadable(f"starts as UTF-8 but byte {exc.start} is not UTF-8") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise _Unreadable(f"neither UTF-8 nor Windows-1252 text (byte {exc.start})") from None


def sniff_separator(text: str) -> str:
    """`;`, `,` or tab: whichever occurs most in one of the first lines, outside quotes
    (the first line may be a title without any)."""
    counts = {sep: max((n[sep] for n in _separator_counts(text)), default=0) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _separator_counts(text: str, lines: int = 10) -> list[dict[str, int]]:
    found = []
    for line in text[:65536].splitlines():
        if not line.strip():
            continue
        counts = {";": 0, ",": 0, "\t": 0}
        quoted = False
        for char in line:
            if char == '"':
                quoted = not quoted
            elif not quoted and char in counts:
                counts[char] += 1
        found.append(counts)
        if len(found) == lines:
            break
    return found


def parse_csv(name: str, text: str) -> RawTable | None:
    """Parse CSV text; row numbers are line numbers (files with line breaks inside quoted
    cells are rare in exports, and there the number is of the record, not the line)."""
    if not text.strip():
        return None
    sep = sniff_separator(text)
    width = max((counts[sep] + 1 for counts in _separator_counts(text)), default=1)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            header=None,
            names=range(width),
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skip_blank_lines=False,
            quoting=csv.QUOTE_MINIMAL,
        )
    except pd.errors.ParserError as exc:
        raise _Unreadable(_reason(exc)) from None
    frame = frame.set_axis(range(frame.shape[1]), axis=1)
    return _table(name, frame, first_row=1)


def _read_workbook(path: Path) -> list[RawTable]:
    import openpyxl  # only needed for workbooks; keeps CSV-only runs light

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _Unreadable(f"not a readable .xlsx workbook ({_reason(exc)})") from None
    tables = []
    try:
        for sheet in book.worksheets:
            values = [[_cell(v) for v in row] for row in sheet.iter_rows(min_row=1, values_only=True)]
            width = max((len(row) for row in values), default=0)
            if not width:
                continue
            frame = pd.DataFrame([row + [None] * (width - len(row)) for row in values], dtype=object)
            table = _table(f"{path.name} [{sheet.title}]", frame.astype("str").where(frame.notna()), first_row=1)
            if table is not None:
                tables.append(replace(table, sheet=sheet.title))
    finally:
        book.close()
    return tables


def _cell(value: object) -> str | None:
    """Excel cell → text as the user typed it (1280.0 → "1280", 2.1 stays "2.1")."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "Ja" if value else "Nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _table(name: str, frame: pd.DataFrame, *, first_row: int) -> RawTable | None:
    """Strip cells, drop blank rows, take the first non-blank row as the header."""
    frame = pd.DataFrame({name: _stripped(column) for name, column in frame.items()}, index=frame.index)
    rows = np.arange(first_row, first_row + len(frame))
    filled = frame.notna().any(axis=1).to_numpy()
    frame, rows = frame[filled], rows[filled]
    if frame.empty:
        return None
    headers = ["" if pd.isna(v) else str(v) for v in frame.iloc[0]]
    cells = frame.iloc[1:].reset_index(drop=True)
    return RawTable(name, headers, cells, rows[1:], int(rows[0]))


def _stripped(column: pd.Series) -> pd.Series:
    """Cells without surrounding spaces, blank → NaN; done per distinct value (fast)."""
    codes, uniques = pd.factorize(column)
    cleaned = np.array([str(u).strip() or np.nan for u in uniques] + [np.nan], dtype=object)
    return pd.Series(cleaned[codes], index=column.index, dtype="str")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().replace("Error tokenizing data. C error: ", "")
    return text.splitlines()[0] if text else type(exc).__name__
