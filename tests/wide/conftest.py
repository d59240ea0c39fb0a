"""Wide-export fixtures: a private copy of the session's wide demo export (tests/conftest.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.catalog import Catalog
from reportgen.io.write_wide import wide_file_name


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
