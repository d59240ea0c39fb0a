"""The bundled demo data as a survey tool's wide export (issue 21), made once per session
from the long demo data: it follows whatever the demo data holds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.catalog import Catalog
from reportgen.io.load import load_survey
from reportgen.io.write_wide import wide_file_name, write_wide
from reportgen.survey import Survey


@pytest.fixture(scope="session")
def long_survey() -> Survey:
    return load_survey().survey


@pytest.fixture(scope="session")
def wide_demo(tmp_path_factory: pytest.TempPathFactory, long_survey: Survey) -> Path:
    """A folder with the six area exports and the SYNTHETIC marker (do not modify it)."""
    folder = tmp_path_factory.mktemp("wide") / "export"
    write_wide(long_survey, folder)
    return folder


@pytest.fixture
def wide_copy(tmp_path: Path, wide_demo: Path) -> Path:
    """A private copy of the wide demo export, free to change."""
    folder = tmp_path / "export"
    shutil.copytree(wide_demo, folder)
    return folder


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.load()


def area_file(folder: Path, area: str) -> Path:
    return folder / wide_file_name(area)
