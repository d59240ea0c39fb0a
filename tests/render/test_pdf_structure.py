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
