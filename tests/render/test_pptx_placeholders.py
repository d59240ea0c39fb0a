"""Placeholders handled as XML (``pptx_placeholders``) against python-pptx's own API.

Titles and subtitles are placed, unpadded and written element by element (issue 19);
each case is done both ways on fresh slides and the shapes must serialise the same.
"""

from __future__ import annotations

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR
from pptx.slide import Slide
from pptx.util import Inches, Pt

from reportgen.render.geometry import LINE_HEIGHT
from reportgen.render.pptx_placeholders import (
    drop_placeholders,
    find_placeholder,
    place,
    placeholder_type,
    placeholders,
    unpad,
    write_title,
)
from reportgen.render.pptx_template import open_template
from reportgen.theme import Region

REGION = Region(0.5, 0.3, 12.33, 0.95)


def _title_slides() -> list[Slide]:
    prs, layouts = open_template()
    return [prs.slides.add_slide(layouts.title) for _ in range(2)]


def _setter_title(slide: Slide, text: str, *, size: float, color: str | None, anchor: MSO_ANCHOR) -> etree._Element:
    """``_fill_title`` as it was, with python-pptx's setters and ``style_runs``."""
    title = slide.shapes.title
    title.left, title.top = Inches(REGION.x), Inches(REGION.y)
    title.width, title.height = Inches(REGION.width), Inches(REGION.height)
    frame = title.text_frame
    frame.text = text
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    for inset in ("lIns", "tIns", "rIns", "bIns"):
        frame._txBody.bodyPr.set(inset, "0")
    for p in frame.paragraphs:
        p.line_spacing = Pt(LINE_HEIGHT * size)
        for run in p.runs:
            run.font.size = Pt(size)
            run.font.bold = True
            if color:
                run.font.color.rgb = RGBColor.from_string(color)
        end = p._p.find(f"{{{p._p.nsmap['a']}}}endParaRPr")
        if end is None:
            end = etree.SubElement(p._p, f"{{{p._p.nsmap['a']}}}endParaRPr")
        end.set("sz", str(round(size * 100)))
    return title._element


@pytest.mark.parametrize(
    ("text", "size", "color", "anchor"),
    [
        pytest.param("Inventering av socialtjänstens insatser", 36, None, MSO_ANCHOR.TOP, id="deck-title"),
        pytest.param("Äldreomsorg", 28.5, "FFFFFF", MSO_ANCHOR.MIDDLE, id="divider-own-colour"),
        pytest.param("Två\nstycken", 24, None, MSO_ANCHOR.BOTTOM, id="line-feed-paragraphs"),
        pytest.param("rad\vbrytning\v\vtom\x07", 24, "1A1A1A", MSO_ANCHOR.TOP, id="breaks-and-control"),
    ],
)
def test_title_is_what_python_pptx_setters_make(text: str, size: float, color: str | None, anchor: MSO_ANCHOR):
    reference, fast = _title_slides()
    expected = _setter_title(reference, text, size=size, color=color, anchor=anchor)
    title = find_placeholder(fast, ("title", "ctrTitle"))
    place(title, REGION)
    write_title(unpad(title, anchor), text, size=size, color=color)
    assert etree.tostring(title) == etree.tostring(expected)


def test_subtitle_place_and_unpad_are_the_setters() -> None:
    reference, fast = _title_slides()
    sub = next(p for p in reference.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE)
    sub.left, sub.top = Inches(REGION.x), Inches(REGION.y)
    sub.width, sub.height = Inches(REGION.width), Inches(REGION.height)
    frame = sub.text_frame
    frame.word_wrap = True
    for inset in ("margin_left", "margin_top", "margin_right", "margin_bottom"):
        setattr(frame, inset, 0)
    shape = find_placeholder(fast, ("subTitle",))
    place(shape, REGION)
    unpad(shape)
    assert etree.tostring(shape) == etree.tostring(sub._element)
    body_pr = shape.find(".//{*}bodyPr")
    assert dict(body_pr.attrib) == {"wrap": "square", "lIns": "0", "tIns": "0", "rIns": "0", "bIns": "0"}


def test_placeholders_and_their_types_as_python_pptx_sees_them() -> None:
    prs = Presentation()  # python-pptx's default template: "Title and Content" has a body ("obj")
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.add_textbox(0, 0, Inches(1), Inches(1))
    found = placeholders(slide)
    assert [shape for shape, _ in found] == [p._element for p in slide.placeholders]
    assert [kind for _, kind in found] == ["title", "obj"]
    assert placeholder_type(slide.shapes[-1]._element) is None
    drop_placeholders(slide, {"title"})
    assert [p.placeholder_format.type for p in slide.placeholders] == [PP_PLACEHOLDER.TITLE]
    assert len(slide.shapes) == 2  # the title and the text box
