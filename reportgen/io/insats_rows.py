"""Insats answers → ``answers`` (SPEC §4, docs/input-format.md §2)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.errors import Problem
from reportgen.io.columns import FOLLOW_UPS, VALUE_FIELDS
from reportgen.io.insatser import Found, InsatsMatcher
from reportgen.io.respondents import RespondentMatcher, distinct
from reportgen.io.values import map_answers, match_units, problems_at, split_duplicates, text_series
from reportgen.survey import OFFERED

ANSWER_TABLE_COLUMNS = [
    "respondent_id",
    "insats_id",
    "area",
    "offered",
    "beslut",
    "regi",
    "form",
    "individuals",
    "trend",
]


def check_answers(
    frame: pd.DataFrame, units: RespondentMatcher, insatser: InsatsMatcher
) -> tuple[pd.DataFrame, list[Problem]]:
    """Validated answers sorted by unit then catalog order; and every problem."""
    catalog = insatser.catalog
    problems: list[Problem] = []
    ids, found = match_units(frame, units)
    problems += found
    insats_ids, bad_insats = _insatser(frame, insatser, problems)
    codes: dict[str, pd.Series] = {}
    bad_values = pd.Series(False, index=frame.index)
    for column in ("erbjuden", *FOLLOW_UPS):
        codes[column], bad, found = map_answers(frame, column)
        problems += found
        bad_values |= bad
    offered = codes["erbjuden"].isin(OFFERED)
    with_follow_up = pd.concat([frame[c].notna() for c in FOLLOW_UPS], axis=1).any(axis=1)
    stray = with_follow_up & ~offered & ~bad_values
    problems += _stray_warnings(frame, stray)
    table = pd.DataFrame(
        {
            "respondent_id": ids,
            "insats_id": insats_ids,
            "area": insats_ids.map(catalog.table["area"]),
            "offered": codes["erbjuden"],
            **{VALUE_FIELDS[c]: codes[c].where(offered) for c in FOLLOW_UPS},
            "_file": frame["_file"],
            "_row": frame["_row"],
        }
    )
    good = ids.notna() & insats_ids.notna() & ~bad_insats & ~bad_values
    names = units.register.units["name"]
    table, found = split_duplicates(
        table[good],
        ["respondent_id", "insats_id"],
        ANSWER_TABLE_COLUMNS[3:],
        lambda unit, insats: f"insats {insats} for {names[unit]} ({unit})",
    )
    problems += found
    table = table.assign(_order=table["insats_id"].map(catalog.table["order"]))
    table = table.sort_values(["respondent_id", "_order"], kind="stable")
    answers = table[ANSWER_TABLE_COLUMNS].reset_index(drop=True)
    return answers.astype("str"), problems


def _insatser(frame: pd.DataFrame, insatser: InsatsMatcher, problems: list[Problem]) -> tuple[pd.Series, pd.Series]:
    """Insats id per row. An unknown område is reported once, as an område problem."""
    area_values = frame["område"]
    areas = text_series(area_values.map({v: insatser.area(v) for v in area_values.dropna().unique()}), frame.index)
    bad_area = area_values.notna() & areas.isna()
    problems += problems_at(frame, bad_area, "område", insatser.area_message())
    groups, triples = distinct(frame["insats_id"], frame["insats"], areas.where(~bad_area, "?"))
    results = [insatser.find(i, n, a) if a != "?" else Found(None) for i, n, a in triples]
    found = np.array([f.insats_id for f in results] + [None], dtype=object)
    ids = text_series(found[groups], frame.index)
    flagged = np.array([f.message is not None for f in results] + [False])[groups]
    for file, row, group in zip(frame["_file"][flagged], frame["_row"][flagged], groups[flagged], strict=True):
        f = results[group]
        problems.append(Problem(str(file), int(row), f.column, f.value, str(f.message), f.severity))
    return ids, bad_area | ids.isna()


def _stray_warnings(frame: pd.DataFrame, stray: pd.Series) -> list[Problem]:
    """Follow-ups on an insats not marked offered: reported, then ignored (SPEC §4).

    One wording per erbjuden value, so a whole file of them prints as one line."""
    rows = frame.loc[stray]
    problems = []
    for file, row, offered in zip(rows["_file"], rows["_row"], rows["erbjuden"], strict=True):
        shown = "blank" if pd.isna(offered) else f"'{offered}'"
        problems.append(
            Problem(
                str(file),
                int(row),
                "erbjuden",
                None if pd.isna(offered) else str(offered),
                f"follow-up answers (beslut … utveckling) given, but erbjuden is {shown}, not Ja or "
                "Ja, en lokal variant; they are ignored",
                "warning",
            )
        )
    return problems
