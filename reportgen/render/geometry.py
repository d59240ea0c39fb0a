"""Page geometry every slide renderer shares, so PPTX, PDF and any later writer (HTML,
native PowerPoint charts) put every part in the same place, at the same size.

Positions are inches from the slide's top-left, as the theme's regions are. What is
here is arithmetic on regions and the theme — no drawing library — so a renderer
imports it whatever it draws with. Each renderer still draws in its own units (the PDF
in points from the bottom-left); :func:`place_picture` works in any unit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from reportgen.deck.model import ChartSpec, Deck
from reportgen.figures.layout import chart_box
from reportgen.theme import Region, Theme

PT = 72.0  # points per inch
#: Text: line pitch, space after a paragraph, indent per bullet level and how far the
#: bullet hangs left of the text, each a multiple of the font size. The PPTX renderer
#: sets exactly this spacing, the PDF's styles use it, the fit estimates measure with it.
LINE_HEIGHT = 1.2
PARA_SPACE = 0.45
BULLET_INDENT = 1.3
BULLET_HANG = 1.1
#: The line a key figure's value takes, as a multiple of its size, and the gap under it (in).
KEY_VALUE_LINE = 1.25
KEY_GAP = 0.05
#: A table caption's strip above the table, as a multiple of the caption size.
CAPTION_STRIP = 1.5
#: The least room (in) above a chart in which its caption is drawn at all.
CAPTION_ROOM = 0.05
#: Inches between the demo label's band and its text, left and right.
DEMO_INSET = 0.15


@dataclass(frozen=True)
class Look:
    """How one piece of text is set: size (points) and the floor it may shrink to."""

    size: float
    bold: bool = False
    color: str = "text"  # theme colour key
    valign: Literal["top", "middle", "bottom"] = "top"
    min_size: float = 8.0


def look(theme: Theme, part: str, *, size: float | None = None, color: str | None = None) -> Look:
    """The look of a slide part (``looks:`` in layouts/theme.yaml); ``size`` and ``color``
    override the theme's (a text block's own size, a divider's colour). The floor never
    exceeds the size."""
    try:
        entry = theme.looks[part]
    except KeyError:
        raise KeyError(f"no look {part!r} under looks: in layouts/theme.yaml") from None
    points = size if size is not None else theme.sizes[entry["size"]]
    floor = float(entry.get("min", 8.0))
    return Look(
        points,
        bool(entry.get("bold")),
        color or entry.get("color", "text"),
        entry.get("valign", "top"),
        min(floor, points),
    )


def divider_look(theme: Theme, part: str, on_dark: bool) -> Look:
    """Section dividers are dark with a large number; subsection dividers light, their
    number as large as their title."""
    color = "divider_text" if on_dark else "primary"
    if part == "section_number" and not on_dark:
        return replace(look(theme, part, size=theme.sizes["section_title"]), color=color)
    return look(theme, part, color=color)


def key_figure_regions(region: Region, theme: Theme) -> tuple[Region, Region]:
    """A key figure's value line on top and its caption below it."""
    value_h = theme.sizes["key_value"] * KEY_VALUE_LINE / PT
    value = Region(region.x, region.y, region.width, value_h)
    rest = Region(region.x, region.y + value_h + KEY_GAP, region.width, region.height - value_h - KEY_GAP)
    return value, rest


def table_caption_regions(region: Region, theme: Theme) -> tuple[Region, Region]:
    """A captioned table's caption strip and the table's region under it."""
    strip = theme.sizes["caption"] * CAPTION_STRIP / PT
    return Region(region.x, region.y, region.width, strip), Region(
        region.x, region.y + strip, region.width, region.height - strip
    )


def chart_regions(spec: ChartSpec, theme: Theme) -> tuple[Region | None, Region]:
    """The strip above a chart its caption is drawn in (None without one), and the
    chart's own box (``figures.layout.chart_box``: its drawing is exactly that size)."""
    region = theme.region(spec.region)
    box = chart_box(spec, theme)
    if spec.caption and box.y - region.y > CAPTION_ROOM:
        return Region(region.x, region.y, region.width, box.y - region.y), box
    return None, box


def place_picture(x: float, width: float, height: float, art_w: float, art_h: float) -> tuple[float, float, float]:
    """A drawing of ``art_w`` × ``art_h`` scaled to fit a box (``x``, ``width``,
    ``height``) and centred across it, in the box's unit: (left, scale, drawn height).
    Renderers put its top at the box's top."""
    scale = min(width / art_w, height / art_h)
    return x + (width - art_w * scale) / 2, scale, art_h * scale


def demo_text_region(band: Region) -> Region:
    """The demo label's text inside its coloured band."""
    return Region(band.x + DEMO_INSET, band.y, band.width - 2 * DEMO_INSET, band.height)


def bullet_indent(level: int, size: float) -> float:
    """Inches from the box's left edge to the text of a bullet at ``level``."""
    return BULLET_INDENT * size * level / PT


def document_subject(deck: Deck) -> str:
    """The subject both documents' properties give: the subtitle, with the county when
    the subtitle does not name it."""
    if deck.county in deck.subtitle:
        return deck.subtitle
    return " – ".join(part for part in (deck.subtitle, deck.county) if part)
