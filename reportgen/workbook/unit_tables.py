"""The data behind the deck's per-municipality charts (issue 16): each unit's status,
offered count and answers per area; the form / regi / beslut shares per municipality,
per huvudgrupp, for the county and Riket; the individuals distributions.

Riket's workbook shows counties where a county's shows municipalities, as the Riket
deck does. Figures come from the metrics (``Offer.per_respondent``,
``Dimension.per_respondent`` …); what a unit answered to the area's questions comes
from ``metrics.units``. A unit that has not started an area shows ``[w]``, a question
it left unanswered ``[x]``, so the two are never confused.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.metrics.model import CategoryShares, Dimension, RespondentCount
from reportgen.metrics.scope import AreaTables
from reportgen.metrics.units import UnitAnswers, unit_answers
from reportgen.survey import CATEGORIES, DIMENSIONS, INDIVIDUALS, RESPONDING
from reportgen.text import capital
from reportgen.workbook import texts
from reportgen.workbook.context import BuildContext, number, share, table_name
from reportgen.workbook.model import Cell, Column, Sheet, TableData

AREA = Column("Område")
#: A responding unit with no pair in the figures (no answered follow-up).
_NO_PAIRS = CategoryShares(key="", label="", n_pairs=0, n_respondents=0, counts={})


def _area(area: str) -> str:
    return texts.area_title(area)


def units_sheet(ctx: BuildContext) -> Sheet:
    """Kommuner: one row per municipality and area (the per-municipality offer chart,
    the status, the further and wish answers with the chosen huvudgrupper)."""
    labels = ctx.layouts.labels["status"]
    columns = (
        Column("Kommun"),
        Column("Kommunkod"),
        AREA,
        Column("Svarsstatus"),
        Column("Besvarade insatsfrågor", "int", "n"),
        Column("Erbjudna insatser", "int", "n"),
        Column("Medelvärde länet", "decimal", "n"),
        Column("Medelvärde riket", "decimal", "n"),
        Column("Ger ytterligare insatser"),
        Column("Vill ge insatser utan biståndsbeslut"),
        Column("Huvudgrupper utan biståndsbeslut"),
    )
    rows: list[tuple[Cell, ...]] = []
    for area, m in ctx.metrics.areas.items():
        counts = {r.respondent_id: r for r in m.offer.per_respondent}
        answers = ctx.shared(f"unit answers {area}", lambda tables=ctx.data.areas[area]: _by_unit(tables))
        groups = dict(
            zip(ctx.data.areas[area].groups["huvudgrupp_id"], ctx.data.areas[area].groups["huvudgrupp"], strict=True)
        )
        means = (number(m.offer.mean), number(m.national_offer_mean))
        for rid in ctx.unit_order(area).index:
            unit = answers[str(rid)]
            rows.append(
                (
                    unit.name,
                    unit.respondent_id,
                    _area(area),
                    labels[unit.status],
                    *_offer_cells(unit, counts.get(unit.respondent_id)),
                    *means,
                    *_answer_cells(unit, groups),
                )
            )
    title = f"Svar och antal erbjudna insatser per kommun och verksamhetsområde, {ctx.scope_name}"
    description = (
        f"En rad per kommun och område: svarsstatus {ctx.notes.ref('status')}, antal besvarade frågor om insatser "
        f"{ctx.notes.ref('answering')} och antal erbjudna insatser {ctx.notes.ref('offered')} med länets och "
        f"rikets medelvärde {ctx.notes.ref('mean')}.",
        f"Därefter kommunens svar om ytterligare insatser {ctx.notes.ref('further')} och om insatser utan "
        f"biståndsbeslut med de huvudgrupper den valt {ctx.notes.ref('wish')}.",
    )
    table = TableData("kommuner", columns, tuple(rows), title, key_columns=1)
    return ctx.sheet(texts.UNITS_SHEET, title, description, table)


def _by_unit(tables: AreaTables) -> dict[str, UnitAnswers]:
    return {a.respondent_id: a for a in unit_answers(tables)}


def _offer_cells(unit: UnitAnswers, count: RespondentCount | None) -> tuple[Cell, Cell]:
    """Answered and offered; a unit with no insats answer offers no number, not 0 (SPEC §5)."""
    if not unit.responding or count is None:
        return texts.AREA_NOT_ANSWERED, texts.AREA_NOT_ANSWERED
    return count.answered, (count.offered if count.answered else texts.NOT_AVAILABLE)


def _answer_cells(unit: UnitAnswers, groups: dict[str, str]) -> tuple[Cell, Cell, Cell]:
    if not unit.responding:
        return (texts.AREA_NOT_ANSWERED,) * 3
    further = texts.ANSWERS.get(unit.further or "", texts.NOT_AVAILABLE)
    wish = texts.ANSWERS.get(unit.wish or "", texts.NOT_AVAILABLE)
    if unit.wish != "ja":
        chosen: Cell = texts.NOT_APPLICABLE
    elif unit.wish_groups:
        chosen = "; ".join(f"{gid} {groups.get(gid, '')}".strip() for gid in unit.wish_groups)
    else:
        chosen = texts.NOT_AVAILABLE
    return further, wish, chosen


def counties_sheet(ctx: BuildContext) -> Sheet:
    """Län (Riket's workbook): one row per county and area, the Riket deck's per-county chart."""
    columns = (
        Column("Län"),
        Column("Länskod"),
        AREA,
        Column("Kommuner", "int", "n"),
        Column("Har svarat", "int", "n"),
        Column("Kommuner med svar om insatser", "int", "n"),
        Column("Medelvärde länet", "decimal", "n"),
        Column("Medelvärde riket", "decimal", "n"),
    )
    rows: list[tuple[Cell, ...]] = []
    for area, m in ctx.metrics.areas.items():
        for county in ctx.counties:
            c = county.areas[area]
            r = c.response
            rows.append(
                (
                    county.scope.name,
                    str(county.scope.code),
                    _area(area),
                    r.respondents,
                    r.answered,
                    r.with_answers,
                    number(c.offer.mean),
                    number(m.offer.mean),
                )
            )
    title = f"Svar och genomsnittligt antal erbjudna insatser per län och verksamhetsområde, {ctx.scope_name}"
    description = (
        f"En rad per län och område: antal kommuner, hur många som har svarat {ctx.notes.ref('status')} och "
        f"besvarat frågor om insatser {ctx.notes.ref('answering')}, och länets medelvärde {ctx.notes.ref('mean')}.",
    )
    table = TableData("lan", columns, tuple(rows), title, key_columns=1)
    return ctx.sheet(texts.COUNTIES_SHEET, title, description, table)


def _shares_columns(ctx: BuildContext, dimension: str) -> list[Column]:
    labels = ctx.layouts.dimensions[dimension].categories
    return [
        Column("Kommuner", "int", "n"),
        Column("Insatser med svar", "int", "n"),
        *(Column(f"Antal {labels[c][:1].lower()}{labels[c][1:]}", "int", "n") for c in CATEGORIES),
        *(Column(f"Andel {labels[c][:1].lower()}{labels[c][1:]}", "share", "n") for c in CATEGORIES),
    ]


def _share_cells(row: CategoryShares | None) -> list[Cell]:
    """n, pairs, three counts and three shares; ``[w]`` for a unit that did not answer."""
    if row is None:
        return [texts.AREA_NOT_ANSWERED] * (2 + 2 * len(CATEGORIES))
    counts = [row.counts.get(c, 0) for c in CATEGORIES]
    return [row.n_respondents, row.n_pairs, *counts, *(share(n, row.n_pairs) for n in counts)]


def _dimension_rows(ctx: BuildContext, area: str, dim: Dimension) -> Iterator[tuple[Cell, ...]]:
    """The scope, Riket, then each unit (county for Riket) and each huvudgrupp."""
    scope = ctx.metrics.scope
    name = _area(area)
    if ctx.national_scope:
        yield (name, "Riket", "Riket", texts.NOT_APPLICABLE, *_share_cells(dim.total))
        for county in ctx.counties:
            total = county.areas[area].dimensions[dim.dimension].total
            yield (name, "Län", county.scope.name, str(county.scope.code), *_share_cells(total))
    else:
        yield (name, "Län", scope.name, str(scope.code), *_share_cells(dim.total))
        yield (name, "Riket", "Riket", texts.NOT_APPLICABLE, *_share_cells(dim.national_total))
        per_unit = {r.key: r for r in dim.per_respondent}
        for rid, unit in ctx.unit_order(area).iterrows():
            row = per_unit.get(str(rid)) or (_NO_PAIRS if unit["status"] in RESPONDING else None)
            yield (name, "Kommun", str(unit["name"]), str(rid), *_share_cells(row))
    for group in dim.per_group:
        yield (name, "Huvudgrupp", group.label, group.key, *_share_cells(group))


def dimension_sheet(ctx: BuildContext, dimension: str) -> Sheet:
    """Form, Regi or Beslut: the category shares of every chart of that dimension (one
    code path for all three, as in the metrics and the deck)."""
    spec = ctx.layouts.dimensions[dimension]
    columns = (AREA, Column("Indelning"), Column("Namn"), Column("Kod"), *_shares_columns(ctx, dimension))
    rows = tuple(
        row for area, m in ctx.metrics.areas.items() for row in _dimension_rows(ctx, area, m.dimensions[dimension])
    )
    title = f"{spec.total_caption}, per område, kommun och huvudgrupp, {ctx.scope_name}"
    if ctx.national_scope:
        title = f"{spec.total_caption}, per område, län och huvudgrupp, {ctx.scope_name}"
    description = (
        f"Antal och andel erbjudna insatser i varje kategori {ctx.notes.ref('pairs')}; en rad per område och "
        f"indelning {ctx.notes.ref('dimension_rows')}.",
    )
    table = TableData(table_name(dimension), tuple(columns), rows, title, key_columns=3)
    return ctx.sheet(capital(dimension), title, description, table)


def individuals_sheet(ctx: BuildContext) -> Sheet:
    """Individer: for each area, dimension and category the individuals-reached buckets."""
    buckets = ctx.layouts.individuals_buckets
    columns = (
        AREA,
        Column("Dimension"),
        Column("Kategori"),
        Column("Insatser i kategorin", "int", "n"),
        Column("Besvarat frågan om individer", "int", "n"),
        *(Column(f"Antal {buckets[b].lower()}", "int", "n") for b in INDIVIDUALS),
        *(Column(f"Andel {buckets[b].lower()}", "share", "n") for b in INDIVIDUALS),
    )
    rows: list[tuple[Cell, ...]] = []
    for area, m in ctx.metrics.areas.items():
        for dimension in DIMENSIONS:
            labels = ctx.layouts.dimensions[dimension].categories
            for category in CATEGORIES:
                dist = m.dimensions[dimension].individuals[category]
                counts = [dist.counts.get(b, 0) for b in INDIVIDUALS]
                rows.append(
                    (
                        _area(area),
                        capital(dimension),
                        labels[category],
                        dist.n_pairs,
                        dist.n,
                        *counts,
                        *(share(c, dist.n) for c in counts),
                    )
                )
    title = f"Antal individer som tagit del av insatserna, per område och kategori, {ctx.scope_name}"
    description = (f"Fördelningen av svaren om antal individer {ctx.notes.ref('individuals')}.",)
    table = TableData("individer", columns, tuple(rows), title, key_columns=3)
    return ctx.sheet(texts.INDIVIDUALS_SHEET, title, description, table)
