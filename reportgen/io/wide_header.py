"""The header row of a wide export: what every column is (docs/input-format.md §3).

Each header is placed by the analyst's mapping when it lists it, otherwise by rules in a
fixed order: the unit columns, personal data (never read), the tool's own columns, the
area-level questions, and last the insats questions (``wide_match``). Problems name the
header, never a cell: a personal column's values cannot reach a message from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from reportgen.catalog import Catalog
from reportgen.errors import Problem
from reportgen.io.columns import OPTIONAL, header_key
from reportgen.io.mapping import INSATS_QUESTIONS, Mapping, MappingRow
from reportgen.io.wide_match import NameIndex, Placement, match_text
from reportgen.io.wide_words import UNIT_KEYS, area_question, is_code, personal_kind, tool_kind

#: Insatser without a column listed by id in the warning before "… and N more".
_SHOWN = 5


@dataclass(frozen=True)
class Column:
    """What one header holds. ``column`` is the long layout's column it feeds (erbjuden,
    beslut, …, kommunkod, status, …) or None; ``role`` is one of insats, unit, area,
    group, personal, tool, unplaced."""

    position: int
    header: str
    role: str
    column: str | None = None
    insats_id: str | None = None
    huvudgrupp_id: str | None = None
    score: float | None = None
    note: str = ""
    mapping_line: int | None = None


@dataclass(frozen=True)
class WideHeader:
    file: str
    row: int
    area: str | None
    columns: tuple[Column, ...]
    problems: tuple[Problem, ...] = field(default=())

    def of(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]

    def position(self, column: str) -> int | None:
        """The position of the single column feeding a long-layout column (unit, status, …)."""
        found = [c.position for c in self.columns if c.column == column and c.role in ("unit", "area")]
        return found[0] if found else None


@dataclass(frozen=True, eq=False)
class HeaderRules:
    catalog: Catalog
    names: NameIndex
    mapping: Mapping | None = None

    def place(self, file: str, headers: list[str], row: int) -> WideHeader | None:
        """The wide header of a table, or None when the table is not a wide export."""
        columns: list[Column] = []
        pending: list[tuple[int, str]] = []
        for position, header in enumerate(headers):
            if not header.strip() or header.startswith("Unnamed:"):
                continue
            mapped = self.mapping.lookup(file, header) if self.mapping else None
            if mapped is not None:
                columns.append(_from_mapping(position, header, mapped))
                continue
            column = _by_rule(position, header)
            if column is None:
                pending.append((position, header))
            else:
                columns.append(column)
        mapped_areas = {str(self.catalog.table.at[c.insats_id, "area"]) for c in columns if c.insats_id}
        votes = self.names.area_votes([h for _, h in pending]) if pending else {}
        problems: list[Problem] = []
        if not (votes or mapped_areas):
            if not _looks_wide(columns, pending):
                return None
            codes = [h for _, h in pending if is_code(h)]
            message = "no column could be placed as an insats question"
            if codes:
                message = (
                    f"{len(codes)} headers are only question codes of the survey tool ({', '.join(codes[:3])}, …): "
                    "write a mapping with `reportgen map --data …`, fill in insats_id and question, and pass "
                    "--mapping"
                )
            problems.append(Problem(file, row, None, None, f"wide export: {message}"))
            return WideHeader(file, row, None, _with_unplaced(columns, pending), tuple(problems))
        if len(mapped_areas) > 1:
            problems.append(
                Problem(
                    file, row, None, None, f"the mapping places insatser of several areas here: {_join(mapped_areas)}"
                )
            )
            return WideHeader(file, row, None, _with_unplaced(columns, pending), tuple(problems))
        area = next(iter(mapped_areas)) if mapped_areas else max(votes, key=lambda a: votes[a])
        placements = self.names.place([h for _, h in pending], area) if pending else []
        for (position, header), placement in zip(pending, placements, strict=True):
            column, problem = self._insats_column(file, row, position, header, placement, area)
            columns.append(column)
            if problem is not None:
                problems.append(problem)
        columns = [
            self._group(c, area) if c.role == "area" and c.column == "huvudgrupper_utan_beslut" else c for c in columns
        ]
        columns.sort(key=lambda c: c.position)
        problems += _header_problems(file, row, columns, area, self.catalog)
        return WideHeader(file, row, area, tuple(columns), tuple(problems))

    def _insats_column(
        self, file: str, row: int, position: int, header: str, placement: Placement, area: str
    ) -> tuple[Column, Problem | None]:
        table = self.catalog.table
        if placement.insats_id is not None:
            label = str(table.at[placement.insats_id, "label"])
            how = "a shortened name" if placement.shortened else f"a close match, score {placement.score:.0f}"
            note = "" if placement.exact else f"check: {how} for '{label}'"
            column = Column(
                position, header, "insats", placement.column, placement.insats_id, score=placement.score, note=note
            )
            if placement.exact:
                return column, None
            message = (
                f"read as {placement.insats_id} '{label}', question {placement.column} ({how}); check it, or map "
                "the column (reportgen map)"
            )
            return column, Problem(file, row, header, None, message, "warning")
        if placement.candidates:
            options = " or ".join(f"{i} '{table.at[i, 'label']}'" for i in placement.candidates)
            message = f"ambiguous header: {placement.problem}: {options}; write the name out or map the column"
            note = "ambiguous: " + " | ".join(f"{i} {table.at[i, 'label']}" for i in placement.candidates)
            return Column(position, header, "unplaced", note=note), Problem(file, row, header, None, message)
        elsewhere = self._other_area(header, area)
        if elsewhere:
            message = f"names an insats of '{elsewhere}', but the file's insatser are of '{area}'; one file per area"
            return Column(position, header, "unplaced", note=message), Problem(file, row, header, None, message)
        if is_code(header):
            message = "a question code of the survey tool, not placed: map it (reportgen map, then --mapping)"
            return Column(position, header, "unplaced", note="unmatched: a question code"), Problem(
                file, row, header, None, message, "warning"
            )
        hints = " or ".join(f"{i} '{table.at[i, 'label']}'" for i in placement.hints)
        hint = f"; closest insatser: {hints}" if hints else ""
        note = f"unmatched{hint}"
        return Column(position, header, "unplaced", note=note), Problem(
            file, row, header, None, f"unknown column, ignored{hint}", "warning"
        )

    def _other_area(self, header: str, area: str) -> str | None:
        for other in self.catalog.areas:
            if other != area and self.names.place([header], other)[0].insats_id is not None:
                return other
        return None

    def _group(self, column: Column, area: str) -> Column:
        """A huvudgrupp question: one column per huvudgrupp (the option's name in its
        header) or one column for all (names or numbers separated by `|` or `;`)."""
        if column.huvudgrupp_id is not None:
            return column
        groups = self.catalog.huvudgrupper(area)
        text = match_text(column.header)
        for number, name in zip(groups["huvudgrupp_id"], groups["huvudgrupp"], strict=True):
            key = match_text(name)
            if (
                f" {key} " in f" {text} "
                or fuzz.partial_ratio(key, text) >= 95
                or f" {number} " in f" {column.header} "
            ):
                return Column(column.position, column.header, "group", column.column, huvudgrupp_id=number)
        return column


def _with_unplaced(columns: list[Column], pending: list[tuple[int, str]]) -> tuple[Column, ...]:
    """The columns with the headers left undecided, for the draft mapping to list."""
    unplaced = [
        Column(position, header, "unplaced", note="unmatched: a question code" if is_code(header) else "unmatched")
        for position, header in pending
    ]
    return tuple(sorted([*columns, *unplaced], key=lambda c: c.position))


def _from_mapping(position: int, header: str, row: MappingRow) -> Column:
    note = f"mapping row {row.line}"
    if row.question == "personal":
        return Column(position, header, "personal", note=note, mapping_line=row.line)
    if row.question == "ignore":
        return Column(position, header, "tool", note=note, mapping_line=row.line)
    if row.question in INSATS_QUESTIONS:
        return Column(position, header, "insats", row.question, row.insats_id, None, 100.0, note, row.line)
    if row.question == "huvudgrupper_utan_beslut" and row.huvudgrupp_id:
        return Column(
            position, header, "group", row.question, huvudgrupp_id=row.huvudgrupp_id, note=note, mapping_line=row.line
        )
    role = "unit" if row.question in ("kommunkod", "kommun") else "area"
    return Column(position, header, role, row.question, note=note, mapping_line=row.line)


def _by_rule(position: int, header: str) -> Column | None:
    """Every column but the insats questions, placed by its header's words."""
    unit = UNIT_KEYS.get(header_key(header))
    if unit is not None:
        return Column(position, header, "unit", unit)
    personal = personal_kind(header)
    if personal is not None:
        return Column(position, header, "personal", note=f"personal data: {personal}; never read")
    tool = tool_kind(header)
    if tool == "status":
        return Column(position, header, "area", "status", note="the tool's completion status")
    if tool is not None:
        return Column(position, header, "tool", note=f"the survey tool's {tool} column; not read")
    question = area_question(header)
    if question is not None:
        return Column(position, header, "area", question)
    return None


def _looks_wide(columns: list[Column], pending: list[tuple[int, str]]) -> bool:
    """A table with personal or tool columns, or many question codes, is a wide export
    even when no insats question could be placed (it then gets a clear error)."""
    if any(c.role in ("personal", "tool") for c in columns):
        return True
    return sum(is_code(h) for _, h in pending) >= 3


def _header_problems(file: str, row: int, columns: list[Column], area: str, catalog: Catalog) -> list[Problem]:
    problems = []
    seen: dict[tuple, Column] = {}
    for column in columns:
        if column.role not in ("insats", "unit", "area", "group"):
            continue
        key = (column.column, column.insats_id, column.huvudgrupp_id)
        if key in seen:
            what = f"{column.insats_id} {column.column}" if column.insats_id else str(column.column)
            message = f"ambiguous header: '{what}' is also in column '{seen[key].header}'; map one of them"
            problems.append(Problem(file, row, column.header, None, message))
        else:
            seen[key] = column
    present = {c.column for c in columns if c.role in ("unit", "area")}
    if not present & {"kommunkod", "kommun"}:
        problems.append(
            Problem(file, row, None, None, "wide export: no kommunkod or kommun column (which unit answered)")
        )
    if "status" not in present:
        problems.append(
            Problem(file, row, None, None, "wide export: no status column (the tool's completion status: Slutförd, …)")
        )
    insatser = [c for c in columns if c.role == "insats"]
    fed = present | {c.column for c in columns if c.role in ("group", "insats")}
    problems += [
        Problem(
            file, row, column, None, f"no column for this question, so every answer to it is blank: {shown}", "warning"
        )
        for kind in ("area", "insats")
        for column, shown in OPTIONAL[kind].items()
        if column not in fed
    ]
    offered = {c.insats_id for c in insatser if c.column == "erbjuden"}
    for insats_id in dict.fromkeys(c.insats_id for c in insatser if c.insats_id not in offered):
        headers = [c.header for c in insatser if c.insats_id == insats_id]
        problems.append(
            Problem(
                file,
                row,
                headers[0],
                None,
                f"follow-up columns of {insats_id} but no column for whether it was offered (erbjuden); "
                "its follow-ups would all be ignored",
            )
        )
    given = {c.insats_id for c in insatser}
    missing = [i for i in catalog.area(area)["insats_id"] if i not in given]
    if missing and insatser:
        shown = ", ".join(f"{i} '{catalog.table.at[i, 'label']}'" for i in missing[:_SHOWN])
        more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
        problems.append(
            Problem(
                file,
                row,
                None,
                None,
                f"no column for {len(missing)} insats(er) of '{area}': {shown}{more}; they count as not answered",
                "warning",
            )
        )
    return problems


def _join(items: set[str] | list[str]) -> str:
    return ", ".join(sorted(items))
