"""The deck model built from the hand-made metrics of conftest.py (SPEC §6, issue 4)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from reportgen.deck.builder import build_deck
from reportgen.deck.layout import load_layouts
from reportgen.deck.model import ChartSpec, Deck, KeyFigure, Paragraph, Slide, Table, TextBlock
from reportgen.imprint import Imprint
from reportgen.metrics.model import Distribution
from tests.deck.conftest import deck_inputs

LAYOUTS = load_layouts()
SOURCE = "Enkät: Kartläggning av socialtjänstens insatser i Sveriges kommuner (2021)"


@pytest.fixture(scope="module")
def deck(county_metrics, national_metrics, catalog) -> Deck:
    return build_deck(deck_inputs(county_metrics, national_metrics, catalog), date_text="maj 2022", synthetic=True)


def slide(deck: Deck, key: str) -> Slide:
    found = [s for s in deck.slides if s.key == key]
    assert len(found) == 1, key
    return found[0]


def blocks(s: Slide, kind: type) -> list:
    return [b for b in s.blocks if isinstance(b, kind)]


def expected_area_keys(prefix: str) -> list[str]:
    """The slide keys deck.yaml promises for one area, dimensions expanded."""
    area_spec = next(s for s in LAYOUTS.sections if s.kind == "areas")
    keys = [prefix]
    for spec in area_spec.slides:
        if spec.kind == "dimension":
            keys += [f"{prefix}/{spec.dimension}/{d.key}" for d in LAYOUTS.dimension_slides]
        else:
            keys.append(f"{prefix}/{spec.key}")
    return keys


def test_slide_sequence_follows_deck_yaml(deck):
    assert [s.kind for s in deck.front] == ["title", "contents"]
    assert [sec.title for sec in deck.sections] == [
        "Arbetets bakgrund och syfte",
        "Övergripande insikter – nationell nivå",
        "Resultat för verksamhetsområde äldre",
        "Resultat för verksamhetsområde våld i nära relationer",
    ]
    background = [s.key for s in deck.sections[0].slides[1:]]
    assert background == [s.key for s in LAYOUTS.sections[0].slides]
    assert [s.key for s in deck.sections[2].slides] == expected_area_keys("aldre")
    assert [s.key for s in deck.sections[3].slides] == expected_area_keys("vald-i-nara-relationer")
    for number, section in enumerate(deck.sections, start=1):
        assert section.slides[0].kind == "section"
        assert section.slides[0].section_number == section.number == str(number)
    # divider, response, Insatsutbud divider + 5, 3 × 6 dimension slides, 2 wish slides
    assert len(deck.sections[2].slides) == 1 + 1 + 6 + 18 + 2
    outline = [title for title, _ in deck.sections[2].outline]
    assert outline[:2] == ["Svarsfrekvens för enkät: verksamhetsområde äldre", "Insatsutbud – äldre"]
    assert len(outline) == 2 + 3 + 1


def test_every_content_slide_has_title_and_source(deck):
    content = [s for s in deck.slides if s.kind == "content"]
    assert len(content) > 40
    for s in content:
        assert s.title and s.source == SOURCE, s.key
    for s in deck.slides:
        if s.kind != "content":
            assert not s.source, s.key


def test_charts_have_unique_keys_and_distinct_alt_texts(deck):
    charts = [b for s in deck.slides for b in s.blocks if isinstance(b, ChartSpec)]
    assert len(charts) > 20
    keys = [c.key for c in charts]
    assert all(keys) and len(set(keys)) == len(keys)
    alts = [c.alt_text for c in charts]
    assert all(len(a) > 40 for a in alts)
    assert len(set(alts)) == len(alts)
    for alt in alts:
        assert not re.search(r"\.(png|pdf|svg)\b", alt)
    for c in charts:
        for series in c.series:
            assert len(series.values) == len(c.categories), c.key


def test_contents_page_ranges_match_positions(deck):
    contents = deck.front[1]
    (table,) = blocks(contents, Table)
    positions = {s.key: i for i, s in enumerate(deck.slides, start=1)}
    for row, section in zip(table.rows, deck.sections, strict=True):
        first = positions[section.slides[0].key]
        last = positions[section.slides[-1].key]
        assert row == (section.number, section.title, f"Sida {first} – {last}")
    assert table.rows[0][2] == "Sida 3 – 14"  # two front slides, divider + 11 background slides


def test_title_slide(deck):
    title = deck.front[0]
    assert title.title == deck.title == "Inventering av socialtjänstens insatser"
    assert deck.subtitle == "Testlän: analysresultat för sex verksamhetsområden"
    assert deck.date_text == "Maj 2022"  # alone on its line, capitalised as in the seed
    assert deck.synthetic and deck.county == "Testlän"


def test_top10_table_cells_equal_metrics(deck, county_metrics):
    (table,) = blocks(slide(deck, "aldre/insatsutbud/vanligast"), Table)
    assert table.header == (
        "Insatser",
        "Andel kommuner som erbjuder insatsen",
        "Antal kommuner som erbjuder insatsen",
        "Antal kommuner som svarat",
    )
    assert table.rows == (
        ("Hemtjänst", "100%", "2", "2"),
        ("Avlösning i hemmet*", "100%", "2", "2"),
        ("Trygghetslarm", "33%", "1", "3"),
    )
    (bottom,) = blocks(slide(deck, "aldre/insatsutbud/minst-vanliga"), Table)
    assert bottom.rows == (("Trygghetslarm", "33%", "1", "3"), ("Fixartjänst", "50%", "1", "2"))


def test_marks_are_explained_only_where_they_appear(deck):
    relatives = "Insatser markerade med * avser insatser till anhöriga."
    perpetrators = "Insatser markerade med ** avser insatser till våldsutövare."
    top = slide(deck, "aldre/insatsutbud/vanligast").note
    assert relatives in top and perpetrators not in top
    assert relatives not in slide(deck, "aldre/insatsutbud/minst-vanliga").note
    vald = slide(deck, "vald-i-nara-relationer/insatsutbud/vanligast").note
    assert perpetrators in vald and relatives not in vald


def test_notes_name_each_areas_catalog_size(deck):
    aldre = slide(deck, "aldre/insatsutbud/kommun").note
    vald = slide(deck, "vald-i-nara-relationer/insatsutbud/kommun").note
    assert "bland de 4 insatser" in aldre and "bland de 3 insatser" in vald
    assert "Antal svarande kommuner i riket är 7 kommuner." in aldre  # answering units, not the 8 responding
    assert "40 procent" in aldre
    assert "procent" not in vald.split("området våld i nära relationer.")[1]  # Riket's further share unknown


def test_response_and_offer_key_figures(deck):
    response = slide(deck, "aldre/svarsfrekvens")
    figures = blocks(response, KeyFigure)
    assert [f.value for f in figures] == ["2", "1"]
    assert "av 3 kommuner i länet" in figures[0].caption
    (chart,) = blocks(response, ChartSpec)
    assert chart.categories == ("Länet", "Riket")
    assert [s.values for s in chart.series] == [
        pytest.approx((100 / 3, 60.0)),
        pytest.approx((100 / 3, 20.0)),
        pytest.approx((100 / 3, 20.0)),
    ]
    offer = blocks(slide(deck, "aldre/insatsutbud/nyckeltal"), KeyFigure)
    assert [(f.region, f.value) for f in offer] == [("kf1", "3"), ("kf2", "50%"), ("kf3", "3"), ("kf4", "3")]
    assert offer[0].caption.startswith("av de 4 kartlagda insatserna")
    assert slide(deck, "aldre/insatsutbud/nyckeltal").note == (
        "* Av de kommuner som angett att de slutfört enkäten. Siffrorna finns i arbetsboken, fliken Insatsutbud."
    )


def test_minmax_footnote_when_nobody_completed(deck):
    s = slide(deck, "vald-i-nara-relationer/insatsutbud/nyckeltal")
    assert "Ingen kommun i länet har slutfört enkäten" in s.note
    further = blocks(s, KeyFigure)[1]
    assert further.value == "–"


def test_per_municipality_chart(deck):
    (chart,) = blocks(slide(deck, "aldre/insatsutbud/kommun"), ChartSpec)
    assert chart.categories == ("Alfa", "Beta")
    assert chart.series[0].values == (3.0, 2.0)
    assert [(r.label, r.value) for r in chart.reference_lines] == [("Länet: 3", 2.5), ("Riket: 2", 2.25)]
    assert "från 2 (Beta) till 3 (Alfa)" in chart.alt_text
    assert "Medelvärdet är 3 för länet och 2 för riket" in chart.alt_text


def test_dimension_slides_read_the_dimension(deck):
    (a_chart,) = blocks(slide(deck, "aldre/regi/andelar"), ChartSpec)
    assert a_chart.categories == ("Enbart kommunal regi", "Både kommunal och enskild regi", "Enbart enskild regi")
    assert a_chart.series[0].values == pytest.approx((100 * 6 / 9, 100 * 2 / 9, 100 * 1 / 9))  # regi: base 1
    assert a_chart.caption == "100 % = 9 insatser över samtliga kommuner i länet där frågan besvarats"
    top = blocks(slide(deck, "aldre/form/topp5"), Table)
    assert [t.region for t in top] == ["col1", "col2", "col3"]
    assert top[0].caption == "Vanligast enbart fysisk form"
    assert top[0].header == ("Insats (n)", "Andel", "Antal")
    assert top[0].rows == (("Hemtjänst (2)", "100%", "2"), ("Avlösning i hemmet* (2)", "50%", "1"))
    assert top[2].rows == (("Ingen insats i denna kategori", "", ""),)
    (stacked,) = blocks(slide(deck, "aldre/beslut/kommun"), ChartSpec)
    # Each municipality's bar carries its base, the insatser answered: Alfa 5 + 1 + 0 = 6,
    # Beta 2 + 1 + 1 = 4 (Gamma gave no answer and is not drawn).
    assert stacked.categories == ("Alfa (6)", "Beta (4)", "Länet", "Riket")
    assert stacked.highlight == (2, 3)
    assert stacked.series[0].values == pytest.approx((100 * 5 / 6, 50.0, 70.0, 100 * 42 / 82))
    # Beta's 4 is below the threshold of 5: hatched, values kept, named in legend and alt text.
    assert stacked.small_base == (1,)
    assert stacked.small_base_label == "Streckad stapel: färre än 5 svar"
    assert "Streckade staplar bygger på färre än 5 insatser med svar: Beta." in stacked.alt_text
    beslut_note = slide(deck, "aldre/beslut/kommun").note
    assert "Antal insatser med svar på frågan anges i parentes." in beslut_note
    assert "Streckade staplar bygger på färre än 5 insatser med svar" in beslut_note
    individuals = slide(deck, "aldre/form/individer")
    charts = blocks(individuals, ChartSpec)
    assert [c.key for c in charts] == ["aldre/form/individer/A", "aldre/form/individer/AB"]
    assert charts[0].caption == "100 % = 4 insatser som kommunerna uppger ges enbart i fysisk form"
    assert charts[0].series[0].values == pytest.approx((25.0, 50.0, 25.0, 0.0, 0.0))
    # Bases 4 and 2 are small: every bar of both panels is hatched; no legend entry.
    assert [c.small_base for c in charts] == [(0, 1, 2, 3, 4)] * 2 and charts[1].small_base_label == ""
    # "B only": 1 pair, nobody answered how many were reached: a sentence, not "100 % = 0".
    texts = [p.text for b in blocks(individuals, TextBlock) for p in b.paragraphs]
    assert texts == [
        "1 insats ges enbart i digital form, men ingen kommun har svarat på hur många individer som tagit del av den."
    ]
    assert not any("100 % = 0" in t for t in texts)
    (groups,) = blocks(slide(deck, "aldre/form/huvudgrupp"), ChartSpec)
    assert groups.categories == ("Boendeformer / insatser i boendet (2)", "Individ- och/eller gruppinsatser (2)")
    assert groups.small_base == (1,)  # 1 + 1 + 1 = 3 pairs


def test_three_dimensions_differ_only_in_words(deck):
    form = [s.title for s in deck.sections[2].slides if s.key.startswith("aldre/form/")]
    regi = [s.title for s in deck.sections[2].slides if s.key.startswith("aldre/regi/")]
    assert len(form) == len(regi) == len(LAYOUTS.dimension_slides)
    assert form[0] == "Fysiska och digitala insatser – äldre"
    assert regi[0] == "Insatser inom kommunal och enskild regi – äldre"


def test_every_slide_title_and_bookmark_is_unique_and_recurring_ones_name_their_area(deck):
    titles = [s.title for s in deck.slides]
    assert len(titles) == len(set(titles))
    by_key = {s.key: s.title for s in deck.slides}
    # Titles that recur in every area carry it ("{title} – {area}", deck.yaml repeated_title) …
    assert by_key["aldre/insatsutbud"] == "Insatsutbud – äldre"
    assert by_key["vald-i-nara-relationer/insatsutbud"] == "Insatsutbud – våld i nära relationer"
    assert by_key["aldre/insatsutbud/vanligast"] == "De tio vanligaste av de kartlagda insatserna – äldre"
    # … titles that already name the area, and the front matter, stay as written.
    assert by_key["aldre/svarsfrekvens"] == "Svarsfrekvens för enkät: verksamhetsområde äldre"
    assert by_key["innehall"] == "Innehåll"
    bookmarks = [title for section in deck.sections for title, _ in section.outline]
    assert len(bookmarks) == len(set(bookmarks)) and "Insatsutbud – våld i nära relationer" in bookmarks


def test_wish_slides(deck):
    wish = slide(deck, "aldre/utan-beslut/vilja")
    (chart,) = blocks(wish, ChartSpec)
    assert chart.categories == ("Ja", "Nej", "Vet ej")
    assert chart.series[0].values == pytest.approx((50.0, 50.0, 0.0))
    assert chart.caption == "100 % = 2 kommuner i länet som besvarat frågan"
    (groups,) = blocks(slide(deck, "aldre/utan-beslut/huvudgrupp"), ChartSpec)
    assert groups.series[0].values == (1.0, 0.0, 1.0)
    # Nobody answered the wish question in våld: words instead of an empty chart.
    vald = slide(deck, "vald-i-nara-relationer/utan-beslut/vilja")
    assert not blocks(vald, ChartSpec)


def test_area_nobody_answered_gets_one_slide(county_metrics, national_metrics, catalog):
    aldre = county_metrics.areas["äldre"]
    silent = replace(aldre, response=replace(aldre.response, answered=0, completed=0, not_started=3))
    metrics = replace(county_metrics, areas={**county_metrics.areas, "äldre": silent})
    deck = build_deck(deck_inputs(metrics, national_metrics, catalog), date_text="maj 2022")
    section = deck.sections[2]
    assert [s.kind for s in section.slides] == ["section", "content"]
    assert "Ingen kommun i länet har besvarat enkäten" in section.slides[1].blocks[0].paragraphs[0].text
    assert deck.front[1].blocks[0].rows[2][2] == "Sida 17 – 18"


def test_front_matter_figures(deck):
    (sizes,) = blocks(slide(deck, "bakgrund/katalog"), ChartSpec)
    assert sizes.categories == ("Äldre", "Våld i nära relationer")
    assert sizes.series[0].values == (4.0, 3.0)
    assert sizes.caption == "Antal insatser per verksamhetsområde, totalt 7"
    (cats,) = blocks(slide(deck, "bakgrund/kategorier"), ChartSpec)
    assert cats.categories == ("Äldre (4)", "Våld i nära relationer (3)")
    boende = next(s for s in cats.series if s.name == "Boendeinsatser")
    assert boende.values == pytest.approx((50.0, 100 / 3))
    overview = slide(deck, "bakgrund/svar")
    texts = [p.text for b in blocks(overview, TextBlock) for p in b.paragraphs]
    assert "Äldre: 2 av 3 kommuner har besvarat enkäten, 1 har slutfört den; 2 är svarande kommuner" in texts
    # Issue 14 item 2: both bases named, Riket's responding (6–8) and answering (6–7) units.
    assert texts[-1] == (
        "I riket besvarades varje enkät av mellan 6 och 8 kommuner, och antalet svarande kommuner var mellan 6 och 7."
    )
    assert "Svarande kommuner är de som har svarat på minst en fråga om insatserna" in overview.note
    insights = [p.text for b in blocks(slide(deck, "insikter/teman"), TextBlock) for p in b.paragraphs]
    # Both areas range 3–3 and 1–1: the widest spread (0) is shared, so both are named.
    assert "Spridningen är lika stor och störst inom äldre och våld i nära relationer: 0 insatser" in " ".join(insights)


def test_national_deck_shows_counties(national_metrics, county_metrics, catalog):
    inputs = deck_inputs(national_metrics, national_metrics, catalog, counties=(county_metrics,))
    deck = build_deck(inputs, date_text="maj 2022")
    (chart,) = blocks(slide(deck, "aldre/insatsutbud/kommun"), ChartSpec)
    assert chart.categories == ("Testlän (2)",)
    assert chart.series[0].values == (2.5,)
    assert slide(deck, "aldre/insatsutbud/kommun").title.endswith("per län")
    (stacked,) = blocks(slide(deck, "aldre/form/kommun"), ChartSpec)
    assert stacked.categories == ("Testlän (2)", "Riket")
    assert stacked.highlight == (1,)
    (means,) = blocks(slide(deck, "aldre/insatsutbud/huvudgrupp"), ChartSpec)
    assert [s.name for s in means.series] == ["Riket"]


def test_dimension_nobody_answered_says_so_in_words(county_metrics, national_metrics, catalog):
    vald = county_metrics.areas["våld i nära relationer"]
    zero = replace(vald.dimensions["regi"].total, n_pairs=0, n_respondents=0, counts={"A": 0, "AB": 0, "B": 0})
    silent = replace(
        vald.dimensions["regi"],
        total=zero,
        national_total=zero,
        top3={"A": (), "AB": (), "B": ()},
        top5={"A": (), "AB": (), "B": ()},
        per_respondent=(),
        per_group=(),
    )
    area = replace(vald, dimensions={**vald.dimensions, "regi": silent})
    metrics = replace(county_metrics, areas={**county_metrics.areas, "våld i nära relationer": area})
    deck = build_deck(deck_inputs(metrics, national_metrics, catalog), date_text="maj 2022")
    for key in ("andelar", "kommun", "huvudgrupp", "individer"):
        s = slide(deck, f"vald-i-nara-relationer/regi/{key}")
        assert not blocks(s, ChartSpec), key
        assert blocks(s, TextBlock), key


def test_riket_deck_needs_the_counties(national_metrics, catalog):
    with pytest.raises(ValueError, match="counties"):
        deck_inputs(national_metrics, national_metrics, catalog)


def test_counts_of_one_take_the_singular(county_metrics, national_metrics, catalog):
    """Issue 14 item 6: "100 % = 1 insats", "1 kommun", never "1 insatser"."""
    aldre = county_metrics.areas["äldre"]
    form = aldre.dimensions["form"]
    one = Distribution("A", 1, 1, {"1-20": 1, "21-100": 0, "101-500": 0, "500+": 0, "vet_ej": 0})
    form = replace(form, individuals={**form.individuals, "A": one}, total=replace(form.total, n_pairs=1))
    wish = replace(aldre.wish, answered=1, counts={"ja": 1, "nej": 0, "vet_ej": 0})
    one_unit = replace(aldre.response, respondents=1, answered=1, completed=1, not_started=0, with_answers=1)
    area = replace(aldre, dimensions={**aldre.dimensions, "form": form}, wish=wish, response=one_unit)
    metrics = replace(county_metrics, areas={**county_metrics.areas, "äldre": area})
    deck = build_deck(deck_inputs(metrics, national_metrics, catalog), date_text="maj 2022")
    (panel, *_) = blocks(slide(deck, "aldre/form/individer"), ChartSpec)
    assert panel.caption == "100 % = 1 insats som kommunerna uppger ges enbart i fysisk form"
    (total,) = blocks(slide(deck, "aldre/form/andelar"), ChartSpec)
    assert total.caption == "100 % = 1 insats över samtliga kommuner i länet där frågan besvarats"
    assert total.alt_text.endswith("100 % = 1 insats.")
    (wish_chart,) = blocks(slide(deck, "aldre/utan-beslut/vilja"), ChartSpec)
    assert wish_chart.caption == "100 % = 1 kommun i länet som besvarat frågan"
    (groups,) = blocks(slide(deck, "aldre/utan-beslut/huvudgrupp"), ChartSpec)
    assert groups.caption == "1 kommun i länet vill ge insatser utan biståndsbeslut"
    figures = [b.caption for b in slide(deck, "aldre/svarsfrekvens").blocks if isinstance(b, KeyFigure)]
    assert figures == ["av 1 kommun i länet har besvarat enkäten", "av 1 kommun i länet har slutfört enkäten"]
    top3 = [p.text for b in blocks(slide(deck, "aldre/form/andelar"), TextBlock) for p in b.paragraphs]
    assert "Hemtjänst (2 av 2 kommuner)" in top3


def test_the_title_slide_names_the_publisher_and_the_deck_carries_the_imprint(
    county_metrics, national_metrics, catalog
):
    imprint = Imprint(datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC), "Region Exempel", "analys@exempel.se")
    made = build_deck(deck_inputs(county_metrics, national_metrics, catalog), date_text="maj 2022", imprint=imprint)
    (block,) = made.front[0].blocks
    assert block.region == "deck_publisher"
    assert block.paragraphs == (Paragraph("Region Exempel", bold=True), Paragraph("Kontakt: analys@exempel.se"))
    assert made.imprint == imprint


def test_without_settings_the_title_slide_names_nobody(deck):
    assert deck.front[0].blocks == () and deck.imprint is None


def test_only_the_settings_given_are_shown(county_metrics, national_metrics, catalog):
    imprint = Imprint(datetime(2023, 11, 14, tzinfo=UTC), contact="0771-00 00 00")
    made = build_deck(deck_inputs(county_metrics, national_metrics, catalog), date_text="maj 2022", imprint=imprint)
    (block,) = made.front[0].blocks
    assert block.paragraphs == (Paragraph("Kontakt: 0771-00 00 00"),)
