"""The Skåne deck with native PowerPoint charts (``--charts editable``, issue 15).

What an analyst who opens the deck in PowerPoint finds: a chart for every chart of the
deck and no chart pictures, each described by its alt text, its data the figures of
``reportgen metrics``, and a file that Office's schemas accept.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from reportgen.deck.model import ChartSpec, Deck
from tests.e2e.conftest import Built

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def native(built_editable: Path, deck_model: Deck) -> dict[str, tuple[ChartSpec, object]]:
    """Every chart of the file by its spec's key, in slide order beside the model's."""
    prs = Presentation(str(built_editable))
    frames = [shape for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert len(frames) == len(deck_model.charts)
    return {spec.key: (spec, frame) for spec, frame in zip(deck_model.charts, frames, strict=True)}


def test_every_chart_of_the_deck_is_a_native_chart_and_none_a_picture(built_editable: Path, deck_model: Deck):
    prs = Presentation(str(built_editable))
    charts = [shape for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    pictures = [shape for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(charts) == len(deck_model.charts) >= 130
    assert pictures == []


def test_every_chart_carries_its_alt_text(native):
    for spec, frame in native.values():
        c_nv_pr = frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr")[0]
        assert c_nv_pr.get("descr") == spec.alt_text and spec.alt_text.strip()


def _read(frame) -> tuple[list[str], list[list[float]]]:
    plot = frame.chart.plots[0]
    return list(plot.categories), [list(series.values) for series in plot.series]


def test_offered_per_municipality_reads_back_as_the_metrics(native, built: Built):
    area = built.metrics["areas"]["äldre"]
    _, frame = native["aldre/insatsutbud/kommun"]
    categories, (values,) = _read(frame)
    shown = [r for r in area["per_respondent"] if r["answered"] or r["offered"]]
    assert categories == [r["name"] for r in shown] + ["Länet (snitt)", "Riket (snitt)"]
    assert values[: len(shown)] == [r["offered"] for r in shown]
    assert values[len(shown) :] == pytest.approx([area["offered_mean"], area["national"]["offered_mean"]], abs=1e-4)


def test_shares_per_municipality_read_back_as_the_metrics(native, built: Built):
    form = built.metrics["areas"]["våld i nära relationer"]["dimensions"]["form"]
    _, frame = native["vald-i-nara-relationer/form/kommun"]
    categories, series = _read(frame)
    rows = [r for r in form["per_respondent"] if r["n_pairs"]] + [form["total"], form["national_total"]]
    # each municipality's bar names its base: the insatser with an answer (issue 14)
    assert categories == [f"{r['label']} ({r['n_pairs']})" for r in rows[:-2]] + ["Länet", "Riket"]
    for values, category in zip(series, ("A", "AB", "B"), strict=True):
        # metrics gives shares to four decimals, the chart percent points unrounded
        assert values == pytest.approx([100 * r["shares"][category] for r in rows], abs=0.006)


def test_an_individuals_panel_reads_back_as_the_metrics(native, built: Built):
    dist = built.metrics["areas"]["våld i nära relationer"]["dimensions"]["form"]["individuals"]["A"]
    _, frame = native["vald-i-nara-relationer/form/individer/A"]
    categories, (values,) = _read(frame)
    assert categories == ["1–20", "21–100", "101–500", "Fler än 500", "Vet ej"]
    counts = [dist["counts"][b] for b in ("1-20", "21-100", "101-500", "500+", "vet_ej")]
    assert values == pytest.approx([100 * c / dist["n"] for c in counts])
    panels = [native[f"vald-i-nara-relationer/form/individer/{c}"][1] for c in ("A", "AB", "B")]
    assert len({p.chart.value_axis.maximum_scale for p in panels}) == 1  # one scale side by side


@pytest.mark.skipif(shutil.which("openxml-audit") is None, reason="openxml-audit is not installed")
def test_openxml_audit_finds_no_errors(built_editable: Path):
    out = subprocess.run(["openxml-audit", str(built_editable), "-o", "json"], capture_output=True, text=True)
    report = json.loads(out.stdout)
    assert report[0]["error_count"] == 0, report[0]["errors"][:5]
