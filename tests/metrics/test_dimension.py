"""Form / regi / beslut on the hand-built survey (one code path, SPEC §5).

Skåne's form answers over offered pairs (blank ones left out; Bjuv's form on the
non-offered ALD006 is ignored):
  Bjuv  001 A, 002 AB, 003 B, 004 A, 007 A      (005 blank)
  Malmö 001 AB, 002 AB, 004 A, 006 B, 007 A
  Lund  001 A, 003 B, 005 A
"""

from __future__ import annotations

import pytest

from reportgen.metrics.model import CategoryShares, Distribution

ALDRE = "äldre"


@pytest.fixture
def form(metrics):
    return metrics["skane-lan"].areas[ALDRE].dimensions["form"]


def test_total_over_all_pairs(form):
    assert form.total == CategoryShares("lan", "Skåne län", 13, 3, {"A": 7, "AB": 3, "B": 3})
    assert form.total.share("A") == pytest.approx(7 / 13)


def test_national_total_is_riket(metrics, form):
    # Riket adds Gotland 001 A, 002 B, 008 AB; Uppsala 001 A; Enköping 004 AB (002 blank).
    expected = CategoryShares("riket", "Riket", 18, 6, {"A": 9, "AB": 5, "B": 4})
    assert form.national_total == expected
    assert metrics["riket"].areas[ALDRE].dimensions["form"].total == expected


def test_regi_and_beslut_totals_same_code_path(metrics):
    dims = metrics["skane-lan"].areas[ALDRE].dimensions
    assert dims["regi"].total.counts == {"A": 8, "AB": 2, "B": 2}
    assert dims["regi"].total.n_pairs == 12
    assert dims["beslut"].total.counts == {"A": 7, "AB": 2, "B": 4}
    assert dims["beslut"].total.n_pairs == 13
    assert list(dims) == ["form", "regi", "beslut"]


def test_per_insats(form):
    per = dict(form.per_insats)
    assert list(per) == ["ALD001", "ALD002", "ALD003", "ALD004", "ALD005", "ALD006", "ALD007"]  # n > 0 only
    one = per["ALD001"]
    assert (one["A"].n, one["A"].count, one["AB"].count, one["B"].count) == (3, 2, 1, 0)
    assert one["A"].share == pytest.approx(2 / 3)
    assert (per["ALD005"]["A"].n, per["ALD005"]["A"].count) == (1, 1)  # Bjuv blank, Lund A
    assert per["ALD005"]["A"].insats == "Samtalsstöd*"


def test_top3_and_top5_rank_by_count_then_share_then_catalog(form):
    # A: 004 2 (1.0), 007 2 (1.0), 001 2 (0.67), 005 1 (1.0)
    assert [r.insats_id for r in form.top3["A"]] == ["ALD004", "ALD007", "ALD001"]
    assert [r.insats_id for r in form.top5["A"]] == ["ALD004", "ALD007", "ALD001", "ALD005"]
    # AB: 002 2, 001 1; B: 003 2, 006 1. Count-0 insatser are left out.
    assert [r.insats_id for r in form.top5["AB"]] == ["ALD002", "ALD001"]
    assert [(r.insats_id, r.count, r.n) for r in form.top3["B"]] == [("ALD003", 2, 2), ("ALD006", 1, 1)]
    assert form.top3["B"][0].insats == "Avlösning*"


def test_per_respondent_in_offered_chart_order(form):
    assert form.per_respondent == (
        CategoryShares("1260", "Bjuv", 5, 1, {"A": 3, "AB": 1, "B": 1}),
        CategoryShares("1280", "Malmö", 5, 1, {"A": 2, "AB": 2, "B": 1}),
        CategoryShares("1281", "Lund", 3, 1, {"A": 2, "AB": 0, "B": 1}),
    )


def test_per_group_with_respondent_counts(form):
    assert form.per_group == (
        CategoryShares("2.1", "Boende", 9, 3, {"A": 4, "AB": 3, "B": 2}),
        CategoryShares("2.2", "Individ", 4, 3, {"A": 3, "AB": 0, "B": 1}),
        CategoryShares("2.3", "Övrigt", 0, 0, {"A": 0, "AB": 0, "B": 0}),
    )
    assert form.per_group[2].share("A") is None


def test_per_group_n_respondents_counts_units_not_pairs(metrics):
    # Riket 2.2 form pairs: Bjuv 007, Malmö 006 and 007, Lund 005, Gotland 008 → 5 pairs, 4 units.
    group = metrics["riket"].areas[ALDRE].dimensions["form"].per_group[1]
    assert (group.n_pairs, group.n_respondents) == (5, 4)


def test_individuals_per_category_with_blank_answers(form):
    zero = {"1-20": 0, "21-100": 0, "101-500": 0, "500+": 0, "vet_ej": 0}
    assert form.individuals["A"] == Distribution("A", 7, 6, {**zero, "1-20": 3, "21-100": 1, "101-500": 1, "500+": 1})
    assert form.individuals["AB"] == Distribution("AB", 3, 2, {**zero, "21-100": 2})
    assert form.individuals["B"] == Distribution("B", 3, 2, {**zero, "1-20": 2})


def test_area_with_no_answers(metrics):
    vnr = metrics["skane-lan"].areas["våld i nära relationer"].dimensions["beslut"]
    assert vnr.total.n_pairs == 0 and vnr.total.share("A") is None
    assert vnr.per_insats == () and vnr.top3 == {"A": (), "AB": (), "B": ()}
    assert [r.n_pairs for r in vnr.per_respondent] == [0]
