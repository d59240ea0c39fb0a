from __future__ import annotations

import pytest

from reportgen.metrics.insights import AreaFigure, Extreme, Spread, highest, lowest, national_insights


def test_national_insights(metrics):
    insights = national_insights(metrics["riket"])
    assert insights.spreads == (Spread("äldre", 3, 6), Spread("våld i nära relationer", 2, 2))
    assert insights.widest_spread == (Spread("äldre", 3, 6),) and insights.widest_spread[0].range == 3
    # Riket regi pairs in äldre: 12 of 17 kommunal only (70.6 → 71 %); VNR has no pairs and is skipped.
    assert insights.kommunal_only == (AreaFigure("äldre", pytest.approx(12 / 17), 71),)
    assert highest(insights.further) == Extreme(("äldre",), 60)
    assert insights.further[1] == AreaFigure("våld i nära relationer", 0.0, 0)
    assert highest(insights.without_decision_only) == Extreme(("äldre",), 29)  # 5 / 17
    assert lowest(insights.digital_only) == Extreme(("äldre",), 22)  # 4 / 18
    assert highest(insights.wish) == Extreme(("äldre",), 40)
    assert lowest(insights.wish) == Extreme(("våld i nära relationer",), 0)


def test_every_area_sharing_a_printed_extreme_is_named():
    # Issue 14 item 3: 94 / 235 = 40.0 % and 85.5 / 216 … both print 40 %; 3 % twice.
    figures = (
        AreaFigure("äldre", 7 / 245, 3),
        AreaFigure("barn och unga", 94 / 235, 40),
        AreaFigure("funktionshinder", 6 / 214, 3),
        AreaFigure("socialpsykiatri", 86 / 216, 40),
    )
    assert highest(figures) == Extreme(("barn och unga", "socialpsykiatri"), 40)
    assert lowest(figures) == Extreme(("äldre", "funktionshinder"), 3)
    assert highest(()) is None


def test_ties_are_decided_on_the_printed_percent(survey, metrics):
    # 0.3991 and 0.396 are different shares but both print 40 %: one is not "higher".
    figures = (AreaFigure("barn och unga", 0.3991, 40), AreaFigure("socialpsykiatri", 0.396, 40))
    assert highest(figures).areas == ("barn och unga", "socialpsykiatri")
