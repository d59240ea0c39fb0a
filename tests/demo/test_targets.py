"""The calibration targets agree with their sources."""

from __future__ import annotations

import yaml

from reportgen.demo.skane_seed import extract, find_seed
from reportgen.demo.targets import NATIONAL_ANSWERED, NATIONAL_FURTHER_PCT, load_national, load_skane
from reportgen.paths import DATA_DIR


def test_skane_yaml_is_the_extraction_of_the_seed() -> None:
    seed = find_seed()
    committed = yaml.safe_load((DATA_DIR / "calibration" / "skane.yaml").read_text(encoding="utf-8"))
    if seed is not None:
        assert extract(seed) == committed
    assert set(committed["areas"]) == set(NATIONAL_ANSWERED)


def test_riket_figures_quoted_in_the_skane_deck_match_the_constants() -> None:
    committed = yaml.safe_load((DATA_DIR / "calibration" / "skane.yaml").read_text(encoding="utf-8"))
    for area, figures in committed["areas"].items():
        assert figures["national_answered"] == NATIONAL_ANSWERED[area], area
        if "national_further_pct" in figures:
            assert figures["national_further_pct"] == NATIONAL_FURTHER_PCT[area], area


def test_skane_targets_hand_checked_values() -> None:
    aldre = load_skane().areas["äldre"]
    headline = (aldre.answered, aldre.completed, aldre.mean, aldre.min, aldre.max, aldre.further_pct)
    assert headline == (28, 25, 44, 32, 57, 40)
    assert [r.offered for r in aldre.top10] == [25] * 9 + [24]
    assert aldre.dimensions["beslut"].total == 1064
    assert aldre.dimensions["form"].individuals_n == {"A": 723, "AB": 263, "B": 39}
    vald = load_skane().areas["våld i nära relationer"]
    assert (vald.answered, vald.completed, vald.min, vald.max) == (29, 0, 4, 29)
    assert [r.insats_id for r in vald.dimensions["form"].top5["B"]] == ["VNR033", "VNR005", "VNR010", "VNR024"]


def test_national_appendix_rows() -> None:
    national = load_national()
    assert national["ALD004"].given.count == 245 and national["ALD004"].given.pct == 100
    assert national["ALD004"].dimensions["form"].count == 96
    assert national["BOU040"].dimensions["regi"].pct is None  # printed "-": nobody answered
