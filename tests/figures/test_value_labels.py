"""Readability of values in both chart writers' plan (issue 15, item 3).

- No reference line runs through a value label (slides 77, 105, 133 of the Skåne PDF).
- The 100 % bars of a 31-municipality chart keep their shares at 7 pt or more where the
  label fits (slides 168, 174, 180 lost every one), and the plan says when some do not.
"""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.collections import PolyCollection

from reportgen.deck.model import ChartSpec, ReferenceLine, Series
from reportgen.figures.bar_plan import has_unlabelled, plan_chart
from reportgen.figures.layout import chart_box
from reportgen.figures.prepare import chart_context
from reportgen.figures.style import ChartStyle
from reportgen.theme import load_theme

from . import samples as S
from .helpers import MEASURE_DPI, draw_and_read, outside, overlaps

THEME = load_theme()
THEME_STYLE = ChartStyle.from_theme(THEME)


def _ranked(values: tuple[float, ...], lines: tuple[float, ...]) -> ChartSpec:
    return ChartSpec(
        region="body",
        kind="bar",
        categories=S.names(len(values)),
        series=(Series("Antal", values, "scope_unit"),),
        alt_text="x",
        value_format="count",
        reference_lines=tuple(ReferenceLine(f"Linje {i}: {v:g}", v, "scope_county") for i, v in enumerate(lines)),
        key="near-lines",
    )


def _plan(spec: ChartSpec):
    box = chart_box(spec, THEME)
    return plan_chart(spec, chart_context(spec, THEME), (box.width, box.height))


NEAR_LINES = [
    # Skåne's missbruk chart: bars of 22 end just past Länet's 21,92 and under Riket's 22,25.
    pytest.param((35.0, 29.0, 23.0, 22.0, 22.0, 21.0, 20.0, 12.0), (21.92, 22.25), id="skane-missbruk"),
    # A label pushed past one line lands on the next one: it must pass both.
    pytest.param((30.0, 20.0, 19.6, 10.0), (20.4, 20.9), id="two-lines-in-a-row"),
    # The line at the longest bar: the pushed label must still fit in the figure.
    pytest.param((40.0, 39.9, 12.0), (40.1,), id="line-at-the-end"),
]


@pytest.mark.parametrize(("values", "lines"), NEAR_LINES)
def test_no_reference_line_runs_through_a_value_label(values, lines):
    spec = _ranked(values, lines)
    fig, texts = draw_and_read(spec)
    ax = fig.axes[0]
    ax_box = ax.get_window_extent()
    (x0, x1) = ax.get_xlim()
    line_px = [ax_box.x0 + (v - x0) / (x1 - x0) * ax_box.width for v in lines]
    value_texts = [t for t in texts if t.text in {str(int(v)) for v in values}]
    assert len(value_texts) == len(values)
    half = 0.75 / 72 * MEASURE_DPI  # the line is 1.5 pt wide
    for t in value_texts:
        for x in line_px:
            assert not (t.bbox.x0 - half < x < t.bbox.x1 + half), f"line at {x:.0f} px crosses label {t.text}"
    assert overlaps(texts) == []
    assert outside(fig, texts) == []


def test_only_labels_a_line_would_cross_move():
    """A label moves only when a line would cross it, and then to just past the line."""
    spec = _ranked((35.0, 22.0, 21.0, 12.0), (21.92, 22.25))
    plan = _plan(spec)
    moved = {
        label.category: label for label in plan.bars.values if label.shifted(spec.series[0].values[label.category])
    }
    assert set(moved) == {1}  # "22": its bar ends at 22, Riket's line at 22,25 would run through it
    scale = plan.bars.rect[2] / plan.bars.value_end  # inches per insats
    start = moved[1].at * scale + THEME_STYLE.label_pad  # where the label's text begins
    assert 22.25 * scale < start < 22.25 * scale + 3 / 72  # just past the line: within 3 pt


def _shares(n: int, small: float) -> ChartSpec:
    """``n`` rows of 100 % bars: 45 % + (55 − small) % + small %."""
    return ChartSpec(
        region="body",
        kind="stacked100",
        categories=S.names(n),
        series=(
            Series("Enbart fysisk form", (45.0,) * n, "cat_A"),
            Series("Både fysisk och digital form", (55.0 - small,) * n, "cat_AB"),
            Series("Enbart digital form", (small,) * n, "cat_B"),
        ),
        alt_text="x",
        value_format="percent",
        highlight=(n - 2, n - 1),
        key=f"shares-{n}",
    )


def test_thirty_one_rows_of_shares_keep_their_labels_at_seven_points():
    spec = _shares(31, 10.0)
    plan = _plan(spec)
    assert all(s.shown for s in plan.bars.segments)
    assert min(s.size for s in plan.bars.segments) >= 7.0
    assert not has_unlabelled(spec, THEME)
    _, texts = draw_and_read(spec)
    shares = [t for t in texts if t.text in {"45%", "10%"}]  # 45 + 45 + 10 in every row
    assert len(shares) == 3 * 31
    assert min(t.size for t in shares) >= 7.0
    assert overlaps(texts) == []


def test_every_share_label_lies_inside_its_segment():
    spec = _shares(31, 10.0)
    fig, texts = draw_and_read(spec)
    ax = fig.axes[0]
    rects = []
    for collection in ax.collections:
        if isinstance(collection, PolyCollection):
            for path in collection.get_paths():
                corners = ax.transData.transform(path.vertices)
                rects.append((*corners.min(axis=0), *corners.max(axis=0)))
    shares = [t for t in texts if t.text in {"45%", "10%"}]
    assert shares
    for t in shares:
        b = t.bbox.padded(-1.0)  # 1 px (⅓ pt): the font box's descent under the digits
        inside = [r for r in rects if r[0] <= b.x0 and b.x1 <= r[2] and r[1] <= b.y0 and b.y1 <= r[3]]
        assert inside, f"{t.text} at {b} is not inside any segment"


def test_segments_too_small_for_their_share_carry_none_and_the_plan_says_so():
    spec = _shares(31, 0.5)  # "1%" needs about 0.2 inch; half a percent of the axis is 0.06
    plan = _plan(spec)
    small = [s for s in plan.bars.segments if s.series == 2]
    assert small and not any(s.shown for s in small)
    assert all(s.shown for s in plan.bars.segments if s.series < 2)
    assert has_unlabelled(spec, THEME)


def test_bars_fill_more_of_their_slot_only_when_the_shares_need_it():
    few, many = _plan(_shares(8, 10.0)), _plan(_shares(34, 10.0))
    assert few.bars.fill == pytest.approx(0.72)  # the theme's bar_fill: pictures unchanged
    assert 0.72 < many.bars.fill <= 0.86
    assert many.bars.thickness * 72 >= 7.0 * 1.1 - 1e-6  # a 7 pt label's ink fits inside


def test_zero_shares_have_no_label_and_rows_stay_unlabelled_only_where_drawn():
    spec = _shares(6, 0.0)
    plan = _plan(spec)
    assert not any(s.shown for s in plan.bars.segments if s.series == 2)
    assert not has_unlabelled(spec, THEME)  # nothing drawn there, so nothing is missing
    assert np.isclose(sum(1 for s in plan.bars.segments if s.shown), 12)
