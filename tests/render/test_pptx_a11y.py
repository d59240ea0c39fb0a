"""The accessibility fix-ups on single shapes (ACCESSIBILITY.md, "PowerPoint")."""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Inches

from reportgen.render.pptx_a11y import (
    DECORATIVE_URI,
    c_nv_pr,
    is_decorative,
    mark_decorative,
    set_alt_text,
    set_language,
    title_first,
)

# A 1×1 white PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63f8ffff3f0005fe02fe"
    "0def46b80000000049454e44ae426082"
)


def _slide():
    prs = Presentation()
    return prs, prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only"


def test_alt_text_replaces_the_file_name_python_pptx_writes():
    _, slide = _slide()
    picture = slide.shapes.add_picture(io.BytesIO(PNG), 0, 0)
    assert c_nv_pr(picture).get("descr") == "image.png"
    set_alt_text(picture, "Stapeldiagram: Malmö 52, Lund 47.", name="Diagram: Utbud")
    assert c_nv_pr(picture).get("descr") == "Stapeldiagram: Malmö 52, Lund 47."
    assert picture.name == "Diagram: Utbud"


def test_decorative_flag_is_offices_extension_once_and_drops_the_description():
    _, slide = _slide()
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(1), Inches(1))
    set_alt_text(bar, "a bar")
    assert not is_decorative(bar)
    mark_decorative(bar)
    mark_decorative(bar)
    element = c_nv_pr(bar)
    exts = element.findall(f"{qn('a:extLst')}/{qn('a:ext')}")
    assert [e.get("uri") for e in exts] == [DECORATIVE_URI]
    flag = exts[0][0]
    assert flag.tag == "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
    assert flag.get("val") == "1"
    assert element.get("descr") is None
    assert is_decorative(bar)


def test_title_is_moved_first_in_reading_order():
    _, slide = _slide()
    slide.shapes.add_textbox(0, 0, Inches(1), Inches(1)).name = "Text"
    title = slide.shapes.title
    title._element.getparent().append(title._element)  # now last
    assert [s.name for s in slide.shapes][-1] == title.name
    title_first(slide)
    assert [s.name for s in slide.shapes] == [title.name, "Text"]


def test_language_reaches_runs_without_properties_and_paragraph_ends():
    prs, slide = _slide()
    slide.shapes.title.text = "Äldre"
    box = slide.shapes.add_textbox(0, 0, Inches(1), Inches(1))
    box.text_frame.text = "Källa"
    set_language(prs, "sv-SE")
    assert prs.core_properties.language == "sv-SE"
    runs = list(slide._element.iter(qn("a:r")))
    assert len(runs) == 2
    assert [r.find(qn("a:rPr")).get("lang") for r in runs] == ["sv-SE", "sv-SE"]
    default = prs.part._element.find(qn("p:defaultTextStyle"))
    assert {e.get("lang") for e in default.iter(qn("a:defRPr"))} == {"sv-SE"}
