"""Errors a user can cause, in the user's terms.

The CLI prints these without a traceback and exits 2 (see DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass


class ReportgenError(Exception):
    """Base class of every error caused by input, options or environment."""


@dataclass(frozen=True)
class Problem:
    """One finding about an input file: where it is, what was found, what was allowed."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        found = f": found {self.value!r}" if self.value is not None else ""
        return f"{where}{found}: {self.message}"


class ValidationError(ReportgenError):
    """Input files have errors; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        lines = [f"{len(errors)} error(s) in the input:"] + [f"  - {p}" for p in problems]
        super().__init__("\n".join(lines))


class UnknownCountyError(ReportgenError):
    """A county name, code or slug that matches no county."""


class UnknownUnitError(ReportgenError):
    """A municipality (or city district) name or code that matches no unit of the county."""
