"""The neutral description of a companion workbook (SPEC §1.2, §8c; ACCESSIBILITY.md).

Built once from the data by ``workbook.builder``; ``render.xlsx`` only places it. Every
value is final: counts are ints, shares floats 0–1, everything else text, and a cell
that has no value holds a shorthand (``[x]``, ``[z]``) explained on the notes sheet, so
a table never has blank cells. The shape follows the UK Analysis Function checklist for
statistics in spreadsheets: a title in A1, a few description lines, then at most one
table per sheet with one header row.

The constructors check the limits Excel imposes (sheet names, table names, unique
headers), so a bad model fails here, in the builder's terms, and never as a workbook
that Excel "repairs".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

#: text: written as a string, never a formula; int: whole number; decimal: a number shown
#: with one decimal (means); share: 0–1 shown as a whole percent; link: the name of a
#: sheet in this workbook, written as a link to its A1.
ColumnKind = Literal["text", "int", "decimal", "share", "link"]
COLUMN_KINDS: tuple[str, ...] = ("text", "int", "decimal", "share", "link")

#: A number in an int/share column, or a shorthand such as "[x]" where there is none.
Cell = str | int | float

SHEET_NAME_LIMIT = 31
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
#: Excel's rule for a defined (table) name, kept to ASCII so it is safe in formulas.
_TABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]{0,254}$")
_LOOKS_LIKE_CELL = re.compile(r"^([A-Za-z]{1,3}\d+|[RrCc]|[RrCc]\d+[RrCc]\d+)$")


@dataclass(frozen=True)
class Column:
    """One table column: the header text (unique in its table) and the kind of its cells.

    Columns with the same ``group`` in a table get one width (the widest need among
    them), so a block of like columns (one per municipality, the figure columns) reads
    as a grid instead of jumping with the length of each header.
    """

    name: str
    kind: ColumnKind = "text"
    group: str = ""

    def __post_init__(self) -> None:
        if self.kind not in COLUMN_KINDS:
            raise ValueError(f"column {self.name!r}: unknown kind {self.kind!r}")
        if not self.name.strip():
            raise ValueError("a table column needs a header text")


@dataclass(frozen=True)
class TableData:
    """One Excel table: a meaningful ``name`` (the defined name users see in formulas),
    one header row (``columns``) and at least one body row. ``summary`` is the table's
    alternative text. The first ``key_columns`` columns name a row (the insats, the
    municipality): the writer keeps them in view when scrolling right, as it keeps the
    header row in view when scrolling down."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    summary: str = ""
    key_columns: int = 1

    def __post_init__(self) -> None:
        if not _TABLE_NAME.match(self.name) or _LOOKS_LIKE_CELL.match(self.name):
            raise ValueError(f"{self.name!r} is not a valid Excel table name")
        headers = [c.name.casefold() for c in self.columns]
        duplicates = sorted({h for h in headers if headers.count(h) > 1})
        if duplicates:
            raise ValueError(f"table {self.name}: header names repeat (Excel needs unique ones): {duplicates}")
        if not self.rows:
            raise ValueError(f"table {self.name}: an Excel table needs at least one body row")
        if not 0 <= self.key_columns <= len(self.columns):
            raise ValueError(f"table {self.name}: {self.key_columns} key columns of {len(self.columns)}")
        width = len(self.columns)
        for number, row in enumerate(self.rows, start=1):
            if len(row) != width:
                raise ValueError(f"table {self.name}, row {number}: {len(row)} cells for {width} columns")
            if "" in row:
                raise ValueError(f"table {self.name}, row {number}: a blank cell (use a shorthand such as [x])")


@dataclass(frozen=True)
class Sheet:
    """A worksheet: ``title`` goes in A1, each ``description`` line in the rows below it,
    and the table (if any) starts on the next row, flush left."""

    name: str
    title: str
    description: tuple[str, ...] = ()
    table: TableData | None = None

    def __post_init__(self) -> None:
        check_sheet_name(self.name)


@dataclass(frozen=True)
class Properties:
    """Document properties (File › Info in Excel); ``language`` is a BCP 47 tag."""

    title: str
    subject: str = ""
    author: str = ""  # the publisher's author or organisation (settings); "" names nobody
    company: str = ""  # the publishing organisation
    language: str = "sv-SE"
    keywords: str = ""
    comments: str = ""
    created: datetime | None = None  # the run's build time (also of the zip members); None: the time of writing


@dataclass(frozen=True)
class Workbook:
    """The whole workbook; the first sheet is the one that opens (cursor in A1)."""

    title: str
    properties: Properties
    sheets: tuple[Sheet, ...]

    def __post_init__(self) -> None:
        if not self.sheets:
            raise ValueError("a workbook needs at least one sheet")
        names = [s.name.casefold() for s in self.sheets]
        if len(set(names)) != len(names):
            raise ValueError("sheet names repeat (Excel compares them without case)")
        tables = [s.table.name.casefold() for s in self.sheets if s.table is not None]
        if len(set(tables)) != len(tables):
            raise ValueError("table names repeat (they are workbook-wide names in Excel)")

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


def check_sheet_name(name: str) -> None:
    """Excel's rules: 1–31 characters, none of ``[]:*?/\\``, no apostrophe at either end."""
    if not name or len(name) > SHEET_NAME_LIMIT:
        raise ValueError(f"sheet name {name!r} must have 1–{SHEET_NAME_LIMIT} characters")
    if _SHEET_NAME_FORBIDDEN.search(name) or name.startswith("'") or name.endswith("'"):
        raise ValueError(f"sheet name {name!r} has a character Excel does not allow")
