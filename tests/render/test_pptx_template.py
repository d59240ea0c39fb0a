"""Templates: ours, an organisation's (python-pptx's own 4:3 default stands in for one),
and files that cannot serve (issue 4 item 4: ``--template FILE``)."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Inches

from reportgen.errors import ReportgenError
from reportgen.paths import ROOT
from reportgen.render.pptx_template import DEFAULT_TEMPLATE, TemplateError, open_template
from reportgen.theme import load_theme
from tests.render.test_pptx_sample import build_sample

TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def _organisation_template(path: Path, *, rename: bool = False, untyped: bool = False) -> Path:
    """python-pptx's default (4:3, eleven English layouts) with one sample slide."""
    prs = Presentation()
    sample = prs.slides.add_slide(prs.slide_layouts[1])
    sample.shapes.title.text = "Exempelbild som ska bort"
    for i, layout in enumerate(prs.slide_layouts):
        if rename:
            layout.name = f"Layout {i}"
        if untyped:
            layout._element.attrib.pop("type", None)
    prs.save(str(path))
    return path


def _layout_roles(prs: Presentation) -> list[str | None]:
    return [slide.slide_layout._element.get("type") for slide in prs.slides]


def test_our_template_layouts_sit_at_the_theme_regions():
    theme = load_theme()
    prs, layouts = open_template()
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert [lo.name for lo in prs.slide_layouts] == ["Rubrik", "Avsnitt", "Endast rubrik"]
    assert (layouts.title.name, layouts.section.name, layouts.title_only.name) == ("Rubrik", "Avsnitt", "Endast rubrik")
    title = next(p for p in layouts.title_only.placeholders if p.placeholder_format.type in TITLES)
    region = theme.region("title")
    assert (title.left, title.top, title.width) == (Inches(region.x), Inches(region.y), Inches(region.width))
    theme_xml = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
    ).blob.decode()
    assert theme_xml.count('<a:latin typeface="Arial"/>') == 2
    assert '<a:dk2><a:srgbClr val="00406E"/></a:dk2>' in theme_xml


def test_committed_template_is_what_the_generator_makes(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("make_template", ROOT / "tools" / "make_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make_template(tmp_path / "t.pptx", load_theme())

    def outline(path: Path):
        prs = Presentation(str(path))
        return [
            (lo.name, lo._element.get("type"), [(p.placeholder_format.type, p.left, p.top, p.width, p.height)
                                                for p in lo.placeholders])
            for lo in prs.slide_layouts
        ]  # fmt: skip

    assert outline(tmp_path / "t.pptx") == outline(DEFAULT_TEMPLATE)


def test_an_organisations_4_3_template_is_used_at_16_9(tmp_path: Path):
    template = _organisation_template(tmp_path / "org.pptx")
    deck = build_sample(tmp_path / "deck.pptx", template=template)
    prs = Presentation(str(tmp_path / "deck.pptx"))
    assert len(prs.slides) == len(deck.slides)  # its sample slide is gone
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert prs.part._element.find(qn("p:sldSz")).get("type") is None  # no longer "screen4x3"
    assert _layout_roles(prs)[:4] == ["title", "titleOnly", "secHead", "titleOnly"]
    for model, slide in zip(deck.slides, prs.slides, strict=True):
        first = next(iter(slide.shapes))
        assert first.is_placeholder and first.placeholder_format.type in TITLES
        assert first.text_frame.text == (model.title or deck.title)
    # titles keep the template's theme font; text measured to fit names the font it was measured for
    title, *content = prs.slides[3].shapes
    assert not title._element.xpath(".//a:rPr/a:latin")
    assert {t for shape in content for t in shape._element.xpath(".//a:rPr/a:latin/@typeface")} == {"Arial"}


def test_layouts_are_found_by_type_whatever_their_names(tmp_path: Path):
    template = _organisation_template(tmp_path / "org.pptx", rename=True)
    _, layouts = open_template(template)
    assert (layouts.title.name, layouts.section.name, layouts.title_only.name) == ("Layout 0", "Layout 2", "Layout 5")


def test_layouts_without_types_are_found_by_placeholders(tmp_path: Path):
    template = _organisation_template(tmp_path / "org.pptx", untyped=True)
    _, layouts = open_template(template)
    assert layouts.title.name == "Title Slide"  # the one with a centred title
    assert layouts.title_only.name == "Title Only"  # a title and nothing else
    assert layouts.section is layouts.title_only


def test_a_potx_template_is_accepted_and_saved_as_a_presentation(tmp_path: Path):
    pptx = _organisation_template(tmp_path / "org.pptx")
    potx = tmp_path / "org.potx"
    with zipfile.ZipFile(pptx) as src, zipfile.ZipFile(potx, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main", b"presentationml.template.main")
            dst.writestr(item, data)
    build_sample(tmp_path / "deck.pptx", template=potx)
    with zipfile.ZipFile(tmp_path / "deck.pptx") as out:
        assert b"presentationml.presentation.main+xml" in out.read("[Content_Types].xml")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(b"this is not a presentation", "not a PowerPoint file", id="text"),
        pytest.param(None, "does not exist", id="missing"),
        pytest.param(b"zip", "not a PowerPoint file", id="zip-without-presentation"),
    ],
)
def test_a_file_that_is_not_a_template_is_a_user_error(tmp_path: Path, content: bytes | None, message: str):
    path = tmp_path / "bad.pptx"
    if content == b"zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "hej")
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(TemplateError, match=message) as caught:
        open_template(path)
    assert isinstance(caught.value, ReportgenError)
    assert str(path) in str(caught.value)


def test_a_template_without_a_title_layout_is_a_user_error(tmp_path: Path):
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        if layout._element.get("type") != "blank":
            prs.slide_layouts.remove(layout)
    prs.save(str(tmp_path / "blank.pptx"))
    with pytest.raises(TemplateError, match="no slide layout with a title placeholder"):
        open_template(tmp_path / "blank.pptx")
