"""What horizontal bars and vertical columns share: where each series sits in its slot,
its bars' colours, and the sizes of the value-axis text.

Both chart kinds place one series' bars side by side within ``bar_fill`` of a slot and
mark the highlighted categories of a single series; keeping that here means the bars,
their value labels and the columns cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportgen.deck.model import ChartSpec
from reportgen.figures.prepare import Context, Prepared
from reportgen.figures.style import ChartStyle, Fonts
from reportgen.measure import shorten


@dataclass(frozen=True)
class SeriesPlace:
    """One series' bars: offset of their centres from the category (in slots), their
    thickness (in slots) and one colour per category."""

    index: int
    offset: float
    thickness: float
    colors: tuple[str, ...]


def series_places(spec: ChartSpec, prep: Prepared, ctx: Context) -> Iterator[SeriesPlace]:
    """Each series' place in the slots, first series first (top, or left)."""
    fill = ctx.style.bar_fill
    for j in range(prep.k):
        colors = [prep.colors[j]] * prep.n
        if prep.k == 1:
            for i in spec.highlight:
                if 0 <= i < prep.n:
                    colors[i] = ctx.palette.highlight
        yield SeriesPlace(j, (j - (prep.k - 1) / 2) * fill / prep.k, fill / prep.k, tuple(colors))


def tick_size_of(st: ChartStyle) -> float:
    """Tick labels of the value axis: a little under the category labels."""
    return max(st.label_max_size - 2, st.label_min_size)


def axis_title_size(st: ChartStyle) -> float:
    """The value axis's title: the charts' text size, never smaller than its tick labels
    (a visual review found 8 pt titles over columns too small to read on a slide)."""
    return max(st.label_max_size, tick_size_of(st))


def axis_title(text: str, fonts: Fonts, st: ChartStyle, width: float) -> str:
    """The title on one line of ``width`` inches at :func:`axis_title_size`, cut with "…"
    if it is longer (the chart's alt text still has all of it)."""
    return shorten(text, fonts.regular, axis_title_size(st), width)


def bar_thickness_cap(n: int, st: ChartStyle) -> float:
    """The thickest a horizontal bar may be when ``n`` categories share the chart.

    Up to ``bar_few`` categories: ``bar_few_max_thickness``, so three or four bars fill
    most of a slide instead of its top third. Past that the cap falls as 1/n, keeping the
    block of bars as tall as at ``bar_few`` categories, until it reaches
    ``bar_max_thickness`` (no jump between 6 and 7 bars).
    """
    few = max(st.bar_few, 1)
    eased = st.bar_few_max_thickness * few / max(n, few)
    return max(st.bar_max_thickness, eased)
