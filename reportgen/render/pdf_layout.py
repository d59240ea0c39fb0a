"""Text and table layout for the PDF renderers: styles, shrink-to-fit, tables that fit.

Measuring and building only — no canvas, no tagging — so the deck (``render.pdf``) and
the result appendix set text and tables the same way. Sizes shrink in half-point steps
to a floor; a table that still does not fit has its longest texts shortened with "…",
so nothing ever runs off the slide (issue 5).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from reportgen.deck.model import Table
from reportgen.render.geometry import BULLET_HANG, LINE_HEIGHT, PT, table_caption_regions
from reportgen.render.pdf_fonts import PdfFonts, register_fonts
from reportgen.render.pdf_text import plain_paragraph
from reportgen.text import shorten_rows
from reportgen.theme import Theme, load_theme, per_theme

ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


def paragraph_style(
    theme: Theme,
    fonts: PdfFonts,
    size: float,
    *,
    bold: bool = False,
    color: str = "text",
    align: int = TA_LEFT,
    space_after: float = 0.0,
    indent: float = 0.0,
) -> ParagraphStyle:
    """The deck's text style; public so the result appendix (issue 10) sets text the same way."""
    return ParagraphStyle(
        "s",
        fontName=fonts.bold if bold else fonts.regular,
        fontSize=size,
        leading=size * LINE_HEIGHT,
        textColor=HexColor(theme.color(color)),
        alignment=align,
        spaceAfter=space_after,
        leftIndent=indent,
        bulletIndent=max(indent - size * BULLET_HANG, 0),
        bulletFontName=fonts.regular,
        bulletFontSize=size,  # reportlab's default is 10 pt whatever the text size
    )


#: Styles the deck's renderers share, by theme, fonts and look: a deck asks for the same
#: few thousand times (every cell, every size tried), and a shared style lets its
#: paragraphs share fragments and line breaks (``pdf_text``).
_shared: dict[tuple[Any, ...], tuple[Theme, ParagraphStyle]] = {}


def shared_style(theme: Theme, fonts: PdfFonts, size: float, **look: Any) -> ParagraphStyle:
    """``paragraph_style(theme, fonts, size, **look)``, made once and shared: never to be
    changed (the appendix, which adjusts its styles, makes its own)."""
    key = (id(theme), fonts, size, *sorted(look.items()))
    hit = _shared.get(key)
    if hit is None or hit[0] is not theme:
        if len(_shared) >= 4096:
            _shared.clear()
        hit = _shared[key] = (theme, paragraph_style(theme, fonts, size, **look))
    return hit[1]


def table_style(theme: Theme, fonts: PdfFonts, size: float) -> TableStyle:
    """The deck's table look (header row in the primary colour, striped body, rules, padding),
    public so the result appendix (issue 10) draws its tables the same way."""
    pad = theme.table["cell_padding"] * PT

    def color(key: str) -> Any:
        return HexColor(theme.color(key))

    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), color("table_header")),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, color("table_stripe")]),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, color("rule")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONT", (0, 0), (-1, -1), fonts.regular, size),  # reportlab's cell default is Helvetica
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.6),
        ]
    )


def fit_paragraphs(
    build: Callable[[float], list[RLParagraph]], size: float, min_size: float, w: float, h: float
) -> tuple[list[RLParagraph], list[float]]:
    """Paragraphs at the largest size whose stacked height fits ``h``, with each one's
    height plus its space after (wrapped, ready to draw)."""
    while True:
        paragraphs = build(size)
        heights = [p.wrap(w, h)[1] + p.style.spaceAfter for p in paragraphs]
        if sum(heights) - (paragraphs[-1].style.spaceAfter if paragraphs else 0) <= h or size <= min_size:
            return paragraphs, heights
        size = max(size - 0.5, min_size)


def fit_table(
    theme: Theme, fonts: PdfFonts, block: Table, w: float, h: float, render_cb: Any = None
) -> tuple[RLTable, float]:
    """The table at the largest font size (theme ``table`` down to ``table_min``) that fits
    ``w`` × ``h`` points, with its height; past the floor, texts are shortened.

    A table :func:`table_fits` has just measured in this region is drawn as measured,
    not built again (the municipality profile measures each of its lists)."""
    size = block.font_size or theme.sizes["table"]
    measured = _measured.pop((block, w, h, size, id(theme)), None)
    if measured is not None and measured[0] is theme:
        _, table, height, late = measured
        late.target = render_cb
        return table, height
    min_size = min(theme.sizes["table_min"], size)
    while True:
        table = build_table(theme, fonts, block, block.rows, size, w, render_cb)
        height = table.wrap(w, h)[1]
        if height <= h:
            return table, height
        if size <= min_size:
            break
        size = max(size - 0.5, min_size)
    # The longest cell text that still fits, found by bisection; shorter texts stay whole.
    low, high = 1, max((len(c) for row in block.rows for c in row), default=0)
    best = build_table(theme, fonts, block, shorten_rows(block.rows, 1), size, w, render_cb)
    while low <= high:
        middle = (low + high) // 2
        candidate = build_table(theme, fonts, block, shorten_rows(block.rows, middle), size, w, render_cb)
        if candidate.wrap(w, h)[1] <= h:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best, best.wrap(w, h)[1]


class _LateCallback:
    """The render callback of a table measured before its renderer is known: forwards
    to ``target`` (the renderer's tagging, or nothing) once ``fit_table`` hands it out."""

    def __init__(self) -> None:
        self.target: Any = None

    def __call__(self, T: RLTable, cmd: str, *args: Any) -> None:
        if self.target is not None:
            self.target(T, cmd, *args)


#: Tables that fit as measured by ``table_fits``, by block, region, size and theme, until
#: ``fit_table`` draws them; a few profiles' worth (a profile measures about 15).
_measured: dict[tuple[Any, ...], tuple[Theme, RLTable, float, _LateCallback]] = {}
MEASURED_LIMIT = 256
_fonts = per_theme(register_fonts)


def table_fits(block: Table, theme: Theme | None = None) -> bool:
    """Whether ``block`` fits its region (under its caption) at its own size — the theme's
    table size unless it sets one — so ``fit_table`` draws it unshrunk. A builder that
    keeps one table size on a page (the municipality profile) takes rows until it does;
    the table that fits is kept for ``fit_table`` to draw."""
    theme = theme or load_theme()
    region = theme.region(block.region)
    if block.caption:
        _, region = table_caption_regions(region, theme)
    w, h = region.width * PT, region.height * PT
    size = block.font_size or theme.sizes["table"]
    late = _LateCallback()
    table = build_table(theme, _fonts(theme), block, block.rows, size, w, late)
    height = table.wrap(w, h)[1]
    if height > h:
        return False
    if len(_measured) >= MEASURED_LIMIT:
        _measured.clear()
    _measured[(block, w, h, size, id(theme))] = (theme, table, height, late)
    return True


def build_table(
    theme: Theme,
    fonts: PdfFonts,
    block: Table,
    rows: tuple[tuple[str, ...], ...],
    size: float,
    w: float,
    render_cb: Any = None,
) -> RLTable:
    """Cells as plain-text Paragraphs (long names wrap in their column)."""
    aligns = [ALIGN[a] for a in block.align]
    head_styles = [shared_style(theme, fonts, size, bold=True, color="table_header_text", align=a) for a in aligns]
    body_styles = [shared_style(theme, fonts, size, align=a) for a in aligns]
    head = [plain_paragraph(c, s) for c, s in zip(block.header, head_styles, strict=True)]
    body = [[plain_paragraph(c, s) for c, s in zip(row, body_styles, strict=True)] for row in rows]
    return RLTable(
        [head, *body],
        colWidths=[f * w for f in block.widths],
        style=table_style(theme, fonts, size),
        renderCB=render_cb,
    )
