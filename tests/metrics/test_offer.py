"""Insatsutbud on the hand-built survey (tests/metrics/fixture.py has the grid)."""

from __future__ import annotations

import math

import pytest

from reportgen.metrics.model import GroupMean
from reportgen.metrics.offer import offered_by_insats, swedish_key
from reportgen.metrics.scope import RIKET, scope_for

ALDRE = "äldre"
VNR = "våld i nära relationer"


def test_offered_by_insats_skane(survey):
    frame = offered_by_insats(survey, scope_for(survey, "Skåne län"), ALDRE)
    assert frame.index.name == "insats_id"
    assert list(frame.index) == [f"ALD{i:03d}" for i in range(1, 13)]
    assert list(frame.columns[:4]) == ["insats", "offered", "answered", "share"]
    # Bjuv, Malmö, Lund responding; Landskrona's all-Ja row is ignored.
    assert list(frame["offered"]) == [3, 2, 2, 2, 2, 1, 2, 0, 0, 0, 0, 0]
    # ALD002: Lund blank; ALD009: Malmö "Vet ej" counts as answered; ALD011 nobody answered.
    assert list(frame["answered"]) == [3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3]
    expected = [1, 1, 2 / 3, 2 / 3, 2 / 3, 1 / 3, 2 / 3, 0, 0, 0, math.nan, 0]
    assert frame["share"].tolist() == pytest.approx(expected, nan_ok=True)
    assert frame.loc["ALD003", "insats"] == "Avlösning*"
    assert frame.loc["ALD004", "insats"] == "Samtalsstöd"
    assert frame.loc["ALD005", "insats"] == "Samtalsstöd*"


def test_offered_by_insats_marks_valdsutovare_and_counts_riket(survey):
    frame = offered_by_insats(survey, RIKET, "Våld i nära relationer")
    assert frame["insats"].tolist() == ["Skyddat boende", "Behandling", "Behandling**"]
    assert frame["offered"].tolist() == [2, 0, 2]
    assert frame["answered"].tolist() == [2, 1, 2]


def test_offered_by_insats_county_without_respondents(survey):
    frame = offered_by_insats(survey, scope_for(survey, "Uppsala"), VNR)
    assert frame["answered"].tolist() == [0, 0, 0]
    assert frame["share"].isna().all()


def test_offer_headline_skane(metrics):
    offer = metrics["skane-lan"].areas[ALDRE].offer
    assert offer.mean == pytest.approx(14 / 3)  # 6 + 5 + 3 over three responding
    assert (offer.min, offer.max, offer.minmax_from_completed) == (5, 6, True)  # Lund only påbörjad
    assert (offer.further_yes, offer.further_answered, offer.further_share) == (1, 2, 0.5)
    assert [(r.name, r.offered, r.completed) for r in offer.per_respondent] == [
        ("Bjuv", 6, True),
        ("Malmö", 5, True),
        ("Lund", 3, False),
    ]


def test_offer_without_completed_respondent_falls_back_and_flags(metrics):
    offer = metrics["uppsala-lan"].areas[ALDRE].offer
    assert offer.mean == pytest.approx(1.5)
    assert (offer.min, offer.max, offer.minmax_from_completed) == (1, 2, False)
    assert offer.further_share == 0.5


def test_offer_single_unit_county(metrics):
    m = metrics["gotlands-lan"].areas[ALDRE]
    assert (m.response.respondents, m.response.answered, m.response.completed, m.response.not_started) == (1, 1, 1, 0)
    assert (m.offer.mean, m.offer.min, m.offer.max, m.offer.further_share) == (3, 3, 3, 1.0)
    vnr = metrics["gotlands-lan"].areas[VNR].offer
    assert (vnr.min, vnr.max, vnr.minmax_from_completed) == (2, 2, False)


def test_offer_no_responding_in_area(metrics):
    m = metrics["uppsala-lan"].areas[VNR]
    assert m.response.answered == 0
    assert math.isnan(m.offer.mean)
    assert (m.offer.min, m.offer.max, m.offer.further_share, m.offer.per_respondent) == (None, None, None, ())


def test_offer_riket_and_reference_figures(metrics):
    riket = metrics["riket"].areas[ALDRE]
    assert riket.offer.mean == pytest.approx(20 / 6)
    assert (riket.offer.min, riket.offer.max) == (3, 6)  # among Bjuv, Malmö, Gotland
    assert riket.offer.further_share == pytest.approx(3 / 5)
    assert [r.name for r in riket.offer.per_respondent] == ["Bjuv", "Malmö", "Gotland", "Lund", "Enköping", "Uppsala"]
    skane = metrics["skane-lan"].areas[ALDRE]
    assert skane.national_offer_mean == pytest.approx(20 / 6)
    assert skane.national_further_share == pytest.approx(0.6)
    assert skane.national_response == riket.response


def test_group_means_county_vs_riket(metrics):
    assert metrics["skane-lan"].areas[ALDRE].group_means == (
        GroupMean("2.1", "Boende", pytest.approx(9 / 3), pytest.approx(14 / 6)),
        GroupMean("2.2", "Individ", pytest.approx(5 / 3), pytest.approx(6 / 6)),
        GroupMean("2.3", "Övrigt", 0.0, 0.0),
    )
    assert metrics["uppsala-lan"].areas[VNR].group_means[0].mean is None


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        pytest.param(
            ["Örebro", "Ale", "Åre", "Älmhult", "Östra Göinge"],
            ["Ale", "Åre", "Älmhult", "Örebro", "Östra Göinge"],
            id="swedish",
        ),
    ],
)
def test_swedish_key(names, expected):
    assert sorted(names, key=swedish_key) == expected
