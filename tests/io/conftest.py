"""Shared fixtures for the answer-file tests: the real catalog and register, and a helper
that writes hand-made CSV files in any encoding and separator."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.catalog import Catalog
from reportgen.register import Register


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.load()


@pytest.fixture(scope="session")
def register() -> Register:
    return Register.load()


def _write_csv(path: Path, rows: list[list[str]], *, sep: str = ";", encoding: str = "utf-8") -> Path:
    """Rows joined by ``sep`` (cells are never quoted: write tests that need none)."""
    path.write_bytes(("\r\n".join(sep.join(row) for row in rows) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def write_csv():
    """``write_csv(path, rows, sep=";", encoding="utf-8")`` → path."""
    return _write_csv
