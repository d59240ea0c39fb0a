"""XlsxWriter's package written stored, not deflated, because the renderer deflates it
once anyway, and its cells written past the A1-notation wrapper (issue 19).

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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import xlsxwriter
import xlsxwriter.workbook

#: XlsxWriter versions whose ``_store_workbook`` was read for this swap.
CHECKED_VERSIONS = frozenset({"3.3.1"})


def swap_applies() -> bool:
    """True on a checked XlsxWriter that still has the global."""
    return xlsxwriter.__version__ in CHECKED_VERSIONS and hasattr(xlsxwriter.workbook, "ZIP_DEFLATED")


@contextmanager
def stored_package() -> Iterator[None]:
    """Around ``Workbook.close()``: the package's members stored, not deflated."""
    if not swap_applies():
        yield
        return
    module = xlsxwriter.workbook
    original = module.ZIP_DEFLATED  # type: ignore[attr-defined]
    module.ZIP_DEFLATED = zipfile.ZIP_STORED  # type: ignore[attr-defined]
    try:
        yield
    finally:
        module.ZIP_DEFLATED = original  # type: ignore[attr-defined]


def cell_writers(ws: Any) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """``ws``'s string and number writers for cells given as (row, column) numbers.

    The public ``write_string`` and ``write_number`` first try to read their arguments as
    "A1" notation (``convert_cell_args``) and then call ``_write_string`` /
    ``_write_number``; with numbers there is nothing to convert, and the wrapper was
    about 40 % of writing a cell (1 µs of 2.5 µs; an own workbook writes 11,000). On a
    checked XlsxWriter the writers behind the wrapper are used, on any other the public
    ones (``tests/render/test_xlsx_package.py`` checks both give the same file)."""
    if swap_applies() and hasattr(ws, "_write_string") and hasattr(ws, "_write_number"):
        return ws._write_string, ws._write_number
    return ws.write_string, ws.write_number
