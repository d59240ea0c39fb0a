"""What each unit of a scope answered about an area as a whole (SPEC §4): its status,
"ger ni ytterligare insatser", "vill ni ge insatser utan biståndsbeslut" and the
huvudgrupper it chose.

The workbook publishes these per municipality beside the figures of ``Offer``; the
rules (a unit without a responses row is *ej påbörjad*, only responding units' answers
count) are the ones ``metrics.scope`` applies once for every metric, so a unit the
deck counts as answered is the unit shown as answered here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reportgen.metrics.scope import AreaTables
from reportgen.survey import RESPONDING


@dataclass(frozen=True)
class UnitAnswers:
    """One unit in one area. ``further`` / ``wish`` are answer codes ("ja", "nej",
    "vet_ej") or None when blank or when the unit is not responding; ``wish_groups``
    are the chosen huvudgrupp ids in catalog order."""

    respondent_id: str
    name: str
    status: str  # "slutford", "paborjad" or "ej_paborjad"
    further: str | None
    wish: str | None
    wish_groups: tuple[str, ...]

    @property
    def responding(self) -> bool:
        return self.status in RESPONDING


def unit_answers(tables: AreaTables) -> tuple[UnitAnswers, ...]:
    """Every unit of the scope (register order), responding or not."""
    order = {gid: i for i, gid in enumerate(tables.groups["huvudgrupp_id"])}
    chosen: dict[str, list[str]] = {}
    for rid, gid in zip(tables.wish_groups["respondent_id"], tables.wish_groups["huvudgrupp_id"], strict=True):
        if gid in order:
            chosen.setdefault(str(rid), []).append(str(gid))
    result = []
    for rid, row in tables.units.iterrows():
        status = str(row["status"])
        responding = status in RESPONDING
        result.append(
            UnitAnswers(
                respondent_id=str(rid),
                name=str(row["name"]),
                status=status,
                further=_code(row["further"]) if responding else None,
                wish=_code(row["wish"]) if responding else None,
                wish_groups=tuple(sorted(chosen.get(str(rid), []), key=order.__getitem__)) if responding else (),
            )
        )
    return tuple(result)


def _code(value: object) -> str | None:
    return None if pd.isna(value) else str(value)
