"""Text boxes written as XML (``pptx_text`` on ``pptx_xml``) against python-pptx's setters.

The renderer builds text boxes element by element to save python-pptx's property
setters (issue 19); the file must stay the same byte for byte. Each case here is built
twice on fresh slides of our template — once with python-pptx's API, as the renderer
did before, once with the fast path — and the serialised shapes must be equal. One
literal expectation, checked by hand against a Skåne deck, pins the XML itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Inches, Pt

from reportgen.deck.model import Paragraph
from reportgen.render.geometry import BULLET_HANG, LINE_HEIGHT, PARA_SPACE, bullet_indent
from reportgen.render.pptx_template import open_template
from reportgen.render.pptx_text import add_slide_number, add_text_box, write_paragraphs
from reportgen.render.pptx_xml import run_text
from reportgen.theme import Region

REGION = Region(0.5, 7.02, 10.8, 0.3)
ALIGN = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}


def _slides(n: int = 2) -> list[Slide]:
    prs, layouts = open_template()
    return [prs.slides.add_slide(layouts.title_only) for _ in range(n)]


def _xml(element: etree._Element) -> bytes:
    return etree.tostring(element)


def _bare(element: etree._Element) -> str:
    """The element's XML without the namespace declarations it inherits from its slide."""
    return re.sub(r' xmlns:\w+="[^"]+"', "", etree.tostring(element, encoding="unicode"))


# --- python-pptx's API, as render/pptx_text.py wrote text boxes before issue 19 ----------


def _setter_paragraphs(frame: TextFrame, paragraphs: Sequence[Paragraph], *, size: float, **style) -> None:
    color, align, bold, typeface = (style.get(k) for k in ("color", "align", "bold", "typeface"))
    align = align or "left"
    frame.text = ""
    for i, para in enumerate(paragraphs):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.alignment = ALIGN[align]
        p.line_spacing = Pt(LINE_HEIGHT * size)
        if i < len(paragraphs) - 1:
            p.space_after = Pt(PARA_SPACE * size)
        if para.level:
            p_pr = p._p.get_or_add_pPr()
            p_pr.set("marL", str(Inches(bullet_indent(para.level, size))))
            p_pr.set("indent", str(-Pt(BULLET_HANG * size)))
            etree.SubElement(p_pr, qn("a:buFont"), typeface="Arial")
            etree.SubElement(p_pr, qn("a:buChar"), char={1: "•", 2: "–"}.get(para.level, "–"))
        run = p.add_run()
        run.text = para.text
        font = run.font
        font.size = Pt(size)
        font.bold = bold or para.bold
        if typeface:
            font.name = typeface
        if color:
            font.color.rgb = RGBColor.from_string(color.lstrip("#").upper())
        _setter_end(p._p, size)
    if not paragraphs:
        _setter_end(frame.paragraphs[0]._p, size)


def _setter_end(p: etree._Element, size: float) -> None:
    end = p.find(qn("a:endParaRPr"))
    if end is None:
        end = etree.SubElement(p, qn("a:endParaRPr"))
    end.set("sz", str(round(size * 100)))


def _setter_box(slide: Slide, region: Region, paragraphs: Sequence[Paragraph], **options) -> etree._Element:
    anchor = options.pop("anchor", MSO_ANCHOR.TOP)
    fill = options.pop("fill", None)
    inset = options.pop("inset", 0.0)
    name = options.pop("name")
    box = slide.shapes.add_textbox(Inches(region.x), Inches(region.y), Inches(region.width), Inches(region.height))
    box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(inset)
    frame.margin_top = frame.margin_bottom = 0
    if fill:
        box.fill.solid()
        box.fill.fore_color.rgb = RGBColor.from_string(fill.lstrip("#").upper())
    _setter_paragraphs(frame, paragraphs, **options)
    return box._element


# --- the cases ---------------------------------------------------------------------------

BULLETED = [
    Paragraph("Rubrik", bold=True),
    Paragraph("En punkt", level=1),
    Paragraph("Ett streck", level=2),
    Paragraph("Djupare", level=3),
    Paragraph("Sista"),
]

CASES = [
    pytest.param([Paragraph("Källa: Enkät (2021)")], {}, id="source-line"),
    pytest.param([], {}, id="no-paragraphs"),
    pytest.param([Paragraph("")], {"align": "right"}, id="empty-right"),
    pytest.param(BULLETED, {"typeface": "Arial"}, id="bullets-levels-1-3"),
    pytest.param([Paragraph("42 %")], {"bold": True, "anchor": MSO_ANCHOR.MIDDLE}, id="bold-middle"),
    pytest.param([Paragraph("Demo")], {"fill": "#c85200", "inset": 0.15, "align": "center"}, id="fill-inset"),
    pytest.param([Paragraph("Default inset")], {"inset": 0.1, "anchor": MSO_ANCHOR.BOTTOM}, id="default-inset"),
    pytest.param([Paragraph("bell\x07 tab\t line\nfeed \x1f")], {}, id="control-characters"),
    pytest.param([Paragraph("<&> \"'")], {"size": 10.5}, id="markup-characters"),
]


@pytest.mark.parametrize(("paragraphs", "options"), CASES)
def test_text_box_is_what_python_pptx_setters_make(paragraphs: list[Paragraph], options: dict) -> None:
    options = {"size": 14.0, "color": "#1a1a1a", "name": "Text", **options}
    reference, fast = _slides()
    expected = _setter_box(reference, REGION, paragraphs, **dict(options))
    box = add_text_box(fast, REGION, paragraphs, **options)
    assert _xml(box._element) == _xml(expected)
    assert type(box) is type(fast.shapes._shape_factory(box._element))  # the proxy python-pptx would give
    assert box.shape_id == int(expected.xpath("./p:nvSpPr/p:cNvPr/@id")[0]) == 3  # after the tree (1) and title (2)


def test_text_box_xml_checked_by_hand() -> None:
    """The source line of a Skåne content slide (slide 5), before the language pass."""
    (slide,) = _slides(1)
    box = add_text_box(
        slide, REGION, [Paragraph("Källa: Enkät")], size=8, color="#595959", name="Källa", typeface="Arial"
    )
    expected = (
        '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Källa"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        '<p:spPr><a:xfrm><a:off x="457200" y="6419088"/><a:ext cx="9875520" cy="274320"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
        '<p:txBody><a:bodyPr wrap="square" anchor="t" lIns="0" rIns="0" tIns="0" bIns="0"><a:noAutofit/></a:bodyPr>'
        '<a:lstStyle/><a:p><a:pPr algn="l"><a:lnSpc><a:spcPts val="960"/></a:lnSpc></a:pPr>'
        '<a:r><a:rPr sz="800" b="0"><a:solidFill><a:srgbClr val="595959"/></a:solidFill>'
        '<a:latin typeface="Arial"/></a:rPr><a:t>Källa: Enkät</a:t></a:r><a:endParaRPr sz="800"/></a:p>'
        "</p:txBody></p:sp>"
    )
    assert _bare(box._element) == expected


def test_ids_count_up_from_the_slide_with_or_without_turbo_mode() -> None:
    scanned, counted = _slides()
    counted.shapes.turbo_add_enabled = True
    for slide in (scanned, counted):
        ids = [
            add_text_box(slide, REGION, [Paragraph(str(i))], size=9, color="#000000", name="T").shape_id
            for i in range(3)
        ]
        assert ids == [3, 4, 5]  # after the tree (1) and the title (2)


def test_paragraphs_replace_a_placeholders_text_as_the_setters_do() -> None:
    reference, fast = _slides()
    lines = [Paragraph("Skåne län: analysresultat"), Paragraph("November 2023")]
    for slide in (reference, fast):
        slide.shapes.title.text_frame.text = "gammal\ntext"
    _setter_paragraphs(reference.shapes.title.text_frame, lines, size=24, color=None)
    write_paragraphs(fast.shapes.title.text_frame._txBody, lines, size=24, color=None)
    assert _xml(fast.shapes.title._element) == _xml(reference.shapes.title._element)


def test_slide_number_is_a_field_in_place_of_the_run() -> None:
    (slide,) = _slides(1)
    box = add_slide_number(slide, REGION, 17, size=9, color="#595959")
    p = box._element.find(f"{qn('p:txBody')}/{qn('a:p')}")
    assert [child.tag for child in p] == [qn("a:pPr"), qn("a:fld"), qn("a:endParaRPr")]
    field = p.find(qn("a:fld"))
    assert field.get("type") == "slidenum"
    assert _bare(field[0]) == '<a:rPr sz="900"><a:solidFill><a:srgbClr val="595959"/></a:solidFill></a:rPr>'
    assert field.find(qn("a:t")).text == "17"


def test_run_text_escapes_control_characters_as_python_pptx() -> None:
    assert run_text("a\x07b\tc\nd\x0be") == "a_x0007_b\tc\nd_x000B_e"
