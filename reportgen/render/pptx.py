"""The PowerPoint renderer: walks the deck model onto a template (issue 4 item 4).

One function per part, dispatched by slide kind and block type through dicts, with the
names the PDF renderer uses, and the same geometry and text looks (``render.geometry``):
every block in its theme region, text from the region's edge, the same sizes, fit rules
and colours (``render/pdf.py``).

Charts are the Matplotlib pictures the PDF shows (``charts="pictures"``, the default),
or native PowerPoint charts with their data inside (``charts="editable"``,
``render.pptx_chart``), in the same box.

Accessible from the start (issue 9, ACCESSIBILITY.md): every slide's title is in its
layout's title placeholder and first in reading order, then the blocks in model order,
then note, source and slide number; every chart carries its spec's alt text;
tables are native with a marked header row; ornaments live in the template's layouts,
marked decorative; the presentation and every run are Swedish.

With ``--template`` an organisation's masters, theme colours and title styles apply,
and its theme font sets the titles. Our regions still place the content, and text that
must fit its region (tables, text, key figures, notes) names the theme's PPTX font
(Arial), whose metrics it was measured with: a wider organisation font would otherwise
push a table off the slide. Content colours stay the theme's, chosen for contrast. The
slide size is always the theme's 16:9 (see ``pptx_template``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide as PptxSlide
from pptx.slide import SlideLayout
from pptx.util import Inches

from reportgen.deck.model import ChartSpec, Deck, KeyFigure, Paragraph, Slide, Table, TextBlock
from reportgen.figures.art import ChartArt
from reportgen.render import geometry
from reportgen.render.dispatch import block_table, slide_table
from reportgen.render.geometry import Look, look
from reportgen.render.pptx_a11y import set_alt_text, set_language, title_first
from reportgen.render.pptx_chart import add_native_chart
from reportgen.render.pptx_chart_parts import ChartParts
from reportgen.render.pptx_fit import Fonts, fit_table, fit_text, measuring_fonts
from reportgen.render.pptx_picture_parts import PictureParts
from reportgen.render.pptx_placeholders import (
    SUBTITLE_TYPE,
    TITLE_TYPES,
    drop_placeholders,
    find_placeholder,
    place,
    unpad,
    write_title,
)
from reportgen.render.pptx_properties import save_presentation
from reportgen.render.pptx_table import add_table
from reportgen.render.pptx_template import Layouts, open_template, set_slide_size
from reportgen.render.pptx_text import add_slide_number, add_text_box, rgb, write_paragraphs
from reportgen.render.pptx_xml import hex_color
from reportgen.theme import PPTX_CHART_MODES, Region, Theme, load_theme

_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}


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
    pictures: PictureParts  # the pictures' parts, one index per presentation
    native: ChartParts | None = None  # native charts ("editable"), else the pictures of ``charts``

    @property
    def on_dark(self) -> bool:
        return self.slide.kind == "section"

    def color(self, key: str) -> str:
        """A theme colour, or the divider's text colour on a dark section divider."""
        return self.theme.color("divider_text" if self.on_dark else key)


def render_pptx(
    deck: Deck,
    charts: Mapping[str, ChartArt],
    path: Path,
    *,
    theme: Theme | None = None,
    template: Path | None = None,
    chart_mode: str | None = None,
) -> None:
    """Write ``deck`` as a 16:9 PowerPoint file at ``path``.

    ``chart_mode`` is "pictures" or "editable" (native charts), by default the theme's
    (``pptx: charts:``). ``charts`` holds every ChartSpec's drawing by its key, with its
    PNG, for pictures; native charts need none. ``template`` replaces
    ``layouts/template.pptx``; a file that cannot serve raises ``TemplateError``.
    """
    theme = theme or load_theme()
    chart_mode = chart_mode or theme.pptx_charts
    if chart_mode not in PPTX_CHART_MODES:
        raise ValueError(f"chart_mode must be one of {PPTX_CHART_MODES}, not {chart_mode!r}")
    prs, layouts = open_template(template)
    set_slide_size(prs, theme)
    fonts = measuring_fonts(theme)
    native, pictures = None, PictureParts(prs)
    if chart_mode == "editable":
        native = ChartParts(prs) if deck.imprint is None else ChartParts(prs, deck.imprint.created)
    for number, slide in enumerate(deck.slides, start=1):
        out = prs.slides.add_slide(_layout_for(slide, layouts))
        render_slide(Page(out, slide, number, deck, theme, charts, fonts, pictures, native))
    set_language(prs, deck.language)
    save_presentation(prs, deck, path)


#: The template layout each slide kind is put on (``pptx_template.Layouts``' fields).
LAYOUT_OF = {"title": "title", "contents": "title_only", "section": "section", "subsection": "section"}


def _layout_for(slide: Slide, layouts: Layouts) -> SlideLayout:
    return getattr(layouts, LAYOUT_OF.get(slide.kind, "title_only"))


def render_slide(page: Page) -> None:
    """Title, blocks in model order, then note, source and slide number."""
    _drop_unused_placeholders(page)
    # Shapes are only added from here on, so python-pptx may count ids up from the
    # current maximum instead of scanning every id of the slide for each new shape:
    # the same ids, without a walk that grows with the slide (issue 19).
    page.out.shapes.turbo_add_enabled = True
    SLIDE_RENDERERS[page.slide.kind](page)
    for block in page.slide.blocks:
        BLOCK_RENDERERS[type(block)](page, block)
    render_note(page)
    render_source(page)
    render_page_number(page)
    title_first(page.out)


def _drop_unused_placeholders(page: Page) -> None:
    """Keep the title (and the title slide's subtitle): an empty placeholder shows a
    prompt in PowerPoint and is reported by its accessibility checker."""
    keep = set(TITLE_TYPES)
    if page.slide.kind == "title" and _subtitle_lines(page):
        keep.add(SUBTITLE_TYPE)
    drop_placeholders(page.out, keep)


def _text(
    page: Page, region: Region, paragraphs: Sequence[Paragraph], look: Look, *, name: str, **options: Any
) -> None:
    """A text box on ``region``, shrunk in half points down to the look's floor to fit."""
    width = region.width - 2 * options.get("inset", 0.0)
    fitted = fit_text(paragraphs, look.size, look.min_size, width, region.height, page.fonts)
    add_text_box(
        page.out,
        region,
        paragraphs,
        size=fitted,
        color=page.color(look.color),
        name=name,
        anchor=_ANCHOR[look.valign],
        typeface=page.theme.fonts["pptx"],
        **options,
    )


# --- titles ---------------------------------------------------------------------------


def render_title(page: Page) -> None:
    """A content slide's title in the layout's title placeholder (PowerPoint's checker
    reports a slide without one), in the template's title colour."""
    _fill_title(page, page.slide.title, page.theme.region("title"), look(page.theme, "title"), own_color=False)


def _fill_title(page: Page, text: str, region: Region, look: Look, *, own_color: bool) -> None:
    """``text`` in the title placeholder, placed on ``region`` without insets (as in the
    PDF), bold, shrunk until it fits. Without ``own_color`` the template's title colour
    stays (ours is the primary colour); dividers set theirs for contrast with the background."""
    if not text.strip():
        raise ValueError(f"slide {page.number} ({page.slide.key or page.slide.kind}) has no title")
    title = find_placeholder(page.out, TITLE_TYPES)
    if title is None:
        raise ValueError(f"slide {page.number} ({page.slide.key or page.slide.kind}) has no title placeholder")
    place(title, region)
    fitted = fit_text([Paragraph(text, bold=True)], look.size, look.min_size, region.width, region.height, page.fonts)
    color = hex_color(page.color(look.color)) if own_color else None
    write_title(unpad(title, _ANCHOR[look.valign]), text, size=fitted, color=color)


def _subtitle_lines(page: Page) -> list[Paragraph]:
    return [Paragraph(text) for text in (page.deck.subtitle, page.deck.date_text) if text]


def render_deck_title(page: Page) -> None:
    """Deck title, subtitle and date; the synthetic-data label when it applies (SPEC §9)."""
    theme = page.theme
    title = page.slide.title or page.deck.title
    _fill_title(page, title, theme.region("deck_title"), look(theme, "deck_title"), own_color=False)
    lines = _subtitle_lines(page)
    region = theme.region("deck_subtitle")
    subtitle_look = look(theme, "deck_subtitle")
    size = fit_text(lines, subtitle_look.size, subtitle_look.min_size, region.width, region.height, page.fonts)
    subtitle = find_placeholder(page.out, (SUBTITLE_TYPE,))
    if subtitle is not None:
        place(subtitle, region)
        write_paragraphs(unpad(subtitle), lines, size=size, color=theme.color("text"))
    elif lines:
        add_text_box(page.out, region, lines, size=size, color=theme.color("text"), name="Underrubrik")
    if page.deck.synthetic:
        _text(
            page,
            theme.region("demo_label"),
            [Paragraph(page.deck.demo_label)],
            look(theme, "demo_label"),
            name="Demodata",
            bold=True,
            fill=theme.color("accent"),
            inset=geometry.DEMO_INSET,
        )


def render_divider(page: Page) -> None:
    """Section dividers on the primary colour, subsections on the light colour; the
    colour is the slide's background, not a shape, so there is nothing to skip."""
    theme = page.theme
    fill = page.out.background.fill
    fill.solid()
    fill.fore_color.rgb = rgb(theme.color("divider_background" if page.on_dark else "light"))
    title_look = geometry.divider_look(theme, "section_title", page.on_dark)
    _fill_title(page, page.slide.title, theme.region("section_title"), title_look, own_color=True)
    if page.slide.section_number:
        _text(
            page,
            theme.region("section_number"),
            [Paragraph(page.slide.section_number)],
            geometry.divider_look(theme, "section_number", page.on_dark),
            name="Avsnittsnummer",
            bold=True,
        )


# --- blocks ---------------------------------------------------------------------------


def render_text(page: Page, block: TextBlock) -> None:
    """Paragraphs in the region; level > 0 are bullets ("•", then "–")."""
    region = page.theme.region(block.region)
    _text(page, region, block.paragraphs, look(page.theme, "body", size=block.size), name="Text")


def render_key_figure(page: Page, block: KeyFigure) -> None:
    """The value large in the primary colour, its explanation below (read in that order)."""
    theme = page.theme
    value, rest = geometry.key_figure_regions(theme.region(block.region), theme)
    _text(page, value, [Paragraph(block.value)], look(theme, "key_value"), name="Nyckeltal", bold=True)
    _text(page, rest, [Paragraph(block.caption)], look(theme, "key_caption"), name="Nyckeltal, förklaring")


def render_table(page: Page, block: Table) -> None:
    """A native table whose estimated height fits its region (``pptx_fit``): long insats
    names wrap in their column, the font shrinks down to the theme's minimum, the header
    row is marked as such for screen readers."""
    theme = page.theme
    region = theme.region(block.region)
    if block.caption:
        strip, region = geometry.table_caption_regions(region, theme)
        _text(page, strip, [Paragraph(block.caption, bold=True)], look(theme, "table_caption"), name="Tabellrubrik")
    fit = fit_table(block, region.width, region.height, theme, page.fonts)
    frame = add_table(page.out, region, block, fit, theme)
    title = page.slide.title
    set_alt_text(frame, f"Tabell: {block.caption or title}", name=f"Tabell: {title}")


def render_chart(page: Page, block: ChartSpec) -> None:
    """The chart in ``chart_box`` under its caption, named for its slide and described
    by the spec's alt text — never a file name (ACCESSIBILITY.md): the chart's PNG
    (top-aligned, centred), or a native chart filling the box."""
    if not block.alt_text.strip():
        raise ValueError(f"chart {block.key!r} on slide {page.slide.title!r} has no alt text")
    strip, box = geometry.chart_regions(block, page.theme)
    if strip is not None:
        _text(page, strip, [Paragraph(block.caption)], look(page.theme, "chart_caption"), name="Bildtext")
    name = f"Diagram: {page.slide.title}"
    if page.native is not None:
        add_native_chart(page.out, block, box, page.theme, page.native, name=name, lang=page.deck.language)
        return
    if block.key not in page.charts:
        raise KeyError(f"no drawn chart for chart key {block.key!r} (slide {page.slide.title!r})")
    art = page.charts[block.key]
    if not art.png:
        raise ValueError(f"chart {block.key!r} was drawn without its PNG (draw_charts(..., png=False))")
    left, scale, height = geometry.place_picture(box.x, box.width, box.height, art.width, art.height)
    width = art.width * scale
    picture = page.pictures.add_picture(page.out, art.png, Inches(left), Inches(box.y), Inches(width), Inches(height))
    set_alt_text(picture, block.alt_text, name=name)


# --- slide furniture ------------------------------------------------------------------


def render_note(page: Page) -> None:
    _furniture_line(page, "note", "Not", page.slide.note)


def render_source(page: Page) -> None:
    _furniture_line(page, "source", "Källa", page.slide.source)


def _furniture_line(page: Page, part: str, prefix: str, text: str) -> None:
    """The "Not:" and "Källa:" lines: small, muted, in their own regions."""
    if text:
        region = page.theme.region(part)
        _text(page, region, [Paragraph(f"{prefix}: {text}")], look(page.theme, part), name=prefix)


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
        color=page.color("muted"),
    )


#: A slide's title and what its kind shows with it: the deck title with subtitle, date
#: and demo label; a divider's background and number; a content slide's title.
SLIDE_RENDERERS: Mapping[str, Callable[[Page], None]] = slide_table(
    "render.pptx",
    {"title": render_deck_title}
    | dict.fromkeys(("section", "subsection"), render_divider)
    | dict.fromkeys(("contents", "content"), render_title),
)
BLOCK_RENDERERS: Mapping[type, Callable[[Page, Any], None]] = block_table(
    "render.pptx",
    {TextBlock: render_text, KeyFigure: render_key_figure, Table: render_table, ChartSpec: render_chart},
)
