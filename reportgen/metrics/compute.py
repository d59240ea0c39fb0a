"""Every figure of a county deck (SPEC §5, §6) for one scope, or for all of them.

``compute_all`` prepares the survey once and computes Riket once; each county reuses
Riket's tables and totals for its reference figures.
"""

from __future__ import annotations

from reportgen.metrics.dimension import dimension, total_shares
from reportgen.metrics.model import AreaMetrics, Scope, ScopeMetrics
from reportgen.metrics.offer import group_means, insats_table, offer
from reportgen.metrics.ranking import least_common, most_common
from reportgen.metrics.response import response
from reportgen.metrics.scope import RIKET, AreaTables, SurveyTables, all_scopes
from reportgen.metrics.wish import wish
from reportgen.survey import DIMENSIONS, Survey


def compute_scope(
    survey: Survey,
    scope: Scope,
    tables: SurveyTables | None = None,
    national: ScopeMetrics | None = None,
) -> ScopeMetrics:
    """All metrics of one scope. Pass ``tables`` / ``national`` to reuse work across scopes."""
    tables = tables or SurveyTables.prepare(survey)
    if national is None and not scope.is_national:
        national = _compute(tables, RIKET, None)
    return _compute(tables, scope, national)


def compute_all(survey: Survey) -> dict[str, ScopeMetrics]:
    """Riket and every county, keyed by slug (Riket first, then register order)."""
    tables = SurveyTables.prepare(survey)
    national = _compute(tables, RIKET, None)
    result = {RIKET.slug: national}
    for scope in all_scopes(survey)[1:]:
        result[scope.slug] = _compute(tables, scope, national)
    return result


def _compute(tables: SurveyTables, scope: Scope, national: ScopeMetrics | None) -> ScopeMetrics:
    data = tables.select(scope)
    areas = {
        area: _area(area_tables, tables.national.areas[area], scope, None if national is None else national.areas[area])
        for area, area_tables in data.areas.items()
    }
    return ScopeMetrics(scope=scope, areas=areas)


def _area(tables: AreaTables, national_tables: AreaTables, scope: Scope, national: AreaMetrics | None) -> AreaMetrics:
    table = insats_table(tables)
    area_offer = offer(tables)
    area_response = response(tables)
    dimensions = {}
    for name in DIMENSIONS:
        total = total_shares(tables, name, "riket" if scope.is_national else "lan", scope.name)
        national_total = total if national is None else national.dimensions[name].national_total
        dimensions[name] = dimension(tables, name, area_offer.per_respondent, total, national_total)
    return AreaMetrics(
        area=tables.area,
        catalog_size=len(tables.insatser),
        response=area_response,
        national_response=area_response if national is None else national.response,
        offer=area_offer,
        national_offer_mean=area_offer.mean if national is None else national.offer.mean,
        national_further_share=area_offer.further_share if national is None else national.offer.further_share,
        group_means=group_means(tables, national_tables),
        top10=most_common(table),
        bottom10=least_common(table),
        dimensions=dimensions,
        wish=wish(tables),
    )
