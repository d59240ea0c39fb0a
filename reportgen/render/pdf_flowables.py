"""Platypus flowables that tag what they draw through the deck's ``Tagger``.

The appendix flows over pages, so reportlab's platypus places it; these flowables put
each piece under its structure element while it is drawn (PDF/UA-1 §7.1), exactly as
the deck's slide renderer does, with the same :class:`~reportgen.render.pdf_tagging.Tagger`
and the same structure post-pass. Tables use the deck's ``TableTagger`` extended for
tables that continue over pages: one ``Table`` element for all of its pieces, the
repeated header rows marked as pagination artifacts (they repeat for the eye only).
A table whose header points to footnotes (:class:`NotedTable`) carries them under
every piece, so each page has the notes its header points to (issue 18).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.tables import Table as RLTable

from reportgen.render.pdf_tagging import TableTagger, Tagger


@dataclass
class Session:
    """One pass of the two-pass build: the tagger of its canvas and the pages it found.

    ``known`` holds the heading pages of the previous pass (for the contents page);
    ``found`` collects this pass's, so the build can tell when they stop changing.
    """

    tagged: bool
    known: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    tagger: Tagger | None = None

    def start(self, canvas: Canvas) -> None:
        self.tagger = Tagger(canvas, enabled=self.tagged)

    @property
    def tag(self) -> Tagger:
        if self.tagger is None:
            raise RuntimeError("the document has not begun: no canvas to tag")
        return self.tagger


@dataclass(frozen=True)
class Anchor:
    """Where a heading lands: its key in the page record, bookmark title and level."""

    key: str
    title: str
    level: int  # outline level, 0 = top


class TaggedParagraph(RLParagraph):
    """A paragraph drawn inside one marked-content sequence of ``role`` (P, H1, TOCI …).

    A paragraph split over two pages becomes two elements of the same role; only the
    first piece carries the heading's anchor.
    """

    def __init__(
        self,
        text: str | None,
        style: Any,
        bulletText: str | None = None,
        frags: Any = None,
        caseSensitive: int = 1,
        encoding: str = "utf8",
        *,
        session: Session | None = None,
        role: str = "P",
        anchor: Anchor | None = None,
    ) -> None:
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)
        self.session = session
        self.role = role
        self.anchor = anchor

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight)
        for index, part in enumerate(parts):
            part.session, part.role = self.session, self.role
            part.anchor = self.anchor if index == 0 else None
        return parts

    def draw(self) -> None:
        assert self.session is not None
        if self.anchor is not None:
            _mark_anchor(self.canv, self.session, self.anchor, self.height)
        with self.session.tag.content(self.role):
            super().draw()


def _mark_anchor(canvas: Canvas, session: Session, anchor: Anchor, top: float) -> None:
    session.found[anchor.key] = canvas.getPageNumber()
    canvas.bookmarkHorizontal(anchor.key, 0, top)
    canvas.addOutlineEntry(anchor.title, anchor.key, level=anchor.level)


class GroupMark(Flowable):
    """Opens or closes a structure group (``Sect``, ``TOC``) where it stands in the story.

    Zero-sized, so it never takes room; ``keep_with_next`` lets an opening mark join the
    heading chain that platypus keeps together with the table after it.
    """

    _ZEROSIZE = True

    def __init__(self, session: Session, role: str | None, *, keep_with_next: bool = False) -> None:
        super().__init__()
        self.session = session
        self.role = role  # None closes the innermost open group
        self.keepWithNext = int(keep_with_next)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        if self.role is None:
            self.session.tag.close_group()
        else:
            self.session.tag.open_group(self.role)


class ContentsLine(Flowable):
    """One line of the contents page: the heading (wrapped if long) and its page number
    on the right, set in the same style so they share a baseline; together one ``TOCI``."""

    def __init__(
        self, session: Session, label: RLParagraph, number: RLParagraph, indent: float, number_width: float
    ) -> None:
        super().__init__()
        self.session = session
        self.label = label
        self.number = number
        self.indent = indent
        self.number_width = number_width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        _, label_height = self.label.wrap(availWidth - self.indent - self.number_width, availHeight)
        _, number_height = self.number.wrap(self.number_width, availHeight)
        self.height = max(label_height, number_height) + self.label.style.spaceAfter
        return self.width, self.height

    def draw(self) -> None:
        with self.session.tag.content("TOCI"):
            self.label.drawOn(self.canv, self.indent, self.height - self.label.height)
            self.number.drawOn(self.canv, self.width - self.number_width, self.height - self.number.height)


class FlowingTableTagger(TableTagger):
    """The deck's table tagging for a table that platypus splits over pages.

    reportlab hands every piece of a split table the same callback object and, with
    ``repeatRows=1``, puts the header row again at the top of each continuation. The
    first piece opens the ``Table`` element; later pieces add their rows to it, and
    their repeated header cells are ``Pagination`` artifacts; the last piece closes it.
    Body cells of the first column are row headers (``TH /Scope /Row``): the insats
    names what the row's figures are about.
    """

    def __init__(self, session: Session, body_rows: int, header_rows: int = 1) -> None:
        # Not TableTagger.__init__: the tagger exists only once the pass has begun, so
        # it is taken from the session at the first callback (always startTable).
        self.session = session
        self.header_rows = header_rows
        self.body_rows = body_rows
        self.drawn = 0
        self.started = False
        self.continuation = False
        self.artifact_row = False

    def startTable(self, T: RLTable) -> None:
        self.tagger = self.session.tag
        self.continuation = self.started
        if not self.started:
            self.started = True
            self.tagger.open_group("Table")

    def startRow(self, T: RLTable, rowNo: int) -> None:
        self.artifact_row = self.continuation and rowNo < self.header_rows
        if not self.artifact_row:
            self.tagger.open_group("TR")
            if rowNo >= self.header_rows:
                self.drawn += 1

    def startCell(self, T: RLTable, rowNo: int, colNo: int, *_: Any) -> None:
        if self.artifact_row:
            self.tagger.begin_artifact("Pagination")
        elif rowNo < self.header_rows:
            self.tagger.begin_content("TH", owner="Table", attributes={"Scope": "Column"})
        elif colNo == 0:
            self.tagger.begin_content("TH", owner="Table", attributes={"Scope": "Row"})
        else:
            self.tagger.begin_content("TD")

    def endRow(self, T: RLTable) -> None:
        if not self.artifact_row:
            self.tagger.close_group()

    def endTable(self, T: RLTable) -> None:
        if self.drawn >= self.body_rows:
            self.tagger.close_group()


class NotedTable(RLTable):
    """A flowing table with its footnotes under every piece it is split into.

    The notes take room below the table on each page: ``wrap`` counts them, ``split``
    keeps that room free when it cuts rows. Under the piece that ends the table they are
    real content (``P``, after the ``Table`` element, in reading order); under the
    pieces before it they repeat for the eye only, as pagination artifacts, like the
    repeated header row. reportlab makes the pieces with the plain constructor, so
    ``split`` hands each piece the notes. Set ``notes`` and ``session`` after making it.
    """

    notes: tuple[RLParagraph, ...] = ()
    session: Session | None = None
    NOTE_GAP = 4.0  # points between the table and its first note

    def _notes_height(self, width: float) -> float:
        if not self.notes:
            return 0.0
        heights = [n.wrap(width, 1e6)[1] + n.style.spaceAfter for n in self.notes]
        return self.NOTE_GAP + sum(heights)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        self._notes_width = availWidth
        return width, height + self._notes_height(availWidth)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts = super().split(availWidth, availHeight - self._notes_height(availWidth))
        for part in parts:
            if isinstance(part, NotedTable):
                part.notes, part.session = self.notes, self.session
        return parts

    def draw(self) -> None:
        below = self._notes_height(self._notes_width)
        self.canv.saveState()
        self.canv.translate(0, below)
        super().draw()
        self.canv.restoreState()
        if not self.notes:
            return
        assert self.session is not None
        callback = getattr(self, "_renderCB", None)
        ended = not isinstance(callback, FlowingTableTagger) or callback.drawn >= callback.body_rows
        top = below - self.NOTE_GAP
        for note in self.notes:
            _, height = note.wrap(self._notes_width, 1e6)
            tag = self.session.tag.content("P") if ended else self.session.tag.artifact("Pagination")
            with tag:
                note.drawOn(self.canv, 0, top - height)
            top -= height + note.style.spaceAfter
