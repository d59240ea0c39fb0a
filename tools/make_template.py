"""Generate ``layouts/template.pptx``, the PowerPoint template every deck is built on.

Run from the repository root after changing ``layouts/theme.yaml``:

    python tools/make_template.py            # writes layouts/template.pptx
    python tools/make_template.py OUT.pptx   # writes elsewhere

It starts from python-pptx's default template and makes it ours: 16:9 at the theme's
size, theme fonts Arial (the PPTX name of the Liberation Sans metrics the PDF uses,
ACCESSIBILITY.md "Fonts"), the theme colours as the colour scheme, Swedish as the
language, and three layouts — "Rubrik" (title), "Avsnitt" (section header) and
"Endast rubrik" (title only) — with their title placeholders at the theme's regions.
The renderer finds these layouts by type, not by name (reportgen/render/pptx_template.py),
so an organisation's own template can replace this file.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE, PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from reportgen.paths import LAYOUTS_DIR
from reportgen.render.pptx_a11y import c_nv_pr, mark_decorative, set_language
from reportgen.render.pptx_template import clear_slides, set_slide_size
from reportgen.theme import Region, Theme, load_theme

LANG = "sv-SE"
_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
KEEP = {"title": "Rubrik", "secHead": "Avsnitt", "titleOnly": "Endast rubrik"}
LATENT = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
PROMPTS = {  # PowerPoint's own Swedish prompt texts
    "Click to edit Master title style": "Klicka här för att ändra mall för rubrikformat",
    "Click to edit Master subtitle style": "Klicka här för att ändra mall för underrubrikformat",
    "Click to edit Master text styles": "Klicka här för att ändra format på bakgrundstext",
    "Second level": "Nivå två",
    "Third level": "Nivå tre",
    "Fourth level": "Nivå fyra",
    "Fifth level": "Nivå fem",
}


def hex6(color: str) -> str:
    return color.lstrip("#").upper()


def color_scheme(theme: Theme) -> dict[str, str]:
    """PowerPoint's twelve scheme slots from the theme colours."""
    series = [hex6(c) for c in theme.colors["series"]]
    return {
        "dk1": hex6(theme.color("text")),
        "lt1": hex6(theme.color("background")),
        "dk2": hex6(theme.color("primary")),
        "lt2": hex6(theme.color("light")),
        "accent1": series[0],
        "accent2": series[1],
        "accent3": series[2],
        "accent4": series[3],
        "accent5": series[4],
        "accent6": hex6(theme.color("muted")),
        "hlink": hex6(theme.color("primary")),
        "folHlink": hex6(theme.color("muted")),
    }


def edit_theme_part(prs, theme: Theme) -> None:
    """Colour scheme and fonts live in the master's theme part, which python-pptx keeps
    as an opaque blob; edit its XML."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    root.set("name", "reportgen")
    scheme = root.find(f".//{qn('a:clrScheme')}")
    scheme.set("name", "reportgen")
    for slot, value in color_scheme(theme).items():
        holder = scheme.find(qn(f"a:{slot}"))
        for child in list(holder):
            holder.remove(child)
        etree.SubElement(holder, qn("a:srgbClr"), val=value)
    fonts = root.find(f".//{qn('a:fontScheme')}")
    fonts.set("name", "reportgen")
    for latin in fonts.xpath("./a:majorFont/a:latin | ./a:minorFont/a:latin", namespaces=_NS):
        latin.set("typeface", theme.fonts["pptx"])
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def place(shape, region: Region) -> None:
    shape.left, shape.top = Inches(region.x), Inches(region.y)
    shape.width, shape.height = Inches(region.width), Inches(region.height)


def style_placeholder(shape, *, size: float, color: str, bold: bool, anchor: str) -> None:
    """Left-aligned text of one size and colour, without insets (text starts at the
    region's edge, as in the PDF)."""
    body = shape._element.txBody
    body_pr = body.find(qn("a:bodyPr"))
    for key, value in {"lIns": 0, "tIns": 0, "rIns": 0, "bIns": 0, "anchor": anchor}.items():
        body_pr.set(key, str(value))
    lst = body.find(qn("a:lstStyle"))
    for child in list(lst):
        lst.remove(child)
    level = etree.SubElement(lst, qn("a:lvl1pPr"), marL="0", indent="0", algn="l")
    etree.SubElement(level, qn("a:buNone"))
    run = etree.SubElement(level, qn("a:defRPr"), sz=str(round(size * 100)), b="1" if bold else "0", cap="none")
    fill = etree.SubElement(run, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr"), val=hex6(color))


def remove_placeholders(shapes, keep: tuple[PP_PLACEHOLDER, ...]) -> None:
    for placeholder in list(shapes.placeholders):
        if placeholder.placeholder_format.type not in keep:
            placeholder._element.getparent().remove(placeholder._element)


def edit_master(prs, theme: Theme) -> None:
    master = prs.slide_master
    remove_placeholders(master, keep=(PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.BODY))
    for placeholder in master.placeholders:
        kind = placeholder.placeholder_format.type
        place(placeholder, theme.region("title" if kind == PP_PLACEHOLDER.TITLE else "body"))
        body_pr = placeholder._element.txBody.find(qn("a:bodyPr"))
        for inset in ("lIns", "tIns", "rIns", "bIns"):
            body_pr.set(inset, "0")
        if kind == PP_PLACEHOLDER.TITLE:
            body_pr.set("anchor", "ctr")
    styles = master._element.find(qn("p:txStyles"))
    title = styles.find(f"{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    title.set("algn", "l")
    title_run = title.find(qn("a:defRPr"))
    title_run.set("sz", str(round(theme.sizes["title"] * 100)))
    title_run.set("b", "1")
    title_run.find(f"{qn('a:solidFill')}/{qn('a:schemeClr')}").set("val", "tx2")
    body_sizes = [theme.sizes["body"], theme.sizes["body"] - 2, theme.sizes["table"], theme.sizes["table"]]
    for depth, level in enumerate(styles.find(qn("p:bodyStyle"))):
        size = body_sizes[min(depth, len(body_sizes) - 1)]
        level.find(qn("a:defRPr")).set("sz", str(round(size * 100)))


def edit_layouts(prs, theme: Theme) -> None:
    master = prs.slide_master
    for layout in list(master.slide_layouts):
        kind = layout._element.get("type")
        if kind not in KEEP:
            master.slide_layouts.remove(layout)
            continue
        layout._element.cSld.set("name", KEEP[kind])
        keep = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE)
        remove_placeholders(layout, keep=keep)
        for placeholder in layout.placeholders:
            style_layout_placeholder(layout, kind, placeholder, theme)
        if kind == "secHead":
            fill = layout.background.fill
            fill.solid()
            fill.fore_color.rgb = _rgb(theme.color("divider_background"))
        add_ornaments(prs, layout, kind, theme)


def add_ornaments(prs, layout, kind: str, theme: Theme) -> None:
    """The PDF's page ornaments, drawn once in the layouts and marked decorative: a band
    in the primary colour down the title slide's left edge, a rule under content titles.

    python-pptx draws shapes only on slides, so each is drawn on a scratch slide and
    moved into the layout (the scratch slides are removed before saving)."""
    scratch = prs.slides.add_slide(layout).shapes
    if kind == "title":
        shape = scratch.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.25), Inches(theme.height))
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(theme.color("primary"))
        shape.line.fill.background()
        mark_decorative(shape, name="Dekor: band")
    elif kind == "titleOnly":
        title = theme.region("title")
        bottom = Inches(title.y + title.height)
        shape = scratch.add_connector(
            MSO_CONNECTOR.STRAIGHT, Inches(title.x), bottom, Inches(title.x + title.width), bottom
        )
        shape.line.color.rgb = _rgb(theme.color("rule"))
        shape.line.width = Pt(0.75)
        mark_decorative(shape, name="Dekor: linje")
    else:
        return
    style = shape._element.find(qn("p:style"))
    if style is not None:  # the theme's style would add its effects (a shadow) to the ornament
        shape._element.remove(style)
    ids = [int(i) for i in layout._element.xpath("//p:cNvPr/@id")]
    c_nv_pr(shape).set("id", str(max(ids) + 1))
    tree = layout.shapes._spTree
    tree.insert(2, shape._element)  # behind the placeholders, after the group properties


def style_layout_placeholder(layout, kind: str, placeholder, theme: Theme) -> None:
    ph_type = placeholder.placeholder_format.type
    if kind == "title" and ph_type == PP_PLACEHOLDER.CENTER_TITLE:
        place(placeholder, theme.region("deck_title"))
        style_placeholder(
            placeholder, size=theme.sizes["section_title"], color=theme.color("primary"), bold=True, anchor="t"
        )
    elif kind == "title":
        place(placeholder, theme.region("deck_subtitle"))
        style_placeholder(placeholder, size=theme.sizes["title"], color=theme.color("text"), bold=False, anchor="t")
    elif kind == "secHead":
        place(placeholder, theme.region("section_title"))
        style_placeholder(
            placeholder, size=theme.sizes["section_title"], color=theme.color("divider_text"), bold=True, anchor="t"
        )
    # the title-only layout inherits the master's title, already at the title region


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(hex6(color))


def swedish_prompts(prs) -> None:
    parts = [prs.slide_master, *prs.slide_master.slide_layouts]
    for part in parts:
        for text in part._element.iter(qn("a:t")):
            text.text = PROMPTS.get(text.text, text.text)
        for element in part._element.iter(qn("a:rPr"), qn("a:endParaRPr")):
            element.set("lang", LANG)
            element.attrib.pop("smtClean", None)


def drop_thumbnail(prs) -> None:
    """python-pptx's default carries a thumbnail of its own 4:3 sample; every deck built
    on this template would show it in file browsers."""
    package = prs.part.package
    for rel_id, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.drop_rel(rel_id)


def make_template(out: Path, theme: Theme) -> None:
    prs = Presentation()
    set_slide_size(prs, theme)
    edit_theme_part(prs, theme)
    edit_master(prs, theme)
    edit_layouts(prs, theme)
    clear_slides(prs)
    drop_thumbnail(prs)
    swedish_prompts(prs)
    set_language(prs, LANG)
    props = prs.core_properties
    props.title = "reportgen – mall"
    props.author = props.last_modified_by = "reportgen"
    props.created = props.modified = dt.datetime(2026, 1, 1)
    props.revision = 1
    out.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(out))


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else LAYOUTS_DIR / "template.pptx"
    make_template(out, load_theme())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
