"""Blank figures kept per chart shape, so a deck's charts do not each build a new one.

A new ``Figure`` with its ``Axes`` costs about 5 ms before anything is drawn (the axes
make their spines, axis objects, title texts and ticks), a tenth of a chart. The 140
charts of a county deck come in half a dozen sizes, so :func:`blank_figure` keeps one
figure per size, direction and rc settings and hands it back emptied: every artist a
chart added is removed, and the drawer sets the axes' position, limits and ticks again
(``bars.draw_bars`` calls the same setters for every chart of a direction). A chart
drawn on a reused figure is the same PDF, byte for byte, as one drawn on a new figure
(tests/figures/test_canvas.py draws charts that hide and show their value axis in two
orders and compares; all 173 charts of the Skåne deck and its profiles were checked so).

The figures are this process's own: each worker of a batch has its own cache.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from matplotlib.axes import Axes
from matplotlib.figure import Figure

#: Figures kept at most (a deck uses about six shapes per direction).
KEPT = 16

_figures: OrderedDict[Hashable, Figure] = OrderedDict()


def blank_figure(width: float, height: float, key: Hashable) -> Figure:
    """A figure ``width`` × ``height`` inches with nothing drawn on it: a kept one for
    ``key`` (size, direction and rc settings of the chart), emptied, or a new one.

    Call it inside the chart's ``rc_context``: a new figure takes its look from there.
    """
    full = (width, height, key)
    fig = _figures.pop(full, None)
    if fig is None:
        fig = Figure(figsize=(width, height), dpi=72)
    else:
        empty(fig)
    _figures[full] = fig
    while len(_figures) > KEPT:
        _figures.popitem(last=False)
    return fig


def empty(fig: Figure) -> None:
    """Remove every artist a chart added to ``fig`` and its axes (the axes stay)."""
    for ax in fig.axes:
        for artist in [*ax.collections, *ax.lines, *ax.patches, *ax.texts, *ax.images, *ax.artists]:
            artist.remove()
    for artist in [*fig.texts, *fig.artists, *fig.lines, *fig.patches, *fig.images, *fig.legends]:
        artist.remove()


def axes_at(fig: Figure, rect: tuple[float, float, float, float]) -> Axes:
    """The figure's one axes at ``rect`` (figure fractions), made on first use."""
    if fig.axes:
        ax = fig.axes[0]
        ax.set_position(rect)
        return ax
    return fig.add_axes(rect)
