"""Opening the PowerPoint template a deck is built on, and finding its layouts by role.

Our own template is ``layouts/template.pptx`` (made by ``tools/make_template.py``).
``--template FILE`` lets an organisation use its own: its masters, theme fonts and
theme colours are kept. Layouts are found by what they are — the layout type PowerPoint
records, then the placeholder types they hold — never by name, because an organisation's
template names its layouts in its own language.

Slide size: the deck is always 16:9 at the theme's size (13.333 × 7.5 in), because every
region in ``layouts/theme.yaml`` and every chart is drawn for it. A 4:3 template still
works: its masters, fonts and colours apply, but artwork on its masters keeps its 4:3
positions (PowerPoint would ask whether to scale it; we do not guess).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import PackageNotFoundError
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.oxml.ns import qn
from pptx.package import Package
from pptx.presentation import Presentation
from pptx.slide import SlideLayout
from pptx.util import Emu

from reportgen.errors import ReportgenError
from reportgen.paths import LAYOUTS_DIR
from reportgen.theme import Theme

DEFAULT_TEMPLATE = LAYOUTS_DIR / "template.pptx"
EMU_PER_INCH = 914400
WIDESCREEN_WIDTH = 12192000  # PowerPoint's own 16:9 width (13.333… in)

TITLE_PLACEHOLDERS = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
_LATENT = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
_SECTION_LIST_URI = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
_CONVERTIBLE = (CT.PML_PRESENTATION_MAIN, CT.PML_TEMPLATE_MAIN, CT.PML_SLIDESHOW_MAIN)


class TemplateError(ReportgenError):
    """A ``--template`` file that cannot serve as the base of a deck."""


@dataclass(frozen=True)
class Layouts:
    """The three layouts a deck uses, by role."""

    title: SlideLayout  # the deck's title slide
    section: SlideLayout  # section and subsection dividers
    title_only: SlideLayout  # contents and content slides


def open_template(path: Path | None = None) -> tuple[Presentation, Layouts]:
    """The template at ``path`` (ours by default) with its sample slides removed and the
    layouts found by role. Raises ``TemplateError`` for anything that is not a usable
    PowerPoint file; ``.potx`` and ``.ppsx`` are accepted and saved as a presentation."""
    path = Path(path or DEFAULT_TEMPLATE)
    prs = _open(path)
    layouts = find_layouts(prs, path)
    clear_slides(prs)
    return prs, layouts


def _open(path: Path) -> Presentation:
    if not path.is_file():
        raise TemplateError(f"template {path} does not exist")
    try:
        part = Package.open(str(path)).main_document_part
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, etree.XMLSyntaxError, ValueError) as error:
        raise TemplateError(f"template {path} is not a PowerPoint file (.pptx or .potx): {error}") from None
    if part.content_type not in _CONVERTIBLE:
        raise TemplateError(
            f"template {path} is not a PowerPoint presentation or template (content type "
            f"{part.content_type}); macro-enabled files are not accepted, save it as .pptx or .potx"
        )
    # A .potx or .ppsx differs from a .pptx only in this content type; python-pptx caches
    # the content type on first read, so both the value and its cache are replaced.
    part._content_type = CT.PML_PRESENTATION_MAIN
    part.__dict__["content_type"] = CT.PML_PRESENTATION_MAIN
    return part.presentation


def find_layouts(prs: Presentation, path: Path) -> Layouts:
    """Pick the title, section-header and title-only layouts across all masters."""
    candidates = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    with_title = [layout for layout in candidates if _title_placeholder_type(layout) is not None]
    if not with_title:
        raise TemplateError(
            f"template {path} has no slide layout with a title placeholder; every slide needs "
            "its title in one (accessibility), so add a 'Title Only' layout to the template"
        )
    title_only = _by_type(with_title, "titleOnly") or min(with_title, key=_content_placeholder_count)
    title = (
        _by_type(with_title, "title")
        or next((lo for lo in with_title if _title_placeholder_type(lo) == PP_PLACEHOLDER.CENTER_TITLE), None)
        or next((lo for lo in with_title if _has(lo, PP_PLACEHOLDER.SUBTITLE)), None)
        or title_only
    )
    section = _by_type(with_title, "secHead") or title_only
    return Layouts(title=title, section=section, title_only=title_only)


def _by_type(layouts: list[SlideLayout], kind: str) -> SlideLayout | None:
    return next((layout for layout in layouts if layout._element.get("type") == kind), None)


def _placeholder_types(layout: SlideLayout) -> list[PP_PLACEHOLDER]:
    return [shape.placeholder_format.type for shape in layout.shapes if shape.is_placeholder]


def _title_placeholder_type(layout: SlideLayout) -> PP_PLACEHOLDER | None:
    return next((kind for kind in _placeholder_types(layout) if kind in TITLE_PLACEHOLDERS), None)


def _has(layout: SlideLayout, kind: PP_PLACEHOLDER) -> bool:
    return kind in _placeholder_types(layout)


def _content_placeholder_count(layout: SlideLayout) -> int:
    return len([kind for kind in _placeholder_types(layout) if kind not in _LATENT])


def clear_slides(prs: Presentation) -> None:
    """Remove a template's sample slides, and the section and custom-show lists that
    would point at them (PowerPoint offers to repair a file whose lists do)."""
    presentation = prs.part._element
    id_list = presentation.find(qn("p:sldIdLst"))
    if id_list is not None:
        for slide_id in list(id_list):
            rel_id = slide_id.get(qn("r:id"))
            id_list.remove(slide_id)
            prs.part.drop_rel(rel_id)
    for shows in presentation.findall(qn("p:custShowLst")):
        presentation.remove(shows)
    for ext in presentation.xpath("./p:extLst/p:ext"):
        if ext.get("uri") == _SECTION_LIST_URI:
            ext.getparent().remove(ext)


def set_slide_size(prs: Presentation, theme: Theme) -> None:
    """Force the theme's page size (16:9), using PowerPoint's exact widescreen width when
    the theme asks for 13.333 in so that PowerPoint recognises the format."""
    width = round(theme.width * EMU_PER_INCH)
    if abs(width - WIDESCREEN_WIDTH) < 1000:
        width = WIDESCREEN_WIDTH
    prs.slide_width = Emu(width)
    prs.slide_height = Emu(round(theme.height * EMU_PER_INCH))
    size = prs.part._element.find(qn("p:sldSz"))
    if size is not None:
        size.attrib.pop("type", None)  # "screen4x3" would contradict the new size
