"""XlsxWriter's package written stored, not deflated, because the renderer deflates it
once anyway, a table's cells stored without a per-cell check, its rows of plain string
and number cells written as XML in one step each, and its reference cycles broken once
it is written (issue 19). Each works only on a checked XlsxWriter
(:func:`on_checked_xlsxwriter`).

``render.xlsx`` re-stamps every member of XlsxWriter's package (``archive.restamp``: the
build time, the document language) and deflates each member as it does. XlsxWriter had
deflated them already, at zlib's default level, and the restamp had to inflate them
again: for nothing, about 10 ms of a municipality's own workbook (~130 ms) and 60–80 ms
of a county's. The final file is the same, byte for byte: the restamp writes each member
from its uncompressed bytes either way.

XlsxWriter has no option for the compression. ``Workbook._store_workbook`` opens its
ZipFile with the module global ``ZIP_DEFLATED`` of ``xlsxwriter.workbook`` and gives
every member that compression (read against XlsxWriter 3.3.1). ``stored_package`` swaps
that one global for ``ZIP_STORED`` while ``close()`` runs and puts it back after, only on
a version it was read against; on any other the package is deflated as before (slower,
never wrong). ``tests/render/test_xlsx_package.py`` fails when XlsxWriter's version or
its use of the global changes, so the swap is read again rather than silently lost.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from types import MethodType
from typing import Any

import xlsxwriter
import xlsxwriter.workbook
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import CellNumberTuple, CellStringTuple

#: XlsxWriter versions whose private parts used here (``_store_workbook``'s global, the
#: cell tuples, ``_write_rows``, ``workbook_add_format``) were read.
CHECKED_VERSIONS = frozenset({"3.3.1"})


def on_checked_xlsxwriter() -> bool:
    """True on a checked XlsxWriter (that still has the global): every shortcut of this
    module applies; on any other XlsxWriter none does, and its public route runs."""
    return xlsxwriter.__version__ in CHECKED_VERSIONS and hasattr(xlsxwriter.workbook, "ZIP_DEFLATED")


@contextmanager
def stored_package() -> Iterator[None]:
    """Around ``Workbook.close()``: the package's members stored, not deflated."""
    if not on_checked_xlsxwriter():
        yield
        return
    module = xlsxwriter.workbook
    original = module.ZIP_DEFLATED  # type: ignore[attr-defined]
    module.ZIP_DEFLATED = zipfile.ZIP_STORED  # type: ignore[attr-defined]
    try:
        yield
    finally:
        module.ZIP_DEFLATED = original  # type: ignore[attr-defined]


def write_body(
    ws: Any,
    first_row: int,
    rows: Sequence[Sequence[object]],
    kinds: Sequence[str],
    formats: Sequence[Any],
    link: Callable[[int, int, object, Any], object],
) -> None:
    """A table's body: ``rows`` from ``first_row`` down, column ``i`` of kind ``kinds[i]``
    ("text", "link" or a number kind) in format ``formats[i]``; ``link`` writes a link cell.

    Text is written as text; a number column's int or float as a number, anything else in
    it (a shorthand such as "[x]") as text. The public ``write_string`` / ``write_number``
    read their arguments as "A1" notation first, then check the cell against the sheet's
    bounds and widen the sheet's dimensions, per cell: about 2.5 µs of each cell's 4
    (an own workbook has 11,000). On a checked XlsxWriter the body's corners are checked
    once (the same bounds and dimensions) and each cell goes straight into the sheet's
    cell table as the tuple ``_write_string`` / ``_write_number`` store, its text through
    the same shared-string table in the same order; a string long enough to need
    XlsxWriter's truncation and a NaN or infinity (which XlsxWriter refuses) still go
    through those writers. ``tests/render/test_xlsx_package.py`` checks both routes give
    the same file, byte for byte.
    """
    if not rows:
        return
    last_row, last_col = first_row + len(rows) - 1, len(kinds) - 1
    fast = on_checked_xlsxwriter() and not ws.constant_memory
    if fast and not ws._check_dimensions(first_row, 0) and not ws._check_dimensions(last_row, last_col):
        number, text = _cell_storers(ws)
    else:
        number, text = ws.write_number, ws.write_string
    columns = list(enumerate(zip(kinds, formats, strict=True)))
    for row_num, row in enumerate(rows, start=first_row):
        for col, (kind, fmt) in columns:
            value = row[col]
            if kind == "link":
                link(row_num, col, value, fmt)
            elif kind != "text" and isinstance(value, int | float) and not isinstance(value, bool):
                number(row_num, col, value, fmt)
            else:
                text(row_num, col, str(value), fmt)


def _cell_storers(ws: Any) -> tuple[Callable[..., object], Callable[..., object]]:
    """Number and text cells put in ``ws``'s cell table as ``_write_number`` and
    ``_write_string`` put them, for a body whose corners were checked."""
    table, shared, longest = ws.table, ws.str_table._get_shared_string_index, ws.xls_strmax // 2

    def number(row: int, col: int, value: float, fmt: Any) -> None:
        if value - value == 0:  # finite (NaN and infinities give NaN)
            table[row][col] = CellNumberTuple(value, fmt)
        else:
            ws._write_number(row, col, value, fmt)

    def text(row: int, col: int, value: str, fmt: Any) -> None:
        if len(value) > longest:
            ws._write_string(row, col, value, fmt)
        else:
            table[row][col] = CellStringTuple(shared(value), fmt)

    return number, text


def fast_rows(ws: Any) -> None:
    """Have ``ws`` write its rows with :func:`_write_rows` (on a checked XlsxWriter only).

    XlsxWriter writes each cell's ``<c>`` element through ``_write_cell``: an attribute
    list, the cell's class name compared as a string, every attribute value run through
    a regular-expression escape and one file write per cell — about 4.8 µs a cell, half
    of an own workbook's time (11,000 cells) and a third of a county's (100,000). Almost
    every cell we write is a shared string or a number with a format, whose element is
    fixed text around two integers; :func:`_write_rows` writes those directly and hands
    every other cell (no format, a formula, a date, a rich string) to XlsxWriter's own
    ``_write_cell``. Set on the one worksheet object, not on the class, so nothing else
    changes; ``tests/render/test_xlsx_package.py`` checks the file is the same, byte for
    byte, as XlsxWriter's own route, and fails when XlsxWriter's version changes.
    """
    if on_checked_xlsxwriter() and not ws.constant_memory and hasattr(ws, "_write_rows"):
        ws._write_rows = MethodType(_write_rows, ws)


#: Column letters by number, made as met ("A", "B", … "AA").
_COLUMN_NAMES: dict[int, str] = {}


def _write_rows(ws: Any) -> None:
    """``Worksheet._write_rows`` of XlsxWriter 3.3.1, with its cell loop specialised.

    The same rows in the same order with the same ``<row>`` elements (XlsxWriter's own
    ``_write_row`` / ``_write_empty_row``); in each, the cells in column order, written
    as ``_xml_string_element`` / ``_xml_number_element`` would write them: the
    attributes ``r`` (an A1 reference) and ``s`` (the format's index) need no escaping.
    """
    ws._calculate_spans()
    write = ws.fh.write
    table, row_info, comments, spans = ws.table, ws.row_info, ws.comments, ws.row_spans
    names = _COLUMN_NAMES
    for row_num in range(ws.dim_rowmin, ws.dim_rowmax + 1):
        cells = table.get(row_num)
        if not cells and row_num not in row_info and row_num not in comments:
            continue
        span = spans.get(row_num // 16)
        info = row_info.get(row_num)
        if not cells:
            ws._write_empty_row(row_num, span, info)
            continue
        ws._write_row(row_num, span, info)
        row = str(row_num + 1)
        for col_num in sorted(cells):
            cell = cells[col_num]
            kind, fmt = cell.__class__, cell.format
            if fmt is None or (kind is not CellStringTuple and kind is not CellNumberTuple):
                ws._write_cell(row_num, col_num, cell)
                continue
            name = names.get(col_num)
            if name is None:
                name = names[col_num] = xl_col_to_name(col_num)
            if kind is CellStringTuple:
                write(f'<c r="{name}{row}" s="{fmt._get_xf_index()}" t="s"><v>{cell.string}</v></c>')
            else:
                write(f'<c r="{name}{row}" s="{fmt._get_xf_index()}"><v>{cell.number:.16G}</v></c>')
        write("</row>")


def release(book: Any) -> None:
    """After ``book.close()``: drop the two references back that make each worksheet, with
    every cell it holds, a reference cycle (issue 19).

    Each XlsxWriter worksheet keeps its workbook's ``add_format`` as a bound method (so
    the workbook it belongs to), and :func:`fast_rows` gives it a bound method of its
    own. With those, a written workbook's ~23,000 objects (an own workbook's) are freed
    only by Python's cyclic collector, which in a batch worker meant a collection that
    walked everything the process holds after each workbook: 3 % of a batch's CPU.
    Without them, reference counting frees the workbook the moment it is dropped.
    ``tests/render/test_xlsx_package.py`` fails when a written workbook leaves a cycle.
    """
    for ws in book.worksheets():
        vars(ws).pop("_write_rows", None)
        if hasattr(ws, "workbook_add_format"):
            ws.workbook_add_format = None
