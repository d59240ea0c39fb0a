"""The front matter every workbook shares: cover, contents and notes sheets, properties.

The deck's workbook (``workbook.builder``) and the appendix's (``appendix.workbook``)
follow one accessibility checklist (ACCESSIBILITY.md "Workbook"), so they are put
together here: "Läs mig" first (the synthetic-data label on top), then "Innehåll" with a
link to every sheet, then "Noter" with the ``[note n]`` references and the shorthand,
then the data sheets. Each builder brings only its own words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from reportgen.workbook import texts
from reportgen.workbook.model import Column, Properties, Sheet, TableData, Workbook

#: What the contents sheet says about itself.
CONTENTS_ENTRY = "Den här förteckningen över flikarna"


def clean_sheet_name(name: str) -> str:
    """Characters Excel forbids in sheet names become dashes (no apostrophe at the ends)."""
    for char in "[]:*?/\\":
        name = name.replace(char, "-")
    return name.strip("'")


def data_footer(synthetic: bool) -> tuple[str, ...]:
    """The last description lines of a data sheet: the source, and the synthetic label."""
    return (texts.SOURCE, texts.SYNTHETIC) if synthetic else (texts.SOURCE,)


def cover_sheet(title: str, lines: Sequence[str], *, synthetic: bool) -> Sheet:
    """ "Läs mig": what the workbook is; a synthetic workbook says so first (SPEC §9)."""
    label = ("OBS! " + texts.SYNTHETIC,) if synthetic else ()
    return Sheet(texts.COVER_SHEET, title, (*label, *lines), None)


def notes_sheet(notes: Sequence[tuple[str, str]], shorthand: Sequence[tuple[str, str]], *, synthetic: bool) -> Sheet:
    """The numbered notes (a synthetic workbook's label as the next number), then the
    shorthand used in cells without a value."""
    rows = list(notes)
    if synthetic:
        rows.append((f"[note {len(rows) + 1}]", texts.SYNTHETIC))
    rows += shorthand
    table = TableData("noter", (Column("Not"), Column("Förklaring")), tuple(rows), "Noter och förkortningar")
    description = ("Noterna hänvisas till som [note 1], [note 2] och så vidare i flikarnas beskrivningar.",)
    return Sheet(texts.NOTES_SHEET, "Noter och förkortningar", description, table)


def contents_sheet(sheets: Sequence[Sheet], described: Mapping[str, str]) -> Sheet:
    """A linked row for every sheet in workbook order: the cover, this sheet, the rest."""
    own = {texts.CONTENTS_SHEET: CONTENTS_ENTRY, **described}
    order = [sheets[0].name, texts.CONTENTS_SHEET, *(s.name for s in sheets[1:])]
    table = TableData(
        name="innehall",
        columns=(Column("Flik", "link"), Column("Innehåll")),
        rows=tuple((name, own[name]) for name in order),
        summary="Arbetsbokens flikar",
    )
    return Sheet(texts.CONTENTS_SHEET, "Innehåll", ("Klicka på ett fliknamn för att gå till fliken.",), table)


def assemble(
    *,
    title: str,
    subject: str,
    keywords: str,
    cover: Sheet,
    notes: Sheet,
    data: Sequence[tuple[Sheet, str]],
    cover_entry: str,
    notes_entry: str,
    synthetic: bool,
    created: datetime | None,
) -> Workbook:
    """The workbook: cover, contents, notes, then the ``data`` sheets (each with what the
    contents sheet says about it)."""
    described = {cover.name: cover_entry, notes.name: notes_entry, **{s.name: d for s, d in data}}
    contents = contents_sheet([cover, notes, *(s for s, _ in data)], described)
    properties = Properties(
        title=title,
        subject=subject,
        keywords=keywords,
        comments=texts.SYNTHETIC if synthetic else texts.SOURCE,
        created=created,
    )
    return Workbook(title=title, properties=properties, sheets=(cover, contents, notes, *(s for s, _ in data)))
