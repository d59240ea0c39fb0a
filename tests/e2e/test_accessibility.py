"""Issue 9 acceptance on a real Skåne build: the tagged PDF, the PPTX and the workbook
can be published as they come out (ACCESSIBILITY.md)."""

from __future__ import annotations

import re
import subprocess
import zipfile

import openpyxl
import pdfua
import pikepdf
import pytest
from pptx import Presentation

from tests.e2e.conftest import Built
from tests.render.test_pdf_sample import mcids, qpdf_check, struct_elements, unmarked_painting


@pytest.fixture(scope="module")
def pdf(built: Built):
    with pikepdf.open(built.pdf) as document:
        yield document


def test_pdfinfo_reports_tagged_with_swedish_language(built: Built, pdf):
    info = subprocess.run(["pdfinfo", str(built.pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    assert str(pdf.Root.Lang) == "sv-SE"
    assert bool(pdf.Root.MarkInfo.Marked)
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    assert pdf.open_metadata()["pdfuaid:part"] == "1"


def test_every_chart_on_every_page_is_a_figure_with_alt(pdf):
    figures = [e for e in struct_elements(pdf) if e.S == "/Figure"]
    alts = [str(f.Alt) for f in figures]
    assert len(figures) >= 100
    assert all(len(a) > 40 and not re.search(r"\.(png|pdf)\b", a) for a in alts)
    drawn = 0
    for page in pdf.pages:
        xobjects = page.Resources.get("/XObject", {})
        drawn += sum(1 for name in xobjects if xobjects[name].get("/Subtype") == "/Form")
    assert drawn == len(figures), "a chart is placed without its Figure element"
    assert all(mcids(f) for f in figures)


def test_nothing_painted_outside_marked_content(pdf):
    for number, page in enumerate(pdf.pages, start=1):
        assert unmarked_painting(page) == [], f"page {number}"


def test_table_headers_have_scope(pdf):
    headers = [e for e in struct_elements(pdf) if e.S == "/TH"]
    assert headers and all(h.A.Scope == "/Column" for h in headers)


def test_every_font_embedded(built: Built):
    out = subprocess.run(["pdffonts", str(built.pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        emb = row.split()[-5]
        assert emb == "yes", row


def test_qpdf_finds_no_damage_in_the_deck_and_the_profiles(built: Built):
    for path in (built.pdf, *sorted((built.folder / "kommuner").glob("*-profil.pdf"))):
        assert "No syntax or stream encoding errors" in qpdf_check(path), path.name


def test_pdfua_checker_has_no_findings(built: Built):
    report = pdfua.validate(str(built.pdf))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []
    assert report.exit_code == 0


@pytest.mark.parametrize("profile", ["1280-malmo-profil.pdf", "1264-skurup-profil.pdf"])
def test_profiles_pass_the_pdfua_checker(built: Built, profile: str):
    """A profile with every area answered and one with none (SPEC §8c)."""
    path = built.folder / "kommuner" / profile
    report = pdfua.validate(str(path))
    assert [f"{f.rule_id}: {f.message}" for f in report.findings] == []
    with pikepdf.open(path) as document:
        figures = [e for e in struct_elements(document) if e.S == "/Figure"]
        assert len(figures) == 1 and len(str(figures[0].Alt)) > 40
        assert str(document.Root.Lang) == "sv-SE"


def test_pptx_titles_alt_text_language(built: Built):
    prs = Presentation(str(built.pptx))
    assert prs.core_properties.language == "sv-SE"
    for number, slide in enumerate(prs.slides, start=1):
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip(), f"slide {number} has no title"
        assert slide.shapes[0].shape_id == title.shape_id, f"slide {number}: title not first"
        for shape in slide.shapes:
            if shape.shape_type == 13:
                assert len(shape._element.nvPicPr.cNvPr.get("descr", "")) > 40
            if shape.has_table:
                assert shape.table.first_row
    with zipfile.ZipFile(built.pptx) as archive:
        slide_xml = archive.read("ppt/slides/slide20.xml").decode("utf-8")
    assert 'lang="sv-SE"' in slide_xml


@pytest.mark.parametrize("which", ["county", "1280-malmo-svar.xlsx", "1264-skurup-svar.xlsx"])
def test_workbook_tables_properties_no_merged_cells(built: Built, which: str):
    """The county workbook and the municipalities' own (one that answered, one that did not)."""
    workbook = openpyxl.load_workbook(built.xlsx if which == "county" else built.folder / "kommuner" / which)
    assert workbook.properties.title and workbook.properties.language == "sv-SE"
    assert workbook.worksheets[0]["A1"].value
    for ws in workbook.worksheets[1:]:
        assert len(ws.tables) == 1, f"{ws.title} should hold exactly one Excel table"
        assert not ws.merged_cells.ranges
