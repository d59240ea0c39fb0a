"""The pages of the web edition and their headings, read off the deck's structure.

One page per section of the deck (``3-aldre.html``), the index with the deck's front
matter, and one page per municipality profile. Headings follow the deck: the section
title is the page's ``h1``; the entries of the section's outline (the PDF's
sub-bookmarks: Svarsfrekvens, Insatsutbud, Form …) are ``h2``; the slides after an
outline entry, up to the next one, are ``h3`` below it, so no level is ever skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportgen.deck.model import Deck, Section, Slide
from reportgen.figures.art import ChartArt
from reportgen.render.dispatch import pages
from reportgen.render.html.blocks import BlockContext, render_blocks
from reportgen.render.html.templates import template
from reportgen.text import slugify

# Regions that sit side by side on a slide; the stylesheet places them in columns on
# wide screens, one below the other on narrow ones.
THREE_COLUMNS = frozenset({"col1", "col2", "col3"})
NARROW_WIDE = frozenset({"left_narrow", "right_wide"})


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    current: bool = False


def section_file(section: Section) -> str:
    """``3-aldre.html``: the section number and its divider's key (or its title)."""
    divider = section.slides[0] if section.slides and section.slides[0].kind == "section" else None
    name = divider.key if divider is not None and divider.key else section.title
    return f"{slugify(section.number)}-{slugify(name)}.html"


def section_heading(section: Section) -> str:
    return f"{section.number} {section.title}".strip()


def heading_levels(deck: Deck) -> list[list[tuple[Slide, int]]]:
    """Per section, every slide below its divider with its heading level (2 or 3), read
    off the deck's bookmarks (``render.dispatch.pages``, the PDF's outline): a slide that
    starts an outline entry is an ``h2``, and so is any slide before the first entry."""
    levels: list[list[tuple[Slide, int]]] = [[] for _ in deck.sections]
    below_entry = [False] * len(deck.sections)
    for page in pages(deck):
        if page.section is None or page.slide.kind == "section":
            continue
        entry = any(level == 1 for _, level in page.bookmarks)
        below_entry[page.part] |= entry
        levels[page.part].append((page.slide, 2 if entry or not below_entry[page.part] else 3))
    return levels


def layout_class(slide: Slide) -> str:
    regions = {block.region for block in slide.blocks}
    if regions & THREE_COLUMNS:
        return "grid-3"
    if regions & NARROW_WIDE:
        return "grid-nw"
    if len(regions) > 1:
        return "grid-2"
    return "grid-1"


#: Ids the page frame uses itself (``page.html.j2``, ``index.html.j2``).
RESERVED_IDS = frozenset({"innehall", "kommunprofiler"})


class Anchors:
    """Unique, readable ids on one page: ``aldre-insatsutbud-kommun``."""

    def __init__(self) -> None:
        self._used: set[str] = set(RESERVED_IDS)

    def __call__(self, slide: Slide) -> str:
        base = slugify(slide.key or slide.title)
        anchor, n = base, 2
        while anchor in self._used:
            anchor, n = f"{base}-{n}", n + 1
        self._used.add(anchor)
        return anchor


def slide_view(
    slide: Slide,
    level: int,
    anchor: str,
    *,
    texts: Mapping[str, Any],
    charts: Mapping[str, ChartArt],
    ids: Any,
    links: Mapping[str, str] | None = None,
    default_caption: str = "",
) -> dict[str, Any]:
    """What ``slide.html.j2`` needs for one slide: heading, blocks as HTML, note, source."""
    ctx = BlockContext(
        texts=texts, charts=charts, slide=slide, links=links or {}, ids=ids, default_caption=default_caption
    )
    return {
        "id": anchor,
        "level": level,
        "title": slide.title,
        "blocks": render_blocks(ctx),
        "layout": layout_class(slide),
        "note": f"{texts['note_prefix']} {slide.note}" if slide.note else "",
        "source": f"{texts['source_prefix']} {slide.source}" if slide.source else "",
    }


@dataclass(frozen=True)
class Frame:
    """What every page around its main content shows (``page.html.j2``)."""

    root: str  # "" for pages at the top of the edition, "../" one folder down
    site_title: str
    nav: tuple[Link, ...]
    demo_label: str
    footer: str
    language: str
    author: str = ""  # the run's imprint (docs/settings.md): <meta name="author">, only when named
    created: str = ""  # the run's build time, ISO 8601 UTC


def render_page(frame: Frame, texts: Mapping[str, Any], name: str, **values: Any) -> bytes:
    """One whole page from template ``name`` inside the frame, as UTF-8 bytes."""
    html = template(name).render(frame=frame, t=texts, **values)
    return html.encode("utf-8")


def site_nav(deck: Deck, texts: Mapping[str, Any], *, current: str, root: str, profiles: bool) -> tuple[Link, ...]:
    links = [Link(f"{root}index.html", texts["home"], current == "index.html")]
    for section in deck.sections:
        href = section_file(section)
        links.append(Link(f"{root}{href}", section_heading(section), current == href))
    if profiles:
        links.append(Link(f"{root}index.html#kommunprofiler", texts["profiles_nav"]))
    return tuple(links)
