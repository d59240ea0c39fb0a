"""Plain-text paragraphs draw exactly what reportlab's parsed paragraphs draw."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

import pytest
from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph as RLParagraph

from reportgen.render import pdf_text
from reportgen.render.pdf_fonts import register_fonts
from reportgen.render.pdf_layout import paragraph_style
from reportgen.render.pdf_text import PlainParagraph, plain_paragraph
from reportgen.theme import load_theme

TEXTS = (
    "Hemtjänst",
    "Insats nr 4 för äldre med särskilda behov och en lång rad ord som måste brytas",
    "  två  mellanslag\toch tabb  ",
    "rad ett\nrad två",
    "12,5 %",
    "–",
    "Enskede-Årsta-Vantör",
    "Å Ä Ö å ä ö é ü",
    "citat \"så\" och 'så'",
    "hård\xa0blanksteg",
)


@pytest.fixture(scope="module")
def styles():
    theme = load_theme()
    fonts = register_fonts(theme)
    return [
        paragraph_style(theme, fonts, 11),
        paragraph_style(theme, fonts, 9.5, bold=True, color="table_header_text", align=TA_RIGHT),
        paragraph_style(theme, fonts, 14, indent=14, space_after=6),
    ]


def _drawn(paragraph: RLParagraph, width: float) -> tuple[float, bytes]:
    """The height at ``width`` and the page's content as a canvas writes it."""
    canvas = Canvas(io.BytesIO(), invariant=1, pageCompression=0)
    _, height = paragraph.wrapOn(canvas, width, 1000)
    paragraph.drawOn(canvas, 20, 500)
    canvas.showPage()
    return height, canvas.getpdfdata()


@pytest.mark.parametrize("text", TEXTS)
def test_a_plain_paragraph_is_the_parsed_one(styles, text):
    for style in styles:
        for bullet in (None, "•"):
            fast = plain_paragraph(text, style, bullet)
            assert isinstance(fast, PlainParagraph)
            parsed = RLParagraph(escape(text), style, bulletText=bullet)
            assert [f.__dict__ for f in fast.frags] == [f.__dict__ for f in parsed.frags]
            assert fast.text == parsed.text
            for width in (40.0, 120.0, 400.0):
                assert _drawn(fast, width) == _drawn(parsed, width)


@pytest.mark.parametrize("text", ["A & B", "<b>inte fet</b>", "3 > 2", "", "   "])
def test_markup_characters_and_empty_texts_go_through_the_parser(styles, text):
    fast = plain_paragraph(text, styles[0])
    assert not isinstance(fast, PlainParagraph)
    parsed = RLParagraph(escape(text), styles[0])
    assert [f.__dict__ for f in fast.frags] == [f.__dict__ for f in parsed.frags]
    assert _drawn(fast, 100.0) == _drawn(parsed, 100.0)


def test_line_breaks_are_shared_per_width_text_and_style(styles):
    text = TEXTS[1]
    first, second = plain_paragraph(text, styles[0]), plain_paragraph(text, styles[0])
    first.wrap(120.0, 50.0)
    second.wrap(120.0, 999.0)  # the height offered does not change the breaks
    assert second.blPara is first.blPara
    assert second.height == first.height == len(first.blPara.lines) * styles[0].leading
    assert len(first.blPara.lines) > 1
    other = plain_paragraph(text, styles[2])
    other.wrap(120.0, 50.0)
    assert other.blPara is not first.blPara  # another style wraps for itself
    wide = plain_paragraph(text, styles[0])
    wide.wrap(400.0, 50.0)
    assert len(wide.blPara.lines) < len(first.blPara.lines)


def test_the_memos_start_again_at_their_limit(styles, monkeypatch):
    monkeypatch.setattr(pdf_text, "MEMO_LIMIT", 3)
    for n in range(5):
        plain_paragraph(f"ord {n}", styles[0]).wrap(100.0, 100.0)
    assert len(pdf_text._wraps) <= 3


def test_a_plain_paragraph_splits_across_frames_like_a_parsed_one():
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("split-test", fontName="Helvetica", fontSize=10, leading=12)
    text = " ".join(["ord"] * 200)
    plain, parsed = plain_paragraph(text, style), RLParagraph(text, style)
    for paragraph in (plain, parsed):
        paragraph.wrap(100, 1000)
    pieces = plain.split(100, 60)  # five lines fit in 60 pt
    expected = parsed.split(100, 60)
    assert len(pieces) == len(expected) == 2
    for mine, theirs in zip(pieces, expected, strict=True):
        assert mine.wrap(100, 1000) == theirs.wrap(100, 1000)
    assert pieces[0].wrap(100, 1000)[1] == 60


def _page_with(paragraphs: list[tuple[RLParagraph, float]]) -> bytes:
    canvas = Canvas(io.BytesIO(), invariant=1, pageCompression=0)
    y = 800.0
    for paragraph, width in paragraphs:
        _, height = paragraph.wrapOn(canvas, width, 1000)
        paragraph.drawOn(canvas, 20, y - height)
        y -= height + 2
        if y < 100:
            canvas.showPage()
            y = 800.0
    canvas.showPage()
    return canvas.getpdfdata()


def test_a_paragraph_drawn_again_in_a_document_repeats_the_same_operators(styles, monkeypatch):
    # Repeats of each text and style, interleaved, at two widths; "Ωmega ≈" brings new
    # characters (new subset codes) between repeats of the others.
    texts = (*TEXTS, "Ωmega ≈ 3", *TEXTS[::-1], *TEXTS)
    plan = [(text, style, width) for text in texts for style in styles for width in (60.0, 300.0)]
    memoised = _page_with([(plain_paragraph(t, s), w) for t, s, w in plan])
    monkeypatch.setattr(PlainParagraph, "draw", RLParagraph.draw)
    drawn_each_time = _page_with([(plain_paragraph(t, s), w) for t, s, w in plan])
    assert memoised == drawn_each_time


def test_the_memo_of_drawn_paragraphs_belongs_to_its_canvas(styles):
    first = Canvas(io.BytesIO(), invariant=1)
    paragraph = plain_paragraph("Hemtjänst", styles[0])
    paragraph.wrapOn(first, 100, 100)
    paragraph.drawOn(first, 10, 10)
    assert len(pdf_text._drawn(first)) == 1
    assert pdf_text._drawn(Canvas(io.BytesIO(), invariant=1)) == {}


def _char_boxes(data: bytes) -> list[tuple[str, tuple[float, ...]]]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        text = doc[0].get_textpage()
        return [
            (text.get_text_range(i, 1), tuple(round(v, 2) for v in text.get_charbox(i)))
            for i in range(text.count_chars())
        ]
    finally:
        doc.close()


def test_one_line_paragraphs_stacked_draw_where_br_lines_of_one_paragraph_do(styles):
    # The PDF renderer draws a chart caption's lines so (render.pdf._draw with lines=True).
    lines = ("100 % = 413 insatser över samtliga kommuner", "i länet där frågan besvarats", "Källa: enkäten")
    for style in styles[:2]:  # _draw's styles have no space after a paragraph
        assert style.spaceAfter == 0
        top = 700.0
        canvas = Canvas(io.BytesIO(), invariant=1)
        joined = RLParagraph("<br/>".join(escape(line) for line in lines), style)
        _, height = joined.wrapOn(canvas, 400, 500)
        joined.drawOn(canvas, 30, top - height)
        canvas.showPage()
        one = _char_boxes(canvas.getpdfdata())
        canvas = Canvas(io.BytesIO(), invariant=1)
        y = top
        for line in lines:
            paragraph = plain_paragraph(line, style)
            _, h = paragraph.wrapOn(canvas, 400, 500)
            paragraph.drawOn(canvas, 30, y - h)
            y -= h + style.spaceAfter
        canvas.showPage()
        stacked = _char_boxes(canvas.getpdfdata())
        assert [c for c, _ in stacked if c.strip()] == [c for c, _ in one if c.strip()]
        # The same place to a hundredth of a point (the numbers are written rounded).
        for (_, ours), (_, theirs) in zip(
            [x for x in stacked if x[0].strip()], [x for x in one if x[0].strip()], strict=True
        ):
            assert ours == pytest.approx(theirs, abs=0.015)
