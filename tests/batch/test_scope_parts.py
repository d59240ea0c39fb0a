"""How one scope's build is cut into parts for the job runner (issue 19). That the parts
give the same files over two workers as in one process is shown byte for byte by
``tests/e2e/test_reproducible.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.batch import county
from reportgen.batch.county import ScopeResult
from reportgen.batch.scope_parts import Part, ScopeWork, Timings, chart_parts, part_failed, render_parts
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


def test_charts_go_in_runs_of_ten_in_deck_order():
    keys = [f"k{i}" for i in range(23)]
    parts = chart_parts(dict.fromkeys(keys))
    assert [len(p.items) for p in parts] == [10, 10, 3]
    assert [k for p in parts for k in p.items] == keys
    assert {p.kind for p in parts} == {"charts"}


def test_the_deck_files_come_first_then_the_municipalities_two_by_two():
    parts = render_parts(_work(("pptx", "pdf", "xlsx"), profiles=5), municipality_files=True)
    assert [p.kind for p in parts] == ["pptx", "xlsx", "pdf", "municipalities", "municipalities", "municipalities"]
    assert [p.items for p in parts[3:]] == [(0, 1), (2, 3), (4,)]


def test_the_bundles_bring_the_pdf_and_the_workbook_even_when_not_asked_for():
    assert [p.kind for p in render_parts(_work(("pptx",), profiles=1), municipality_files=True)] == [
        "pptx",
        "xlsx",
        "pdf",
        "municipalities",
    ]
    assert [p.kind for p in render_parts(_work(("pptx",), profiles=0), municipality_files=False)] == ["pptx"]


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
