"""Fixtures shared across test folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.io.load import load_survey
from reportgen.io.write_wide import write_wide
from reportgen.survey import Survey


@pytest.fixture(scope="session")
def long_survey() -> Survey:
    """The bundled demo data (the long layout), loaded once."""
    return load_survey().survey


@pytest.fixture(scope="session")
def wide_demo(tmp_path_factory: pytest.TempPathFactory, long_survey: Survey) -> Path:
    """The demo data as a survey tool's wide export (issue 21), written from the long demo
    data so it follows whatever that holds: six area files and the SYNTHETIC marker. Do
    not modify it (``wide_copy`` in tests/wide gives a private copy)."""
    folder = tmp_path_factory.mktemp("wide") / "export"
    write_wide(long_survey, folder)
    return folder
