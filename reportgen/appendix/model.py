"""The neutral description of the result appendix (SPEC §8b, issue 10).

A flowing document, unlike the deck's fixed slides: numbered sections with headings,
paragraphs and tables that run over as many pages as they need. The builder
(``appendix.builder``) makes it once per scope from ``metrics.appendix.appendix_table``;
the PDF renderer (``render.pdf_appendix``) only lays it out, so every cell text is final here.
The workbook is built from the same table (``appendix.workbook``), not from this model,
because it keeps the numbers as numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportgen.imprint import Imprint

#: body: running text; note: the footnotes and mark explanations under a table;
#: notice: a statement standing in for missing tables ("nobody answered").
ParagraphKind = Literal["body", "note", "notice"]
Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Heading:
    """A section heading. ``level`` 1 = area (or front section), 2 = huvudgrupp,
    3 = the catalog's sub-heading. Levels 1–2 get a bookmark and a contents line."""

    level: int
    text: str
    number: str = ""

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise ValueError(f"heading level {self.level} (1–3 allowed)")
        if not self.text.strip():
            raise ValueError("a heading needs text (an empty heading is a PDF/UA defect)")

    @property
    def label(self) -> str:
        """Number and text as printed, in the contents and the bookmarks: "2.1 Boende"."""
        return f"{self.number} {self.text}".strip()

    @property
    def in_contents(self) -> bool:
        return self.level <= 2


@dataclass(frozen=True)
class Paragraph:
    """Running text; a footnote has its number in ``marker`` (drawn raised before it)."""

    text: str
    kind: ParagraphKind = "body"
    marker: str = ""

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValueError("a paragraph needs text")


@dataclass(frozen=True)
class HeaderCell:
    """A column header; ``note`` is the number of the footnote it refers to ("1"), if any."""

    text: str
    note: str = ""


@dataclass(frozen=True)
class Table:
    """A table with exactly one header row, repeated on every page it continues on.

    The first column names the row (the insats), so renderers mark it as a row header.
    ``widths`` are shares of the text width and add up to 1. ``notes`` are the footnotes
    its header cells point to: a renderer puts them under the table on every page the
    table runs over, so a page never points to a note that is not on it (issue 18).
    """

    header: tuple[HeaderCell, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    align: tuple[Align, ...]
    summary: str = ""
    notes: tuple[Paragraph, ...] = ()

    def __post_init__(self) -> None:
        n = len(self.header)
        if len(self.widths) != n or len(self.align) != n:
            raise ValueError("a table needs one width and one alignment per column")
        if abs(sum(self.widths) - 1.0) > 1e-6:
            raise ValueError(f"column widths add up to {sum(self.widths)}, not 1")
        if not self.rows:
            raise ValueError("a table needs at least one body row")
        for number, row in enumerate(self.rows, start=1):
            if len(row) != n:
                raise ValueError(f"row {number} has {len(row)} cells for {n} columns")
        pointed = {cell.note for cell in self.header if cell.note}
        given = {note.marker for note in self.notes}
        if pointed != given:
            raise ValueError(f"the header points to notes {sorted(pointed)}, the table carries {sorted(given)}")


#: A level-3 heading (the catalog's sub-heading) sits among the blocks of its huvudgrupp.
Block = Paragraph | Table | Heading


@dataclass(frozen=True)
class Section:
    """A heading (level 1–2), its own blocks, then its subsections (each a ``Sect`` in the PDF)."""

    heading: Heading
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()

    def walk(self) -> list[Section]:
        """This section and every section inside it, in reading order."""
        out = [self]
        for sub in self.subsections:
            out.extend(sub.walk())
        return out


@dataclass(frozen=True)
class TitlePage:
    title: str  # "Utvalda resultat för samtliga kartlagda insatser"
    scope: str  # "Skåne län" or "Riket"
    lines: tuple[str, ...]  # survey and year, what the document is
    demo_label: str = ""  # shown on the title page when made from synthetic data (SPEC §9)
    publisher: tuple[str, ...] = ()  # the organisation and contact line, when the settings give them


@dataclass(frozen=True)
class AppendixDocument:
    """The whole appendix: title page, contents (page numbers computed by the renderer),
    then the sections in order."""

    title: str  # document title (PDF metadata, shown by viewers)
    subject: str
    title_page: TitlePage
    contents_title: str
    sections: tuple[Section, ...]
    running_footer: str  # printed on every page after the title page
    language: str = "sv-SE"
    imprint: Imprint | None = None  # the run's build time and publisher (document properties)

    def contents_entries(self) -> list[Heading]:
        """The headings of levels 1–2 in reading order: the contents page and the bookmarks."""
        return [s.heading for top in self.sections for s in top.walk()]

    def tables(self) -> list[Table]:
        return [b for top in self.sections for s in top.walk() for b in s.blocks if isinstance(b, Table)]
