"""How one scope's build is cut into parts for the job runner (issue 19). That the parts
give the same files over two workers as in one process is shown byte for byte by
``tests/e2e/test_reproducible.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.batch import county
from reportgen.batch.county import ScopeResult
from reportgen.batch.scope_parts import Part, ScopeWork, Timings, part_failed, plan_parts
from reportgen.errors import ReportgenError
from reportgen.metrics.model import Scope


def _work(formats: tuple[str, ...], profiles: int) -> ScopeWork:
    # Only the fields the plan reads; the parts themselves are never run here.
    return ScopeWork(
        ctx=None,  # type: ignore[arg-type]
        metrics=None,  # type: ignore[arg-type]
        counties=(),
        deck=None,  # type: ignore[arg-type]
        folder=Path("."),
        formats=formats,
        chart_mode="pictures",
        template=None,
        layouts=None,  # type: ignore[arg-type]
        profiles=tuple(object() for _ in range(profiles)),  # type: ignore[misc]
    )


def test_charts_go_in_runs_of_ten_in_deck_order_first():
    keys = [f"k{i}" for i in range(23)]
    first, second = plan_parts(_work(("pptx", "pdf"), profiles=0), dict.fromkeys(keys), municipality_files=False)
    assert [(p.kind, len(p.items)) for p in first] == [("charts", 10), ("charts", 10), ("charts", 3)]
    assert [k for p in first for k in p.items] == keys
    assert [p.kind for p in second] == ["pptx", "pdf"]


def test_what_needs_no_chart_goes_beside_them_and_two_runs_of_municipalities_beside_the_deck():
    first, second = plan_parts(_work(("pptx", "pdf", "xlsx"), profiles=9), {"k": None}, municipality_files=True)
    assert [p.kind for p in first] == ["charts", "xlsx", "municipalities", "municipalities", "municipalities"]
    assert [p.items for p in first[2:]] == [(0, 1), (2, 3), (4, 5)]
    assert [(p.kind, p.items) for p in second] == [
        ("pptx", ()),
        ("pdf", ()),
        ("municipalities", (6, 7)),
        ("municipalities", (8,)),
    ]


def test_the_bundles_bring_the_pdf_and_the_workbook_even_when_not_asked_for():
    first, second = plan_parts(_work(("pptx",), profiles=1), {}, municipality_files=True)
    assert [p.kind for p in first] == ["xlsx"]
    assert [p.kind for p in second] == ["pptx", "pdf", "municipalities"]
    first, second = plan_parts(_work(("xlsx",), profiles=0), {}, municipality_files=False)
    assert ([p.kind for p in first], second) == (["xlsx"], [])


def test_timings_add_up_over_parts():
    total = Timings({"figures": 1.0}, {"figures": 0.5})
    total.add(Timings({"figures": 2.0, "pdf": 0.25}, {"figures": 1.5, "pdf": 0.2}))
    assert total.stages == {"figures": 3.0, "pdf": 0.25}
    assert total.cpu == {"figures": 2.0, "pdf": 0.2}


def test_a_failed_part_fails_the_scope_with_its_reason():
    result = ScopeResult(Scope("Gotlands län", "09", "gotlands-lan"))
    with pytest.raises(ReportgenError, match="internal error: KeyError: 'slides'"):
        county._run_parts(_work(("pdf",), 0), [Part("slides")], 1, result)
    assert part_failed(Part("pdf"), "x").error == "x"
