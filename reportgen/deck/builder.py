"""The one entry point from metrics and layouts to the neutral deck model (DESIGN.md).

``build_deck`` reads everything it shows from ``ScopeMetrics`` (and a few catalog-level
figures from ``reportgen.metrics``), in the order and words of ``layouts/``. Renderers
walk the result and never compute a figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from reportgen.catalog import Catalog
from reportgen.deck.area import CountyFigures, area_section
from reportgen.deck.context import Context
from reportgen.deck.front import FrontData, contents_slide, front_section, title_slide
from reportgen.deck.layout import LayoutError, Layouts, load_layouts
from reportgen.deck.model import ChartSpec, Deck, Section
from reportgen.metrics.catalog_stats import catalog_sizes, response_overview_from
from reportgen.metrics.insights import NationalInsights, national_insights
from reportgen.metrics.model import ScopeMetrics
from reportgen.survey import Survey
from reportgen.text import capital


def build_deck(
    metrics: ScopeMetrics,
    national: ScopeMetrics,
    *,
    date_text: str,
    catalog: Catalog | None = None,
    survey: Survey | None = None,
    synthetic: bool | None = None,
    counties: Sequence[ScopeMetrics] | None = None,
    insights: NationalInsights | None = None,
    extras: Mapping[str, Any] | None = None,
    layouts: Layouts | None = None,
    layouts_dir: Path | None = None,
) -> Deck:
    """The deck of one scope (a county, or Riket when ``metrics.scope.is_national``).

    ``national`` is Riket's metrics (the same object for the Riket deck). Give the
    ``catalog``, or the ``survey`` it came from (then ``synthetic`` defaults to the
    survey's label). ``date_text`` is the month and year in Swedish ("maj 2022").

    The Riket deck shows counties where a county deck shows municipalities: pass every
    county's metrics as ``counties``, or the ``survey`` so they are computed here.
    ``insights`` defaults to ``national_insights(national)``. ``extras`` may carry
    figures computed once per run: "insights", "catalog_sizes", "counties".
    """
    extras = extras or {}
    if catalog is None:
        if survey is None:
            raise TypeError("build_deck needs the catalog or the survey")
        catalog = survey.catalog
    if synthetic is None:
        synthetic = bool(survey is not None and survey.synthetic)
    insights = insights or extras.get("insights") or national_insights(national)
    if counties is None:
        counties = extras.get("counties")
    if metrics.scope.is_national and counties is None:
        if survey is None:
            raise TypeError("the Riket deck needs every county's metrics (counties=…) or the survey")
        counties = _compute_counties(survey, national)
    layouts = layouts or load_layouts(layouts_dir)
    is_national = metrics.scope.is_national
    words = layouts.scope(is_national)
    ctx = Context(
        layouts=layouts,
        national=is_national,
        values={
            "county": metrics.scope.name,
            "scope_name": metrics.scope.name,
            "date": date_text,
            "catalog_total": len(catalog.table),
            "n_areas": len(metrics.areas),
            "scope_where": words["where"],
            "scope_label": words["label"],
            "units": words["units"],
            "riket": layouts.labels["riket"],
            # Further scope words of deck.yaml as {scope_<key>} ("för länet" / "för riket").
            **{f"scope_{k}": v for k, v in words.items() if k not in ("where", "label", "units")},
        },
    )
    data = FrontData(
        catalog_sizes=_catalog_sizes(catalog, layouts, extras),
        response_overview=response_overview_from(metrics),
        insights=insights,
        national=national,
    )
    sections = _sections(ctx, metrics, national, data, _county_figures(counties or ()) if is_national else {})
    front_specs = layouts.front
    first_page = len(front_specs) + 1
    front = []
    for spec in front_specs:
        if spec.kind == "title":
            front.append(title_slide(ctx, spec))
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
        synthetic=synthetic,
    )
    _check_keys(deck)
    _check_charts(deck)
    return deck


def _catalog_sizes(catalog: Catalog, layouts: Layouts, extras: Mapping[str, Any]) -> pd.DataFrame:
    given = extras.get("catalog_sizes")
    if isinstance(given, pd.DataFrame) and list(given.columns) == [c.label for c in layouts.categories]:
        return given
    return catalog_sizes(catalog, layouts.category_mapping())


def _compute_counties(survey: Survey, national: ScopeMetrics) -> list[ScopeMetrics]:
    """Every county's metrics for the Riket deck's per-county charts (the survey coded once)."""
    from reportgen.metrics.compute import compute_scope
    from reportgen.metrics.scope import SurveyTables, all_scopes

    tables = SurveyTables.prepare(survey)
    return [compute_scope(survey, scope, tables=tables, national=national) for scope in all_scopes(survey)[1:]]


def _sections(
    ctx: Context,
    metrics: ScopeMetrics,
    national: ScopeMetrics,
    data: FrontData,
    counties: dict[str, list[CountyFigures]],
) -> list[Section]:
    sections: list[Section] = []
    for spec in ctx.layouts.sections:
        if spec.kind == "areas":
            for area_name, area in metrics.areas.items():
                number = len(sections) + 1
                national_area = national.areas[area_name]
                sections.append(area_section(ctx, spec, number, area, national_area, counties.get(area_name, [])))
        else:
            sections.append(front_section(ctx, spec, len(sections) + 1, data))
    return sections


def _county_figures(counties: Sequence[ScopeMetrics]) -> dict[str, list[CountyFigures]]:
    """Per area, the county bars of the Riket deck, read from each county's metrics."""
    result: dict[str, list[CountyFigures]] = {}
    for county in counties:
        for area_name, area in county.areas.items():
            result.setdefault(area_name, []).append(
                CountyFigures(
                    name=county.scope.name,
                    answered=area.response.answered,
                    offer_mean=area.offer.mean,
                    dimensions={name: dim.total for name, dim in area.dimensions.items()},
                )
            )
    return result


def _check_charts(deck: Deck) -> None:
    """A chart without bars cannot be drawn (figures refuse it): slides say in words
    when there is nothing to show, so an empty chart here is a builder defect."""
    for slide in deck.slides:
        for block in slide.blocks:
            if isinstance(block, ChartSpec):
                n = len(block.categories)
                if not n or not block.series or any(len(s.values) != n for s in block.series):
                    raise ValueError(f"chart {block.key!r} on slide {slide.key!r} has no or ragged data")
                if not block.alt_text:
                    raise ValueError(f"chart {block.key!r} has no alt text")


def _check_keys(deck: Deck) -> None:
    """Slide and chart keys name cached chart files: a repeated key would overwrite one
    chart with another, so a layout that repeats one is refused."""
    slide_keys = Counter(slide.key for slide in deck.slides)
    chart_keys = Counter(block.key for slide in deck.slides for block in slide.blocks if isinstance(block, ChartSpec))
    repeated = sorted({k for keys in (slide_keys, chart_keys) for k, n in keys.items() if n > 1})
    if repeated:
        raise LayoutError(f"deck.yaml gives the same slide key twice: {repeated}")
