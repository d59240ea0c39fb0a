"""How every slide renderer walks a deck: page by page, each slide kind and block kind
through a dict of functions (DESIGN.md, great_tables' habit), with the outline.

A renderer declares its tables with :func:`slide_table` and :func:`block_table`, which
refuse a table that misses a kind of the deck model (or names one it does not have), so
a block kind added to the model fails at import in every renderer that cannot draw it
yet, not on the first deck that uses it. :func:`pages` gives each slide its page
number, its section and the bookmarks that start there — the PDF's outline, an HTML
renderer's navigation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypeVar, get_args

from reportgen.deck.model import Block, Deck, Section, Slide, SlideKind

F = TypeVar("F")

#: The block kinds of the deck model, in the order its ``Block`` union names them.
BLOCK_KINDS: tuple[type, ...] = get_args(Block)
SLIDE_KINDS: tuple[str, ...] = get_args(SlideKind)


def _table(renderer: str, what: str, table: Mapping[object, F], kinds: tuple[object, ...]) -> Mapping[object, F]:
    missing = [k for k in kinds if k not in table]
    unknown = [k for k in table if k not in kinds]
    if missing or unknown:
        raise TypeError(f"{renderer}: the {what} table lacks {missing} or has unknown {unknown}")
    return MappingProxyType(dict(table))


def block_table(renderer: str, table: Mapping[type, F]) -> Mapping[type, F]:
    """``table`` (one function per block type), checked to cover every block kind."""
    return _table(renderer, "block", table, BLOCK_KINDS)  # type: ignore[return-value]


def slide_table(renderer: str, table: Mapping[str, F]) -> Mapping[str, F]:
    """``table`` (one function per slide kind), checked to cover every slide kind."""
    return _table(renderer, "slide", table, SLIDE_KINDS)  # type: ignore[return-value]


@dataclass(frozen=True)
class Page:
    """One slide in reading order: 1-based ``number``; ``part`` is -1 for the front
    matter, else the section's position; ``bookmarks`` (title, level) start here."""

    number: int
    slide: Slide
    part: int
    section: Section | None
    bookmarks: tuple[tuple[str, int], ...]


def pages(deck: Deck) -> list[Page]:
    """Every slide of ``deck`` with its place: front slides bookmark their own title, a
    section's first slide its number and title, its outline entries one level down."""
    out = [Page(i + 1, s, -1, None, ((s.title or deck.title, 0),)) for i, s in enumerate(deck.front)]
    for part, section in enumerate(deck.sections):
        outline = section.outline or tuple((s.title, i) for i, s in enumerate(section.slides) if s.kind == "subsection")
        for index, slide in enumerate(section.slides):
            marks = [(f"{section.number} {section.title}".strip(), 0)] if index == 0 else []
            marks += [(title, 1) for title, at in outline if at == index]
            out.append(Page(len(out) + 1, slide, part, section, tuple(marks)))
    return out
