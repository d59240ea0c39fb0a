"""Native tables written as XML (``pptx_table``) against python-pptx's table API.

``add_table`` builds the graphic frame element by element (issue 19); the bytes must be
what python-pptx's ``add_table`` and its setters gave. The reference below is the
renderer's code before that change; both run on fresh slides of our template.
"""

from __future__ import annotations

import re

from lxml import etree
from pptx.slide import Slide
from pptx.util import Emu, Inches

from reportgen.deck.model import Table
from reportgen.render.pptx_fit import TableFit
from reportgen.render.pptx_table import PLAIN_TABLE_STYLE, add_table, row_style, split_emu, write_cell
from reportgen.render.pptx_template import open_template
from reportgen.theme import Region, Theme, load_theme

REGION = Region(0.5, 1.35, 12.33, 4.0)
BLOCK = Table(
    region="body",
    header=("", "Insats", "Andel"),
    rows=(("1", "Boendestöd", "52 %"), ("2", "Öppenvård <för> unga & vuxna", ""), ("3", "Kontaktperson", "7 %")),
    widths=(0.1, 0.6, 0.3),
    align=("left", "left", "right"),
)
FIT = TableFit(size=14.0, rows=BLOCK.rows, row_heights=(0.4, 0.33, 0.61, 0.33), col_widths=(1.233, 7.398, 3.699))


def _slides() -> list[Slide]:
    prs, layouts = open_template()
    return [prs.slides.add_slide(layouts.title_only) for _ in range(2)]


def _setter_table(slide: Slide, region: Region, block: Table, fit: TableFit, theme: Theme) -> etree._Element:
    """``add_table`` as it was: python-pptx's shape, then its setters."""
    col_emu = split_emu(fit.col_widths, Inches(region.width))
    row_emu = [Emu(round(h * 914400)) for h in fit.row_heights]
    frame = slide.shapes.add_table(
        len(fit.rows) + 1,
        len(block.header),
        Inches(region.x),
        Inches(region.y),
        Inches(region.width),
        Emu(sum(row_emu)),
    )
    table = frame.table
    table.first_row = True
    table.horz_banding = False
    frame._element.xpath(".//a:tblPr/a:tableStyleId")[0].text = PLAIN_TABLE_STYLE
    for i, width in enumerate(col_emu):
        table.columns[i].width = width
    for row, height in zip(table.rows, row_emu, strict=True):
        row.height = height
    for r, values in enumerate((block.header, *fit.rows)):
        for c, text in enumerate(values):
            write_cell(table.cell(r, c)._tc, text, row_style(theme, fit.size, r), block.align[c])
    return frame._element


def test_table_is_what_python_pptx_add_table_and_setters_make() -> None:
    theme = load_theme()
    reference, fast = _slides()
    expected = _setter_table(reference, REGION, BLOCK, FIT, theme)
    frame = add_table(fast, REGION, BLOCK, FIT, theme)
    assert etree.tostring(frame._element) == etree.tostring(expected)
    assert type(frame) is type(fast.shapes._shape_factory(frame._element))
    assert frame.has_table and frame.table.first_row and not frame.table.horz_banding


def test_table_frame_checked_by_hand() -> None:
    """Grid, rows and frame of the fixture: widths that add up to the region exactly
    (12.33 in = 11274552 EMU), heights rounded per row, the frame as their sums."""
    (_, slide) = _slides()
    frame = add_table(slide, REGION, BLOCK, FIT, load_theme())
    xml = re.sub(r' xmlns:\w+="[^"]+"', "", etree.tostring(frame._element, encoding="unicode"))
    head = xml[: xml.index("<a:tr ")]
    assert head == (
        '<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="3" name="Table 2"/><p:cNvGraphicFramePr>'
        '<a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        '<p:xfrm><a:off x="457200" y="1234440"/><a:ext cx="11274552" cy="1527048"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>'
        '<a:tblPr firstRow="1"><a:tableStyleId>{2D5ABB26-0587-4C30-8999-92F81FD0307C}</a:tableStyleId></a:tblPr>'
        '<a:tblGrid><a:gridCol w="1127455"/><a:gridCol w="6764731"/><a:gridCol w="3382366"/></a:tblGrid>'
    )
    assert re.findall(r'<a:tr h="(\d+)">', xml) == ["365760", "301752", "557784", "301752"]
    assert xml.count("<a:tc>") == 12
    # an empty cell (the header's first, one share) has no run, only its paragraph end
    assert xml.count("<a:r>") == 10


def test_row_styles_header_stripes_and_rule() -> None:
    theme = load_theme()
    header, first, second = (row_style(theme, 12, r) for r in range(3))
    assert (header.bold, first.bold) == (True, False)
    assert header.fill == theme.color("table_header").lstrip("#").upper()
    assert first.fill == theme.color("background").lstrip("#").upper()
    assert second.fill == theme.color("table_stripe").lstrip("#").upper()
    assert header.margins == first.margins and list(header.margins) == ["marL", "marR", "marT", "marB", "anchor"]
