"""A new slide's placeholders, found, dropped, placed and given their title as XML.

python-pptx answers ``slide.placeholders`` by making a proxy per shape and an ``xpath``
per proxy, and its position and text setters walk xmlchemy for every attribute (issue
19). These functions do the same work on the elements: the XML is what
``placeholder.left = …``, ``frame.text = …``, ``word_wrap``, ``vertical_anchor`` and the
renderer's run styling leave (``tests/render/test_pptx_placeholders.py`` builds both).
"""

from __future__ import annotations

from collections.abc import Collection

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Inches, Pt

from reportgen.render import pptx_xml as px
from reportgen.render.geometry import LINE_HEIGHT
from reportgen.render.pptx_template import TITLE_PLACEHOLDERS
from reportgen.render.pptx_xml import run_text, solid_fill
from reportgen.theme import Region

#: The title placeholders (``pptx_template.TITLE_PLACEHOLDERS``) as the XML names them.
TITLE_TYPES = tuple(PP_PLACEHOLDER.to_xml(kind) for kind in TITLE_PLACEHOLDERS)
SUBTITLE_TYPE = PP_PLACEHOLDER.to_xml(PP_PLACEHOLDER.SUBTITLE)
SHAPE_TAGS = {qn(t) for t in ("p:sp", "p:grpSp", "p:graphicFrame", "p:cxnSp", "p:pic", "p:contentPart")}


def placeholder_type(shape: etree._Element) -> str | None:
    """The ``type`` of the shape's ``p:ph`` ("obj" when it has none, as in the schema),
    or None for a shape that is not a placeholder."""
    nv = next((child for child in shape if isinstance(child.tag, str)), None)
    nv_pr = None if nv is None else nv.find(px.P_NV_PR)
    ph = None if nv_pr is None else nv_pr.find(px.P_PH)
    return None if ph is None else ph.get("type", "obj")


def placeholders(slide: Slide) -> list[tuple[etree._Element, str]]:
    """The slide's placeholder shapes in tree order, with their types."""
    found = []
    for shape in slide.shapes._spTree:
        if shape.tag in SHAPE_TAGS and (kind := placeholder_type(shape)) is not None:
            found.append((shape, kind))
    return found


def drop_placeholders(slide: Slide, keep: Collection[str]) -> None:
    """Remove every placeholder whose type is not in ``keep``."""
    for shape, kind in placeholders(slide):
        if kind not in keep:
            shape.getparent().remove(shape)


def find_placeholder(slide: Slide, kinds: Collection[str]) -> etree._Element | None:
    """The first placeholder of one of ``kinds``."""
    return next((shape for shape, kind in placeholders(slide) if kind in kinds), None)


def place(shape: etree._Element, region: Region) -> None:
    """Position and size of ``shape`` on ``region``, as python-pptx's ``left``, ``top``,
    ``width`` and ``height`` setters write them, in that order."""
    sp_pr = shape.find(px.P_SP_PR)
    xfrm = sp_pr.find(px.A_XFRM)
    if xfrm is None:
        xfrm = sp_pr.makeelement(px.A_XFRM)
        sp_pr.insert(0, xfrm)
    off = xfrm.find(px.A_OFF)
    if off is None:
        off = xfrm.makeelement(px.A_OFF)
        xfrm.insert(0, off)
    off.set("x", str(Inches(region.x)))
    off.set("y", str(Inches(region.y)))
    ext = xfrm.find(px.A_EXT)
    if ext is None:
        ext = xfrm.makeelement(px.A_EXT)
        off.addnext(ext)
    ext.set("cx", str(Inches(region.width)))
    ext.set("cy", str(Inches(region.height)))


def unpad(shape: etree._Element, anchor: MSO_ANCHOR | None = None) -> etree._Element:
    """Word wrap on, optionally the vertical ``anchor``, and no insets, as python-pptx's
    ``word_wrap``, ``vertical_anchor`` and margin setters leave them; the text body."""
    body = shape.find(px.P_TX_BODY)
    body_pr = body.find(px.A_BODY_PR)
    body_pr.set("wrap", "square")
    if anchor is not None:
        body_pr.set("anchor", MSO_ANCHOR.to_xml(anchor))
    for inset in ("lIns", "tIns", "rIns", "bIns"):
        body_pr.set(inset, "0")
    return body


def write_title(body: etree._Element, text: str, *, size: float, color: str | None, bold: bool = True) -> None:
    """``text`` as the body's only text, sized with the line spacing ``pptx_fit``
    measures with, in ``color`` (``RRGGBB``) or the template's: what ``frame.text =
    text`` and then setting every run's size, weight and colour gives. A line feed
    starts a paragraph and a vertical tab a line break, as in ``frame.text``."""
    for p in body.findall(px.A_P):
        body.remove(p)
    line = str(Pt(LINE_HEIGHT * size).centipoints)
    font_size = str(Pt(size).centipoints)
    end_size = str(round(size * 100))
    for paragraph in text.split("\n"):
        p = etree.SubElement(body, px.A_P)
        etree.SubElement(etree.SubElement(etree.SubElement(p, px.A_P_PR), px.A_LN_SPC), px.A_SPC_PTS, val=line)
        for i, piece in enumerate(paragraph.split("\v")):
            if i:
                etree.SubElement(p, px.A_BR)
            if piece:
                run = etree.SubElement(p, px.A_R)
                r_pr = etree.SubElement(run, px.A_R_PR, sz=font_size, b="1" if bold else "0")
                if color:
                    solid_fill(r_pr, color)
                etree.SubElement(run, px.A_T).text = run_text(piece)
        etree.SubElement(p, px.A_END_PARA_RPR, sz=end_size)
