"""Result values of the metrics layer: what the deck builder, the workbook and the
``metrics`` command read. Pure data; every share is a float 0–1 (or None where nobody
answered), every count an int. Names handed on (``insats``) carry the `*`/`**` mark.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    """Whom a figure covers: one county (code) or Riket (code None)."""

    name: str  # "Skåne län" or "Riket"
    code: str | None
    slug: str  # "skane-lan" or "riket"

    @property
    def is_national(self) -> bool:
        return self.code is None


@dataclass(frozen=True)
class Response:
    """Answered / completed (SPEC §5): responding = påbörjad or slutförd."""

    respondents: int  # respondent units in scope
    answered: int
    completed: int
    not_started: int  # units with status ej påbörjad or no row
    #: Answering units (SPEC §5): responding units with at least one non-blank offered
    #: answer in the area. They are the "svarande kommuner" of every note, the bars of the
    #: per-municipality charts and the base of every mean; ``answered`` also counts units
    #: that started the survey and answered no insats question.
    with_answers: int = 0

    @property
    def answered_share(self) -> float | None:
        """Answered among the units in scope, 0–1 (None without units)."""
        return self.answered / self.respondents if self.respondents else None

    @property
    def status_shares(self) -> tuple[float, float, float]:
        """Slutförd, påbörjad and ej påbörjad among the units in scope, 0–1 (0 without units)."""
        counts = (self.completed, self.answered - self.completed, self.not_started)
        return tuple(c / self.respondents if self.respondents else 0.0 for c in counts)  # type: ignore[return-value]


@dataclass(frozen=True)
class RespondentCount:
    respondent_id: str
    name: str
    offered: int
    completed: bool
    answered: int = 0  # insatser with a non-blank offered answer


@dataclass(frozen=True)
class Offer:
    """Insatsutbud headline (SPEC §5)."""

    mean: float  # over answering units (SPEC §5); shown rounded to a whole number
    min: int | None
    max: int | None
    minmax_from_completed: bool  # False: no answering unit completed, min/max over all answering
    further_yes: int
    further_answered: int
    further_share: float | None
    per_respondent: tuple[RespondentCount, ...]  # responding units, most offered first, then name


@dataclass(frozen=True)
class GroupMean:
    huvudgrupp_id: str
    huvudgrupp: str
    mean: float | None  # scope's mean offered per answering unit
    national_mean: float | None


@dataclass(frozen=True)
class InsatsShare:
    """One row of the ten most / least common tables."""

    insats_id: str
    insats: str  # with mark
    offered: int
    answered: int
    share: float


@dataclass(frozen=True)
class InsatsCategory:
    """One insats in one category of a dimension: n answered the follow-up."""

    insats_id: str
    insats: str
    n: int
    count: int
    share: float


@dataclass(frozen=True)
class CategoryShares:
    """A row of a 100 % stacked chart: counts per category code ("A", "AB", "B")."""

    key: str  # respondent id, huvudgrupp id, "lan" or "riket"
    label: str
    n_pairs: int
    n_respondents: int
    counts: dict[str, int]

    def share(self, category: str) -> float | None:
        return self.counts.get(category, 0) / self.n_pairs if self.n_pairs else None


@dataclass(frozen=True)
class Distribution:
    """Individuals-reached buckets over the pairs of one category."""

    category: str
    n_pairs: int  # pairs in the category
    n: int  # of which answered the individuals question (the 100 %)
    counts: dict[str, int]  # bucket code → count

    def share(self, bucket: str) -> float | None:
        """The bucket's share of the pairs that answered, 0–1 (None when none did)."""
        return self.counts.get(bucket, 0) / self.n if self.n else None


@dataclass(frozen=True)
class Dimension:
    """One of form / regi / beslut, computed by one code path (SPEC §5)."""

    dimension: str
    total: CategoryShares  # over all (respondent, offered insats) pairs in scope
    national_total: CategoryShares
    per_insats: tuple[tuple[str, dict[str, InsatsCategory]], ...]  # (insats_id, per category)
    top3: dict[str, tuple[InsatsCategory, ...]]
    top5: dict[str, tuple[InsatsCategory, ...]]
    per_respondent: tuple[CategoryShares, ...]  # in the order of the per-respondent chart
    per_group: tuple[CategoryShares, ...]  # huvudgrupper in catalog order
    individuals: dict[str, Distribution]


@dataclass(frozen=True)
class Wish:
    """Would give insatser without decision if the law allowed it."""

    answered: int
    counts: dict[str, int]  # "ja", "nej", "vet_ej"
    per_group: tuple[tuple[str, str, int], ...]  # (huvudgrupp_id, name, respondents choosing it)

    def share(self, code: str) -> float | None:
        return self.counts.get(code, 0) / self.answered if self.answered else None


@dataclass(frozen=True)
class AreaMetrics:
    area: str
    catalog_size: int
    response: Response
    national_response: Response
    offer: Offer
    national_offer_mean: float
    national_further_share: float | None
    group_means: tuple[GroupMean, ...]
    top10: tuple[InsatsShare, ...]
    bottom10: tuple[InsatsShare, ...]
    dimensions: dict[str, Dimension]
    wish: Wish


@dataclass(frozen=True)
class ScopeMetrics:
    scope: Scope
    areas: dict[str, AreaMetrics]  # in catalog order
