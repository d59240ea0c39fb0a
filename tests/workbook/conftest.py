"""Fixtures of the workbook tests; the survey itself is in ``workbook_survey``."""

from __future__ import annotations

import pytest

from reportgen.survey import Survey
from tests.workbook.workbook_survey import make_survey


@pytest.fixture(scope="module")
def survey() -> Survey:
    return make_survey()
