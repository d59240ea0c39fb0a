"""Where the axes of a bar chart go, in either direction, from measured text.

Horizontal bars have their category labels on the left and values on the right, the
first category at the top; vertical columns have their labels underneath (wrapped, or
turned 90° when the columns are too narrow) and values on top, centred in the room they
leave. Either way the legend sits on top, and values too small to read give way to a
value axis. The plan is all a chart writer needs: ``bars.draw_bars`` draws any plan the
same, and the native PowerPoint writer (``render.pptx_chart``) puts its plot area, font
sizes, axis and data labels where the plan says (:func:`plan_chart`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportgen.deck.model import ChartSpec
from reportgen.figures.layout import INK, LABEL_GAP, LabelPlan, chart_box, fit_size, plan_column_labels, plan_row_labels
from reportgen.figures.legend import LegendLayout, layout_legend
from reportgen.figures.prepare import (
    Context,
    Prepared,
    axis_ticks,
    chart_context,
    context,
    legend_entries,
    prepare,
    tick_text,
    value_text,
)
from reportgen.figures.series import axis_title_size, bar_thickness_cap, tick_size_of
from reportgen.figures.style import ChartStyle
from reportgen.figures.value_labels import (
    SEGMENT_INK,
    SegmentLabel,
    ValueLabel,
    place_value_labels,
    plan_segments,
    unlabelled,
)
from reportgen.measure import text_height
from reportgen.theme import Theme, load_theme

EDGE = 0.02  # inches kept free at the figure's edges
TICK = 3 / 72  # tick length, inches


@dataclass(frozen=True)
class BarPlan:
    """The axes box (inches from the figure's bottom-left), the bars' slot and thickness
    (inches), the labels, what the value side shows, and where the axis title goes; the
    value labels (clear of the reference lines) and the stacked segments' labels."""

    rect: tuple[float, float, float, float]  # left, bottom, width, height
    slot: float
    thickness: float
    labels: LabelPlan
    show_values: bool
    value_size: float
    show_axis: bool
    ticks: list[float]
    value_end: float  # the value axis runs from 0 to this
    title_at: tuple[float, float, float]  # x, y of the title's top (inches), its width
    title_align: str  # "center" under horizontal bars, "left" over columns
    fill: float = 0.72  # share of a slot its bar(s) fill
    values: tuple[ValueLabel, ...] = ()  # when show_values
    segments: tuple[SegmentLabel, ...] = ()  # 100 % bars


@dataclass(frozen=True)
class ChartPlan:
    """One chart planned for a box: its data prepared, legend laid out, axes planned."""

    spec: ChartSpec
    ctx: Context
    prep: Prepared
    legend: LegendLayout
    bars: BarPlan
    size: tuple[float, float]  # the box, inches


@dataclass(frozen=True)
class _ValueSide:
    show_values: bool
    value_size: float
    show_axis: bool
    ticks: list[float]


def _plan(
    prep: Prepared,
    rect: tuple[float, float, float, float],
    slot: float,
    thickness: float,
    labels: LabelPlan,
    values: _ValueSide,
    title: tuple[tuple[float, float, float], str],
    fill: float,
    placed: tuple[tuple[ValueLabel, ...], tuple[SegmentLabel, ...]] = ((), ()),
) -> BarPlan:
    """The plan; an axis with ticks ends at its last tick, else at the largest value."""
    return BarPlan(
        rect,
        slot,
        thickness,
        labels,
        values.show_values,
        values.value_size,
        values.show_axis,
        values.ticks,
        _value_end(prep, values.ticks),
        *title,
        fill,
        *placed,
    )


def _value_end(prep: Prepared, ticks: list[float]) -> float:
    return prep.vmax if prep.stacked or not ticks else ticks[-1]


def _fill(prep: Prepared, st: ChartStyle, slot: float) -> float:
    """How much of its slot a bar fills: the theme's share, or for 100 % bars up to
    ``bar_fill_max`` when that lets their shares reach ``segment_label_min_size``."""
    if not prep.stacked:
        return st.bar_fill
    needed = st.segment_label_min_size * SEGMENT_INK / 72 / slot
    return min(max(st.bar_fill, needed), max(st.bar_fill_max, st.bar_fill))


def _top(legend: LegendLayout, st: ChartStyle) -> float:
    return EDGE + (legend.height + st.legend_gap if legend.rows else 0.0)


def bottom_margin(spec: ChartSpec, st: ChartStyle, show_axis: bool) -> float:
    """Room under horizontal bars: the value axis when shown, then the axis label."""
    bottom = EDGE + (text_height(tick_size_of(st), 1, st.line_spacing) + 4 / 72 if show_axis else 0.0)
    if spec.axis_label:
        bottom += text_height(axis_title_size(st), 1, st.line_spacing) + 0.04
    return bottom


def _bars_per_slot(prep: Prepared) -> int:
    """Grouped bars share a category's slot; stacked segments are one bar."""
    return 1 if prep.stacked else prep.k


def plan_horizontal(
    size: tuple[float, float], spec: ChartSpec, ctx: Context, prep: Prepared, legend: LegendLayout
) -> BarPlan:
    width, height = size
    st, fonts, per_slot = ctx.style, ctx.fonts, _bars_per_slot(prep)
    top, tick_size = _top(legend, st), tick_size_of(st)
    bold = [i in spec.highlight for i in range(prep.n)]
    label_width = min(width * st.label_max_share, st.label_max_width)
    show_values = spec.value_labels and not prep.stacked
    while True:
        show_axis = prep.stacked or not show_values
        bottom = bottom_margin(spec, st, show_axis)
        slot = min((height - top - bottom) / prep.n, bar_thickness_cap(prep.n, st) * per_slot / st.bar_fill)
        slot = max(slot, 1e-3)
        fill = _fill(prep, st, slot)
        thickness = slot * fill / per_slot
        labels = plan_row_labels(spec.categories, bold, fonts.regular, fonts.bold, st, slot, label_width)
        # Value labels of one series sit a whole slot apart, of grouped bars one bar apart.
        value_size = min(labels.size, fit_size((slot if prep.k == 1 else thickness) * 72, 1, st))
        if not show_values or prep.k == 1 or value_size >= st.label_min_size:
            break
        show_values = False  # too small to read beside grouped bars: show the axis instead
    ticks = axis_ticks(spec, prep) if show_axis else []
    if show_values:
        texts = [value_text(spec, prep, v) for v in prep.values.ravel()]
        right = max(fonts.regular.width(t, value_size) for t in texts) + st.label_pad + EDGE
    elif ticks:
        right = fonts.regular.width(tick_text(spec, prep, ticks[-1]), tick_size) / 2 + EDGE
    else:
        right = EDGE
    left = labels.extent + st.label_pad + EDGE
    axes_w = max(width - left - right, 0.2)
    placed: tuple[ValueLabel, ...] = ()
    if show_values:
        # Labels moved past a reference line may reach further than the longest bar's:
        # narrow the axes until the farthest one ends inside the figure.
        end = _value_end(prep, ticks)
        for _ in range(4):
            placed, reach = place_value_labels(spec, prep, ctx, size=value_size, scale=axes_w / end, horizontal=True)
            if reach <= width - left - EDGE + 1e-6 or axes_w <= 0.2:
                break
            axes_w = max(axes_w - (reach - (width - left - EDGE)), 0.2)
    axes_h = slot * prep.n
    axes_bottom = height - top - axes_h
    title_y = axes_bottom - (text_height(tick_size, 1, st.line_spacing) + 4 / 72 if show_axis else 0.0) - 0.04
    values = _ValueSide(show_values, value_size, show_axis, ticks)
    title = ((left + axes_w / 2, title_y, width - 2 * EDGE), "center")
    segments = (
        plan_segments(spec, prep, ctx, thickness=thickness, length=axes_w, label_size=labels.size, horizontal=True)
        if prep.stacked
        else ()
    )
    rect = (left, axes_bottom, axes_w, axes_h)
    return _plan(prep, rect, slot, thickness, labels, values, title, fill, (placed, segments))


def plan_vertical(
    size: tuple[float, float], spec: ChartSpec, ctx: Context, prep: Prepared, legend: LegendLayout
) -> BarPlan:
    width, height = size
    st, fonts, per_slot = ctx.style, ctx.fonts, _bars_per_slot(prep)
    tick_size = tick_size_of(st)
    top = axis_label_top = _top(legend, st)
    if spec.axis_label:
        top += text_height(axis_title_size(st), 1, st.line_spacing) + 0.04
    bold = [i in spec.highlight for i in range(prep.n)]
    show_values = spec.value_labels and not prep.stacked
    texts = [value_text(spec, prep, float(v)) for v in prep.values.ravel()]
    while True:
        show_axis = prep.stacked or not show_values
        ticks = axis_ticks(spec, prep) if show_axis else []
        left = EDGE
        if ticks:
            tick_w = max(fonts.regular.width(tick_text(spec, prep, t), tick_size) for t in ticks)
            left += tick_w + TICK + st.label_pad
        slot = min((width - left - EDGE) / prep.n, st.column_max_thickness * per_slot / st.bar_fill)
        slot = max(slot, 1e-3)
        fill = _fill(prep, st, slot)
        thickness = slot * fill / per_slot
        labels = plan_column_labels(spec.categories, bold, fonts.regular, fonts.bold, st, slot, height * 0.3)
        # A value may be as wide as its column's share of the slot.
        room = (slot if prep.k == 1 else slot / prep.k) * 0.95
        widest = max(fonts.regular.width(t, 1.0) for t in texts)
        value_size = min(st.label_max_size, room / widest) if widest > 0 else st.label_max_size
        if not show_values or value_size >= st.label_min_size:
            break
        show_values = False
    value_h = text_height(value_size, 1, st.line_spacing) + st.label_pad if show_values else 0.0
    bottom = EDGE + labels.extent + st.label_pad
    axes_w = slot * prep.n
    axes_h = max(height - top - bottom - value_h, 0.2)
    placed: tuple[ValueLabel, ...] = ()
    if show_values:
        # A label lifted over a reference line may stand higher than the tallest column's.
        end = _value_end(prep, ticks)
        room = height - top - bottom
        for _ in range(4):
            placed, reach = place_value_labels(spec, prep, ctx, size=value_size, scale=axes_h / end, horizontal=False)
            if reach <= room + 1e-6 or axes_h <= 0.2:
                break
            axes_h = max(axes_h - (reach - room), 0.2)
    # Columns held at their widest leave room over: centre them in it.
    centring = max(width - left - EDGE - axes_w, 0.0) / 2
    values = _ValueSide(show_values, value_size, show_axis, ticks)
    title = ((EDGE + centring, height - axis_label_top, width - 2 * EDGE - centring), "left")
    segments = (
        plan_segments(spec, prep, ctx, thickness=thickness, length=axes_h, label_size=labels.size, horizontal=False)
        if prep.stacked
        else ()
    )
    rect = (left + centring, bottom, axes_w, axes_h)
    return _plan(prep, rect, slot, thickness, labels, values, title, fill, (placed, segments))


PLANNERS = {"horizontal": plan_horizontal, "vertical": plan_vertical}


def plan_chart(spec: ChartSpec, ctx: Context, size: tuple[float, float]) -> ChartPlan:
    """Everything both chart writers need to draw ``spec`` in a box of ``size`` inches."""
    prep = prepare(spec, ctx)
    legend = layout_legend(legend_entries(spec, prep, ctx), ctx.fonts, ctx.style.label_max_size, size[0])
    return ChartPlan(spec, ctx, prep, legend, PLANNERS[spec.direction](size, spec, ctx, prep, legend), size)


def label_capacity(spec: ChartSpec, theme: Theme) -> int:
    """How many categories this spec's box holds with one-line labels at or above
    ``label_min_size`` (rows for horizontal bars, columns for vertical ones, where labels
    may turn 90°). More still draw, with smaller labels: the deck builder can split a
    chart that has more."""
    ctx = context(theme)
    st = ctx.style
    box = chart_box(spec, theme)
    per_category = st.label_min_size * (INK + LABEL_GAP) / 72.0
    if spec.direction == "vertical":
        return max(1, math.floor((box.width - 2 * EDGE) / per_category))
    prep = prepare(spec, ctx) if spec.categories else None
    entries = legend_entries(spec, prep, ctx) if prep else []
    top = _top(layout_legend(entries, ctx.fonts, st.label_max_size, box.width), st)
    show_axis = spec.chart_kind.stacked or not spec.value_labels
    return max(1, math.floor((box.height - top - bottom_margin(spec, st, show_axis)) / per_category))


def has_unlabelled(spec: ChartSpec, theme: Theme | None = None) -> bool:
    """Whether ``spec``, drawn in its box, leaves a share of a 100 % bar without its
    figure because the label would not fit at ``segment_label_min_size`` (the deck
    builder then adds the layouts' note saying so)."""
    if not spec.chart_kind.stacked or not spec.categories:
        return False
    theme = theme or load_theme()
    box = chart_box(spec, theme)
    plan = plan_chart(spec, chart_context(spec, theme), (box.width, box.height))
    return unlabelled(plan.bars.segments, plan.prep) > 0
