"""Area answers → ``responses`` and ``wish_groups`` (SPEC §4, docs/input-format.md §1)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from reportgen.catalog import Catalog
from reportgen.errors import Problem
from reportgen.io.insatser import InsatsMatcher
from reportgen.io.respondents import RespondentMatcher
from reportgen.io.values import map_answers, match_units, problems_at, split_duplicates, text_series
from reportgen.survey import RESPONSE_COLUMNS, WISH_GROUP_COLUMNS
from reportgen.text import fold


def check_areas(
    frame: pd.DataFrame, units: RespondentMatcher, insatser: InsatsMatcher
) -> tuple[pd.DataFrame, pd.DataFrame, list[Problem]]:
    """Validated responses and wish groups, sorted by unit then area; and every problem."""
    catalog = insatser.catalog
    problems: list[Problem] = []
    ids, found = match_units(frame, units)
    problems += found
    areas = _areas(frame, insatser, problems)
    status, bad_status, found = map_answers(frame, "status", required=True)
    problems += found
    further, bad_further, found = map_answers(frame, "ytterligare_insatser")
    problems += found
    wish, bad_wish, found = map_answers(frame, "vill_ge_utan_beslut")
    problems += found
    groups, bad_groups = _groups(frame, areas, wish, catalog, problems)
    table = pd.DataFrame(
        {
            "respondent_id": ids,
            "area": areas,
            "status": status,
            "further": further,
            "wish": wish,
            "groups": groups,
            "_file": frame["_file"],
            "_row": frame["_row"],
        }
    )
    good = ids.notna() & areas.notna() & ~(bad_status | bad_further | bad_wish | bad_groups)
    names = units.register.units["name"]
    table, found = split_duplicates(
        table[good],
        ["respondent_id", "area"],
        ["status", "further", "wish", "groups"],
        lambda unit, area: f"område '{area}' for {names[unit]} ({unit})",
    )
    problems += found
    order = {area: i for i, area in enumerate(catalog.areas)}
    table = table.assign(_order=table["area"].map(order)).sort_values(["respondent_id", "_order"], kind="stable")
    responses = table[RESPONSE_COLUMNS].reset_index(drop=True)
    chosen = table[table["groups"].notna()][["respondent_id", "area", "groups"]]
    chosen = chosen.assign(huvudgrupp_id=chosen["groups"].str.split("|")).explode("huvudgrupp_id")
    wish_groups = chosen[WISH_GROUP_COLUMNS].reset_index(drop=True).astype("str")
    return responses, wish_groups, problems


def _areas(frame: pd.DataFrame, insatser: InsatsMatcher, problems: list[Problem]) -> pd.Series:
    values = frame["område"]
    areas = text_series(values.map({v: insatser.area(v) for v in values.dropna().unique()}), frame.index)
    problems += problems_at(frame, values.notna() & areas.isna(), "område", insatser.area_message())
    problems += problems_at(
        frame, values.isna(), "område", "a value is required; allowed: " + ", ".join(insatser.catalog.areas)
    )
    return areas


def _groups(
    frame: pd.DataFrame, areas: pd.Series, wish: pd.Series, catalog: Catalog, problems: list[Problem]
) -> tuple[pd.Series, pd.Series]:
    """Huvudgrupper chosen (ids joined by `|` in catalog order) where the wish is Ja.

    Chosen groups beside another answer than Ja are a warning and ignored, like follow-ups
    on an insats not offered.
    """
    cells = frame["huvudgrupper_utan_beslut"]
    given = cells.notna() & areas.notna()
    lookups = {area: Huvudgrupper.of(catalog, area) for area in areas[given].unique()}
    parsed: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for area, cell in dict.fromkeys(zip(areas[given], cells[given], strict=True)):
        parsed[(area, cell)] = parse_groups(cell, lookups[area])
    joined = [parsed[(a, c)] if g else (None, None) for a, c, g in zip(areas, cells, given, strict=True)]
    result = text_series([j[0] for j in joined], frame.index)
    messages = pd.Series([j[1] for j in joined], index=frame.index)
    bad = messages.notna()
    for message in messages[bad].unique():
        problems += problems_at(frame, messages == message, "huvudgrupper_utan_beslut", str(message))
    ignored = result.notna() & wish.ne("ja")
    problems += problems_at(
        frame,
        ignored & ~bad,
        "huvudgrupper_utan_beslut",
        "huvudgrupper are given but vill_ge_utan_beslut is not 'Ja'; they are ignored",
        "warning",
    )
    return result.where(~ignored), bad


@dataclass(frozen=True)
class Huvudgrupper:
    """The huvudgrupper of one area, by number and by folded name."""

    area: str
    ids: tuple[str, ...]
    by_key: dict[str, str]
    options: str

    @classmethod
    def of(cls, catalog: Catalog, area: str) -> Huvudgrupper:
        groups = catalog.huvudgrupper(area)
        pairs = list(zip(groups["huvudgrupp_id"], groups["huvudgrupp"], strict=True))
        by_key = {fold(name): number for number, name in pairs} | {number: number for number, _ in pairs}
        options = ", ".join(f"{number} {name}" for number, name in pairs)
        return cls(area, tuple(number for number, _ in pairs), by_key, options)


def parse_groups(cell: str, groups: Huvudgrupper) -> tuple[str | None, str | None]:
    """("2.1|2.3", None) from "2,3 | 2.1" or from names; (None, message) when one is unknown."""
    chosen: set[str] = set()
    for part in re.split(r"[|;\n]", cell):
        item = part.strip()
        if not item:
            continue
        number = groups.by_key.get(re.sub(r"^(\d+),(\d+)$", r"\1.\2", item)) or groups.by_key.get(fold(item))
        if number is None:
            return None, f"unknown huvudgrupp '{item}' in '{groups.area}'; allowed: {groups.options}"
        chosen.add(number)
    if not chosen:
        return None, None
    return "|".join(sorted(chosen, key=groups.ids.index)), None
