"""One PDF whose fonts can stand in for every chart's: each chart font with all its characters.

A chart PDF embeds its fonts whole (``figures.font_embed``), but the dictionaries around
each font file (widths, the code-to-glyph map, the ToUnicode map) still list only the
characters that chart draws, so 140 charts bring 140 sets of them into a deck. The sheet
is Matplotlib's own embedding of the same fonts with every character they have, so its
font dictionaries agree with any chart's on every character the chart uses: the deck
keeps the sheet's fonts once and points every chart at them
(``render.pdf_structure.place_charts``, which checks the agreement for each chart).
"""

from __future__ import annotations

import unicodedata

from matplotlib.figure import Figure

from reportgen.figures.draw import chart_rc, figure_pdf
from reportgen.figures.fonts import coverage
from reportgen.figures.style import chart_fonts
from reportgen.theme import Theme, load_theme, per_theme

#: Characters left off the sheet: controls, format characters (bidirectional marks would
#: reorder the line) and combining marks. A chart that draws one keeps its own fonts.
SKIPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Mc", "Me", "Zl", "Zp"})


def sheet_text(chars: frozenset[str]) -> str:
    """``chars`` in code point order, without :data:`SKIPPED_CATEGORIES`."""
    return "".join(c for c in sorted(chars) if unicodedata.category(c) not in SKIPPED_CATEGORIES)


def font_sheet(theme: Theme | None = None) -> bytes:
    """A one-page PDF saved as charts are, drawing every character of each chart font
    (made once per process and theme)."""
    return _sheet(theme or load_theme())


@per_theme
def _sheet(theme: Theme) -> bytes:
    fonts = chart_fonts(theme)
    with chart_rc(theme):
        fig = Figure(figsize=(2, 1), dpi=72)
        for row, bold in enumerate((False, True)):
            path = fonts.bold_file if bold else fonts.regular_file
            fig.text(0.01, 0.25 + 0.5 * row, sheet_text(coverage(path)), fontproperties=fonts.props(bold), fontsize=1)
        return figure_pdf(fig)
