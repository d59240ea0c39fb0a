"""The one entry point from metrics and layouts to the neutral deck model (DESIGN.md).

``build_deck`` reads everything it shows from one ``DeckInputs`` record that the caller
filled from ``reportgen.metrics``, in the order and words of ``layouts/``. Renderers
walk the result and never compute a figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from reportgen.deck.area import CountyFigures, area_section
from reportgen.deck.context import Context, UnlabelledCheck
from reportgen.deck.front import contents_slide, front_section, title_slide
from reportgen.deck.inputs import DeckInputs
from reportgen.deck.layout import LayoutError, Layouts, load_layouts
from reportgen.deck.model import Deck, Section
from reportgen.deck.titles import check_unique, unique_titles
from reportgen.imprint import Imprint
from reportgen.metrics.model import ScopeMetrics
from reportgen.text import capital


def build_deck(
    inputs: DeckInputs,
    *,
    date_text: str,
    synthetic: bool = False,
    imprint: Imprint | None = None,
    layouts: Layouts | None = None,
    layouts_dir: Path | None = None,
    unlabelled: UnlabelledCheck | None = None,
) -> Deck:
    """The deck of one scope (a county, or Riket when ``inputs.metrics`` is Riket's).

    ``date_text`` is the month and year in Swedish ("maj 2022"); a ``synthetic`` deck
    carries the layouts' demo label (SPEC §9), which every renderer shows.
    ``unlabelled`` tells which 100 % charts leave small shares without a figure
    (``figures.value_labels.has_unlabelled``); their slides' notes say so. ``imprint``
    (the run's build time and publisher) goes into the documents' properties, and its
    organisation and contact onto the title slide (SPEC §10).
    """
    metrics = inputs.metrics
    layouts = layouts or load_layouts(layouts_dir)
    is_national = metrics.scope.is_national
    words = layouts.scope(is_national)
    ctx = Context(
        layouts=layouts,
        national=is_national,
        unlabelled=unlabelled,
        values={
            "county": metrics.scope.name,
            "scope_name": metrics.scope.name,
            "date": date_text,
            "catalog_total": inputs.catalog.total,
            "n_areas": len(metrics.areas),
            "scope_where": words["where"],
            "scope_label": words["label"],
            "units": words["units"],
            "riket": layouts.labels["riket"],
            "small_base": layouts.small_base["threshold"],
            # Further scope words of deck.yaml as {scope_<key>} ("för länet" / "för riket").
            **{f"scope_{k}": v for k, v in words.items() if k not in ("where", "label", "units")},
        },
    )
    labels = tuple(c.label for c in layouts.categories)
    if inputs.catalog.labels != labels:
        raise LayoutError(
            f"the catalog figures are by categories {inputs.catalog.labels}, categories.yaml has {labels}"
        )
    sections = _sections(ctx, inputs, _county_figures(inputs.counties) if is_national else {})
    sections = unique_titles(sections, layouts.repeated_title)
    front_specs = layouts.front
    first_page = len(front_specs) + 1
    front = []
    for spec in front_specs:
        if spec.kind == "title":
            front.append(title_slide(ctx, spec, imprint))
        else:
            front.append(contents_slide(ctx, spec, sections, first_page))
    deck = Deck(
        title=ctx.text(layouts.title["title"], "title.title"),
        subtitle=ctx.text(layouts.title["subtitle"], "title.subtitle"),
        county=metrics.scope.name,
        # The date stands alone on the title slide, so it starts with a capital ("Maj 2022").
        date_text=capital(date_text),
        sections=tuple(sections),
        front=tuple(front),
        demo_label=ctx.text(layouts.title["demo_label"], "title.demo_label") if synthetic else "",
        imprint=imprint,
    )
    _check_keys(deck)
    check_unique(deck.slides)
    _check_charts(deck)
    return deck


def _sections(ctx: Context, inputs: DeckInputs, counties: dict[str, list[CountyFigures]]) -> list[Section]:
    metrics, national = inputs.metrics, inputs.national
    sections: list[Section] = []
    for spec in ctx.layouts.sections:
        if spec.kind == "areas":
            for area_name, area in metrics.areas.items():
                number = len(sections) + 1
                national_area = national.areas[area_name]
                sections.append(area_section(ctx, spec, number, area, national_area, counties.get(area_name, [])))
        else:
            sections.append(front_section(ctx, spec, len(sections) + 1, inputs))
    return sections


def _county_figures(counties: Sequence[ScopeMetrics]) -> dict[str, list[CountyFigures]]:
    """Per area, the county bars of the Riket deck, read from each county's metrics."""
    result: dict[str, list[CountyFigures]] = {}
    for county in counties:
        for area_name, area in county.areas.items():
            result.setdefault(area_name, []).append(
                CountyFigures(
                    name=county.scope.name,
                    with_answers=area.response.with_answers,
                    offer_mean=area.offer.mean,
                    dimensions={name: dim.total for name, dim in area.dimensions.items()},
                )
            )
    return result


def _check_charts(deck: Deck) -> None:
    """A chart without bars cannot be drawn (figures refuse it): slides say in words
    when there is nothing to show, so an empty chart here is a builder defect."""
    for block in deck.charts:
        n = len(block.categories)
        if not n or not block.series or any(len(s.values) != n for s in block.series):
            raise ValueError(f"chart {block.key!r} has no or ragged data")
        if not block.alt_text:
            raise ValueError(f"chart {block.key!r} has no alt text")


def _check_keys(deck: Deck) -> None:
    """Slide and chart keys name cached chart files: a repeated key would overwrite one
    chart with another, so a layout that repeats one is refused."""
    slide_keys = Counter(slide.key for slide in deck.slides)
    chart_keys = Counter(block.key for block in deck.charts)
    repeated = sorted({k for keys in (slide_keys, chart_keys) for k, n in keys.items() if n > 1})
    if repeated:
        raise LayoutError(f"deck.yaml gives the same slide key twice: {repeated}")
