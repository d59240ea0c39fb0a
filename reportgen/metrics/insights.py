"""Figures quoted by the national-insights statements (SPEC §6 front matter).

Each statement names an area and a figure ("the widest spread is in X, from 12 to 70");
the statement text lives in layouts/, the figures come from here. Ties go to the area
first in catalog order; areas where a figure is undefined (nobody answered) are skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportgen.metrics.model import AreaMetrics, ScopeMetrics


@dataclass(frozen=True)
class AreaFigure:
    area: str
    value: float


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
    widest_spread: Spread | None
    kommunal_only: tuple[AreaFigure, ...]
    further: tuple[AreaFigure, ...]
    highest_further: AreaFigure | None
    without_decision_only: tuple[AreaFigure, ...]
    highest_without_decision_only: AreaFigure | None
    digital_only: tuple[AreaFigure, ...]
    lowest_digital_only: AreaFigure | None
    wish: tuple[AreaFigure, ...]
    highest_wish: AreaFigure | None
    lowest_wish: AreaFigure | None


def national_insights(survey_metrics: ScopeMetrics) -> NationalInsights:
    """From Riket's metrics (works for a county's too)."""
    areas = survey_metrics.areas
    spreads = tuple(
        Spread(area, m.offer.min, m.offer.max)
        for area, m in areas.items()
        if m.offer.min is not None and m.offer.max is not None
    )

    def figures(value: Callable[[AreaMetrics], float | None]) -> tuple[AreaFigure, ...]:
        found = ((area, value(m)) for area, m in areas.items())
        return tuple(AreaFigure(area, float(v)) for area, v in found if v is not None)

    kommunal = figures(lambda m: m.dimensions["regi"].total.share("A"))
    further = figures(lambda m: m.offer.further_share)
    without = figures(lambda m: m.dimensions["beslut"].total.share("B"))
    digital = figures(lambda m: m.dimensions["form"].total.share("B"))
    wish = figures(lambda m: m.wish.share("ja"))
    return NationalInsights(
        spreads=spreads,
        widest_spread=max(spreads, key=lambda s: s.range, default=None),
        kommunal_only=kommunal,
        further=further,
        highest_further=_highest(further),
        without_decision_only=without,
        highest_without_decision_only=_highest(without),
        digital_only=digital,
        lowest_digital_only=_lowest(digital),
        wish=wish,
        highest_wish=_highest(wish),
        lowest_wish=_lowest(wish),
    )


def _highest(figures: tuple[AreaFigure, ...]) -> AreaFigure | None:
    # max/min return the first of equal items: ties go to catalog order.
    return max(figures, key=lambda f: f.value, default=None)


def _lowest(figures: tuple[AreaFigure, ...]) -> AreaFigure | None:
    return min(figures, key=lambda f: f.value, default=None)
