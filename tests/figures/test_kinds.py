"""Each chart kind on edge data: 1 bar, 40 bars, all zeros, very long names.

Every chart must draw at its box's exact size with no text overlapping another and
none reaching past the edges; charts within ``label_capacity`` keep every text at or
above the legibility floor.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reportgen.figures.bar_plan import label_capacity
from reportgen.figures.layout import chart_box
from reportgen.figures.style import ChartStyle
from reportgen.theme import load_theme

from . import samples as S
from .helpers import draw_and_read, outside, overlaps

THEME = load_theme()
FLOOR = ChartStyle.from_theme(THEME).label_min_size

EDGE_CASES = [
    pytest.param(S.ranked(1), id="ranked-1"),
    pytest.param(S.ranked(40), id="ranked-40"),
    pytest.param(S.ranked(6, zeros=True), id="ranked-zeros"),
    pytest.param(replace(S.ranked(12), categories=S.LONG_INSATSER * 2 + S.LONG_INSATSER[:2]), id="ranked-long"),
    pytest.param(S.grouped(S.names(1)), id="grouped-1"),
    pytest.param(S.grouped(), id="grouped-huvudgrupper"),
    pytest.param(S.grouped(S.names(40)), id="grouped-40"),
    pytest.param(S.grouped(zeros=True), id="grouped-zeros"),
    pytest.param(S.grouped(S.LONG_INSATSER), id="grouped-long"),
    pytest.param(S.stacked(1), id="stacked-1"),
    pytest.param(S.stacked(40), id="stacked-40"),
    pytest.param(S.stacked(5, zeros=True), id="stacked-zeros"),
    pytest.param(S.stacked(8, long=True), id="stacked-long"),
    pytest.param(S.stacked(40, long=True), id="stacked-40-long"),
    pytest.param(replace(S.stacked(6, region="left"), orientation="vertical"), id="stacked-vertical"),
    pytest.param(S.status(("Slutförd",)), id="column-1"),
    pytest.param(S.status(), id="column-status"),
    pytest.param(S.status(S.names(40)), id="column-40"),
    pytest.param(S.status(zeros=True), id="column-zeros"),
    pytest.param(S.status(S.LONG_INSATSER[:4]), id="column-long"),
    pytest.param(S.wish(), id="column-grouped-wish"),
]


@pytest.mark.parametrize("spec", EDGE_CASES)
def test_draws_at_box_size_without_overlap_or_clipping(spec):
    fig, texts = draw_and_read(spec)
    box = chart_box(spec, THEME)
    assert (fig.get_figwidth(), fig.get_figheight()) == pytest.approx((box.width, box.height))
    assert overlaps(texts) == []
    assert outside(fig, texts) == []


@pytest.mark.parametrize("spec", EDGE_CASES)
def test_every_category_is_labelled(spec):
    _, texts = draw_and_read(spec)
    shown = " ".join(t.text for t in texts)
    for name in spec.categories:
        # The first word of every name is shown (long ones are shortened, never dropped).
        assert name.split()[0].rstrip(",") in shown


@pytest.mark.parametrize(
    "spec",
    [
        pytest.param(S.ranked(38), id="ranked-38"),
        pytest.param(S.stacked(40), id="stacked-40"),
        pytest.param(S.stacked(40, long=True), id="stacked-40-long"),
        pytest.param(S.grouped(), id="grouped"),
        pytest.param(S.status(), id="status"),
        pytest.param(S.wish(), id="wish"),
    ],
)
def test_text_at_or_above_the_floor_within_capacity(spec):
    assert len(spec.categories) <= label_capacity(spec, THEME)
    _, texts = draw_and_read(spec)
    assert min(t.size for t in texts) >= FLOOR


def test_beyond_capacity_labels_shrink_but_never_overlap():
    spec = S.ranked(70)
    assert label_capacity(spec, THEME) < 70
    _, texts = draw_and_read(spec)
    labels = [t for t in texts if t.text in spec.categories]
    assert len(labels) == 70
    assert overlaps(texts) == []


def test_marks_survive_shortening():
    spec = S.stacked(40, long=True)
    _, texts = draw_and_read(spec)
    shown = [t.text for t in texts]
    assert any(t.endswith("…** (12)") or t.endswith("manualbaserat** (12)") for t in shown)
    assert any(t.endswith("…* (24)") or t.endswith("växelvård* (24)") for t in shown)


def test_highlighted_rows_are_bold():
    spec = S.stacked(40)
    _, texts = draw_and_read(spec)
    bold = {t.text for t in texts if t.bold}
    assert bold == {"Länet", "Riket"}


def test_segment_labels_only_where_they_fit():
    # Rows of samples.stacked(8): 40/0/60, 53/7/40, 66/14/20, 79/0/21, 92/4/4, 50/35/15,
    # 63/5/32, 76/1/23. A 1 % segment (under 0.1 inch) is too narrow for "1%"; empty
    # segments get no label, so "0%" is only the axis tick.
    spec = S.stacked(8, long=True)
    _, texts = draw_and_read(spec)
    shown = [t.text for t in texts]
    assert {"40%", "60%", "92%", "76%", "23%", "35%"} <= set(shown)
    assert "1%" not in shown
    assert shown.count("0%") == 1


def test_zero_rows_are_marked_not_blank():
    spec = S.stacked(5, zeros=True)
    _, texts = draw_and_read(spec)
    assert [t.text for t in texts].count("–") == 5


def test_value_max_gives_side_by_side_charts_one_scale():
    spec = replace(S.status(), value_max=50.0)  # largest value 25
    fig, _ = draw_and_read(spec)
    assert fig.axes[0].get_ylim() == pytest.approx((0.0, 50.0))
    fig, _ = draw_and_read(S.status())
    assert fig.axes[0].get_ylim() == pytest.approx((0.0, 25.0))


@pytest.mark.parametrize("make", [S.ranked, S.stacked], ids=["ranked", "stacked"])
def test_label_capacity_is_exact(make):
    capacity = label_capacity(make(40), THEME)
    _, texts = draw_and_read(make(capacity))
    assert min(t.size for t in texts) >= FLOOR
    _, texts = draw_and_read(make(capacity + 1))
    assert min(t.size for t in texts) < FLOOR
