"""The PDF deck: one 16:9 page per slide of the deck model, drawn with reportlab.

Walks the same :class:`~reportgen.deck.model.Deck` as the PowerPoint renderer, with the
same function per block kind (``render_text``, ``render_key_figure``, ``render_table``,
``render_chart``) dispatched by a dict. Every painted thing is bracketed by the
:class:`~reportgen.render.pdf_tagging.Tagger` as tagged content or as an artifact
(PDF/UA-1, SPEC §8c); charts are placed as vector form XObjects and the structure tree
is written by the ``pdf_structure`` post-pass. No LibreOffice anywhere (issue 5).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from reportgen.deck.model import ChartSpec, Deck, KeyFigure, Slide, Table, TextBlock
from reportgen.figures.art import ChartArt
from reportgen.figures.layout import caption_lines, chart_box
from reportgen.render.pdf_fonts import PdfFonts, register_fonts
from reportgen.render.pdf_structure import ChartUse, DocumentInfo, finish_pdf
from reportgen.render.pdf_tagging import TableTagger, Tagger
from reportgen.theme import Region, Theme, load_theme

PT = 72.0  # points per inch
DEMO_LABEL = "Syntetiska demodata – inte verkliga svar"
_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}


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
        return (region.x * PT, (self.theme.height - region.y - region.height) * PT, region.width * PT, region.height * PT)

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
        invariant=1,  # same input, same bytes (SPEC §7)
        initialFontName=fonts.regular,  # else the page preamble selects unembedded Helvetica
        lang=deck.language,
    )
    info = DocumentInfo(
        title=deck.title,
        language=deck.language,
        subject=deck.subtitle if deck.county in deck.subtitle else " – ".join(p for p in (deck.subtitle, deck.county) if p),
        author=deck.author,
    )
    canvas.setTitle(info.title)
    canvas.setSubject(info.subject)
    canvas.setAuthor(info.author)
    canvas.setCreator("reportgen")
    ctx = Ctx(canvas, theme, fonts, Tagger(canvas, enabled=tagged), charts)

    for slide in deck.front:
        _render_slide(ctx, deck, slide, bookmarks=[(slide.title or deck.title, 0)])
    for section in deck.sections:
        outline = section.outline or tuple((s.title, i) for i, s in enumerate(section.slides) if s.kind == "subsection")
        with ctx.tagger.group("Sect"):
            for index, slide in enumerate(section.slides):
                marks = [(f"{section.number} {section.title}".strip(), 0)] if index == 0 else []
                marks += [(title, 1) for title, at in outline if at == index]
                _render_slide(ctx, deck, slide, bookmarks=marks)
    canvas.showOutline()
    finish_pdf(
        canvas.getpdfdata(),
        path,
        charts=charts,
        uses=ctx.chart_uses,
        structure=ctx.tagger.root if tagged else None,
        info=info,
    )


def _render_slide(ctx: Ctx, deck: Deck, slide: Slide, bookmarks: list[tuple[str, int]]) -> None:
    ctx.tagger.start_page()
    for title, level in bookmarks:
        key = f"p{ctx.tagger.page}-{level}"
        ctx.canvas.bookmarkPage(key)
        ctx.canvas.addOutlineEntry(title, key, level=level)
    SLIDE_RENDERERS[slide.kind](ctx, deck, slide)
    if slide.kind != "title":
        render_page_number(ctx, ctx.tagger.page + 1, on_dark=slide.kind == "section")
    ctx.canvas.showPage()


# ------------------------------------------------------------------- slide kinds
def render_title_slide(ctx: Ctx, deck: Deck, slide: Slide) -> None:
    """Deck title, subtitle and date; the synthetic-data label when it applies (SPEC §9)."""
    t = ctx.theme
    _fill(ctx, Region(0, 0, 0.25, t.height), "primary")
    _text(ctx, t.region("deck_title"), slide.title or deck.title, t.sizes["section_title"], "H1", bold=True, color="primary")
    lines = [deck.subtitle, deck.date_text]
    _text(ctx, t.region("deck_subtitle"), "<br/>".join(escape(s) for s in lines if s), t.sizes["title"], "P", markup=True)
    if deck.synthetic:
        region = t.region("demo_label")
        _fill(ctx, region, "accent")
        inset = Region(region.x + 0.15, region.y, region.width - 0.3, region.height)
        _text(ctx, inset, DEMO_LABEL, t.sizes["title"], "P", bold=True, color="background", valign="middle")
    _render_blocks(ctx, slide)


def render_divider(ctx: Ctx, deck: Deck, slide: Slide) -> None:
    """Section divider: big number and title (one H1) on the primary colour."""
    t = ctx.theme
    _fill(ctx, Region(0, 0, t.width, t.height), "divider_background")
    with ctx.tagger.content("H1"):
        if slide.section_number:
            _draw_fitted(ctx, t.region("section_number"), [slide.section_number], t.sizes["section_number"],
                         bold=True, color="divider_text", valign="bottom")
        _draw_fitted(ctx, t.region("section_title"), [escape(slide.title)], t.sizes["section_title"],
                     bold=True, color="divider_text", markup=True)


def render_subdivider(ctx: Ctx, deck: Deck, slide: Slide) -> None:
    """Sub-section divider: the title (H2) on the light colour, number above when given."""
    t = ctx.theme
    _fill(ctx, Region(0, 0, t.width, t.height), "light")
    with ctx.tagger.content("H2"):
        if slide.section_number:
            _draw_fitted(ctx, t.region("section_number"), [slide.section_number], t.sizes["section_title"],
                         bold=True, color="primary", valign="bottom")
        _draw_fitted(ctx, t.region("section_title"), [escape(slide.title)], t.sizes["section_title"],
                     bold=True, color="primary", markup=True)


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
    t = ctx.theme
    region = t.region("title")
    _text(ctx, region, slide.title, t.sizes["title"], "H2", bold=True, color="primary", valign="middle", min_size=14)
    x, y, w, _ = ctx.box(region)
    with ctx.tagger.artifact():
        ctx.canvas.setStrokeColor(ctx.color("rule"))
        ctx.canvas.setLineWidth(0.75)
        ctx.canvas.line(x, y, x + w, y)


def render_note(ctx: Ctx, slide: Slide) -> None:
    if slide.note:
        t = ctx.theme
        _text(ctx, t.region("note"), f"Not: {slide.note}", t.sizes["note"], "P", color="muted", valign="bottom", min_size=6)


def render_source(ctx: Ctx, slide: Slide) -> None:
    if slide.source:
        t = ctx.theme
        _text(ctx, t.region("source"), f"Källa: {slide.source}", t.sizes["source"], "P", color="muted", min_size=6)


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
    base = block.size or ctx.theme.sizes["body"]
    x, y, w, h = ctx.box(ctx.theme.region(block.region))

    def build(size: float) -> list[RLParagraph]:
        out = []
        for p in block.paragraphs:
            style = _style(ctx, size, bold=p.bold, space_after=size * 0.45, indent=size * 1.3 * p.level)
            bullet = ("•" if p.level == 1 else "–") if p.level else None
            out.append(RLParagraph(escape(p.text), style, bulletText=bullet))
        return out

    paragraphs, heights = _fit(build, base, min(8.0, base), w, h)
    top = y + h
    in_list = False
    for p, para, height in zip(block.paragraphs, paragraphs, heights, strict=True):
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
    region = t.region(block.region)
    value_height = t.sizes["key_value"] * 1.25 / PT
    _text(ctx, Region(region.x, region.y, region.width, value_height), block.value, t.sizes["key_value"], "P",
          bold=True, color="primary", min_size=18)
    rest = Region(region.x, region.y + value_height + 0.05, region.width, region.height - value_height - 0.05)
    _text(ctx, rest, block.caption, t.sizes["key_caption"], "P", min_size=8)


def render_table(ctx: Ctx, block: Table) -> None:
    """A real table (TH/TD), header row in the primary colour, shrunk to fit its region.

    The font shrinks down to the theme's ``table_min``; if the table still does not fit,
    the longest cell texts are shortened with "…" so it can never run off the slide.
    """
    t = ctx.theme
    region = t.region(block.region)
    if block.caption:
        cap_h = t.sizes["caption"] * 1.5 / PT
        _text(ctx, Region(region.x, region.y, region.width, cap_h), block.caption, t.sizes["caption"], "P",
              bold=True, min_size=8)
        region = Region(region.x, region.y + cap_h, region.width, region.height - cap_h)
    x, y, w, h = ctx.box(region)
    base = block.font_size or t.sizes["table"]
    table, height = _fit_table(ctx, block, base, w, h)
    table.drawOn(ctx.canvas, x, y + h - height)


def render_chart(ctx: Ctx, spec: ChartSpec) -> None:
    """The chart's vector PDF as a Figure with its alt text; caption above as text."""
    t = ctx.theme
    region = t.region(spec.region)
    box = chart_box(spec, t)
    lines = caption_lines(spec, t)  # the figures package's line breaks, as in the PPTX
    if lines and box.y - region.y > 0.05:
        strip = Region(region.x, region.y, region.width, box.y - region.y)
        _text(ctx, strip, "<br/>".join(escape(line) for line in lines), t.sizes["caption"], "P", color="muted",
              min_size=7, markup=True)
    if spec.key not in ctx.charts:
        raise KeyError(f"no drawn chart for chart key {spec.key!r}")
    if not spec.alt_text.strip():
        raise ValueError(f"chart {spec.key!r} has no alt text (PDF/UA-1 §7.3)")
    art = ctx.charts[spec.key]
    x, y, w, h = ctx.box(box)
    scale = min(w / (art.width * PT), h / (art.height * PT))
    cw, ch = art.width * PT * scale, art.height * PT * scale
    left, bottom = x + (w - cw) / 2, y + h - ch
    name = ctx.chart_names.setdefault(spec.key, f"RgChart{len(ctx.chart_names)}")
    ctx.chart_uses.append(ChartUse(page=max(ctx.tagger.page, 0), name=name, key=spec.key))
    bbox = (round(left, 2), round(bottom, 2), round(left + cw, 2), round(bottom + ch, 2))
    with ctx.tagger.content("Figure", alt=spec.alt_text, attributes={"BBox": bbox}):
        ctx.canvas.addLiteral(f"q {scale:.5f} 0 0 {scale:.5f} {left:.3f} {bottom:.3f} cm /{name} Do Q")


SLIDE_RENDERERS: dict[str, Callable[[Ctx, Deck, Slide], None]] = {
    "title": render_title_slide,
    "contents": render_content_slide,
    "section": render_divider,
    "subsection": render_subdivider,
    "content": render_content_slide,
}
BLOCK_RENDERERS: dict[type, Callable[[Ctx, Any], None]] = {
    TextBlock: render_text,
    KeyFigure: render_key_figure,
    Table: render_table,
    ChartSpec: render_chart,
}


# --------------------------------------------------------------------- helpers
def _style(ctx: Ctx, size: float, *, bold: bool = False, color: str = "text", align: int = TA_LEFT,
           space_after: float = 0.0, indent: float = 0.0) -> ParagraphStyle:
    return ParagraphStyle(
        "s", fontName=ctx.fonts.bold if bold else ctx.fonts.regular, fontSize=size, leading=size * 1.2,
        textColor=ctx.color(color), alignment=align, spaceAfter=space_after, leftIndent=indent,
        bulletIndent=max(indent - size * 1.1, 0), bulletFontName=ctx.fonts.regular,
    )


def _fit(build: Callable[[float], list[RLParagraph]], size: float, min_size: float, w: float, h: float
         ) -> tuple[list[RLParagraph], list[float]]:
    """Paragraphs at the largest size (half-point steps) whose stacked height fits ``h``."""
    while True:
        paragraphs = build(size)
        heights = [p.wrap(w, h)[1] + p.style.spaceAfter for p in paragraphs]
        if sum(heights) - (paragraphs[-1].style.spaceAfter if paragraphs else 0) <= h or size <= min_size:
            return paragraphs, heights
        size = max(size - 0.5, min_size)


def _draw_fitted(ctx: Ctx, region: Region, markup_lines: list[str], size: float, *, bold: bool = False,
                 color: str = "text", valign: str = "top", markup: bool = False, min_size: float = 8.0) -> None:
    """Draw paragraphs (already escaped markup) shrunk to fit, without tagging."""
    x, y, w, h = ctx.box(region)
    paragraphs, heights = _fit(lambda s: [RLParagraph(m, _style(ctx, s, bold=bold, color=color)) for m in markup_lines],
                               size, min_size, w, h)
    total = sum(heights)
    top = y + h if valign == "top" else (y + total if valign == "bottom" else y + (h + total) / 2)
    for para, height in zip(paragraphs, heights, strict=True):
        para.drawOn(ctx.canvas, x, top - para.height)
        top -= height


def _text(ctx: Ctx, region: Region, text: str, size: float, role: str, *, bold: bool = False, color: str = "text",
          valign: str = "top", min_size: float = 8.0, markup: bool = False) -> None:
    """One tagged paragraph of plain text (escaped, so '<' and '&' in names are safe).

    Empty text draws nothing: an empty heading or paragraph is a PDF/UA defect."""
    if not text.strip():
        return
    with ctx.tagger.content(role):
        _draw_fitted(ctx, region, [text if markup else escape(text)], size, bold=bold, color=color, valign=valign,
                     min_size=min_size)


def _fill(ctx: Ctx, region: Region, color: str) -> None:
    """A filled rectangle as a Layout artifact (backgrounds, bands)."""
    x, y, w, h = ctx.box(region)
    with ctx.tagger.artifact():
        ctx.canvas.setFillColor(ctx.color(color))
        ctx.canvas.rect(x, y, w, h, stroke=0, fill=1)


def _fit_table(ctx: Ctx, block: Table, base: float, w: float, h: float) -> tuple[RLTable, float]:
    """The table at the largest font size that fits, with its height (wrapped, ready to draw)."""
    min_size = min(ctx.theme.sizes["table_min"], base)
    size = base
    while True:
        table = _build_table(ctx, block, block.rows, size, w)
        height = table.wrap(w, h)[1]
        if height <= h:
            return table, height
        if size <= min_size:
            break
        size = max(size - 0.5, min_size)
    # Still too tall at the smallest size: shorten cell texts, longest first.
    longest = max((len(c) for row in block.rows for c in row), default=0)
    low, high = 1, longest
    best = _build_table(ctx, block, _truncate(block.rows, 1), size, w)
    while low <= high:
        middle = (low + high) // 2
        candidate = _build_table(ctx, block, _truncate(block.rows, middle), size, w)
        if candidate.wrap(w, h)[1] <= h:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best, best.wrap(w, h)[1]


def _truncate(rows: tuple[tuple[str, ...], ...], limit: int) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c if len(c) <= limit else c[: max(limit - 1, 0)].rstrip() + "…" for c in row) for row in rows)


def _build_table(ctx: Ctx, block: Table, rows: tuple[tuple[str, ...], ...], size: float, w: float) -> RLTable:
    t = ctx.theme
    pad = t.table["cell_padding"] * PT
    aligns = [_ALIGN[a] for a in block.align]
    head = [RLParagraph(escape(c), _style(ctx, size, bold=True, color="table_header_text", align=a))
            for c, a in zip(block.header, aligns, strict=True)]
    body = [[RLParagraph(escape(c), _style(ctx, size, align=a)) for c, a in zip(row, aligns, strict=True)]
            for row in rows]
    style = TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), ctx.color("table_header")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, ctx.color("table_stripe")]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, ctx.color("rule")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONT", (0, 0), (-1, -1), ctx.fonts.regular, size),  # reportlab's cell default is Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.6),
    ])
    return RLTable([head, *body], colWidths=[f * w for f in block.widths], style=style,
                   renderCB=TableTagger(ctx.tagger) if ctx.tagger.enabled else None)
