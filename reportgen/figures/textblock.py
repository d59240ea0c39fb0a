"""Multi-line labels placed line by line from the font's metrics.

Matplotlib aligns a text box by its ink, so "Påbörjad" (with descenders) sits higher
under its column than "Slutförd", and line pitch varies with the letters. Drawing each
line at a computed baseline keeps every label on the same grid, and the label's extent
is exactly what the layout measured (lines × size × line spacing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import ScaledTranslation, Transform

from reportgen.figures.style import Fonts
from reportgen.figures.text_cache import add_text
from reportgen.measure import FontMetrics


def baselines(
    n_lines: int, size: float, metrics: FontMetrics, line_spacing: float, anchor: Literal["center", "top", "bottom"]
) -> list[float]:
    """Each line's baseline in inches relative to the anchor point (up is positive).

    ``center``: capitals of the first line to baseline of the last are centred on the
    anchor (how a label sits beside a bar); ``top``: the first line's ascender touches it;
    ``bottom``: the last line's descender does.
    """
    pitch = size * line_spacing / 72.0
    em = size / 72.0
    if anchor == "center":
        first = ((n_lines - 1) * pitch + metrics.cap_height * em) / 2 - metrics.cap_height * em
    elif anchor == "top":
        first = -metrics.ascent * em
    else:
        first = metrics.descent * em + (n_lines - 1) * pitch
    return [first - i * pitch for i in range(n_lines)]


def draw_block(
    target: Figure | Any,
    fig: Figure,
    x: float,
    y: float,
    lines: Sequence[str],
    *,
    size: float,
    fonts: Fonts,
    bold: bool = False,
    line_spacing: float,
    anchor: Literal["center", "top", "bottom"],
    transform: Transform,
    dx: float = 0.0,
    dy: float = 0.0,
    **text_kw: Any,
) -> list[Text]:
    """Draw ``lines`` at (x, y) in ``transform``'s coordinates, shifted (dx, dy) inches.

    ``target`` is an Axes or the Figure; ``text_kw`` goes to every line (ha, colour,
    zorder, bbox).
    """
    drawn: list[Text] = []
    metrics = fonts.metrics(bold)
    for line, base in zip(lines, baselines(len(lines), size, metrics, line_spacing, anchor), strict=True):
        shifted = transform + ScaledTranslation(dx, dy + base, fig.dpi_scale_trans)
        text = add_text(
            target,
            x,
            y,
            line,
            fontproperties=fonts.props(bold),
            fontsize=size,
            va="baseline",
            transform=shifted,
            **text_kw,
        )
        drawn.append(text)
    return drawn
