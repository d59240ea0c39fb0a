"""The PowerPoint renderer on a small hand-built deck, re-opened with python-pptx.

What is checked is what PowerPoint's accessibility checker and a screen reader use
(ACCESSIBILITY.md, issue 9 item 3), and that nothing runs off a slide (issue 4 item 4).
"""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from reportgen.deck.layout import demo_label
from reportgen.deck.model import Deck, Slide, Table
from reportgen.render.pptx import render_pptx
from reportgen.render.pptx_a11y import c_nv_pr, is_decorative
from reportgen.render.pptx_fit import line_height, measuring_fonts, row_heights
from reportgen.theme import load_theme
from tests.render.test_pptx_sample import LONG_NAMES, build_sample, chart_specs, sample_charts, sample_deck

DEMO_LABEL = demo_label()

EMU = 914400
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Deck, Path]:
    path = tmp_path_factory.mktemp("pptx") / "deck.pptx"
    return build_sample(path), path


@pytest.fixture(scope="module")
def built(sample_file: tuple[Deck, Path]) -> tuple[Deck, Presentation]:
    deck, path = sample_file
    return deck, Presentation(str(path))


def test_one_slide_per_model_slide_at_16_9(built):
    deck, prs = built
    assert len(prs.slides) == len(deck.slides) == 8
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)


def test_every_title_is_in_the_title_placeholder_and_read_first(built):
    deck, prs = built
    for model, slide in zip(deck.slides, prs.slides, strict=True):
        first = next(iter(slide.shapes))
        assert first.is_placeholder and first.placeholder_format.type in TITLES, model.title
        assert first.text_frame.text == (model.title or deck.title)
        assert first.text_frame.text.strip()


def test_no_empty_placeholder_is_left(built):
    _, prs = built
    for slide in prs.slides:
        for placeholder in slide.placeholders:
            assert placeholder.text_frame.text.strip()


def test_reading_order_title_blocks_then_note_source_number(built):
    _, prs = built
    names = [shape.name for shape in prs.slides[3].shapes]
    key_figures = ["Nyckeltal", "Nyckeltal, förklaring"] * 4
    assert names[1:] == [*key_figures, "Not", "Källa", "Sidnummer"]


def test_pictures_are_described_by_the_chart_alt_text(built):
    _, prs = built
    pictures = [s for s in prs.slides[5].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert [c_nv_pr(p).get("descr") for p in pictures] == [spec.alt_text for spec in chart_specs()]
    assert {p.name for p in pictures} == {"Diagram: Antal insatser per kommun och form"}


def test_no_shape_is_described_by_a_file_name(built):
    _, prs = built
    for slide in prs.slides:
        for shape in slide.shapes:
            descr = c_nv_pr(shape).get("descr") or ""
            assert not descr.lower().endswith((".png", ".jpg", ".jpeg")), shape.name


def _tables(deck: Deck, prs: Presentation):
    for model, slide in zip(deck.slides, prs.slides, strict=True):
        blocks = [b for b in model.blocks if isinstance(b, Table)]
        frames = [s for s in slide.shapes if s.has_table]
        assert len(blocks) == len(frames)
        yield from zip(blocks, frames, strict=True)


def test_tables_are_native_with_a_marked_header_row(built):
    deck, prs = built
    pairs = list(_tables(deck, prs))
    assert len(pairs) == 3
    for block, frame in pairs:
        table = frame.table
        assert table.first_row
        assert frame._element.xpath(".//a:tblPr/@firstRow") == ["1"]
        header = [table.cell(0, c) for c in range(len(table.columns))]
        assert [cell.text for cell in header] == list(block.header)
        assert all(run.font.bold for cell in header for run in cell.text_frame.paragraphs[0].runs)
        assert str(header[0].fill.fore_color.rgb) == "00406E"
        assert frame.name.startswith("Tabell: ")


def test_tables_stay_inside_their_region_with_long_names_wrapped(built):
    """Re-estimate every drawn table from its XML (font size, widths, margins, texts)."""
    deck, prs = built
    theme = load_theme()
    fonts = measuring_fonts(theme)
    for block, frame in _tables(deck, prs):
        region = theme.region(block.region)
        table = frame.table
        size = table.cell(1, 0).text_frame.paragraphs[0].runs[0].font.size.pt
        assert theme.sizes["table_min"] <= size <= theme.sizes["table"]
        widths = [c.width / EMU for c in table.columns]
        assert sum(widths) == pytest.approx(region.width, abs=1e-5)  # EMU rounding
        texts = [[table.cell(r, c).text for c in range(len(widths))] for r in range(len(table.rows))]
        estimated = row_heights(texts[0], texts[1:], widths, size, theme, fonts)
        drawn = [row.height / EMU for row in table.rows]
        assert all(d >= e - 1e-5 for d, e in zip(drawn, estimated, strict=True))
        assert frame.top / EMU >= region.y
        assert frame.top / EMU + sum(estimated) <= region.y + region.height + 1e-6
        assert frame.left / EMU + sum(widths) <= region.x + region.width + 1e-6
        if block.rows[0][0] == LONG_NAMES[0]:
            assert max(drawn) > line_height(size) * 2  # the long names wrapped
            assert [row[0] for row in texts[1:]] == list(LONG_NAMES)  # and none was shortened


def test_right_alignment_follows_the_table(built):
    deck, prs = built
    _, frame = next(iter(_tables(deck, prs)))
    cell = frame.table.cell(1, 1)
    assert cell.text_frame.paragraphs[0]._p.pPr.get("algn") == "r"
    assert frame.table.cell(1, 0).text_frame.paragraphs[0]._p.pPr.get("algn") == "l"


def test_every_run_and_the_presentation_are_swedish(built):
    _, prs = built
    assert prs.core_properties.language == "sv-SE"
    default = prs.part._element.find(qn("p:defaultTextStyle"))
    assert {e.get("lang") for e in default.iter(qn("a:defRPr"))} == {"sv-SE"}
    for slide in prs.slides:
        runs = list(slide._element.iter(qn("a:r"), qn("a:fld")))
        assert runs
        assert all(run.find(qn("a:rPr")).get("lang") == "sv-SE" for run in runs)
        assert {e.get("lang") for e in slide._element.iter(qn("a:endParaRPr"))} == {"sv-SE"}


def test_title_slide_says_demo_data_only_when_synthetic(built, tmp_path: Path):
    _, prs = built
    texts = [shape.text_frame.text for shape in prs.slides[0].shapes if shape.has_text_frame]
    assert DEMO_LABEL in texts
    assert texts[:3] == ["Skåne län", "Analysresultat för sex verksamhetsområden\nnovember 2026", DEMO_LABEL]
    build_sample(tmp_path / "real.pptx", synthetic=False)
    real = Presentation(str(tmp_path / "real.pptx"))
    assert all(DEMO_LABEL not in s.text_frame.text for s in real.slides[0].shapes if s.has_text_frame)


def test_section_divider_on_primary_with_readable_title_and_number(built):
    _, prs = built
    divider = prs.slides[2]
    assert str(divider.background.fill.fore_color.rgb) == "00406E"
    title, number = list(divider.shapes)[:2]
    assert title.text_frame.text == "Äldre" and number.text_frame.text == "1"
    for shape in (title, number):
        assert str(shape.text_frame.paragraphs[0].runs[0].font.color.rgb) == "FFFFFF"


def test_ornaments_are_marked_decorative(built):
    _, prs = built
    ornaments = [s for layout in prs.slide_layouts for s in layout.shapes if not s.is_placeholder]
    assert len(ornaments) == 2
    assert all(is_decorative(s) for s in ornaments)


def test_slide_numbers_are_fields_on_all_but_the_title_slide(built):
    _, prs = built
    for number, slide in enumerate(prs.slides, start=1):
        fields = slide._element.xpath(".//a:fld[@type='slidenum']")
        if number == 1:
            assert fields == []
        else:
            assert [f.findtext(qn("a:t")) for f in fields] == [str(number)]


def test_document_properties(built):
    _, prs = built
    props = prs.core_properties
    assert props.title == "Skåne län"
    assert props.subject == "Analysresultat för sex verksamhetsområden – Skåne län"
    assert props.author == props.last_modified_by == "Testförfattare"
    assert props.comments == DEMO_LABEL
    # The sample's build time, not the template's 2026-01-01 (issue 18).
    assert props.created == props.modified == datetime(2023, 11, 14, 22, 13, 20)
    assert props.revision == 1


def test_every_zip_member_carries_the_build_time_and_app_properties_are_ours(sample_file):
    deck, path = sample_file
    with zipfile.ZipFile(path) as package:
        assert {info.date_time for info in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}
        app = package.read("docProps/app.xml").decode()
    assert "<Company>Testorganisationen</Company>" in app
    assert f"<Slides>{len(deck.slides)}</Slides>" in app
    assert "<Application>reportgen " in app and "Microsoft" not in app


def test_png_pictures_and_xml_parts_are_deflated_jpegs_stored(sample_file):
    _, path = sample_file
    with zipfile.ZipFile(path) as package:
        methods = {info.filename: info.compress_type for info in package.infolist()}
    assert all(methods[name] == zipfile.ZIP_STORED for name in methods if name.endswith((".jpeg", ".jpg")))
    deflated = [name for name in methods if name.endswith((".xml", ".rels", ".png"))]
    assert any(name.endswith(".png") for name in deflated)  # the sample deck's charts
    assert all(methods[name] == zipfile.ZIP_DEFLATED for name in deflated)


def test_without_an_imprint_nobody_is_named_author(tmp_path: Path):
    path = tmp_path / "anonym.pptx"
    render_pptx(replace(sample_deck(), imprint=None), sample_charts(), path)
    props = Presentation(str(path)).core_properties
    assert props.author == props.last_modified_by == ""
    with zipfile.ZipFile(path) as package:
        assert "<Company>" not in package.read("docProps/app.xml").decode()


def test_a_chart_without_its_drawing_is_an_error(tmp_path: Path):
    with pytest.raises(KeyError, match="test-bar"):
        render_pptx(sample_deck(), {}, tmp_path / "x.pptx")


def test_a_chart_drawn_for_pdf_only_is_an_error(tmp_path: Path):
    charts = {key: replace(art, png=b"") for key, art in sample_charts().items()}
    with pytest.raises(ValueError, match="without its PNG"):
        render_pptx(sample_deck(), charts, tmp_path / "x.pptx")


def test_a_slide_without_a_title_is_refused(tmp_path: Path):
    deck = replace(sample_deck(), front=(Slide(kind="contents", title=" ", key="innehall"),))
    with pytest.raises(ValueError, match="slide 1 \\(innehall\\) has no title"):
        render_pptx(deck, sample_charts(), tmp_path / "x.pptx")
