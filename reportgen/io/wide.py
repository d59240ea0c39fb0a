"""A wide export, one row per unit, read as the long layout's tables (docs/input-format.md §3).

The wide table is reshaped into exactly the frames the long layout's files give — area
answers and insats answers with the documented column names — so the same checks
(``area_rows``, ``insats_rows``) validate it and both layouts give the same ``Survey``.
Only placed columns are copied: personal data and the tool's columns never leave the raw
table.

Those checks name the long layout's columns ("beslut"); a user of a wide export needs the
header of the cell. Each reshaped row therefore carries a file tag naming its insats, and
``unmask`` turns every problem back into the file, row and header the user sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.catalog import Catalog
from reportgen.errors import Problem
from reportgen.io.columns import ALIASES, AREA_COLUMNS, FOLLOW_UPS, INSATS_COLUMNS, header_key
from reportgen.io.read import RawTable
from reportgen.io.values import text_series
from reportgen.io.wide_header import HeaderRules, WideHeader
from reportgen.io.wide_words import STATUS_WORDS, shown_value, tool_status
from reportgen.text import fold

#: Joins a file and an insats id in the ``_file`` of reshaped rows; never in a file name.
TAG = "\x1f"
_TAG_PATTERN = re.compile(TAG + r"[A-Z0-9]*")
_TITLE_ROWS = 5
LONG_KEYS = {header_key(alias): column for column, aliases in ALIASES.items() for alias in (column, *aliases)}
_CHOSEN = {"1", "x", "ja", "vald", "valt", "yes", "true", "sant"}
_NOT_CHOSEN = {"0", "nej", "no", "false", "falskt", "ej vald"}


@dataclass(frozen=True, eq=False)
class WideTable:
    """One wide table as long-layout frames, its problems, and the header behind each
    (tagged file, long column) pair for ``unmask``."""

    header: WideHeader
    areas: pd.DataFrame
    insatser: pd.DataFrame
    problems: tuple[Problem, ...]
    headers: dict[tuple[str, str], str]


def find_wide(raw: RawTable, rules: HeaderRules) -> tuple[RawTable, WideHeader] | None:
    """The table and its wide header, trying a few title lines above the header row too;
    None when the table is not a wide export."""
    for position in range(-1, min(_TITLE_ROWS, len(raw.cells))):
        table = raw if position < 0 else raw.header_at(position)
        if is_long(table.headers):
            return None
        header = rules.place(table.file, table.headers, table.header_row)
        if header is not None:
            return table, header
    return None


def is_long(headers: list[str]) -> bool:
    """A header row of the long layout: insats answers, or area answers with område and status."""
    present = {LONG_KEYS.get(header_key(h)) for h in headers}
    if present & {"insats_id", "insats", "erbjuden"}:
        return True
    return {"område", "status"} <= present and bool(present & {"kommunkod", "kommun"})


def read_wide(table: RawTable, header: WideHeader, catalog: Catalog) -> WideTable:
    """The long-layout frames of a wide table whose header has no error."""
    problems: list[Problem] = _headless(table)
    area_tag = table.file + TAG
    headers: dict[tuple[str, str], str] = {}
    unit = {c: _cells(table, header.position(c)) for c in ("kommunkod", "kommun")}
    groups, found = _groups(table, header, catalog)
    problems += found
    areas = pd.DataFrame(
        {
            **unit,
            "område": header.area,
            "status": _status(_cells(table, header.position("status"))),
            "ytterligare_insatser": _cells(table, header.position("ytterligare_insatser")),
            "vill_ge_utan_beslut": _cells(table, header.position("vill_ge_utan_beslut")),
            "huvudgrupper_utan_beslut": groups,
            "_file": area_tag,
            "_row": table.rows,
        },
        index=table.cells.index,
    )
    for column in header.columns:
        if column.role in ("unit", "area"):
            headers[(area_tag, str(column.column))] = column.header
    group_headers = [c.header for c in header.of("group")]
    if group_headers and header.position("huvudgrupper_utan_beslut") is None:
        headers[(area_tag, "huvudgrupper_utan_beslut")] = f"{group_headers[0]} (and the other huvudgrupp columns)"
    insatser = _insats_rows(table, header, unit, headers)
    return WideTable(header, areas[[*AREA_COLUMNS, "_file", "_row"]], insatser, tuple(problems), headers)


def _cells(table: RawTable, position: int | None) -> pd.Series:
    if position is None or position not in table.cells:
        return pd.Series(np.nan, index=table.cells.index, dtype="str")
    return table.cells[position]


def _status(values: pd.Series) -> pd.Series:
    """The tool's words as the survey's status; unknown words stay as given, so the status
    check reports them as found."""
    uniques = values.dropna().unique()
    translated = {v: tool_status(v) or v for v in uniques}
    return text_series(values.map(translated), values.index)


def _groups(table: RawTable, header: WideHeader, catalog: Catalog) -> tuple[pd.Series, list[Problem]]:
    """The huvudgrupper chosen per row, as the long layout's `|`-joined cell: from the one
    column for all, and from one column per huvudgrupp (ticked with its name, 1, x or Ja)."""
    combined = _cells(table, header.position("huvudgrupper_utan_beslut"))
    columns = header.of("group")
    if not columns:
        return combined, []
    names = dict(zip(catalog.table["huvudgrupp_id"], catalog.table["huvudgrupp"], strict=True))
    problems = []
    ticks: list[list[str]] = [[] for _ in range(len(table.cells))]
    for column in columns:
        group = str(column.huvudgrupp_id)
        own = {fold(group), fold(names.get(group, group)), fold(re.split(r"\s[-–]\s", column.header)[-1])}
        values = _cells(table, column.position)
        for i, value in enumerate(values):
            if pd.isna(value) or fold(value) in _NOT_CHOSEN:
                continue
            if fold(value) in _CHOSEN or fold(value) in own:
                ticks[i].append(group)
                continue
            problems.append(
                Problem(
                    table.file,
                    int(table.rows[i]),
                    column.header,
                    str(value),
                    "a chosen huvudgrupp is marked with its name, 1, x or Ja; one not chosen is blank, 0 or Nej",
                )
            )
    joined = [
        "|".join(p for p in (c if isinstance(c, str) else "", "|".join(t)) if p) or None
        for c, t in zip(combined, ticks, strict=True)
    ]
    return text_series(joined, table.cells.index), problems


def _insats_rows(
    table: RawTable, header: WideHeader, unit: dict[str, pd.Series], headers: dict[tuple[str, str], str]
) -> pd.DataFrame:
    """One long row per unit and insats with any answer cell filled."""
    columns = header.of("insats")
    ids = list(dict.fromkeys(str(c.insats_id) for c in columns))
    fields = ("erbjuden", *FOLLOW_UPS)
    n = len(table.cells)
    grid = {f: np.full((n, len(ids)), np.nan, dtype=object) for f in fields}
    for column in columns:
        k = ids.index(str(column.insats_id))
        grid[str(column.column)][:, k] = _cells(table, column.position).to_numpy(dtype=object, na_value=np.nan)
        headers[(table.file + TAG + str(column.insats_id), str(column.column))] = column.header
    for insats_id in ids:
        tag = table.file + TAG + insats_id
        for field_name in ("kommunkod", "kommun"):
            position = header.position(field_name)
            if position is not None:
                headers[(tag, field_name)] = table.headers[position]
    filled = np.zeros((n, len(ids)), dtype=bool)
    for values in grid.values():
        filled |= pd.notna(values)
    rows, ks = np.nonzero(filled)
    data = {
        **{c: unit[c].to_numpy(dtype=object, na_value=np.nan)[rows] for c in ("kommunkod", "kommun")},
        "område": np.full(len(rows), header.area, dtype=object),
        "insats_id": np.array(ids, dtype=object)[ks],
        "insats": np.full(len(rows), np.nan, dtype=object),
        **{f: grid[f][rows, ks] for f in fields},
    }
    frame = pd.DataFrame({c: text_series(data[c]) for c in INSATS_COLUMNS})
    frame["_file"] = [table.file + TAG + i for i in frame["insats_id"]]
    frame["_row"] = table.rows[rows]
    return frame


def _headless(table: RawTable) -> list[Problem]:
    """Values under a blank header: an error that does not quote them (the column may hold
    personal data)."""
    problems = []
    for position, header in enumerate(table.headers):
        if header or position not in table.cells or not table.cells[position].notna().any():
            continue
        problems.append(
            Problem(
                table.file,
                None,
                f"#{position + 1}",
                None,
                "a column without a header holds values: give it a header or delete it (values not shown, as "
                "such a column may hold personal data)",
            )
        )
    return problems


def unmask(problems: list[Problem], headers: dict[tuple[str, str], str]) -> list[Problem]:
    """Problems found in reshaped rows as the user sees them: plain file name, the header
    of the cell, the tool's words beside the survey's own for a status; duplicates dropped."""
    words = ", ".join(w for ws in STATUS_WORDS.values() for w in ws[1:3])
    shown = []
    for problem in problems:
        if TAG not in problem.file and TAG not in problem.message:
            shown.append(problem)
            continue
        file = problem.file.split(TAG, 1)[0]
        column = headers.get((problem.file, str(problem.column)), problem.column)
        message = _TAG_PATTERN.sub("", problem.message)
        if problem.column == "status" and TAG in problem.file and "allowed" in message:
            message += f"; or the survey tool's words ({words}, …; docs/input-format.md §3)"
        value = shown_value(str(problem.column), problem.value)
        if value is None and problem.value is not None:
            message += " (the value is not shown: it is not close to any answer and may be personal data)"
        shown.append(Problem(file, problem.row, column, value, message, problem.severity))
    return list(dict.fromkeys(shown))
