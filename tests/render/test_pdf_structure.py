"""A chart's page becomes the form XObject qpdf would make of it, its stream kept encoded."""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Name

from reportgen.render.pdf_structure import chart_form
from tests.render.test_pdf_sample import chart_specs, draw_test_chart


def _chart_pdf() -> bytes:
    return draw_test_chart(chart_specs()[0]).pdf


def test_a_matplotlib_page_is_the_form_qpdf_makes_with_its_bytes_as_they_are():
    data = _chart_pdf()
    with pikepdf.new() as target, pikepdf.open(io.BytesIO(data)) as source:
        page = source.pages[0].obj
        ours = chart_form(target, page)
        theirs = target.copy_foreign(source.pages[0].as_form_xobject())
        assert ours.read_bytes() == theirs.read_bytes()  # the same drawing
        assert ours.read_raw_bytes() == page.Contents.read_raw_bytes()  # not compressed again
        assert ours.Filter == Name.FlateDecode
        for key in ("/Type", "/Subtype", "/BBox"):
            assert ours[key] == theirs[key], key
        assert set(ours.Resources.keys()) == set(theirs.Resources.keys())


def test_a_rotated_page_goes_through_qpdf():
    data = _chart_pdf()
    with pikepdf.new() as target, pikepdf.open(io.BytesIO(data)) as source:
        page = source.pages[0].obj
        page.Rotate = 90
        form = chart_form(target, page)
        assert "/Matrix" in form  # qpdf turns the rotation into the form's matrix


def _font_dicts(data: bytes) -> list[str]:
    """The BaseFont of every Type 0 font in the file."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [
            str(o.BaseFont)
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Subtype") == Name.Type0
        ]


def _deck_of(charts, uses, sheet: bytes) -> bytes:
    from reportgen.render.pdf_structure import place_charts

    out = io.BytesIO()
    with pikepdf.new() as deck:
        for _ in uses:
            deck.add_blank_page(page_size=(400, 300))
        place_charts(deck, charts, uses, sheet)
        deck.save(out)
    return out.getvalue()


def test_charts_share_the_font_sheets_fonts_in_the_deck():
    from reportgen.figures.draw import draw_chart
    from reportgen.figures.font_sheet import font_sheet
    from reportgen.render.pdf_structure import ChartUse

    bar, wide = chart_specs()
    charts = {spec.key: draw_chart(spec, png=False) for spec in (bar, wide)}
    uses = [ChartUse(0, "RgChart0", bar.key), ChartUse(1, "RgChart1", wide.key)]
    per_chart = sum(len(_font_dicts(art.pdf)) for art in charts.values())
    assert per_chart >= 2
    alone = _deck_of(charts, uses, b"")
    shared = _deck_of(charts, uses, font_sheet())
    assert len(_font_dicts(alone)) == per_chart  # each chart brings its own
    sheet_fonts = set(_font_dicts(font_sheet()))
    placed = _font_dicts(shared)
    assert set(placed) <= sheet_fonts and len(placed) <= 2
    with pikepdf.open(io.BytesIO(shared)) as pdf:
        for page, name in ((0, "/RgChart0"), (1, "/RgChart1")):
            form = pdf.pages[page].Resources.XObject[name]
            for font in form.Resources.Font.values():
                assert str(font.BaseFont) in sheet_fonts
    # The same text and the same pixels as with each chart's own fonts.
    import pypdfium2 as pdfium

    def look(data: bytes) -> list[tuple[str, bytes]]:
        doc = pdfium.PdfDocument(data)
        try:
            return [
                (doc[i].get_textpage().get_text_range(), doc[i].render(scale=1).to_numpy().tobytes()) for i in range(2)
            ]
        finally:
            doc.close()

    assert look(shared) == look(alone)


def test_a_chart_whose_codes_disagree_with_the_sheet_keeps_its_own_font():
    from reportgen.figures.draw import draw_chart
    from reportgen.figures.font_sheet import font_sheet
    from reportgen.render.pdf_structure import ChartUse

    bar, _ = chart_specs()
    art = draw_chart(bar, png=False)
    with pikepdf.open(io.BytesIO(art.pdf)) as pdf:
        cid_font = next(iter(pdf.pages[0].Resources.Font.values())).DescendantFonts[0]
        codes = bytearray(cid_font.CIDToGIDMap.read_bytes())
        used = next(i for i in range(0, len(codes), 2) if codes[i : i + 2] != b"\0\0")
        codes[used + 1] ^= 1  # one code now maps to another glyph than the sheet's
        cid_font.CIDToGIDMap.write(bytes(codes))
        out = io.BytesIO()
        pdf.save(out)
    changed = type(art)(art.key, out.getvalue(), b"", art.width, art.height)
    deck = _deck_of({bar.key: changed}, [ChartUse(0, "RgChart0", bar.key)], font_sheet())
    names = set(_font_dicts(deck))
    assert names - set(_font_dicts(font_sheet()))  # the chart's own font is there
