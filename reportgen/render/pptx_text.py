"""Writing text into PowerPoint shapes: text boxes, runs, bullets, the slide-number field.

Text that is measured to fit (``pptx_fit``) names the font it was measured for; the
renderer leaves only titles in the template's own theme font. Colours are the theme's
hex values: they were chosen for contrast (WCAG 2.1 AA) and must not depend on a template.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.slide import Slide as PptxSlide
from pptx.text.text import TextFrame
from pptx.util import Inches, Pt

from reportgen.deck.model import Paragraph
from reportgen.render.geometry import BULLET_HANG, LINE_HEIGHT, PARA_SPACE, bullet_indent
from reportgen.theme import Region

ALIGN = {"left": PP_ALIGN.LEFT, "right": PP_ALIGN.RIGHT, "center": PP_ALIGN.CENTER}
SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
BULLETS = {1: "•", 2: "–"}


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
    as in the PDF). Its height never grows by itself: the caller has fitted the size."""
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
        box.fill.fore_color.rgb = rgb(fill)
    write_paragraphs(frame, paragraphs, size=size, color=color, align=align, bold=bold, typeface=typeface)
    return box


def write_paragraphs(
    frame: TextFrame,
    paragraphs: Sequence[Paragraph],
    *,
    size: float,
    color: str | None,
    align: str = "left",
    bold: bool = False,
    typeface: str | None = None,
) -> None:
    """Replace the frame's text with ``paragraphs`` at exactly the line spacing and
    paragraph spacing ``pptx_fit`` measures with; ``level`` > 0 becomes a bullet.
    ``typeface`` None leaves the template's theme font."""
    frame.text = ""
    for i, para in enumerate(paragraphs):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.alignment = ALIGN[align]
        p.line_spacing = Pt(LINE_HEIGHT * size)
        if i < len(paragraphs) - 1:
            p.space_after = Pt(PARA_SPACE * size)
        if para.level:
            _bullet(p._p, para.level, size)
        run = p.add_run()
        run.text = para.text
        font = run.font
        font.size = Pt(size)
        font.bold = bold or para.bold
        if typeface:
            font.name = typeface
        if color:
            font.color.rgb = rgb(color)
        _end_size(p._p, size)
    if not paragraphs:
        _end_size(frame.paragraphs[0]._p, size)


def _bullet(p: etree._Element, level: int, size: float) -> None:
    p_pr = p.get_or_add_pPr()
    p_pr.set("marL", str(Inches(bullet_indent(level, size))))
    p_pr.set("indent", str(-Pt(BULLET_HANG * size)))
    # schema order: the spacing elements (already set) come before the bullet ones
    etree.SubElement(p_pr, qn("a:buFont"), typeface="Arial")
    etree.SubElement(p_pr, qn("a:buChar"), char=BULLETS.get(level, "–"))


def _end_size(p: etree._Element, size: float) -> None:
    """An empty paragraph's height comes from its end mark; keep it at the text size."""
    end = p.find(qn("a:endParaRPr"))
    if end is None:
        end = etree.SubElement(p, qn("a:endParaRPr"))
    end.set("sz", str(round(size * 100)))


def style_runs(frame: TextFrame, *, size: float, color: str | None = None, bold: bool | None = None) -> None:
    """Size (and optionally colour and weight) of every run already in ``frame``, with
    the line spacing ``pptx_fit`` measures with."""
    for p in frame.paragraphs:
        p.line_spacing = Pt(LINE_HEIGHT * size)
        for run in p.runs:
            run.font.size = Pt(size)
            if bold is not None:
                run.font.bold = bold
            if color:
                run.font.color.rgb = rgb(color)
        _end_size(p._p, size)


def add_slide_number(slide: PptxSlide, region: Region, number: int, *, size: float, color: str) -> Shape:
    """A text box holding PowerPoint's slide-number field, so the number stays right if
    slides are moved; its cached text is ``number`` for viewers that do not compute it."""
    box = add_text_box(slide, region, [Paragraph("")], size=size, color=color, name="Sidnummer", align="right")
    p = box.text_frame.paragraphs[0]._p
    for run in p.findall(qn("a:r")):
        p.remove(run)
    field = etree.Element(qn("a:fld"), id=SLIDE_NUMBER_FIELD_ID, type="slidenum")
    r_pr = etree.SubElement(field, qn("a:rPr"), sz=str(round(size * 100)))
    fill = etree.SubElement(r_pr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=color.lstrip("#").upper())
    etree.SubElement(field, qn("a:t")).text = str(number)
    end = p.find(qn("a:endParaRPr"))
    end.addprevious(field)
    return box
