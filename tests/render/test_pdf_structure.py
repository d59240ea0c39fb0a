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


def test_charts_embedding_the_same_font_file_share_one_copy_in_the_deck():
    from reportgen.figures.draw import draw_chart
    from reportgen.render.pdf_structure import ChartUse, place_charts

    bar, wide = chart_specs()
    charts = {spec.key: draw_chart(spec, png=False) for spec in (bar, wide)}

    def font_files(data: bytes) -> list[bytes]:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return [o.read_bytes() for o in pdf.objects if isinstance(o, pikepdf.Stream) and "/Length1" in o]

    per_chart = [font_files(art.pdf) for art in charts.values()]
    assert per_chart[0] and set(per_chart[0]) == set(per_chart[1])  # the same whole font in both
    out = io.BytesIO()
    with pikepdf.new() as deck:
        for _ in range(2):
            deck.add_blank_page(page_size=(400, 300))
        place_charts(deck, charts, [ChartUse(0, "RgChart0", bar.key), ChartUse(1, "RgChart1", wide.key)])
        deck.save(out)
    placed = font_files(out.getvalue())
    assert sorted(placed) == sorted(set(per_chart[0]))  # each file once
    with pikepdf.open(io.BytesIO(out.getvalue())) as pdf:
        for page, name in ((0, "/RgChart0"), (1, "/RgChart1")):
            form = pdf.pages[page].Resources.XObject[name]
            for font in form.Resources.Font.values():
                assert "/FontFile2" in font.DescendantFonts[0].FontDescriptor  # every font keeps its file
