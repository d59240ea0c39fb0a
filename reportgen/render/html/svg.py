"""A chart's Matplotlib SVG made fit to stand inline in a web page.

Inline (not ``<img>``) so that the chart's text, kept as ``<text>`` by ``svg.fonttype:
none``, is drawn in the font the edition ships: an SVG loaded as an image may fetch
nothing, not even a font. Inline SVGs share the page's id space, so Matplotlib's ids
(``figure_1``, ``patch_2`` and the clip-path ids, the same in every chart) are dropped
where nothing refers to them and prefixed where something does. The root gets the
chart's alt text as its ``<title>`` and ``role="img"``, so assistive technology reads the
description once instead of every tick label.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

_ROOT = re.compile(r"<svg\b[^>]*>")
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')
_SIZE = re.compile(r'\b(width|height)="([0-9.]+)pt"')
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
# Matplotlib's one global rule (``*{stroke-linejoin: round; …}``) would apply to the
# whole page inline; the edition's stylesheet scopes the same rule to charts.
_STYLE = re.compile(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", re.DOTALL)
_ID = re.compile(r'\sid="([^"]*)"')
_REFERENCE = re.compile(r'url\(#([^)"]+)\)|href="#([^"]+)"')
_FONT_SIZE = re.compile(r"font-size: ([0-9.]+)px")


def natural_size(svg: bytes | str) -> tuple[float, float]:
    """The chart's own width and height in points, as Matplotlib wrote them."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    root = _ROOT.search(text)
    if root is None:
        raise ValueError("not an SVG document: no <svg> element")
    sizes = dict(_SIZE.findall(root.group(0)))
    return float(sizes["width"]), float(sizes["height"])


def smallest_text(svg: bytes | str) -> float | None:
    """The smallest font size of the chart's text, in points (Matplotlib's SVG user unit
    is the point), or None for a chart without text."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    sizes = [float(s) for s in _FONT_SIZE.findall(text)]
    return min(sizes) if sizes else None


def inline_svg(svg: bytes, *, prefix: str, title: str, min_width_pt: float | None = None) -> Markup:
    """The SVG as markup for an HTML page, ids made unique with ``prefix``.

    ``title`` (the alt text) names the image; ``min_width_pt`` keeps the chart from
    shrinking below a legible size on narrow screens (its frame scrolls instead).
    """
    text = svg.decode("utf-8")
    root = _ROOT.search(text)
    if root is None:
        raise ValueError("not an SVG document: no <svg> element")
    if not title.strip():
        raise ValueError("an inline chart needs its alt text")
    body = text[root.end() :]
    body = _METADATA.sub("", body, count=1)
    body = _STYLE.sub("", body, count=1)
    referenced = {a or b for a, b in _REFERENCE.findall(body)}

    def rename(match: re.Match[str]) -> str:
        value = match.group(1)
        return f' id="{prefix}-{value}"' if value in referenced else ""

    body = _ID.sub(rename, body)
    body = _REFERENCE.sub(
        lambda m: f"url(#{prefix}-{m.group(1)})" if m.group(1) else f'href="#{prefix}-{m.group(2)}"', body
    )
    viewbox = _VIEWBOX.search(root.group(0))
    if viewbox is None:
        raise ValueError("the SVG has no viewBox")
    width, height = natural_size(text)
    style = f' style="min-width: {min_width_pt:.1f}pt"' if min_width_pt else ""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'viewBox="{viewbox.group(1)}" width="{width:g}pt" height="{height:g}pt" '
        f'role="img" aria-labelledby="{prefix}-title"{style}>'
        f'<title id="{prefix}-title">{escape(title, quote=False)}</title>'
    )
    return Markup(head + body.strip() + "\n")
