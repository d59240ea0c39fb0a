"""Check a folder or file of answers completely and build the Survey (SPEC §4).

Every problem is collected before anything is decided — unreadable files, headers, units,
insatser, answer texts, duplicates — so the user fixes everything in one round.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from reportgen.catalog import Catalog
from reportgen.errors import Problem
from reportgen.io.area_rows import check_areas
from reportgen.io.columns import AREA_COLUMNS, INSATS_COLUMNS, Header, recognise
from reportgen.io.insats_rows import check_answers
from reportgen.io.insatser import InsatsMatcher
from reportgen.io.mapping import Mapping
from reportgen.io.read import EMPTY, NO_ROWS, RawTable, read_answer_files
from reportgen.io.respondents import RespondentMatcher
from reportgen.io.wide_reader import WideReader
from reportgen.register import Register
from reportgen.survey import RESPONDING, Survey

#: Lines above the header row that are skipped when looking for it.
_TITLE_ROWS = 5
_IGNORED_SHEET = "worksheet ignored: no header of area answers or insats answers in its first rows"


@dataclass(frozen=True, eq=False)
class Checked:
    """The outcome of a check: the Survey when there is no error, and every problem."""

    survey: Survey | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity != "error")


def check(
    path: Path, catalog: Catalog, register: Register, *, synthetic: bool = False, mapping: Mapping | None = None
) -> Checked:
    """Read and validate everything under ``path``; never raises for bad user data.

    Wide exports (one row per unit, docs/input-format.md §3) are reshaped into the long
    layout's tables first, so both layouts go through the same checks."""
    tables, problems = read_answer_files(path)
    area_parts: list[pd.DataFrame] = []
    insats_parts: list[pd.DataFrame] = []
    wide = WideReader(catalog, mapping)
    for raw in tables:
        if wide.take(raw):
            continue
        table, header = _with_header(raw)
        if header.kind is None and table.sheet is not None:
            # Workbooks often carry an explanation sheet beside the answers.
            problems.append(Problem(table.file, None, None, None, _IGNORED_SHEET, "warning"))
            continue
        problems += header.problems
        if header.kind is None or any(p.severity == "error" for p in header.problems):
            continue
        problems += _headless_cells(table)
        columns = AREA_COLUMNS if header.kind == "area" else INSATS_COLUMNS
        part = _named(table, header.rename, columns)
        (area_parts if header.kind == "area" else insats_parts).append(part)
    area_parts += wide.area_parts
    insats_parts += wide.insats_parts
    problems += wide.problems
    if not (area_parts or insats_parts) and not any(p.severity == "error" for p in problems):
        problems.append(Problem(str(path), None, None, None, "no table of area or insats answers found"))
    units = RespondentMatcher(register)
    insatser = InsatsMatcher(catalog)
    responses, wish_groups, found = check_areas(_combined(area_parts, AREA_COLUMNS), units, insatser)
    problems += found
    answers, found = check_answers(_combined(insats_parts, INSATS_COLUMNS), units, insatser)
    problems += found
    if not any(p.message.startswith((EMPTY, NO_ROWS)) for p in problems):
        # An empty answer file is the likelier cause of missing area rows: fixing it
        # comes first, and a warning per area would only repeat it.
        problems += _without_status(responses, answers, register)
    problems = _in_file_order(wide.unmask(problems), [t.file for t in tables])
    if any(p.severity == "error" for p in problems):
        return Checked(None, tuple(problems))
    survey = Survey(catalog, register, responses, wish_groups, answers, synthetic=synthetic)
    return Checked(survey, tuple(problems))


def _with_header(table: RawTable) -> tuple[RawTable, Header]:
    """The table and its recognised header; a title line or two above the header row
    (common in exports from survey tools) is skipped."""
    header = recognise(table.file, table.headers, table.header_row)
    for position in range(min(_TITLE_ROWS, len(table.cells))):
        if header.kind is not None:
            break
        shifted = table.header_at(position)
        candidate = recognise(shifted.file, shifted.headers, shifted.header_row)
        if candidate.kind is not None:
            return shifted, candidate
    return table, header


def _headless_cells(table: RawTable) -> list[Problem]:
    """Values under a blank header cell: a row longer than the header, or a lost header."""
    problems = []
    for position, header in enumerate(table.headers):
        if header or position not in table.cells:
            continue
        filled = table.cells[position].notna().to_numpy()
        for row, value in zip(table.rows[filled], table.cells[position][filled], strict=True):
            problems.append(
                Problem(table.file, int(row), f"#{position + 1}", str(value), "value in a column without a header")
            )
    return problems


def _named(table: RawTable, rename: dict[int, str], columns: list[str]) -> pd.DataFrame:
    data = {column: table.cells[position] for position, column in rename.items() if position in table.cells}
    frame = pd.DataFrame(data, index=table.cells.index)
    for column in columns:
        if column not in frame:
            frame[column] = pd.Series(np.nan, index=frame.index, dtype="str")
    frame["_file"] = table.file
    frame["_row"] = table.rows
    return frame[[*columns, "_file", "_row"]]


def _combined(parts: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not parts:
        empty = {c: pd.Series([], dtype="str") for c in [*columns, "_file"]}
        return pd.DataFrame({**empty, "_row": pd.Series([], dtype=int)})
    return pd.concat(parts, ignore_index=True)


def _without_status(responses: pd.DataFrame, answers: pd.DataFrame, register: Register) -> list[Problem]:
    """Insats answers from a unit with no area row for that area: it counts as Ej påbörjad
    there (SPEC §4), which is rarely what the sender meant. One warning per area."""
    given = answers[["respondent_id", "area"]].drop_duplicates()
    known = responses[["respondent_id", "area"]].drop_duplicates()
    lonely = given.merge(known, how="left", indicator=True)
    lonely = lonely[lonely["_merge"] == "left_only"]
    problems = []
    for area, group in lonely.groupby("area", sort=False):
        names = [f"{register.units.at[i, 'name']} ({i})" for i in group["respondent_id"]]
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        problems.append(
            Problem(
                "(all files)",
                None,
                "område",
                str(area),
                f"insats answers but no area row (status) for {len(names)} unit(s), which therefore count as "
                f"Ej påbörjad: {shown}",
                "warning",
            )
        )
    return problems


def nothing_to_report(survey: Survey, path: Path) -> list[Problem]:
    """Files that hold headers but no answers would give a report of zeros: no responding
    unit at all is an error; responding units without any insats answer, a warning."""
    responses, answers = survey.responses, survey.answers
    found = []
    if responses.empty or not responses["status"].isin(RESPONDING).any():
        found.append(
            Problem(
                str(path),
                None,
                "status",
                None,
                "no respondent unit has status Påbörjad or Slutförd: there is nothing to report",
            )
        )
    if answers.empty or answers["offered"].notna().sum() == 0:
        found.append(
            Problem(
                str(path),
                None,
                "erbjuden",
                None,
                "no insats answers (Ja, Ja, en lokal variant, Nej, Vet ej) were found: every offered count is 0",
                "warning",
            )
        )
    return found


def _in_file_order(problems: list[Problem], files: list[str]) -> list[Problem]:
    rank = {file: i for i, file in enumerate(dict.fromkeys(files))}
    return sorted(problems, key=lambda p: (rank.get(p.file, len(rank)), p.row or 0))
