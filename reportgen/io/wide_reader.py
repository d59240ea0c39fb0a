"""Collects the wide exports among a check's tables (the hook ``validate.check`` calls).

A table is taken as wide when its header is not the long layout's (insats answers, or area
answers with område and status) and holds insats questions (or, with none placed, the
tool's or personal columns or question codes, so the user gets the wide export's message).
"""

from __future__ import annotations

import pandas as pd

from reportgen.catalog import Catalog
from reportgen.errors import Problem
from reportgen.io.mapping import Mapping
from reportgen.io.read import RawTable
from reportgen.io.wide import find_wide, read_wide, unmask
from reportgen.io.wide_header import HeaderRules, WideHeader
from reportgen.io.wide_match import NameIndex


class WideReader:
    """Wide tables of one check as long-layout parts, their problems and the way back from
    the long layout's column names to the user's headers."""

    def __init__(self, catalog: Catalog, mapping: Mapping | None = None):
        self.catalog = catalog
        self.mapping = mapping
        self.rules = HeaderRules(catalog, NameIndex(catalog), mapping)
        self.area_parts: list[pd.DataFrame] = []
        self.insats_parts: list[pd.DataFrame] = []
        self._problems: list[Problem] = []
        self._headers: dict[tuple[str, str], str] = {}
        self._used: set[int] = set()

    def wide_header(self, raw: RawTable) -> tuple[RawTable, WideHeader] | None:
        """The table and its wide header when ``raw`` is a wide export; None leaves it to the
        long layout."""
        return find_wide(raw, self.rules)

    def take(self, raw: RawTable) -> bool:
        """Read ``raw`` if it is a wide export (True), else leave it to the long layout."""
        found = self.wide_header(raw)
        if found is None:
            return False
        table, wide = found
        self._used |= {c.mapping_line for c in wide.columns if c.mapping_line is not None}
        self._problems += wide.problems
        if wide.area is None or any(p.severity == "error" for p in wide.problems):
            return True
        result = read_wide(table, wide, self.catalog)
        self._problems += result.problems
        self._headers.update(result.headers)
        self.area_parts.append(result.areas)
        if len(result.insatser):
            self.insats_parts.append(result.insatser)
        return True

    @property
    def problems(self) -> list[Problem]:
        """Problems of the wide tables, and a warning for each mapping row no header used."""
        unused = []
        if self.mapping is not None:
            for row in self.mapping.rows:
                if row.line not in self._used:
                    where = f" of {row.file}" if row.file else ""
                    unused.append(
                        Problem(
                            self.mapping.source,
                            row.line,
                            "header",
                            row.header,
                            f"no column{where} has this header; the row was not used",
                            "warning",
                        )
                    )
        return self._problems + unused

    def unmask(self, problems: list[Problem]) -> list[Problem]:
        return unmask(problems, self._headers)
