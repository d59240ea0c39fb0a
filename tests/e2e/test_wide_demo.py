"""The wide demo export and the long demo data give the same figures and the same Skåne
deck (issue 21, acceptance): the survey tool's export needs no reshaping by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pptx import Presentation

from reportgen.cli import main
from tests.e2e.conftest import COUNTY, SLUG, Built


def _metrics(capsys: pytest.CaptureFixture[str], *data: str) -> str:
    assert main(["metrics", "--national", "--format", "json", *data]) == 0
    return capsys.readouterr().out


def test_national_metrics_json_is_identical(wide_demo: Path, capsys: pytest.CaptureFixture[str]):
    long = _metrics(capsys)
    wide = _metrics(capsys, "--data", str(wide_demo))
    assert wide == long
    figures = json.loads(long)
    assert figures["county"] == "Riket"
    assert len(figures["areas"]) == 6
    assert figures["areas"]["äldre"]["respondents"] == 302


def deck_text(path: Path) -> list[list[str]]:
    """Every slide's texts in shape order: text frames, table cells and picture alt texts
    (computed from each chart's data, so a chart drawn from other figures differs too)."""
    slides = []
    for slide in Presentation(str(path)).slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
            descr = shape._element.xpath("./*[1]/p:cNvPr/@descr")
            texts += [str(d) for d in descr]
        slides.append(texts)
    return slides


@pytest.mark.slow
def test_skane_deck_from_the_wide_export_is_the_same(built: Built, wide_demo: Path, tmp_path: Path):
    out = tmp_path / "output"
    args = ["build", "--county", COUNTY, "--data", str(wide_demo), "--out", str(out)]
    assert main([*args, "--formats", "pptx", "--no-municipality-files", "--jobs", "1"]) == 0
    wide = deck_text(out / SLUG / f"{SLUG}-analysrapport.pptx")
    long = deck_text(built.pptx)
    assert len(wide) == len(long) >= 150
    for number, (w, g) in enumerate(zip(wide, long, strict=True), start=1):
        assert w == g, f"slide {number} differs"
    # The synthetic label survives: the export carries the SYNTHETIC marker.
    assert any("syntetisk" in text.lower() for text in wide[0])
