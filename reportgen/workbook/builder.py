"""Build the companion workbook of a county, of Riket, or of some of a county's
municipalities (SPEC §1.2, §8c, §10; issues 5, 9 and 16).

Sheets, in order: "Läs mig" (cover), "Innehåll" (a linked table of every sheet),
"Noter" (the ``[not n]`` notes and the shorthand), then the data behind the deck's
charts (``summary_tables``, ``unit_tables``: catalog, response, offer, per municipality,
huvudgrupper, form, regi, beslut, individuals, the wish without decision), then for each
area a sheet of insatser × municipalities and, for a county, a sheet of follow-up
answers (``area_tables``). Riket's workbook shows counties where a county's shows
municipalities and has no follow-up sheets (one row per offered pair of ~290 units
would make ~60 000 rows a county analyst has no use for).

Every figure is read from the metrics the deck is built from; pass them in (``metrics``,
``national``, ``counties``) to reuse a run's work, or leave them out and they are
computed here. ``units`` keeps only those units' own rows and columns, with the
county's and Riket's figures beside them: the same builder then makes a workbook for
one municipality.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd

from reportgen.deck.layout import Layouts, load_layouts
from reportgen.imprint import Imprint
from reportgen.metrics.catalog_stats import CatalogFigures
from reportgen.metrics.compute import compute_scope
from reportgen.metrics.model import Scope, ScopeMetrics
from reportgen.metrics.scope import RIKET, AreaTables, SurveyTables, all_scopes, responding_answers
from reportgen.survey import DIMENSIONS, Survey
from reportgen.text import word_list
from reportgen.workbook import front, texts
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
)
from reportgen.workbook.context import BuildContext, table_name
from reportgen.workbook.front import assemble, clean_sheet_name
from reportgen.workbook.model import SHEET_NAME_LIMIT, Cell, Column, Sheet, TableData, Workbook
from reportgen.workbook.scope_cache import ScopeCache
from reportgen.workbook.summary_tables import catalog_sheet, groups_sheet, offer_sheet, response_sheet, wish_sheet
from reportgen.workbook.unit_tables import counties_sheet, dimension_sheet, individuals_sheet, units_sheet


def build_workbook(
    survey: Survey,
    scope: Scope,
    *,
    synthetic: bool,
    tables: SurveyTables | None = None,
    imprint: Imprint | None = None,
    metrics: ScopeMetrics | None = None,
    national: ScopeMetrics | None = None,
    counties: Sequence[ScopeMetrics] | None = None,
    units: Collection[str] | None = None,
    layouts: Layouts | None = None,
    catalog: CatalogFigures | None = None,
    cache: ScopeCache | None = None,
) -> Workbook:
    """The workbook model of ``scope``. ``tables`` (prepared once per run) and the
    metrics avoid recomputing; ``imprint`` gives the run's build time and author (SPEC §10);
    ``units`` (respondent ids of the county) limits the municipalities shown; ``catalog``
    is the run's catalog figures (computed here when not given); ``cache`` keeps what
    does not depend on ``units`` for the scope's next workbook (``workbook.scope_cache``:
    pass the same inputs, ``layouts`` included, to every build that shares it)."""
    tables = tables or SurveyTables.prepare(survey)
    if national is None:
        national = compute_scope(survey, RIKET, tables=tables)
    metrics = national if scope.is_national else (metrics or compute_scope(survey, scope, tables, national))
    if scope.is_national and counties is None:
        counties = [compute_scope(survey, s, tables, national) for s in all_scopes(survey)[1:]]
    wanted = None if units is None else frozenset(str(u) for u in units)
    if wanted is not None:
        _check_units(survey, scope, wanted)
    layouts = layouts or load_layouts()
    if cache is not None:
        cache.bind(survey, tables, scope, metrics, national, counties or None, layouts, synthetic, catalog)
    ctx = BuildContext(
        survey=survey,
        metrics=metrics,
        national=national,
        data=tables.select(scope) if cache is None else cache.value("data", lambda: tables.select(scope)),
        layouts=layouts,
        notes=front.NoteRefs(texts.NOTES),
        synthetic=synthetic,
        counties=counties or (),
        units=wanted,
        catalog=catalog,
        cache=cache,
    )
    who = _who(ctx)
    data = _chart_sheets(ctx) + _area_sheets(ctx, tables)
    # The cover's texts refer to no note; they name the shorthand the notes sheet explains.
    marks = front.shorthand_used(texts.SHORTHAND, data)
    cover = _cover(ctx, who, marks)
    return assemble(
        title=f"Socialtjänstens insatser 2016–2020 – {who}",
        subject=f"{texts.SURVEY}: svar per insats och kommun, {who}",
        keywords="socialtjänst, insatser, kartläggning, " + who,
        cover=cover,
        notes=front.notes_sheet(ctx.notes, texts.SHORTHAND, data, marks),
        data=data,
        cover_entry=f"Om arbetsboken: vad den innehåller, {who} och enkäten",
        notes_entry="Noter: svarskoder, beräkningar, tecken och förkortningar",
        synthetic=synthetic,
        imprint=imprint,
    )


class UnknownUnitsError(ValueError):
    """Units asked for that are not units of the scope (a caller's mistake, not user input)."""


def _check_units(survey: Survey, scope: Scope, wanted: frozenset[str]) -> None:
    own = set(survey.register.units.index if scope.is_national else survey.register.units_of(scope.code).index)
    unknown = sorted(wanted - {str(u) for u in own})
    if unknown or not wanted:
        raise UnknownUnitsError(f"not units of {scope.name}: {unknown or 'none given'}")


def _who(ctx: BuildContext) -> str:
    """Whom the workbook is for: the scope, or its chosen municipalities."""
    if ctx.units is None:
        return ctx.scope_name
    register = ctx.survey.register.units
    names = sorted(str(register.at[u, "name"]) for u in ctx.units)
    return f"{', '.join(names)} ({ctx.scope_name})"


def _chart_sheets(ctx: BuildContext) -> list[tuple[Sheet, str]]:
    """The data behind the deck's charts, in the deck's order of slides."""
    # Built in workbook order, so the notes are numbered in the order a reader meets them.
    unit = "län" if ctx.national_scope else "kommun"
    sheets = [
        (
            ctx.shared_sheet(texts.CATALOG_SHEET, catalog_sheet),
            "De kartlagda insatserna per område och kategori (rapportens bakgrund)",
        ),
        (ctx.shared_sheet(texts.RESPONSE_SHEET, response_sheet), "Svarsfrekvens och svarsstatus per område"),
        (
            ctx.shared_sheet(texts.OFFER_SHEET, offer_sheet),
            "Insatsutbud per område: medelvärde, lägsta, högsta, ytterligare insatser",
        ),
        (
            counties_sheet(ctx) if ctx.national_scope else units_sheet(ctx),
            f"Per {unit} och område: svarsstatus, antal erbjudna insatser och svaren om "
            "ytterligare insatser och insatser utan biståndsbeslut",
        ),
        (
            ctx.shared_sheet(texts.GROUPS_SHEET, groups_sheet),
            "Per huvudgrupp: genomsnittligt antal erbjudna insatser och vilja att ge insatser utan biståndsbeslut",
        ),
    ]
    for dimension in DIMENSIONS:
        spec = ctx.layouts.dimensions[dimension]
        words = " / ".join(spec.categories.values())
        sheets.append((dimension_sheet(ctx, dimension), f"{spec.total_caption} ({words}) per {unit} och huvudgrupp"))
    sheets.append(
        (
            ctx.shared_sheet(texts.INDIVIDUALS_SHEET, individuals_sheet),
            "Antal individer som tagit del av insatserna, per kategori",
        )
    )
    sheets.append(
        (ctx.shared_sheet(texts.WISH_SHEET, wish_sheet), "Vilja att ge insatser utan biståndsbeslut per område")
    )
    return sheets


def _area_sheets(ctx: BuildContext, tables: SurveyTables) -> list[tuple[Sheet, str]]:
    scope = ctx.metrics.scope
    per_county = _per_county(ctx, tables) if scope.is_national else None
    answers = None if scope.is_national or ctx.cache is not None else _answers(ctx)
    names = _SheetNames()
    sheets: list[tuple[Sheet, str]] = []
    for area, area_tables in ctx.data.areas.items():
        national = tables.national.areas[area]
        county_tables = None if per_county is None else [(s, d[area]) for s, d in per_county]
        if scope.is_national:
            rows = None
        elif answers is None:
            rows = _cached_rows(ctx, area, area_tables)
        else:
            rows = responding_answers(answers, area_tables)
        sheet = _area_sheet(ctx, rows, area_tables, national, county_tables, names)
        size = len(area_tables.insatser)
        what = "i riket och i varje län" if scope.is_national else "i länet och riket, och varje kommuns svar"
        sheets.append((sheet, f"{texts.area_title(area)}: {size} insatser, andel som erbjuder {what}"))
        if rows is not None:
            follow_up = _follow_up_sheet(ctx, rows, area_tables, names)
            if follow_up is not None:
                sheets.append(
                    (follow_up, f"{texts.area_title(area)}: följdfrågorna för varje kommun och erbjuden insats")
                )
    return sheets


def _answers(ctx: BuildContext) -> pd.DataFrame:
    """The answer rows of the units shown."""
    return scope_answers(ctx.survey, ctx.metrics.scope, ctx.units)


def _cached_rows(ctx: BuildContext, area: str, tables: AreaTables) -> pd.DataFrame:
    """The counted answer rows in ``area`` of the units shown, from the scope's: cut once
    per cache and split by unit, so each municipality's own workbook takes its part
    instead of cutting the survey's answers again. The same rows in the same order as
    cutting first: the count keeps the first row of each unit and insats, which only that
    unit's rows decide."""

    def scope_rows() -> pd.DataFrame:
        return responding_answers(scope_answers(ctx.survey, ctx.metrics.scope), tables)

    if ctx.units is not None and len(ctx.units) == 1:
        # Only the split is kept: a county's rows once, not twice (the split and the whole).
        def by_unit() -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
            rows = scope_rows()
            return rows.iloc[:0], {str(k): g for k, g in rows.groupby("respondent_id", sort=False, observed=True)}

        empty, parts = ctx.shared(f"responding_rows_by_unit:{area}", by_unit)
        (unit,) = ctx.units
        return parts.get(str(unit), empty)
    rows = ctx.shared(f"responding_rows:{area}", scope_rows)
    return rows if ctx.units is None else rows[rows["respondent_id"].astype(str).isin(list(ctx.units))]


def _per_county(ctx: BuildContext, tables: SurveyTables) -> list[tuple[Scope, dict[str, AreaTables]]]:
    return [(scope, tables.select(scope).areas) for scope in all_scopes(ctx.survey)[1:]]


class _SheetNames:
    """Unique sheet names within Excel's 31 characters (compared without case)."""

    def __init__(self) -> None:
        fixed = (
            texts.COVER_SHEET,
            texts.CONTENTS_SHEET,
            texts.NOTES_SHEET,
            texts.RESPONSE_SHEET,
            texts.OFFER_SHEET,
            texts.UNITS_SHEET,
            texts.COUNTIES_SHEET,
            texts.GROUPS_SHEET,
            texts.WISH_SHEET,
            texts.INDIVIDUALS_SHEET,
            texts.CATALOG_SHEET,
            *(d.capitalize() for d in DIMENSIONS),
        )
        self.used = {n.casefold() for n in fixed}

    def take(self, *candidates: str) -> str:
        fitting = [c for c in candidates if len(c) <= SHEET_NAME_LIMIT] or [candidates[-1][:SHEET_NAME_LIMIT]]
        base = next((c for c in fitting if c.casefold() not in self.used), fitting[0])
        name, n = base, 2
        while name.casefold() in self.used:
            name = f"{base[: SHEET_NAME_LIMIT - len(str(n)) - 1]} {n}"
            n += 1
        self.used.add(name.casefold())
        return name


def _area_sheet(
    ctx: BuildContext,
    answers: pd.DataFrame | None,
    tables: AreaTables,
    national: AreaTables,
    per_county: list[tuple[Scope, AreaTables]] | None,
    names: _SheetNames,
) -> Sheet:
    scope, notes = ctx.metrics.scope, ctx.notes
    area = texts.area_title(tables.area)
    columns: list[Column] = list(INSATS_COLUMNS)
    share_note = notes.ref("share")  # numbered first: it comes first in the description
    scope_columns, scope_rows = ctx.shared(f"insatser {tables.area}", lambda: _scope_columns(scope, tables, national))
    columns.extend(scope_columns)
    rows = [list(row) for row in scope_rows]
    blocks = []
    if per_county is not None:
        blocks.append(county_share_columns(per_county))
        who = f"en kolumn per län med andelen kommuner i länet som erbjuder insatsen {notes.ref('county_columns')}"
    elif answers is not None:
        units = ctx.unit_order(tables.area)
        headers = unit_headers(units, [c.name for c in columns])
        blocks.append(([Column(h, group="unit") for h in headers], answer_columns(answers, tables, units)))
        one = "en kolumn med kommunens svar" if ctx.units is not None else "en kolumn per kommun med kommunens svar"
        who = f"{one} {notes.ref('offered', 'local')}"
    for block_columns, block_rows in blocks:
        columns.extend(block_columns)
        for row, extra in zip(rows, block_rows, strict=True):
            row.extend(extra)
    where = "riket" if scope.is_national else "länet och riket"
    description = (
        f"En rad per insats ({len(rows)} insatser) i katalogens ordning. Andel som erbjuder, antal som "
        f"erbjuder och antal som svarat i {where} {share_note}; därefter {who}.",
        f"Tecken efter insatsens namn: * till anhöriga, ** till våldsutövare {notes.ref('marks')}.",
    )
    title = f"{area}: insatser som erbjudits 2016–2020, {scope.name}"
    table = TableData(table_name("insatser", tables.area), tuple(columns), tuple(tuple(r) for r in rows), title)
    return ctx.sheet(names.take(clean_sheet_name(area)), title, description, table)


def _scope_columns(
    scope: Scope, tables: AreaTables, national: AreaTables
) -> tuple[tuple[Column, ...], tuple[tuple[Cell, ...], ...]]:
    """The columns of an area sheet that every workbook of the scope shows: the insats,
    then the shares of the county (not in Riket's) and of Riket."""
    rows = insats_columns(tables)
    columns: list[Column] = []
    blocks = [] if scope.is_national else [share_columns(tables, "länet")]
    for block_columns, block_rows in [*blocks, share_columns(national, "riket")]:
        columns.extend(block_columns)
        for row, extra in zip(rows, block_rows, strict=True):
            row.extend(extra)
    return tuple(columns), tuple(tuple(row) for row in rows)


def _follow_up_sheet(ctx: BuildContext, answers: pd.DataFrame, tables: AreaTables, names: _SheetNames) -> Sheet | None:
    """None when no municipality shown offers any insats of the area (an Excel table
    needs a body row, and an empty sheet tells nothing)."""
    rows = follow_up_rows(answers, tables, ctx.unit_order(tables.area))
    if not rows:
        return None
    notes = ctx.notes
    area = clean_sheet_name(texts.area_title(tables.area))
    title = f"{texts.area_title(tables.area)}: följdfrågor om erbjudna insatser, {ctx.scope_name}"
    description = (
        f"En rad per kommun och insats som kommunen erbjuder {notes.ref('follow_ups')}: beslut, regi, form, antal "
        f"individer och utveckling 2016–2020 {notes.ref('follow_up_answers')}, med sorterbara tal bredvid "
        f"{notes.ref('sort_columns')}.",
    )
    table = TableData(
        table_name("foljdfragor", tables.area), tuple(follow_up_columns()), tuple(rows), title, key_columns=2
    )
    suffix = texts.FOLLOW_UP_SUFFIX
    name = names.take(area + suffix, area.split(" ")[0] + suffix, area[: SHEET_NAME_LIMIT - len(suffix)] + suffix)
    return ctx.sheet(name, title, description, table)


def _unit_phrase(survey: Survey, scope: Scope) -> str:
    kinds = survey.register.units_of(scope.code)["kind"]
    districts = int((kinds == "stadsdelsområde").sum())
    municipalities = len(kinds) - districts
    if districts:
        return f"{municipalities} kommuner och {districts} stadsdelsområden i Stockholms stad, som svarade var för sig"
    return f"{municipalities} kommuner"


def _cover(ctx: BuildContext, who: str, marks: list[str]) -> Sheet:
    survey, scope = ctx.survey, ctx.metrics.scope
    lines: list[str] = []
    areas = ", ".join(survey.catalog.areas)
    size = len(survey.catalog.table)
    if scope.is_national:
        lines.append(
            "Arbetsboken redovisar för hela riket, insats för insats, hur stor andel av kommunerna som har "
            f"erbjudit var och en av de {size} kartlagda insatserna, totalt och per län."
        )
    elif ctx.units is not None:
        unit = who.rsplit(" (", 1)[0]
        lines.append(
            f"Arbetsboken redovisar vilka av de {size} kartlagda insatserna som {unit} har erbjudit, med "
            f"länets och rikets andelar som jämförelse och kommunens svar på följdfrågorna."
        )
        lines.append(f"Länet: {scope.name}, {_unit_phrase(survey, scope)}.")
        lines.append(f"Den här arbetsboken visar bara svaren från {unit}, bredvid hela länets.")
    else:
        lines.append(
            "Arbetsboken redovisar kommun för kommun vilka av de "
            f"{size} kartlagda insatserna som kommunerna i {scope.name} har erbjudit, med länets och rikets "
            "andelar som jämförelse och kommunernas svar på följdfrågorna."
        )
        lines.append(f"Länet: {scope.name}, {_unit_phrase(survey, scope)}.")
    lines += [
        f"Enkäten: {texts.SURVEY} (2021). Frågorna gällde insatser som kommunerna erbjudit 2016–2020 "
        f"inom sex verksamhetsområden: {areas}.",
        f"Flikarna {texts.CATALOG_SHEET} till och med {texts.WISH_SHEET} innehåller siffrorna bakom "
        "analysrapportens diagram; varje diagrams not i rapporten anger fliken.",
        "Fliken Innehåll listar arbetsbokens flikar. Fliken Noter förklarar svarskoderna, beräkningarna"
        + (f", tecknen * och ** och förkortningarna {word_list(marks)}." if marks else " och tecknen * och **."),
        "Varje flik med data har en tabell med filterknappar i rubrikraden. Rubrikraden och radens namn "
        "står kvar när du bläddrar, och utskriften blir liggande A4, en sida bred, med rubrikraden på "
        "varje sida.",
        texts.SOURCE,
    ]
    title = f"Kartläggning av socialtjänstens insatser 2016–2020: {who}"
    return front.cover_sheet(title, lines, synthetic=ctx.synthetic)
