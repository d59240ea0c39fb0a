"""The profile's deck model (SPEC §8) on the fixture survey (tests/metrics/fixture.py):
what each page says, that an unanswered area is never a 0, that ties are said, and that
every table fits its region at the one table size."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from reportgen.deck.model import ChartSpec, Deck, KeyFigure, Table, TextBlock
from reportgen.metrics.compute import compute_all
from reportgen.metrics.profile import Place, UnitProfile, unit_profiles
from reportgen.metrics.scope import SurveyTables
from reportgen.municipality.profile_deck import build_profile_deck, texts
from reportgen.register import Register
from reportgen.render.pdf_layout import table_fits
from reportgen.theme import load_theme
from tests.metrics.fixture import ALDRE, VNR, hand_survey

#: A whole number written with a decimal ("57,0", "0,0").
WHOLE_WITH_DECIMAL = re.compile(r"(?<![\d,])\d+,0(?!\d)")


@pytest.fixture(scope="module")
def profiles() -> dict[str, UnitProfile]:
    survey = hand_survey()
    scopes = compute_all(survey)
    return {p.name: p for p in unit_profiles(SurveyTables.prepare(survey), scopes["skane-lan"], scopes["riket"])}


def deck_of(profile: UnitProfile, fits=table_fits) -> Deck:
    return build_profile_deck(profile, date_text="maj 2022", synthetic=True, fits=fits)


def strings(deck: Deck) -> list[str]:
    """Every text of the deck a reader sees, chart values as their labels."""
    out = [deck.title, deck.subtitle, deck.date_text]
    for slide in deck.slides:
        out += [slide.title, slide.note, slide.source]
        for block in slide.blocks:
            if isinstance(block, TextBlock):
                out += [p.text for p in block.paragraphs]
            elif isinstance(block, KeyFigure):
                out += [block.value, block.caption]
            elif isinstance(block, Table):
                out += [block.caption, *block.header, *(c for row in block.rows for c in row)]
            elif isinstance(block, ChartSpec):
                out += [block.caption, block.alt_text, *block.categories]
    return out


def blocks(deck: Deck, kind: type) -> list:
    return [b for s in deck.slides for b in s.blocks if isinstance(b, kind)]


def test_a_unit_that_answered_nothing_has_two_pages_and_says_so_first(profiles):
    deck = deck_of(profiles["Landskrona"])
    assert [s.kind for s in deck.slides] == ["title", "content"]
    cover = " ".join(p.text for b in deck.slides[0].blocks for p in b.paragraphs)
    assert "Landskrona besvarade inga insatsfrågor i något av de sex verksamhetsområdena" in cover
    overview = blocks(deck, Table)[0]
    assert [row[1:5] for row in overview.rows] == [("Ej besvarad", "–", "–", "–")] * 2
    # No bar of its own: the chart holds the county's and Riket's means only.
    (chart,) = blocks(deck, ChartSpec)
    assert [s.name for s in chart.series] == ["Snitt i länet", "Snitt i riket"]
    assert not any(re.fullmatch(r"0", text) for text in strings(deck))


def test_overview_row_count_place_and_whole_means(profiles):
    deck = deck_of(profiles["Malmö"])
    rows = {row[0]: row for row in blocks(deck, Table)[0].rows}
    # äldre: 5 of 12 offered, 11 answered; means 14/3 and 20/6 shown whole.
    assert rows["Äldre"] == ("Äldre", "Slutförd", "11 av 12", "5 av 12", "2 av 3", "5", "3")
    assert rows["Våld i nära relationer"][1:5] == ("Slutförd", "3 av 3", "2 av 3", "1 av 1")


def test_chart_only_of_answered_areas_in_the_scope_colours(profiles):
    """Bjuv answered äldre only: one category; colours are the theme keys profile.yaml names."""
    (chart,) = blocks(deck_of(profiles["Bjuv"]), ChartSpec)
    assert chart.categories == ("Äldre",)
    assert [(s.name, s.values, s.color) for s in chart.series] == [
        ("Bjuv", (6.0,), "scope_unit"),
        ("Snitt i länet", (pytest.approx(14 / 3),), "scope_county"),
        ("Snitt i riket", (pytest.approx(20 / 6),), "scope_national"),
    ]
    assert chart.value_format == "count"  # labels "6", "5", "3": whole numbers
    colors = load_theme().colors
    assert all(s.color in colors for s in chart.series)


def test_one_page_per_answered_area_and_none_for_the_others(profiles):
    deck = deck_of(profiles["Malmö"])
    assert [s.title for s in deck.slides[2:]] == [f"Verksamhetsområde {ALDRE}", f"Verksamhetsområde {VNR}"]
    assert len({s.title for s in deck.slides}) == len(deck.slides)
    bjuv = deck_of(profiles["Bjuv"])
    assert len(bjuv.slides) == 3
    cover = " ".join(p.text for b in bjuv.slides[0].blocks for p in b.paragraphs)
    said = "Bjuv besvarade insatsfrågorna i ett av sex verksamhetsområden. Inga insatssvar: våld i nära relationer."
    assert said in cover


def test_area_page_figures(profiles):
    page = deck_of(profiles["Malmö"]).slides[2]
    key, answers, dims, offered, missing = page.blocks
    assert (key.value, key.caption) == (
        "5",
        "av de 12 kartlagda insatserna erbjuds i Malmö, plats 2 av 3 i länet. Snitt i länet 5, i riket 3. "
        "Besvarade insatsfrågor: 11 av 12; de obesvarade räknas inte som ej erbjudna.",
    )
    assert answers.rows == (
        ("Ger insatser utöver de kartlagda", "Nej", "50%", "60%"),
        ("Vill ge insatser utan biståndsbeslut om lagen ändras", "Nej", "33%", "40%"),
    )
    assert dims.rows == (
        ("Helt eller delvis digitala", "60%", "46%", "50%"),
        ("Helt eller delvis i enskild regi", "25%", "33%", "29%"),
        ("Helt eller delvis utan biståndsbeslut", "50%", "46%", "47%"),
    )
    assert offered.caption == "Erbjuds i Malmö, ovanligast i länet först"
    assert offered.rows == (
        ("Kontaktperson", "33%", "17%"),
        ("Ledsagning", "67%", "33%"),
        ("Samtalsstöd", "67%", "50%"),
        ("Hemtjänst", "100%", "80%"),
        ("Dagverksamhet", "100%", "83%"),
    )
    assert missing.rows == (("Avlösning*", "67%", "33%"), ("Samtalsstöd*", "67%", "33%"))
    assert "(5, 4 resp. 4 i Malmö)" in page.note


def test_chosen_huvudgrupper_and_empty_lists(profiles):
    page = deck_of(profiles["Bjuv"]).slides[2]
    texts_on_page = [p.text for b in page.blocks if isinstance(b, TextBlock) for p in b.paragraphs]
    assert "Valda huvudgrupper för insatser utan biståndsbeslut: Boende; Individ." in texts_on_page
    # Bjuv offers every common insats it answered: a sentence, and the offered list takes the column.
    assert any(t.startswith("Vanliga insatser som Bjuv inte erbjuder: inga.") for t in texts_on_page)
    (offered,) = [b for b in page.blocks if isinstance(b, Table) and b.caption.startswith("Erbjuds")]
    assert offered.region == "profile_above_foot"


def test_a_tie_is_said(profiles):
    malmo = profiles["Malmö"]
    tied = replace(malmo.areas[ALDRE], place=Place(first=2, last=4, of=5))
    deck = deck_of(replace(malmo, areas={**malmo.areas, ALDRE: tied}))
    assert blocks(deck, Table)[0].rows[0][4] == "delad 2–4 av 5"
    assert "delad plats 2–4 av 5 i länet" in deck.slides[2].blocks[0].caption


def test_lists_take_the_rows_that_fit_and_say_so(profiles):
    """With room for two rows only, the offered list shows 2 of Malmö's 5 and says it."""
    deck = deck_of(profiles["Malmö"], fits=lambda table: len(table.rows) <= 2)
    offered = next(b for b in deck.slides[2].blocks if isinstance(b, Table) and b.caption.startswith("Erbjuds"))
    assert offered.caption == "Erbjuds i Malmö, ovanligast i länet först (2 av 5)"
    assert [r[0] for r in offered.rows] == ["Kontaktperson", "Ledsagning"]


def test_list_rows_are_capped_by_the_layout(profiles):
    limit = int(texts()["area"]["list_rows"])
    malmo = profiles["Malmö"]
    many = tuple(malmo.areas[ALDRE].offered_insatser) * 3  # 15 rows
    area = replace(malmo.areas[ALDRE], offered_insatser=many)
    deck = deck_of(replace(malmo, areas={**malmo.areas, ALDRE: area}), fits=lambda table: True)
    offered = next(b for b in deck.slides[2].blocks if isinstance(b, Table) and b.caption.startswith("Erbjuds"))
    assert len(offered.rows) == limit and offered.caption.endswith(f"({limit} av 15)")


def test_the_longest_unit_name_fits_the_tables_it_heads(profiles):
    """The tables headed by the unit's name keep the one table size for every unit of the
    register; the longest name stands in for all."""
    longest = max(Register.load().units["name"], key=len)
    deck = deck_of(replace(profiles["Malmö"], name=longest))
    headed = [t for t in blocks(deck, Table) if longest in t.header]
    assert len(headed) == 4 and all(table_fits(t) for t in headed)


def test_every_table_fits_unshrunk_and_no_whole_number_has_a_decimal(profiles):
    for profile in profiles.values():
        deck = deck_of(profile)
        assert all(table_fits(t) for t in blocks(deck, Table)), profile.name
        found = [s for s in strings(deck) if WHOLE_WITH_DECIMAL.search(s)]
        assert not found, (profile.name, found)
