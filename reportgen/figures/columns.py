"""Vertical columns for short category sets (status, wish), single, grouped or 100 % stacked.

Labels wrap under their column (up to ``label_max_lines``, shortened with "…"); when the
columns are too narrow for a short word at the legibility floor, the labels turn 90°.
Values sit above the columns, or — when they would be too small to read — a value axis
on the left takes their place.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import ScaledTranslation, blended_transform_factory

from reportgen.deck.model import ChartSpec
from reportgen.figures.bars import EDGE, SEGMENT_PAD
from reportgen.figures.layout import LabelPlan, plan_column_labels
from reportgen.figures.legend import draw_legend, layout_legend
from reportgen.figures.measure import text_height
from reportgen.figures.prepare import (
    LINE_STYLES,
    Context,
    Prepared,
    axis_ticks,
    highlight_edges,
    legend_entries,
    prepare,
    text_color_on,
    tick_text,
    value_text,
)
from reportgen.figures.rects import add_rects
from reportgen.figures.series import axis_title, axis_title_size, series_places, tick_size_of
from reportgen.figures.textblock import draw_block

TICK = 3 / 72  # tick length, inches


def draw_vertical(fig: Figure, spec: ChartSpec, ctx: Context) -> Axes:
    width, height = fig.get_figwidth(), fig.get_figheight()
    st, fonts = ctx.style, ctx.fonts
    prep = prepare(spec, ctx)
    per_slot = 1 if prep.stacked else prep.k
    legend = layout_legend(legend_entries(spec, prep, ctx), fonts, st.label_max_size, width)
    tick_size = tick_size_of(st)
    top = EDGE + (legend.height + st.legend_gap if legend.rows else 0.0)
    axis_label_top = top
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
        thickness = slot * st.bar_fill / per_slot
        labels = plan_column_labels(spec.categories, bold, fonts.regular, fonts.bold, st, slot, height * 0.3)
        # A value may be as wide as its column's share of the slot.
        room = (slot if prep.k == 1 else slot / prep.k) * 0.95
        widest = max(fonts.regular.width(t, 1.0) for t in texts)
        value_size = min(st.label_max_size, room / widest) if widest > 0 else st.label_max_size
        if not show_values or value_size >= st.label_min_size:
            break
        show_values = False

    ymax = prep.vmax if prep.stacked or not ticks else ticks[-1]
    value_h = text_height(value_size, 1, st.line_spacing) + st.label_pad if show_values else 0.0
    bottom = EDGE + labels.extent + st.label_pad
    axes_w = slot * prep.n
    # Columns held at their widest leave room over: centre them in it.
    centring = max(width - left - EDGE - axes_w, 0.0) / 2
    left += centring
    axes_h = max(height - top - bottom - value_h, 0.2)
    ax = fig.add_axes((left / width, bottom / height, axes_w / width, axes_h / height))
    ax.set_xlim(-0.5, prep.n - 0.5)
    ax.set_ylim(0.0, ymax)
    ax.set_xticks([])
    ax.tick_params(axis="x", bottom=False)

    if prep.stacked:
        _stacked(ax, spec, prep, ctx, labels.size, thickness, axes_h)
    else:
        _columns(ax, spec, prep, ctx)
    for i, ref in enumerate(spec.reference_lines):
        ax.axhline(
            ref.value,
            color=ctx.theme.color(ref.color),
            linestyle=LINE_STYLES[i % len(LINE_STYLES)],
            linewidth=1.5,
            zorder=3,
        )
    _category_labels(fig, ax, spec, labels, ctx)
    if show_values:
        _value_labels(fig, ax, spec, prep, ctx, value_size)
    if show_axis:
        ax.set_yticks(
            ticks, [tick_text(spec, prep, t) for t in ticks], fontproperties=fonts.props(), fontsize=tick_size
        )
        ax.tick_params(axis="y", length=3)
    else:
        ax.yaxis.set_visible(False)
        ax.spines["left"].set_visible(False)
    if spec.axis_label:
        draw_block(
            fig,
            fig,
            EDGE + centring,
            height - axis_label_top,
            [axis_title(spec.axis_label, fonts, st, width - 2 * EDGE - centring)],
            size=axis_title_size(st),
            fonts=fonts,
            line_spacing=st.line_spacing,
            anchor="top",
            transform=fig.dpi_scale_trans,
            ha="left",
            color=ctx.palette.muted,
        )
    if legend.rows:
        draw_legend(fig, legend, 0.0, EDGE)
    return ax


def _columns(ax: Axes, spec: ChartSpec, prep: Prepared, ctx: Context) -> None:
    x = np.arange(prep.n, dtype=float)
    for place in series_places(spec, prep, ctx):
        left = (x + place.offset) - place.thickness / 2
        add_rects(ax, left, 0.0, place.thickness, prep.values[place.index], list(place.colors), zorder=2)


def _stacked(
    ax: Axes, spec: ChartSpec, prep: Prepared, ctx: Context, size: float, thickness: float, axes_h: float
) -> None:
    st, pal = ctx.style, ctx.palette
    x = np.arange(prep.n, dtype=float)
    for i in spec.highlight:
        if 0 <= i < prep.n:
            ax.axvspan(i - 0.5, i + 0.5, color=pal.light, linewidth=0, zorder=0)
    for edge in highlight_edges(spec, prep.n):
        ax.axvline(edge, color=pal.rule, linewidth=0.8, zorder=1)
    cum = np.zeros(prep.n)
    for j in range(prep.k):
        vals = prep.values[j]
        add_rects(
            ax,
            x - st.bar_fill / 2,
            cum,
            st.bar_fill,
            vals,
            [prep.colors[j]] * prep.n,
            edgecolor=pal.background,
            linewidth=0.6,
            zorder=2,
        )
        ink = text_color_on(prep.colors[j])
        for i, v in enumerate(vals):
            text = value_text(spec, prep, float(v))
            tall = v / prep.vmax * axes_h
            wide = ctx.fonts.regular.width(text, size) + 2 * SEGMENT_PAD
            if v > 0 and size >= st.label_min_size and wide <= thickness and text_height(size, 1, 1.1) <= tall:
                draw_block(
                    ax,
                    ax.figure,
                    i,
                    cum[i] + v / 2,
                    [text],
                    size=size,
                    fonts=ctx.fonts,
                    line_spacing=st.line_spacing,
                    anchor="center",
                    transform=ax.transData,
                    ha="center",
                    color=ink,
                    zorder=3,
                )
        cum = cum + vals


def _category_labels(fig: Figure, ax: Axes, spec: ChartSpec, labels: LabelPlan, ctx: Context) -> None:
    transform = blended_transform_factory(ax.transData, ax.transAxes)
    for i, lines in enumerate(labels.lines):
        bold = i in spec.highlight
        if labels.rotated:
            shift = ScaledTranslation(0, -ctx.style.label_pad, fig.dpi_scale_trans)
            ax.text(
                i,
                0.0,
                lines[0],
                transform=transform + shift,
                ha="center",
                va="top",
                rotation=90,
                fontproperties=ctx.fonts.props(bold),
                fontsize=labels.size,
                color=ctx.palette.text,
            )
            continue
        draw_block(
            ax,
            fig,
            i,
            0.0,
            lines,
            size=labels.size,
            fonts=ctx.fonts,
            bold=bold,
            line_spacing=ctx.style.line_spacing,
            anchor="top",
            transform=transform,
            dy=-ctx.style.label_pad,
            ha="center",
            color=ctx.palette.text,
        )


def _value_labels(fig: Figure, ax: Axes, spec: ChartSpec, prep: Prepared, ctx: Context, size: float) -> None:
    box = {"boxstyle": "square,pad=0.08", "facecolor": ctx.palette.background, "edgecolor": "none"}
    for place in series_places(spec, prep, ctx):
        for i, v in enumerate(prep.values[place.index]):
            draw_block(
                ax,
                fig,
                i + place.offset,
                max(float(v), 0.0),
                [value_text(spec, prep, float(v))],
                size=size,
                fonts=ctx.fonts,
                line_spacing=ctx.style.line_spacing,
                anchor="bottom",
                transform=ax.transData,
                dy=ctx.style.label_pad / 2,
                ha="center",
                color=ctx.palette.text,
                zorder=4,
                bbox=box if spec.reference_lines else None,
            )
