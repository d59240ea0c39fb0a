"""Problems as the user reads them: grouped, errors first, capped (issue 2 item 5).

A misspelt answer in a 100 000-row export would otherwise print 100 000 lines; rows that
share file, column, value and message are shown as one line listing the rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportgen.errors import Problem, ReportgenError, ValidationError

#: Groups shown of each severity before "… and N more" (warnings are never crowded out).
LIMIT = 30
WARNING_LIMIT = 10
_ROWS_SHOWN = 8


def group_problems(problems: Sequence[Problem]) -> list[tuple[Problem, list[int]]]:
    """(first problem, rows) per distinct severity, file, column, value and message."""
    groups: dict[tuple, tuple[Problem, list[int]]] = {}
    for problem in problems:
        key = (problem.severity, problem.file, problem.column, problem.value, problem.message)
        if key not in groups:
            groups[key] = (problem, [])
        if problem.row is not None:
            groups[key][1].append(problem.row)
    ordered = list(groups.values())
    return [g for g in ordered if g[0].severity == "error"] + [g for g in ordered if g[0].severity != "error"]


def format_group(problem: Problem, rows: list[int]) -> str:
    where = problem.file
    if len(rows) == 1:
        where += f", row {rows[0]}"
    elif rows:
        shown = ", ".join(str(r) for r in rows[:_ROWS_SHOWN])
        more = f" and {len(rows) - _ROWS_SHOWN} more" if len(rows) > _ROWS_SHOWN else ""
        where += f", rows {shown}{more}"
    if problem.column:
        where += f", column '{problem.column}'"
    found = f": found {problem.value!r}" if problem.value is not None else ""
    return f"{problem.severity}: {where}{found}: {problem.message}"


def format_problems(problems: Sequence[Problem], limit: int = LIMIT, warning_limit: int = WARNING_LIMIT) -> list[str]:
    """Summary line, then one line per group, errors first, each severity capped with a
    count of what was left out."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    lines = [f"{errors} error(s) and {warnings} warning(s) in the answer files:"]
    groups = group_problems(problems)
    for severity, cap in (("error", limit), ("warning", warning_limit)):
        mine = [g for g in groups if (g[0].severity == "error") == (severity == "error")]
        lines += ["  " + format_group(problem, rows) for problem, rows in mine[:cap]]
        if len(mine) > cap:
            rest = sum(max(1, len(rows)) for _, rows in mine[cap:])
            lines.append(f"  … and {rest} more {severity}(s) not shown")
    return lines


class AnswerFileError(ValidationError):
    """A ValidationError whose message is the grouped, capped list (it carries every problem)."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        ReportgenError.__init__(self, "\n".join(format_problems(self.problems)))
