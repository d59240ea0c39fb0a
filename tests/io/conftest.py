"""Shared fixtures for the answer-file tests: the real catalog and register, and a helper
that writes hand-made CSV files in any encoding and separator."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.catalog import Catalog
from reportgen.register import Register

AREA_HEADER = ["kommunkod", "kommun", "område", "status", "ytterligare_insatser", "vill_ge_utan_beslut"]
INSATS_HEADER = ["kommunkod", "insats_id", "erbjuden", "beslut", "regi", "form", "individer", "utveckling"]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.load()


@pytest.fixture(scope="session")
def register() -> Register:
    return Register.load()


def write_csv(path: Path, rows: list[list[str]], *, sep: str = ";", encoding: str = "utf-8") -> Path:
    """Rows joined by ``sep`` (cells are never quoted: write tests that need none)."""
    path.write_bytes(("\r\n".join(sep.join(row) for row in rows) + "\r\n").encode(encoding))
    return path
