"""Build the appendix document of a county or Riket from the appendix table (issue 10).

The figures are ``metrics.appendix.appendix_table``'s, nothing else (one code path with
``reportgen metrics --table appendix``); this module only arranges them under the
catalog's numbered areas, huvudgrupper and sub-headings and writes each cell as the
national appendix does: ``156 (65%)``, and ``-`` where nobody answered.
"""

from __future__ import annotations

import itertools
from typing import Any

import pandas as pd

from reportgen import numbers as fmt
from reportgen.appendix import texts
from reportgen.appendix.model import AppendixDocument, Block, HeaderCell, Heading, Paragraph, Section, Table, TitlePage
from reportgen.catalog import Catalog
from reportgen.deck.layout import demo_label
from reportgen.imprint import Imprint
from reportgen.metrics.appendix import APPENDIX_COLUMNS
from reportgen.metrics.model import Scope

#: The appendix table's four figures: count column, share column.
FIGURES: tuple[tuple[str, str], ...] = (
    ("given", "given_pct"),
    ("digital", "digital_pct"),
    ("private", "private_pct"),
    ("without_decision", "without_decision_pct"),
)
#: Shares of the text width: the insats name, then the four figures.
WIDTHS = (0.38, 0.17, 0.15, 0.15, 0.15)


def cell_text(count: Any, share: Any) -> str:
    """``156 (65%)``; ``-`` where the share has no denominator (nobody answered)."""
    if pd.isna(share):
        return texts.DASH
    return f"{fmt.integer(int(count))} ({fmt.percent(int(share))})"


def catalog_rows(frame: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """The appendix table with the catalog's area number, huvudgrupp id, sub-heading and mark."""
    missing = [c for c in APPENDIX_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"not an appendix table: columns {missing} missing")
    extra = catalog.table[["area_no", "huvudgrupp_id", "subheading", "mark", "target", "name"]]
    rows = frame.join(extra, on="insats_id", how="left")
    unknown = rows.loc[rows["huvudgrupp_id"].isna(), "insats_id"].tolist()
    if unknown:
        raise ValueError(f"insatser not in the catalog: {unknown[:5]}")
    rows["subheading"] = rows["subheading"].fillna("").astype(str).str.strip()
    return rows


def build_document(
    frame: pd.DataFrame, catalog: Catalog, scope: Scope, *, synthetic: bool, imprint: Imprint | None = None
) -> AppendixDocument:
    """The appendix of ``scope`` from its appendix table (``appendix_table(survey, scope)``);
    ``imprint`` dates it and names its publisher (on the title page and in its properties)."""
    rows = catalog_rows(frame, catalog)
    numbers = [str(n) for n in dict.fromkeys(rows["area_no"])]
    about = Section(
        Heading(1, texts.ABOUT, "" if "1" in numbers else "1"),
        tuple(Paragraph(p) for p in texts.about(scope.name, scope.is_national, len(rows), synthetic)),
    )
    sections = [about]
    for area, part in rows.groupby("area", sort=False):
        sections.append(_area_section(str(area), part, scope))
    title_page = TitlePage(
        title=texts.TITLE,
        scope=scope.name,
        lines=texts.title_lines(scope.name, scope.is_national),
        demo_label=demo_label() if synthetic else "",
        publisher=publisher_lines(imprint),
    )
    return AppendixDocument(
        title=f"{texts.TITLE} – {scope.name}",
        subject=f"Bilaga till {texts.SURVEY} ({texts.SURVEY_YEAR}): resultattabeller för {scope.name}",
        title_page=title_page,
        contents_title=texts.CONTENTS,
        sections=tuple(sections),
        running_footer=f"Resultattabeller för samtliga kartlagda insatser – {scope.name}",
        imprint=imprint,
    )


def publisher_lines(imprint: Imprint | None) -> tuple[str, ...]:
    """The organisation and its contact line for the title page, those the settings give."""
    if imprint is None:
        return ()
    contact = texts.CONTACT.format(contact=imprint.contact) if imprint.contact else ""
    return tuple(line for line in (imprint.organisation, contact) if line)


def _area_section(area: str, rows: pd.DataFrame, scope: Scope) -> Section:
    """The area's section: its huvudgrupper, or a notice when nobody answered.

    As in the national appendix, the area's first table points to the four notes on
    what its columns count, numbered 1–4 in every area (the same four notes), and
    carries them: they stand under it on every page it runs over."""
    heading = Heading(1, texts.area_heading(area), str(rows["area_no"].iloc[0]))
    if rows["given_pct"].isna().all():
        return Section(heading, (Paragraph(texts.nobody_answered(scope.name, area), "notice"),))
    notes = tuple(str(i) for i in range(1, len(FIGURES) + 1))
    plain = (HeaderCell(texts.COLUMN_INSATS), *(HeaderCell(name) for name, _ in texts.COLUMNS))
    noted = (
        HeaderCell(texts.COLUMN_INSATS),
        *(HeaderCell(name, note) for (name, _), note in zip(texts.COLUMNS, notes, strict=True)),
    )
    footnotes = tuple(
        Paragraph(text, "note", marker=note) for (_, text), note in zip(texts.COLUMNS, notes, strict=True)
    )
    groups = []
    for index, (group_id, group) in enumerate(rows.groupby("huvudgrupp_id", sort=False)):
        group_heading = Heading(2, str(group["huvudgrupp"].iloc[0]), str(group_id))
        first = (noted, footnotes) if index == 0 else (plain, ())
        blocks = _group_blocks(group, plain, group_heading, scope, first)
        groups.append(Section(group_heading, blocks))
    return Section(heading, subsections=tuple(groups))


def _group_blocks(
    rows: pd.DataFrame,
    header: tuple[HeaderCell, ...],
    heading: Heading,
    scope: Scope,
    first: tuple[tuple[HeaderCell, ...], tuple[Paragraph, ...]],
) -> tuple[Block, ...]:
    """One table per run of the catalog's sub-heading, each under that sub-heading (H3).

    The first table gets ``first``'s header and footnotes (the area's first group: the
    noted header and its four notes; otherwise the plain header again); each table is
    followed by the meaning of the marks it shows."""
    blocks: list[Block] = []
    for number, (subheading, group) in enumerate(
        itertools.groupby(rows.itertuples(index=False), key=lambda r: r.subheading)
    ):
        run = list(group)
        if subheading:
            blocks.append(Heading(3, subheading))
        head, notes = first if number == 0 else (header, ())
        blocks.append(
            Table(
                header=head,
                rows=tuple(
                    (str(r.insats), *(cell_text(getattr(r, count), getattr(r, share)) for count, share in FIGURES))
                    for r in run
                ),
                widths=WIDTHS,
                align=("left", "right", "right", "right", "right"),
                summary=texts.table_summary(subheading or heading.label, scope.name),
                notes=notes,
            )
        )
        marks = [m for m in texts.MARKS if any(r.mark == m for r in run)]
        blocks.extend(Paragraph(texts.MARKS[m], "note") for m in marks)
    return tuple(blocks)
