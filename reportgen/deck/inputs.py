"""What a deck is built from: one frozen record of figures, computed by the caller.

The deck builder only selects, orders, words and formats (DESIGN.md); every figure it
shows comes from this record, which the batch (or a test) fills from ``reportgen.metrics``:
the scope's and Riket's metrics, the catalog's sizes and shares, the national insights
and, for the Riket deck, every county's metrics.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportgen.metrics.catalog_stats import CatalogFigures
from reportgen.metrics.insights import NationalInsights
from reportgen.metrics.model import ScopeMetrics


@dataclass(frozen=True, eq=False)
class DeckInputs:
    """The figures of one deck. ``national`` is Riket's metrics (``metrics`` itself in the
    Riket deck); ``counties`` are every county's, which only the Riket deck shows."""

    metrics: ScopeMetrics
    national: ScopeMetrics
    catalog: CatalogFigures
    insights: NationalInsights
    counties: tuple[ScopeMetrics, ...] = ()

    def __post_init__(self) -> None:
        if self.metrics.scope.is_national and not self.counties:
            raise ValueError("the Riket deck shows every county: give their metrics as counties=…")
        if not self.national.scope.is_national:
            raise ValueError(f"national must be Riket's metrics, not {self.national.scope.name}'s")
