"""The shared render layer: geometry both renderers place parts with, and the checked
dispatch tables and page walk."""

from __future__ import annotations

import pytest

from reportgen.deck.model import ChartSpec, Deck, KeyFigure, Section, Series, Slide, Table, TextBlock
from reportgen.render import pdf, pptx
from reportgen.render.dispatch import BLOCK_KINDS, block_table, pages, slide_table
from reportgen.render.geometry import (
    document_subject,
    key_figure_regions,
    look,
    place_picture,
    table_caption_regions,
)
from reportgen.theme import Region, load_theme

THEME = load_theme()


def test_key_figure_value_line_then_caption():
    sizes = THEME.sizes
    value, rest = key_figure_regions(Region(1.0, 2.0, 3.0, 2.0), THEME)
    value_h = sizes["key_value"] * 1.25 / 72
    assert value == Region(1.0, 2.0, 3.0, value_h)
    assert rest == Region(1.0, 2.0 + value_h + 0.05, 3.0, 2.0 - value_h - 0.05)


def test_table_caption_strip_is_one_and_a_half_lines():
    strip, rest = table_caption_regions(Region(0.5, 1.0, 6.0, 4.0), THEME)
    height = THEME.sizes["caption"] * 1.5 / 72
    assert strip == Region(0.5, 1.0, 6.0, height) and rest == Region(0.5, 1.0 + height, 6.0, 4.0 - height)


def test_picture_fits_the_box_and_is_centred():
    # A 4 × 2 drawing in a 10 × 3 box: height binds (scale 1.5), 6 wide, 2 free each side.
    assert place_picture(1.0, 10.0, 3.0, 4.0, 2.0) == (3.0, 1.5, 3.0)


def test_looks_keep_their_floor_under_their_size():
    assert look(THEME, "note").min_size == 6.0
    small = look(THEME, "body", size=7.0)
    assert (small.size, small.min_size) == (7.0, 7.0)


@pytest.mark.parametrize(
    ("subtitle", "subject"), [("Skåne län: resultat", "Skåne län: resultat"), ("Resultat", "Resultat – Skåne län")]
)
def test_subject_names_the_county_once(subtitle, subject):
    assert document_subject(Deck("T", subtitle, "Skåne län", "", ())) == subject


def test_every_renderer_covers_every_kind():
    assert set(BLOCK_KINDS) == {TextBlock, KeyFigure, Table, ChartSpec}
    for module in (pdf, pptx):
        assert set(module.BLOCK_RENDERERS) == set(BLOCK_KINDS)
        assert set(module.SLIDE_RENDERERS) == {"title", "contents", "section", "subsection", "content"}


def test_a_table_missing_a_kind_is_refused():
    with pytest.raises(TypeError, match="ChartSpec"):
        block_table("render.x", {TextBlock: print, KeyFigure: print, Table: print})
    with pytest.raises(TypeError, match="unknown"):
        slide_table("render.x", dict.fromkeys(("title", "contents", "section", "subsection", "content", "x"), print))


def test_pages_number_slides_and_place_bookmarks():
    chart = ChartSpec("body", "bar", ("a",), (Series("s", (1.0,)),), "Stapeldiagram.", key="k")
    first = Section(
        "1",
        "Äldre",
        (
            Slide("section", "Äldre", section_number="1"),
            Slide("subsection", "Form"),
            Slide("content", "Andelar", blocks=(chart,)),
        ),
    )
    deck = Deck("Titel", "", "Skåne län", "", (first,), front=(Slide("title", ""), Slide("contents", "Innehåll")))
    walked = pages(deck)
    assert [(p.number, p.part) for p in walked] == [(1, -1), (2, -1), (3, 0), (4, 0), (5, 0)]
    assert [p.bookmarks for p in walked] == [
        (("Titel", 0),),
        (("Innehåll", 0),),
        (("1 Äldre", 0),),
        (("Form", 1),),
        (),
    ]
    assert deck.charts == (chart,)
    assert chart.direction == "horizontal"
