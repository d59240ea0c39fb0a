"""Front-matter figures (SPEC §6 background): the catalog's size per area and per
category of huvudgrupp. (The response overview reads ``Response`` of each area's metrics.)"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reportgen.catalog import Catalog
from reportgen.errors import ReportgenError
from reportgen.text import fold


class CategoryMappingError(ReportgenError):
    """A huvudgrupp the layout's category mapping does not place."""


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
