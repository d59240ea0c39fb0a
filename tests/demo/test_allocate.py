"""The exact building blocks of the demo generator, on small hand-checked cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.demo.allocate import (
    Infeasible,
    choose_k,
    feasible_denominators,
    fill_matrix,
    percent,
    pick_denominator,
)


@pytest.mark.parametrize(
    ("count", "denominator", "expected"),
    [
        pytest.param(245, 246, 100, id="99.59 rounds to 100"),
        pytest.param(245, 247, 99, id="99.19 rounds to 99"),
        pytest.param(1, 200, 1, id="0.5 rounds up"),
        pytest.param(1, 201, 0, id="just below a half"),
        pytest.param(5, 8, 63, id="62.5 rounds up"),
        pytest.param(0, 7, 0, id="zero"),
    ],
)
def test_percent_rounds_half_up(count: int, denominator: int, expected: int) -> None:
    assert percent(count, denominator) == expected


def test_feasible_denominators_lists_every_match() -> None:
    # 24 printed as 29 %: 24/82 = 29.27, 24/83 = 28.92, 24/84 = 28.57; 24/81 = 29.63 → 30.
    assert feasible_denominators(24, 29, 1, 84) == [82, 83, 84]
    assert feasible_denominators(245, 100, 1, 300) == [245, 246]
    assert feasible_denominators(3, 100, 1, 10) == [3]
    assert feasible_denominators(10, 50, 21, 30) == []


def test_pick_denominator_nearest_target_or_raises() -> None:
    assert pick_denominator(24, 29, 1, 84, target=90) == 84
    assert pick_denominator(24, 29, 1, 84, target=80) == 82
    with pytest.raises(Infeasible):
        pick_denominator(245, 100, 1, 244, target=240)


def test_choose_k_exact_and_never_zero_weight() -> None:
    rng = np.random.default_rng(0)
    weights = np.array([1.0, 0.0, 2.0, 0.0, 5.0])
    for _ in range(50):
        chosen = choose_k(weights, 3, rng)
        assert sorted(chosen.tolist()) == [0, 2, 4]
    with pytest.raises(Infeasible):
        choose_k(weights, 4, rng)


def test_choose_k_favours_heavy_items() -> None:
    rng = np.random.default_rng(1)
    weights = np.array([1.0, 1.0, 1.0, 20.0])
    hits = sum(3 in choose_k(weights, 1, rng) for _ in range(400))
    assert hits > 300  # expected 400 · 20/23 ≈ 348


def test_fill_matrix_meets_sums_and_mask() -> None:
    rng = np.random.default_rng(2)
    mask = np.array([[1, 1, 0], [1, 1, 1], [0, 1, 1]], dtype=bool)
    m = fill_matrix([2, 2, 1], [2, 2, 1], mask, rng)
    assert m.sum(axis=1).tolist() == [2, 2, 1]
    assert m.sum(axis=0).tolist() == [2, 2, 1]
    assert not (m & ~mask).any()


def test_fill_matrix_needs_augmenting_path() -> None:
    # Greedy order can block column 1 (only row 0 may take it); the repair must reroute.
    rng = np.random.default_rng(3)
    mask = np.array([[1, 1], [1, 0]], dtype=bool)
    m = fill_matrix([1, 1], [1, 1], mask, rng)
    assert m.tolist() == [[False, True], [True, False]]


def test_fill_matrix_reports_infeasible() -> None:
    rng = np.random.default_rng(4)
    mask = np.array([[1, 0], [1, 0]], dtype=bool)  # nobody may take column 1
    with pytest.raises(Infeasible):
        fill_matrix([1, 1], [1, 1], mask, rng)
    with pytest.raises(Infeasible):
        fill_matrix([2, 1], [1, 1], np.ones((2, 2), dtype=bool), rng)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.integers(1, 12),
    cols=st.integers(1, 25),
    density=st.floats(0.05, 0.95),
    seed=st.integers(0, 2**31),
)
def test_fill_matrix_finds_a_matrix_whenever_one_exists(rows: int, cols: int, density: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    truth = rng.random((rows, cols)) < density
    mask = truth | (rng.random((rows, cols)) < 0.5)
    m = fill_matrix(truth.sum(axis=1), truth.sum(axis=0), mask, rng)
    assert (m.sum(axis=1) == truth.sum(axis=1)).all()
    assert (m.sum(axis=0) == truth.sum(axis=0)).all()
    assert not (m & ~mask).any()
