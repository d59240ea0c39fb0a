from __future__ import annotations

import pytest

from reportgen.metrics.compute import compute_all
from reportgen.metrics.model import ScopeMetrics
from reportgen.survey import Survey

from .fixture import hand_survey


@pytest.fixture(scope="session")
def survey() -> Survey:
    return hand_survey()


@pytest.fixture(scope="session")
def metrics(survey: Survey) -> dict[str, ScopeMetrics]:
    """Every scope of the hand-built survey: riket, skane-lan, gotlands-lan, uppsala-lan."""
    return compute_all(survey)
