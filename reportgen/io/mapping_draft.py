"""The draft mapping ``reportgen map`` writes: every header of every wide export, placed.

Placement is exactly what loading does (``WideReader``), so the draft shows the analyst
what a load would read, and where the rules could not decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.catalog import Catalog
from reportgen.errors import Problem
from reportgen.io.mapping import Mapping
from reportgen.io.read import read_answer_files
from reportgen.io.wide_header import WideHeader
from reportgen.io.wide_reader import WideReader


@dataclass(frozen=True)
class Draft:
    """The rows to write, the wide headers they come from, the files read as the long
    layout (they need no mapping) and the problems found in headers."""

    entries: tuple[dict[str, object], ...]
    headers: tuple[WideHeader, ...]
    long_files: tuple[str, ...]
    problems: tuple[Problem, ...]


def draft_mapping(path: Path, catalog: Catalog, mapping: Mapping | None = None) -> Draft:
    tables, problems = read_answer_files(path)
    reader = WideReader(catalog, mapping)
    headers: list[WideHeader] = []
    long_files: list[str] = []
    for raw in tables:
        found = reader.wide_header(raw)
        if found is None:
            long_files.append(raw.file)
            continue
        headers.append(found[1])
        problems += found[1].problems
    return Draft(tuple(draft_entries(headers, catalog)), tuple(headers), tuple(long_files), tuple(problems))


def draft_entries(headers: list[WideHeader], catalog: Catalog) -> list[dict[str, object]]:
    """One mapping row per column of each wide header, as ``reportgen map`` writes them:
    what the rules (or an earlier mapping) decided, the score and a note for the analyst."""
    labels = catalog.table["label"]
    groups = dict(zip(catalog.table["huvudgrupp_id"], catalog.table["huvudgrupp"], strict=True))
    entries: list[dict[str, object]] = []
    for wide in headers:
        for column in wide.columns:
            question = {"personal": "personal", "tool": "ignore", "unplaced": None}.get(column.role, column.column)
            name = labels.get(column.insats_id) if column.insats_id else groups.get(column.huvudgrupp_id or "")
            entries.append(
                {
                    "file": wide.file,
                    "header": column.header,
                    "insats_id": column.insats_id,
                    "question": question,
                    "huvudgrupp_id": column.huvudgrupp_id,
                    "score": round(column.score) if column.score is not None else None,
                    "catalog_name": name,
                    "note": column.note or None,
                }
            )
    return entries
