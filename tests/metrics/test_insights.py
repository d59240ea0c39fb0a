from __future__ import annotations

import pytest

from reportgen.metrics.insights import AreaFigure, Spread, national_insights


def test_national_insights(metrics):
    insights = national_insights(metrics["riket"])
    assert insights.spreads == (Spread("äldre", 3, 6), Spread("våld i nära relationer", 2, 2))
    assert insights.widest_spread == Spread("äldre", 3, 6) and insights.widest_spread.range == 3
    # Riket regi pairs in äldre: 12 of 17 kommunal only; VNR has no pairs and is skipped.
    assert insights.kommunal_only == (AreaFigure("äldre", pytest.approx(12 / 17)),)
    assert insights.highest_further == AreaFigure("äldre", pytest.approx(0.6))
    assert insights.further[1] == AreaFigure("våld i nära relationer", 0.0)
    assert insights.highest_without_decision_only == AreaFigure("äldre", pytest.approx(5 / 17))
    assert insights.lowest_digital_only == AreaFigure("äldre", pytest.approx(4 / 18))
    assert insights.highest_wish == AreaFigure("äldre", pytest.approx(0.4))
    assert insights.lowest_wish == AreaFigure("våld i nära relationer", 0.0)
