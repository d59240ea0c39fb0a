"""Where one municipality stands against its county and Riket (SPEC §8): the figures of
its profile. Pure, like every metric: tables in, values out.

Rules, per area:

- An area is *answered* by a unit that answered at least one of its insats questions
  (an *answering unit*, SPEC §5). An unanswered area has no count, no place and no
  lists: it is "not answered", never 0.
- Place: units ranked by offered count, most first, among the county's answering units.
  Units with the same count share a place, given as its first and last position
  ("plats 5–7 av 25"), so a tie is never hidden.
- The offered list holds every insats the unit offers, least common in the county first
  (ties: less common in Riket, then catalog order): what sets it apart comes first.
- The not-offered list holds the *common* insatser the unit answered Nej or Vet ej to:
  offered by at least half of the answering units of the county or of Riket. Most
  common in the county first (ties: in Riket, then catalog order). An insats question it
  left blank is in neither list: not answered is not "not offered".
- Shares are the county's and Riket's share offered (offered / answered, SPEC §5),
  exactly those of ``reportgen metrics --table insatser``.
- Form, regi and beslut: the share of the unit's offered insatser (with an answer to the
  follow-up) that are at least partly digital / in private regi / without decision —
  the "B" category alone or both — beside the same share over the county's and Riket's
  pairs. These are the shares the national appendix reports (SPEC §5, last item).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reportgen.metrics.model import AreaMetrics, CategoryShares, ScopeMetrics
from reportgen.metrics.offer import insats_table
from reportgen.metrics.scope import AreaTables, SurveyTables
from reportgen.metrics.units import UnitAnswers, unit_answers
from reportgen.survey import DIMENSIONS

#: "Common": offered by at least this share of the answering units of the county or Riket.
COMMON_SHARE = 0.5
#: The categories that make an offered insats count as (at least partly) digital,
#: private or without decision: "B only" and "both".
PARTLY_B = ("AB", "B")


@dataclass(frozen=True)
class InsatsShares:
    """One insats of a profile list, with the share of the county and of Riket offering it."""

    insats_id: str
    insats: str  # with mark
    county_share: float | None  # None where nobody in the county answered the question
    national_share: float | None


@dataclass(frozen=True)
class Place:
    """The unit's place in the county by offered count: ``first`` = ``last`` unless tied."""

    first: int
    last: int
    of: int  # answering units of the county

    @property
    def tied(self) -> bool:
        return self.last > self.first


@dataclass(frozen=True)
class UnitAnswer:
    """The unit's own answer to an area question ("ja", "nej", "vet_ej"; None = blank),
    beside the share of the county's and Riket's answers that were Ja; for the wish
    question also the huvudgrupper it chose (catalog order)."""

    answer: str | None
    county_share: float | None
    national_share: float | None
    groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class DimensionShare:
    """Form, regi or beslut: the share of offered insatser in (at least partly) the B
    category for the unit, the county and Riket; ``n`` = the unit's offered insatser with
    an answer to the follow-up (None share when 0)."""

    dimension: str
    n: int
    mine: float | None
    county: float | None
    national: float | None


@dataclass(frozen=True)
class AreaProfile:
    area: str
    catalog_size: int
    status: str  # ej_paborjad / paborjad / slutford
    answered: int  # insats questions of the area the unit answered
    offered: int | None  # None: the unit answered no insats question of the area
    county_mean: float | None
    national_mean: float | None
    county_units: int  # answering units of the county (the base of the mean and the place)
    national_units: int
    place: Place | None
    offered_insatser: tuple[InsatsShares, ...]
    not_offered_common: tuple[InsatsShares, ...]
    further: UnitAnswer
    wish: UnitAnswer
    dimensions: tuple[DimensionShare, ...]

    @property
    def responded(self) -> bool:
        """Answered at least one insats question (SPEC §8: else "not answered", never 0)."""
        return self.offered is not None

    @property
    def partly_answered(self) -> bool:
        return self.responded and self.answered < self.catalog_size


@dataclass(frozen=True)
class UnitProfile:
    respondent_id: str
    name: str
    county: str
    areas: dict[str, AreaProfile]  # catalog order

    @property
    def answered_areas(self) -> tuple[AreaProfile, ...]:
        return tuple(a for a in self.areas.values() if a.responded)


@dataclass(frozen=True, eq=False)
class _AreaBasis:
    """What every unit's profile of one area is compared with, computed once per area:
    per insats (catalog order) its id, name, county and Riket share, and whether it is
    common; per unit its status, answers and chosen huvudgrupper."""

    tables: AreaTables
    metrics: AreaMetrics
    national: AreaMetrics
    ids: list[str]
    labels: list[str]
    county: np.ndarray  # share offered in the county, NaN where nobody answered
    riket: np.ndarray
    common: np.ndarray  # bool
    counts: tuple[int, ...]  # offered counts of the county's answering units
    positions: dict[str, int]  # id → the unit's position in the answer table
    answers: dict[str, UnitAnswers]  # id → its status, further and wish answers, chosen huvudgrupper
    group_names: dict[str, str]  # huvudgrupp id → name
    dimensions: dict[str, dict[str, CategoryShares]]  # dimension → unit id → its pairs


def _basis(tables: AreaTables, national_tables: AreaTables, metrics: AreaMetrics, national: AreaMetrics) -> _AreaBasis:
    county = insats_table(tables)["share"].to_numpy(dtype=float)
    riket = insats_table(national_tables)["share"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        common = (county >= COMMON_SHARE) | (riket >= COMMON_SHARE)
    return _AreaBasis(
        tables=tables,
        metrics=metrics,
        national=national,
        ids=[str(i) for i in tables.insatser.index],
        labels=[str(label) for label in tables.insatser["label"]],
        county=county,
        riket=riket,
        common=common,
        counts=tuple(r.offered for r in metrics.offer.per_respondent if r.answered),
        positions={str(rid): int(unit) for rid, unit in zip(tables.units.index, tables.units["unit"], strict=True)},
        answers={unit.respondent_id: unit for unit in unit_answers(tables)},
        group_names=dict(
            zip(map(str, tables.groups["huvudgrupp_id"]), map(str, tables.groups["huvudgrupp"]), strict=True)
        ),
        dimensions={name: {r.key: r for r in metrics.dimensions[name].per_respondent} for name in DIMENSIONS},
    )


def _share(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def _listed(basis: _AreaBasis, positions: np.ndarray, *, most_first: bool) -> tuple[InsatsShares, ...]:
    """The insatser at ``positions`` ordered by county share, then Riket share (least or
    most first), then catalog order."""
    sign = -1.0 if most_first else 1.0
    keys = (positions, sign * basis.riket[positions], sign * basis.county[positions])
    ordered = positions[np.lexsort(keys)].tolist()
    return tuple(
        InsatsShares(basis.ids[i], basis.labels[i], _share(basis.county[i]), _share(basis.riket[i])) for i in ordered
    )


def place_of(offered: int, counts: tuple[int, ...]) -> Place:
    """Place of ``offered`` among ``counts`` (which include it), most first, ties shared."""
    return Place(first=1 + sum(c > offered for c in counts), last=sum(c >= offered for c in counts), of=len(counts))


def _partly_b(shares: CategoryShares | None) -> float | None:
    if shares is None or not shares.n_pairs:
        return None
    return sum(shares.counts.get(c, 0) for c in PARTLY_B) / shares.n_pairs


def _dimensions(basis: _AreaBasis, respondent_id: str) -> tuple[DimensionShare, ...]:
    result = []
    for name in DIMENSIONS:
        dimension = basis.metrics.dimensions[name]
        mine = basis.dimensions[name].get(respondent_id)
        result.append(
            DimensionShare(
                dimension=name,
                n=mine.n_pairs if mine is not None else 0,
                mine=_partly_b(mine),
                county=_partly_b(dimension.total),
                national=_partly_b(dimension.national_total),
            )
        )
    return tuple(result)


def _area_profile(basis: _AreaBasis, respondent_id: str) -> AreaProfile:
    """One unit's profile of one area."""
    metrics, answers = basis.metrics, basis.tables.answers
    position, own = basis.positions[respondent_id], basis.answers[respondent_id]
    rows = answers["unit"] == position
    answered_at = answers["insats"][rows & answers["answered"]]
    offered_at = answers["insats"][rows & answers["offered"]]
    refused_at = np.setdiff1d(answered_at, offered_at)
    answered = len(answered_at)
    offered = len(offered_at) if answered else None
    return AreaProfile(
        area=basis.tables.area,
        catalog_size=metrics.catalog_size,
        status=own.status,
        answered=answered,
        offered=offered,
        county_mean=None if np.isnan(metrics.offer.mean) else metrics.offer.mean,
        national_mean=None if np.isnan(basis.national.offer.mean) else basis.national.offer.mean,
        county_units=len(basis.counts),
        national_units=metrics.national_response.with_answers,
        place=None if offered is None else place_of(offered, basis.counts),
        offered_insatser=_listed(basis, offered_at, most_first=False),
        not_offered_common=_listed(basis, refused_at[basis.common[refused_at]], most_first=True),
        further=UnitAnswer(own.further, metrics.offer.further_share, basis.national.offer.further_share),
        wish=UnitAnswer(
            own.wish,
            metrics.wish.share("ja"),
            basis.national.wish.share("ja"),
            tuple(basis.group_names[g] for g in own.wish_groups),
        ),
        dimensions=_dimensions(basis, respondent_id),
    )


def unit_profiles(tables: SurveyTables, county: ScopeMetrics, national: ScopeMetrics) -> list[UnitProfile]:
    """A profile for every respondent unit of the county, in register order."""
    if county.scope.is_national:
        raise ValueError("profiles are made for the units of one county, not for Riket")
    data = tables.select(county.scope)
    bases = {
        area: _basis(area_tables, tables.national.areas[area], county.areas[area], national.areas[area])
        for area, area_tables in data.areas.items()
    }
    units = next(iter(data.areas.values())).units
    return [
        UnitProfile(
            respondent_id=str(respondent_id),
            name=str(unit["name"]),
            county=county.scope.name,
            areas={area: _area_profile(basis, str(respondent_id)) for area, basis in bases.items()},
        )
        for respondent_id, unit in units.iterrows()
    ]
