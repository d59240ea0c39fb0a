"""The appendix PDF as readers and checkers get it: tags, fonts, flow over pages, contents."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from pdfua import validate

from reportgen.appendix.builder import WIDTHS, build_document
from reportgen.metrics.appendix import appendix_table
from reportgen.metrics.scope import scope_for
from reportgen.render.pdf_appendix import MARGIN, render_appendix_pdf

from .appendix_survey import ALDRE, CATALOG, SKANE_CELLS, VNR, make_survey
from .pdf_helpers import kids, pdffonts, pdftotext, qpdf_check, struct_elements, unmarked_painting, word_boxes, words

A4_WIDTH = 595.28
LONG_ROWS = 70
LONG_NAME = ("Insats med ett mycket långt namn " + "som fortsätter och fortsätter över flera rader " * 7)[:300]


def _render(survey, county: str | None, path: Path) -> Path:
    scope = scope_for(survey, county)
    document = build_document(appendix_table(survey, scope), survey.catalog, scope, synthetic=True)
    render_appendix_pdf(document, path)
    return path


def long_survey():
    """Huvudgrupp 2.1 with 70 insatser under one sub-heading (so its table runs over pages),
    one of them with a 300-character name; Bjuv gives every third one."""
    rows = [
        (f"ALD{i:03d}", ALDRE, "2", "2.1", "Boende", "Lång lista", f"Insats nummer {i}", "person")
        for i in range(1, LONG_ROWS + 1)
    ]
    rows[40] = (*rows[40][:6], LONG_NAME, "person")
    rows += [r for r in CATALOG if r[1] == VNR]
    answers = [("1260", f"ALD{i:03d}", "ja" if i % 3 == 0 else "nej", "A", "AB", "B") for i in range(1, LONG_ROWS + 1)]
    return make_survey(rows, answers)


@pytest.fixture(scope="module")
def survey():
    return make_survey()


@pytest.fixture(scope="module")
def skane(tmp_path_factory, survey) -> Path:
    return _render(survey, "Skåne län", tmp_path_factory.mktemp("pdf") / "skane.pdf")


@pytest.fixture(scope="module")
def gotland(tmp_path_factory, survey) -> Path:
    return _render(survey, "Gotlands län", tmp_path_factory.mktemp("pdf") / "gotland.pdf")


@pytest.fixture(scope="module")
def long(tmp_path_factory) -> Path:
    return _render(long_survey(), "Skåne län", tmp_path_factory.mktemp("pdf") / "long.pdf")


@pytest.fixture(params=["skane", "gotland", "long"])
def any_pdf(request) -> Path:
    return request.getfixturevalue(request.param)


# ------------------------------------------------------------------ accessibility
def test_pdfua_checker_has_no_findings(any_pdf):
    report = validate(str(any_pdf))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    assert report.exit_code == 0


def test_qpdf_finds_no_damage(any_pdf):
    assert "No syntax or stream encoding errors" in qpdf_check(any_pdf)


def test_every_font_is_embedded_and_none_is_helvetica(any_pdf):
    rows = pdffonts(any_pdf)
    assert rows and all(row[-5] == "yes" for row in rows), rows
    names = " ".join(row[0] for row in rows)
    assert "Helvetica" not in names and "LiberationSans-Bold" in names


def test_everything_painted_is_tagged_or_an_artifact(any_pdf):
    with pikepdf.open(any_pdf) as pdf:
        assert {i: unmarked_painting(p) for i, p in enumerate(pdf.pages) if unmarked_painting(p)} == {}


def test_headings_are_h1_h2_h3(skane):
    with pikepdf.open(skane) as pdf:
        headings = [(str(e.S), pikepdf.String(e.get("/ActualText", "")) and "") for e in struct_elements(pdf)]
        roles = [h for h, _ in headings]
    assert roles.count("/H1") == 5  # title, contents, about, two areas
    assert roles.count("/H2") == 3  # 2.1, 2.2, 7.1
    assert roles.count("/H3") == 2  # the sub-headings of 2.1
    raw = words(pdftotext(skane, "-raw"))
    for text in (
        "2 Verksamhetsområde äldre",
        "2.1 Boende",
        "Hemtjänst",
        "Särskilt boende",
        "7 Verksamhetsområde våld i nära relationer",
    ):
        assert text in raw


def test_tables_are_table_tr_th_td_with_scopes(skane):
    with pikepdf.open(skane) as pdf:
        tables = [e for e in struct_elements(pdf) if e.S == "/Table"]
        assert len(tables) == 4
        for table in tables:
            rows = kids(table)
            assert all(r.S == "/TR" for r in rows)
            head = kids(rows[0])
            assert [str(c.S) for c in head] == ["/TH"] * 5
            assert {str(c.A.Scope) for c in head} == {"/Column"}
            for row in rows[1:]:
                cells = kids(row)
                assert [str(c.S) for c in cells] == ["/TH", "/TD", "/TD", "/TD", "/TD"]
                assert str(cells[0].A.Scope) == "/Row"


def test_document_metadata(skane):
    with pikepdf.open(skane) as pdf:
        assert str(pdf.Root.Lang) == "sv-SE"
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo["/Title"]) == "Utvalda resultat för samtliga kartlagda insatser – Skåne län"
        assert pdf.open_metadata()["pdfuaid:part"] == "1"
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            assert (x1 - x0, y1 - y0) == pytest.approx((A4_WIDTH, 841.89), abs=0.1)


# ------------------------------------------------------------------------ content
def test_cells_are_in_the_text_in_catalog_order(skane):
    raw = words(pdftotext(skane, "-raw"))
    labels = ["Dagverksamhet", "Hemtjänst", "Växelvård", "Anhörigstöd*", "Skyddat boende", "Behandling**"]
    position = 0
    for label, cells in zip(labels, SKANE_CELLS.values(), strict=True):
        match = re.compile(re.escape(f"{label} {' '.join(cells)}")).search(raw, position)
        assert match, (label, cells)
        position = match.end()


def test_area_nobody_answered_says_so(gotland):
    raw = words(pdftotext(gotland, "-raw"))
    assert "7 Verksamhetsområde våld i nära relationer" in raw
    assert "Ingen kommun i Gotlands län har besvarat enkätens frågor om insatser inom verksamhetsområdet" in raw
    assert "Skyddat boende" not in raw
    with pikepdf.open(gotland) as pdf:
        assert len([e for e in struct_elements(pdf) if e.S == "/Table"]) == 3  # äldre only


def test_contents_page_numbers_are_where_the_headings_are(skane):
    contents = pdftotext(skane, "-raw", page=2)
    printed = dict(re.findall(r"^(\d+(?:\.\d+)? .+?) (\d+)$", contents, flags=re.M))
    assert set(printed) == {
        "1 Om resultattabellerna",
        "2 Verksamhetsområde äldre",
        "2.1 Boende",
        "2.2 Stöd",
        "7 Verksamhetsområde våld i nära relationer",
        "7.1 Skydd",
    }
    with pikepdf.open(skane) as pdf, pdf.open_outline() as outline:
        marks = {}
        for item in outline.root:
            marks[item.title] = pdf.pages.index(pdf.get_object(item.destination[0].objgen)) + 1
            for child in item.children:
                marks[child.title] = pdf.pages.index(pdf.get_object(child.destination[0].objgen)) + 1
    for label, number in printed.items():
        assert marks[label] == int(number), label
        assert label in words(pdftotext(skane, "-raw", page=int(number)))


def test_bookmarks_for_areas_and_huvudgrupper(skane):
    with pikepdf.open(skane) as pdf, pdf.open_outline() as outline:
        tree = [(item.title, [kid.title for kid in item.children]) for item in outline.root]
    assert tree == [
        ("Utvalda resultat för samtliga kartlagda insatser", []),
        ("Innehåll", []),
        ("1 Om resultattabellerna", []),
        ("2 Verksamhetsområde äldre", ["2.1 Boende", "2.2 Stöd"]),
        ("7 Verksamhetsområde våld i nära relationer", ["7.1 Skydd"]),
    ]


def test_same_input_gives_the_same_bytes(tmp_path, survey):
    first = _render(survey, "Skåne län", tmp_path / "a.pdf")
    second = _render(survey, "Skåne län", tmp_path / "b.pdf")
    assert first.read_bytes() == second.read_bytes()


# ------------------------------------------------------------------- page flow
def _table_pages(path: Path) -> list[int]:
    with pikepdf.open(path) as pdf:
        count = len(pdf.pages)
    return [n for n in range(1, count + 1) if "Insats nummer" in pdftotext(path, "-raw", page=n)]


def test_long_table_header_repeats_on_every_page_it_continues_on(long):
    pages = _table_pages(long)
    assert len(pages) >= 2
    for number in pages:
        boxes = word_boxes(long, page=number)
        body = [b for b in boxes if b[2] < 780]  # above the footer
        first_row = min(y0 for w, _, y0, _, _ in body if w == "nummer")
        above = {w for w, _, y0, _, _ in body if y0 < first_row - 1}
        if number == pages[0]:
            assert "Verksamhetsområde" in above  # the area starts the page
        assert {"Insats", "Antal", "Varav", "biståndsbeslut"} <= above, (number, above)


def test_long_table_is_one_table_element_with_one_header_row(long):
    with pikepdf.open(long) as pdf:
        tables = [e for e in struct_elements(pdf) if e.S == "/Table"]
        big = max(tables, key=lambda t: len(kids(t)))
        rows = kids(big)
        assert len(rows) == LONG_ROWS + 1
        column_headers = [c for r in rows for c in kids(r) if c.S == "/TH" and str(c.A.Scope) == "/Column"]
        assert len(column_headers) == 5  # the repeats are pagination artifacts


def test_no_row_is_split_across_pages(long):
    pages = _table_pages(long)
    texts = {n: words(pdftotext(long, "-raw", page=n)) for n in pages}
    for i in range(1, LONG_ROWS + 1):
        label = LONG_NAME if i == 41 else f"Insats nummer {i}"
        row = f"{label} {'1 (100%)' if i % 3 == 0 else '0 (0%)'}"
        assert sum(row in text for text in texts.values()) == 1, row


def test_a_300_character_name_wraps_inside_its_column(long):
    assert len(LONG_NAME) == 300
    assert LONG_NAME.strip() in words(pdftotext(long, "-raw"))
    page = next(n for n in _table_pages(long) if "långt namn" in pdftotext(long, "-raw", page=n))
    boxes = word_boxes(long, page=page)
    name_words = set(LONG_NAME.split())
    text_width = A4_WIDTH - 2 * MARGIN
    left, right = MARGIN, MARGIN + WIDTHS[0] * text_width
    placed = [b for b in boxes if b[0] in name_words and left - 1 <= b[1] < right]
    assert len({round(b[2]) for b in placed}) >= 4  # wrapped over several lines
    for word, x0, _, x1, _ in placed:
        assert left - 1 <= x0 and x1 <= right + 1, (word, x0, x1)
    shares = [b for b in boxes if re.fullmatch(r"\(\d+%\)", b[0])]
    assert shares and all(b[1] >= right for b in shares)  # the figures stay in their own columns


def test_the_notes_stand_under_the_table_on_every_page_it_runs_over(long):
    """Issue 18: a continuation page repeats the header's raised numbers, so it carries the
    four notes too — below the table's last row on that page."""
    pages = _table_pages(long)
    assert len(pages) >= 2
    for number in pages:
        text = words(pdftotext(long, "-raw", page=number))
        assert [n for n in "1234" if f"{n} Här räknas" in text] == list("1234"), number
        boxes = word_boxes(long, page=number)
        last_row = max(y1 for w, _, _, _, y1 in boxes if w == "nummer")
        notes = [a[2] for a, b in itertools.pairwise(boxes) if (a[0], b[0]) == ("Här", "räknas")]
        below = sorted(y0 for y0 in notes if y0 > last_row)[:4]
        assert len(below) == 4 and below[0] - last_row < 20 and below[-1] - last_row < 100, number


def test_repeated_notes_are_artifacts_and_each_note_is_read_once_after_its_table(long):
    pages = _table_pages(long)
    tree = subprocess.run(["pdfinfo", "-struct-text", str(long)], capture_output=True, text=True, check=True).stdout
    for number in "1234":  # drawn on every page of the table, in the tag tree once (nobody answered on VNR)
        assert len(re.findall(rf'"{number} Här räknas', tree)) == 1
    assert len(pages) >= 2
    assert tree.index('"1 Här räknas') > tree.index('"Insats nummer 70"')  # after the table's last row
