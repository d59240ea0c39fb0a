"""The data behind the deck's charts of whole areas (issue 16, SPEC §10 "every chart's
data is in the workbook"): response, offer headline, the wish to give insatser without
decision, the huvudgrupper and the catalog's categories.

One long table per sheet, a row per area and scope (the county, then Riket), so a
filter on "Område" gives one slide's figures. Every figure is read from the metrics the
deck is built from (``ScopeMetrics``); nothing is counted here.
"""

from __future__ import annotations

from collections.abc import Callable

from reportgen.metrics.catalog_stats import catalog_figures
from reportgen.metrics.model import AreaMetrics
from reportgen.workbook import texts
from reportgen.workbook.context import BuildContext, number, share
from reportgen.workbook.model import Cell, Column, Sheet, TableData

AREA = Column("Område")
WHO = Column("Omfattning")
STATUSES = ("slutford", "paborjad", "ej_paborjad")


def _scopes(ctx: BuildContext, area: str) -> list[tuple[str, AreaMetrics]]:
    """The rows of one area: the scope, then Riket beside it in a county workbook."""
    rows = [(ctx.scope_name, ctx.metrics.areas[area])]
    if not ctx.national_scope:
        rows.append(("Riket", ctx.national.areas[area]))
    return rows


def _area(area: str) -> str:
    return texts.area_title(area)


def _per_scope(ctx: BuildContext, cells: Callable[[AreaMetrics], tuple[Cell, ...]]) -> tuple[tuple[Cell, ...], ...]:
    """One row per area and scope: area, scope, then ``cells`` of that scope's figures."""
    return tuple((_area(area), who, *cells(m)) for area in ctx.metrics.areas for who, m in _scopes(ctx, area))


def _response_cells(m: AreaMetrics) -> tuple[Cell, ...]:
    r = m.response
    counts = (r.completed, r.answered - r.completed, r.not_started)
    shares = (share(c, r.respondents) for c in counts)
    return (r.respondents, r.answered, *counts, share(r.answered, r.respondents), *shares, r.with_answers)


def _offer_cells(m: AreaMetrics) -> tuple[Cell, ...]:
    offer = m.offer
    among = "slutförda kommuner" if offer.minmax_from_completed else "alla svarande kommuner (minst ett insatssvar)"
    return (
        m.catalog_size,
        number(offer.mean),
        number(offer.min),
        number(offer.max),
        among if offer.min is not None else texts.NOT_APPLICABLE,
        offer.further_yes,
        offer.further_answered,
        number(offer.further_share),
    )


def _wish_cells(m: AreaMetrics) -> tuple[Cell, ...]:
    wish = m.wish
    counts = [wish.counts.get(c, 0) for c in texts.ANSWERS]
    return (wish.answered, *counts, *(share(c, wish.answered) for c in counts))


def response_sheet(ctx: BuildContext) -> Sheet:
    """Svarsfrekvens: the status distribution of each area (deck: the response slide of
    every area and the response overview of the background section)."""
    labels = ctx.layouts.labels["status"]
    columns = (
        AREA,
        WHO,
        Column("Kommuner", "int", "n"),
        Column("Har svarat", "int", "n"),
        *(Column(labels[s], "int", "n") for s in STATUSES),
        Column("Andel som har svarat", "share", "p"),
        *(Column(f"Andel {labels[s].lower()}", "share", "p") for s in STATUSES),
        Column("Kommuner med svar om insatser", "int", "n"),
    )
    rows = _per_scope(ctx, _response_cells)
    title = f"Svarsfrekvens per verksamhetsområde, {ctx.scope_name}"
    description = (
        "En rad per område och omfattning: antal kommuner, hur många som har svarat och svarsstatus "
        f"{ctx.notes.ref('status')}, och hur många som har besvarat minst en fråga om insatser "
        f"{ctx.notes.ref('answering')}.",
    )
    table = TableData("svarsfrekvens", columns, rows, title, key_columns=2)
    return ctx.sheet(texts.RESPONSE_SHEET, title, description, table)


def offer_sheet(ctx: BuildContext) -> Sheet:
    """Insatsutbud: the headline figures of each area (mean, min, max, further insatser)."""
    columns = (
        AREA,
        WHO,
        Column("Kartlagda insatser", "int", "n"),
        Column("Medelvärde erbjudna insatser", "decimal", "n"),
        Column("Lägsta antal", "int", "n"),
        Column("Högsta antal", "int", "n"),
        Column("Lägsta och högsta bland"),
        Column("Ger ytterligare insatser", "int", "n"),
        Column("Besvarat frågan om ytterligare insatser", "int", "n"),
        Column("Andel som ger ytterligare insatser", "share", "n"),
    )
    rows = _per_scope(ctx, _offer_cells)
    title = f"Insatsutbud per verksamhetsområde, {ctx.scope_name}"
    description = (
        f"Medelvärde {ctx.notes.ref('mean')}, lägsta och högsta antal erbjudna insatser "
        f"{ctx.notes.ref('minmax')} och andel som ger ytterligare insatser {ctx.notes.ref('further')}.",
    )
    table = TableData("insatsutbud", columns, rows, title, key_columns=2)
    return ctx.sheet(texts.OFFER_SHEET, title, description, table)


def wish_sheet(ctx: BuildContext) -> Sheet:
    """Utan biståndsbeslut: Ja / Nej / Vet ej of each area, the scope beside Riket."""
    labels = texts.ANSWERS
    columns = (
        AREA,
        WHO,
        Column("Besvarat frågan", "int", "n"),
        *(Column(labels[c], "int", "n") for c in labels),
        *(Column(f"Andel {labels[c].lower()}", "share", "n") for c in labels),
    )
    rows = _per_scope(ctx, _wish_cells)
    title = f"Vilja att ge insatser utan biståndsbeslut, {ctx.scope_name}"
    description = (
        f"Svaren per område {ctx.notes.ref('wish')}; varje kommuns svar finns på fliken {_unit_sheet(ctx)}.",
    )
    table = TableData("utan_bistandsbeslut", columns, rows, title, key_columns=2)
    return ctx.sheet(texts.WISH_SHEET, title, description, table)


def _unit_sheet(ctx: BuildContext) -> str:
    return texts.COUNTIES_SHEET if ctx.national_scope else texts.UNITS_SHEET


def groups_sheet(ctx: BuildContext) -> Sheet:
    """Huvudgrupper: mean offered per huvudgrupp (scope and Riket) and the number of
    municipalities that would give insatser of the group without decision."""
    where = "riket" if ctx.national_scope else "länet"
    columns = [
        AREA,
        Column("Huvudgrupp-id"),
        Column("Huvudgrupp"),
        Column("Kartlagda insatser", "int", "n"),
        Column(f"Medelvärde {where}", "decimal", "n"),
    ]
    if not ctx.national_scope:
        columns.append(Column("Medelvärde riket", "decimal", "n"))
    columns.append(Column("Kommuner som vill ge insatser utan biståndsbeslut", "int", "n"))
    rows: list[tuple[Cell, ...]] = []
    for area, m in ctx.metrics.areas.items():
        sizes = ctx.survey.catalog.area(area)["huvudgrupp_id"].value_counts()
        chosen = {gid: n for gid, _, n in m.wish.per_group}
        for g in m.group_means:
            means = [number(g.mean)] if ctx.national_scope else [number(g.mean), number(g.national_mean)]
            rows.append(
                (
                    _area(area),
                    g.huvudgrupp_id,
                    g.huvudgrupp,
                    int(sizes.get(g.huvudgrupp_id, 0)),
                    *means,
                    chosen.get(g.huvudgrupp_id, 0),
                )
            )
    title = f"Insatser per huvudgrupp, {ctx.scope_name}"
    description = (
        f"Genomsnittligt antal erbjudna insatser per huvudgrupp {ctx.notes.ref('mean')} och antal kommuner som "
        f"skulle vilja ge insatser inom huvudgruppen utan biståndsbeslut {ctx.notes.ref('wish')}.",
    )
    table = TableData("huvudgrupper", tuple(columns), tuple(rows), title, key_columns=3)
    return ctx.sheet(texts.GROUPS_SHEET, title, description, table)


def catalog_sheet(ctx: BuildContext) -> Sheet:
    """Katalog: the catalog's insatser per area and category (the background's charts),
    the figures of ``metrics.catalog_stats.catalog_figures`` as the deck reads them."""
    figures = ctx.catalog or catalog_figures(ctx.survey.catalog, ctx.layouts.category_mapping())
    columns = (
        AREA,
        Column("Kategori"),
        Column("Insatser i kategorin", "int", "n"),
        Column("Andel av områdets insatser", "share", "n"),
        Column("Kartlagda insatser i området", "int", "n"),
        Column("Områdets andel av alla insatser", "share", "n"),
    )
    rows: list[tuple[Cell, ...]] = [
        (_area(area.area), label, count, part, area.size, area.share)
        for area in figures.areas
        for label, count, part in area.categories
    ]
    title = f"De kartlagda insatserna per verksamhetsområde och kategori ({figures.total} insatser)"
    description = (f"Antal kartlagda insatser per område och kategori {ctx.notes.ref('catalog_categories')}.",)
    table = TableData("katalog", columns, tuple(rows), title, key_columns=2)
    return ctx.sheet(texts.CATALOG_SHEET, title, description, table)
