"""Text measurement and fit rules for the PowerPoint renderer.

PowerPoint cannot be asked how tall a wrapped table will be, and it grows a row
silently when its text does not fit, so a long insats name can push a table off the
slide (issue 4 item 4). We therefore estimate before we draw: lines per cell come from
greedy word wrap with widths measured on Liberation Sans — the same metrics as Arial,
which the deck names (ACCESSIBILITY.md, "Fonts") — times a line height. The estimate is
deliberately generous (breaks only at spaces, 1.2 × size per line, where PowerPoint
and LibreOffice use about 1.15), so real text is never taller than estimated.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reportgen.deck.model import Paragraph, Table
from reportgen.errors import ReportgenError
from reportgen.theme import Theme

LINE_HEIGHT = 1.2  # line pitch as a multiple of the font size
CELL_MARGIN_V = 0.04  # inches above and below the text in a table cell
TEXT_INSET_V = 0.04  # inches above and below the text in a text box
BULLET_INDENT = 0.25  # inches per bullet level
PARA_SPACE = 0.4  # space before a paragraph (not the first), as a multiple of its size
SIZE_STEP = 0.5  # points between tried font sizes


class TableOverflowError(ReportgenError):
    """A table that cannot fit its region even at the smallest allowed size.

    The deck builder decides how many rows a slide holds (theme ``max_rows_per_slide``);
    reaching this means a layout asks for more than a slide can show.
    """


@dataclass(frozen=True)
class Fonts:
    """The names under which the measuring fonts are registered with reportlab."""

    regular: str
    bold: str

    def pick(self, bold: bool) -> str:
        return self.bold if bold else self.regular


def measuring_fonts(theme: Theme) -> Fonts:
    """Register the theme's PDF fonts with reportlab (idempotent) and name them."""
    return Fonts(_register(str(theme.font_path("pdf_regular"))), _register(str(theme.font_path("pdf_bold"))))


@lru_cache(maxsize=8)
def _register(path: str) -> str:
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))
    return name


@lru_cache(maxsize=65536)
def _em_width(word: str, font: str) -> float:
    """Width of ``word`` at 1 pt; widths scale linearly with size."""
    return pdfmetrics.stringWidth(word, font, 1000.0) / 1000.0


def count_lines(text: str, font: str, size: float, width_pt: float) -> int:
    """Lines that ``text`` wraps to in a column ``width_pt`` points wide.

    Greedy word wrap at spaces, as PowerPoint does; a word wider than the column is
    broken across lines. Explicit newlines start new lines. Empty text is one line
    (an empty cell still has the height of one line).
    """
    width = max(width_pt, 1.0)
    space = _em_width(" ", font) * size
    lines = 0
    for para in text.split("\n"):
        lines += 1
        used = 0.0
        for word in para.split():
            w = _em_width(word, font) * size
            if used and used + space + w <= width:
                used += space + w
                continue
            if used:
                lines += 1
            extra = max(0, math.ceil(w / width) - 1)
            lines += extra
            used = w - extra * width
    return lines


def line_height(size: float) -> float:
    """Inches one line of ``size`` points occupies."""
    return size * LINE_HEIGHT / 72.0


@dataclass(frozen=True)
class TableFit:
    """How a table is drawn: its font size and every row height and column width (in)."""

    size: float
    row_heights: tuple[float, ...]
    col_widths: tuple[float, ...]

    @property
    def height(self) -> float:
        return sum(self.row_heights)


def column_widths(table: Table, width: float) -> tuple[float, ...]:
    total = sum(table.widths) or 1.0
    return tuple(width * w / total for w in table.widths)


def row_heights(
    table: Table, col_widths: Sequence[float], size: float, theme: Theme, fonts: Fonts, *, min_row: float
) -> tuple[float, ...]:
    """Estimated height of each row (header first) at ``size`` points."""
    pad = theme.table["cell_padding"]
    text_widths = [(w - 2 * pad) * 72.0 for w in col_widths]
    heights = []
    for i, row in enumerate((table.header, *table.rows)):
        font = fonts.pick(bold=i == 0)
        lines = max(count_lines(cell, font, size, tw) for cell, tw in zip(row, text_widths, strict=True))
        heights.append(max(min_row, lines * line_height(size) + 2 * CELL_MARGIN_V))
    return tuple(heights)


def fit_table(table: Table, width: float, height: float, theme: Theme, fonts: Fonts) -> TableFit:
    """The largest font size, from the table's own (or the theme table size) down to the
    theme's ``table_min``, at which the estimated table height fits ``height``.

    Rows keep the theme's ``row_height`` (scaled with the size) as a minimum for air;
    only at the smallest size is that minimum dropped before giving up.
    """
    widths = column_widths(table, width)
    base = theme.sizes["table"]
    start = table.font_size or base
    smallest = min(theme.sizes["table_min"], start)
    size = start
    while True:
        min_row = theme.table["row_height"] * size / base
        heights = row_heights(table, widths, size, theme, fonts, min_row=min_row)
        if sum(heights) <= height:
            return TableFit(size, heights, widths)
        if size - SIZE_STEP < smallest - 1e-9:
            break
        size -= SIZE_STEP
    heights = row_heights(table, widths, smallest, theme, fonts, min_row=0.0)
    if sum(heights) <= height:
        return TableFit(smallest, heights, widths)
    raise TableOverflowError(
        f"table {table.header!r} with {len(table.rows)} rows needs {sum(heights):.2f} in "
        f"at {smallest:g} pt but its region is {height:.2f} in tall; split it over more slides"
    )


def paragraphs_height(paragraphs: Sequence[Paragraph], size: float, width: float, fonts: Fonts) -> float:
    """Estimated height (in) of paragraphs in a text box ``width`` inches wide (insets excluded)."""
    total = 0.0
    for i, para in enumerate(paragraphs):
        indent = BULLET_INDENT * para.level
        lines = count_lines(para.text, fonts.pick(para.bold), size, (width - indent) * 72.0)
        total += lines * line_height(size)
        if i:
            total += PARA_SPACE * size / 72.0
    return total


def fit_text(
    paragraphs: Sequence[Paragraph], size: float, smallest: float, width: float, height: float, fonts: Fonts
) -> float:
    """The largest size from ``size`` down to ``smallest`` at which the text fits.

    Returns ``smallest`` when nothing fits: a text that long is the builder's to shorten,
    and the slide is still readable with the box overflowing downwards.
    """
    current = size
    while current > smallest and paragraphs_height(paragraphs, current, width, fonts) > height:
        current -= SIZE_STEP
    return max(current, smallest)
