"""Bar charts in either direction: ranked bars with mean lines, grouped bars and columns,
100 % stacked bars — one drawer, the direction a parameter.

As python-pptx writes bar and column charts with one writer that sets ``barDir``, the
drawing here is written once in terms of a category axis and a value axis;
:class:`Direction` maps those onto x and y. Only the planning of the axes box differs
by direction (``bar_plan``). Bars are at most ``series.bar_thickness_cap`` thick (thicker
when there are few of them) and sit under the legend instead of swelling to fill the box.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import ScaledTranslation, Transform, blended_transform_factory

from reportgen.deck.model import ChartSpec
from reportgen.figures.bar_plan import EDGE, BarPlan, plan_chart
from reportgen.figures.canvas import axes_at
from reportgen.figures.legend import draw_legend
from reportgen.figures.marks import hatch_small_bases, segment_box
from reportgen.figures.prepare import LINE_STYLES, Context, Prepared, highlight_edges, text_color_on, tick_text
from reportgen.figures.rects import add_rects
from reportgen.figures.series import axis_title, axis_title_size, series_places, tick_size_of
from reportgen.figures.text_cache import add_text
from reportgen.figures.textblock import draw_block


@dataclass(frozen=True)
class Direction:
    """Category and value axes onto x and y: horizontal bars run along x, columns along y."""

    horizontal: bool

    def point(self, category: float, value: float) -> tuple[float, float]:
        return (value, category) if self.horizontal else (category, value)

    def rects(self, ax: Axes, lower: Any, start: Any, thickness: Any, length: Any, colors: list[str], **kw: Any):
        """Bars whose category side starts at ``lower`` and value side runs from ``start``."""
        if self.horizontal:
            return add_rects(ax, start, lower, length, thickness, colors, **kw)
        return add_rects(ax, lower, start, thickness, length, colors, **kw)

    def limits(self, ax: Axes, n: int, value_end: float) -> None:
        """Values from 0; the first category at the top (bars) or on the left (columns)."""
        if self.horizontal:
            ax.set_xlim(0.0, value_end)
            ax.set_ylim(n - 0.5, -0.5)
            ax.set_yticks([])
            ax.tick_params(axis="y", left=False)
        else:
            ax.set_xlim(-0.5, n - 0.5)
            ax.set_ylim(0.0, value_end)
            ax.set_xticks([])
            ax.tick_params(axis="x", bottom=False)

    def value_line(self, ax: Axes, value: float, **kw: Any) -> None:
        (ax.axvline if self.horizontal else ax.axhline)(value, **kw)

    def band(self, ax: Axes, i: int, **kw: Any) -> None:
        """The background of a highlighted category."""
        (ax.axhspan if self.horizontal else ax.axvspan)(i - 0.5, i + 0.5, **kw)

    def category_rule(self, ax: Axes, edge: float, reach: float, **kw: Any) -> None:
        """A rule between categories; beside bars it runs under the labels too (``reach``
        of the axes' width), so the highlighted rows read as a block."""
        if self.horizontal:
            ax.axhline(edge, xmin=-reach, xmax=1.0, clip_on=False, **kw)
        else:
            ax.axvline(edge, **kw)

    def label_transform(self, ax: Axes) -> Transform:
        """Category labels: at the category in data units, at the axis edge in axes units."""
        if self.horizontal:
            return blended_transform_factory(ax.transAxes, ax.transData)
        return blended_transform_factory(ax.transData, ax.transAxes)

    def value_axis(self, ax: Axes) -> tuple[Any, Any, str]:
        """The value axis, its set_ticks and the spine it runs along."""
        if self.horizontal:
            return ax.xaxis, ax.set_xticks, "bottom"
        return ax.yaxis, ax.set_yticks, "left"


DIRECTIONS = {"horizontal": Direction(True), "vertical": Direction(False)}


def draw_bars(fig: Figure, spec: ChartSpec, ctx: Context, direction: Literal["horizontal", "vertical"]) -> Axes:
    """Draw ``spec`` on ``fig`` with its bars running ``direction``; returns the axes."""
    width, height = fig.get_figwidth(), fig.get_figheight()
    st, fonts = ctx.style, ctx.fonts
    if direction != spec.direction:
        raise ValueError(f"chart {spec.key!r} runs {spec.direction}, asked to draw it {direction}")
    chart = plan_chart(spec, ctx, (width, height))
    prep, legend, plan = chart.prep, chart.legend, chart.bars
    d = DIRECTIONS[direction]
    left, bottom, axes_w, axes_h = plan.rect
    ax = axes_at(fig, (left / width, bottom / height, axes_w / width, axes_h / height))
    d.limits(ax, prep.n, plan.value_end)

    if prep.stacked:
        for i in spec.highlight:
            if 0 <= i < prep.n:
                d.band(ax, i, color=ctx.palette.light, linewidth=0, zorder=0)
    for edge in highlight_edges(spec, prep.n):
        d.category_rule(ax, edge, (left - EDGE) / axes_w, color=ctx.palette.rule, linewidth=0.8, zorder=1)
    if prep.stacked:
        _stacked(ax, d, spec, prep, ctx, plan)
    else:
        _bars(ax, d, spec, prep, ctx)
    hatch_small_bases(ax, spec, prep, ctx, horizontal=d.horizontal, fill=plan.fill)
    for i, ref in enumerate(spec.reference_lines):
        style = LINE_STYLES[i % len(LINE_STYLES)]
        d.value_line(ax, ref.value, color=ctx.theme.color(ref.color), linestyle=style, linewidth=1.5, zorder=3)
    _category_labels(fig, ax, d, spec, plan, ctx)
    if plan.show_values:
        _value_labels(fig, ax, d, spec, prep, ctx, plan)
    axis, set_ticks, spine = d.value_axis(ax)
    # Set either way: a reused figure (canvas.py) may come from a chart that hid them.
    axis.set_visible(plan.show_axis)
    ax.spines[spine].set_visible(plan.show_axis)
    if plan.show_axis:
        texts = [tick_text(spec, prep, t) for t in plan.ticks]
        set_ticks(plan.ticks, texts, fontproperties=fonts.props(), fontsize=tick_size_of(st))
        ax.tick_params(axis="x" if d.horizontal else "y", length=3)
    if spec.axis_label:
        x, y, room = plan.title_at
        draw_block(
            fig,
            fig,
            x,
            y,
            [axis_title(spec.axis_label, fonts, st, room)],
            size=axis_title_size(st),
            fonts=fonts,
            line_spacing=st.line_spacing,
            anchor="top",
            transform=fig.dpi_scale_trans,
            ha=plan.title_align,
            color=ctx.palette.muted,
        )
    if legend.rows:
        draw_legend(fig, legend, 0.0, EDGE)
    return ax


def _bars(ax: Axes, d: Direction, spec: ChartSpec, prep: Prepared, ctx: Context) -> None:
    positions = np.arange(prep.n, dtype=float)
    for place in series_places(spec, prep, ctx):
        lower = (positions + place.offset) - place.thickness / 2
        d.rects(ax, lower, 0.0, place.thickness, prep.values[place.index], list(place.colors), zorder=2)


def _stacked(ax: Axes, d: Direction, spec: ChartSpec, prep: Prepared, ctx: Context, plan: BarPlan) -> None:
    """Shares stacked to 100 %, each segment labelled where the plan found its label fits."""
    st, pal = ctx.style, ctx.palette
    positions = np.arange(prep.n, dtype=float)
    cum = np.zeros(prep.n)
    for j in range(prep.k):
        vals = prep.values[j]
        colors = [prep.colors[j]] * prep.n
        d.rects(ax, positions - plan.fill / 2, cum, plan.fill, vals, colors, edgecolor=pal.background, linewidth=0.6)
        ink = text_color_on(prep.colors[j])
        for label in plan.segments[j * prep.n : (j + 1) * prep.n]:
            if label.shown:
                i = label.category
                draw_block(
                    ax,
                    ax.figure,
                    *d.point(i, cum[i] + vals[i] / 2),
                    [label.text],
                    size=label.size,
                    fonts=ctx.fonts,
                    line_spacing=st.line_spacing,
                    anchor="center",
                    transform=ax.transData,
                    ha="center",
                    color=ink,
                    zorder=3,
                    bbox=segment_box(spec, i, prep.colors[j]),
                )
        cum = cum + vals
    if d.horizontal:
        for i in np.flatnonzero(cum <= 0):
            # Nobody answered for this row: say so rather than leave an unexplained gap.
            draw_block(
                ax,
                ax.figure,
                0.0,
                float(i),
                ["–"],
                size=plan.labels.size,
                fonts=ctx.fonts,
                line_spacing=st.line_spacing,
                anchor="center",
                transform=ax.transData,
                dx=st.label_pad,
                ha="left",
                color=pal.muted,
            )


def _category_labels(fig: Figure, ax: Axes, d: Direction, spec: ChartSpec, plan: BarPlan, ctx: Context) -> None:
    """Labels right-aligned beside bars, or centred (or turned 90°) under columns."""
    labels, pad = plan.labels, ctx.style.label_pad
    transform = d.label_transform(ax)
    for i, lines in enumerate(labels.lines):
        bold = i in spec.highlight
        if labels.rotated:
            add_text(
                ax,
                i,
                0.0,
                lines[0],
                transform=transform + ScaledTranslation(0, -pad, fig.dpi_scale_trans),
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
            *d.point(i, 0.0),
            lines,
            size=labels.size,
            fonts=ctx.fonts,
            bold=bold,
            line_spacing=ctx.style.line_spacing,
            anchor="center" if d.horizontal else "top",
            transform=transform,
            dx=-pad if d.horizontal else 0.0,
            dy=0.0 if d.horizontal else -pad,
            ha="right" if d.horizontal else "center",
            color=ctx.palette.text,
        )


def _value_labels(
    fig: Figure, ax: Axes, d: Direction, spec: ChartSpec, prep: Prepared, ctx: Context, plan: BarPlan
) -> None:
    """Each value after its bar or on top of its column, where the plan put it: past a
    reference line that would otherwise cross it."""
    pad = ctx.style.label_pad
    places = {place.index: place for place in series_places(spec, prep, ctx)}
    for label in plan.values:
        draw_block(
            ax,
            fig,
            *d.point(label.category + places[label.series].offset, label.at),
            [label.text],
            size=plan.value_size,
            fonts=ctx.fonts,
            line_spacing=ctx.style.line_spacing,
            anchor="center" if d.horizontal else "bottom",
            transform=ax.transData,
            dx=pad if d.horizontal else 0.0,
            dy=0.0 if d.horizontal else pad / 2,
            ha="left" if d.horizontal else "center",
            color=ctx.palette.text,
            zorder=4,
        )
