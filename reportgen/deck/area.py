"""One area's section of the deck (SPEC §6 items 1–9), in the order deck.yaml gives.

Every figure is read from ``AreaMetrics``; this module only selects, orders, labels and
formats. The Riket deck shows counties where a county deck shows municipalities.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reportgen.deck import alttext
from reportgen.deck.charts import SCOPE_COLORS, compared_chart, unit_color
from reportgen.deck.context import Context, font_size
from reportgen.deck.dimension import dimension_slides
from reportgen.deck.format import integer, mean, percent, percent_number, points
from reportgen.deck.layout import SectionSpec, SlideSpec
from reportgen.deck.model import (
    Block,
    ChartSpec,
    KeyFigure,
    Paragraph,
    ReferenceLine,
    Section,
    Series,
    Slide,
    Table,
    TextBlock,
)
from reportgen.metrics.model import AreaMetrics, CategoryShares, InsatsShare
from reportgen.metrics.offer import swedish_key
from reportgen.text import capital, slugify

STATUSES = ("slutford", "paborjad", "ej_paborjad")
WISH_CODES = ("ja", "nej", "vet_ej")


@dataclass(frozen=True)
class CountyFigures:
    """What the Riket deck shows per county for one area, read from that county's metrics."""

    name: str
    with_answers: int  # the county's answering units ("svarande kommuner")
    offer_mean: float
    dimensions: dict[str, CategoryShares]


def area_values(ctx: Context, area: AreaMetrics) -> dict[str, object]:
    """Placeholder values of an area (see the head of deck.yaml)."""
    return {
        "area": area.area,
        "Area": capital(area.area),
        "catalog_size": area.catalog_size,
        "n_riket": area.national_response.with_answers,
        "respondents": area.response.respondents,
        "answered": area.response.answered,
        "completed": area.response.completed,
        "with_answers": area.response.with_answers,
        "silent": (area.response.answered - area.response.with_answers) or None,
        "further_riket": None if area.national_further_share is None else percent_number(area.national_further_share),
        "minmax_from_completed": area.offer.minmax_from_completed,
    }


def area_section(
    ctx: Context,
    spec: SectionSpec,
    number: int,
    area: AreaMetrics,
    national_area: AreaMetrics,
    counties: Sequence[CountyFigures] = (),
) -> Section:
    """The numbered section of one area: divider, then the slides of ``spec`` — or, when
    nobody in the scope answered, the divider and one slide saying so."""
    ctx = ctx.with_values(prefix=slugify(area.area), **area_values(ctx, area))
    title = ctx.text(spec.title, "areas.title")
    slides = [Slide(kind="section", title=title, section_number=str(number), layout="section", key=ctx.prefix)]
    outline: list[tuple[str, int]] = []
    if area.response.answered == 0 and spec.empty is not None:
        message = ctx.string(spec.empty, "message")
        slides.append(ctx.content(spec.empty, [TextBlock("body", (Paragraph(message),))]))
    else:
        for slide_spec in spec.slides:
            if slide_spec.kind == "dimension":
                rows = _unit_rows(ctx, area, slide_spec.dimension, counties)
                dim_spec = ctx.layouts.dimensions[slide_spec.dimension]
                made = dimension_slides(ctx, dim_spec, area.dimensions[slide_spec.dimension], rows)
            else:
                made = [_BUILDERS[slide_spec.kind](ctx, slide_spec, area, national_area, counties)]
            for slide in made:
                if slide.kind == "subsection" or slide_spec.outline:
                    outline.append((slide.title, len(slides)))
                slides.append(slide)
    return Section(number=str(number), title=title, slides=tuple(slides), outline=tuple(outline), area=area.area)


def _unit_rows(
    ctx: Context, area: AreaMetrics, dimension: str, counties: Sequence[CountyFigures]
) -> list[CategoryShares]:
    if not ctx.national:
        return list(area.dimensions[dimension].per_respondent)
    return [replace(c.dimensions[dimension], label=c.name) for c in counties]


def _subsection(ctx: Context, spec: SlideSpec, area: AreaMetrics, *_: object) -> Slide:
    return Slide(kind="subsection", title=ctx.title(spec), layout="subsection", key=ctx.key(spec))


def _response(ctx: Context, spec: SlideSpec, area: AreaMetrics, national_area: AreaMetrics, *_: object) -> Slide:
    """1. Answered and completed against the scope's units, and the status distribution."""
    labels = ctx.layouts.labels["status"]
    parts = [labels[s] for s in STATUSES]
    responses = [(ctx.values["scope_label"], area.response)]
    if not ctx.national:
        responses.append((ctx.values["riket"], area.national_response))
    rows, shares = [], []
    for label, r in responses:
        rows.append(label)
        shares.append([100 * share for share in r.status_shares])
    subject = f"svarsstatus för enkäten inom området {area.area}, {ctx.values['scope_name']}"
    counts_text = " ".join(
        f"{label}: {integer(r.answered)} av {integer(r.respondents)} kommuner har svarat, "
        f"{integer(r.completed)} har slutfört."
        for label, r in responses
    )
    chart = ChartSpec(
        region="lower",
        kind="stacked100",
        categories=tuple(rows),
        series=tuple(
            Series(part, tuple(s[i] for s in shares), color)
            for i, (part, color) in enumerate(zip(parts, ("cat_A", "cat_AB", "muted"), strict=True))
        ),
        alt_text=alttext.stacked(subject, rows, parts, shares, tuple(range(len(rows)))) + " " + counts_text,
        value_format="percent",
        caption=ctx.string(spec, "caption"),
        key=ctx.key(spec),
    )
    units = ctx.nouns(area.response.respondents)
    blocks: list[Block] = [
        KeyFigure("kf_top1", integer(area.response.answered), ctx.string(spec, "answered", **units)),
        KeyFigure("kf_top2", integer(area.response.completed), ctx.string(spec, "completed", **units)),
        chart,
    ]
    return ctx.content(spec, blocks)


def _offer_headline(ctx: Context, spec: SlideSpec, area: AreaMetrics, *_: object) -> Slide:
    """2. Mean, further share, min and max (SPEC §5 Insatsutbud)."""
    offer = area.offer
    further = (
        KeyFigure("kf2", percent(offer.further_share), ctx.string(spec, "further"))
        if offer.further_share is not None
        else KeyFigure("kf2", "–", ctx.string(spec, "further_missing"))
    )
    blocks = [
        KeyFigure("kf1", mean(offer.mean), ctx.string(spec, "mean")),
        further,
        KeyFigure("kf3", integer(offer.min), ctx.string(spec, "min")),
        KeyFigure("kf4", integer(offer.max), ctx.string(spec, "max")),
    ]
    return ctx.content(spec, blocks)


def _mean_line(ctx: Context, label: str, value: float, color: str) -> ReferenceLine:
    text = ctx.text(ctx.layouts.labels["mean_line"], "labels.mean_line", label=label, value=mean(value))
    row = ctx.text(ctx.layouts.labels["mean_row"], "labels.mean_row", label=label)
    return ReferenceLine(text, value, color, name=row)


def _offer_per_unit(
    ctx: Context, spec: SlideSpec, area: AreaMetrics, national_area: AreaMetrics, counties: Sequence[CountyFigures]
) -> Slide:
    """3. Offered insatser per municipality, most first, with county and Riket mean lines;
    in the Riket deck the counties' means instead."""
    if ctx.national:
        shown = sorted(
            (c for c in counties if not math.isnan(c.offer_mean)), key=lambda c: (-c.offer_mean, swedish_key(c.name))
        )
        unit_label = ctx.layouts.dimension_common["unit_label"]
        labels = [ctx.text(unit_label, "unit_label", name=c.name, n=integer(c.with_answers)) for c in shown]
        values = [c.offer_mean for c in shown]
        plain = [c.name for c in shown]
        lines = [_mean_line(ctx, ctx.values["riket"], area.offer.mean, SCOPE_COLORS["national"])]
        value_format = "decimal"
        subject = f"genomsnittligt antal erbjudna insatser av {area.catalog_size} inom området {area.area} per län"
    else:
        # Only municipalities that answered at least one insats question are shown.
        shown_units = [r for r in area.offer.per_respondent if r.answered or r.offered]
        labels = [r.name for r in shown_units]
        values = [float(r.offered) for r in shown_units]
        plain = labels
        lines = [
            _mean_line(ctx, ctx.values["scope_label"], area.offer.mean, SCOPE_COLORS["county"]),
            _mean_line(ctx, ctx.values["riket"], area.national_offer_mean, SCOPE_COLORS["national"]),
        ]
        value_format = "count"
        subject = (
            f"antal erbjudna insatser av {area.catalog_size} inom området {area.area} per kommun, "
            f"{ctx.values['scope_name']}"
        )
    references = [(line.label.split(":")[0], line.value) for line in lines]
    chart = ChartSpec(
        region="body",
        kind="bar",
        categories=tuple(labels),
        series=(Series(ctx.layouts.labels["offered_series"], tuple(values), unit_color(ctx)),),
        alt_text=alttext.ranked(subject, plain, values, references, value_format),
        value_format=value_format,  # type: ignore[arg-type]
        reference_lines=tuple(lines),
        legend=True,
        axis_label=ctx.string(spec, "axis"),
        key=ctx.key(spec),
    )
    return ctx.content(spec, [chart])


def _group_means(ctx: Context, spec: SlideSpec, area: AreaMetrics, *_: object) -> Slide:
    """4. Mean offered per huvudgrupp, the scope beside Riket."""
    groups = area.group_means
    chart = compared_chart(
        ctx,
        categories=[g.huvudgrupp for g in groups],
        mine=[g.mean or 0.0 for g in groups],
        theirs=[g.national_mean or 0.0 for g in groups],
        subject=f"genomsnittligt antal erbjudna insatser per huvudgrupp inom området {area.area}, "
        f"{ctx.values['scope_name']}",
        value_format="decimal",
        region="body",
        kind="bar",
        axis_label=ctx.string(spec, "axis"),
        key=ctx.key(spec),
    )
    return ctx.content(spec, [chart])


def insats_rows(rows: Sequence[InsatsShare]) -> tuple[tuple[str, str, str, str], ...]:
    """Table rows of the ten most / least common: insats, share, offering, answered."""
    return tuple((r.insats, percent(r.share), integer(r.offered), integer(r.answered)) for r in rows)


def _insats_table(ctx: Context, spec: SlideSpec, rows: Sequence[InsatsShare]) -> Slide:
    """5.–6. A real table of ten insatser; 10 rows and the header fit the body region."""
    body = insats_rows(rows) or ((ctx.string(spec, "empty"), "", "", ""),)
    table = Table(
        region="body",
        header=tuple(spec.string("header")),
        rows=body,
        widths=(0.49, 0.17, 0.17, 0.17),
        align=("left", "right", "right", "right"),
        font_size=font_size(spec),
    )
    return ctx.content(spec, [table], names=[r.insats for r in rows])


def _top10(ctx: Context, spec: SlideSpec, area: AreaMetrics, *_: object) -> Slide:
    return _insats_table(ctx, spec, area.top10)


def _bottom10(ctx: Context, spec: SlideSpec, area: AreaMetrics, *_: object) -> Slide:
    return _insats_table(ctx, spec, area.bottom10)


def _wish(ctx: Context, spec: SlideSpec, area: AreaMetrics, national_area: AreaMetrics, *_: object) -> Slide:
    """8. Would give insatser without decision: Ja / Nej / Vet ej, the scope beside Riket."""
    question = TextBlock("left_narrow", (Paragraph(ctx.string(spec, "question")),))
    wish = area.wish
    if not wish.answered:
        return ctx.content(spec, [question, TextBlock("right_wide", (Paragraph(ctx.string(spec, "none")),))])
    chart = compared_chart(
        ctx,
        categories=[ctx.layouts.labels["wish"][c] for c in WISH_CODES],
        mine=[points(wish.share(c)) for c in WISH_CODES],
        theirs=[points(national_area.wish.share(c)) for c in WISH_CODES] if national_area.wish.answered else None,
        subject=f"andel kommuner som vill ge insatser utan biståndsbeslut inom området {area.area}, "
        f"{ctx.values['scope_name']}, 100 % = {integer(wish.answered)} {ctx.noun('kommuner', wish.answered)}",
        value_format="percent",
        region="right_wide",
        kind="column",
        orientation="vertical",
        caption=ctx.string(spec, "caption", n=integer(wish.answered), **ctx.nouns(wish.answered)),
        key=ctx.key(spec),
    )
    return ctx.content(spec, [question, chart])


def _wish_groups(ctx: Context, spec: SlideSpec, area: AreaMetrics, *_: object) -> Slide:
    """9. How many respondents would give insatser without decision in each huvudgrupp."""
    wish = area.wish
    yes = wish.counts.get("ja", 0)
    if not yes:
        return ctx.content(spec, [TextBlock("body", (Paragraph(ctx.string(spec, "none")),))])
    categories = [name for _, name, _ in wish.per_group]
    values = [float(n) for _, _, n in wish.per_group]
    subject = (
        f"antal kommuner som vill ge insatser utan biståndsbeslut per huvudgrupp inom området {area.area}, "
        f"{ctx.values['scope_name']}, av {integer(yes)} kommuner som svarat ja"
    )
    name = ctx.string(spec, "series")
    chart = ChartSpec(
        region="body",
        kind="bar",
        categories=tuple(categories),
        series=(Series(name, tuple(values), "primary"),),
        alt_text=alttext.grouped(subject, categories, [(name, values)], "count"),
        value_format="count",
        legend=False,
        caption=ctx.string(spec, "caption", n=integer(yes), **ctx.nouns(yes)),
        key=ctx.key(spec),
        # A full bar means every municipality that said Ja, as the caption's "N kommuner …".
        value_max=float(yes),
    )
    return ctx.content(spec, [chart])


_BUILDERS: dict[str, Callable[..., Slide]] = {
    "response": _response,
    "subsection": _subsection,
    "offer_headline": _offer_headline,
    "offer_per_respondent": _offer_per_unit,
    "group_means": _group_means,
    "top10": _top10,
    "bottom10": _bottom10,
    "wish": _wish,
    "wish_groups": _wish_groups,
}
