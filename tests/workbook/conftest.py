"""Fixtures of the workbook tests; the survey itself is in ``workbook_survey``."""

from __future__ import annotations

import pytest
from tests.workbook.workbook_survey import make_survey

from reportgen.survey import Survey


@pytest.fixture(scope="module")
def survey() -> Survey:
    return make_survey()
