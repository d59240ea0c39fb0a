"""Front matter (SPEC §6): the title, the contents with computed page ranges, the
background section and the national insights. Texts come from layouts/texts.yaml; every
figure in them is read from the catalog or from metrics."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from reportgen.deck import alttext
from reportgen.deck.charts import compared_chart
from reportgen.deck.context import Context, font_size
from reportgen.deck.format import integer, points
from reportgen.deck.inputs import DeckInputs
from reportgen.deck.layout import SectionSpec, SlideSpec, must_fill
from reportgen.deck.model import Block, ChartSpec, Paragraph, Section, Series, Slide, Table, TextBlock
from reportgen.imprint import Imprint
from reportgen.metrics.insights import AreaFigure, Extreme, highest, lowest
from reportgen.text import capital, word_list

#: The title slide's region for the publisher's lines (layouts/theme.yaml).
PUBLISHER_REGION = "deck_publisher"


def title_slide(ctx: Context, spec: SlideSpec, imprint: Imprint | None = None) -> Slide:
    """The renderers draw the title slide from the Deck's title, subtitle, date and
    synthetic flag (with their SPEC §9 label); the slide's one block is the publisher."""
    block = publisher_block(imprint, ctx.layouts.title, font_size(spec))
    return Slide(
        kind="title",
        title=ctx.text(ctx.layouts.title["title"], "title.title"),
        blocks=(block,) if block else (),
        layout="title",
        key=spec.key,
    )


def publisher_block(
    imprint: Imprint | None, templates: Mapping[str, str], size: float | None = None
) -> TextBlock | None:
    """The organisation (bold) and contact lines under a title (SPEC §10), each written
    with its template ("Kontakt: {contact}") and only when the settings give it; None
    when they give neither. ``size`` in points (None: the body's). Shared by the deck
    and the municipality profile."""
    if imprint is None:
        return None
    lines = tuple(
        Paragraph(must_fill(templates[key], {key: value}, f"title.{key}"), bold=key == "organisation")
        for key, value in (("organisation", imprint.organisation), ("contact", imprint.contact))
        if value
    )
    return TextBlock(PUBLISHER_REGION, lines, size) if lines else None


def contents_slide(ctx: Context, spec: SlideSpec, sections: Sequence[Section], first_page: int) -> Slide:
    """One row per section with its pages ("Sida 3 – 14"); pages are 1-based slide positions."""
    rows = []
    page = first_page
    for section in sections:
        last = page + len(section.slides) - 1
        pages = ctx.text(ctx.layouts.labels["pages"], "labels.pages", first=page, last=last)
        rows.append((section.number, section.title, pages))
        page = last + 1
    table = Table(
        region="body",
        header=tuple(ctx.layouts.labels["contents_header"]),
        rows=tuple(rows),
        widths=(0.07, 0.68, 0.25),
        align=("left", "left", "right"),
        font_size=font_size(spec),
    )
    return Slide(kind="contents", title=ctx.title(spec), blocks=(table,), layout="contents", key=spec.key)


def front_section(ctx: Context, spec: SectionSpec, number: int, inputs: DeckInputs) -> Section:
    """A background or insights section: its divider, then its slides in deck.yaml order."""
    title = ctx.text(spec.title, f"{spec.kind}.title")
    key = spec.slides[0].key.split("/")[0] if spec.slides else spec.kind
    slides = [Slide(kind="section", title=title, section_number=str(number), layout="section", key=key)]
    slides.extend(_BUILDERS[s.kind](ctx, s, inputs) for s in spec.slides)
    return Section(number=str(number), title=title, slides=tuple(slides))


def _intro(ctx: Context, spec: SlideSpec) -> list[Block]:
    if not spec.text:
        return []
    blocks = ctx.paragraphs(ctx.layouts.texts[spec.text], f"texts.{spec.text}")
    return [replace(b, size=font_size(spec, b.size)) for b in blocks]


def _text(ctx: Context, spec: SlideSpec, inputs: DeckInputs) -> Slide:
    return ctx.content(spec, _intro(ctx, spec))


def _area_label(area: str) -> str:
    return capital(area)


def _catalog_sizes(ctx: Context, spec: SlideSpec, inputs: DeckInputs) -> Slide:
    """The catalog's size per area ("100 % = 409 insatser")."""
    areas = inputs.catalog.areas
    labels = [_area_label(a.area) for a in areas]
    values = [float(a.size) for a in areas]
    total = inputs.catalog.total
    shares = [points(a.share) for a in areas]
    alt = (
        alttext.grouped(
            f"antal kartlagda insatser per verksamhetsområde, sammanlagt {integer(total)} insatser",
            labels,
            [("Antal insatser", values)],
            "count",
        )
        + f" Andel av alla insatser: {alttext.listing(labels, shares, 'percent')}."
    )
    chart = ChartSpec(
        region="right_wide",
        kind="bar",
        categories=tuple(labels),
        series=(Series(ctx.string(spec, "axis"), tuple(values), "primary"),),
        alt_text=alt,
        value_format="count",
        legend=False,
        axis_label=ctx.string(spec, "axis"),
        caption=ctx.string(spec, "caption"),
        key=spec.key,
    )
    return ctx.content(spec, [*_intro(ctx, spec), chart])


def _catalog_categories(ctx: Context, spec: SlideSpec, inputs: DeckInputs) -> Slide:
    """Insatser per area and category, as 100 % bars with the area's count in the label."""
    areas = inputs.catalog.areas
    parts = list(inputs.catalog.labels)
    labels = [f"{_area_label(a.area)} ({integer(a.size)})" for a in areas]
    shares = [[points(share) for _, _, share in a.categories] for a in areas]
    chart = ChartSpec(
        region="right_wide",
        kind="stacked100",
        categories=tuple(labels),
        series=tuple(Series(part, tuple(row[i] for row in shares), None) for i, part in enumerate(parts)),
        alt_text=alttext.stacked(
            "de kartlagda insatsernas fördelning på kategori per verksamhetsområde",
            [f"{_area_label(a.area)}, {integer(a.size)} insatser" for a in areas],
            parts,
            shares,
        ),
        value_format="percent",
        caption=ctx.string(spec, "caption"),
        key=spec.key,
    )
    slide = ctx.content(spec, [*_intro(ctx, spec), chart])
    includes = "; ".join(c.includes for c in ctx.layouts.categories if c.includes)
    if includes and ctx.layouts.category_note:
        note = ctx.text(ctx.layouts.category_note, "categories.note", includes=includes)
        slide = replace(slide, note=" ".join(filter(None, [slide.note, note])))
    return slide


def _response_overview(ctx: Context, spec: SlideSpec, inputs: DeckInputs) -> Slide:
    """Answered per area for the scope and Riket (shares of all units), with the counts in text."""
    areas = inputs.metrics.areas
    labels = [_area_label(a) for a in areas]
    mine = [points(m.response.answered_share) for m in areas.values()]
    theirs = [points(m.national_response.answered_share) for m in areas.values()]
    paragraphs = [
        Paragraph(
            ctx.string(
                spec,
                "answered",
                area=_area_label(area),
                answered=integer(m.response.answered),
                respondents=integer(m.response.respondents),
                completed=integer(m.response.completed),
                with_answers=integer(m.response.with_answers),
                **ctx.nouns(m.response.respondents),
            ),
            level=1,
        )
        for area, m in areas.items()
    ]
    if areas:
        answered = [m.national_response.answered for m in areas.values()]
        answering = [m.national_response.with_answers for m in areas.values()]
        text = ctx.string(
            spec,
            "riket_range",
            low=integer(min(answered)),
            high=integer(max(answered)),
            low_answering=integer(min(answering)),
            high_answering=integer(max(answering)),
        )
        paragraphs.append(Paragraph(text))
    chart = compared_chart(
        ctx,
        categories=labels,
        mine=mine,
        theirs=theirs,
        subject=f"andel kommuner som besvarat enkäten per verksamhetsområde, {ctx.values['scope_name']}",
        value_format="percent",
        region="right_wide",
        kind="bar",
        caption=ctx.string(spec, "caption"),
        key=spec.key,
    )
    return ctx.content(spec, [TextBlock("left_narrow", tuple(paragraphs), size=font_size(spec, 11)), chart])


def insight_values(inputs: DeckInputs) -> dict[str, dict[str, object] | None]:
    """The figures of each insights statement; None where nobody answered. Every area
    sharing an extreme is named ("barn och unga samt socialpsykiatri")."""
    ins = inputs.insights
    sizes = {area: m.catalog_size for area, m in inputs.national.areas.items()}

    def named(extreme: Extreme | None, prefix: str = "") -> dict[str, object] | None:
        if extreme is None:
            return None
        return {f"{prefix}area": word_list(extreme.areas), f"{prefix}share": integer(extreme.percent)}

    def extremes(figures: tuple[AreaFigure, ...]) -> dict[str, object] | None:
        """Lowest and highest; None when they print alike (no contrast to state)."""
        low, high = lowest(figures), highest(figures)
        if low is None or high is None or low.percent == high.percent:
            return None
        return {**named(low, "low_"), **named(high, "high_")}  # type: ignore[dict-item]

    spread = ins.widest_spread
    spread_values: dict[str, object] | None = None
    if len(spread) == 1:
        only = spread[0]
        spread_values = {
            "area": only.area,
            "min": integer(only.min),
            "max": integer(only.max),
            "size": integer(sizes[only.area]),
        }
    elif spread:
        spread_values = {"areas": word_list([s.area for s in spread]), "range": integer(spread[0].range)}
    return {
        "spread": spread_values,
        "regi": extremes(ins.kommunal_only),
        "further": named(highest(ins.further)),
        "without_decision": named(highest(ins.without_decision_only)),
        "digital": extremes(ins.digital_only),
        "wish": extremes(ins.wish),
    }


def _insights(ctx: Context, spec: SlideSpec, inputs: DeckInputs) -> Slide:
    """Statements about Riket, each with figures from the data, in two columns."""
    statements: list[tuple[Paragraph, Paragraph]] = []
    for key, values in insight_values(inputs).items():
        words = ctx.layouts.insights[key]
        if values is None:
            continue
        # A statement whose extreme several areas share may need other words ("lika stor").
        variant = "text_tied" if "areas" in values else "text"
        text = ctx.text(words[variant], f"insights.{key}.{variant}", **values)
        statements.append((Paragraph(ctx.text(words["lead"], f"insights.{key}.lead"), bold=True), Paragraph(text)))
    half = (len(statements) + 1) // 2
    blocks = [
        TextBlock(region, tuple(p for pair in part for p in pair), size=font_size(spec, 12))
        for region, part in (("left", statements[:half]), ("right", statements[half:]))
        if part
    ]
    return ctx.content(spec, blocks)


_BUILDERS: dict[str, Callable[[Context, SlideSpec, DeckInputs], Slide]] = {
    "text": _text,
    "catalog_sizes": _catalog_sizes,
    "catalog_categories": _catalog_categories,
    "response_overview": _response_overview,
    "insights": _insights,
}
