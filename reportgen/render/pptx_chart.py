"""Native PowerPoint charts from ChartSpecs: data inside the chart, editable in PowerPoint.

``reportgen build --charts editable`` writes every chart of the deck with python-pptx's
chart API instead of a picture. The chart writer takes the kind from the one table of
kinds (``deck.model.CHART_KINDS``), as the Matplotlib drawer does, and one writer serves
bars and columns with the direction a parameter, as python-pptx's own bar-chart writer
does. It computes nothing: the rows, series, colour keys and highlighted positions come
from the spec (``pptx_chart_data``), and where things go — the plot area, the value
axis' end and ticks, text sizes, which shares of 100 % bars carry a label — from the
same plan the Matplotlib drawer follows (``figures.bar_plan.plan_chart``), so the native
chart sits in the picture's box with the picture's geometry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pptx.chart.chart import Chart
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_TICK_MARK
from pptx.enum.dml import MSO_PATTERN
from pptx.oxml.ns import qn
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide
from pptx.text.text import Font
from pptx.util import Inches, Pt

from reportgen.deck.model import CHART_KINDS, ChartSpec, by_chart_kind
from reportgen.figures.bar_plan import EDGE, ChartPlan, plan_chart
from reportgen.figures.prepare import chart_context, text_color_on
from reportgen.figures.series import axis_title_size, series_places, tick_size_of
from reportgen.render.pptx_a11y import set_alt_text
from reportgen.render.pptx_chart_data import NativeForm, native_form, series_values
from reportgen.render.pptx_chart_parts import ChartParts
from reportgen.render.pptx_chart_xml import (
    ChartData,
    axis_elements,
    box_point_labels,
    cross_at_maximum,
    delete_point_labels,
    manual_layout,
    renumber_axes,
    rotate_tick_labels,
    set_chart_language,
    show_every_category,
)
from reportgen.theme import Region, Theme

#: python-pptx's chart type for a kind's grouping (``ChartKind.grouping``) and direction.
CHART_TYPES = {
    ("clustered", "horizontal"): XL_CHART_TYPE.BAR_CLUSTERED,
    ("clustered", "vertical"): XL_CHART_TYPE.COLUMN_CLUSTERED,
    ("percent_stacked", "horizontal"): XL_CHART_TYPE.BAR_STACKED_100,
    ("percent_stacked", "vertical"): XL_CHART_TYPE.COLUMN_STACKED_100,
}
#: Excel number formats of the spec's value formats. Shares are percent points (0–100)
#: written "64%" like the tables; PowerPoint shows the decimal comma of a Swedish Office.
NUMBER_FORMATS = {"count": "0", "decimal": "0.0", "percent": '0"%"'}
STACKED_AXIS_FORMAT = "0%"  # a 100 % chart's value axis runs 0–1
HIGHLIGHT_OUTLINE = 1.25  # points: the outline that marks Länet's and Riket's 100 % bars
#: Bars on a small base (``ChartSpec.small_base``) are hatched, as the pictures' "///".
SMALL_BASE_PATTERN = MSO_PATTERN.WIDE_UPWARD_DIAGONAL


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def _font(font: Font, size: float, color: str) -> None:
    font.size = Pt(round(size * 2) / 2)  # PowerPoint keeps half points
    font.bold = False
    font.color.rgb = _rgb(color)


def write_bar_chart(slide: Slide, spec: ChartSpec, box: Region, theme: Theme, parts: ChartParts) -> GraphicFrame:
    """``spec`` as a native bar or column chart filling ``box`` (inches on the slide)."""
    form = native_form(spec)
    shown = form.spec
    ctx = chart_context(shown, theme)
    plan = plan_chart(shown, ctx, (box.width, box.height))
    kind = shown.chart_kind
    number_format = NUMBER_FORMATS["percent" if kind.stacked else shown.value_format]
    data = ChartData(number_format=number_format, created=parts.created)
    data.categories = shown.categories
    for series in shown.series:
        data.add_series(series.name, series_values(series), number_format)
    frame = parts.add_chart(
        slide,
        CHART_TYPES[(kind.grouping, shown.direction)],
        Inches(box.x),
        Inches(box.y),
        Inches(box.width),
        Inches(box.height),
        data,
    )
    chart = frame.chart
    chart.font.name = theme.fonts["pptx"]
    _font(chart.font, ctx.style.label_max_size, ctx.palette.text)
    _style_series(chart, form, plan, theme)
    _style_axes(chart, plan, number_format)
    _data_labels(chart, plan, number_format)
    _legend_and_title(chart, plan)
    _place_plot(chart, plan)
    renumber_axes(chart)
    show_every_category(chart)
    return frame


def _style_series(chart: Chart, form: NativeForm, plan: ChartPlan, theme: Theme) -> None:
    """Series colours from the theme keys; highlighted points as the pictures mark them
    (single series: the emphasis colour; a reference row: its scope's colour; 100 %
    bars: an outline); gaps so bars fill the planned share of their slot."""
    spec, ctx, prep = plan.spec, plan.ctx, plan.prep
    bar_plot = chart.plots[0]
    bar_plot.vary_by_categories = False
    per_slot = 1 if prep.stacked else prep.k
    bar_plot.gap_width = min(500, round(100 * per_slot * (1 - plan.bars.fill) / plan.bars.fill))
    bar_plot.overlap = 100 if prep.stacked else 0
    places = list(series_places(spec, prep, ctx))
    overrides = {(j, i): theme.color(key) for j, i, key in form.point_colors}
    for j, (series, place) in enumerate(zip(chart.series, places, strict=True)):
        series.invert_if_negative = False
        fill = series.format.fill
        fill.solid()
        fill.fore_color.rgb = _rgb(prep.colors[j])
        if prep.stacked:
            series.format.line.color.rgb = _rgb(ctx.palette.background)
            series.format.line.width = Pt(0.6)
        for i in range(prep.n):
            color = overrides.get((j, i), place.colors[i])
            if color != prep.colors[j]:
                point = series.points[i].format.fill
                point.solid()
                point.fore_color.rgb = _rgb(color)
            if prep.stacked and i in spec.highlight:
                line = series.points[i].format.line
                line.color.rgb = _rgb(ctx.palette.text)
                line.width = Pt(HIGHLIGHT_OUTLINE)
            if i in spec.small_base:  # hatched, as in the picture: lines that read on the fill
                marked = series.points[i].format.fill
                marked.patterned()
                marked.pattern = SMALL_BASE_PATTERN
                marked.fore_color.rgb = _rgb(text_color_on(color))
                marked.back_color.rgb = _rgb(color)


def _style_axes(chart: Chart, plan: ChartPlan, number_format: str) -> None:
    """The value axis from 0 to the plan's end with its ticks, shown only where the
    picture shows it; every category labelled, the first at the top beside bars."""
    ctx, prep, bars = plan.ctx, plan.prep, plan.bars
    horizontal = plan.spec.direction == "horizontal"
    category, value = chart.category_axis, chart.value_axis
    if horizontal:
        category.reverse_order = True  # first category at the top, as in the picture
        cross_at_maximum(axis_elements(chart)[1])  # … with the value axis still below
    category.major_tick_mark = XL_TICK_MARK.NONE
    category.format.line.color.rgb = _rgb(ctx.palette.rule)
    category.format.line.width = Pt(0.8)
    _font(category.tick_labels.font, bars.labels.size, ctx.palette.text)
    value.has_major_gridlines = False
    value.minimum_scale = 0.0
    value.maximum_scale = 1.0 if prep.stacked else bars.value_end
    if prep.stacked:
        value.major_unit = 0.25
    elif len(bars.ticks) > 1:
        value.major_unit = bars.ticks[1] - bars.ticks[0]
    value.tick_labels.number_format = STACKED_AXIS_FORMAT if prep.stacked else number_format
    value.tick_labels.number_format_is_linked = False
    value.major_tick_mark = XL_TICK_MARK.OUTSIDE
    value.format.line.color.rgb = _rgb(ctx.palette.rule)
    value.format.line.width = Pt(0.8)
    _font(value.tick_labels.font, tick_size_of(ctx.style), ctx.palette.muted)
    if not bars.show_axis:
        value.visible = False
    if bars.labels.rotated:
        rotate_tick_labels(axis_elements(chart)[0], -90)


def _data_labels(chart: Chart, plan: ChartPlan, number_format: str) -> None:
    """Values after the bars where the picture shows them; shares inside 100 % bars,
    only in the segments the plan found room for."""
    ctx, prep, bars = plan.ctx, plan.prep, plan.bars
    if not prep.stacked and not bars.show_values:
        return
    for j, series in enumerate(chart.series):
        labels = series.data_labels
        labels.show_value = True
        labels.number_format = number_format
        labels.number_format_is_linked = False
        if prep.stacked:
            labels.position = XL_LABEL_POSITION.CENTER
            segments = bars.segments[j * prep.n : (j + 1) * prep.n]
            size = segments[0].size if segments else ctx.style.segment_label_min_size
            _font(labels.font, size, text_color_on(prep.colors[j]))
            delete_point_labels(series._element, [s.category for s in segments if not s.shown])
            box_point_labels(series._element, list(plan.spec.small_base), prep.colors[j])
        else:
            labels.position = XL_LABEL_POSITION.OUTSIDE_END
            _font(labels.font, bars.value_size, ctx.palette.text)


def _legend_and_title(chart: Chart, plan: ChartPlan) -> None:
    """The series' legend at the top left when there are several series or shares; the
    axis label under horizontal bars (value axis title) or over columns (chart title)."""
    spec, ctx, prep = plan.spec, plan.ctx, plan.prep
    width, height = plan.size
    chart.has_legend = spec.legend and (prep.k > 1 or prep.stacked)
    if chart.has_legend:
        chart.legend.include_in_layout = False
        _font(chart.legend.font, plan.legend.size, ctx.palette.text)
        # A little wider than measured: PowerPoint spaces the entries more than the picture.
        legend_width = min(plan.legend.width * 1.15 + 0.2, width)
        manual_layout(chart.legend._element, 0.0, EDGE / height, legend_width / width, plan.legend.height / height)
    label = spec.axis_label
    chart.has_title = bool(label) and spec.direction == "vertical"
    if label and spec.direction == "horizontal":
        axis = chart.value_axis
        axis.has_title = True
        frame = axis.axis_title.text_frame
        frame.text = label
        _font(frame.paragraphs[0].runs[0].font, axis_title_size(ctx.style), ctx.palette.muted)
    elif label:
        frame = chart.chart_title.text_frame
        frame.text = label
        _font(frame.paragraphs[0].runs[0].font, axis_title_size(ctx.style), ctx.palette.muted)
        x, y, _ = plan.bars.title_at
        manual_layout(chart.chart_title._element, x / width, (height - y) / height)


def _place_plot(chart: Chart, plan: ChartPlan) -> None:
    """The plot area's inner box exactly where the picture's axes are."""
    width, height = plan.size
    left, bottom, w, h = plan.bars.rect
    plot_area = chart._chartSpace.find(f"{qn('c:chart')}/{qn('c:plotArea')}")
    manual_layout(plot_area, left / width, (height - bottom - h) / height, w / width, h / height, inner=True)


Writer = Callable[[Slide, ChartSpec, Region, Theme, ChartParts], GraphicFrame]

#: The native writer of each chart kind (``deck.model.CHART_KINDS``): one for all, the
#: direction read from the spec.
WRITERS: Mapping[str, Writer] = by_chart_kind("render.pptx_chart", dict.fromkeys(CHART_KINDS, write_bar_chart))


def add_native_chart(
    slide: Slide, spec: ChartSpec, box: Region, theme: Theme, parts: ChartParts, *, name: str, lang: str
) -> GraphicFrame:
    """Write ``spec`` as a native chart on ``slide`` in ``box``, described by its alt text
    (``parts`` numbers the presentation's chart parts)."""
    frame = WRITERS[spec.kind](slide, spec, box, theme, parts)
    set_chart_language(frame.chart, lang)
    set_alt_text(frame, spec.alt_text, name=name)
    return frame
