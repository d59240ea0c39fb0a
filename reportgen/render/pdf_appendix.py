"""The appendix as an A4 portrait PDF (issue 10), on the deck's PDF stack.

Same fonts (``render.pdf_fonts``), text and table styles (``render.pdf.paragraph_style``,
``render.pdf.table_style``), tagging (``render.pdf_tagging``) and structure post-pass
(``render.pdf_structure.finish_pdf``) as the deck; only the page flow is platypus, since
the appendix runs over as many pages as its tables need. Tables repeat their header row
on every page they continue on (``repeatRows=1``) and are split between rows only.

The contents page needs the pages of headings that come after it, so the document is
laid out twice: the first pass records where each heading lands, the second prints
those numbers (and is repeated in the unlikely case that the numbers move the layout).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, NextPageTemplate, PageBreak, PageTemplate, Spacer
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus.flowables import Flowable, KeepTogether, _listWrapOn

from reportgen.appendix.model import AppendixDocument, Block, Heading, Paragraph, Section, Table
from reportgen.render.pdf_flowables import (
    Anchor,
    ContentsLine,
    FlowingTableTagger,
    GroupMark,
    NotedTable,
    Session,
    TaggedParagraph,
)
from reportgen.render.pdf_fonts import PdfFonts, register_fonts
from reportgen.render.pdf_layout import paragraph_style, table_style
from reportgen.render.pdf_structure import DocumentInfo, finish_pdf
from reportgen.theme import Theme, load_theme

PT = 72.0
CM = PT / 2.54
MARGIN = 2.0 * CM
FOOTER_GAP = 0.9 * CM  # from the page's bottom edge to the footer's baseline
#: Type sizes of the A4 page (points); the deck's theme sizes are for 16:9 slides.
SIZES = {
    "title": 24,
    "scope": 18,
    "h1": 15,
    "h2": 12.5,
    "h3": 10.5,
    "body": 10,
    "note": 8,
    "table": 8.5,
    "header": 8,
    "footer": 8,
    "contents": 10,
}
_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}
MAX_PASSES = 4
#: An area goes on from the page where the last one ended when at least this share of
#: the page is free; otherwise it starts a new page. A page per area, as the national
#: appendix has, left pages almost blank after a short last table (issue 18).
AREA_ROOM = 0.3


def render_appendix_pdf(doc: AppendixDocument, path: Path, *, theme: Theme | None = None, tagged: bool = True) -> None:
    """Write ``doc`` as PDF to ``path``: tagged PDF/UA-1 unless ``tagged`` is False."""
    theme = theme or load_theme()
    fonts = register_fonts(theme)
    known: dict[str, int] = {}
    for _ in range(MAX_PASSES):
        session = Session(tagged=tagged, known=known)
        data = _layout(doc, theme, fonts, session)
        if session.found == known:
            break
        known = session.found
    else:  # pragma: no cover — page numbers of a fixed story converge after one extra pass
        raise RuntimeError("the contents page numbers did not settle")
    info = DocumentInfo(title=doc.title, language=doc.language, subject=doc.subject, imprint=doc.imprint)
    finish_pdf(data, path, charts={}, uses=(), structure=session.tag.root if tagged else None, info=info)


class _KeepHeadings(KeepTogether):
    """Headings kept with what follows them, without leaving half a page blank.

    Platypus keeps a chain of keep-with-next flowables (area, huvudgrupp and
    sub-heading, then the first table) together, and moves the whole chain to the next
    page when it does not fit — with a long table it never fits, so the room left was
    wasted. Here a chain that does not fit starts where it is, provided the headings
    and at least the first rows of what follows fit in the room left (so no heading is
    left alone at the foot of a page); only otherwise does it move on (issue 18).
    """

    def split(self, aW: float, aH: float) -> list[Any]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        *lead, last = self._content
        if aH < self._H and lead:
            _, used = _listWrapOn(lead, aW, self.canv)
            if used < aH and last.split(aW, aH - used):
                return self._content[:]
        return super().split(aW, aH)


class _Doc(BaseDocTemplate):
    """Starts the session's tagger on the canvas platypus makes for this pass."""

    def __init__(self, buffer: io.BytesIO, session: Session, **kw: Any) -> None:
        super().__init__(buffer, keepTogetherClass=_KeepHeadings, **kw)
        self.session = session

    def handle_documentBegin(self) -> None:
        self.session.start(self.canv)
        self.canv.showOutline()
        super().handle_documentBegin()


def _layout(doc: AppendixDocument, theme: Theme, fonts: PdfFonts, session: Session) -> bytes:
    buffer = io.BytesIO()
    width, height = A4
    template = _Doc(
        buffer,
        session,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=doc.title,
        subject=doc.subject,
        lang=doc.language,
        invariant=1,  # the dates come from the imprint (pdf_structure.write_metadata)
        initialFontName=fonts.regular,  # else the page preamble selects unembedded Helvetica
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        width - 2 * MARGIN,
        height - 2 * MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    furniture = _Furniture(doc, theme, fonts, session)
    template.addPageTemplates(
        [
            PageTemplate(id="title", frames=[frame], onPage=furniture.title_page, pagesize=A4),
            PageTemplate(id="body", frames=[frame], onPage=furniture.body_page, pagesize=A4),
        ]
    )
    story = _Story(doc, theme, fonts, session, frame.width, frame.height)
    template.build(story.flowables())
    return buffer.getvalue()


class _Furniture:
    """What every page gets: a new page for the tagger, and the footer as an artifact."""

    def __init__(self, doc: AppendixDocument, theme: Theme, fonts: PdfFonts, session: Session) -> None:
        self.doc, self.theme, self.fonts, self.session = doc, theme, fonts, session

    def title_page(self, canvas: Any, _template: Any) -> None:
        self.session.tag.start_page()
        with self.session.tag.artifact():
            canvas.setFillColor(HexColor(self.theme.color("primary")))
            canvas.rect(0, 0, 0.6 * CM, A4[1], stroke=0, fill=1)

    def body_page(self, canvas: Any, _template: Any) -> None:
        """Footer text and page number: pagination artifacts (PDF/UA-1 §7.8)."""
        self.session.tag.start_page()
        width = A4[0]
        with self.session.tag.artifact("Pagination"):
            canvas.saveState()
            canvas.setFont(self.fonts.regular, SIZES["footer"])
            canvas.setFillColor(HexColor(self.theme.color("muted")))
            canvas.drawString(MARGIN, FOOTER_GAP, self.doc.running_footer)
            canvas.drawRightString(width - MARGIN, FOOTER_GAP, str(canvas.getPageNumber()))
            canvas.restoreState()
        with self.session.tag.artifact():
            canvas.saveState()
            canvas.setStrokeColor(HexColor(self.theme.color("rule")))
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, FOOTER_GAP + SIZES["footer"] + 3, width - MARGIN, FOOTER_GAP + SIZES["footer"] + 3)
            canvas.restoreState()


class _Story:
    """The flowables of one pass, one function per block kind (as the deck's renderers)."""

    def __init__(
        self, doc: AppendixDocument, theme: Theme, fonts: PdfFonts, session: Session, width: float, height: float
    ):
        self.doc, self.theme, self.fonts, self.session, self.width = doc, theme, fonts, session, width
        self.frame_height = height
        self.keys = {id(h): f"h{i}" for i, h in enumerate(doc.contents_entries())}
        self.renderers: dict[type, Callable[[Any], list[Flowable]]] = {
            Paragraph: self.paragraph,
            Table: self.table,
            Heading: self.heading,
        }

    # ------------------------------------------------------------------ styles
    def style(
        self,
        size: float,
        *,
        before: float = 0.0,
        after: float = 0.0,
        leading: float = 1.25,
        keep: bool = False,
        **look: Any,
    ) -> ParagraphStyle:
        """The deck's paragraph style (``look``: bold, color, align) with the page's
        leading, spacing and keep-with-next."""
        style = paragraph_style(self.theme, self.fonts, size, space_after=after, **look)
        style.leading = size * leading
        style.spaceBefore = before
        style.keepWithNext = int(keep)
        return style

    def para(
        self, text: str, style: ParagraphStyle, role: str = "P", anchor: Anchor | None = None, markup: bool = False
    ) -> TaggedParagraph:
        return TaggedParagraph(text if markup else escape(text), style, session=self.session, role=role, anchor=anchor)

    # ------------------------------------------------------------------- story
    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = [NextPageTemplate("body")]
        out += self.title_page()
        out.append(PageBreak())
        out += self.contents()
        out.append(PageBreak())
        for index, section in enumerate(self.doc.sections):
            if index > 0:  # an area starts on a new page, unless the last one left much of it free
                out.append(CondPageBreak(AREA_ROOM * self.frame_height))
            out += self.section(section)
        return out

    def title_page(self) -> list[Flowable]:
        page = self.doc.title_page
        anchor = Anchor("title", page.title, 0)
        out: list[Flowable] = [Spacer(1, 6 * CM)]
        out.append(
            self.para(
                page.title, self.style(SIZES["title"], bold=True, color="primary", after=18, leading=1.2), "H1", anchor
            )
        )
        out.append(self.para(page.scope, self.style(SIZES["scope"], bold=True, after=24)))
        out += [self.para(line, self.style(12, after=6)) for line in page.lines]
        for index, line in enumerate(page.publisher):  # the organisation (bold), then its contact
            out.append(self.para(line, self.style(12, bold=index == 0, before=18 if index == 0 else 0, after=6)))
        if page.demo_label:
            band = self.style(12, bold=True, color="background")
            band.backColor = HexColor(self.theme.color("accent"))
            band.borderPadding = 6
            band.spaceBefore = 36
            out.append(self.para(page.demo_label, band))
        return out

    def contents(self) -> list[Flowable]:
        heading = self.para(
            self.doc.contents_title,
            self.style(SIZES["h1"], bold=True, color="primary", after=14),
            "H1",
            Anchor("contents", self.doc.contents_title, 0),
        )
        out: list[Flowable] = [heading, GroupMark(self.session, "TOC")]
        size = SIZES["contents"]
        for entry in self.doc.contents_entries():
            top = entry.level == 1
            style = self.style(size, bold=top, after=2 if top else 3)
            number_style = self.style(size, bold=top, align=TA_RIGHT)
            label = RLParagraph(escape(entry.label), style)  # untagged: the line's TOCI owns it
            number = RLParagraph(str(self.session.known.get(self.keys[id(entry)], 0)), number_style)
            if top:
                out.append(Spacer(1, 4))
            out.append(ContentsLine(self.session, label, number, 0.0 if top else 1.0 * CM, 3.2 * size))
        out.append(GroupMark(self.session, None))
        return out

    def section(self, section: Section) -> list[Flowable]:
        out: list[Flowable] = [GroupMark(self.session, "Sect", keep_with_next=True)]
        out += self.heading(section.heading)
        for block in section.blocks:
            out += self.block(block)
        for sub in section.subsections:
            out += self.section(sub)
        out.append(GroupMark(self.session, None))
        return out

    def block(self, block: Block) -> list[Flowable]:
        return self.renderers[type(block)](block)

    # ------------------------------------------------------------- block kinds
    def heading(self, heading: Heading) -> list[Flowable]:
        size = SIZES[f"h{heading.level}"]
        before = {1: 0, 2: 14, 3: 10}[heading.level]
        style = self.style(
            size, bold=True, color="primary" if heading.level < 3 else "text", before=before, after=6, keep=True
        )
        key = self.keys.get(id(heading))
        anchor = Anchor(key, heading.label, heading.level - 1) if key else None
        return [self.para(heading.label, style, f"H{heading.level}", anchor)]

    def note(self, paragraph: Paragraph) -> tuple[str, ParagraphStyle]:
        """A note's markup (its number raised before it) and style."""
        text = escape(paragraph.text)
        if paragraph.marker:
            text = f"<super>{escape(paragraph.marker)}</super> {text}"
        return text, self.style(SIZES["note"], color="muted", after=3, leading=1.3)

    def paragraph(self, paragraph: Paragraph) -> list[Flowable]:
        if paragraph.kind == "note":
            text, style = self.note(paragraph)
            return [self.para(text, style, markup=True)]
        if paragraph.kind == "notice":
            style = self.style(SIZES["body"], bold=True, before=6, after=8)
            return [self.para(paragraph.text, style)]
        return [self.para(paragraph.text, self.style(SIZES["body"], after=8, leading=1.35))]

    def table(self, table: Table) -> list[Flowable]:
        size = SIZES["table"]
        aligns = [_ALIGN[a] for a in table.align]
        head = []
        for cell, align in zip(table.header, aligns, strict=True):
            text = escape(cell.text) + (f"<super>{escape(cell.note)}</super>" if cell.note else "")
            style = self.style(SIZES["header"], bold=True, color="table_header_text", align=align, leading=1.2)
            head.append(RLParagraph(text, style))  # untagged: the cell's TH owns the content
        body_styles = [self.style(size, align=align, leading=1.2) for align in aligns]
        body = [[RLParagraph(escape(c), s) for c, s in zip(row, body_styles, strict=True)] for row in table.rows]
        style = table_style(self.theme, self.fonts, size)
        style.add("VALIGN", (0, 0), (-1, 0), "BOTTOM")
        style.add("VALIGN", (0, 1), (-1, -1), "BOTTOM")
        callback = FlowingTableTagger(self.session, len(body)) if self.session.tagged else None
        flowable = NotedTable(
            [head, *body],
            colWidths=[f * self.width for f in table.widths],
            style=style,
            repeatRows=1,
            splitInRow=0,
            renderCB=callback,
            hAlign="LEFT",
            spaceAfter=6,
        )
        # Untagged here: the table draws each under the piece it ends (P) or as a repeat.
        flowable.notes = tuple(RLParagraph(*self.note(note)) for note in table.notes)
        flowable.session = self.session
        return [flowable]
