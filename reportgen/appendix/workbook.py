"""The appendix as an accessible workbook (issue 10 item 3), on the deck workbook's model.

One sheet per area, each one Excel table: insats, huvudgrupp, sub-heading, mark, and
the four counts and four shares as numbers in separate columns, from the same appendix
table as the PDF (``metrics.appendix.appendix_table``). Shares are the table's whole
percents as fractions (65 % → 0.65), so the workbook shows exactly the PDF's figures.
Cover, contents and notes sheets (``workbook.front``, notes as ``[not n]``) follow the
same checklist as the deck's workbook (ACCESSIBILITY.md "Workbook"): no blank cells,
``[z]`` where a share has no denominator.
"""

from __future__ import annotations

import pandas as pd

from reportgen.appendix import texts
from reportgen.appendix.builder import FIGURES, catalog_rows
from reportgen.catalog import Catalog
from reportgen.imprint import Imprint
from reportgen.metrics.model import Scope
from reportgen.text import capital, slugify
from reportgen.workbook.front import NoteRefs, assemble, clean_sheet_name, cover_sheet, data_footer, notes_sheet
from reportgen.workbook.model import Cell, Column, Sheet, TableData, Workbook
from reportgen.workbook.texts import NOT_APPLICABLE, TARGETS

#: Short names of the four figures in column headers, in ``FIGURES`` order.
FIGURE_NAMES = ("ger insatsen", "digital form", "enskild regi", "utan biståndsbeslut")
DESCRIBING = (
    Column("Huvudgrupp"),
    Column("Underrubrik"),
    Column("Insats-id"),
    Column("Insats"),
    Column("Tecken"),
    Column("Målgrupp"),
)
COLUMNS: tuple[Column, ...] = (
    *DESCRIBING,
    *(Column(f"Antal {name}", "int") for name in FIGURE_NAMES),
    *(Column(f"Andel {name}", "share") for name in FIGURE_NAMES),
)


def figure_cells(row: object) -> list[Cell]:
    """The four counts, then the four shares (fractions; ``[z]`` without denominator)."""
    counts: list[Cell] = [int(getattr(row, count)) for count, _ in FIGURES]
    shares: list[Cell] = []
    for _, share in FIGURES:
        value = getattr(row, share)
        shares.append(NOT_APPLICABLE if pd.isna(value) else int(value) / 100)
    return counts + shares


def build_appendix_workbook(
    frame: pd.DataFrame, catalog: Catalog, scope: Scope, *, synthetic: bool, imprint: Imprint | None = None
) -> Workbook:
    """The appendix workbook of ``scope`` from its appendix table."""
    rows = catalog_rows(frame, catalog)
    refs = NoteRefs(dict(NOTES))
    area_sheets: list[tuple[Sheet, str]] = []
    for area, part in rows.groupby("area", sort=False):
        sheet = _area_sheet(str(area), part, scope, synthetic, refs)
        area_sheets.append((sheet, f"{sheet.title} ({len(part)} insatser)"))
    return assemble(
        title=f"{texts.TITLE} – {scope.name}",
        subject=f"Bilaga till {texts.SURVEY} ({texts.SURVEY_YEAR}): resultattabeller för {scope.name}",
        keywords="socialtjänst, insatser, kartläggning, bilaga, " + scope.name,
        cover=_cover(scope, len(rows), synthetic),
        notes=notes_sheet(refs, SHORTHAND, area_sheets),
        data=area_sheets,
        cover_entry="Om arbetsboken",
        notes_entry="Noter: vad som räknas, tecken och förkortningar",
        synthetic=synthetic,
        imprint=imprint,
    )


def _area_sheet(area: str, rows: pd.DataFrame, scope: Scope, synthetic: bool, refs: NoteRefs) -> Sheet:
    heading = texts.area_heading(area)
    title = f"{rows['area_no'].iloc[0]} {heading}: {texts.TITLE.lower()}, {scope.name}"
    body = tuple(
        (
            f"{r.huvudgrupp_id} {r.huvudgrupp}",
            r.subheading or NOT_APPLICABLE,
            str(r.insats_id),
            str(r.insats),
            r.mark or NOT_APPLICABLE,
            TARGETS.get(str(r.target), str(r.target)),
            *figure_cells(r),
        )
        for r in rows.itertuples(index=False)
    )
    description = [
        f"En rad per insats ({len(body)} insatser) i katalogens ordning. Antal kommuner som ger insatsen, "
        "ger den i digital form, i enskild regi och utan biståndsbeslut, med andelarna i egna kolumner "
        f"{refs.ref('given', 'both', 'shares')}.",
        f"Tecken: * till anhöriga, ** till våldsutövare {refs.ref('marks')}. {NOT_APPLICABLE} = ej tillämpligt "
        "(se fliken Noter).",
    ]
    if rows["given_pct"].isna().all():
        description.insert(0, texts.nobody_answered(scope.name, area))
    description += data_footer(synthetic)
    table = TableData(
        name=f"bilaga_{slugify(area).replace('-', '_')}",
        columns=COLUMNS,
        rows=body,
        summary=texts.table_summary(heading, scope.name),
    )
    return Sheet(_sheet_name(area), title, tuple(description), table)


def _sheet_name(area: str) -> str:
    return clean_sheet_name(capital(area))[:31].strip("'")


#: The notes by key (``NoteRefs`` numbers them "[not 1]" …): our wording of what the
#: columns count (as the PDF's explanation).
NOTES: tuple[tuple[str, str], ...] = (
    (
        "given",
        "En kommun räknas som att den ger en insats när den har svarat ”Ja” eller ”Ja, en lokal variant”. "
        "Andelen som ger insatsen är räknad på de kommuner som besvarat frågan om insatsen. Bara kommuner "
        "som påbörjat eller slutfört enkätens del om området räknas; Stockholms stadsdelsområden räknas "
        "som kommuner.",
    ),
    (
        "both",
        "Digital form räknar både ”Enbart digital” och ”Både fysisk och digital”, enskild regi både "
        "”Enbart enskild” och ”Både kommunal och enskild”, utan biståndsbeslut både ”Enbart utan” och "
        "”Både med och utan biståndsbeslut”.",
    ),
    (
        "shares",
        "Andelarna för digital form, enskild regi och utan biståndsbeslut är räknade på de kommuner som ger "
        "insatsen och som besvarat den följdfrågan. Andelarna är avrundade till hela procent, som i PDF-bilagan.",
    ),
    (
        "marks",
        "Tecken efter insatsens namn: * betyder att insatsen riktar sig till anhöriga, ** att den riktar sig "
        "till våldsutövare.",
    ),
)


#: The shorthand of the appendix's cells, explained after the notes.
SHORTHAND: tuple[tuple[str, str], ...] = (
    (
        NOT_APPLICABLE,
        "Ej tillämpligt: i en andelskolumn att ingen kommun besvarade frågan, så att ingen andel kan räknas "
        "(i PDF-bilagan ett streck); i kolumnen Underrubrik att insatsen står direkt under sin huvudgrupp; "
        "i kolumnen Tecken att insatsen riktar sig till den enskilde.",
    ),
)


def _cover(scope: Scope, size: int, synthetic: bool) -> Sheet:
    where = "alla kommuner i landet" if scope.is_national else f"kommunerna i {scope.name}"
    lines = (
        f"Arbetsboken är resultatbilagan i tabellform: för var och en av de {size} kartlagda insatserna hur många "
        f"av {where} som gett insatsen {texts.PERIOD}, och hur många som gett den i digital form, i enskild regi "
        "och utan biståndsbeslut, som antal och andel.",
        f"Enkäten: {texts.SURVEY} ({texts.SURVEY_YEAR}).",
        "Fliken Innehåll listar flikarna; fliken Noter förklarar vad som räknas och vad tecknen betyder. "
        "Varje verksamhetsområde har en flik med en tabell med filterknappar i rubrikraden.",
        texts.SOURCE,
    )
    return cover_sheet(f"{texts.TITLE}: {scope.name}", lines, synthetic=synthetic)
