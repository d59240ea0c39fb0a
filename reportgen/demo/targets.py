"""What the demo data must reproduce (SPEC §9, issue 7): the national appendix, the area
respondent counts and further-insatser shares of Riket, and the Skåne deck's figures.

Targets are plain frozen values read from ``data/national_appendix.csv`` and
``data/calibration/skane.yaml`` (made by ``tools/extract_skane_targets.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from reportgen.paths import DATA_DIR
from reportgen.yaml_data import parse_yaml

#: Riket's responding units per area (SPEC §9, quoted in the Skåne deck's notes).
NATIONAL_ANSWERED = {
    "äldre": 245,
    "barn och unga": 235,
    "funktionshinder": 214,
    "missbruk och beroende": 236,
    "socialpsykiatri": 216,
    "våld i nära relationer": 240,
}
#: Riket's completed units per area: äldre 232 and funktionshinder 200 are printed in the
#: Skåne deck's background; the others are chosen between them.
NATIONAL_COMPLETED = {
    "äldre": 232,
    "barn och unga": 218,
    "funktionshinder": 200,
    "missbruk och beroende": 212,
    "socialpsykiatri": 178,
    "våld i nära relationer": 196,
}
#: Riket's share giving further insatser, whole percent (SPEC §9; äldre is not printed).
NATIONAL_FURTHER_PCT = {
    "äldre": 30,
    "barn och unga": 40,
    "funktionshinder": 15,
    "missbruk och beroende": 30,
    "socialpsykiatri": 40,
    "våld i nära relationer": 24,
}
#: Riket's share wanting to give insatser without decision (deck insight: highest in barn
#: och unga 81 %, lowest in funktionshinder 45 %; the others chosen in between).
NATIONAL_WISH_PCT = {
    "äldre": 68,
    "barn och unga": 81,
    "funktionshinder": 45,
    "missbruk och beroende": 72,
    "socialpsykiatri": 60,
    "våld i nära relationer": 66,
}
#: Appendix column of each dimension: the count of "both" + "B only" answers.
DIMENSION_COLUMNS = {"form": "digital", "regi": "private", "beslut": "without_decision"}


@dataclass(frozen=True)
class Ratio:
    """A printed count and its whole-percent share; ``pct`` None where "-" was printed."""

    count: int
    pct: int | None


@dataclass(frozen=True)
class NationalInsats:
    """One row of the national appendix: offered and the three follow-up counts."""

    insats_id: str
    given: Ratio
    dimensions: dict[str, Ratio]


def load_national(path: Path | None = None) -> dict[str, NationalInsats]:
    frame = pd.read_csv(path or DATA_DIR / "national_appendix.csv", dtype={"insats_id": str})
    result = {}
    for row in frame.to_dict("records"):
        dims = {}
        for dim, column in DIMENSION_COLUMNS.items():
            blank = pd.isna(row[column])
            dims[dim] = Ratio(0 if blank else int(row[column]), None if blank else int(row[f"{column}_pct"]))
        result[row["insats_id"]] = NationalInsats(
            row["insats_id"], Ratio(int(row["given"]), int(row["given_pct"])), dims
        )
    return result


@dataclass(frozen=True)
class RankRow:
    """A row of the ten most / least common tables."""

    insats_id: str
    name: str
    offered: int
    answered: int
    share_pct: int


@dataclass(frozen=True)
class CategoryRow:
    """A row of a dimension's top-5 table: ``n`` answered the follow-up, ``count`` in the category."""

    insats_id: str
    name: str
    n: int
    count: int
    share_pct: int


@dataclass(frozen=True)
class DimensionTarget:
    total: int | None  # "100 % = N insatser … där frågan besvarats"
    individuals_n: dict[str, int]  # category → pairs that answered the individuals question
    top5: dict[str, tuple[CategoryRow, ...]]  # category → rows; a printed category may be empty


@dataclass(frozen=True)
class SkaneArea:
    area: str
    answered: int
    completed: int
    mean: int
    min: int
    max: int
    further_pct: int
    wish_answered: int | None
    top10: tuple[RankRow, ...]
    bottom10: tuple[RankRow, ...]
    dimensions: dict[str, DimensionTarget] = field(default_factory=dict)


@dataclass(frozen=True)
class SkaneTargets:
    county: str
    county_code: str
    areas: dict[str, SkaneArea]


def load_skane(path: Path | None = None) -> SkaneTargets:
    text = (path or DATA_DIR / "calibration" / "skane.yaml").read_text(encoding="utf-8")
    data = parse_yaml(text)
    areas = {}
    for area, f in data["areas"].items():
        rank = lambda rows: tuple(  # noqa: E731
            RankRow(r["insats_id"], r["name"], r["offered"], r["answered"], r["share_pct"]) for r in rows
        )
        dims = {
            dim: DimensionTarget(
                total=d.get("total"),
                individuals_n=dict(d.get("individuals_n", {})),
                top5={
                    cat: tuple(CategoryRow(r["insats_id"], r["name"], r["n"], r["count"], r["share_pct"]) for r in rows)
                    for cat, rows in d.get("top5", {}).items()
                },
            )
            for dim, d in f["dimensions"].items()
        }
        areas[area] = SkaneArea(
            area=area,
            answered=f["answered"],
            completed=f["completed"],
            mean=f["mean"],
            min=f["min"],
            max=f["max"],
            further_pct=f["further_pct"],
            wish_answered=f.get("wish_answered"),
            top10=rank(f["top10"]),
            bottom10=rank(f["bottom10"]),
            dimensions=dims,
        )
    return SkaneTargets(data["county"], str(data["county_code"]), areas)
