"""A table measured by ``table_fits`` is drawn as measured: one build, same drawing."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from reportgen.deck.model import Table
from reportgen.render import pdf_layout
from reportgen.render.geometry import PT, table_caption_regions
from reportgen.render.pdf_fonts import register_fonts
from reportgen.render.pdf_layout import fit_table, table_fits
from reportgen.render.pdf_tagging import TableTagger, Tagger
from reportgen.theme import load_theme


def _table(rows: int, caption: str = "Erbjuds") -> Table:
    return Table(
        region="profile_top",
        header=("Insats", "Länet", "Riket"),
        rows=tuple((f"Insats {n} med ett ganska långt namn", f"{n} %", f"{2 * n} %") for n in range(rows)),
        widths=(0.7, 0.15, 0.15),
        align=("left", "right", "right"),
        caption=caption,
    )


def _box(block: Table) -> tuple[float, float]:
    theme = load_theme()
    _, region = table_caption_regions(theme.region(block.region), theme)
    return region.width * PT, region.height * PT


def _draw(block: Table, measure_first: bool) -> tuple[bytes, list[str]]:
    """The page drawn with the table tagged, and the roles the tagger recorded."""
    theme = load_theme()
    if measure_first:
        assert table_fits(block, theme)
    canvas = Canvas(io.BytesIO(), invariant=1, pageCompression=0)
    tagger = Tagger(canvas)
    tagger.start_page()
    w, h = _box(block)
    table, height = fit_table(theme, register_fonts(theme), block, w, h, TableTagger(tagger))
    table.drawOn(canvas, 10, 10)
    canvas.showPage()
    roles = [row.role for row in tagger.root.kids[0].kids] + [c.role for c in tagger.root.kids[0].kids[1].kids]
    return canvas.getpdfdata() + str(height).encode(), roles


def test_a_measured_table_is_handed_to_the_renderer_once():
    theme = load_theme()
    block = _table(3)
    assert table_fits(block, theme)
    w, h = _box(block)
    fonts = register_fonts(theme)
    (kept,) = [entry[1] for key, entry in pdf_layout._measured.items() if key[0] == block]
    first, height = fit_table(theme, fonts, block, w, h)
    assert first is kept and height <= h
    again, _ = fit_table(theme, fonts, block, w, h)
    assert again is not first  # taken once: a second render builds its own


def test_a_measured_table_draws_and_tags_as_a_fresh_one():
    block = _table(4, caption="Erbjuds av kommunen")
    fresh, fresh_roles = _draw(block, measure_first=False)
    measured, measured_roles = _draw(block, measure_first=True)
    assert measured == fresh
    assert measured_roles == fresh_roles == ["TR"] * 5 + ["TD"] * 3


def test_a_table_that_does_not_fit_is_not_kept():
    block = _table(60)
    before = len(pdf_layout._measured)
    assert not table_fits(block)
    assert len(pdf_layout._measured) == before


def test_renderers_share_one_style_per_look_and_the_appendix_gets_its_own():
    from reportgen.render.pdf_layout import paragraph_style, shared_style

    theme = load_theme()
    fonts = register_fonts(theme)
    cell = shared_style(theme, fonts, 11, bold=True, align=2)
    assert shared_style(theme, fonts, 11, align=2, bold=True) is cell
    assert shared_style(theme, fonts, 11, bold=False, align=2) is not cell
    assert shared_style(theme, fonts, 10.5, bold=True, align=2).fontSize == 10.5
    own = paragraph_style(theme, fonts, 11, bold=True, align=2)
    assert own is not cell and own.__dict__ == cell.__dict__
