"""Inlining Matplotlib's SVG into a page: ids made unique per chart, references kept,
the alt text as the image's name, nothing of the standalone file's prologue left."""

from __future__ import annotations

import re

import pytest

from reportgen.figures.draw import draw_chart
from reportgen.render.html.svg import inline_svg, natural_size, smallest_text
from tests.figures import samples as S


@pytest.fixture(scope="module")
def drawn() -> bytes:
    return draw_chart(S.ranked(12), svg=True).svg  # tick marks (<use>) and clip paths


def _ids(markup: str) -> list[str]:
    return re.findall(r'\sid="([^"]+)"', markup)


def _references(markup: str) -> set[str]:
    return {a or b for a, b in re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', markup)}


def test_prologue_and_global_style_are_dropped(drawn):
    markup = str(inline_svg(drawn, prefix="d1", title="Stapeldiagram."))
    assert markup.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    for gone in ("<?xml", "<!DOCTYPE", "<metadata", "<style", "rdf:"):
        assert gone not in markup
    assert markup.rstrip().endswith("</svg>")


def test_ids_are_prefixed_or_dropped_and_references_still_resolve(drawn):
    assert re.search(rb'id="figure_1"', drawn) and _references(drawn.decode())  # Matplotlib's own ids
    markup = str(inline_svg(drawn, prefix="d7", title="Stapeldiagram."))
    ids = _ids(markup)
    assert all(i.startswith("d7-") for i in ids)
    assert _references(markup) and _references(markup) <= set(ids)
    assert "figure_1" not in markup  # referenced by nothing, so gone


def test_two_charts_on_one_page_share_no_id(drawn):
    other = draw_chart(S.ranked(12), svg=True).svg  # the same drawing: the same ids in the file
    first = _ids(str(inline_svg(drawn, prefix="d1", title="Ett.")))
    second = _ids(str(inline_svg(other, prefix="d2", title="Två.")))
    assert first and not set(first) & set(second)


def test_the_alt_text_names_the_image_escaped(drawn):
    markup = str(inline_svg(drawn, prefix="d1", title="Malmö <44> & Lund"))
    assert 'role="img" aria-labelledby="d1-title"' in markup
    assert '<title id="d1-title">Malmö &lt;44&gt; &amp; Lund</title>' in markup
    with pytest.raises(ValueError, match="alt text"):
        inline_svg(drawn, prefix="d1", title=" ")


def test_size_is_kept_and_a_floor_can_be_set(drawn):
    width, height = natural_size(drawn)
    markup = str(inline_svg(drawn, prefix="d1", title="x", min_width_pt=width * 0.8))
    assert f'width="{width:g}pt" height="{height:g}pt"' in markup
    assert f'style="min-width: {width * 0.8:.1f}pt"' in markup
    with pytest.raises(ValueError, match="no <svg>"):
        inline_svg(b"<html></html>", prefix="d1", title="x")


def test_a_chart_is_never_shown_with_labels_under_ten_css_pixels(drawn):
    from reportgen.render.html.blocks import _min_width
    from reportgen.render.html.texts import web_texts

    smallest = smallest_text(drawn)
    width, _ = natural_size(drawn)
    assert smallest == pytest.approx(10) or smallest < 10  # the chart's labels, in points
    floor = _min_width(drawn, web_texts())
    # At that width the smallest label is 10 CSS px = 7.5 pt: scale = 7.5 / smallest.
    assert floor == pytest.approx(width * 7.5 / smallest)
    assert smallest_text(b'<svg viewBox="0 0 1 1" width="1pt" height="1pt"></svg>') is None
