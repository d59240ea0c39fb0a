from __future__ import annotations

import pytest

from reportgen.errors import ReportgenError
from reportgen.metrics.model import Scope
from reportgen.metrics.scope import RIKET, SurveyTables, all_scopes, area_key, scope_for


def test_scope_for_county_by_any_name(survey):
    expected = Scope("Skåne län", "12", "skane-lan")
    assert scope_for(survey, "Skåne län") == expected
    assert scope_for(survey, "skane") == expected
    assert scope_for(survey, "12") == expected


def test_scope_for_none_is_riket(survey):
    assert scope_for(survey, None) == RIKET
    assert RIKET.is_national and RIKET.slug == "riket"


def test_unknown_county_is_a_user_error(survey):
    with pytest.raises(ReportgenError):
        scope_for(survey, "Atlantis län")


def test_all_scopes_riket_first(survey):
    assert [s.slug for s in all_scopes(survey)] == ["riket", "uppsala-lan", "gotlands-lan", "skane-lan"]


def test_area_key_folds_case_and_letters(survey):
    assert area_key(survey, "Våld i nära relationer") == "våld i nära relationer"
    assert area_key(survey, "aldre") == "äldre"
    with pytest.raises(ReportgenError, match="äldre"):
        area_key(survey, "skola")


def test_only_responding_units_answers_are_kept(survey):
    """Landskrona has answer rows but no responses row: ej påbörjad, so nothing counts."""
    skane = SurveyTables.prepare(survey).select(scope_for(survey, "Skåne"))
    aldre = skane.areas["äldre"]
    assert list(aldre.units.index) == ["1260", "1280", "1281", "1282"]
    assert aldre.units.loc["1282", "status"] == "ej_paborjad"
    assert list(aldre.responding.index) == ["1260", "1280", "1281"]
    assert len(aldre.answers["unit"]) == 3 * 12
    assert list(aldre.wish_groups["respondent_id"]) == ["1260", "1260"]
