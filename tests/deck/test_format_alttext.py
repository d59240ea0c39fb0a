"""Swedish number formats and alt texts built from data (SPEC §5, §8c)."""

from __future__ import annotations

from reportgen.deck import alttext
from reportgen.deck.format import MISSING, decimal, integer, percent, percent_number


def test_percent_is_whole_and_rounds_half_up():
    assert percent(16 / 25) == "64%"
    assert percent(0.125) == "13%"  # round() would give 12
    assert percent(1 / 24) == "4%"
    assert percent(None) == MISSING
    assert percent_number(0.4) == "40"


def test_numbers_use_the_decimal_comma():
    assert decimal(4.45) == "4,5"
    assert decimal(2.25) == "2,3"
    assert integer(1075) == "1075"
    assert integer(2.5) == "3"
    assert integer(None) == MISSING


def test_ranked_alt_text_gives_range_and_means():
    text = alttext.ranked(
        "antal insatser per kommun i Testlän", ["A", "B", "C"], [57, 44, 32], [("Länet", 44.4), ("Riket", 41.2)]
    )
    assert text.startswith("Liggande stapeldiagram: antal insatser per kommun i Testlän, 3 staplar")
    assert "från 32 (C) till 57 (A)" in text
    assert "Medelvärdet är 44 för länet och 41 för riket." in text


def test_stacked_alt_text_names_the_largest_category():
    # Percent signs in running text follow a no-break space.
    text = alttext.stacked(
        "form per kommun",
        ["K1", "K2", "Länet"],
        ["Fysisk", "Båda", "Digital"],
        [[70, 20, 10], [40, 50, 10], [55, 35, 10]],
        summary_rows=(2,),
    )
    assert "Länet: störst är fysisk (55\u00a0%)" in text
    assert "K2: störst är båda (50\u00a0%)" in text


def test_distribution_alt_text():
    text = alttext.distribution("individer", ["1–20", "21–100"], [25.0, 75.0], 4)
    assert "100 % = 4" in text and "Vanligast är 21–100 (75\u00a0%)" in text
