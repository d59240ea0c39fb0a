"""Horizontal bars: ranked bars with mean lines, grouped bars, 100 % stacked bars.

The axes sit at a position computed from measured text (labels on the left, values on
the right, legend on top); the first category is drawn at the top. Bars are at most
``series.bar_thickness_cap`` thick (thicker when there are few of them) and sit under
the legend instead of swelling to fill the box.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import blended_transform_factory

from reportgen.deck.model import ChartSpec
from reportgen.figures.layout import INK, LABEL_GAP, LabelPlan, chart_box, fit_size, plan_row_labels
from reportgen.figures.legend import draw_legend, layout_legend
from reportgen.figures.measure import text_height
from reportgen.figures.prepare import (
    LINE_STYLES,
    Context,
    Prepared,
    axis_ticks,
    context,
    highlight_edges,
    legend_entries,
    prepare,
    text_color_on,
    tick_text,
    value_text,
)
from reportgen.figures.rects import add_rects
from reportgen.figures.series import axis_title, axis_title_size, bar_thickness_cap, series_places, tick_size_of
from reportgen.figures.style import ChartStyle
from reportgen.figures.textblock import draw_block
from reportgen.theme import Theme

EDGE = 0.02  # inches kept free at the figure's edges
SEGMENT_PAD = 0.03  # inches each side of a label inside a stacked segment


def bottom_margin(spec: ChartSpec, st: ChartStyle, show_axis: bool) -> float:
    """Room under the bars: the value axis when shown, then the axis label."""
    tick_size = tick_size_of(st)
    bottom = EDGE + (text_height(tick_size, 1, st.line_spacing) + 4 / 72 if show_axis else 0.0)
    if spec.axis_label:
        bottom += text_height(axis_title_size(st), 1, st.line_spacing) + 0.04
    return bottom


def label_capacity(spec: ChartSpec, theme: Theme) -> int:
    """How many categories this spec's box holds with one-line labels at or above
    ``label_min_size`` (rows for horizontal kinds, columns for vertical ones, where
    labels may turn 90°). More still draw, with smaller labels: the deck builder can
    split a chart that has more."""
    ctx = context(theme)
    st = ctx.style
    box = chart_box(spec, theme)
    per_category = st.label_min_size * (INK + LABEL_GAP) / 72.0
    if spec.kind == "column" or spec.orientation == "vertical":
        return max(1, math.floor((box.width - 2 * EDGE) / per_category))
    n = len(spec.categories)
    prep = prepare(spec, ctx) if n else None
    entries = legend_entries(spec, prep, ctx) if prep else []
    legend = layout_legend(entries, ctx.fonts, st.label_max_size, box.width)
    top = EDGE + (legend.height + st.legend_gap if legend.rows else 0.0)
    show_axis = spec.kind == "stacked100" or not spec.value_labels
    return max(1, math.floor((box.height - top - bottom_margin(spec, st, show_axis)) / per_category))


def draw_horizontal(fig: Figure, spec: ChartSpec, ctx: Context) -> Axes:
    width, height = fig.get_figwidth(), fig.get_figheight()
    st, fonts = ctx.style, ctx.fonts
    prep = prepare(spec, ctx)
    per_slot = 1 if prep.stacked else prep.k
    legend = layout_legend(legend_entries(spec, prep, ctx), fonts, st.label_max_size, width)
    top = EDGE + (legend.height + st.legend_gap if legend.rows else 0.0)
    tick_size = tick_size_of(st)
    bold = [i in spec.highlight for i in range(prep.n)]
    label_width = min(width * st.label_max_share, st.label_max_width)

    show_values = spec.value_labels and not prep.stacked
    while True:
        show_axis = prep.stacked or not show_values
        bottom = bottom_margin(spec, st, show_axis)
        slot = min((height - top - bottom) / prep.n, bar_thickness_cap(prep.n, st) * per_slot / st.bar_fill)
        slot = max(slot, 1e-3)
        thickness = slot * st.bar_fill / per_slot
        labels = plan_row_labels(spec.categories, bold, fonts.regular, fonts.bold, st, slot, label_width)
        # Value labels of one series sit a whole slot apart, of grouped bars one bar apart.
        value_size = min(labels.size, fit_size((slot if prep.k == 1 else thickness) * 72, 1, st))
        if not show_values or prep.k == 1 or value_size >= st.label_min_size:
            break
        show_values = False  # too small to read beside grouped bars: show the axis instead

    ticks = axis_ticks(spec, prep) if show_axis else []
    xmax = prep.vmax if prep.stacked or not ticks else ticks[-1]
    if show_values:
        texts = [value_text(spec, prep, v) for v in prep.values.ravel()]
        right = max(fonts.regular.width(t, value_size) for t in texts) + st.label_pad + EDGE
    elif ticks:
        right = fonts.regular.width(tick_text(spec, prep, ticks[-1]), tick_size) / 2 + EDGE
    else:
        right = EDGE
    left = labels.extent + st.label_pad + EDGE
    axes_w = max(width - left - right, 0.2)
    axes_h = slot * prep.n
    ax = fig.add_axes((left / width, (height - top - axes_h) / height, axes_w / width, axes_h / height))
    ax.set_xlim(0.0, xmax)
    ax.set_ylim(prep.n - 0.5, -0.5)
    ax.set_yticks([])
    ax.tick_params(axis="y", left=False)

    for edge in highlight_edges(spec, prep.n):
        # The rule runs under the labels too, so the highlighted rows read as a block.
        reach = (left - EDGE) / axes_w
        ax.axhline(edge, xmin=-reach, xmax=1.0, color=ctx.palette.rule, linewidth=0.8, zorder=1, clip_on=False)
    if prep.stacked:
        _stacked(ax, spec, prep, ctx, labels.size, thickness, axes_w)
    else:
        _bars(ax, spec, prep, ctx)
    _reference_lines(ax, spec, ctx)
    _category_labels(fig, ax, spec, labels, ctx)
    if show_values:
        _value_labels(fig, ax, spec, prep, ctx, value_size)
    if show_axis:
        ax.set_xticks(
            ticks, [tick_text(spec, prep, t) for t in ticks], fontproperties=fonts.props(), fontsize=tick_size
        )
        ax.tick_params(axis="x", length=3)
    else:
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
    if spec.axis_label:
        axes_bottom = height - top - axes_h
        y = axes_bottom - (text_height(tick_size, 1, st.line_spacing) + 4 / 72 if show_axis else 0.0) - 0.04
        draw_block(
            fig,
            fig,
            left + axes_w / 2,
            y,
            [axis_title(spec.axis_label, fonts, st, width - 2 * EDGE)],
            size=axis_title_size(st),
            fonts=fonts,
            line_spacing=st.line_spacing,
            anchor="top",
            transform=fig.dpi_scale_trans,
            ha="center",
            color=ctx.palette.muted,
        )
    if legend.rows:
        draw_legend(fig, legend, 0.0, EDGE)
    return ax


def _bars(ax: Axes, spec: ChartSpec, prep: Prepared, ctx: Context) -> None:
    y = np.arange(prep.n, dtype=float)
    for place in series_places(spec, prep, ctx):
        lower = (y + place.offset) - place.thickness / 2
        add_rects(ax, 0.0, lower, prep.values[place.index], place.thickness, list(place.colors), zorder=2)


def _stacked(
    ax: Axes, spec: ChartSpec, prep: Prepared, ctx: Context, size: float, thickness: float, axes_w: float
) -> None:
    st, pal = ctx.style, ctx.palette
    y = np.arange(prep.n, dtype=float)
    for i in spec.highlight:
        if 0 <= i < prep.n:
            ax.axhspan(i - 0.5, i + 0.5, color=pal.light, linewidth=0, zorder=0)
    segment_size = min(size, fit_size(thickness * 72, 1, st))
    cum = np.zeros(prep.n)
    for j in range(prep.k):
        vals = prep.values[j]
        add_rects(
            ax,
            cum,
            y - st.bar_fill / 2,
            vals,
            st.bar_fill,
            [prep.colors[j]] * prep.n,
            edgecolor=pal.background,
            linewidth=0.6,
            zorder=2,
        )
        if segment_size >= st.label_min_size:
            ink = text_color_on(prep.colors[j])
            for i, v in enumerate(vals):
                text = value_text(spec, prep, float(v))
                room = v / prep.vmax * axes_w
                if v > 0 and ctx.fonts.regular.width(text, segment_size) + 2 * SEGMENT_PAD <= room:
                    draw_block(
                        ax,
                        ax.figure,
                        cum[i] + v / 2,
                        i,
                        [text],
                        size=segment_size,
                        fonts=ctx.fonts,
                        line_spacing=st.line_spacing,
                        anchor="center",
                        transform=ax.transData,
                        ha="center",
                        color=ink,
                        zorder=3,
                    )
        cum = cum + vals
    for i in np.flatnonzero(cum <= 0):
        # Nobody answered for this row: say so rather than leave an unexplained gap.
        draw_block(
            ax,
            ax.figure,
            0.0,
            float(i),
            ["–"],
            size=size,
            fonts=ctx.fonts,
            line_spacing=st.line_spacing,
            anchor="center",
            transform=ax.transData,
            dx=st.label_pad,
            ha="left",
            color=pal.muted,
        )


def _reference_lines(ax: Axes, spec: ChartSpec, ctx: Context) -> None:
    for i, ref in enumerate(spec.reference_lines):
        ax.axvline(
            ref.value,
            color=ctx.theme.color(ref.color),
            linestyle=LINE_STYLES[i % len(LINE_STYLES)],
            linewidth=1.5,
            zorder=3,
        )


def _category_labels(fig: Figure, ax: Axes, spec: ChartSpec, labels: LabelPlan, ctx: Context) -> None:
    transform = blended_transform_factory(ax.transAxes, ax.transData)
    for i, lines in enumerate(labels.lines):
        bold = i in spec.highlight
        draw_block(
            ax,
            fig,
            0.0,
            i,
            lines,
            size=labels.size,
            fonts=ctx.fonts,
            bold=bold,
            line_spacing=ctx.style.line_spacing,
            anchor="center",
            transform=transform,
            dx=-ctx.style.label_pad,
            ha="right",
            color=ctx.palette.text,
        )


def _value_labels(fig: Figure, ax: Axes, spec: ChartSpec, prep: Prepared, ctx: Context, size: float) -> None:
    # Over a mean line, a label gets a background patch so the line does not cross the digits.
    box = {"boxstyle": "square,pad=0.08", "facecolor": ctx.palette.background, "edgecolor": "none"}
    for place in series_places(spec, prep, ctx):
        for i, v in enumerate(prep.values[place.index]):
            draw_block(
                ax,
                fig,
                max(float(v), 0.0),
                i + place.offset,
                [value_text(spec, prep, float(v))],
                size=size,
                fonts=ctx.fonts,
                line_spacing=ctx.style.line_spacing,
                anchor="center",
                transform=ax.transData,
                dx=ctx.style.label_pad,
                ha="left",
                color=ctx.palette.text,
                zorder=4,
                bbox=box if spec.reference_lines else None,
            )
