"""Metrics as plain data for the ``metrics`` command: JSON-ready dicts and CSV tables.

Pure: returns dicts, frames and strings; the command writes them. Shares stay 0–1
floats here (rounded to ``DECIMALS``); undefined figures are null / blank.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

import pandas as pd

from reportgen.metrics.model import (
    AreaMetrics,
    CategoryShares,
    Dimension,
    InsatsCategory,
    InsatsShare,
    RespondentCount,
    ScopeMetrics,
    Wish,
)
from reportgen.metrics.profile import UnitProfile

DECIMALS = 4
SUMMARY_COLUMNS = [
    "area",
    "catalog_size",
    "respondents",
    "answered",
    "with_answers",
    "completed",
    "offered_mean",
    "offered_min",
    "offered_max",
    "minmax_from_completed",
    "further_share",
    "national_answered",
    "national_with_answers",
    "national_offered_mean",
    "national_further_share",
]
RANKING_COLUMNS = ["area", "rank", "insats_id", "insats", "offered", "answered", "share"]


def _num(value: float | int | None) -> float | int | None:
    """Round floats for output; NaN (no respondent) becomes null."""
    if value is None or isinstance(value, bool | int):
        return value
    if math.isnan(value):
        return None
    return round(float(value), DECIMALS)


def scope_json(metrics: ScopeMetrics, areas: list[str] | None = None) -> dict[str, Any]:
    """The full metrics of a scope: ``{"county": …, "areas": {area: {…}}}``."""
    scope = metrics.scope
    wanted = areas if areas is not None else list(metrics.areas)
    return {
        "county": scope.name,
        "code": scope.code,
        "slug": scope.slug,
        "areas": {area: area_json(metrics.areas[area]) for area in wanted},
    }


def area_json(m: AreaMetrics) -> dict[str, Any]:
    offer = m.offer
    return {
        "catalog_size": m.catalog_size,
        "respondents": m.response.respondents,
        "answered": m.response.answered,
        "with_answers": m.response.with_answers,
        "completed": m.response.completed,
        "not_started": m.response.not_started,
        "offered_mean": _num(offer.mean),
        "offered_min": offer.min,
        "offered_max": offer.max,
        "minmax_from_completed": offer.minmax_from_completed,
        "further_yes": offer.further_yes,
        "further_answered": offer.further_answered,
        "further_share": _num(offer.further_share),
        "national": {
            "respondents": m.national_response.respondents,
            "answered": m.national_response.answered,
            "with_answers": m.national_response.with_answers,
            "completed": m.national_response.completed,
            "offered_mean": _num(m.national_offer_mean),
            "further_share": _num(m.national_further_share),
        },
        "per_respondent": [_respondent_count(r) for r in offer.per_respondent],
        "group_means": [
            {**asdict(g), "mean": _num(g.mean), "national_mean": _num(g.national_mean)} for g in m.group_means
        ],
        "top10": [_insats_share(r) for r in m.top10],
        "bottom10": [_insats_share(r) for r in m.bottom10],
        "dimensions": {name: _dimension(d) for name, d in m.dimensions.items()},
        "wish": _wish(m.wish),
    }


def _respondent_count(row: RespondentCount) -> dict[str, Any]:
    """A unit that answered no insats question offers no known number (SPEC §5): null,
    never a 0 that reads as "offers none"."""
    return {**asdict(row), "offered": row.offered if row.answered else None}


def _insats_share(row: InsatsShare) -> dict[str, Any]:
    return {**asdict(row), "share": _num(row.share)}


def _category_shares(row: CategoryShares) -> dict[str, Any]:
    return {
        **asdict(row),
        "shares": {category: _num(row.share(category)) for category in row.counts},
    }


def _insats_category(row: InsatsCategory) -> dict[str, Any]:
    return {**asdict(row), "share": _num(row.share)}


def _dimension(d: Dimension) -> dict[str, Any]:
    return {
        "total": _category_shares(d.total),
        "national_total": _category_shares(d.national_total),
        "per_insats": [
            {
                "insats_id": insats_id,
                "insats": next(iter(cats.values())).insats,
                "n": next(iter(cats.values())).n,
                "counts": {c: row.count for c, row in cats.items()},
                "shares": {c: _num(row.share) for c, row in cats.items()},
            }
            for insats_id, cats in d.per_insats
        ],
        "top3": {c: [_insats_category(r) for r in rows] for c, rows in d.top3.items()},
        "top5": {c: [_insats_category(r) for r in rows] for c, rows in d.top5.items()},
        "per_respondent": [_category_shares(r) for r in d.per_respondent],
        "per_group": [_category_shares(r) for r in d.per_group],
        "individuals": {c: asdict(dist) for c, dist in d.individuals.items()},
    }


def _wish(w: Wish) -> dict[str, Any]:
    return {
        "answered": w.answered,
        "counts": w.counts,
        "shares": {code: _num(w.share(code)) for code in w.counts},
        "per_group": [{"huvudgrupp_id": g, "huvudgrupp": name, "respondents": n} for g, name, n in w.per_group],
    }


def _rounded(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return _num(value) if isinstance(value, float) else value


def profile_json(profile: UnitProfile) -> dict[str, Any]:
    """One municipality's profile figures (SPEC §8), as the profile PDF shows them."""
    return _rounded(asdict(profile))


def summary_frame(metrics: ScopeMetrics, areas: list[str] | None = None) -> pd.DataFrame:
    """One row per area with the headline figures (``--table summary``)."""
    rows = []
    for area in areas if areas is not None else list(metrics.areas):
        j = area_json(metrics.areas[area])
        rows.append(
            {
                **{k: j[k] for k in SUMMARY_COLUMNS if k in j},
                "area": area,
                "national_answered": j["national"]["answered"],
                "national_with_answers": j["national"]["with_answers"],
                "national_offered_mean": j["national"]["offered_mean"],
                "national_further_share": j["national"]["further_share"],
            }
        )
    frame = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return frame.astype({"offered_min": "Int64", "offered_max": "Int64"})


def ranking_frame(metrics: ScopeMetrics, which: str, areas: list[str] | None = None) -> pd.DataFrame:
    """``which`` = "top10" or "bottom10": one row per ranked insats and area."""
    rows = []
    for area in areas if areas is not None else list(metrics.areas):
        ranked = getattr(metrics.areas[area], which)
        rows.extend({"area": area, "rank": i, **_insats_share(r)} for i, r in enumerate(ranked, start=1))
    return pd.DataFrame(rows, columns=RANKING_COLUMNS)


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts (NA → null, numpy scalars → Python)."""
    records = []
    for row in frame.astype(object).itertuples(index=False):
        records.append({k: _plain(v) for k, v in zip(frame.columns, row, strict=True)})
    return records


def _plain(value: Any) -> Any:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return _num(value) if isinstance(value, float) else value
