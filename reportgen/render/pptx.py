"""The PowerPoint renderer: walks the deck model onto a template (issue 4 item 4).

One function per part, dispatched by block type, with the names the PDF renderer
uses. Accessible from the start (issue 9, ACCESSIBILITY.md): every slide's title is in
its layout's title placeholder and first in reading order, then the blocks in model
order, then note, source and slide number; every chart picture carries its spec's alt
text; tables are native with a marked header row; purely decorative shapes are marked
decorative; the presentation and every run are Swedish.

Geometry comes from the theme's named regions, also when an organisation's template is
used (``--template``): its masters, fonts and colours apply, our regions place the
content, and the slide size is always the theme's 16:9 (see ``pptx_template``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR
from pptx.presentation import Presentation
from pptx.shapes.base import BaseShape
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches

from reportgen.deck.model import Block, ChartSpec, Deck, KeyFigure, Paragraph, Slide, Table, TextBlock
from reportgen.figures.art import ChartArt
from reportgen.render.pptx_a11y import mark_decorative, set_alt_text, set_language, title_first
from reportgen.render.pptx_fit import (
    CELL_MARGIN_V,
    TEXT_INSET_V,
    Fonts,
    fit_table,
    fit_text,
    line_height,
    measuring_fonts,
)
from reportgen.render.pptx_template import TITLE_PLACEHOLDERS, Layouts, open_template, set_slide_size
from reportgen.render.pptx_text import (
    add_slide_number,
    add_text_box,
    rgb,
    style_runs,
    write_paragraphs,
)
from reportgen.theme import Region, Theme, load_theme

try:  # the figures package decides where a chart sits below its caption
    from reportgen.figures import chart_box as _figures_chart_box  # type: ignore[attr-defined]
except ImportError:
    _figures_chart_box = None

CAPTION_HEIGHT = 0.35  # inches of the caption line above a chart or table
TITLE_INSET = 0.1  # inches a template may inset title text; measured conservatively
DEMO_LABEL = "Syntetiska demodata – inte verkliga svar"
SUBTITLE_SIZE = 20.0
TITLE_MIN = 18.0
NOTE_MIN = 7.0


@dataclass(frozen=True)
class Page:
    """Everything a part renderer needs for one slide."""

    out: PptxSlide
    slide: Slide
    number: int
    deck: Deck
    theme: Theme
    charts: Mapping[str, ChartArt]
    fonts: Fonts

    @property
    def on_dark(self) -> bool:
        return self.slide.kind == "section"

    @property
    def padding(self) -> float:
        return self.theme.table["cell_padding"]

    def text_color(self, key: str = "text") -> str:
        return self.theme.color("divider_text" if self.on_dark else key)


def render_pptx(
    deck: Deck,
    charts: Mapping[str, ChartArt],
    path: Path,
    *,
    theme: Theme | None = None,
    template: Path | None = None,
) -> None:
    """Write ``deck`` as a 16:9 PowerPoint file at ``path``.

    ``charts`` holds every ChartSpec's drawing by its key. ``template`` replaces
    ``layouts/template.pptx``; a file that cannot serve raises ``TemplateError``.
    """
    theme = theme or load_theme()
    prs, layouts = open_template(template)
    set_slide_size(prs, theme)
    fonts = measuring_fonts(theme)
    for number, slide in enumerate(deck.slides, start=1):
        out = prs.slides.add_slide(_layout_for(slide, layouts))
        render_slide(Page(out, slide, number, deck, theme, charts, fonts))
    _set_properties(prs, deck)
    set_language(prs, deck.language)
    prs.save(str(path))


def _layout_for(slide: Slide, layouts: Layouts):
    if slide.kind == "title":
        return layouts.title
    if slide.kind in ("section", "subsection"):
        return layouts.section
    return layouts.title_only


def render_slide(page: Page) -> None:
    """Title, blocks in model order, then note, source and slide number."""
    _drop_unused_placeholders(page)
    render_title(page)
    for block in page.slide.blocks:
        BLOCK_RENDERERS[type(block)](page, block)
    render_note(page)
    render_source(page)
    render_page_number(page)
    title_first(page.out)


def _drop_unused_placeholders(page: Page) -> None:
    """Keep the title (and the title slide's subtitle); an empty placeholder shows a
    prompt in PowerPoint and is reported by its accessibility checker."""
    keep = set(TITLE_PLACEHOLDERS)
    if page.slide.kind == "title" and _subtitle_lines(page):
        keep.add(PP_PLACEHOLDER.SUBTITLE)
    for placeholder in list(page.out.placeholders):
        if placeholder.placeholder_format.type not in keep:
            placeholder._element.getparent().remove(placeholder._element)


# --- titles -------------------------------------------------------------------------


def render_title(page: Page) -> None:
    """The slide's title in the layout's title placeholder (PowerPoint's checker reports
    a slide without one), plus what each slide kind shows with its title."""
    if page.slide.kind == "title":
        _render_deck_title(page)
    elif page.slide.kind in ("section", "subsection"):
        _render_divider(page)
    else:
        _fill_title(page, page.slide.title, page.theme.region("title"), page.theme.sizes["title"], color=None)


def _title_placeholder(page: Page) -> BaseShape:
    for placeholder in page.out.placeholders:
        if placeholder.placeholder_format.type in TITLE_PLACEHOLDERS:
            return placeholder
    raise AssertionError("layouts are chosen for having a title placeholder")


def _fill_title(page: Page, text: str, region: Region, size: float, *, color: str | None) -> BaseShape:
    """Put ``text`` in the title placeholder at ``region``, shrunk until it fits."""
    title = _title_placeholder(page)
    _place(title, region)
    paragraphs = [Paragraph(text, bold=True)]
    inner = region.width - 2 * TITLE_INSET
    fitted = fit_text(paragraphs, size, min(TITLE_MIN, size), inner, region.height - 2 * TEXT_INSET_V, page.fonts)
    title.text_frame.text = text
    title.text_frame.word_wrap = True
    style_runs(title.text_frame, size=fitted, color=color)
    return title


def _subtitle_lines(page: Page) -> list[Paragraph]:
    return [Paragraph(text) for text in (page.deck.subtitle, page.deck.date_text) if text]


def _render_deck_title(page: Page) -> None:
    theme = page.theme
    _fill_title(
        page, page.slide.title or page.deck.title, theme.region("deck_title"), theme.sizes["section_title"], color=None
    )
    lines = _subtitle_lines(page)
    region = theme.region("deck_subtitle")
    subtitles = [p for p in page.out.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE]
    if subtitles:
        _place(subtitles[0], region)
        write_paragraphs(subtitles[0].text_frame, lines, size=SUBTITLE_SIZE, color=None)
    elif lines:
        add_text_box(
            page.out,
            region,
            lines,
            size=SUBTITLE_SIZE,
            color=theme.color("muted"),
            name="Underrubrik",
            padding=page.padding,
        )
    _accent_rule(page, Region(region.x + page.padding, theme.region("deck_title").y - 0.2, 1.2, 0.08))
    if page.deck.synthetic:
        add_text_box(
            page.out,
            theme.region("demo_label"),
            [Paragraph(DEMO_LABEL)],
            size=18,
            color=theme.color("accent"),
            name="Demodata",
            padding=page.padding,
            bold=True,
        )


def _render_divider(page: Page) -> None:
    """Section dividers on the primary colour; subsections on the light colour."""
    theme = page.theme
    fill = page.out.background.fill
    fill.solid()
    fill.fore_color.rgb = rgb(theme.color("divider_background" if page.on_dark else "light"))
    title_color = page.text_color("primary")
    _fill_title(page, page.slide.title, theme.region("section_title"), theme.sizes["section_title"], color=title_color)
    if page.slide.section_number:
        add_text_box(
            page.out,
            theme.region("section_number"),
            [Paragraph(page.slide.section_number)],
            size=theme.sizes["section_number"],
            color=title_color,
            name="Avsnittsnummer",
            padding=page.padding,
            bold=True,
            anchor=MSO_ANCHOR.BOTTOM,
        )
    title_region = theme.region("section_title")
    _accent_rule(page, Region(title_region.x + page.padding, title_region.y - 0.12, 1.2, 0.06))


def _accent_rule(page: Page, region: Region) -> None:
    """A short bar in the accent colour: ornament only, so marked decorative."""
    bar = page.out.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Inches(region.x), Inches(region.y), Inches(region.width), Inches(region.height)
    )
    bar.fill.solid()
    bar.fill.fore_color.rgb = rgb(page.theme.color("accent"))
    bar.line.fill.background()
    mark_decorative(bar, name="Dekor: linje")


# --- blocks -------------------------------------------------------------------------


def render_text(page: Page, block: TextBlock) -> None:
    region = page.theme.region(block.region)
    size = block.size or page.theme.sizes["body"]
    fitted = fit_text(
        block.paragraphs,
        size,
        min(10.0, size),
        region.width - 2 * page.padding,
        region.height - 2 * TEXT_INSET_V,
        page.fonts,
    )
    add_text_box(
        page.out, region, block.paragraphs, size=fitted, color=page.text_color(), name="Text", padding=page.padding
    )


def render_key_figure(page: Page, block: KeyFigure) -> None:
    """The value large in the primary colour, its explanation below (read in that order)."""
    theme = page.theme
    region = theme.region(block.region)
    value_size = theme.sizes["key_value"]
    value_height = line_height(value_size) + 2 * TEXT_INSET_V + 0.05
    add_text_box(
        page.out,
        replace(region, height=value_height),
        [Paragraph(block.value)],
        size=value_size,
        color=page.text_color("primary"),
        name="Nyckeltal",
        padding=page.padding,
        bold=True,
        anchor=MSO_ANCHOR.BOTTOM,
    )
    caption = Region(region.x, region.y + value_height, region.width, region.height - value_height)
    paragraphs = [Paragraph(block.caption)]
    size = theme.sizes["key_caption"]
    fitted = fit_text(
        paragraphs,
        size,
        min(9.0, size),
        caption.width - 2 * page.padding,
        caption.height - 2 * TEXT_INSET_V,
        page.fonts,
    )
    add_text_box(
        page.out,
        caption,
        paragraphs,
        size=fitted,
        color=page.text_color(),
        name="Nyckeltal, förklaring",
        padding=page.padding,
    )


def _caption_above(page: Page, region: Region, text: str, height: float) -> None:
    box = Region(region.x, region.y, region.width, height)
    add_text_box(
        page.out,
        box,
        [Paragraph(text)],
        size=page.theme.sizes["caption"],
        color=page.text_color(),
        name="Bildtext",
        padding=page.padding,
        anchor=MSO_ANCHOR.BOTTOM,
    )


def render_table(page: Page, block: Table) -> None:
    """A native table whose estimated height fits its region (pptx_fit): long insats
    names wrap, the font shrinks down to the theme's minimum, the header row is marked."""
    theme = page.theme
    region = theme.region(block.region)
    if block.caption:
        _caption_above(page, region, block.caption, CAPTION_HEIGHT)
        region = Region(region.x, region.y + CAPTION_HEIGHT, region.width, region.height - CAPTION_HEIGHT)
    fit = fit_table(block, region.width, region.height, theme, page.fonts)
    col_emu = _split_emu(fit.col_widths, Inches(region.width))
    row_emu = [Emu(round(h * 914400)) for h in fit.row_heights]
    frame = page.out.shapes.add_table(
        len(block.rows) + 1,
        len(block.header),
        Inches(region.x),
        Inches(region.y),
        Inches(region.width),
        Emu(sum(row_emu)),
    )
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    for column, width in zip(table.columns, col_emu, strict=True):
        column.width = width
    for row, height in zip(table.rows, row_emu, strict=True):
        row.height = height
    for r, values in enumerate((block.header, *block.rows)):
        fill = "table_header" if r == 0 else ("table_stripe" if r % 2 == 0 else "background")
        color = theme.color("table_header_text" if r == 0 else "text")
        for c, text in enumerate(values):
            _fill_cell(
                table.cell(r, c),
                text,
                size=fit.size,
                color=color,
                fill=theme.color(fill),
                bold=r == 0,
                align=block.align[c],
                padding=page.padding,
            )
    title = page.slide.title
    set_alt_text(frame, f"Tabell: {block.caption or title}", name=f"Tabell: {title}")


def _fill_cell(cell, text: str, *, size: float, color: str, fill: str, bold: bool, align: str, padding: float) -> None:
    cell.fill.solid()
    cell.fill.fore_color.rgb = rgb(fill)
    cell.margin_left = cell.margin_right = Inches(padding)
    cell.margin_top = cell.margin_bottom = Inches(CELL_MARGIN_V)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.text_frame.word_wrap = True
    write_paragraphs(cell.text_frame, [Paragraph(text)], size=size, color=color, align=align, bold=bold)


def _split_emu(widths: tuple[float, ...], total: int) -> list[Emu]:
    """Column widths in EMU that add up to exactly ``total``."""
    parts = [round(w * 914400) for w in widths]
    parts[-1] = total - sum(parts[:-1])
    return [Emu(p) for p in parts]


def chart_box(spec: ChartSpec, theme: Theme) -> Region:
    """Where the chart picture sits in its region: below a caption line when it has one.
    Delegates to the figures package when that provides the rule."""
    if _figures_chart_box is not None:
        return _figures_chart_box(spec, theme)
    region = theme.region(spec.region)
    if not spec.caption:
        return region
    return Region(region.x, region.y + CAPTION_HEIGHT, region.width, region.height - CAPTION_HEIGHT)


def render_chart(page: Page, block: ChartSpec) -> None:
    """The chart's PNG, named for its slide and described by the spec's alt text — never
    a file name (ACCESSIBILITY.md)."""
    if block.key not in page.charts:
        raise KeyError(f"no chart drawn for {block.key!r} (slide {page.slide.title!r})")
    if not block.alt_text.strip():
        raise ValueError(f"chart {block.key!r} (slide {page.slide.title!r}) has no alt text")
    art = page.charts[block.key]
    region = page.theme.region(block.region)
    box = chart_box(block, page.theme)
    if block.caption:
        _caption_above(page, region, block.caption, max(box.y - region.y, CAPTION_HEIGHT))
    scale = min(box.width / art.width, box.height / art.height, 1.0) if art.width and art.height else 1.0
    width, height = (art.width * scale, art.height * scale) if art.width and art.height else (box.width, box.height)
    picture = page.out.shapes.add_picture(
        io.BytesIO(art.png), Inches(box.x), Inches(box.y), Inches(width), Inches(height)
    )
    set_alt_text(picture, block.alt_text, name=f"Diagram: {page.slide.title}")


# --- slide furniture ----------------------------------------------------------------


def _small_line(page: Page, region_name: str, text: str, size_key: str, name: str) -> None:
    region = page.theme.region(region_name)
    paragraphs = [Paragraph(text)]
    size = page.theme.sizes[size_key]
    fitted = fit_text(
        paragraphs,
        size,
        min(NOTE_MIN, size),
        region.width - 2 * page.padding,
        region.height - 2 * TEXT_INSET_V,
        page.fonts,
    )
    add_text_box(
        page.out, region, paragraphs, size=fitted, color=page.text_color("muted"), name=name, padding=page.padding
    )


def render_note(page: Page) -> None:
    if page.slide.note:
        _small_line(page, "note", f"Not: {page.slide.note}", "note", "Not")


def render_source(page: Page) -> None:
    if page.slide.source:
        _small_line(page, "source", f"Källa: {page.slide.source}", "source", "Källa")


def render_page_number(page: Page) -> None:
    """Our own text box rather than the template's slide-number placeholder, so it shows
    on every template; the title slide carries none."""
    if page.slide.kind == "title":
        return
    add_slide_number(
        page.out,
        page.theme.region("page_number"),
        page.number,
        size=page.theme.sizes["page_number"],
        color=page.text_color("muted"),
        padding=page.padding,
    )


BLOCK_RENDERERS: dict[type, Callable[[Page, Block], None]] = {
    TextBlock: render_text,
    KeyFigure: render_key_figure,
    Table: render_table,
    ChartSpec: render_chart,
}


def _place(shape: BaseShape, region: Region) -> None:
    shape.left, shape.top = Inches(region.x), Inches(region.y)
    shape.width, shape.height = Inches(region.width), Inches(region.height)


def _set_properties(prs: Presentation, deck: Deck) -> None:
    props = prs.core_properties
    props.title = deck.title if deck.county in deck.title else f"{deck.title} – {deck.county}".strip(" –")
    props.subject = deck.subtitle
    props.author = deck.author or "reportgen"
    props.last_modified_by = "reportgen"
    props.keywords = deck.county
    props.comments = DEMO_LABEL if deck.synthetic else ""
    props.language = deck.language
