"""The front matter every workbook shares: cover, contents and notes sheets, properties.

The deck's workbook (``workbook.builder``) and the appendix's (``appendix.workbook``)
follow one accessibility checklist (ACCESSIBILITY.md "Workbook"), so they are put
together here: "Läs mig" first (the synthetic-data label on top), then "Innehåll" with a
link to every sheet, then "Noter" with the notes and the shorthand, then the data
sheets. Each builder brings only its own words.

Notes are Swedish (``[not 3]``) and numbered by ``NoteRefs`` in the order the sheets
first refer to them; the notes sheet lists exactly the notes referred to, so a note can
neither go unexplained nor stand there unreferenced (issue 16). A shorthand (``[x]``,
``[w]``, ``[z]``) is listed when some table of the workbook holds it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportgen.imprint import Imprint
from reportgen.workbook import texts
from reportgen.workbook.model import Column, Properties, Sheet, TableData, Workbook

#: What the contents sheet says about itself.
CONTENTS_ENTRY = "Den här förteckningen över flikarna"
#: Swedish label of a note reference.
NOTE_LABEL = "[not {n}]"


class NoteRefs:
    """Hands out note labels while the sheets are built; ``rows`` then gives the notes
    sheet's rows for exactly the notes handed out, numbered in that order."""

    def __init__(self, notes: Mapping[str, str]):
        self._texts = dict(notes)
        self._order: list[str] = []

    def ref(self, *keys: str) -> str:
        """The labels of ``keys`` ("[not 1] [not 4]"), numbering new ones."""
        labels = []
        for key in keys:
            if key not in self._texts:
                raise KeyError(f"no note {key!r}")
            if key not in self._order:
                self._order.append(key)
            labels.append(NOTE_LABEL.format(n=self._order.index(key) + 1))
        return " ".join(labels)

    def handed_out(self) -> tuple[str, ...]:
        """The keys numbered so far, in their order: what decides the next labels."""
        return tuple(self._order)

    def rows(self) -> list[tuple[str, str]]:
        return [(NOTE_LABEL.format(n=n), self._texts[key]) for n, key in enumerate(self._order, start=1)]


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


def shorthand_used(shorthand: Sequence[tuple[str, str]], data: Sequence[tuple[Sheet, str]]) -> list[str]:
    """The shorthand marks ("[x]", …) that some table of ``data`` holds, in ``shorthand``'s
    order: the notes sheet explains these, and the cover names these, no others."""
    used = {
        cell
        for sheet, _ in data
        if sheet.table is not None
        for row in sheet.table.rows
        for cell in row
        if isinstance(cell, str)
    }
    return [mark for mark, _ in shorthand if mark in used]


def notes_sheet(
    notes: NoteRefs,
    shorthand: Sequence[tuple[str, str]],
    data: Sequence[tuple[Sheet, str]],
    used: Sequence[str] | None = None,
) -> Sheet:
    """The notes referred to, then each shorthand that some table of ``data`` holds
    (``used``: ``shorthand_used`` of them, when the caller has it already). The
    synthetic label needs no note: it heads the cover and ends every data sheet."""
    used = shorthand_used(shorthand, data) if used is None else used
    rows = [*notes.rows(), *((mark, text) for mark, text in shorthand if mark in used)]
    table = TableData("noter", (Column("Not"), Column("Förklaring")), tuple(rows), "Noter och förkortningar")
    description = (
        "Noterna hänvisas till som [not 1], [not 2] och så vidare i flikarnas beskrivningar. "
        "Förkortningar inom hakparentes står i celler som saknar ett värde.",
    )
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
    imprint: Imprint | None,
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
        author=imprint.creator if imprint else "",
        company=imprint.organisation if imprint else "",
        created=imprint.created if imprint else None,
    )
    return Workbook(title=title, properties=properties, sheets=(cover, contents, notes, *(s for s, _ in data)))
