"""The PDF backend's glyph layout of a chart text, worked out once per font and size.

Matplotlib's PDF backend shapes every string it draws (``_text_helpers.layout``: libraqm
through FreeType, then a glyph load per character) on every save, although a county's
charts draw the same shares, names and legend entries again and again; that shaping was
about a twelfth of a national batch's CPU (issue 19). :func:`kept_glyph_layouts` keeps,
for the duration of a save, each layout process-wide by string, font (the very
``FT2Font`` object Matplotlib's font cache gives out), size, features and language, and
hands the same items back: the items are what the backend writes the text from (glyph,
position, kerning), so the PDF is the same, byte for byte (tests/figures/
test_glyph_cache.py compares every chart kind both ways).

The size is not readable from an ``FT2Font``: the backend sets it in
``RendererPDFPSBase._get_font_ttf`` just before it lays the text out, so that method is
wrapped to note it. Both are private functions of Matplotlib (read against 3.11.2); the
test fails when they change.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from typing import Any

from matplotlib import _text_helpers
from matplotlib.backends import _backend_pdf_ps as pdf_ps

#: Layouts kept at most (a county's charts need a few thousand), the oldest dropped first.
KEPT = 20_000

_plain_layout = _text_helpers.layout
_plain_font_ttf = pdf_ps.RendererPDFPSBase._get_font_ttf

_layouts: OrderedDict[Hashable, tuple[Any, list[Any]]] = OrderedDict()
_sized: list[Any] = [None, 0.0]  # the font _get_font_ttf last gave out, and its size


def _font_ttf(self: Any, prop: Any) -> Any:
    font = _plain_font_ttf(self, prop)
    _sized[0], _sized[1] = font, prop.get_size_in_points()
    return font


def _layout(string: str, font: Any, *, features: Any = None, language: Any = None) -> Iterator[Any]:
    if font is not _sized[0]:  # not laid out for a text the backend is drawing
        return _plain_layout(string, font, features=features, language=language)
    key = (string, _sized[1], features, language, id(font))
    kept = _layouts.get(key)
    if kept is not None and kept[0] is font:
        return iter(kept[1])
    items = list(_plain_layout(string, font, features=features, language=language))
    _layouts[key] = (font, items)
    if len(_layouts) > KEPT:
        _layouts.popitem(last=False)
    return iter(items)


@contextmanager
def kept_glyph_layouts() -> Iterator[None]:
    """Within this block, the PDF backend lays each text out once per font and size."""
    saved = (_text_helpers.layout, pdf_ps.RendererPDFPSBase._get_font_ttf)
    _text_helpers.layout = _layout  # type: ignore[assignment]
    pdf_ps.RendererPDFPSBase._get_font_ttf = _font_ttf  # type: ignore[method-assign]
    try:
        yield
    finally:
        _text_helpers.layout, pdf_ps.RendererPDFPSBase._get_font_ttf = saved  # type: ignore[method-assign]
        _sized[0] = None
