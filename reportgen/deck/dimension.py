"""The slides of one dimension — form, regi or beslut — by one code path (SPEC §6 item 7,
DESIGN "one dimension, three uses"): only the words of ``DimensionSpec`` differ."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportgen.deck import alttext
from reportgen.deck.charts import SCOPE_COLORS, scope_color
from reportgen.deck.context import Context, font_size
from reportgen.deck.format import integer, percent, points
from reportgen.deck.layout import DimensionSpec, SlideSpec
from reportgen.deck.model import Block, ChartSpec, Paragraph, Series, Slide, Table, TextBlock
from reportgen.metrics.model import CategoryShares, Dimension
from reportgen.survey import CATEGORIES, INDIVIDUALS
from reportgen.text import capital

COLUMNS = ("col1", "col2", "col3")


def dimension_slides(
    ctx: Context,
    dim_spec: DimensionSpec,
    dim: Dimension,
    unit_rows: Sequence[CategoryShares],
) -> list[Slide]:
    """All slides of ``dimension_slides`` in deck.yaml for one area and dimension.

    ``unit_rows`` are the bars of the per-unit chart: the responding municipalities in
    a county deck, the counties in the Riket deck (already labelled).
    """
    ctx = ctx.with_values(
        prefix=f"{ctx.prefix}/{dim_spec.name}", dimension=dim_spec.name, Dimension=capital(dim_spec.name)
    )
    slides = []
    for spec in ctx.layouts.dimension_slides:
        title = dim_spec.titles.get(f"{spec.kind}_national") if ctx.national else None
        title = ctx.text(title or dim_spec.titles[spec.kind], f"dimensions.{dim_spec.name}.titles.{spec.kind}")
        slides.append(_BUILDERS[spec.kind](ctx, spec, dim_spec, dim, unit_rows, title))
    return slides


def _subsection(ctx: Context, spec: SlideSpec, ds: DimensionSpec, dim: Dimension, rows, title: str) -> Slide:
    return Slide(kind="subsection", title=title, layout="subsection", key=ctx.key(spec))


def _labels(ds: DimensionSpec) -> list[str]:
    return [ds.categories[c] for c in CATEGORIES]


def _series_colors() -> list[str]:
    return [f"cat_{c}" for c in CATEGORIES]


def _common(ctx: Context, entry: str, **values) -> str:
    return ctx.text(ctx.layouts.dimension_common[entry], f"dimensions.common.{entry}", **values)


def _none(ctx: Context, region: str, message: str) -> TextBlock:
    return TextBlock(region, (Paragraph(message),))


def _total(ctx: Context, spec: SlideSpec, ds: DimensionSpec, dim: Dimension, rows, title: str) -> Slide:
    """(a) Category shares over all pairs, county beside Riket, and the three most common per category."""
    labels = _labels(ds)
    blocks: list[Block] = []
    names: list[str] = []
    total = dim.total
    if total.n_pairs:
        series = [(ctx.values["scope_label"], [points(total.share(c)) for c in CATEGORIES])]
        if not ctx.national and dim.national_total.n_pairs:
            series.append((ctx.values["riket"], [points(dim.national_total.share(c)) for c in CATEGORIES]))
        subject = f"{ds.total_caption.lower()} inom området {ctx.values['area']}, {ctx.values['scope_name']}"
        if len(series) > 1:
            subject += " jämfört med riket"
        blocks.append(
            ChartSpec(
                region="left",
                kind="column",
                orientation="vertical",
                categories=tuple(labels),
                series=tuple(
                    Series(name, tuple(values), color)
                    for (name, values), color in zip(series, (scope_color(ctx), SCOPE_COLORS["national"]), strict=False)
                ),
                alt_text=alttext.grouped(subject, labels, series, "percent")
                + f" 100 % = {integer(total.n_pairs)} {ctx.noun('insatser', total.n_pairs)}.",
                value_format="percent",
                axis_label=ds.total_caption,
                caption=_common(ctx, "pairs_caption", n=integer(total.n_pairs), **ctx.nouns(total.n_pairs)),
                key=ctx.key(spec),
            )
        )
    else:
        blocks.append(_none(ctx, "left", _common(ctx, "no_pairs")))
    paragraphs: list[Paragraph] = []
    for category, label in zip(CATEGORIES, labels, strict=True):
        paragraphs.append(Paragraph(_common(ctx, "top3_heading", category=label), bold=True))
        top = dim.top3.get(category, ())
        names.extend(item.insats for item in top)
        if not top:
            paragraphs.append(Paragraph(_common(ctx, "top3_none"), level=1))
        for item in top:
            text = _common(
                ctx, "top3_item", insats=item.insats, count=integer(item.count), n=integer(item.n), **ctx.nouns(item.n)
            )
            paragraphs.append(Paragraph(text, level=1))
    blocks.append(TextBlock("right", tuple(paragraphs)))
    return ctx.content(spec, blocks, names=names, title=title)


def _top5(ctx: Context, spec: SlideSpec, ds: DimensionSpec, dim: Dimension, rows, title: str) -> Slide:
    """(b) Three top-5 tables side by side: "Insats (n)", share, count."""
    blocks: list[Block] = []
    names: list[str] = []
    for category, region in zip(CATEGORIES, COLUMNS, strict=True):
        words = ds.table[category]
        top = dim.top5.get(category, ())
        names.extend(item.insats for item in top)
        body = tuple((f"{item.insats} ({integer(item.n)})", percent(item.share), integer(item.count)) for item in top)
        if not body:
            body = ((_common(ctx, "table_empty"), "", ""),)
        blocks.append(
            Table(
                region=region,
                header=("Insats (n)", words.share, words.count),
                rows=body,
                widths=(0.62, 0.19, 0.19),
                align=("left", "right", "right"),
                caption=words.caption,
                font_size=font_size(spec),
            )
        )
    return ctx.content(spec, blocks, names=names, title=title)


@dataclass(frozen=True)
class SmallBase:
    """Which bars of a chart rest on a small base, and the words for them."""

    positions: tuple[int, ...]
    label: str  # legend entry, "" for none
    alt: str  # sentence appended to the alt text, "" when nothing is marked


def small_base(ctx: Context, bases: Sequence[int], names: Sequence[str], legend: bool = True) -> SmallBase:
    """The bars resting on fewer answers than deck.yaml's ``small_base.threshold``
    (issue 14): they are hatched, named in the alt text and explained in the note; their
    values stay as computed. A base of 0 is not marked (nothing is drawn)."""
    words = ctx.layouts.small_base
    threshold = int(words["threshold"])
    marked = tuple(i for i, n in enumerate(bases) if 0 < n < threshold)
    if not marked:
        return SmallBase((), "", "")
    listed = ", ".join(names[i] for i in marked)
    return SmallBase(
        marked,
        ctx.text(words["legend"], "small_base.legend", threshold=threshold) if legend else "",
        " " + ctx.text(words["alt"], "small_base.alt", threshold=threshold, names=listed),
    )


def _stacked_chart(
    ctx: Context,
    ds: DimensionSpec,
    rows: Sequence[CategoryShares],
    labels: Sequence[str],
    subject: str,
    key: str,
    highlight: tuple[int, ...] = (),
    alt_labels: Sequence[str] | None = None,
) -> ChartSpec:
    """``alt_labels``: the row names without their "(n)", for the alt text. Bars whose
    100 % (``n_pairs``) is a small base are hatched."""
    parts = _labels(ds)
    shares = [[points(row.share(c)) for c in CATEGORIES] for row in rows]
    names = list(alt_labels or labels)
    marks = small_base(ctx, [row.n_pairs for row in rows], names)
    return ChartSpec(
        region="body",
        kind="stacked100",
        categories=tuple(labels),
        series=tuple(
            Series(part, tuple(s[i] for s in shares), color)
            for i, (part, color) in enumerate(zip(parts, _series_colors(), strict=True))
        ),
        alt_text=alttext.stacked(subject, names, parts, shares, highlight) + marks.alt,
        value_format="percent",
        highlight=highlight,
        key=key,
        small_base=marks.positions,
        small_base_label=marks.label,
    )


def _per_respondent(ctx: Context, spec: SlideSpec, ds: DimensionSpec, dim: Dimension, rows, title: str) -> Slide:
    """(c) 100 % bars per municipality (per county for Riket), then Länet and Riket highlighted."""
    shown = [row for row in rows if row.n_pairs]
    summary = [] if ctx.national else [(ctx.values["scope_label"], dim.total)]
    summary.append((ctx.values["riket"], dim.national_total))
    summary = [(label, row) for label, row in summary if row.n_pairs]
    if not shown and not summary:
        return ctx.content(spec, [_none(ctx, "body", _common(ctx, "no_pairs"))], title=title)
    all_rows = [*shown, *(row for _, row in summary)]
    plain = [row.label for row in shown] + [label for label, _ in summary]
    # Each bar carries its base: a municipality its insatser with an answer (the 100 %),
    # a county (Riket deck) its municipalities with an answer.
    labels = [
        _common(ctx, "unit_label", name=row.label, n=integer(row.n_respondents if ctx.national else row.n_pairs))
        for row in shown
    ]
    labels += [label for label, _ in summary]
    highlight = tuple(range(len(shown), len(all_rows)))
    unit = "län" if ctx.national else "kommun"
    subject = f"{ds.total_caption.lower()} per {unit} inom området {ctx.values['area']}, {ctx.values['scope_name']}"
    chart = _stacked_chart(ctx, ds, all_rows, labels, subject, ctx.key(spec), highlight, alt_labels=plain)
    return ctx.content(spec, [chart], title=title)


def _individuals(ctx: Context, spec: SlideSpec, ds: DimensionSpec, dim: Dimension, rows, title: str) -> Slide:
    """(d) For each category, how many individuals its insatser reached (100 % = answered pairs)."""
    buckets = [ctx.layouts.individuals_buckets[b] for b in INDIVIDUALS]
    blocks: list[Block] = []
    # The three charts stand side by side: one scale, so equal heights mean equal shares.
    peaks = [100 * max(d.share(b) or 0.0 for b in INDIVIDUALS) for d in dim.individuals.values() if d.n]
    scale = max(peaks, default=None)
    for category, region in zip(CATEGORIES, COLUMNS, strict=True):
        dist = dim.individuals.get(category)
        how = ds.individuals[category]
        if dist is None or not dist.n:
            # No "100 % = 0" heading over nothing: a sentence says what nobody answered.
            n_pairs = dist.n_pairs if dist else 0
            words = {"how": how, "n_pairs": integer(n_pairs), **ctx.nouns(n_pairs)}
            entry = "individuals_no_answers" if n_pairs else "individuals_no_pairs"
            blocks.append(_none(ctx, region, _common(ctx, entry, **words)))
            continue
        caption = _common(ctx, "individuals_caption", n=integer(dist.n), how=how, **ctx.nouns(dist.n))
        shares = [100 * (dist.share(b) or 0.0) for b in INDIVIDUALS]
        subject = _common(ctx, "individuals_subject", how=how)
        # A panel on a small base is hatched whole: all its bars share the one base.
        marks = small_base(ctx, [dist.n], [ds.categories[category]], legend=False)
        blocks.append(
            ChartSpec(
                region=region,
                kind="column",
                orientation="vertical",
                categories=tuple(buckets),
                series=(Series(ds.categories[category], tuple(shares), f"cat_{category}"),),
                alt_text=alttext.distribution(subject, buckets, shares, dist.n) + marks.alt,
                value_format="percent",
                legend=False,
                caption=caption,
                key=f"{ctx.key(spec)}/{category}",
                value_max=scale,
                small_base=tuple(range(len(buckets))) if marks.positions else (),
            )
        )
    return ctx.content(spec, blocks, title=title)


def _per_group(ctx: Context, spec: SlideSpec, ds: DimensionSpec, dim: Dimension, rows, title: str) -> Slide:
    """(e) 100 % bars per huvudgrupp, "(n)" = responding municipalities with an answer in the group."""
    shown = [row for row in dim.per_group if row.n_pairs]
    if not shown:
        return ctx.content(spec, [_none(ctx, "body", _common(ctx, "no_pairs"))], title=title)
    labels = [_common(ctx, "group_label", group=row.label, n=integer(row.n_respondents)) for row in shown]
    subject = f"{ds.total_caption.lower()} per huvudgrupp inom området {ctx.values['area']}, {ctx.values['scope_name']}"
    chart = _stacked_chart(ctx, ds, shown, labels, subject, ctx.key(spec), alt_labels=[row.label for row in shown])
    return ctx.content(spec, [chart], title=title)


_BUILDERS: dict[str, Callable[..., Slide]] = {
    "subsection": _subsection,
    "dimension_total": _total,
    "dimension_top5": _top5,
    "dimension_per_respondent": _per_respondent,
    "dimension_individuals": _individuals,
    "dimension_per_group": _per_group,
}
