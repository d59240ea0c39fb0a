"""The two tables of an area: insatser × municipalities, and the follow-up answers.

Layout choice (issue 5 item 2, issue 9 item 4): the follow-ups are *not* extra columns
per municipality (five more columns for each of up to 49 municipalities would make a
sheet of ~300 columns that no filter can tame), but a long table on a sheet of its own:
one row per municipality × offered insats, one column per follow-up question. Both
sheets then hold exactly one Excel table with one header row, and a user filters the
follow-ups by municipality, insats or answer with the table's own filter buttons.

Figures (shares, counts) come from the metrics layer; this module only arranges them
and turns answer codes into words.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable

import pandas as pd

from reportgen.metrics.model import Scope
from reportgen.metrics.offer import insats_table
from reportgen.metrics.scope import AreaTables
from reportgen.survey import OFFERED, RESPONDING, Survey
from reportgen.workbook import texts
from reportgen.workbook.model import Cell, Column

#: The insats first: it names the row and stays in view when scrolling right.
INSATS_COLUMNS = (
    Column("Insats"),
    Column("Insats-id"),
    Column("Huvudgrupp"),
    Column("Underrubrik"),
    Column("Målgrupp"),
)


def unit_headers(units: pd.DataFrame, taken: Iterable[str]) -> list[str]:
    """Column headers for the units: the name, with the code added where a name would
    repeat (Excel needs unique headers, compared without case)."""
    used = {t.casefold() for t in taken}
    names = [str(n) for n in units["name"]]
    folded = [n.casefold() for n in names]
    headers = []
    for rid, name, key in zip(units.index, names, folded, strict=True):
        header = name if folded.count(key) == 1 and key not in used else f"{name} ({rid})"
        used.add(header.casefold())
        headers.append(header)
    return headers


def _share(value: float) -> Cell:
    return texts.NOT_APPLICABLE if value is None or math.isnan(value) else float(value)


def _subheading(value: object) -> str:
    """Many insatser sit directly under their huvudgrupp: ``[z]``, never a blank cell."""
    return texts.NOT_APPLICABLE if pd.isna(value) or not str(value).strip() else str(value)


def insats_columns(area_tables: AreaTables) -> list[list[Cell]]:
    """The five describing columns of every insats of the area, catalog order."""
    return [
        [
            str(r.label),
            str(r.insats_id),
            f"{r.huvudgrupp_id} {r.huvudgrupp}",
            _subheading(r.subheading),
            texts.TARGETS.get(r.target, str(r.target)),
        ]
        for r in area_tables.insatser.itertuples(index=False)
    ]


def share_columns(tables: AreaTables, suffix: str) -> tuple[list[Column], list[list[Cell]]]:
    """Andel, antal erbjuder, antal svarat for one scope (``suffix`` "länet" / "riket")."""
    table = insats_table(tables)
    columns = [
        Column(f"Andel {suffix}", "share", "figure"),
        Column(f"Antal erbjuder {suffix}", "int", "figure"),
        Column(f"Antal svarat {suffix}", "int", "figure"),
    ]
    cells = [
        [_share(share), int(offered), int(answered)]
        for share, offered, answered in zip(table["share"], table["offered"], table["answered"], strict=True)
    ]
    return columns, cells


def county_share_columns(per_county: list[tuple[Scope, AreaTables]]) -> tuple[list[Column], list[list[Cell]]]:
    """Riket's workbook: one share column per county, in register order."""
    columns = [Column(scope.name, "share", "unit") for scope, _ in per_county]
    shares = [insats_table(tables)["share"].to_numpy() for _, tables in per_county]
    n = len(per_county[0][1].insatser) if per_county else 0
    cells = [[_share(column[i]) for column in shares] for i in range(n)]
    return columns, cells


def scope_answers(
    survey: Survey, scope: Scope, units: Collection[str] | None = None, within: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The answer rows of the scope's units, or of only ``units`` of them (cut once; each
    area then cuts this): a workbook for one municipality shows no other unit's answers,
    so the tables of its areas are made from its own rows alone. ``within`` (rows of the
    survey's answers that hold all of these, such as the scope's) is cut instead of the
    whole survey: the same rows, in the same order."""
    wanted = survey.register.units_of(scope.code).index
    if units is not None:
        wanted = wanted[wanted.astype(str).isin(list(units))]
    rows = survey.answers if within is None else within
    return rows[rows["respondent_id"].isin(wanted)]


def answer_columns(rows: pd.DataFrame, tables: AreaTables, units: pd.DataFrame) -> list[list[Cell]]:
    """Each unit's readable answer per insats (rows catalog order, columns ``units``);
    ``[x]`` where the question is blank, ``[w]`` in the column of a unit that has not
    started the area. ``rows`` comes from ``responding_answers`` (one row per pair).

    A lookup per (insats, unit) rather than a pandas pivot: a municipality's own
    workbook has one column, where the pivot's fixed cost was most of the time (issue 19)."""
    offered = dict(zip(zip(rows["insats_id"], rows["respondent_id"], strict=True), rows["offered"], strict=True))
    columns = [
        (rid, texts.NOT_AVAILABLE if status in RESPONDING else texts.AREA_NOT_ANSWERED)
        for rid, status in zip(units.index, units["status"], strict=True)
    ]
    words = texts.OFFERED_SHORT
    return [
        [words.get(offered.get((iid, rid)), blank) for rid, blank in columns]  # type: ignore[arg-type]
        for iid in tables.insatser.index
    ]


def follow_up_columns() -> list[Column]:
    """Municipality and insats name the row; each ordered answer has a number beside it
    that sorts in the answer's natural order (issue 16 item 4)."""
    headers = texts.FOLLOW_UP_HEADERS
    return [
        Column("Kommun"),
        Column("Insats"),
        Column("Kommunkod"),
        Column("Insats-id"),
        Column("Huvudgrupp"),
        Column("Svar"),
        Column(headers["beslut"]),
        Column(headers["regi"]),
        Column(headers["form"]),
        Column(headers["individuals"]),
        Column("Individer, minst", "int", "sort"),
        Column(headers["trend"]),
        Column("Utveckling, riktning", "int", "sort"),
    ]


def follow_up_rows(rows: pd.DataFrame, tables: AreaTables, units: pd.DataFrame) -> list[tuple[Cell, ...]]:
    """One row per unit (in ``units`` order) × offered insats (catalog order), each
    follow-up answer in words, ``[x]`` where blank (SPEC §4: asked only when offered).
    ``rows`` comes from ``responding_answers``.

    Plain lookups row by row rather than a pandas ``map`` per column: a municipality's
    own workbook has a few hundred such rows per area, where pandas' fixed cost per call
    was most of the time (issue 19); a county's few thousand take as long either way."""
    rows = rows[rows["offered"].isin(OFFERED) & rows["respondent_id"].isin(units.index)]
    if rows.empty:
        return []
    insatser = tables.insatser
    rank = {rid: i for i, rid in enumerate(units.index)}
    names = units["name"].to_dict()
    labels = insatser["label"].to_dict()
    order = insatser["order"].to_dict()
    groups = (insatser["huvudgrupp_id"] + " " + insatser["huvudgrupp"]).to_dict()
    numbers = {"individuals": texts.INDIVIDUALS_LOWER, "trend": texts.TREND_DIRECTION}
    fields = list(texts.FOLLOW_UPS)
    columns = {c: rows[c].tolist() for c in ("respondent_id", "insats_id", "offered", *fields)}
    ids, insats_ids = columns["respondent_id"], columns["insats_id"]
    out: list[tuple[Cell, ...]] = []
    for i in sorted(range(len(ids)), key=lambda i: (rank[ids[i]], order[insats_ids[i]])):
        rid, iid = ids[i], insats_ids[i]
        row: list[Cell] = [names[rid], labels[iid], rid, iid, groups[iid], texts.OFFERED[columns["offered"][i]]]
        for field in fields:
            answer = columns[field][i]
            blank = _blank(answer)
            row.append(texts.NOT_AVAILABLE if blank else texts.FOLLOW_UPS[field].get(answer, texts.NOT_AVAILABLE))
            if field in numbers:
                # "Vet ej" has no number ([z]); a blank answer has none either ([x]).
                bound = None if blank else numbers[field].get(answer)
                row.append(texts.NOT_AVAILABLE if blank else texts.NOT_APPLICABLE if bound is None else _whole(bound))
        out.append(tuple(row))
    return out


def _blank(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _whole(value: object) -> Cell:
    return int(value) if isinstance(value, int | float) else str(value)
