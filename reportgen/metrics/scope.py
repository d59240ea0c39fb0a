"""Whom a figure covers, and the survey's tables cut to that scope once (SPEC §5).

Every metric counts only *responding* respondents (status påbörjad or slutförd); a unit
with no responses row for an area is *ej påbörjad*. ``SurveyTables`` applies those
rules once per survey and codes the answers as small integers, so that each scope
(a county or Riket) is a cheap row selection and every count is an ``np.bincount``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from reportgen.errors import ReportgenError
from reportgen.metrics.model import Scope
from reportgen.survey import CATEGORIES, DIMENSIONS, INDIVIDUALS, OFFERED, RESPONDING, Survey
from reportgen.text import fold, slugify

RIKET = Scope(name="Riket", code=None, slug="riket")

#: Integer code of a blank answer in the coded tables.
BLANK = -1


class UnknownAreaError(ReportgenError):
    """An area name that is not one of the catalog's six."""

    def __init__(self, area: str, areas: list[str]):
        super().__init__(f"No area {area!r}; the areas are {', '.join(repr(a) for a in areas)}.")


def area_key(survey: Survey, query: str) -> str:
    """The catalog's area key for a typed area name (case and å/ä/ö folded)."""
    for area in survey.catalog.areas:
        if fold(area) == fold(query) or slugify(area) == slugify(query):
            return area
    raise UnknownAreaError(query, survey.catalog.areas)


def scope_for(survey: Survey, county_query: str | None) -> Scope:
    """The scope of a county named by name, code or slug (``Register.county``); None = Riket."""
    if county_query is None:
        return RIKET
    county = survey.register.county(county_query)
    return Scope(name=county.name, code=county.code, slug=county.slug)


def all_scopes(survey: Survey) -> list[Scope]:
    """Riket first, then the counties in register order."""
    counties = [Scope(name=c.name, code=c.code, slug=c.slug) for c in survey.register.all_counties]
    return [RIKET, *counties]


def _codes(values: pd.Series, codes: tuple[str, ...]) -> np.ndarray:
    """Answer codes → positions in ``codes``; blank (or unknown) → BLANK."""
    mapped = values.map({code: i for i, code in enumerate(codes)})
    return mapped.fillna(BLANK).to_numpy(dtype=np.int8)


@dataclass(frozen=True, eq=False)
class AreaTables:
    """One area of one scope.

    - ``insatser``: the area's catalog rows (index insats_id, catalog order), with
      ``label`` (name and mark) and ``group`` (position in ``groups``).
    - ``groups``: huvudgrupp_id, huvudgrupp in catalog order.
    - ``units``: every respondent unit of the scope (index respondent_id, register order)
      with name, county_code, ``unit`` (position in the register), ``status``,
      ``further``, ``wish`` (codes, blank = NaN; status filled with ej_paborjad).
    - ``answers``: answer rows of responding units only, as equally long numpy arrays
      (a DataFrame's column access costs more than the counting itself): ``unit``,
      ``insats`` (position in ``insatser``), ``group``, ``answered`` (non-blank offered),
      ``offered``, one column per dimension and ``individuals`` (position in the
      survey's code tuples, BLANK when blank).
    - ``wish_groups``: respondent_id, huvudgrupp_id of responding units in scope.
    """

    area: str
    insatser: pd.DataFrame
    groups: pd.DataFrame
    units: pd.DataFrame
    answers: dict[str, np.ndarray]
    wish_groups: pd.DataFrame
    n_register_units: int

    @cached_property
    def responding(self) -> pd.DataFrame:
        """Units with status påbörjad or slutförd, register order."""
        return self.units[self.units["status"].isin(RESPONDING)]

    def per_unit(self, weights: np.ndarray | None = None, rows: np.ndarray | None = None) -> np.ndarray:
        """Sum (or count) over answer rows per register unit position."""
        units = self.answers["unit"]
        if rows is not None:
            units = units[rows]
            weights = None if weights is None else weights[rows]
        return np.bincount(units, weights=weights, minlength=self.n_register_units)

    def per_insats(self, weights: np.ndarray | None = None, rows: np.ndarray | None = None) -> np.ndarray:
        """Sum (or count) over answer rows per insats position (catalog order)."""
        insats = self.answers["insats"]
        if rows is not None:
            insats = insats[rows]
            weights = None if weights is None else weights[rows]
        return np.bincount(insats, weights=weights, minlength=len(self.insatser)).astype(np.int64)


@dataclass(frozen=True, eq=False)
class ScopeData:
    scope: Scope
    areas: dict[str, AreaTables]  # catalog order


@dataclass(frozen=True, eq=False)
class SurveyTables:
    """The survey coded once (Riket); ``select`` cuts it to a scope."""

    survey: Survey
    national: ScopeData

    @classmethod
    def prepare(cls, survey: Survey, areas: list[str] | None = None) -> SurveyTables:
        """Code the survey once; ``areas`` limits the work to some areas (default all)."""
        register_units = survey.register.units
        position = pd.Series(np.arange(len(register_units)), index=register_units.index)
        prepared: dict[str, AreaTables] = {}
        responses = survey.responses
        for area in areas if areas is not None else survey.catalog.areas:
            if area not in survey.catalog.areas:
                raise UnknownAreaError(area, survey.catalog.areas)
            insatser = survey.catalog.area(area).copy()
            groups = survey.catalog.huvudgrupper(area)
            insatser["group"] = insatser["huvudgrupp_id"].map(
                pd.Series(np.arange(len(groups)), index=groups["huvudgrupp_id"])
            )
            units = _area_units(register_units, responses[responses["area"] == area], position)
            responding_ids = units.index[units["status"].isin(RESPONDING)]
            answers = _coded_answers(survey.answers, insatser, responding_ids, position)
            wish = survey.wish_groups
            wish = wish[(wish["area"] == area) & wish["respondent_id"].isin(responding_ids)]
            wish = wish[["respondent_id", "huvudgrupp_id"]].drop_duplicates().reset_index(drop=True)
            prepared[area] = AreaTables(area, insatser, groups, units, answers, wish, len(register_units))
        return cls(survey, ScopeData(RIKET, prepared))

    def select(self, scope: Scope) -> ScopeData:
        if scope.is_national:
            return ScopeData(scope, self.national.areas)
        return ScopeData(scope, {area: _cut(tables, scope.code) for area, tables in self.national.areas.items()})


def _area_units(register_units: pd.DataFrame, responses: pd.DataFrame, position: pd.Series) -> pd.DataFrame:
    rows = responses.drop_duplicates("respondent_id").set_index("respondent_id")
    units = register_units[["name", "county_code"]].copy()
    units["unit"] = position.to_numpy()
    for column in ("status", "further", "wish"):
        units[column] = rows[column].reindex(units.index)
    units["status"] = units["status"].fillna("ej_paborjad")
    return units


def responding_rows(answers: pd.DataFrame, insatser: pd.Index, responding: pd.Index) -> pd.DataFrame:
    """The answer rows every figure counts (SPEC §5): about ``insatser``, by ``responding``
    units; of a repeated (unit, insats) pair only the first."""
    rows = answers[answers["insats_id"].isin(insatser) & answers["respondent_id"].isin(responding)]
    return rows.drop_duplicates(["respondent_id", "insats_id"])


def responding_answers(answers: pd.DataFrame, tables: AreaTables) -> pd.DataFrame:
    """The rows of ``answers`` (any cut of the survey's) that count for ``tables``' area and
    scope: what the metrics count, for tables that show the answers themselves."""
    return responding_rows(answers, tables.insatser.index, tables.responding.index)


def _coded_answers(
    answers: pd.DataFrame, insatser: pd.DataFrame, responding_ids: pd.Index, position: pd.Series
) -> dict[str, np.ndarray]:
    """Answer rows of responding units, coded; follow-ups count only on offered rows (SPEC §4)."""
    rows = responding_rows(answers, insatser.index, responding_ids)
    insats_pos = pd.Series(np.arange(len(insatser)), index=insatser.index)
    insats = rows["insats_id"].map(insats_pos).to_numpy(dtype=np.int64)
    offered = rows["offered"].isin(OFFERED).to_numpy()
    coded: dict[str, np.ndarray] = {
        "unit": rows["respondent_id"].map(position).to_numpy(dtype=np.int64),
        "insats": insats,
        "group": insatser["group"].to_numpy(dtype=np.int64)[insats],
        "answered": rows["offered"].notna().to_numpy(),
        "offered": offered,
    }
    for dimension in DIMENSIONS:
        coded[dimension] = np.where(offered, _codes(rows[dimension], CATEGORIES), BLANK).astype(np.int8)
    coded["individuals"] = np.where(offered, _codes(rows["individuals"], INDIVIDUALS), BLANK).astype(np.int8)
    return coded


def _cut(tables: AreaTables, county_code: str | None) -> AreaTables:
    """The same area restricted to one county's units."""
    units = tables.units[tables.units["county_code"] == county_code]
    inside = np.zeros(tables.n_register_units, dtype=bool)
    inside[units["unit"].to_numpy()] = True
    rows = inside[tables.answers["unit"]]
    answers = {column: values[rows] for column, values in tables.answers.items()}
    wish = tables.wish_groups[tables.wish_groups["respondent_id"].isin(units.index)]
    return AreaTables(tables.area, tables.insatser, tables.groups, units, answers, wish, tables.n_register_units)
