"""Means, minimum and maximum are over answering units (SPEC §5, issue 14 item 1).

Three units of one county answer äldre (five insatser in two huvudgrupper):

            001 002 003 004 005
  Ängelholm  J   J   J   N   J   slutförd
  Båstad     J   N   J   .   .   påbörjad
  Klippan    .   .   .   .   .   slutförd, but no insats question answered

Klippan is responding (answered 3, completed 2) but not answering (with_answers 2).
By hand: offered 4 and 2, so the mean is (4 + 2) / 2 = 3, not 6 / 3 = 2; min and max
over the slutförd answering units = Ängelholm's 4; per huvudgrupp 2.1 (001–003):
(3 + 2) / 2 = 2.5, 2.2 (004–005): (1 + 0) / 2 = 0.5.
"""

from __future__ import annotations

import pandas as pd
import pytest

from reportgen.metrics.compute import compute_all, compute_scope
from reportgen.metrics.profile import unit_profiles
from reportgen.metrics.scope import RIKET, SurveyTables, scope_for
from reportgen.metrics.serialize import area_json, summary_frame
from reportgen.survey import ANSWER_COLUMNS, RESPONSE_COLUMNS, WISH_GROUP_COLUMNS, Survey

from .strategies import catalog_from_rows, register_from

ALDRE = "äldre"
CATALOG = [
    ("ALD001", ALDRE, "2", "2.1", "Boende", "Hemtjänst", "person"),
    ("ALD002", ALDRE, "2", "2.1", "Boende", "Dagverksamhet", "person"),
    ("ALD003", ALDRE, "2", "2.1", "Boende", "Trygghetslarm", "person"),
    ("ALD004", ALDRE, "2", "2.2", "Individ", "Ledsagning", "person"),
    ("ALD005", ALDRE, "2", "2.2", "Individ", "Avlösning", "anhoriga"),
]
UNITS = [("1292", "Ängelholm", "12"), ("1278", "Båstad", "12"), ("1273", "Klippan", "12")]
CODE = {"J": "ja", "N": "nej", ".": None}


def _survey(grid: dict[str, str], status: dict[str, str]) -> Survey:
    ids = {name: rid for rid, name, _ in UNITS}
    answers = [
        (ids[name], f"ALD{i:03d}", CODE[cell], None, None, None, None, None, ALDRE)
        for name, row in grid.items()
        for i, cell in enumerate(row, start=1)
    ]
    responses = [(ids[name], ALDRE, s, "nej", None) for name, s in status.items()]
    return Survey(
        catalog=catalog_from_rows(CATALOG),
        register=register_from([("12", "Skåne län")], UNITS),
        responses=pd.DataFrame(responses, columns=RESPONSE_COLUMNS).astype("str"),
        wish_groups=pd.DataFrame([], columns=WISH_GROUP_COLUMNS),
        answers=pd.DataFrame(answers, columns=[*ANSWER_COLUMNS, "area"]).astype("str"),
    )


GRID = {"Ängelholm": "JJJNJ", "Båstad": "JNJ..", "Klippan": "....."}


@pytest.fixture(scope="module")
def skane():
    survey = _survey(GRID, {"Ängelholm": "slutford", "Båstad": "paborjad", "Klippan": "slutford"})
    return compute_scope(survey, scope_for(survey, "Skåne län")).areas[ALDRE]


def test_a_unit_that_answered_nothing_is_not_a_zero(skane) -> None:
    assert (skane.response.answered, skane.response.completed, skane.response.with_answers) == (3, 2, 2)
    assert skane.offer.mean == pytest.approx(3.0)
    # Klippan is slutförd but answered nothing: min and max are Ängelholm's alone.
    assert (skane.offer.min, skane.offer.max, skane.offer.minmax_from_completed) == (4, 4, True)
    assert [(g.huvudgrupp_id, g.mean) for g in skane.group_means] == [
        ("2.1", pytest.approx(2.5)),
        ("2.2", pytest.approx(0.5)),
    ]


def test_the_mean_is_the_mean_of_the_bars_shown(skane) -> None:
    shown = [r.offered for r in skane.offer.per_respondent if r.answered]
    assert shown == [4, 2]
    assert skane.offer.mean == pytest.approx(sum(shown) / len(shown))


def test_no_completed_answering_unit_falls_back_to_all_answering() -> None:
    # Only Klippan (no answers) finished: min / max over Ängelholm and Båstad, flagged.
    survey = _survey(GRID, {"Ängelholm": "paborjad", "Båstad": "paborjad", "Klippan": "slutford"})
    offer = compute_scope(survey, RIKET).areas[ALDRE].offer
    assert (offer.min, offer.max, offer.minmax_from_completed) == (2, 4, False)


def test_with_answers_is_serialised_beside_answered(skane) -> None:
    j = area_json(skane)
    assert (j["answered"], j["with_answers"]) == (3, 2)
    assert (j["national"]["answered"], j["national"]["with_answers"]) == (3, 2)
    assert j["offered_mean"] == 3.0
    # Klippan answered no insats question: its count is null, not a 0 (issue 14, 17).
    offered = {r["name"]: (r["offered"], r["answered"]) for r in j["per_respondent"]}
    assert offered == {"Ängelholm": (4, 5), "Båstad": (2, 3), "Klippan": (None, 0)}


def test_summary_csv_has_with_answers() -> None:
    survey = _survey(GRID, {"Ängelholm": "slutford", "Båstad": "paborjad", "Klippan": "slutford"})
    frame = summary_frame(compute_scope(survey, RIKET))
    columns = list(frame.columns)
    assert columns.index("with_answers") == columns.index("answered") + 1
    assert frame.loc[0, "with_answers"] == 2 and frame.loc[0, "national_with_answers"] == 2


def test_a_profile_never_shows_a_unit_without_answers_as_zero() -> None:
    """SPEC §8: Klippan started (slutförd) but answered no insats question: no count."""
    survey = _survey(GRID, {"Ängelholm": "slutford", "Båstad": "paborjad", "Klippan": "slutford"})
    scopes = compute_all(survey)
    profiles = {
        p.name: p.areas[ALDRE]
        for p in unit_profiles(SurveyTables.prepare(survey), scopes["skane-lan"], scopes["riket"])
    }
    assert (profiles["Ängelholm"].offered, profiles["Båstad"].offered) == (4, 2)
    assert profiles["Klippan"].offered is None and not profiles["Klippan"].responded
    assert profiles["Klippan"].status == "slutford"
    assert profiles["Ängelholm"].county_mean == pytest.approx(3.0)
