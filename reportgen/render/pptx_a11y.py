"""Accessibility fix-ups python-pptx has no public API for (ACCESSIBILITY.md, issue 9).

- Alt text is the ``descr`` attribute of a shape's ``p:cNvPr``; ``add_picture`` fills it
  with a file name, which passes checkers and tells a reader nothing.
- A purely decorative shape carries Office's ``adec:decorative`` extension so that
  checkers and screen readers skip it instead of asking for alt text.
- Screen readers read shapes in their XML order, so the title must come first.
- Every run says it is Swedish, so a screen reader picks the right voice.
"""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.shapes.base import BaseShape
from pptx.slide import Slide

from reportgen.render.pptx_placeholders import SHAPE_TAGS, TITLE_TYPES, placeholder_type

DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
_LANG_TAGS = {qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr")}


def c_nv_pr(shape: BaseShape) -> etree._Element:
    """The ``p:cNvPr`` element (id, name, descr) of any shape kind."""
    return shape._element.xpath("./*[1]/p:cNvPr")[0]


def set_alt_text(shape: BaseShape, description: str, *, name: str | None = None) -> None:
    """Give ``shape`` a description a reader can use, and optionally a meaningful name
    (the name is what PowerPoint's selection pane and some screen readers show)."""
    element = c_nv_pr(shape)
    element.set("descr", description)
    if name:
        element.set("name", name)


def mark_decorative(shape: BaseShape, *, name: str | None = None) -> None:
    """Flag ``shape`` as decorative (PowerPoint's "Mark as decorative") and drop any
    description, as PowerPoint does."""
    element = c_nv_pr(shape)
    element.attrib.pop("descr", None)
    if name:
        element.set("name", name)
    ext_lst = element.find(qn("a:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(element, qn("a:extLst"))
    for ext in ext_lst.findall(qn("a:ext")):
        if ext.get("uri") == DECORATIVE_URI:
            ext_lst.remove(ext)
    ext = etree.SubElement(ext_lst, qn("a:ext"), uri=DECORATIVE_URI)
    flag = etree.SubElement(ext, f"{{{DECORATIVE_NS}}}decorative", nsmap={"adec": DECORATIVE_NS})
    flag.set("val", "1")


def is_decorative(shape: BaseShape) -> bool:
    return bool(c_nv_pr(shape).xpath(f"./a:extLst/a:ext[@uri='{DECORATIVE_URI}']"))


def title_first(slide: Slide) -> None:
    """Move the title placeholder to the front of the shape tree: reading order is XML
    order, and a screen reader should announce the slide's title before anything else."""
    shapes = [el for el in slide.shapes._spTree if el.tag in SHAPE_TAGS]
    if not shapes or placeholder_type(shapes[0]) in TITLE_TYPES:
        return
    title = next((el for el in shapes if placeholder_type(el) in TITLE_TYPES), None)
    if title is not None:
        shapes[0].addprevious(title)


def set_language(prs: Presentation, lang: str) -> None:
    """Declare ``lang`` for the presentation and for every run, field and paragraph end
    on every slide, including table cells (ACCESSIBILITY.md, "PowerPoint")."""
    prs.core_properties.language = lang
    default_style = prs.part._element.find(qn("p:defaultTextStyle"))
    if default_style is not None:
        for element in default_style.iter(qn("a:defRPr")):
            element.set("lang", lang)
    for slide in prs.slides:
        _set_runs_language(slide._element, lang)


def _set_runs_language(root: etree._Element, lang: str) -> None:
    for run in root.iter(qn("a:r"), qn("a:fld")):
        if run.find(qn("a:rPr")) is None:
            run.insert(0, etree.Element(qn("a:rPr")))
    for element in root.iter(*_LANG_TAGS):
        element.set("lang", lang)
