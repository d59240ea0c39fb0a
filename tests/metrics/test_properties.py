"""Invariants on random answer sets (hypothesis), checked against a naive pandas reading."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings

from reportgen.metrics.appendix import appendix_from
from reportgen.metrics.compute import compute_all
from reportgen.metrics.dimension import total_shares
from reportgen.metrics.offer import insats_table
from reportgen.metrics.scope import SurveyTables, all_scopes
from reportgen.survey import CATEGORIES, DIMENSIONS, OFFERED, RESPONDING, Survey

from .strategies import surveys

SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _naive_pairs(survey: Survey, county_code: str | None) -> pd.DataFrame:
    """Answer rows of responding units in scope, read straight from the raw tables."""
    responding = survey.responses[survey.responses["status"].isin(RESPONDING)]
    rows = survey.answers.merge(responding[["respondent_id", "area"]], on=["respondent_id", "area"])
    if county_code is not None:
        units = survey.register.units_of(county_code).index
        rows = rows[rows["respondent_id"].isin(units)]
    return rows


@SETTINGS
@given(surveys())
def test_category_shares_sum_to_all_pairs(survey):
    for metrics in compute_all(survey).values():
        for area in metrics.areas.values():
            for dim in area.dimensions.values():
                total = dim.total
                assert sum(total.counts.values()) == total.n_pairs
                if total.n_pairs:
                    assert sum(total.share(c) for c in CATEGORIES) == pytest.approx(1.0)
                for parts in (dim.per_respondent, dim.per_group):
                    for c in CATEGORIES:
                        assert sum(p.counts[c] for p in parts) == total.counts[c]
                for c in CATEGORIES:
                    assert sum(cats[c].count for _, cats in dim.per_insats) == total.counts[c]
                    assert dim.individuals[c].n_pairs == total.counts[c]
                    assert dim.individuals[c].n == sum(dim.individuals[c].counts.values()) <= total.counts[c]


@SETTINGS
@given(surveys())
def test_county_counts_add_up_to_riket(survey):
    everything = compute_all(survey)
    riket = everything.pop("riket")
    tables = SurveyTables.prepare(survey)
    for name, area in riket.areas.items():
        counties = [m.areas[name] for m in everything.values()]
        for field in ("respondents", "answered", "completed", "not_started"):
            assert sum(getattr(c.response, field) for c in counties) == getattr(area.response, field)
        assert sum(c.offer.further_yes for c in counties) == area.offer.further_yes
        assert sum(c.offer.further_answered for c in counties) == area.offer.further_answered
        assert sum(len(c.offer.per_respondent) for c in counties) == len(area.offer.per_respondent)
        for dim in DIMENSIONS:
            for c in CATEGORIES:
                assert sum(m.dimensions[dim].total.counts[c] for m in counties) == area.dimensions[dim].total.counts[c]
        for code in ("ja", "nej", "vet_ej"):
            assert sum(c.wish.counts[code] for c in counties) == area.wish.counts[code]
        assert [sum(g) for g in zip(*[[n for *_, n in c.wish.per_group] for c in counties], strict=True)] == [
            n for *_, n in area.wish.per_group
        ]
    scopes = all_scopes(survey)
    national = appendix_from(tables.select(scopes[0]))
    county_sum = sum(
        appendix_from(tables.select(s))[["given", "digital", "private", "without_decision"]] for s in scopes[1:]
    )
    assert county_sum.equals(national[["given", "digital", "private", "without_decision"]])


@SETTINGS
@given(surveys())
def test_offered_never_exceeds_answered_and_matches_naive_count(survey):
    tables = SurveyTables.prepare(survey)
    for scope in all_scopes(survey):
        naive = _naive_pairs(survey, scope.code)
        for area, area_tables in tables.select(scope).areas.items():
            table = insats_table(area_tables)
            assert (table["offered"] <= table["answered"]).all()
            rows = naive[naive["area"] == area]
            offered = rows[rows["offered"].isin(OFFERED)].groupby("insats_id").size()
            answered = rows[rows["offered"].notna()].groupby("insats_id").size()
            assert table["offered"].to_dict() == offered.reindex(table.index, fill_value=0).to_dict()
            assert table["answered"].to_dict() == answered.reindex(table.index, fill_value=0).to_dict()
            for dim in DIMENSIONS:
                pairs = rows[rows["offered"].isin(OFFERED) & rows[dim].notna()]
                counted = pairs[dim].value_counts().reindex(list(CATEGORIES), fill_value=0).to_dict()
                assert total_shares(area_tables, dim, "x", "x").counts == counted
