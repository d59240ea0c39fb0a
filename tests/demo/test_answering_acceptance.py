"""Issue 14 acceptance, first line: answering units and the means over them.

``reportgen metrics --national --format json`` on the bundled data gives every area's
``with_answers`` (SPEC §9's counts) and an ``offered_mean`` equal to Σ(appendix "given")
/ ``with_answers``; every county's mean is the mean over its own answering units
(computed here directly with pandas), and the counties' answering units add up to
Riket's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportgen.catalog import Catalog
from reportgen.cli import main
from reportgen.demo.targets import NATIONAL_ANSWERED, load_national
from reportgen.metrics.compute import compute_all
from reportgen.survey import Survey
from tests.demo.conftest import headline

#: SPEC §9's counts of svarande kommuner, which are answering units.
WITH_ANSWERS = NATIONAL_ANSWERED


def test_the_counts_are_the_specs() -> None:
    assert [WITH_ANSWERS[area] for area in Catalog.load().areas] == [245, 235, 214, 236, 216, 240]


@pytest.fixture(scope="module")
def national_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("metrics") / "riket.json"
    assert main(["metrics", "--national", "--format", "json", "--out", str(out)]) == 0
    return json.loads(Path(out).read_text(encoding="utf-8"))


def test_riket_with_answers_and_mean_from_the_appendix(national_json: dict, survey: Survey) -> None:
    national = load_national()
    for area, units in WITH_ANSWERS.items():
        got = national_json["areas"][area]
        assert got["with_answers"] == units, area
        ids = survey.catalog.area(area).index
        given = sum(national[iid].given.count for iid in ids)
        assert got["offered_mean"] == pytest.approx(given / units, abs=0.01), area
    assert national_json["areas"]["äldre"]["offered_mean"] == pytest.approx(10_853 / 245, abs=0.01)


def test_every_county_mean_is_over_its_answering_units(survey: Survey) -> None:
    scopes = compute_all(survey)
    for county in survey.register.all_counties:
        units = survey.register.units_of(county.code).index
        metrics = scopes[county.slug]
        for area in WITH_ANSWERS:
            direct = headline(survey, area, units)
            got = metrics.areas[area]
            assert got.response.with_answers == direct["with_answers"], (county.name, area)
            if direct["with_answers"]:
                assert got.offer.mean == pytest.approx(direct["mean"]), (county.name, area)


def test_counties_add_up_to_riket(national_json: dict, survey: Survey) -> None:
    scopes = compute_all(survey)
    counties = [scopes[c.slug] for c in survey.register.all_counties]
    assert len(counties) == 21
    for area, units in WITH_ANSWERS.items():
        assert sum(c.areas[area].response.with_answers for c in counties) == units, area
        assert national_json["areas"][area]["with_answers"] == units
