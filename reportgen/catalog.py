"""The catalog of the 409 mapped insatser (SPEC §2, §3).

Identity is the insats id, never the name: the same name occurs twice in one area for
different target groups.

Three spellings of a name (issue 14 item 5): ``name`` is the source's (the national
appendix, accepted on input), ``display`` corrects its evident typos
(``data/display_names.csv``, listed in docs/display-names.md), and ``label`` is what
every table and chart prints: the display name with its `*`/`**` mark, without the
"(anhöriga)" that the mark already says — unless two insatser of an area would then
print alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from reportgen.paths import DATA_DIR

#: Target group code → mark shown after the name in every table and chart (SPEC §3).
MARKS = {"person": "", "anhoriga": "*", "valdsutovare": "**"}

CATALOG_COLUMNS = ["insats_id", "area", "area_no", "huvudgrupp_id", "huvudgrupp", "subheading", "name", "target"]
DISPLAY_COLUMNS = ["insats_id", "source_name", "display_name", "reason"]
DISPLAY_FILE = "display_names.csv"

#: The words a mark makes redundant, at the end of a source name.
_SAID_BY_MARK = {"anhoriga": re.compile(r"\s*\(anhöriga\)\s*$")}


@dataclass(frozen=True, eq=False)
class Catalog:
    """The insatser in catalog order, with area, huvudgrupp, sub-heading and target group.

    ``table`` is indexed by ``insats_id`` and keeps catalog order; ``order`` numbers it.
    """

    table: pd.DataFrame

    @classmethod
    def load(cls, path: Path | None = None, display_path: Path | None = None) -> Catalog:
        frame = pd.read_csv(path or DATA_DIR / "catalog.csv", dtype=str, keep_default_na=False)
        display_file = display_path or DATA_DIR / DISPLAY_FILE
        display = pd.read_csv(display_file, dtype=str, keep_default_na=False) if display_file.is_file() else None
        return cls.from_frame(frame, display)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, display: pd.DataFrame | None = None) -> Catalog:
        """Build from rows with CATALOG_COLUMNS (tests build small catalogs this way);
        ``display`` (DISPLAY_COLUMNS) corrects names where insats id and source name agree."""
        frame = frame.copy()
        missing = [c for c in CATALOG_COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(f"catalog lacks columns {missing}")
        frame["order"] = range(len(frame))
        frame["mark"] = frame["target"].map(MARKS).fillna("")
        frame["display"] = frame["name"]
        if display is not None:
            fixes = display.set_index("insats_id")
            known = frame["insats_id"].isin(fixes.index)
            same = known & (frame["insats_id"].map(fixes["source_name"]) == frame["name"])
            frame.loc[same, "display"] = frame.loc[same, "insats_id"].map(fixes["display_name"])
        frame["label"] = printed_labels(frame)
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


def printed_labels(frame: pd.DataFrame) -> pd.Series:
    """``display`` + mark, without words the mark already says ("(anhöriga)" before `*`);
    where that would make two insatser of an area print alike, both keep their words."""
    full = frame["display"] + frame["mark"]
    short = full.copy()
    for target, said in _SAID_BY_MARK.items():
        rows = frame["target"] == target
        short[rows] = frame.loc[rows, "display"].str.replace(said, "", regex=True) + frame.loc[rows, "mark"]
    clash = short.groupby(frame["area"]).transform(lambda labels: labels.duplicated(keep=False))
    return short.where(~clash.astype(bool), full)
