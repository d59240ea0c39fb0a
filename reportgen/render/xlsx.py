"""Write a workbook model (``reportgen.workbook.model``) as an .xlsx file.

Why XlsxWriter rather than openpyxl (issue 5 item 2):

- it writes real Excel tables (``add_table``) with a name, one header row, filter
  buttons and alternative text (title/description), which the accessibility checklist
  asks for (ACCESSIBILITY.md "Workbook"); openpyxl can too, but needs the cells, the
  table XML and the header names kept in step by hand;
- every cell is written through a typed call (``write_string`` / ``write_number``), and
  the workbook is opened with ``strings_to_formulas``, ``strings_to_urls`` and
  ``strings_to_numbers`` off as a second guard: a name from an input file such as
  ``=HYPERLINK(...)`` or ``-1`` is stored as text and can never run as a formula;
- it is write-only and fast (a full county of 33 municipalities × 409 insatser plus the
  follow-up sheets in well under a second) and its files are byte-for-byte repeatable
  when the creation date is fixed.

XlsxWriter has no document *language* property, so it is added to ``docProps/core.xml``
(``dc:language``, where Excel shows and openpyxl reads it) after writing, by rewriting
that one part of the zip — through the one zip writer (``reportgen.archive``), which also
stamps every member with the build time instead of XlsxWriter's 1980-01-01 (issue 18)
and deflates it: XlsxWriter writes its package stored (``render.xlsx_package``), so no
member is deflated twice (issue 19).

Every sheet is set up for reading and printing (issue 16): on a data sheet the panes are
frozen below the table's header row and right of its key columns, and printing is A4
landscape, one page wide (``fit_to_pages(1, 0)``: as many pages down as the rows need)
with the header row repeated on every page and the sheet name and page number in the
footer. The cover prints on one page. XlsxWriter leaves out ``fitToWidth`` when it is 1,
the schema's default, so openpyxl reads it back as None; Excel and LibreOffice read the
default and print one page wide.

The renderer never computes a figure: it only places values, picks number formats by
column kind and sizes columns from the text they hold.
"""

from __future__ import annotations

import gc
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from reportgen.archive import restamp
from reportgen.imprint import PRODUCER, zip_time
from reportgen.render.xlsx_package import fast_rows, release, stored_package, write_body
from reportgen.workbook.model import Column, Sheet, TableData, Workbook

#: Column widths in Excel character units.
MIN_WIDTH = 8
MAX_WIDTH = 40
#: Long-text columns (the notes' explanations, the cover's lines) wrap at this width.
PROSE_WIDTH = 100
TABLE_STYLE = "TableStyleMedium2"
#: XlsxWriter's paper code for A4.
PAPER_A4 = 9
#: Margins in inches (left, right, top, bottom): a little narrower than Excel's default,
#: so that a wide table prints larger.
MARGINS = (0.4, 0.4, 0.6, 0.6)
#: Sheet name left, "Sida 3 av 12" right, on every printed page.
FOOTER = "&L&8&A&R&8Sida &P av &N"
#: Points per line of 11 pt Calibri, the default font.
LINE_HEIGHT = 15
#: Prose characters per width unit (a unit is the width of "0"; most letters are narrower).
CHARS_PER_UNIT = 1.1
WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
_CORE = "docProps/core.xml"
_APP = "docProps/app.xml"
#: Table alternative text (``title``/``description`` in ``add_table``) came after 3.2.2.
_TABLE_ALT_TEXT = tuple(int(part) for part in xlsxwriter.__version__.split(".")[:2]) >= (3, 3)


class _Formats:
    """The few cell formats of a workbook, made once."""

    def __init__(self, book: xlsxwriter.Workbook):
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.text = book.add_format({"valign": "top"})
        self.wrap = book.add_format({"valign": "top", "text_wrap": True})
        self.header = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.header_number = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "align": "right"})
        # Right-aligned, so that a shorthand ("[x]") in a number column lines up with the numbers.
        self.int = book.add_format({"num_format": "0", "valign": "top", "align": "right"})
        self.decimal = book.add_format({"num_format": "0.0", "valign": "top", "align": "right"})
        self.share = book.add_format({"num_format": "0%", "valign": "top", "align": "right"})
        self.link = book.add_format({"font_color": "#0B5CAD", "underline": 1, "valign": "top"})
        self.prose = book.add_format({"text_wrap": True, "valign": "top"})

    def body(self, column: Column, wrap: bool) -> Format:
        if column.kind == "text":
            return self.wrap if wrap else self.text
        return {"int": self.int, "decimal": self.decimal, "share": self.share, "link": self.link}[column.kind]


def render_xlsx(workbook: Workbook, path: Path) -> None:
    """Write ``workbook`` to ``path`` (the caller makes the write atomic, reportgen.atomic)."""
    with _collector_paused():
        data = _package(workbook)
    Path(path).write_bytes(data)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a workbook is written, as it was.

    XlsxWriter keeps a tuple per cell in dicts (~10 000 for an own workbook, ~100 000 for
    a county's): allocations that set off collection after collection, each walking the
    objects the process holds (the survey, the models), for cycles there are none of here;
    about a fifth of an own workbook's CPU in a single-job build (issue 19). Reference
    counting frees everything once the workbook is dropped (``xlsx_package.release``
    breaks XlsxWriter's cycles), so turning the collector on again finds nothing to do."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _package(workbook: Workbook) -> bytes:
    """The finished package: XlsxWriter's, re-stamped with the language and build time."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, WORKBOOK_OPTIONS)
    properties: dict[str, Any] = {
        "title": workbook.properties.title,
        "subject": workbook.properties.subject,
        "author": workbook.properties.author,
        "company": workbook.properties.company,
        "keywords": workbook.properties.keywords,
        "comments": workbook.properties.comments,
    }
    if workbook.properties.created is not None:
        properties["created"] = workbook.properties.created
    book.set_properties(properties)
    formats = _Formats(book)
    for sheet in workbook.sheets:
        ws = book.add_worksheet(sheet.name)
        fast_rows(ws)
        _write_sheet(ws, sheet, formats)
    with stored_package():  # deflated once, by the restamp below
        book.close()
    release(book)
    return _with_language(buffer.getvalue(), workbook.properties.language, workbook.properties.created)


def _write_sheet(ws: Worksheet, sheet: Sheet, formats: _Formats) -> None:
    ws.write_string(0, 0, sheet.title, formats.title)
    # Codes such as "1260" are text on purpose; Excel would flag each as a number stored as text.
    ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})
    _print_setup(ws)
    if sheet.table is None:
        # A cover: prose lines in one wide, wrapping column, printed on one page.
        ws.set_column(0, 0, PROSE_WIDTH)
        for row, line in enumerate(sheet.description, start=1):
            ws.write_string(row, 0, line, formats.prose)
            _fit_height(ws, row, [(line, PROSE_WIDTH)])
        ws.fit_to_pages(1, 1)
        return
    for row, line in enumerate(sheet.description, start=1):
        ws.write_string(row, 0, line, formats.text)
    top = 1 + len(sheet.description)
    _write_table(ws, top, sheet.table, formats)
    # Header row and key columns stay in view; the header row heads every printed page.
    ws.freeze_panes(top + 1, sheet.table.key_columns)
    ws.repeat_rows(top)
    ws.fit_to_pages(1, 0)


def _print_setup(ws: Worksheet) -> None:
    ws.set_paper(PAPER_A4)
    ws.set_landscape()
    ws.set_margins(*MARGINS)
    ws.set_footer(FOOTER)


def _write_table(ws: Worksheet, top: int, table: TableData, formats: _Formats) -> None:
    widths = _grouped([_width(column, table, i) for i, column in enumerate(table.columns)], table.columns)
    wraps = [w >= MAX_WIDTH for w in widths]
    if len(table.columns) == 2 and table.columns[1].kind == "text" and wraps[1]:
        widths[1] = PROSE_WIDTH  # notes and contents: one long explanation per row
    body = [formats.body(column, wrap) for column, wrap in zip(table.columns, wraps, strict=True)]
    options = {
        "name": table.name,
        "style": TABLE_STYLE,
        "columns": [
            {"header": c.name, "header_format": formats.header if c.kind in ("text", "link") else formats.header_number}
            for c in table.columns
        ],
    }
    if table.summary and _TABLE_ALT_TEXT:
        options["title"] = table.summary
        options["description"] = table.summary
    last = top + len(table.rows)
    if ws.add_table(top, 0, last, len(table.columns) - 1, options) != 0:
        raise ValueError(f"XlsxWriter refused table {table.name!r} on sheet {ws.name!r}")
    for index, width in enumerate(widths):
        ws.set_column(index, index, width)
    _fit_height(ws, top, [(c.name, w) for c, w in zip(table.columns, widths, strict=True)])
    wrapped = [i for i, wrap in enumerate(wraps) if wrap]
    if wrapped:
        for offset, row in enumerate(table.rows, start=top + 1):
            _fit_height(ws, offset, [(str(row[i]), widths[i]) for i in wrapped])
    write_body(ws, top + 1, table.rows, [c.kind for c in table.columns], body, partial(_write_link, ws))


def _write_link(ws: Worksheet, row: int, col: int, value: object, fmt: Format) -> None:
    """A link to A1 of the sheet named ``value`` (apostrophes doubled, as Excel quotes them)."""
    name = str(value)
    quoted = name.replace("'", "''")
    ws.write_url(row, col, f"internal:'{quoted}'!A1", fmt, string=name, tip=f"Gå till fliken {name}")


def _fit_height(ws: Worksheet, row: int, cells: list[tuple[str, float]]) -> None:
    """Set the height of a row whose wrapped text needs more than one line.

    Neither LibreOffice nor Excel reliably grows rows written without a height when
    they open the file, so wrapped text would overlap the next row. The line count is
    a word-wrap estimate at one character per width unit (the width of "0"), which
    errs on the roomy side for prose.
    """
    lines = max(_lines(text, width) for text, width in cells)
    if lines > 1:
        ws.set_row(row, LINE_HEIGHT * lines)


def _lines(text: str, width: float) -> int:
    room = max(int(width * CHARS_PER_UNIT) - 1, 1)
    lines, used = 1, 0
    for word in text.split():
        need = len(word) if used == 0 else used + 1 + len(word)
        if need <= room:
            used = need
        else:
            lines += 1 if used else 0
            lines += (len(word) - 1) // room  # a word longer than the column breaks inside
            used = len(word) % room or room
    return lines


def _width(column: Column, table: TableData, index: int) -> float:
    """Wide enough for the longest value (text longer than ``MAX_WIDTH`` wraps), and for
    the header in about two lines, three over a number column (headers wrap)."""
    longest = 5 if column.kind in ("share", "decimal") else max(len(str(row[index])) for row in table.rows)
    header_word = max(len(word) for word in column.name.split())
    lines = 2 if column.kind in ("text", "link") else 3
    header_part = len(column.name) // lines + 2 + lines
    return float(min(max(longest, header_word, header_part, MIN_WIDTH) + 2, MAX_WIDTH))


def _grouped(widths: list[float], columns: tuple[Column, ...]) -> list[float]:
    """Columns of one ``group`` take the widest width among them."""
    widest: dict[str, float] = {}
    for width, column in zip(widths, columns, strict=True):
        if column.group:
            widest[column.group] = max(widest.get(column.group, 0.0), width)
    return [widest[c.group] if c.group else w for w, c in zip(widths, columns, strict=True)]


def _with_language(data: bytes, language: str, created: datetime | None) -> bytes:
    """The package with ``<dc:language>`` added to its core properties, reportgen (not
    XlsxWriter's "Microsoft Excel") as the Application, every member at ``created`` (UTC;
    None keeps XlsxWriter's)."""
    element = f"<dc:language>{escape(language)}</dc:language>".encode()

    def add_language(part: bytes) -> bytes:
        if b"<dc:language>" in part:
            raise ValueError("core properties already hold a language")
        return part.replace(b"</cp:coreProperties>", element + b"</cp:coreProperties>")

    def name_the_tool(part: bytes) -> bytes:
        tool = f"<Application>{escape(PRODUCER)}</Application>".encode()
        return part.replace(b"<Application>Microsoft Excel</Application>", tool)

    when = None if created is None else zip_time(created)
    # Level 1: the parts are repetitive XML, so it costs ~10 % in size and saves ~0.1 s.
    replace = {_CORE: add_language, _APP: name_the_tool}
    return restamp(data, when, replace=replace, compresslevel=1, compression=zipfile.ZIP_DEFLATED)
