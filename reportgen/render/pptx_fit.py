"""Text measurement and fit rules for the PowerPoint renderer.

PowerPoint cannot be asked how tall a wrapped table will be, and it grows a row
silently when its text does not fit, so a long insats name can push a table off the
slide (issue 4 item 4). We therefore estimate before we draw: lines per cell come from
greedy word wrap with widths measured on Liberation Sans — the same metrics as Arial,
which the deck names (ACCESSIBILITY.md, "Fonts") — times a line height. The estimate is
deliberately generous where it must guess (it breaks only at spaces, never after a
hyphen) and exact where it can: the renderer sets the line spacing to exactly
``LINE_HEIGHT`` × size and the margins it measures with. Widths come from the one
measuring engine (``reportgen.measure``), the spacing from ``render.geometry``, which the
PDF renderer's styles use too, so both renderers break lines alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.deck.model import Paragraph, Table
from reportgen.measure import TextFonts, count_lines, text_fonts
from reportgen.render.geometry import LINE_HEIGHT, PARA_SPACE, bullet_indent
from reportgen.text import shorten_rows
from reportgen.theme import Theme

CELL_MARGIN_FACTOR = 0.6  # a cell's top and bottom margins, as a share of the theme's cell padding
SIZE_STEP = 0.5  # points between tried font sizes
WIDTH_SAFETY = 0.99  # measure against 99 % of a column: renderers round, PowerPoint kerns differently
ELLIPSIS = "…"


class TableOverflowError(ValueError):
    """More table rows than a region can show: a defect of the deck layout (the builder
    splits tables by the theme's ``max_rows_per_slide``), not of the user's input."""


#: The measuring fonts: the theme's document faces, measured by ``reportgen.measure``.
Fonts = TextFonts


def measuring_fonts(theme: Theme) -> Fonts:
    return text_fonts(theme)


def line_height(size: float) -> float:
    """Inches one line of ``size`` points occupies."""
    return size * LINE_HEIGHT / 72.0


def cell_margin(theme: Theme) -> float:
    """Inches above and below the text in a table cell."""
    return theme.table["cell_padding"] * CELL_MARGIN_FACTOR


@dataclass(frozen=True)
class TableFit:
    """How a table is drawn: font size, body rows (shortened only as a last resort),
    every row height and column width in inches."""

    size: float
    rows: tuple[tuple[str, ...], ...]
    row_heights: tuple[float, ...]
    col_widths: tuple[float, ...]

    @property
    def height(self) -> float:
        return sum(self.row_heights)


def column_widths(table: Table, width: float) -> tuple[float, ...]:
    total = sum(table.widths) or 1.0
    return tuple(width * w / total for w in table.widths)


def row_heights(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    col_widths: Sequence[float],
    size: float,
    theme: Theme,
    fonts: Fonts,
) -> tuple[float, ...]:
    """Estimated height of each row (header first, in bold) at ``size`` points."""
    pad = theme.table["cell_padding"]
    text_widths = [(w - 2 * pad) * 72.0 * WIDTH_SAFETY for w in col_widths]
    heights = []
    for i, row in enumerate((header, *rows)):
        font = fonts.pick(bold=i == 0)
        lines = max(count_lines(cell, font, size, tw) for cell, tw in zip(row, text_widths, strict=True))
        heights.append(lines * line_height(size) + 2 * cell_margin(theme))
    return tuple(heights)


def fit_table(table: Table, width: float, height: float, theme: Theme, fonts: Fonts) -> TableFit:
    """The largest font size, from the table's own (or the theme's table size) down to the
    theme's ``table_min`` in half points, at which the estimated height fits ``height``.

    Past the smallest size the longest cell texts are shortened with "…", as the PDF
    renderer does, so a table can never run off its slide (issue 4 item 4); a table with
    more rows than the region holds at all raises ``TableOverflowError``.
    """
    widths = column_widths(table, width)
    start = table.font_size or theme.sizes["table"]
    smallest = min(theme.sizes["table_min"], start)
    size = start
    while True:
        heights = row_heights(table.header, table.rows, widths, size, theme, fonts)
        if sum(heights) <= height or size <= smallest:
            break
        size = max(size - SIZE_STEP, smallest)
    if sum(heights) <= height:
        return TableFit(size, table.rows, heights, widths)
    best = shorten_rows(table.rows, 1)
    low, high = 2, max((len(c) for row in table.rows for c in row), default=1)
    while low <= high:
        middle = (low + high) // 2
        candidate = shorten_rows(table.rows, middle)
        if sum(row_heights(table.header, candidate, widths, size, theme, fonts)) <= height:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    heights = row_heights(table.header, best, widths, size, theme, fonts)
    if sum(heights) > height:
        raise TableOverflowError(
            f"a table with {len(table.rows)} rows ({table.header[0]!r}, …) cannot fit {height:.2f} in even at "
            f"{size:g} pt with its texts shortened; the deck layout must split it over more slides"
        )
    return TableFit(size, best, heights, widths)


def paragraphs_height(paragraphs: Sequence[Paragraph], size: float, width: float, fonts: Fonts) -> float:
    """Estimated height (in) of paragraphs stacked in a box ``width`` inches wide."""
    total = 0.0
    for i, para in enumerate(paragraphs):
        text_width = (width - bullet_indent(para.level, size)) * 72.0 * WIDTH_SAFETY
        lines = count_lines(para.text, fonts.pick(para.bold), size, text_width)
        total += lines * line_height(size)
        if i < len(paragraphs) - 1:
            total += PARA_SPACE * size / 72.0
    return total


def fit_text(
    paragraphs: Sequence[Paragraph], size: float, smallest: float, width: float, height: float, fonts: Fonts
) -> float:
    """The largest size from ``size`` down to ``smallest`` (half points) at which the
    paragraphs fit; ``smallest`` when nothing does (the builder's text is then too long
    for its region, and the box overflows downwards rather than hiding words)."""
    current = size
    while current > smallest and paragraphs_height(paragraphs, current, width, fonts) > height:
        current = max(current - SIZE_STEP, smallest)
    return current
