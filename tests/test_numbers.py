from __future__ import annotations

import pytest

from reportgen.numbers import decimal, integer, percent, value


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        pytest.param(64.4, "64%", id="down"),
        pytest.param(64.5, "65%", id="half-up-not-even"),
        pytest.param(100 * 29 / 45, "64%", id="division"),
        pytest.param(100 * 0.645, "65%", id="float-noise-half"),
        pytest.param(0.0, "0%", id="zero"),
        pytest.param(100.0, "100%", id="all"),
    ],
)
def test_percent_whole_without_space(x, expected):
    assert percent(x) == expected


def test_percent_spaced_uses_no_break_space():
    assert percent(40, spaced=True) == "40\u00a0%"


@pytest.mark.parametrize(
    ("x", "digits", "expected"),
    [
        pytest.param(4.45, 1, "4,5", id="half-up"),
        pytest.param(4.449, 1, "4,4", id="down"),
        pytest.param(12, 1, "12,0", id="whole"),
        pytest.param(2.675, 2, "2,68", id="two-digits-binary-noise"),
        pytest.param(-0.04, 1, "0,0", id="no-negative-zero"),
        pytest.param(-1.25, 1, "\u22121,3", id="minus-sign"),
        pytest.param(12345.67, 1, "12\u202f345,7", id="grouped"),
    ],
)
def test_decimal_comma(x, digits, expected):
    assert decimal(x, digits) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        pytest.param(7, "7", id="one-digit"),
        pytest.param(1075, "1075", id="four-digits-ungrouped-like-the-seed"),
        pytest.param(12345, "12\u202f345", id="five-digits"),
        pytest.param(1234567, "1\u202f234\u202f567", id="seven-digits"),
        pytest.param(44.5, "45", id="rounds-half-up"),
        pytest.param(-3, "\u22123", id="minus"),
    ],
)
def test_integer(n, expected):
    assert integer(n) == expected


def test_value_dispatches_on_the_spec_format():
    assert [value(4.46, "count"), value(4.46, "percent"), value(4.46, "decimal")] == ["4", "4%", "4,5"]
