"""The parts shared by a county's workbooks (``workbook.scope_cache``): the same models
as without the cache, built once, with the notes numbered as if built again."""

from __future__ import annotations

import pytest

from reportgen.deck.layout import load_layouts
from reportgen.metrics.compute import compute_scope
from reportgen.metrics.model import Scope
from reportgen.metrics.scope import RIKET, SurveyTables
from reportgen.survey import Survey
from reportgen.workbook import texts
from reportgen.workbook.builder import build_workbook
from reportgen.workbook.front import NoteRefs
from reportgen.workbook.model import Sheet
from reportgen.workbook.scope_cache import ScopeCache, ScopeCacheMismatch

SKANE = Scope("Skåne län", "12", "skane-lan")


@pytest.fixture(scope="module")
def inputs(survey: Survey) -> dict[str, object]:
    tables = SurveyTables.prepare(survey)
    national = compute_scope(survey, RIKET, tables=tables)
    metrics = compute_scope(survey, SKANE, tables, national)
    return {"tables": tables, "national": national, "metrics": metrics, "layouts": load_layouts()}


def test_cached_workbooks_equal_the_ones_built_alone(survey: Survey, inputs: dict[str, object]) -> None:
    units = [str(u) for u in survey.register.units_of("12").index]
    assert len(units) >= 2
    cache = ScopeCache()
    plans: list[list[str] | None] = [None, *([u] for u in units), units[:2]]
    for wanted in plans:
        alone = build_workbook(survey, SKANE, synthetic=True, units=wanted, **inputs)  # type: ignore[arg-type]
        shared = build_workbook(survey, SKANE, synthetic=True, units=wanted, cache=cache, **inputs)  # type: ignore[arg-type]
        assert shared == alone, wanted


def test_a_second_unit_reuses_the_county_sheets(survey: Survey, inputs: dict[str, object]) -> None:
    first, second = (str(u) for u in survey.register.units_of("12").index[:2])
    cache = ScopeCache()
    one = build_workbook(survey, SKANE, synthetic=True, units=[first], cache=cache, **inputs)  # type: ignore[arg-type]
    two = build_workbook(survey, SKANE, synthetic=True, units=[second], cache=cache, **inputs)  # type: ignore[arg-type]
    for name in (texts.CATALOG_SHEET, texts.RESPONSE_SHEET, texts.GROUPS_SHEET, texts.WISH_SHEET):
        assert two.sheet(name) is one.sheet(name)
    assert two.sheet(texts.UNITS_SHEET) != one.sheet(texts.UNITS_SHEET)  # the unit's own rows


def test_a_cache_refuses_another_scopes_figures(survey: Survey, inputs: dict[str, object]) -> None:
    cache = ScopeCache()
    build_workbook(survey, SKANE, synthetic=True, cache=cache, **inputs)  # type: ignore[arg-type]
    with pytest.raises(ScopeCacheMismatch):
        build_workbook(survey, SKANE, synthetic=True, cache=cache, **{**inputs, "layouts": load_layouts()})  # type: ignore[arg-type]


def test_a_hit_hands_out_the_sheets_notes_and_depends_on_the_notes_before() -> None:
    built: list[str] = []

    def build(notes: NoteRefs) -> Sheet:
        built.append(notes.ref("b", "a"))
        return Sheet("Flik", built[-1])

    cache = ScopeCache()
    first, again, later = NoteRefs({"a": "A", "b": "B"}), NoteRefs({"a": "A", "b": "B"}), NoteRefs({"a": "A", "b": "B"})
    assert cache.sheet("Flik", first, lambda: build(first)).title == "[not 1] [not 2]"
    assert cache.sheet("Flik", again, lambda: build(again)).title == "[not 1] [not 2]"
    assert again.handed_out() == ("b", "a") and len(built) == 1
    later.ref("a")  # another state before the sheet: other labels, so built anew
    assert cache.sheet("Flik", later, lambda: build(later)).title == "[not 2] [not 1]"
    assert len(built) == 2
