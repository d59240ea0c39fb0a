"""Layouts are data: editing layouts/ changes the deck without touching code (issue 4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from reportgen.deck import area, dimension, front
from reportgen.deck.builder import build_deck
from reportgen.deck.layout import AREA_KINDS, BACKGROUND_KINDS, DIMENSION_KINDS, LayoutError, fill, load_layouts
from reportgen.paths import LAYOUTS_DIR
from tests.deck.conftest import deck_inputs


@pytest.fixture
def layouts_copy(tmp_path: Path) -> Path:
    for name in ("deck.yaml", "texts.yaml", "dimensions.yaml", "categories.yaml", "theme.yaml"):
        shutil.copy(LAYOUTS_DIR / name, tmp_path / name)
    return tmp_path


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def area_slides(data: dict) -> list[dict]:
    return next(s for s in data["sections"] if s["kind"] == "areas")["slides"]


def test_every_kind_named_in_layouts_has_a_builder():
    assert set(area._BUILDERS) | {"dimension"} == AREA_KINDS
    assert set(dimension._BUILDERS) == DIMENSION_KINDS
    assert set(front._BUILDERS) == BACKGROUND_KINDS


def test_bundled_layouts_load():
    layouts = load_layouts()
    assert layouts.source.startswith("Enkät: Kartläggning")
    assert set(layouts.dimensions) == {"form", "regi", "beslut"}
    mapping = layouts.category_mapping()
    assert mapping["Behandlingshem / Boendeinsatser"] == "Boendeinsatser"


def test_changing_a_title_in_layouts_changes_the_deck(layouts_copy, county_metrics, national_metrics, catalog):
    def retitle(data):
        top = next(s for s in area_slides(data) if s["key"] == "insatsutbud/vanligast")
        top["title"] = "Vanligast i {area} ({county})"

    edit(layouts_copy / "deck.yaml", retitle)
    edit(layouts_copy / "dimensions.yaml", lambda d: d["dimensions"]["regi"]["titles"].update(subsection="Vem utför?"))
    deck = build_deck(
        deck_inputs(county_metrics, national_metrics, catalog), date_text="maj 2022", layouts_dir=layouts_copy
    )
    titles = {s.key: s.title for s in deck.slides}
    assert titles["aldre/insatsutbud/vanligast"] == "Vanligast i äldre (Testlän)"  # unique as written
    assert titles["aldre/regi/avsnitt"] == "Vem utför? – äldre"  # recurs in every area: told apart


def test_the_repeated_title_pattern_is_layout_data(layouts_copy, county_metrics, national_metrics, catalog):
    edit(layouts_copy / "deck.yaml", lambda d: d.update(repeated_title="{area}: {title}"))
    deck = build_deck(
        deck_inputs(county_metrics, national_metrics, catalog), date_text="maj 2022", layouts_dir=layouts_copy
    )
    titles = {s.key: s.title for s in deck.slides}
    assert titles["aldre/insatsutbud"] == "äldre: Insatsutbud"
    assert titles["vald-i-nara-relationer/form/avsnitt"] == "våld i nära relationer: Fysiska och digitala insatser"


@pytest.mark.parametrize("pattern", ["{area}", "{title} ({county})"])
def test_a_repeated_title_pattern_that_cannot_tell_titles_apart_is_refused(layouts_copy, pattern):
    edit(layouts_copy / "deck.yaml", lambda d: d.update(repeated_title=pattern))
    with pytest.raises(LayoutError, match="repeated_title"):
        load_layouts(layouts_copy)


def test_titles_that_repeat_outside_the_areas_are_refused(layouts_copy, county_metrics, national_metrics, catalog):
    def twice(data):
        background = data["sections"][0]["slides"]
        background[1]["title"] = background[0]["title"]

    edit(layouts_copy / "deck.yaml", twice)
    with pytest.raises(LayoutError, match="slide titles repeat"):
        build_deck(
            deck_inputs(county_metrics, national_metrics, catalog), date_text="maj 2022", layouts_dir=layouts_copy
        )


def test_moving_and_removing_slides_in_layouts(layouts_copy, county_metrics, national_metrics, catalog):
    def reorder(data):
        slides = area_slides(data)
        wish = next(s for s in slides if s["key"] == "utan-beslut/vilja")
        slides.remove(wish)
        slides.insert(0, wish)
        slides[:] = [s for s in slides if s.get("dimension") != "regi"]

    edit(layouts_copy / "deck.yaml", reorder)
    deck = build_deck(
        deck_inputs(county_metrics, national_metrics, catalog), date_text="maj 2022", layouts_dir=layouts_copy
    )
    keys = [s.key for s in deck.sections[2].slides]
    assert keys[:3] == ["aldre", "aldre/utan-beslut/vilja", "aldre/svarsfrekvens"]
    assert not any(k.startswith("aldre/regi") for k in keys)


def test_unknown_slide_kind_is_reported(layouts_copy):
    edit(layouts_copy / "deck.yaml", lambda d: area_slides(d).append({"kind": "pie", "key": "x"}))
    with pytest.raises(LayoutError, match="unknown slide kind 'pie'"):
        load_layouts(layouts_copy)


def test_unknown_note_fragment_and_missing_text_are_reported_together(layouts_copy):
    def spoil(data):
        area_slides(data)[0]["note"] = ["nonsense"]
        data["sections"][0]["slides"][0]["text"] = "missing"

    edit(layouts_copy / "deck.yaml", spoil)
    with pytest.raises(LayoutError) as info:
        load_layouts(layouts_copy)
    assert "unknown note fragment 'nonsense'" in str(info.value)
    assert "no text 'missing'" in str(info.value)


def test_unknown_placeholder_names_the_entry(layouts_copy, county_metrics, national_metrics, catalog):
    edit(layouts_copy / "deck.yaml", lambda d: area_slides(d)[0].update(title="Svar för {omrade}"))
    with pytest.raises(LayoutError, match=r"svarsfrekvens\.title: unknown placeholder \{omrade\}"):
        build_deck(
            deck_inputs(county_metrics, national_metrics, catalog), date_text="maj 2022", layouts_dir=layouts_copy
        )


def test_unplaced_huvudgrupp_is_an_error(layouts_copy, county_metrics, national_metrics, catalog):
    edit(layouts_copy / "categories.yaml", lambda d: d["categories"].pop())  # drops "Övriga insatser"
    layouts = load_layouts(layouts_copy)
    with pytest.raises(Exception, match="Övriga insatser"):
        deck_inputs(county_metrics, national_metrics, catalog, layouts=layouts)


def test_catalog_figures_by_other_categories_are_refused(layouts_copy, county_metrics, national_metrics, catalog):
    edit(layouts_copy / "categories.yaml", lambda d: d["categories"][0].update(label="Bostäder"))
    with pytest.raises(LayoutError, match="Bostäder"):
        build_deck(
            deck_inputs(county_metrics, national_metrics, catalog), date_text="maj 2022", layouts_dir=layouts_copy
        )


def test_fill_leaves_out_sentences_about_missing_figures():
    assert fill("{n} kommuner", {"n": 3}, "x") == "3 kommuner"
    assert fill("{share} procent", {"share": None}, "x") is None
    with pytest.raises(LayoutError):
        fill("{nope}", {}, "x")
