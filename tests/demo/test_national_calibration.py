"""Riket of the demo data reproduces the national appendix and SPEC §9 (issue 2 item 6)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reportgen.demo.allocate import percent
from reportgen.demo.generate import Generated
from reportgen.demo.targets import (
    NATIONAL_ANSWERED,
    NATIONAL_FURTHER_PCT,
    NATIONAL_WISH_PCT,
    load_national,
)
from reportgen.survey import Survey
from tests.demo.conftest import headline, per_insats, responding

#: SPEC §9's counts are the units that left at least one answer ("svarande kommuner",
#: the notes' "Endast de kommuner som har lämnat ett svar"): the appendix prints
#: Hemtjänst as given by 245 of 245 answering, while Skåne has 28 responding units of
#: which only 25 answered any insats. Skåne's påbörjad units without an answer come on
#: top of the responding count (docs/demo-data.md).
EXPECTED_WITH_ANSWERS = NATIONAL_ANSWERED


def test_every_insats_matches_the_appendix(survey: Survey) -> None:
    table = per_insats(survey)
    wrong = []
    for iid, target in load_national().items():
        row = table.loc[iid]
        got = [int(row["offered"]), percent(int(row["offered"]), int(row["answered"])) if row["answered"] else 0]
        want = [target.given.count, target.given.pct]
        for dim, ratio in target.dimensions.items():
            n, k = int(row[f"{dim}_n"]), int(row[f"{dim}_k"])
            got += [k, percent(k, n) if n else None]
            want += [ratio.count, ratio.pct]
        if got != want:
            wrong.append(f"{iid}: {got} ≠ {want}")
    assert not wrong, "\n".join(wrong[:20])
    assert len(load_national()) == 409


def test_follow_ups_only_for_offered(survey: Survey) -> None:
    answers = survey.answers
    not_offered = ~answers["offered"].isin(("ja", "lokal"))
    for column in ("beslut", "regi", "form", "individuals", "trend"):
        assert answers.loc[not_offered, column].isna().all(), column


def test_area_respondent_counts(survey: Survey, generated: Generated) -> None:
    rows = responding(survey)
    answering = survey.answers[survey.answers["offered"].notna()][["respondent_id", "area"]].drop_duplicates()
    with_answers = rows.merge(answering, on=["respondent_id", "area"]).groupby("area").size().to_dict()
    assert with_answers == EXPECTED_WITH_ANSWERS
    silent_in_skane = {"äldre": 3, "barn och unga": 1, "funktionshinder": 1, "missbruk och beroende": 1}
    counts = rows.groupby("area").size().to_dict()
    assert counts == {a: n + silent_in_skane.get(a, 0) for a, n in NATIONAL_ANSWERED.items()}
    assert not any("units with answers" in note for note in generated.notes)


def test_riket_further_shares(survey: Survey) -> None:
    for area, pct in NATIONAL_FURTHER_PCT.items():
        h = headline(survey, area)
        assert percent(h["further_yes"], h["further_answered"]) == pct, area


def test_wish_highest_in_barn_och_unga_lowest_in_funktionshinder(survey: Survey) -> None:
    resp = responding(survey)
    answered = resp[resp["wish"].notna()]
    yes = (answered["wish"] == "ja").groupby(answered["area"]).sum()
    total = answered.groupby("area").size()
    assert {area: percent(int(yes[area]), int(total[area])) for area in total.index} == NATIONAL_WISH_PCT
    shares = yes / total
    assert shares.idxmax() == "barn och unga" and shares.idxmin() == "funktionshinder"
    groups = survey.wish_groups.merge(answered[answered["wish"] == "ja"], on=["respondent_id", "area"])
    assert len(groups) >= (answered["wish"] == "ja").sum()  # every Ja names at least one huvudgrupp


def test_larger_units_offer_more_and_counties_differ(survey: Survey) -> None:
    units = survey.register.units
    offered = survey.answers[survey.answers["offered"].isin(("ja", "lokal"))]
    for area in survey.catalog.areas:
        resp = responding(survey)
        resp = resp[(resp["area"] == area) & (resp["status"] == "slutford")]
        per_unit = offered[offered["area"] == area].groupby("respondent_id").size()
        counts = per_unit.reindex(resp["respondent_id"], fill_value=0)
        frame = pd.DataFrame({"count": counts.to_numpy(), "pop": units.loc[resp["respondent_id"], "population"]})
        assert np.corrcoef(np.log(frame["pop"]), frame["count"])[0, 1] > 0.25, area
        by_county = frame.groupby(units.loc[resp["respondent_id"], "county_code"].to_numpy())["count"].mean()
        assert by_county.max() - by_county.min() > 5, area


def test_other_answers_filled(survey: Survey) -> None:
    offered = survey.answers[survey.answers["offered"].isin(("ja", "lokal"))]
    assert offered["individuals"].notna().mean() > 0.9
    assert offered["trend"].notna().mean() > 0.9
    assert set(offered["individuals"].dropna()) == {"1-20", "21-100", "101-500", "500+", "vet_ej"}
    assert set(offered["trend"].dropna()) == {"okat", "oforandrat", "minskat", "vet_ej"}
    assert set(survey.answers["offered"]) == {"ja", "lokal", "nej", "vet_ej"}
    assert survey.synthetic


def test_riket_mean_is_appendix_given_over_answering_units(survey: Survey) -> None:
    """SPEC §5: the national mean is Σ(appendix "given") / answering units (äldre 10 853 / 245)."""
    national = load_national()
    for area, units in EXPECTED_WITH_ANSWERS.items():
        given = sum(row.given.count for iid, row in national.items() if iid in survey.catalog.area(area).index)
        h = headline(survey, area)
        assert h["with_answers"] == units, area
        assert h["mean"] == pytest.approx(given / units, abs=1e-9), area
    aldre = sum(row.given.count for iid, row in national.items() if iid.startswith("ALD"))
    assert aldre == 10_853
