"""Mapping files: the analyst's word on which question a wide export's column holds.

``reportgen map`` writes a draft (every header with the insats and question the rules
found, the match score and a note), the analyst checks and corrects it, and ``--mapping
FILE`` makes every command read the export through it (docs/input-format.md §4). A row of
the mapping decides its header outright; headers it does not list are placed by the
rules. YAML (``.yaml``/``.yml``) and CSV or Excel (any answer-file format) are read; the
mapping is checked as thoroughly as answer files, every problem at once.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import yaml

from reportgen.catalog import Catalog
from reportgen.errors import Problem
from reportgen.io.columns import FOLLOW_UPS, header_key
from reportgen.io.insatser import InsatsMatcher
from reportgen.io.read import read_file
from reportgen.text import closest

#: Questions about one insats: the long layout's insats columns.
INSATS_QUESTIONS = ("erbjuden", *FOLLOW_UPS)
#: Columns about the unit and the area survey as a whole.
AREA_QUESTIONS = (
    "kommunkod",
    "kommun",
    "status",
    "ytterligare_insatser",
    "vill_ge_utan_beslut",
    "huvudgrupper_utan_beslut",
)
#: "personal": never read (name, e-mail, IP, free text); "ignore": read for nothing.
OTHER_QUESTIONS = ("personal", "ignore")
QUESTIONS = (*INSATS_QUESTIONS, *AREA_QUESTIONS, *OTHER_QUESTIONS)
FIELDS = ("file", "header", "insats_id", "question", "huvudgrupp_id", "score", "catalog_name", "note")

_HEAD = (
    "# reportgen mapping: which question each column of a wide export holds (docs/input-format.md §4).\n"
    "# Check every row whose note says 'check', 'ambiguous' or 'unmatched': fill in insats_id and question\n"
    "# (erbjuden, beslut, regi, form, individer, utveckling), or set question to 'ignore' or 'personal'.\n"
    "# Then run: reportgen validate --data EXPORT --mapping THIS_FILE. score and note are not read.\n"
)


@dataclass(frozen=True)
class MappingRow:
    """One decided header. ``line`` is where the analyst finds it in the mapping file."""

    line: int
    file: str | None
    header: str
    question: str
    insats_id: str | None = None
    huvudgrupp_id: str | None = None


def header_text_key(text: str) -> str:
    """Headers are looked up ignoring case and runs of spaces; "Q1_23" and "Q12_3" stay apart."""
    return re.sub(r"\s+", " ", str(text).strip()).casefold()


@dataclass(frozen=True, eq=False)
class Mapping:
    source: str
    rows: tuple[MappingRow, ...]

    @cached_property
    def _by_header(self) -> dict[str, list[MappingRow]]:
        index: dict[str, list[MappingRow]] = {}
        for row in self.rows:
            index.setdefault(header_text_key(row.header), []).append(row)
        return index

    def lookup(self, file: str, header: str) -> MappingRow | None:
        """The row for a header of ``file`` (a table label as in messages: "x.xlsx [Blad1]");
        a row naming the file wins over one for any file."""
        names = {file.casefold(), re.sub(r"\s*\[.*\]$", "", file).casefold()}
        rows = self._by_header.get(header_text_key(header), [])
        named = [r for r in rows if r.file is not None and r.file.casefold() in names]
        general = [r for r in rows if r.file is None]
        return (named or general or [None])[0]


def read_mapping(path: Path, catalog: Catalog) -> tuple[Mapping | None, list[Problem]]:
    """The mapping in ``path`` and every problem in it (None when it cannot be used)."""
    name = path.name
    if not path.is_file():
        return None, [Problem(str(path), None, None, None, "--mapping: no such file")]
    if path.suffix.lower() in (".yaml", ".yml"):
        records, problems = _yaml_records(path)
    else:
        records, problems = _table_records(path)
    rows, found = _checked(name, records, catalog)
    problems += found
    if any(p.severity == "error" for p in problems):
        return None, problems
    return Mapping(name, tuple(rows)), problems


def _yaml_records(path: Path) -> tuple[list[tuple[int, dict[str, str | None]]], list[Problem]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        reason = str(exc).splitlines()[0]
        mark = getattr(exc, "problem_mark", None)  # where PyYAML stopped: 0-based line
        line = None if mark is None else mark.line + 1
        problem = getattr(exc, "problem", None)
        reason = f"{reason} ({problem})" if problem and problem not in reason else reason
        return [], [Problem(path.name, line, None, None, f"cannot read the mapping: {reason}")]
    entries = data.get("columns") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        return [], [Problem(path.name, None, None, None, "a mapping is a list of columns under 'columns:'")]
    records, problems = [], []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(Problem(path.name, number, None, None, "each column is a set of 'header: …' and so on"))
            continue
        records.append((number, {str(k): _text(v) for k, v in entry.items()}))
    return records, problems


def _table_records(path: Path) -> tuple[list[tuple[int, dict[str, str | None]]], list[Problem]]:
    tables, problems = read_file(path)
    if problems or not tables:
        return [], problems or [Problem(path.name, None, None, None, "the mapping file is empty")]
    table = tables[0]
    by_key = {header_key(f): f for f in FIELDS}
    fields = {position: by_key.get(header_key(h)) for position, h in enumerate(table.headers)}
    records = []
    for index, row in enumerate(table.rows):
        cells = table.cells.iloc[index]
        record = {f: _text(cells.get(p)) for p, f in fields.items() if f is not None}
        records.append((int(row), record))
    return records, []


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    text = str(value).strip()
    return text or None


def _checked(name: str, records: list[tuple[int, dict[str, str | None]]], catalog: Catalog) -> tuple[list, list]:
    """Rows the analyst decided (a question given), and a problem for each wrong one."""
    matcher = InsatsMatcher(catalog)
    groups = set(catalog.table["huvudgrupp_id"])
    rows: list[MappingRow] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    for line, record in records:
        header, question = record.get("header"), record.get("question")
        insats_id, group = record.get("insats_id"), record.get("huvudgrupp_id")
        if header is None:
            if any(record.values()):
                problems.append(Problem(name, line, "header", None, "a row needs the header it is about"))
            continue
        if question is None:
            if insats_id is not None:
                problems.append(
                    Problem(
                        name, line, "question", None, f"say which question of {insats_id}: {_list(INSATS_QUESTIONS)}"
                    )
                )
            continue  # an undecided row of the draft: the rules place the header
        question = question.lower()
        if question not in QUESTIONS:
            hints = closest(question, list(QUESTIONS))
            hint = f" (did you mean {hints[0]}?)" if hints else ""
            problems.append(Problem(name, line, "question", question, f"allowed: {_list(QUESTIONS)}{hint}"))
            continue
        if question in INSATS_QUESTIONS:
            if insats_id is None:
                problems.append(Problem(name, line, "insats_id", None, f"question '{question}' needs the insats_id"))
                continue
            found = matcher.find(insats_id, None, None)
            if found.insats_id is None:
                problems.append(Problem(name, line, "insats_id", insats_id, str(found.message)))
                continue
            insats_id = found.insats_id
        else:
            insats_id = None
        if group is not None and (question != "huvudgrupper_utan_beslut" or group.replace(",", ".") not in groups):
            message = (
                f"unknown huvudgrupp; e.g. {', '.join(sorted(groups)[:3])}, …"
                if question == "huvudgrupper_utan_beslut"
                else "huvudgrupp_id belongs with question 'huvudgrupper_utan_beslut'"
            )
            problems.append(Problem(name, line, "huvudgrupp_id", group, message))
            continue
        key = ((record.get("file") or "").casefold(), header_text_key(header))
        if key in seen:
            problems.append(
                Problem(name, line, "header", header, f"this header is mapped twice (also row {seen[key]})")
            )
            continue
        seen[key] = line
        group = group.replace(",", ".") if group else None
        rows.append(MappingRow(line, record.get("file"), header, question, insats_id, group))
    return rows, problems


def _list(items: tuple[str, ...]) -> str:
    return ", ".join(items)


class _Dumper(yaml.SafeDumper):
    """Writes a blank for "not set" (``header:`` with nothing after it), as an analyst types it."""


_Dumper.add_representer(type(None), lambda dumper, _: dumper.represent_scalar("tag:yaml.org,2002:null", ""))
#: Always written in YAML; the other fields only when they say something.
_ALWAYS = ("file", "header", "insats_id", "question")


def mapping_bytes(entries: list[dict[str, object]], suffix: str) -> bytes:
    """The draft as YAML (``.yaml``/``.yml``) or `;`-separated UTF-8 CSV with BOM (Excel
    opens it with å/ä/ö right)."""
    rows = [{f: entry.get(f) for f in FIELDS} for entry in entries]
    if suffix.lower() in (".yaml", ".yml"):
        short = [{f: v for f, v in row.items() if f in _ALWAYS or v is not None} for row in rows]
        body = yaml.dump({"columns": short}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
        return (_HEAD + body).encode("utf-8")
    buffer = io.StringIO()
    pd.DataFrame(rows, columns=list(FIELDS)).to_csv(buffer, sep=";", index=False, lineterminator="\n")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
