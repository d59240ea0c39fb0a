"""What every sheet builder of the county (or Riket) workbook shares while one workbook
is built: the metrics, the scope's coded tables, the words, the note numbering and the
optional filter on units (a workbook for one municipality, issue 16)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import pandas as pd

from reportgen.deck.layout import Layouts
from reportgen.metrics.catalog_stats import CatalogFigures
from reportgen.metrics.model import ScopeMetrics
from reportgen.metrics.offer import swedish_key
from reportgen.metrics.scope import ScopeData
from reportgen.survey import Survey
from reportgen.text import slugify
from reportgen.workbook import texts
from reportgen.workbook.front import NoteRefs, data_footer
from reportgen.workbook.model import Cell, Sheet, TableData
from reportgen.workbook.scope_cache import ScopeCache

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class BuildContext:
    """``metrics`` / ``national`` are the figures the deck shows (``national`` is
    ``metrics`` itself for Riket); ``data`` the scope's coded tables; ``counties`` the
    counties' metrics (Riket's workbook only); ``units`` the respondent ids whose own
    rows and columns the workbook holds (None: every unit of the scope); ``cache`` the
    parts shared by the scope's workbooks (``workbook.scope_cache``), None to build all."""

    survey: Survey
    metrics: ScopeMetrics
    national: ScopeMetrics
    data: ScopeData
    layouts: Layouts
    notes: NoteRefs
    synthetic: bool
    counties: Sequence[ScopeMetrics] = ()
    units: frozenset[str] | None = None
    catalog: CatalogFigures | None = None  # the run's catalog figures (the deck's); None: computed here
    cache: ScopeCache | None = None
    _unit_orders: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)  # by area, made once

    @property
    def national_scope(self) -> bool:
        return self.metrics.scope.is_national

    @property
    def scope_name(self) -> str:
        return self.metrics.scope.name

    def wanted(self, respondent_id: str) -> bool:
        return self.units is None or respondent_id in self.units

    def unit_order(self, area: str) -> pd.DataFrame:
        """The scope's units kept by the filter, in Swedish alphabetical order of name
        (then id): the order users look for a municipality in. Read only: every sheet of
        the workbook shares it."""
        if area not in self._unit_orders:
            units = self.data.areas[area].units
            keys = sorted(
                (rid for rid in units.index if self.wanted(str(rid))),
                key=lambda rid: (swedish_key(units.at[rid, "name"]), rid),
            )
            self._unit_orders[area] = units.loc[keys]
        return self._unit_orders[area]

    def shared(self, key: str, build: Callable[[], T]) -> T:
        """A part that does not depend on ``units``: from the cache when there is one."""
        return build() if self.cache is None else self.cache.value(key, build)

    def shared_sheet(self, name: str, build: Callable[[BuildContext], Sheet]) -> Sheet:
        """A sheet that does not depend on ``units``, its notes handed out either way."""
        if self.cache is None:
            return build(self)
        return self.cache.sheet(name, self.notes, lambda: build(self))

    def footer(self) -> tuple[str, ...]:
        return data_footer(self.synthetic)

    def sheet(self, name: str, title: str, description: Sequence[str], table: TableData) -> Sheet:
        """A data sheet: its description lines, then the source (and synthetic) line."""
        return Sheet(name, title, (*description, *self.footer()), table)


def table_name(prefix: str, area: str = "") -> str:
    """An Excel table name from a prefix and an area ("insatser_barn_och_unga")."""
    return f"{prefix}_{slugify(area).replace('-', '_')}" if area else prefix


def number(value: float | int | None) -> Cell:
    """A figure, or ``[z]`` where it cannot be computed (None, NaN)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return texts.NOT_APPLICABLE
    return value


def share(count: int, total: int) -> Cell:
    return count / total if total else texts.NOT_APPLICABLE
