"""Front-matter figures (SPEC §6 background): the catalog's size per area and per
category of huvudgrupp, and the response overview per area for a scope and Riket."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reportgen.catalog import Catalog
from reportgen.errors import ReportgenError
from reportgen.metrics.model import Response, Scope, ScopeMetrics
from reportgen.metrics.response import response
from reportgen.metrics.scope import SurveyTables
from reportgen.survey import Survey
from reportgen.text import fold

#: ``with_answers``: answering units (SPEC §5), the "svarande kommuner" of the notes.
OVERVIEW_COLUMNS = [
    "units",
    "answered",
    "completed",
    "with_answers",
    "national_units",
    "national_answered",
    "national_completed",
    "national_with_answers",
]


class CategoryMappingError(ReportgenError):
    """A huvudgrupp the layout's category mapping does not place."""


def catalog_size_per_area(catalog: Catalog) -> pd.Series:
    """Number of insatser per area, catalog order (äldre 75 … = 409)."""
    return pd.Series({area: catalog.size(area) for area in catalog.areas}, name="insatser", dtype="int64")


def catalog_sizes(catalog: Catalog, categories: dict[str, str]) -> pd.DataFrame:
    """Insatser per area (rows, catalog order) × category (columns, in the mapping's order).

    ``categories`` maps a huvudgrupp (its name, as in the catalog, or its id "2.1") to a
    category label; names are matched ignoring case and spacing. Every huvudgrupp must
    be placed, so that each row sums to the area's catalog size.
    """
    by_key = {fold(key): label for key, label in categories.items()}
    table = catalog.table
    labels = table["huvudgrupp_id"].map(lambda gid: by_key.get(fold(gid)))
    labels = labels.fillna(table["huvudgrupp"].map(lambda name: by_key.get(fold(name))))
    missing = sorted(set(table.loc[labels.isna(), "huvudgrupp"]))
    if missing:
        raise CategoryMappingError(f"The category mapping does not place the huvudgrupper {missing}.")
    columns = list(dict.fromkeys(categories.values()))
    counts = pd.crosstab(table["area"], labels).reindex(index=catalog.areas, columns=columns, fill_value=0)
    counts.index.name = "area"
    counts.columns.name = None
    return counts.astype("int64")


def response_overview(survey: Survey, scope: Scope) -> pd.DataFrame:
    """Per area (catalog order): units, answered, completed for ``scope`` and for Riket."""
    tables = SurveyTables.prepare(survey)
    data = tables.select(scope)
    rows = {}
    for area, area_tables in data.areas.items():
        mine, theirs = response(area_tables), response(tables.national.areas[area])
        rows[area] = _overview_row(mine, theirs)
    return _overview_frame(rows)


def response_overview_from(metrics: ScopeMetrics) -> pd.DataFrame:
    """``response_overview`` read from metrics already computed."""
    rows = {}
    for area, m in metrics.areas.items():
        rows[area] = _overview_row(m.response, m.national_response)
    return _overview_frame(rows)


def _overview_row(mine: Response, national: Response) -> list[int]:
    return [
        *(mine.respondents, mine.answered, mine.completed, mine.with_answers),
        *(national.respondents, national.answered, national.completed, national.with_answers),
    ]


def _overview_frame(rows: dict[str, list[int]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=OVERVIEW_COLUMNS).astype("int64")
    frame.index.name = "area"
    return frame


@dataclass(frozen=True)
class AreaCatalog:
    """One area of the catalog: its insatser, their share of the whole catalog, and per
    category of huvudgrupp (in the mapping's order) the count and share of the area."""

    area: str
    size: int
    share: float  # of every insats in the catalog, 0–1
    categories: tuple[tuple[str, int, float], ...]  # (category label, insatser, share of the area 0–1)


@dataclass(frozen=True)
class CatalogFigures:
    """The catalog's size per area and category (SPEC §6 background), catalog order."""

    total: int
    areas: tuple[AreaCatalog, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The category labels, in the mapping's order."""
        return tuple(label for label, _, _ in self.areas[0].categories) if self.areas else ()


def catalog_figures(catalog: Catalog, categories: dict[str, str]) -> CatalogFigures:
    """``catalog_sizes`` with the shares the background slides show."""
    sizes = catalog_sizes(catalog, categories)
    totals = sizes.sum(axis=1)
    total = int(totals.sum())
    areas = []
    for area in sizes.index:
        size = int(totals[area])
        parts = tuple(
            (str(label), int(sizes.loc[area, label]), int(sizes.loc[area, label]) / max(size, 1))
            for label in sizes.columns
        )
        areas.append(AreaCatalog(str(area), size, size / total if total else 0.0, parts))
    return CatalogFigures(total, tuple(areas))
