"""Bars as one PolyCollection per series instead of one Rectangle artist per bar.

``Axes.bar``/``barh`` make a ``Rectangle`` artist per bar and fold each into the data
limits, about a third of a millisecond a bar: a 40-row 100 % stacked chart with five
shares spent some 60 ms there. The charts set their limits themselves, so one series'
bars go in as a single ``PolyCollection`` (no limit update). Matplotlib's PDF backend
draws a collection of distinct paths path by path, so the PDF holds the same closed
rectangles, one path each, in the same order, with the same fill, edge, joins and
clipping; pdfium rasterises them exactly as before (tests/figures/test_rects.py compares
the rasterised charts pixel for pixel).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection

Numbers = Sequence[float] | np.ndarray | float


def rect_vertices(left: Numbers, bottom: Numbers, width: Numbers, height: Numbers, n: int) -> np.ndarray:
    """Corners of ``n`` rectangles, n × 4 × 2, in ``Rectangle``'s order (counter-clockwise
    from the lower left)."""
    lft, btm, wid, hgt = (np.broadcast_to(np.asarray(a, dtype=float), (n,)) for a in (left, bottom, width, height))
    rgt, top = lft + wid, btm + hgt
    corners = [(lft, btm), (rgt, btm), (rgt, top), (lft, top)]
    return np.stack([np.stack(xy, axis=1) for xy in corners], axis=1)


def add_rects(
    ax: Axes,
    left: Numbers,
    bottom: Numbers,
    width: Numbers,
    height: Numbers,
    colors: Sequence[str],
    *,
    edgecolor: str = "none",
    linewidth: float = 0.0,
    zorder: float = 2,
) -> PolyCollection:
    """Add rectangles in data coordinates, bar ``i`` filled with ``colors[i]``, drawn in order."""
    bars = PolyCollection(
        rect_vertices(left, bottom, width, height, len(colors)),
        closed=True,
        facecolors=list(colors),
        edgecolors=edgecolor,
        linewidths=linewidth,
        joinstyle="miter",  # Patch's defaults; a collection would otherwise stroke round joins
        capstyle="butt",
        zorder=zorder,
    )
    ax.add_collection(bars, autolim=False)
    return bars


#: The hatch of a bar on a small base (ChartSpec.small_base): lines, not colour alone.
SMALL_BASE_HATCH = "///"


def add_hatch(
    ax: Axes,
    left: Numbers,
    bottom: Numbers,
    width: Numbers,
    height: Numbers,
    n: int,
    color: str,
    *,
    zorder: float = 2.5,
) -> PolyCollection:
    """Hatch ``n`` rectangles drawn already (same corners as ``add_rects``) with ``color``
    lines and no fill: a bar keeps its colour and value, and reads as marked."""
    marks = PolyCollection(
        rect_vertices(left, bottom, width, height, n),
        closed=True,
        facecolors="none",
        edgecolors="none",
        linewidths=0.0,
        hatch=SMALL_BASE_HATCH,
        hatchcolor=color,
        zorder=zorder,
    )
    ax.add_collection(marks, autolim=False)
    return marks
