"""Writing text into PowerPoint shapes: text boxes, runs, bullets, the slide-number field.

Text that is measured to fit (``pptx_fit``) names the font it was measured for; the
renderer leaves only titles in the template's own theme font. Colours are the theme's
hex values: they were chosen for contrast (WCAG 2.1 AA) and must not depend on a template.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide as PptxSlide
from pptx.util import Inches, Pt

from reportgen.deck.model import Paragraph
from reportgen.render import pptx_xml as px
from reportgen.render.geometry import BULLET_HANG, LINE_HEIGHT, PARA_SPACE, bullet_indent
from reportgen.render.pptx_xml import hex_color, new_shape, next_shape_id, run_text, solid_fill
from reportgen.theme import Region

ALIGN = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}
SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
BULLETS = {1: "•", 2: "–"}
_SIDE_INSET = 91440  # EMU: a text body's default left and right inset (0.1 in)


def rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def add_text_box(
    slide: PptxSlide,
    region: Region,
    paragraphs: Sequence[Paragraph],
    *,
    size: float,
    color: str,
    name: str,
    align: str = "left",
    anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    bold: bool = False,
    fill: str | None = None,
    inset: float = 0.0,
    typeface: str | None = None,
) -> Shape:
    """A word-wrapped text box exactly on ``region`` with no vertical insets and
    ``inset`` inches left and right (none by default: text starts at the region's edge,
    as in the PDF). Its height never grows by itself: the caller has fitted the size.

    Written as XML (``pptx_xml``): the shape python-pptx's ``add_textbox`` makes, after
    ``word_wrap``, ``auto_size`` NONE, ``vertical_anchor``, the margins and ``fill``."""
    sp = _text_box_sp(slide, region, name, fill)
    body = etree.SubElement(sp, px.P_TX_BODY)
    body_pr = etree.SubElement(body, px.A_BODY_PR, wrap="square", anchor=MSO_ANCHOR.to_xml(anchor))
    side = Inches(inset)
    if side != _SIDE_INSET:  # python-pptx drops a margin set to its default
        body_pr.set("lIns", str(side))
        body_pr.set("rIns", str(side))
    body_pr.set("tIns", "0")
    body_pr.set("bIns", "0")
    etree.SubElement(body_pr, px.A_NO_AUTOFIT)
    etree.SubElement(body, px.A_LST_STYLE)
    write_paragraphs(body, paragraphs, size=size, color=color, align=align, bold=bold, typeface=typeface)
    return Shape(sp, slide.shapes)  # what python-pptx's shape factory makes of a non-placeholder p:sp


def _text_box_sp(slide: PptxSlide, region: Region, name: str, fill: str | None) -> etree._Element:
    """The ``p:sp`` of a text box without its text body."""
    shape_id = next_shape_id(slide)
    sp = new_shape(slide, px.P_SP)
    nv = etree.SubElement(sp, px.P_NV_SP_PR)
    etree.SubElement(nv, px.P_C_NV_PR, id=str(shape_id), name=name)
    etree.SubElement(nv, px.P_C_NV_SP_PR, txBox="1")
    etree.SubElement(nv, px.P_NV_PR)
    sp_pr = etree.SubElement(sp, px.P_SP_PR)
    xfrm = etree.SubElement(sp_pr, px.A_XFRM)
    etree.SubElement(xfrm, px.A_OFF, x=str(Inches(region.x)), y=str(Inches(region.y)))
    etree.SubElement(xfrm, px.A_EXT, cx=str(Inches(region.width)), cy=str(Inches(region.height)))
    etree.SubElement(etree.SubElement(sp_pr, px.A_PRST_GEOM, prst="rect"), px.A_AV_LST)
    if fill:
        solid_fill(sp_pr, hex_color(fill))
    else:
        etree.SubElement(sp_pr, px.A_NO_FILL)
    return sp


def write_paragraphs(
    body: etree._Element,
    paragraphs: Sequence[Paragraph],
    *,
    size: float,
    color: str | None,
    align: str = "left",
    bold: bool = False,
    typeface: str | None = None,
) -> None:
    """Replace the text of ``body`` (a ``p:txBody``) with ``paragraphs`` at exactly the
    line spacing and paragraph spacing ``pptx_fit`` measures with; ``level`` > 0 becomes
    a bullet. ``typeface`` None leaves the template's theme font.

    The XML python-pptx leaves after ``frame.text = ""`` and, per paragraph,
    ``alignment``, ``line_spacing``, ``space_after``, ``add_run`` and the font setters."""
    for p in body.findall(px.A_P):
        body.remove(p)
    end_size = str(round(size * 100))
    if not paragraphs:
        etree.SubElement(etree.SubElement(body, px.A_P), px.A_END_PARA_RPR, sz=end_size)
        return
    algn = PP_ALIGN.to_xml(ALIGN[align])
    line = str(Pt(LINE_HEIGHT * size).centipoints)
    after = str(Pt(PARA_SPACE * size).centipoints)
    font_size = str(Pt(size).centipoints)
    color_hex = hex_color(color) if color else None
    last = len(paragraphs) - 1
    for i, para in enumerate(paragraphs):
        p = etree.SubElement(body, px.A_P)
        p_pr = etree.SubElement(p, px.A_P_PR, algn=algn)
        etree.SubElement(etree.SubElement(p_pr, px.A_LN_SPC), px.A_SPC_PTS, val=line)
        if i < last:
            etree.SubElement(etree.SubElement(p_pr, px.A_SPC_AFT), px.A_SPC_PTS, val=after)
        if para.level:
            _bullet(p_pr, para.level, size)
        run = etree.SubElement(p, px.A_R)
        r_pr = etree.SubElement(run, px.A_R_PR, sz=font_size, b="1" if bold or para.bold else "0")
        if color_hex:
            solid_fill(r_pr, color_hex)
        if typeface:
            etree.SubElement(r_pr, px.A_LATIN, typeface=typeface)
        etree.SubElement(run, px.A_T).text = run_text(para.text)
        etree.SubElement(p, px.A_END_PARA_RPR, sz=end_size)


def _bullet(p_pr: etree._Element, level: int, size: float) -> None:
    p_pr.set("marL", str(Inches(bullet_indent(level, size))))
    p_pr.set("indent", str(-Pt(BULLET_HANG * size)))
    # schema order: the spacing elements (already set) come before the bullet ones
    etree.SubElement(p_pr, px.A_BU_FONT, typeface="Arial")
    etree.SubElement(p_pr, px.A_BU_CHAR, char=BULLETS.get(level, "–"))


def add_slide_number(slide: PptxSlide, region: Region, number: int, *, size: float, color: str) -> Shape:
    """A text box holding PowerPoint's slide-number field, so the number stays right if
    slides are moved; its cached text is ``number`` for viewers that do not compute it."""
    box = add_text_box(slide, region, [Paragraph("")], size=size, color=color, name="Sidnummer", align="right")
    p = box._element.find(px.P_TX_BODY).find(px.A_P)
    field = etree.Element(px.A_FLD, id=SLIDE_NUMBER_FIELD_ID, type="slidenum")
    r_pr = etree.SubElement(field, px.A_R_PR, sz=str(round(size * 100)))
    solid_fill(r_pr, color.lstrip("#").upper())
    etree.SubElement(field, px.A_T).text = str(number)
    p.replace(p.find(px.A_R), field)
    return box
