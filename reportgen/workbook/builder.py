"""Build the companion workbook of a county, or of Riket (SPEC §1.2, §8c; issues 5 and 9).

Sheets, in order: "Läs mig" (cover: what the workbook is, the county, the survey, the
synthetic-data label), "Innehåll" (a table of every sheet), "Noter" (a table of the
``[note n]`` references and the ``[x]``/``[z]`` shorthand), then for each area a sheet
of insatser × municipalities and, for a county, a sheet of follow-up answers
(``area_tables`` explains that layout). Riket's workbook has one share column per county
instead of the municipalities' answers, and no follow-up sheets (one row per offered
pair of ~290 units would make ~60 000 rows a county analyst has no use for).

The cover and notes sheets together are issue 5's "Läs mig".
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from reportgen.metrics.model import Scope
from reportgen.metrics.scope import AreaTables, SurveyTables, all_scopes, responding_answers
from reportgen.survey import Survey
from reportgen.text import slugify
from reportgen.workbook import texts
from reportgen.workbook.area_tables import (
    INSATS_COLUMNS,
    answer_columns,
    county_share_columns,
    follow_up_columns,
    follow_up_rows,
    insats_columns,
    scope_answers,
    share_columns,
    unit_headers,
    unit_order,
)
from reportgen.workbook.front import assemble, clean_sheet_name, cover_sheet, data_footer, notes_sheet
from reportgen.workbook.model import SHEET_NAME_LIMIT, Column, Sheet, TableData, Workbook


def build_workbook(
    survey: Survey,
    scope: Scope,
    *,
    synthetic: bool,
    tables: SurveyTables | None = None,
    created: datetime | None = None,
) -> Workbook:
    """The workbook model of ``scope``. Pass ``tables`` (prepared once per run) to reuse
    the coded survey across counties; ``created`` pins the document date (reproducible
    files)."""
    tables = tables or SurveyTables.prepare(survey)
    selected = tables.select(scope)
    per_county = _per_county(survey, tables) if scope.is_national else None
    answers = None if scope.is_national else scope_answers(survey, scope)
    names = _SheetNames()
    area_sheets: list[tuple[Sheet, str]] = []
    for area, area_tables in selected.areas.items():
        national = tables.national.areas[area]
        county_tables = None if per_county is None else [(s, d[area]) for s, d in per_county]
        rows = None if answers is None else responding_answers(answers, area_tables)
        sheet = _area_sheet(rows, scope, area_tables, national, county_tables, names, synthetic)
        size = len(area_tables.insatser)
        what = "i riket och i varje län" if scope.is_national else "i länet och riket, och varje kommuns svar"
        area_sheets.append((sheet, f"{texts.area_title(area)}: {size} insatser, andel som erbjuder {what}"))
        if rows is not None:
            follow_up = _follow_up_sheet(rows, scope, area_tables, names, synthetic)
            if follow_up is not None:
                area_sheets.append(
                    (follow_up, f"{texts.area_title(area)}: följdfrågorna för varje kommun och erbjuden insats")
                )
    notes = [n for n in texts.NOTES if not scope.is_national or n[0] not in texts.FOLLOW_UP_NOTES]
    return assemble(
        title=f"Socialtjänstens insatser 2016–2020 – {scope.name}",
        subject=f"{texts.SURVEY}: svar per insats och kommun, {scope.name}",
        keywords="socialtjänst, insatser, kartläggning, " + scope.name,
        cover=_cover(survey, scope, synthetic),
        notes=notes_sheet(notes, texts.SHORTHAND, synthetic=synthetic),
        data=area_sheets,
        cover_entry="Om arbetsboken: vad den innehåller, länet och enkäten",
        notes_entry="Noter: svarskoder, tecken och förkortningar",
        synthetic=synthetic,
        created=created,
    )


def _per_county(survey: Survey, tables: SurveyTables) -> list[tuple[Scope, dict[str, AreaTables]]]:
    return [(scope, tables.select(scope).areas) for scope in all_scopes(survey)[1:]]


class _SheetNames:
    """Unique sheet names within Excel's 31 characters (compared without case)."""

    def __init__(self) -> None:
        self.used = {n.casefold() for n in (texts.COVER_SHEET, texts.CONTENTS_SHEET, texts.NOTES_SHEET)}

    def take(self, *candidates: str) -> str:
        fitting = [c for c in candidates if len(c) <= SHEET_NAME_LIMIT] or [candidates[-1][:SHEET_NAME_LIMIT]]
        base = next((c for c in fitting if c.casefold() not in self.used), fitting[0])
        name, n = base, 2
        while name.casefold() in self.used:
            name = f"{base[: SHEET_NAME_LIMIT - len(str(n)) - 1]} {n}"
            n += 1
        self.used.add(name.casefold())
        return name


def _table_name(prefix: str, area: str) -> str:
    return f"{prefix}_{slugify(area).replace('-', '_')}"


def _area_sheet(
    answers: pd.DataFrame | None,
    scope: Scope,
    tables: AreaTables,
    national: AreaTables,
    per_county: list[tuple[Scope, AreaTables]] | None,
    names: _SheetNames,
    synthetic: bool,
) -> Sheet:
    area = texts.area_title(tables.area)
    columns: list[Column] = list(INSATS_COLUMNS)
    rows = insats_columns(tables)
    blocks = []
    if not scope.is_national:
        blocks.append(share_columns(tables, "länet"))
    blocks.append(share_columns(national, "riket"))
    if per_county is not None:
        blocks.append(county_share_columns(per_county))
        who = "en kolumn per län med andelen kommuner i länet som erbjuder insatsen [note 4]"
    elif answers is not None:
        units = unit_order(tables)
        taken = [c.name for c in columns] + [c.name for block in blocks for c in block[0]]
        headers = unit_headers(units, taken)
        blocks.append(([Column(h) for h in headers], answer_columns(answers, tables, units)))
        who = "en kolumn per kommun med kommunens svar [note 1] [note 2]"
    for block_columns, block_rows in blocks:
        columns.extend(block_columns)
        for row, extra in zip(rows, block_rows, strict=True):
            row.extend(extra)
    where = "riket" if scope.is_national else "länet och riket"
    description = (
        f"En rad per insats ({len(rows)} insatser) i katalogens ordning, grupperade efter huvudgrupp. "
        f"Andel som erbjuder, antal som erbjuder och antal som svarat i {where} [note 4]; därefter {who}.",
        "Tecken efter insatsens namn: * till anhöriga, ** till våldsutövare [note 3]. "
        f"{texts.NOT_AVAILABLE} = uppgift saknas, {texts.NOT_APPLICABLE} = ej tillämpligt (se fliken Noter).",
        *data_footer(synthetic),
    )
    title = f"{area}: insatser som erbjudits 2016–2020, {scope.name}"
    table = TableData(
        name=_table_name("insatser", tables.area),
        columns=tuple(columns),
        rows=tuple(tuple(r) for r in rows),
        summary=title,
    )
    return Sheet(names.take(clean_sheet_name(area)), title, description, table)


def _follow_up_sheet(
    answers: pd.DataFrame, scope: Scope, tables: AreaTables, names: _SheetNames, synthetic: bool
) -> Sheet | None:
    """None when no municipality of the county offers any insats of the area (an Excel
    table needs a body row, and an empty sheet tells nothing)."""
    units = unit_order(tables)
    rows = follow_up_rows(answers, tables, units)
    if not rows:
        return None
    area = clean_sheet_name(texts.area_title(tables.area))
    title = f"{texts.area_title(tables.area)}: följdfrågor om erbjudna insatser, {scope.name}"
    description = (
        "En rad per kommun och insats som kommunen erbjuder [note 5]: beslut, regi, form, antal individer "
        f"och utveckling 2016–2020 [note 6]. {texts.NOT_AVAILABLE} = frågan besvarades inte.",
        *data_footer(synthetic),
    )
    table = TableData(
        name=_table_name("foljdfragor", tables.area),
        columns=tuple(follow_up_columns()),
        rows=tuple(rows),
        summary=title,
    )
    suffix = texts.FOLLOW_UP_SUFFIX
    name = names.take(area + suffix, area.split(" ")[0] + suffix, area[: SHEET_NAME_LIMIT - len(suffix)] + suffix)
    return Sheet(name, title, description, table)


def _unit_phrase(survey: Survey, scope: Scope) -> str:
    kinds = survey.register.units_of(scope.code)["kind"]
    districts = int((kinds == "stadsdelsområde").sum())
    municipalities = len(kinds) - districts
    if districts:
        return f"{municipalities} kommuner och {districts} stadsdelsområden i Stockholms stad, som svarade var för sig"
    return f"{municipalities} kommuner"


def _cover(survey: Survey, scope: Scope, synthetic: bool) -> Sheet:
    areas = ", ".join(survey.catalog.areas)
    size = len(survey.catalog.table)
    if scope.is_national:
        lines = [
            "Arbetsboken redovisar för hela riket, insats för insats, hur stor andel av kommunerna som har "
            f"erbjudit var och en av de {size} kartlagda insatserna, totalt och per län."
        ]
    else:
        lines = [
            "Arbetsboken redovisar kommun för kommun vilka av de "
            f"{size} kartlagda insatserna som kommunerna i {scope.name} har erbjudit, med länets och rikets "
            "andelar som jämförelse och kommunernas svar på följdfrågorna.",
            f"Länet: {scope.name}, {_unit_phrase(survey, scope)}.",
        ]
    lines += [
        f"Enkäten: {texts.SURVEY} (2021). Frågorna gällde insatser som kommunerna erbjudit 2016–2020 "
        f"inom sex verksamhetsområden: {areas}.",
        "Fliken Innehåll listar arbetsbokens flikar. Fliken Noter förklarar svarskoderna, tecknen * och ** "
        f"och förkortningarna {texts.NOT_AVAILABLE} och {texts.NOT_APPLICABLE}.",
        "Varje flik med data har en tabell med filterknappar i rubrikraden.",
        texts.SOURCE,
    ]
    title = f"Kartläggning av socialtjänstens insatser 2016–2020: {scope.name}"
    return cover_sheet(title, lines, synthetic=synthetic)
