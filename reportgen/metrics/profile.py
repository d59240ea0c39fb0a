"""Where one municipality stands against its county and Riket (SPEC §8): the figures of
its profile. Pure, like every metric: tables in, values out.

"Common" insatser are those offered by at least half of the scope's respondents that
answered the question; the profile lists the most common of them that the municipality
does not offer (answered Nej, Vet ej or left blank).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.metrics.model import CategoryShares, ScopeMetrics
from reportgen.metrics.offer import insats_table
from reportgen.metrics.scope import AreaTables, SurveyTables
from reportgen.survey import DIMENSIONS

COMMON_SHARE = 0.5
MISSING_LIMIT = 8


@dataclass(frozen=True)
class MissingInsats:
    insats_id: str
    insats: str  # with mark
    share: float  # share offering it in the scope


@dataclass(frozen=True)
class AreaProfile:
    area: str
    catalog_size: int
    status: str  # ej_paborjad / paborjad / slutford
    offered: int | None  # None when the unit answered no insats question of the area
    county_mean: float | None
    national_mean: float | None
    missing_in_county: tuple[MissingInsats, ...]
    missing_in_riket: tuple[MissingInsats, ...]
    dimensions: dict[str, tuple[CategoryShares | None, CategoryShares]]  # unit vs county

    @property
    def responded(self) -> bool:
        return self.offered is not None


@dataclass(frozen=True)
class UnitProfile:
    respondent_id: str
    name: str
    county: str
    areas: dict[str, AreaProfile]


def _common(table: pd.DataFrame) -> pd.DataFrame:
    common = table[(table["answered"] > 0) & (table["share"] >= COMMON_SHARE)]
    return common.sort_values(["share", "order"], ascending=[False, True], kind="stable")


def _missing(common: pd.DataFrame, offered_ids: set[str]) -> tuple[MissingInsats, ...]:
    rows = common[~common.index.isin(offered_ids)].head(MISSING_LIMIT)
    return tuple(
        MissingInsats(str(i), str(r.insats), float(r.share)) for i, r in zip(rows.index, rows.itertuples(), strict=True)
    )


def _offered_sets(tables: AreaTables) -> dict[int, set[str]]:
    """Offered insats ids per register unit position."""
    answers = tables.answers
    rows = answers["offered"]
    ids = tables.insatser.index.to_numpy()
    result: dict[int, set[str]] = {}
    for unit, insats in zip(answers["unit"][rows].tolist(), answers["insats"][rows].tolist(), strict=True):
        result.setdefault(unit, set()).add(str(ids[insats]))
    return result


def unit_profiles(tables: SurveyTables, county: ScopeMetrics, national: ScopeMetrics) -> list[UnitProfile]:
    """A profile for every respondent unit of the county, in register order."""
    assert county.scope.code is not None
    data = tables.select(county.scope)
    per_area = {}
    for area, area_tables in data.areas.items():
        metrics = county.areas[area]
        per_unit_dims = {name: {row.key: row for row in metrics.dimensions[name].per_respondent} for name in DIMENSIONS}
        per_area[area] = (
            area_tables,
            _common(insats_table(area_tables)),
            _common(insats_table(tables.national.areas[area])),
            _offered_sets(area_tables),
            # Only answering units have an offer count (SPEC §5, §8): a unit that answered
            # no insats question is "not answered", never drawn as 0.
            {r.respondent_id: r.offered for r in metrics.offer.per_respondent if r.answered},
            per_unit_dims,
        )
    profiles = []
    units = next(iter(data.areas.values())).units
    for respondent_id, unit in units.iterrows():
        areas = {}
        for area, (area_tables, common_county, common_riket, offered_sets, counts, dims) in per_area.items():
            metrics = county.areas[area]
            status = str(area_tables.units.at[respondent_id, "status"])
            offered = counts.get(str(respondent_id))
            mine = offered_sets.get(int(unit["unit"]), set())
            areas[area] = AreaProfile(
                area=area,
                catalog_size=metrics.catalog_size,
                status=status,
                offered=offered,
                county_mean=None if np.isnan(metrics.offer.mean) else metrics.offer.mean,
                national_mean=national.areas[area].offer.mean,
                missing_in_county=_missing(common_county, mine) if offered is not None else (),
                missing_in_riket=_missing(common_riket, mine) if offered is not None else (),
                dimensions={
                    name: (dims[name].get(str(respondent_id)), metrics.dimensions[name].total) for name in DIMENSIONS
                },
            )
        profiles.append(UnitProfile(str(respondent_id), str(unit["name"]), county.scope.name, areas))
    return profiles
