"""The figures of a municipality profile (SPEC §8), worked out by hand on the fixture
survey (``fixture.py`` shows the grid).

Äldre in Skåne: Bjuv offers 001 002 003 004 005 007 (6 of 11 answered), Malmö 001 002
004 006 007 (5 of 11), Lund 001 003 005 (3 of 10: 002 and 011 blank); Landskrona has no
responses row. County mean (6 + 5 + 3) / 3; Riket adds Gotland 3, Uppsala 1, Enköping 2:
20 / 6. County shares: 001 3/3, 002 2/2, 003 2/3, 004 2/3, 005 2/3, 006 1/3, 007 2/3,
008 009 010 012 0/3, 011 nobody answered. Riket: 001 5/6, 002 4/5, 003 2/6, 004 3/6,
005 2/6, 006 1/6, 007 2/6, 008 1/6, 009 010 012 0/6.
"""

from __future__ import annotations

import pytest

from reportgen.metrics.profile import Place, UnitProfile, place_of, unit_profiles
from reportgen.metrics.scope import SurveyTables

from .fixture import ALDRE, VNR


@pytest.fixture(scope="module")
def profiles(survey, metrics) -> dict[str, UnitProfile]:
    found = unit_profiles(SurveyTables.prepare(survey), metrics["skane-lan"], metrics["riket"])
    return {p.name: p for p in found}


def _ids(items) -> list[tuple[str, float | None, float | None]]:
    return [(i.insats_id, i.county_share, i.national_share) for i in items]


def test_every_unit_of_the_county_in_register_order(profiles):
    assert list(profiles) == ["Bjuv", "Malmö", "Lund", "Landskrona"]


def test_count_means_and_place(profiles):
    malmo = profiles["Malmö"].areas[ALDRE]
    assert (malmo.offered, malmo.answered, malmo.catalog_size) == (5, 11, 12)
    assert malmo.county_mean == pytest.approx(14 / 3)
    assert malmo.national_mean == pytest.approx(20 / 6)
    assert (malmo.county_units, malmo.national_units) == (3, 6)
    assert malmo.place == Place(first=2, last=2, of=3)
    assert profiles["Bjuv"].areas[ALDRE].place == Place(1, 1, 3)
    assert profiles["Lund"].areas[ALDRE].place == Place(3, 3, 3)


def test_ties_share_a_place():
    assert place_of(4, (6, 4, 4, 4, 1)) == Place(first=2, last=4, of=5)
    assert place_of(4, (6, 4, 4, 4, 1)).tied
    assert not place_of(6, (6, 4, 1)).tied


def test_offered_list_least_common_in_the_county_first(profiles):
    # 006 (1/3), then the 2/3 ones by lower Riket share: 007 (2/6) before 004 (3/6),
    # then 002 (4/5) before 001 (5/6).
    assert _ids(profiles["Malmö"].areas[ALDRE].offered_insatser) == [
        ("ALD006", pytest.approx(1 / 3), pytest.approx(1 / 6)),
        ("ALD007", pytest.approx(2 / 3), pytest.approx(2 / 6)),
        ("ALD004", pytest.approx(2 / 3), pytest.approx(3 / 6)),
        ("ALD002", 1.0, pytest.approx(4 / 5)),
        ("ALD001", 1.0, pytest.approx(5 / 6)),
    ]


def test_not_offered_list_only_common_and_answered(profiles):
    """Malmö answered Nej or Vet ej to 003 005 008 009 010 012; only 003 and 005 are
    offered by at least half (of the county). Both 2/3 and 2/6: catalog order."""
    missing = profiles["Malmö"].areas[ALDRE].not_offered_common
    assert [(i.insats_id, i.insats) for i in missing] == [("ALD003", "Avlösning*"), ("ALD005", "Samtalsstöd*")]
    # Lund left 002 (offered by all who answered) blank: not answered is not "not offered".
    lund = profiles["Lund"].areas[ALDRE]
    assert _ids(lund.not_offered_common) == [
        ("ALD004", pytest.approx(2 / 3), pytest.approx(3 / 6)),
        ("ALD007", pytest.approx(2 / 3), pytest.approx(2 / 6)),
    ]
    assert lund.partly_answered and not profiles["Malmö"].areas[VNR].partly_answered


def test_own_answers_beside_the_county_and_riket(profiles):
    """Further: Skåne ja 1 of 2 answers (Lund blank), Riket 3 of 5. Wish ja: Skåne 1 of
    3, Riket 2 of 5 (Gotland blank); Bjuv chose 2.1 and 2.2."""
    bjuv, malmo, lund = (profiles[n].areas[ALDRE] for n in ("Bjuv", "Malmö", "Lund"))
    assert (malmo.further.answer, malmo.further.county_share, malmo.further.national_share) == ("nej", 0.5, 0.6)
    assert lund.further.answer is None
    assert (bjuv.wish.answer, bjuv.wish.groups) == ("ja", ("Boende", "Individ"))
    assert bjuv.wish.county_share == pytest.approx(1 / 3) and bjuv.wish.national_share == pytest.approx(0.4)
    assert (lund.wish.answer, lund.wish.groups) == ("vet_ej", ())


def test_form_regi_beslut_share_at_least_partly_b(profiles):
    """Malmö form: 001 AB, 002 AB, 004 A, 006 B, 007 A → 3 of 5; Skåne: Bjuv A AB B A A,
    Malmö, Lund A B A → 6 of 13. Regi: Malmö A AB A A (007 blank) → 1 of 4."""
    dims = {d.dimension: d for d in profiles["Malmö"].areas[ALDRE].dimensions}
    assert (dims["form"].n, dims["form"].mine, dims["form"].county) == (5, 0.6, pytest.approx(6 / 13))
    assert (dims["regi"].n, dims["regi"].mine) == (4, 0.25)
    assert (dims["beslut"].n, dims["beslut"].mine) == (4, 0.5)


def test_a_unit_that_did_not_answer_has_no_count_place_or_lists(profiles):
    landskrona = profiles["Landskrona"].areas[ALDRE]
    assert landskrona.status == "ej_paborjad"
    assert landskrona.offered is None and not landskrona.responded
    assert landskrona.place is None and landskrona.offered_insatser == () == landskrona.not_offered_common
    # Its own answers rows (every insats Ja) do not count: it never responded.
    assert landskrona.answered == 0
    assert landskrona.county_mean == pytest.approx(14 / 3)  # the comparison is still there
    assert profiles["Landskrona"].answered_areas == ()
    assert [a.area for a in profiles["Malmö"].answered_areas] == [ALDRE, VNR]


def test_no_profiles_for_riket(survey, metrics):
    with pytest.raises(ValueError, match="one county"):
        unit_profiles(SurveyTables.prepare(survey), metrics["riket"], metrics["riket"])
