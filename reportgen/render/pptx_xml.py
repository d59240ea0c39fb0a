"""Slide XML written with lxml in one go, where python-pptx's property setters are slow.

Each python-pptx setter (``word_wrap``, a margin, ``font.color.rgb``, ``add_run``) looks
its element up through xmlchemy and ``xpath``, creates it in schema order and converts
its value: a county deck of 184 slides spent most of its PowerPoint stage there (issue
19). Text boxes and tables are instead built element by element, in exactly the order
and with exactly the attributes those setters leave, so the file is the same byte for
byte (``tests/render/test_pptx_text.py``, ``test_pptx_table.py`` and
``test_pptx_placeholders.py`` build each both ways). The tag names are resolved once
here rather than on every element.
"""

from __future__ import annotations

import re

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.slide import Slide

A_AV_LST = qn("a:avLst")
A_BODY_PR = qn("a:bodyPr")
A_BR = qn("a:br")
A_BU_CHAR = qn("a:buChar")
A_BU_FONT = qn("a:buFont")
A_END_PARA_RPR = qn("a:endParaRPr")
A_EXT = qn("a:ext")
A_FLD = qn("a:fld")
A_GRAPHIC = qn("a:graphic")
A_GRAPHIC_DATA = qn("a:graphicData")
A_GRAPHIC_FRAME_LOCKS = qn("a:graphicFrameLocks")
A_GRID_COL = qn("a:gridCol")
A_LATIN = qn("a:latin")
A_LN_B = qn("a:lnB")
A_LN_SPC = qn("a:lnSpc")
A_LST_STYLE = qn("a:lstStyle")
A_NO_AUTOFIT = qn("a:noAutofit")
A_NO_FILL = qn("a:noFill")
A_OFF = qn("a:off")
A_P = qn("a:p")
A_PRST_GEOM = qn("a:prstGeom")
A_P_PR = qn("a:pPr")
A_R = qn("a:r")
A_R_PR = qn("a:rPr")
A_SOLID_FILL = qn("a:solidFill")
A_SPC_AFT = qn("a:spcAft")
A_SPC_PTS = qn("a:spcPts")
A_SRGB_CLR = qn("a:srgbClr")
A_T = qn("a:t")
A_TABLE_STYLE_ID = qn("a:tableStyleId")
A_TBL = qn("a:tbl")
A_TBL_GRID = qn("a:tblGrid")
A_TBL_PR = qn("a:tblPr")
A_TC = qn("a:tc")
A_TC_PR = qn("a:tcPr")
A_TR = qn("a:tr")
A_TX_BODY = qn("a:txBody")
A_XFRM = qn("a:xfrm")
P_C_NV_GRAPHIC_FRAME_PR = qn("p:cNvGraphicFramePr")
P_C_NV_PR = qn("p:cNvPr")
P_C_NV_SP_PR = qn("p:cNvSpPr")
P_EXT_LST = qn("p:extLst")
P_GRAPHIC_FRAME = qn("p:graphicFrame")
P_NV_GRAPHIC_FRAME_PR = qn("p:nvGraphicFramePr")
P_NV_PR = qn("p:nvPr")
P_NV_SP_PR = qn("p:nvSpPr")
P_PH = qn("p:ph")
P_SP = qn("p:sp")
P_SP_PR = qn("p:spPr")
P_TX_BODY = qn("p:txBody")
P_XFRM = qn("p:xfrm")

_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")


def hex_color(color: str) -> str:
    """``RRGGBB`` as python-pptx writes an ``RGBColor`` ("#1a1a1a" → "1A1A1A"); an
    invalid colour fails here as it does in ``RGBColor.from_string``."""
    return str(RGBColor.from_string(color.lstrip("#").upper()))


def solid_fill(parent: etree._Element, color: str) -> None:
    """``<a:solidFill><a:srgbClr val=…/></a:solidFill>`` at the end of ``parent``;
    ``color`` is already ``RRGGBB``."""
    fill = etree.SubElement(parent, A_SOLID_FILL)
    etree.SubElement(fill, A_SRGB_CLR, val=color)


def run_text(text: str) -> str:
    """A run's text as python-pptx stores it: control characters other than tab and
    line feed become plain-text escapes ("_x0007_"), which XML could not hold."""
    return _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", text)


def new_shape(slide: Slide, tag: str) -> etree._Element:
    """An empty shape element where python-pptx puts a new one: last in the slide's
    shape tree, before its ``p:extLst`` if it has one. Being made in the slide's own
    document, it gets python-pptx's element class (``CT_Shape``, …) for its proxies."""
    tree = slide.shapes._spTree
    element = etree.SubElement(tree, tag)
    ext_lst = tree.find(P_EXT_LST)
    if ext_lst is not None:
        ext_lst.addprevious(element)
    return element


def next_shape_id(slide: Slide) -> int:
    """The id python-pptx gives the next shape (counted up once the renderer has set
    ``turbo_add_enabled``, else found by its scan of the slide)."""
    return slide.shapes._next_shape_id
