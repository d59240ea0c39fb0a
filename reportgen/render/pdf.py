"""The PDF deck: one 16:9 page per slide of the deck model, drawn with reportlab.

Walks the same :class:`~reportgen.deck.model.Deck` as the PowerPoint renderer, page by
page (``render.dispatch.pages``), with the same function per slide kind and block kind
(``render_text``, ``render_key_figure``, ``render_table``, ``render_chart``) dispatched by
a dict, and the same geometry and text looks (``render.geometry``). Every painted thing is bracketed by the
:class:`~reportgen.render.pdf_tagging.Tagger` as tagged content or as an artifact
(PDF/UA-1, SPEC §8c); charts are placed as vector form XObjects and the structure tree
is written by the ``pdf_structure`` post-pass. No LibreOffice anywhere (issue 5).
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as RLParagraph

from reportgen.deck.model import ChartSpec, Deck, KeyFigure, Paragraph, Slide, Table, TextBlock
from reportgen.figures.art import ChartArt
from reportgen.figures.font_sheet import font_sheet
from reportgen.figures.layout import caption_lines
from reportgen.render.dispatch import Page, block_table, pages, slide_table
from reportgen.render.geometry import (
    BULLET_INDENT,
    PARA_SPACE,
    PT,
    Look,
    chart_regions,
    demo_text_region,
    divider_look,
    document_subject,
    key_figure_regions,
    look,
    place_picture,
    table_caption_regions,
)
from reportgen.render.pdf_fonts import PdfFonts, register_fonts
from reportgen.render.pdf_layout import fit_paragraphs, fit_table, shared_style
from reportgen.render.pdf_structure import ChartUse, DocumentInfo, finish_pdf
from reportgen.render.pdf_tagging import TableTagger, Tagger
from reportgen.render.pdf_text import plain_paragraph
from reportgen.theme import Region, Theme, load_theme


@dataclass
class Ctx:
    """What every render function needs for one deck; collects the charts it places."""

    canvas: Canvas
    theme: Theme
    fonts: PdfFonts
    tagger: Tagger
    charts: Mapping[str, ChartArt]
    chart_names: dict[str, str] = field(default_factory=dict)
    chart_uses: list[ChartUse] = field(default_factory=list)

    def box(self, region: Region) -> tuple[float, float, float, float]:
        """A theme region (inches from the top-left) as reportlab's x, bottom, w, h."""
        return (
            region.x * PT,
            (self.theme.height - region.y - region.height) * PT,
            region.width * PT,
            region.height * PT,
        )

    def color(self, key: str) -> Any:
        return HexColor(self.theme.color(key))


def render_pdf(
    deck: Deck, charts: Mapping[str, ChartArt], path: Path, *, theme: Theme | None = None, tagged: bool = True
) -> None:
    """Write the deck as PDF to ``path``; tagged PDF/UA-1 unless ``tagged`` is False."""
    theme = theme or load_theme()
    fonts = register_fonts(theme)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(theme.width * PT, theme.height * PT),
        invariant=1,  # same input, same bytes (SPEC §7); the dates come from the imprint
        initialFontName=fonts.regular,  # else the page preamble selects unembedded Helvetica
        lang=deck.language,
    )
    info = DocumentInfo(
        title=deck.title,
        language=deck.language,
        subject=document_subject(deck),
        imprint=deck.imprint,
    )
    ctx = Ctx(canvas, theme, fonts, Tagger(canvas, enabled=tagged), charts)

    for part, group in itertools.groupby(pages(deck), key=lambda page: page.part):
        with ctx.tagger.group("Sect") if part >= 0 else nullcontext():  # one Sect per section
            for page in group:
                _render_slide(ctx, deck, page)
    canvas.showOutline()
    finish_pdf(
        canvas.getpdfdata(),
        path,
        charts=charts,
        uses=ctx.chart_uses,
        structure=ctx.tagger.root if tagged else None,
        info=info,
        # Shared fonts pay off from two charts on (a profile has one: its own are smaller).
        font_sheet=font_sheet(theme) if len({use.key for use in ctx.chart_uses}) > 1 else b"",
    )


def _render_slide(ctx: Ctx, deck: Deck, page: Page) -> None:
    slide = page.slide
    ctx.tagger.start_page()
    for n, (title, level) in enumerate(page.bookmarks):
        key = f"p{ctx.tagger.page}-{n}"
        ctx.canvas.bookmarkPage(key)
        ctx.canvas.addOutlineEntry(title, key, level=level)
    SLIDE_RENDERERS[slide.kind](ctx, deck, slide)
    if slide.kind != "title":
        render_page_number(ctx, page.number, on_dark=slide.kind == "section")
    ctx.canvas.showPage()


# ------------------------------------------------------------------- slide kinds
def render_title_slide(ctx: Ctx, deck: Deck, slide: Slide) -> None:
    """Deck title, subtitle and date; the synthetic-data label when it applies (SPEC §9)."""
    t = ctx.theme
    _fill(ctx, Region(0, 0, 0.25, t.height), "primary")
    title = slide.title or deck.title
    _text(ctx, t.region("deck_title"), title, "H1", look(t, "deck_title"))
    # Subtitle and date as two paragraphs with the body's paragraph spacing, as the PPTX sets them.
    lines = tuple(Paragraph(s) for s in (deck.subtitle, deck.date_text) if s)
    if lines:
        _paragraphs(ctx, t.region("deck_subtitle"), lines, look(t, "deck_subtitle"))
    if deck.synthetic:
        band = t.region("demo_label")
        _fill(ctx, band, "accent")
        _text(ctx, demo_text_region(band), deck.demo_label, "P", look(t, "demo_label"))
    _render_blocks(ctx, slide)


def render_divider(ctx: Ctx, deck: Deck, slide: Slide) -> None:
    """Section divider: big number and title (one H1) on the primary colour."""
    _divider(ctx, slide, "H1", "divider_background", on_dark=True)


def render_subdivider(ctx: Ctx, deck: Deck, slide: Slide) -> None:
    """Sub-section divider: the title (H2) on the light colour, number above when given."""
    _divider(ctx, slide, "H2", "light", on_dark=False)


def _divider(ctx: Ctx, slide: Slide, role: str, background: str, *, on_dark: bool) -> None:
    t = ctx.theme
    _fill(ctx, Region(0, 0, t.width, t.height), background)
    with ctx.tagger.content(role):
        if slide.section_number:
            number = divider_look(t, "section_number", on_dark)
            _draw(ctx, t.region("section_number"), slide.section_number, number)
        _draw(ctx, t.region("section_title"), slide.title, divider_look(t, "section_title", on_dark))


def render_content_slide(ctx: Ctx, deck: Deck, slide: Slide) -> None:
    """Title top-left, blocks in their regions, then the note and source lines."""
    render_title(ctx, slide)
    _render_blocks(ctx, slide)
    render_note(ctx, slide)
    render_source(ctx, slide)


def _render_blocks(ctx: Ctx, slide: Slide) -> None:
    for block in slide.blocks:
        BLOCK_RENDERERS[type(block)](ctx, block)


# ------------------------------------------------------------- slide furniture
def render_title(ctx: Ctx, slide: Slide) -> None:
    """The slide title (H2) in the title region, with a rule (an artifact) below it."""
    t = ctx.theme
    region = t.region("title")
    _text(ctx, region, slide.title, "H2", look(t, "title"))
    x, y, w, _ = ctx.box(region)
    with ctx.tagger.artifact():
        ctx.canvas.setStrokeColor(ctx.color("rule"))
        ctx.canvas.setLineWidth(0.75)
        ctx.canvas.line(x, y, x + w, y)


def render_note(ctx: Ctx, slide: Slide) -> None:
    if slide.note:
        _text(ctx, ctx.theme.region("note"), f"Not: {slide.note}", "P", look(ctx.theme, "note"))


def render_source(ctx: Ctx, slide: Slide) -> None:
    if slide.source:
        _text(ctx, ctx.theme.region("source"), f"Källa: {slide.source}", "P", look(ctx.theme, "source"))


def render_page_number(ctx: Ctx, number: int, *, on_dark: bool = False) -> None:
    """Page furniture, hence an artifact of type Pagination (PDF/UA-1 §7.8)."""
    t = ctx.theme
    x, y, w, h = ctx.box(t.region("page_number"))
    size = t.sizes["page_number"]
    with ctx.tagger.artifact("Pagination"):
        ctx.canvas.setFillColor(ctx.color("divider_text" if on_dark else "muted"))
        ctx.canvas.setFont(ctx.fonts.regular, size)
        ctx.canvas.drawRightString(x + w, y + h - size, str(number))


# ----------------------------------------------------------------- block kinds
def render_text(ctx: Ctx, block: TextBlock) -> None:
    """Paragraphs wrapped in the region; bullets (level > 0) as a list L/LI/LBody."""
    _paragraphs(ctx, ctx.theme.region(block.region), block.paragraphs, look(ctx.theme, "body", size=block.size))


def _paragraphs(ctx: Ctx, region: Region, items: tuple[Paragraph, ...], base: Look) -> None:
    x, y, w, h = ctx.box(region)

    def build(size: float) -> list[RLParagraph]:
        out = []
        for p in items:
            indent = BULLET_INDENT * size * p.level
            style = shared_style(ctx.theme, ctx.fonts, size, bold=p.bold, space_after=PARA_SPACE * size, indent=indent)
            bullet = ("•" if p.level == 1 else "–") if p.level else None
            out.append(plain_paragraph(p.text, style, bullet))
        return out

    paragraphs, heights = fit_paragraphs(build, base.size, base.min_size, w, h)
    top = y + h
    in_list = False
    for p, para, height in zip(items, paragraphs, heights, strict=True):
        if p.level and not in_list:
            ctx.tagger.open_group("L")
        elif not p.level and in_list:
            ctx.tagger.close_group()
        in_list = bool(p.level)
        if in_list:
            with ctx.tagger.group("LI"), ctx.tagger.content("LBody"):
                para.drawOn(ctx.canvas, x, top - para.height)
        else:
            with ctx.tagger.content("P"):
                para.drawOn(ctx.canvas, x, top - para.height)
        top -= height
    if in_list:
        ctx.tagger.close_group()


def render_key_figure(ctx: Ctx, block: KeyFigure) -> None:
    """A headline number in the primary colour with its caption below."""
    t = ctx.theme
    value, rest = key_figure_regions(t.region(block.region), t)
    _text(ctx, value, block.value, "P", look(t, "key_value"))
    _text(ctx, rest, block.caption, "P", look(t, "key_caption"))


def render_table(ctx: Ctx, block: Table) -> None:
    """A real table (TH with /Scope, TD), header row in the primary colour, shrunk to fit
    its region (``pdf_layout.fit_table``): it never runs off the slide."""
    t = ctx.theme
    region = t.region(block.region)
    if block.caption:
        strip, region = table_caption_regions(region, t)
        _text(ctx, strip, block.caption, "P", look(t, "table_caption"))
    x, y, w, h = ctx.box(region)
    tagging = TableTagger(ctx.tagger) if ctx.tagger.enabled else None
    table, height = fit_table(t, ctx.fonts, block, w, h, tagging)
    table.drawOn(ctx.canvas, x, y + h - height)


def render_chart(ctx: Ctx, spec: ChartSpec) -> None:
    """The chart's vector PDF as a Figure with its alt text; caption above as text.

    The ``Do`` is written here, inside the Figure's marked content; ``pdf_structure``
    adds the form XObject it names after drawing.
    """
    if spec.key not in ctx.charts:
        raise KeyError(f"no drawn chart for chart key {spec.key!r}")
    if not spec.alt_text.strip():
        raise ValueError(f"chart {spec.key!r} has no alt text (PDF/UA-1 §7.3)")
    t = ctx.theme
    strip, box = chart_regions(spec, t)
    if strip is not None:  # the figures package's line breaks, as in the PPTX
        lines = caption_lines(spec, t)
        _text(ctx, strip, "\n".join(lines), "P", look(t, "chart_caption"), lines=True)
    art = ctx.charts[spec.key]
    x, y, w, h = ctx.box(box)
    left, scale, ch = place_picture(x, w, h, art.width * PT, art.height * PT)
    cw = art.width * PT * scale
    bottom = y + h - ch
    name = ctx.chart_names.setdefault(spec.key, f"RgChart{len(ctx.chart_names)}")
    ctx.chart_uses.append(ChartUse(page=max(ctx.tagger.page, 0), name=name, key=spec.key))
    bbox = (round(left, 2), round(bottom, 2), round(left + cw, 2), round(bottom + ch, 2))
    with ctx.tagger.content("Figure", alt=spec.alt_text, attributes={"BBox": bbox}):
        ctx.canvas.addLiteral(f"q {scale:.5f} 0 0 {scale:.5f} {left:.3f} {bottom:.3f} cm /{name} Do Q")


SLIDE_RENDERERS: Mapping[str, Callable[[Ctx, Deck, Slide], None]] = slide_table(
    "render.pdf",
    {
        "title": render_title_slide,
        "contents": render_content_slide,
        "section": render_divider,
        "subsection": render_subdivider,
        "content": render_content_slide,
    },
)
BLOCK_RENDERERS: Mapping[type, Callable[[Ctx, Any], None]] = block_table(
    "render.pdf",
    {TextBlock: render_text, KeyFigure: render_key_figure, Table: render_table, ChartSpec: render_chart},
)


# --------------------------------------------------------------------- helpers
def _draw(ctx: Ctx, region: Region, text: str, look: Look, *, lines: bool = False) -> None:
    """One paragraph of plain text, shrunk to fit the region; untagged. With ``lines``
    each line of ``text`` starts a new line (a chart caption's breaks)."""
    x, y, w, h = ctx.box(region)
    parts = text.split("\n") if lines else [text]
    # A line of its own is a one-line paragraph: it draws where the same line of one
    # paragraph with <br/> breaks would, for a fraction of the cost (reportlab breaks
    # and draws a paragraph of several fragments word by word). An empty line keeps
    # the <br/> route, as a paragraph of no text has no height. (These styles have no
    # space after a paragraph, so the lines stack at the line height.)
    one_per_line = not lines or all(part.strip() for part in parts)

    def build(size: float) -> list[RLParagraph]:
        style = shared_style(ctx.theme, ctx.fonts, size, bold=look.bold, color=look.color)
        if one_per_line:
            return [plain_paragraph(part, style) for part in parts]
        return [RLParagraph("<br/>".join(escape(part) for part in parts), style)]

    paragraphs, heights = fit_paragraphs(build, look.size, look.min_size, w, h)
    height = sum(heights)
    top = {"top": y + h, "bottom": y + height, "middle": y + (h + height) / 2}[look.valign]
    for para, used in zip(paragraphs, heights, strict=True):
        para.drawOn(ctx.canvas, x, top - para.height)
        top -= used


def _text(ctx: Ctx, region: Region, text: str, role: str, look: Look, *, lines: bool = False) -> None:
    """One tagged paragraph of plain text ('<' and '&' in names are safe).

    Empty text draws nothing: an empty heading or paragraph is a PDF/UA defect."""
    if text.strip():
        with ctx.tagger.content(role):
            _draw(ctx, region, text, look, lines=lines)


def _fill(ctx: Ctx, region: Region, color: str) -> None:
    """A filled rectangle as a Layout artifact (backgrounds, bands)."""
    x, y, w, h = ctx.box(region)
    with ctx.tagger.artifact():
        ctx.canvas.setFillColor(ctx.color(color))
        ctx.canvas.rect(x, y, w, h, stroke=0, fill=1)
