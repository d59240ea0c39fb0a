"""The web renderer on the small hand-built deck of the PDF tests (escaping, headings,
tables, charts with their data, notes, links), with charts really drawn."""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
import pytest

from reportgen.deck.model import Paragraph, Slide, Table
from reportgen.figures.draw import draw_charts
from reportgen.render.html import ProfilePage, render_web
from reportgen.render.html.blocks import _nest
from tests.render.test_pdf_sample import chart_specs, sample_deck


@pytest.fixture(scope="module")
def charts():
    return draw_charts(chart_specs(), png=False, svg=True)


@pytest.fixture(scope="module")
def edition(charts):
    deck = sample_deck()
    profile = replace(deck, title="Kommunprofil: Testkommun", front=())
    return render_web(deck, charts, profiles=[ProfilePage("kommuner/0001-testkommun.html", profile, charts)])


def _doc(edition, name):
    return lxml.html.document_fromstring(edition.files[name])


def test_the_edition_has_an_index_a_page_per_section_and_its_assets(edition):
    assert sorted(edition.files) == [
        "1-aldre.html",
        "2-oppen.html",
        "index.html",
        "kommuner/0001-testkommun.html",
        "stil/webb.css",
        "typsnitt/LiberationSans-Bold.woff",
        "typsnitt/LiberationSans-Regular.woff",
    ]
    for name in edition.pages:
        html = edition.files[name].decode("utf-8")
        assert html.startswith('<!DOCTYPE html>\n<html lang="sv">') and html.rstrip().endswith("</html>")
        assert "<script" not in html


def test_same_deck_same_bytes(charts, edition):
    deck = sample_deck()
    profile = replace(deck, title="Kommunprofil: Testkommun", front=())
    again = render_web(deck, charts, profiles=[ProfilePage("kommuner/0001-testkommun.html", profile, charts)])
    assert again.files == edition.files


def test_headings_follow_the_sections_and_their_outline(edition):
    doc = _doc(edition, "2-oppen.html")
    headings = [(h.tag, h.text_content()) for h in doc.xpath("//main//h1|//main//h2|//main//h3")]
    # Section 2's divider (its title as on the slide) is the h1, its outline entry (the
    # subsection) an h2, the slide after it an h3.
    assert headings == [("h1", "2 Öppenvård & stöd"), ("h2", "Form och regi"), ("h3", "Insatser per område")]
    first = _doc(edition, "1-aldre.html")
    assert [h.tag for h in first.xpath("//main//h1|//main//h2|//main//h3")] == ["h1", "h2", "h2"]
    assert first.xpath("//head/title/text()") == ["1 Äldreomsorg – Kartläggning av insatser 2026 – Skåne län"]


def test_text_is_escaped_never_markup(edition):
    html = edition.files["1-aldre.html"].decode("utf-8")
    assert "Insats &lt;1&gt; &amp; åäö" in html and "<1>" not in html
    doc = _doc(edition, "2-oppen.html")
    assert doc.xpath("//p[@class='note']/text()") == ["Not: Not med <tecken> & mer."]
    assert doc.xpath("//p[@class='source']/text()") == ["Källa: Kartläggning av socialtjänstens insatser 2026"]


def test_a_table_is_a_real_table_with_caption_and_scoped_headers(edition):
    (table,) = _doc(edition, "1-aldre.html").xpath("//div[contains(@class,'table')]/div/table")
    assert table.xpath("./caption/text()") == ["Vanligast fysisk form"]
    assert [(th.text, th.get("scope")) for th in table.xpath("./thead//th")] == [
        ("Insats", "col"),
        ("Antal", "col"),
        ("Andel", "col"),
    ]
    rows = table.xpath("./tbody/tr")
    assert len(rows) == 8
    first = rows[0]
    assert [c.tag for c in first] == ["th", "td", "td"] and first[0].get("scope") == "row"
    assert [c.text_content() for c in first] == ["Insats <1> & åäö", "3", "2 %"]
    assert first[1].get("class") == "num"  # right-aligned column as on the slide
    frame = table.getparent()
    assert frame.get("tabindex") == "0" and frame.get("aria-labelledby") == table.xpath("./caption/@id")[0]


def test_a_chart_is_an_inline_svg_with_alt_text_caption_and_data_table(edition):
    doc = _doc(edition, "1-aldre.html")
    (figure,) = doc.xpath("//figure")
    bar = chart_specs()[0]
    assert figure.get("data-chart") == "test-bar"
    assert figure.xpath("./figcaption/text()") == ["100 % = 723 insatser"]
    svg = figure.xpath(".//svg")[0]
    assert svg.get("role") == "img"
    assert svg.xpath("./title/text()") == [bar.alt_text]
    assert {t.text_content() for t in svg.xpath(".//text")} >= {"Malmö", "Lund", "Ystad"}  # text stays text
    assert figure.xpath("./details/summary/text()") == ["Visa diagrammets data som tabell"]
    rows = [[c.text_content() for c in tr] for tr in figure.xpath("./details//tbody/tr")]
    assert rows == [["Malmö", "44"], ["Lund", "30"], ["Ystad", "12"]]
    assert [th.text_content() for th in figure.xpath("./details//thead//th")] == ["Kategori", "Antal"]
    # A chart without a caption is captioned by the slide's title, shown once (in the heading).
    wide = _doc(edition, "2-oppen.html").xpath("//figure")[0]
    assert wide.xpath("./figcaption")[0].get("class") == "visually-hidden"
    assert wide.xpath("./figcaption/text()") == ["Insatser per område"]


def test_ids_are_unique_and_every_reference_resolves(edition):
    for name in edition.pages:
        html = edition.files[name].decode("utf-8")
        ids = re.findall(r'\sid="([^"]+)"', html)
        assert len(ids) == len(set(ids)), name
        wanted = set(re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"|aria-labelledby="([^"]+)"', html))
        for groups in wanted:
            target = next(g for g in groups if g)
            assert target in ids, f"{name}: #{target}"


def test_every_page_links_home_the_sections_and_is_labelled_synthetic(edition):
    for name in edition.pages:
        doc = _doc(edition, name)
        root = "../" if "/" in name else ""
        nav = doc.xpath("//nav[@aria-label='Rapportens avsnitt']//a/@href")
        pages = ["index.html", "1-aldre.html", "2-oppen.html", "index.html#kommunprofiler"]
        assert nav == [root + page for page in pages]
        assert doc.xpath("//p[@class='demo-label']/text()") == ["Syntetiska demodata – inte verkliga svar"]
        assert doc.xpath("//a[@class='skip-link']/@href") == ["#innehall"] and doc.xpath("//main[@id='innehall']")
        assert doc.xpath("//link[@rel='stylesheet']/@href") == [f"{root}stil/webb.css"]
    current = _doc(edition, "2-oppen.html").xpath("//a[@aria-current='page']/@href")
    assert current == ["2-oppen.html"]


def test_no_demo_label_on_real_data(charts):
    deck = replace(sample_deck(), demo_label="")
    edition = render_web(deck, charts)
    assert all(b"demo-label" not in edition.files[name] for name in edition.pages)


def test_every_page_names_the_imprints_author_and_build_time(edition, charts):
    for name in edition.pages:
        doc = _doc(edition, name)
        assert doc.xpath("//meta[@name='author']/@content") == ["Testförfattare"], name
        assert doc.xpath("//meta[@name='dcterms.created']/@content") == ["2023-11-14T22:13:20Z"], name
    assert "Testorganisationen" in _doc(edition, "index.html").xpath("string(//footer)")
    anonymous = render_web(replace(sample_deck(), imprint=None), charts)
    assert all(b'name="author"' not in anonymous.files[name] for name in anonymous.pages)


def test_contents_table_links_each_section_to_its_page(charts):
    contents = Slide(
        kind="contents",
        title="Innehåll",
        blocks=(
            Table(
                region="body",
                header=("", "Avsnitt", "Sidor"),
                rows=(("1", "Äldreomsorg", "Sida 3 – 4"), ("2", "Öppenvård", "Sida 5 – 7")),
                widths=(0.1, 0.6, 0.3),
                align=("left", "left", "right"),
            ),
        ),
        key="innehall",
    )
    deck = replace(sample_deck(), front=(sample_deck().front[0], contents))
    doc = lxml.html.document_fromstring(render_web(deck, charts).files["index.html"])
    (table,) = doc.xpath("//table")
    assert table.xpath("./caption/text()") == ["Innehåll (sidorna avser PDF- och PowerPoint-utgåvan)"]
    assert table.xpath(".//a/@href") == ["1-aldre.html", "2-oppen.html"]
    assert [[c.text_content() for c in tr] for tr in table.xpath(".//tr")] == [
        ["", "Avsnitt", "Sidor"],
        ["1", "Äldreomsorg", "Sida 3 – 4"],
        ["2", "Öppenvård", "Sida 5 – 7"],
    ]
    assert table.xpath("./thead/tr/*")[0].tag == "td"  # an empty heading is no header cell
    # The contents slide's key ("innehall") must not take the id of the skip link's target.
    assert len(doc.xpath("//*[@id='innehall']")) == 1


def test_profile_pages_sit_in_their_folder_and_are_listed_on_the_index(edition):
    index = _doc(edition, "index.html")
    assert index.xpath("//section[@id='kommunprofiler']//a/@href") == ["kommuner/0001-testkommun.html"]
    assert index.xpath("//section[@id='kommunprofiler']//a/text()") == ["Kommunprofil: Testkommun"]
    profile = _doc(edition, "kommuner/0001-testkommun.html")
    assert profile.xpath("//h1/text()") == ["Kommunprofil: Testkommun"]
    assert profile.xpath("//p[@class='lead']/text()") == ["Skåne län – regional analys", "november 2026"]


def test_a_chart_drawn_without_svg_is_refused(charts):
    pdf_only = {k: replace(v, svg=b"") for k, v in charts.items()}
    with pytest.raises(ValueError, match="without its SVG"):
        render_web(sample_deck(), pdf_only)


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        pytest.param([0, 0], [("p", "a"), ("p", "b")], id="paragraphs"),
        pytest.param([0, 1, 1, 0], [("p", "a"), ["b", "c"], ("p", "d")], id="one list between"),
        pytest.param([1, 2, 2, 1], [["a", ["b", "c"], "d"]], id="nested below its parent"),
        pytest.param([2, 1], [["a", "b"]], id="a first bullet never skips a level"),
    ],
)
def test_bullets_nest_as_lists(levels, expected):
    nodes = _nest(tuple(Paragraph(chr(ord("a") + i), level=lv) for i, lv in enumerate(levels)))

    def shape(items):
        out = []
        for item in items:
            out.append(item["text"])
            if item["children"]:
                out.append(shape(item["children"]))
        return out

    assert [(n["kind"], n["text"]) if n["kind"] == "p" else shape(n["items"]) for n in nodes] == expected


def test_hatched_bars_are_named_in_words_below_the_data(charts):
    bar = replace(chart_specs()[0], small_base=(1, 2), small_base_label="Streckad stapel: färre än 5 svar")
    deck = sample_deck()
    first = deck.sections[0]
    slides = tuple(
        replace(s, blocks=tuple(bar if getattr(b, "key", "") == bar.key else b for b in s.blocks)) for s in first.slides
    )
    deck = replace(deck, sections=(replace(first, slides=slides), *deck.sections[1:]))
    drawn = {**charts, bar.key: draw_charts([bar], png=False, svg=True)[bar.key]}
    doc = lxml.html.document_fromstring(render_web(deck, drawn).files["1-aldre.html"])
    (figure,) = doc.xpath("//figure")
    assert figure.xpath("./details/p/text()") == ["Streckad stapel: färre än 5 svar – Lund, Ystad."]
    assert [tr.get("class") for tr in figure.xpath("./details//tbody/tr")] == [None, "small-base", "small-base"]
