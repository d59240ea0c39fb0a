"""Figures quoted by the national-insights statements (SPEC §6 front matter).

Each statement names an area and a figure ("the widest spread is in X, from 12 to 70");
the statement text lives in layouts/, the figures come from here. A reader compares the
printed whole percents, so an extreme is every area whose share prints the same
(barn och unga and socialpsykiatri both 40 %): all of them are named, in catalog order.
Areas where a figure is undefined (nobody answered) are skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportgen.metrics.model import AreaMetrics, CategoryShares, ScopeMetrics
from reportgen.metrics.percent import whole_percent


@dataclass(frozen=True)
class AreaFigure:
    area: str
    value: float  # share 0–1
    percent: int  # as printed: whole percent, half up (SPEC §5)


@dataclass(frozen=True)
class Extreme:
    """The highest (or lowest) printed percent and every area that has it, catalog order."""

    areas: tuple[str, ...]
    percent: int


@dataclass(frozen=True)
class Spread:
    area: str
    min: int
    max: int

    @property
    def range(self) -> int:
        return self.max - self.min


@dataclass(frozen=True)
class NationalInsights:
    """Per-area figures (catalog order) and the extremes the statements quote.

    Shares are 0–1 over the pairs of a dimension answered (kommunal only, only without
    decision, only digital), over respondents answering the further question, or over
    respondents answering the wish question (share Ja).
    """

    spreads: tuple[Spread, ...]
    widest_spread: tuple[Spread, ...]  # every area with the widest range
    kommunal_only: tuple[AreaFigure, ...]
    further: tuple[AreaFigure, ...]
    without_decision_only: tuple[AreaFigure, ...]
    digital_only: tuple[AreaFigure, ...]
    wish: tuple[AreaFigure, ...]


def national_insights(survey_metrics: ScopeMetrics) -> NationalInsights:
    """From Riket's metrics (works for a county's too)."""
    areas = survey_metrics.areas
    spreads = tuple(
        Spread(area, m.offer.min, m.offer.max)
        for area, m in areas.items()
        if m.offer.min is not None and m.offer.max is not None
    )
    widest = max((s.range for s in spreads), default=None)

    def figures(part: Callable[[AreaMetrics], tuple[int, int]]) -> tuple[AreaFigure, ...]:
        found = ((area, *part(m)) for area, m in areas.items())
        return tuple(
            AreaFigure(area, count / total, whole_percent(count, total))  # type: ignore[arg-type]
            for area, count, total in found
            if total > 0
        )

    def pairs(dimension: str, category: str) -> Callable[[AreaMetrics], tuple[int, int]]:
        def part(m: AreaMetrics) -> tuple[int, int]:
            total: CategoryShares = m.dimensions[dimension].total
            return total.counts.get(category, 0), total.n_pairs

        return part

    return NationalInsights(
        spreads=spreads,
        widest_spread=tuple(s for s in spreads if s.range == widest),
        kommunal_only=figures(pairs("regi", "A")),
        further=figures(lambda m: (m.offer.further_yes, m.offer.further_answered)),
        without_decision_only=figures(pairs("beslut", "B")),
        digital_only=figures(pairs("form", "B")),
        wish=figures(lambda m: (m.wish.counts.get("ja", 0), m.wish.answered)),
    )


def highest(figures: tuple[AreaFigure, ...]) -> Extreme | None:
    """The highest printed percent and every area sharing it; None without figures."""
    return _extreme(figures, max)


def lowest(figures: tuple[AreaFigure, ...]) -> Extreme | None:
    return _extreme(figures, min)


def _extreme(figures: tuple[AreaFigure, ...], pick: Callable[..., int]) -> Extreme | None:
    if not figures:
        return None
    value = pick(f.percent for f in figures)
    return Extreme(tuple(f.area for f in figures if f.percent == value), value)
