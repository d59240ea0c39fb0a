"""Row-level checks shared by area and insats tables: answer texts, units, duplicates.

Tables here carry the documented column names plus ``_file`` and ``_row`` (where the
user finds the row). Values are mapped once per distinct text, and ``Problem`` objects
are made only for the rows that are wrong, so a clean 120 000-row file costs milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from reportgen.errors import Problem
from reportgen.io.columns import VALUE_FIELDS
from reportgen.io.respondents import RespondentMatcher
from reportgen.survey import CANONICAL, VOCABULARY
from reportgen.text import match_key


def text_series(values: pd.Series | list, index: pd.Index | None = None) -> pd.Series:
    """A ``str`` Series with NaN for missing (pandas' default string dtype)."""
    series = pd.Series(values, index=index, dtype=object)
    return series.where(series.notna()).astype("str")


def allowed_texts(field: str) -> list[str]:
    """The canonical answer texts of a field, in questionnaire order."""
    return [text for text, code in VOCABULARY[field].items() if CANONICAL[field][code] == text]


def problems_at(
    frame: pd.DataFrame, mask: pd.Series, column: str | None, message: str, severity: str = "error"
) -> list[Problem]:
    """One problem per masked row, quoting the row's value in ``column``."""
    if not mask.any():
        return []
    rows = frame.loc[mask]
    values = rows[column] if column in rows else pd.Series(pd.NA, index=rows.index)
    return [
        Problem(str(f), int(r), column, None if pd.isna(v) else str(v), message, severity)
        for f, r, v in zip(rows["_file"], rows["_row"], values, strict=True)
    ]


def map_answers(frame: pd.DataFrame, column: str, *, required: bool = False) -> tuple[pd.Series, pd.Series, list]:
    """Codes of a column's answer texts (``survey.VOCABULARY``); bad rows and their problems."""
    field = VALUE_FIELDS[column]
    values = frame[column]
    known = {match_key(text): code for text, code in VOCABULARY[field].items()}
    positions, uniques = pd.factorize(values)
    mapped = np.array([known.get(match_key(value)) for value in uniques] + [None], dtype=object)
    codes = text_series(mapped[positions], frame.index)
    unknown = values.notna() & codes.isna()
    allowed = ", ".join(allowed_texts(field))
    problems = problems_at(frame, unknown, column, f"allowed: {allowed}" + ("" if required else " or blank"))
    bad = unknown
    if required:
        missing = values.isna()
        problems += problems_at(frame, missing, column, f"a value is required; allowed: {allowed}")
        bad = bad | missing
    return codes, bad, problems


def match_units(frame: pd.DataFrame, matcher: RespondentMatcher) -> tuple[pd.Series, list[Problem]]:
    """The respondent id of every row (NaN where unmatched) and a problem per unmatched row."""
    ids, groups, matches = matcher.resolve(frame["kommunkod"], frame["kommun"])
    bad = ids.isna().to_numpy()
    problems = []
    for file, row, group in zip(frame["_file"][bad], frame["_row"][bad], groups[bad], strict=True):
        match = matches[group]
        problems.append(Problem(str(file), int(row), match.column, match.value, str(match.message)))
    return ids, problems


def split_duplicates(
    frame: pd.DataFrame, key: list[str], values: list[str], what: Callable[..., str]
) -> tuple[pd.DataFrame, list[Problem]]:
    """Drop rows repeating an earlier row exactly; report keys given with different answers.

    Compared on codes, so "ja" and "Ja" are the same answer. ``what(*key values)`` names
    the pair in the message.
    """
    frame = frame[~frame.duplicated(subset=key + values)]
    clash = frame.duplicated(subset=key, keep=False)
    if not clash.any():
        return frame, []
    rows = frame[clash]
    first = rows.groupby(key, sort=False)[["_file", "_row"]].transform("first")
    later = rows.duplicated(subset=key, keep="first")
    problems = []
    columns = [rows[c][later] for c in key] + [rows["_file"][later], rows["_row"][later]]
    for *pair, file, row, first_file, first_row in zip(
        *columns, first["_file"][later], first["_row"][later], strict=True
    ):
        problems.append(
            Problem(
                str(file),
                int(row),
                None,
                None,
                f"{what(*pair)} is given again with different answers (first in {first_file}, row {first_row})",
            )
        )
    return frame, problems
