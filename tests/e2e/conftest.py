"""One real Skåne build from the bundled demo data, shared by every end-to-end test.

Building a whole county (about 180 slides in three formats, the web edition and 33
municipality files) is the slow part of the suite, so it happens once per session.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reportgen.batch.context import shared_context
from reportgen.batch.county import county_deck
from reportgen.cli import main
from reportgen.deck.model import Deck
from reportgen.metrics.compute import compute_scope
from reportgen.metrics.model import Scope

COUNTY = "Skåne län"
SLUG = "skane-lan"


@dataclass(frozen=True)
class Built:
    folder: Path
    pptx: Path
    pdf: Path
    xlsx: Path
    web: Path  # the web edition's folder
    metrics: dict[str, Any]
    riket: dict[str, Any]  # ``reportgen metrics --national``: the Riket figures beside the county's


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("e2e") / "output"
    formats = "pptx,pdf,xlsx,html"
    assert main(["build", "--county", COUNTY, "--out", str(out), "--jobs", "1", "--formats", formats]) == 0
    metrics_file, riket_file = out / "metrics.json", out / "riket.json"
    assert main(["metrics", "--county", COUNTY, "--format", "json", "--out", str(metrics_file)]) == 0
    assert main(["metrics", "--national", "--format", "json", "--out", str(riket_file)]) == 0
    folder = out / SLUG
    return Built(
        folder=folder,
        pptx=folder / f"{SLUG}-analysrapport.pptx",
        pdf=folder / f"{SLUG}-analysrapport.pdf",
        xlsx=folder / f"{SLUG}-resultat.xlsx",
        web=folder / f"{SLUG}-webb",
        metrics=json.loads(metrics_file.read_text(encoding="utf-8")),
        riket=json.loads(riket_file.read_text(encoding="utf-8")),
    )


@pytest.fixture(scope="session")
def built_editable(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same county's PPTX with native charts (``--charts editable``): the suite's one
    extra build, of the PowerPoint file alone."""
    out = tmp_path_factory.mktemp("e2e-editable") / "output"
    argv = ["build", "--county", COUNTY, "--out", str(out), "--jobs", "1", "--charts", "editable"]
    assert main([*argv, "--formats", "pptx", "--no-municipality-files"]) == 0
    return out / SLUG / f"{SLUG}-analysrapport.pptx"


@pytest.fixture(scope="session")
def deck_model() -> Deck:
    """The model of the deck ``built`` renders, built the way the batch builds it (the
    model alone: no charts drawn, no files)."""
    ctx = shared_context(None)
    county = ctx.survey.register.county(COUNTY)
    scope = Scope(county.name, county.code, county.slug)
    return county_deck(ctx, compute_scope(ctx.survey, scope, tables=ctx.tables, national=ctx.national))
