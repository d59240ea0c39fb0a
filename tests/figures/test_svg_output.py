"""The SVG output of a chart's one drawing, for the web edition: the same figure as the
PDF, text kept as text in the chart font, repeatable byte for byte."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pikepdf
import pytest

from reportgen.figures.draw import draw_chart, draw_charts

from . import samples as S

SVG = "{http://www.w3.org/2000/svg}"


def test_no_svg_unless_asked_for():
    assert draw_chart(S.status()).svg == b""
    assert all(art.svg == b"" for art in draw_charts([S.status(), S.wish()]).values())


@pytest.mark.parametrize(
    "spec", [S.ranked(38), S.stacked(12), S.status(region="col1")], ids=["ranked", "stacked", "col1"]
)
def test_svg_is_the_same_figure_as_the_pdf_with_text_as_text(spec):
    art = draw_chart(spec, svg=True)
    root = ET.fromstring(art.svg)
    # Same page size as the PDF (points).
    width, height = (float(root.get(k).removesuffix("pt")) for k in ("width", "height"))
    with pikepdf.open(io.BytesIO(art.pdf)) as pdf:
        box = [float(v) for v in pdf.pages[0].MediaBox]
    assert (width, height) == pytest.approx((box[2] - box[0], box[3] - box[1]), abs=0.01)
    # svg.fonttype none: labels are <text> in the chart font, no glyphs drawn as paths.
    texts = root.iter(f"{SVG}text")
    labels = {t.text for t in texts}
    assert set(spec.categories) & labels, "category labels should be text"
    styles = " ".join(t.get("style", "") for t in root.iter(f"{SVG}text"))
    assert "font-family: 'Liberation Sans'" in styles
    assert not re.search(rb'id="(DejaVu|Liberation)[^"]*-[0-9a-f]+"', art.svg), "glyphs were drawn as paths"


def test_same_spec_same_svg():
    spec = S.ranked(38)
    assert draw_chart(spec, svg=True).svg == draw_chart(spec, svg=True).svg
    assert b"<dc:date>" not in draw_chart(spec, svg=True).svg  # no time stamp in the file
