"""The PDF deck as a reader gets it: pages, fonts, text, bookmarks, metadata, fit."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest

from reportgen.deck.layout import demo_label
from reportgen.deck.model import Deck, Section, Slide
from reportgen.render.pdf import render_pdf
from reportgen.theme import load_theme
from tests.render.test_pdf_sample import (
    CHART_TEXT,
    chart_specs,
    draw_test_chart,
    pdffonts,
    pdftotext,
    qpdf_check,
    sample_charts,
    sample_deck,
    struct_elements,
    top_table,
)

DEMO_LABEL = demo_label()


@pytest.fixture(scope="module")
def charts():
    return sample_charts()


@pytest.fixture(scope="module")
def built(tmp_path_factory, charts) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "deck.pdf"
    render_pdf(sample_deck(), charts, path)
    return path


def test_one_16_9_page_per_slide(built):
    with pikepdf.open(built) as pdf:
        assert len(pdf.pages) == len(sample_deck().slides) == 8
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            assert (x1 - x0, y1 - y0) == pytest.approx((13.333 * 72, 7.5 * 72))


def test_every_font_is_embedded_and_none_is_helvetica(built):
    rows = pdffonts(built)
    assert rows, "pdffonts listed no fonts"
    assert all(row[-5] == "yes" for row in rows), rows  # the 'emb' column
    names = " ".join(row[0] for row in rows)
    assert "Helvetica" not in names
    assert "LiberationSans" in names and "LiberationSans-Bold" in names


def test_each_page_shows_its_slide_title_as_text(built):
    for number, slide in enumerate(sample_deck().slides, start=1):
        assert " ".join(slide.title.split()) in " ".join(pdftotext(built, page=number).split()), number


def test_swedish_and_escaped_text_is_real_text(built):
    text = pdftotext(built)
    assert "åäö ÅÄÖ" in text
    assert DEMO_LABEL in text
    assert "Insats <1> & åäö" in text  # escaped, not swallowed as markup
    assert "Not: Not med <tecken> & mer." in text
    assert "Källa: Kartläggning" in text


def test_chart_text_stays_text_on_its_page(built):
    assert CHART_TEXT in pdftotext(built, page=4)
    assert "Malmö" in pdftotext(built, page=4)
    assert CHART_TEXT in pdftotext(built, page=8)


def test_page_numbers_on_every_page_but_the_title(built):
    for number in range(2, 9):
        assert pdftotext(built, page=number).split()[-1] == str(number)
    assert pdftotext(built, page=1).split()[-1] != "1"


def test_outline_has_front_matter_sections_and_subsections(built):
    with pikepdf.open(built) as pdf, pdf.open_outline() as outline:
        top = [(item.title, [kid.title for kid in item.children]) for item in outline.root]
        pages = {item.title: pdf.pages.index(item.destination[0]) for item in outline.root}
    assert top == [
        ("Kartläggning av insatser 2026", []),
        ("Innehåll", []),
        ("1 Äldreomsorg", []),
        ("2 Öppenvård", ["Form och regi"]),
    ]
    assert pages["1 Äldreomsorg"] == 2 and pages["2 Öppenvård"] == 5


def test_document_metadata(built):
    with pikepdf.open(built) as pdf:
        assert str(pdf.docinfo["/Title"]) == "Kartläggning av insatser 2026"
        assert str(pdf.docinfo["/Author"]) == "Testförfattare"
        assert str(pdf.docinfo["/Subject"]) == "Skåne län – regional analys"
        assert str(pdf.Root.Lang) == "sv-SE"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert pdf.Root.MarkInfo.Marked is True
        meta = pdf.open_metadata()
        assert meta["dc:title"] == "Kartläggning av insatser 2026"
        assert meta["pdfuaid:part"] == "1"
        assert pdf.pdf_version >= "1.7"
        # The imprint's build time and publisher, not reportlab's 2000-01-01 (issue 18).
        assert str(pdf.docinfo["/CreationDate"]) == str(pdf.docinfo["/ModDate"]) == "D:20231114221320+00'00'"
        assert meta["xmp:CreateDate"] == meta["xmp:ModifyDate"] == "2023-11-14T22:13:20Z"
        assert meta["dc:creator"] == ["Testförfattare"]
        assert meta["dc:publisher"] == {"Testorganisationen"}
        assert str(pdf.docinfo["/Creator"]).startswith("reportgen ") and meta["xmp:CreatorTool"].startswith("reportgen")


def test_without_an_imprint_there_is_no_author_and_no_date(tmp_path, charts):
    path = tmp_path / "anonym.pdf"
    render_pdf(replace(sample_deck(), imprint=None), charts, path)
    with pikepdf.open(path) as pdf:
        for key in ("/Author", "/CreationDate", "/ModDate"):
            assert key not in pdf.docinfo
        meta = pdf.open_metadata()
        assert "dc:creator" not in meta and "xmp:CreateDate" not in meta


def test_qpdf_finds_no_damage(built):
    assert "No syntax or stream encoding errors" in qpdf_check(built)


def test_same_input_gives_the_same_bytes(tmp_path, charts):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render_pdf(sample_deck(), charts, first)
    render_pdf(sample_deck(), charts, second)
    assert first.read_bytes() == second.read_bytes()


def test_untagged_render_has_charts_but_no_structure(tmp_path, charts):
    path = tmp_path / "plain.pdf"
    render_pdf(sample_deck(), charts, path, tagged=False)
    with pikepdf.open(path) as pdf:
        assert "/StructTreeRoot" not in pdf.Root
        assert len(pdf.pages) == 8
    assert CHART_TEXT in pdftotext(path, page=4)


def _one_slide(*blocks) -> Deck:
    slide = Slide(kind="content", title="En tabell", blocks=blocks, note="Not.", source="Källa.")
    return Deck("T", "", "Skåne län", "", (Section("1", "A", (slide,)),))


def _word_boxes(path: Path) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points from the top-left, per pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True).stdout
    pattern = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    return [(m[5], float(m[1]), float(m[2]), float(m[3]), float(m[4])) for m in pattern.finditer(html)]


@pytest.mark.parametrize("region", ["left", "body", "col2"])
def test_long_table_stays_inside_its_region(tmp_path, region):
    filler = "med ett mycket långt namn som måste brytas på flera rader " * 6
    names = [f"Insatsen {i} {filler}"[:300] for i in range(1, 13)]
    table = replace(top_table(region=region, rows=12), rows=tuple((n, "12", "34 %") for n in names))
    assert all(len(row[0]) == 300 for row in table.rows)
    path = tmp_path / "long.pdf"
    render_pdf(_one_slide(table), {}, path)
    r = load_theme().region(region)
    top, bottom, left, right = r.y * 72, (r.y + r.height) * 72, r.x * 72, (r.x + r.width) * 72
    words = [w for w in _word_boxes(path) if top - 1 <= w[2] < bottom + 20]  # below the title
    body = [w for w in words if w[0] not in ("Not.", "Källa.", "1")]
    assert any(w[0] == "Insatsen" for w in body)
    for word, x0, y0, x1, y1 in body:
        assert top - 1 <= y0 and y1 <= bottom + 1, (word, y0, y1)
        assert left - 1 <= x0 and x1 <= right + 1, (word, x0, x1)
    with pikepdf.open(path) as pdf:
        rows = [e for e in struct_elements(pdf) if e.S == "/TR"]
        assert len(rows) == 13  # every row kept, header included


def test_short_table_keeps_the_theme_size(tmp_path):
    path = tmp_path / "short.pdf"
    render_pdf(_one_slide(top_table(rows=3)), {}, path)
    sizes = {round(float(row[1]), 1) for row in _font_sizes(path)}
    assert load_theme().sizes["table"] in sizes


def test_missing_chart_is_an_error(tmp_path):
    bar, _ = chart_specs()
    with pytest.raises(KeyError, match="test-bar"):
        render_pdf(_one_slide(bar), {}, tmp_path / "x.pdf")


def test_chart_is_scaled_into_its_box(tmp_path):
    bar, _ = chart_specs()
    art = draw_test_chart(bar)
    path = tmp_path / "chart.pdf"
    render_pdf(_one_slide(bar), {bar.key: art}, path)
    with pikepdf.open(path) as pdf:
        figure = next(e for e in struct_elements(pdf) if e.S == "/Figure")
        x0, y0, x1, y1 = (float(v) for v in figure.A.BBox)
    r = load_theme().region("right")
    assert x0 >= r.x * 72 - 0.5 and x1 <= (r.x + r.width) * 72 + 0.5
    assert y0 >= (7.5 - r.y - r.height) * 72 - 0.5 and y1 <= (7.5 - r.y) * 72 + 0.5


def _font_sizes(path: Path) -> list[tuple[str, float]]:
    """(font resource, size) of every Tf operator on the first page."""
    with pikepdf.open(path) as pdf:
        return [
            (str(i.operands[0]), float(i.operands[1]))
            for i in pikepdf.parse_content_stream(pdf.pages[0])
            if str(i.operator) == "Tf"
        ]
