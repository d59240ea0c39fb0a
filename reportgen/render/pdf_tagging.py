"""Marked content while the PDF is drawn, and a record of the structure it makes.

PDF/UA-1 §7.1: everything painted on a page is either real content inside a tagged
marked-content sequence (``/P <</MCID 3>> BDC … EMC``) or decoration inside an artifact
(``/Artifact BMC … EMC``). Open-source reportlab writes neither (ACCESSIBILITY.md), so
the renderer brackets each thing it draws through :class:`Tagger`, which writes the
operators with ``Canvas.addLiteral`` and records which structure element owns which
MCID on which page. ``pdf_structure`` turns that record into the ``/StructTreeRoot``
after drawing. With ``enabled=False`` every call is a no-op, so the untagged render
pays nothing (the benchmark's baseline).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.tables import Table, TableRenderCB


class ContentRef(NamedTuple):
    """One marked-content sequence: its page (0-based) and MCID on that page.

    A tuple, not a dataclass: a deck records thousands (one per table cell), and the
    tagged render may cost at most 1.2× the untagged one (issue 9).
    """

    page: int
    mcid: int


@dataclass(slots=True)
class Element:
    """A structure element being recorded (mutable only while the page is drawn).

    ``attributes`` go to the element's ``/A`` dictionary with owner ``owner``
    (``/Scope`` for table headers, ``/BBox`` for figures).
    """

    role: str
    kids: list[Element | ContentRef] = field(default_factory=list)
    alt: str = ""
    owner: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)


class Tagger:
    """Writes marked-content operators onto one canvas and records the structure.

    Groups (``Sect``, ``Table``, ``TR``, ``L``, ``LI``) hold other elements and never
    mark content themselves; content elements (``H1``, ``P``, ``TH``, ``Figure`` …)
    own the MCIDs. MCIDs are numbered from 0 on each page, as the ``/ParentTree``
    wants them.
    """

    def __init__(self, canvas: Canvas, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self.root = Element("Document")
        self.page = -1
        self._canvas = canvas
        self._stack: list[Element] = [self.root]
        self._next_mcid = 0
        self._open: list[str] = []  # marked-content sequences open on this page

    # ------------------------------------------------------------------ pages
    def start_page(self) -> None:
        """Call before drawing each page: MCIDs restart at 0."""
        if self._open:
            raise RuntimeError(f"marked content left open at end of page {self.page}: {self._open}")
        self.page += 1
        self._next_mcid = 0

    # ----------------------------------------------------------------- groups
    def open_group(self, role: str, **attributes: Any) -> Element:
        if not self.enabled:
            return _UNRECORDED
        element = Element(role, attributes=attributes)
        self._stack[-1].kids.append(element)
        self._stack.append(element)
        return element

    def close_group(self) -> None:
        if self.enabled:
            if len(self._stack) == 1:
                raise RuntimeError("close_group without open_group")
            self._stack.pop()

    @contextmanager
    def group(self, role: str, **attributes: Any) -> Iterator[Element]:
        element = self.open_group(role, **attributes)
        try:
            yield element
        finally:
            self.close_group()

    # ---------------------------------------------------------------- content
    def begin_content(
        self, role: str, *, alt: str = "", owner: str = "", attributes: dict[str, Any] | None = None
    ) -> Element:
        if not self.enabled:
            return _UNRECORDED
        mcid = self._next_mcid
        self._next_mcid += 1
        element = Element(role, [ContentRef(self.page, mcid)], alt, owner, attributes or {})
        self._stack[-1].kids.append(element)
        self._canvas.addLiteral(f"/{role} <</MCID {mcid}>> BDC")
        self._open.append(role)
        return element

    def end_content(self) -> None:
        if self.enabled:
            self._open.pop()
            self._canvas.addLiteral("EMC")

    def content(
        self, role: str, *, alt: str = "", owner: str = "", attributes: dict[str, Any] | None = None
    ) -> _Marked:
        """``with tagger.content("P"): draw…`` — the drawing becomes the element's content."""
        return _Marked(self, self.begin_content(role, alt=alt, owner=owner, attributes=attributes))

    # -------------------------------------------------------------- artifacts
    def begin_artifact(self, kind: str = "Layout") -> None:
        """Decoration: ``kind`` is ``Layout`` (backgrounds, rules) or ``Pagination``."""
        if self.enabled:
            self._canvas.addLiteral(f"/Artifact <</Type /{kind}>> BDC")
            self._open.append("Artifact")

    def end_artifact(self) -> None:
        self.end_content()

    def artifact(self, kind: str = "Layout") -> _Marked:
        self.begin_artifact(kind)
        return _Marked(self, None)


class _Marked:
    """Closes one marked-content sequence on exit (a class: cheaper than a generator)."""

    __slots__ = ("element", "tagger")

    def __init__(self, tagger: Tagger, element: Element | None) -> None:
        self.tagger = tagger
        self.element = element

    def __enter__(self) -> Element | None:
        return self.element

    def __exit__(self, *_: object) -> None:
        self.tagger.end_content()


_UNRECORDED = Element("NonStruct")  # what an untagged render's calls return; never written


class TableTagger(TableRenderCB):
    """reportlab's table callback: cells become TH/TD, fills and grid lines artifacts.

    Header cells carry ``/Scope /Column`` (PDF/UA-1 §7.5), since every table of the
    deck has exactly ``header_rows`` header rows above its body.
    """

    def __init__(self, tagger: Tagger, header_rows: int = 1) -> None:
        self.tagger = tagger
        self.header_rows = header_rows

    def __call__(self, T: Table, cmd: str, *args: Any) -> None:
        # Not the base class's: it type-checks the table on each of thousands of calls.
        getattr(self, cmd)(T, *args)

    def startTable(self, T: Table) -> None:
        self.tagger.open_group("Table")

    def startBG(self, T: Table) -> None:
        self.tagger.begin_artifact()

    def endBG(self, T: Table) -> None:
        self.tagger.end_artifact()

    def startRow(self, T: Table, rowNo: int) -> None:
        self.tagger.open_group("TR")

    def startCell(self, T: Table, rowNo: int, colNo: int, *_: Any) -> None:
        if rowNo < self.header_rows:
            self.tagger.begin_content("TH", owner="Table", attributes={"Scope": "Column"})
        else:
            self.tagger.begin_content("TD")

    def endCell(self, T: Table) -> None:
        self.tagger.end_content()

    def endRow(self, T: Table) -> None:
        self.tagger.close_group()

    def startLines(self, T: Table) -> None:
        self.tagger.begin_artifact()

    def endLines(self, T: Table) -> None:
        self.tagger.end_artifact()

    def endTable(self, T: Table) -> None:
        self.tagger.close_group()
