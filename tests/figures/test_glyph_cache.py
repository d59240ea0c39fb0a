"""Glyph layouts kept across saves (figures/glyph_cache.py) give the same PDF, byte for byte."""

from __future__ import annotations

from matplotlib import _text_helpers
from matplotlib.backends import _backend_pdf_ps as pdf_ps

from reportgen.figures import draw, glyph_cache
from reportgen.figures.draw import draw_chart
from tests.figures import samples


def _specs():
    return [
        samples.ranked(),
        samples.ranked(8, zeros=True, region="right"),
        samples.stacked(),
        samples.stacked(12, long=True, region="left"),
        samples.grouped(),
        samples.status(),
        samples.wish(),
    ]


def test_charts_drawn_with_kept_layouts_are_the_bytes_of_charts_drawn_without(monkeypatch):
    glyph_cache._layouts.clear()
    kept = [draw_chart(spec, png=False).pdf for spec in _specs()]
    assert glyph_cache._layouts  # the layouts were kept ...
    again = [draw_chart(spec, png=False).pdf for spec in _specs()]  # ... and used
    monkeypatch.setattr(draw, "kept_glyph_layouts", _no_cache)
    plain = [draw_chart(spec, png=False).pdf for spec in _specs()]
    assert kept == plain
    assert again == plain


def test_a_text_is_laid_out_once_per_font_and_size():
    glyph_cache._layouts.clear()
    spec = samples.ranked()
    draw_chart(spec, png=False)
    first = len(glyph_cache._layouts)
    draw_chart(spec, png=False)
    assert len(glyph_cache._layouts) == first  # nothing new to lay out the second time
    sizes = {key[1] for key in glyph_cache._layouts}
    assert len(sizes) >= 2  # value labels and category labels differ in size, kept apart


def test_matplotlib_is_restored_and_its_functions_still_exist():
    saved = (_text_helpers.layout, pdf_ps.RendererPDFPSBase._get_font_ttf)
    with glyph_cache.kept_glyph_layouts():
        assert _text_helpers.layout is glyph_cache._layout
    assert (_text_helpers.layout, pdf_ps.RendererPDFPSBase._get_font_ttf) == saved
    assert glyph_cache._plain_layout is _text_helpers.layout


def _no_cache():
    from contextlib import nullcontext

    return nullcontext()
