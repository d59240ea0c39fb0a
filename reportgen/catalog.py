"""The catalog of the 409 mapped insatser (SPEC §2, §3).

Identity is the insats id, never the name: the same name occurs twice in one area for
different target groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from reportgen.paths import DATA_DIR

#: Target group code → mark shown after the name in every table and chart (SPEC §3).
MARKS = {"person": "", "anhoriga": "*", "valdsutovare": "**"}

CATALOG_COLUMNS = ["insats_id", "area", "area_no", "huvudgrupp_id", "huvudgrupp", "subheading", "name", "target"]


@dataclass(frozen=True, eq=False)
class Catalog:
    """The insatser in catalog order, with area, huvudgrupp, sub-heading and target group.

    ``table`` is indexed by ``insats_id`` and keeps catalog order; ``order`` numbers it.
    """

    table: pd.DataFrame

    @classmethod
    def load(cls, path: Path | None = None) -> Catalog:
        frame = pd.read_csv(path or DATA_DIR / "catalog.csv", dtype=str, keep_default_na=False)
        return cls.from_frame(frame)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Catalog:
        """Build from rows with CATALOG_COLUMNS (tests build small catalogs this way)."""
        frame = frame.copy()
        missing = [c for c in CATALOG_COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(f"catalog lacks columns {missing}")
        frame["order"] = range(len(frame))
        frame["mark"] = frame["target"].map(MARKS).fillna("")
        frame["label"] = frame["name"] + frame["mark"]
        return cls(frame.set_index("insats_id", drop=False))

    @cached_property
    def areas(self) -> list[str]:
        """Area keys in catalog order (SPEC glossary: "äldre", "barn och unga", …)."""
        return list(dict.fromkeys(self.table["area"]))

    def area(self, area: str) -> pd.DataFrame:
        return self.table[self.table["area"] == area]

    def huvudgrupper(self, area: str) -> pd.DataFrame:
        """One row per huvudgrupp of the area: id ("2.1") and name, in catalog order."""
        rows = self.area(area)[["huvudgrupp_id", "huvudgrupp"]].drop_duplicates()
        return rows.reset_index(drop=True)

    def size(self, area: str) -> int:
        return int((self.table["area"] == area).sum())

    def label(self, insats_id: str) -> str:
        """Name with its `*`/`**` mark: the only form a renderer is given."""
        return str(self.table.at[insats_id, "label"])
