"""Bars on a small base (``ChartSpec.small_base``, issue 14), hatched where they stand.

The deck builder decides which bars rest on too few answers; the figure only draws the
mark — lines over the bar in the colour that reads on its fill — and leaves the values
as they are.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes

from reportgen.deck.model import ChartSpec
from reportgen.figures.prepare import Context, Prepared, text_color_on
from reportgen.figures.rects import add_hatch
from reportgen.figures.series import series_places


def hatch_small_bases(
    ax: Axes, spec: ChartSpec, prep: Prepared, ctx: Context, *, horizontal: bool, fill: float
) -> None:
    """Hatch the bars of ``spec.small_base`` over their whole length, segment by segment
    in the line colour that reads on each segment's fill (issue 14: a small base is
    shown, its values are not changed). ``fill``: the share of its slot a 100 % bar
    fills in the plan (``BarPlan.fill``)."""
    marked = np.array(sorted(i for i in set(spec.small_base) if 0 <= i < prep.n), dtype=int)
    if not len(marked):
        return
    if prep.stacked:
        start = np.cumsum(prep.values, axis=0) - prep.values
        pieces = [(j, start[j], marked - fill / 2, fill) for j in range(prep.k)]
    else:
        pieces = [
            (place.index, np.zeros(prep.n), marked + place.offset - place.thickness / 2, place.thickness)
            for place in series_places(spec, prep, ctx)
        ]
    for j, base, across, thickness in pieces:
        length = prep.values[j][marked]
        color = text_color_on(prep.colors[j])
        if horizontal:
            add_hatch(ax, base[marked], across, length, thickness, len(marked), color)
        else:
            add_hatch(ax, across, base[marked], thickness, length, len(marked), color)


def segment_box(spec: ChartSpec, i: int, fill: str) -> dict[str, object] | None:
    """A patch of the segment's own colour behind a value written inside a hatched bar,
    so the hatch lines do not cross the digits; None for unmarked bars."""
    if i not in spec.small_base:
        return None
    return {"boxstyle": "square,pad=0.3", "facecolor": fill, "edgecolor": "none"}
