"""Read back what a drawn chart shows: its texts and where they landed."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from reportgen.deck.model import ChartSpec
from reportgen.figures.draw import build_figure, chart_rc

MEASURE_DPI = 216  # 3 px per point
# The PDF lays text out unhinted; Agg measures the same way only with hinting off.
UNHINTED = {"text.hinting": "no_hinting"}


@dataclass(frozen=True)
class Drawn:
    text: str
    size: float
    bbox: Bbox  # pixels at MEASURE_DPI
    bold: bool


def drawn_texts(fig: Figure) -> list[Drawn]:
    """Every visible, non-empty text of the figure, as Agg draws it."""
    fig.set_dpi(MEASURE_DPI)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    # Chart texts are CachedText artists (figures/text_cache.py): on the figure they sit
    # among its artists, not in fig.texts.
    texts: list[Text] = [*fig.texts, *(a for a in fig.artists if isinstance(a, Text))]
    for ax in fig.axes:
        texts += ax.texts
        for axis in (ax.xaxis, ax.yaxis):
            if axis.get_visible():
                texts += [t for t in axis.get_ticklabels() if t.get_visible()]
    return [
        Drawn(
            t.get_text(),
            t.get_fontsize(),
            t.get_window_extent(renderer),
            "Bold" in str(t.get_fontproperties().get_file()),
        )
        for t in texts
        if t.get_visible() and t.get_text().strip()
    ]


def draw_and_read(spec: ChartSpec) -> tuple[Figure, list[Drawn]]:
    with chart_rc(), mpl.rc_context(UNHINTED):
        fig = build_figure(spec)
        return fig, drawn_texts(fig)


def overlaps(texts: list[Drawn], tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes intersect by more than ``tolerance`` pixels."""
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            dx = min(a.bbox.x1, b.bbox.x1) - max(a.bbox.x0, b.bbox.x0)
            dy = min(a.bbox.y1, b.bbox.y1) - max(a.bbox.y0, b.bbox.y0)
            if dx > tolerance and dy > tolerance:
                found.append((a.text, b.text))
    return found


def outside(fig: Figure, texts: list[Drawn], tolerance: float = 1.0) -> list[str]:
    """Texts that reach beyond the figure's edges (would be clipped)."""
    w, h = fig.get_figwidth() * fig.dpi, fig.get_figheight() * fig.dpi
    return [
        t.text
        for t in texts
        if t.bbox.x0 < -tolerance or t.bbox.y0 < -tolerance or t.bbox.x1 > w + tolerance or t.bbox.y1 > h + tolerance
    ]
