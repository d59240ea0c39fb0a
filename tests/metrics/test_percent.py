from __future__ import annotations

import numpy as np
import pytest

from reportgen.metrics.percent import whole_percent, whole_percents


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [
        pytest.param(1, 8, 13, id="12.5-half-up"),
        pytest.param(1, 200, 1, id="0.5-half-up"),
        pytest.param(57, 200, 29, id="28.5-half-up"),
        pytest.param(2, 3, 67, id="66.7"),
        pytest.param(1, 3, 33, id="33.3"),
        pytest.param(3, 3, 100, id="all"),
        pytest.param(0, 0, None, id="nobody-answered"),
    ],
)
def test_whole_percent(count, total, expected):
    assert whole_percent(count, total) == expected


def test_whole_percents_nullable():
    result = whole_percents(np.array([1, 0, 57]), np.array([8, 0, 200]))
    assert str(result.dtype) == "Int64"
    assert result.isna().tolist() == [False, True, False]
    assert [result[0], result[2]] == [13, 29]
