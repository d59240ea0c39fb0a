"""The edition's stylesheet and font files, so no page fetches anything from elsewhere.

The font is the chart copy of Liberation Sans (``figures.fonts.chart_copy``: the same
glyphs and advance widths the charts were laid out with), as WOFF, so SVG labels land
exactly where Matplotlib measured them. Liberation Sans is under the SIL Open Font
License, whose notice the font's name table carries along.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from reportgen.figures.fonts import chart_copy
from reportgen.render.html.templates import template
from reportgen.theme import Theme

STYLESHEET = "stil/webb.css"
FONT_DIR = "typsnitt"


@lru_cache(maxsize=4)
def woff(source: Path) -> bytes:
    """``source`` (a TrueType file) as WOFF; the same bytes every time."""
    with TTFont(str(source), recalcTimestamp=False) as font:
        font.flavor = "woff"
        buffer = io.BytesIO()
        font.save(buffer, reorderTables=True)
    return buffer.getvalue()


def font_files(theme: Theme) -> dict[str, bytes]:
    """``typsnitt/<name>.woff`` for the regular and the bold face."""
    return {
        f"{FONT_DIR}/{Path(theme.fonts[key]).stem}.woff": woff(chart_copy(theme.font_path(key)))
        for key in ("pdf_regular", "pdf_bold")
    }


def stylesheet(theme: Theme) -> bytes:
    regular, bold = (f"{Path(theme.fonts[k]).stem}.woff" for k in ("pdf_regular", "pdf_bold"))
    css = template("webb.css.j2").render(family=theme.fonts["chart"], regular=regular, bold=bold, c=theme.colors)
    return css.encode("utf-8")
