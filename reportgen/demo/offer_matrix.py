"""Who answered and who offered each insats: binary unit × insats matrices.

Skåne's block has fixed row sums (one completed row at the printed minimum, one at the
maximum) and fixed column sums (the planned counts), filled inside the answered mask.
The other counties' block has only column sums; offering units are drawn by weight, so
larger units and units with a taste for the area offer more.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.demo.allocate import Infeasible, choose_k, fill_matrix
from reportgen.demo.respondents import COMPLETED, PARTIAL, Rows


@dataclass(frozen=True)
class Block:
    rows: Rows
    answered: np.ndarray  # bool, units × insatser
    offered: np.ndarray  # bool, subset of answered


def _answered_mask(rows: Rows, col_sums: list[int], rng: np.random.Generator) -> np.ndarray:
    """Column sums of answers; partial rows skip far more often than completed ones."""
    roles = np.array(rows.roles)
    skip_weight = np.where(roles == COMPLETED, 1.0, np.where(roles == PARTIAL, 8.0, 0.0))
    answering = np.flatnonzero(skip_weight > 0)
    mask = np.zeros((len(roles), len(col_sums)), dtype=bool)
    mask[answering] = True
    jitter = rng.uniform(0.5, 1.5, size=len(roles))
    for j, a in enumerate(col_sums):
        skip = len(answering) - a
        if skip < 0:
            raise Infeasible(f"insats {j}: {a} answers from {len(answering)} rows")
        chosen = answering[choose_k(skip_weight[answering] * jitter[answering], skip, rng)]
        mask[chosen, j] = False
    return mask


def skane_block(
    rows: Rows,
    traits: pd.DataFrame,
    offered: list[int],
    answered: list[int],
    low: int,
    high: int,
    rng: np.random.Generator,
    attempts: int = 30,
) -> Block:
    """Skåne's rows: printed min and max among completed rows (all rows if none completed)."""
    total = sum(offered)
    last_error: Exception | None = None
    for _ in range(attempts):
        mask = _answered_mask(rows, answered, rng)
        try:
            sums = _row_sums(rows, traits, mask.sum(axis=1), total, low, high, rng)
            matrix = fill_matrix(sums, offered, mask, rng)
        except Infeasible as exc:
            last_error = exc
            continue
        return Block(rows, mask, matrix)
    raise Infeasible(f"Skåne block not found: {last_error}")


def _row_sums(
    rows: Rows,
    traits: pd.DataFrame,
    capacity: np.ndarray,
    total: int,
    low: int,
    high: int,
    rng: np.random.Generator,
) -> np.ndarray:
    roles = np.array(rows.roles)
    basis = np.flatnonzero(roles == COMPLETED)
    if len(basis) == 0:
        basis = np.flatnonzero(roles != "silent")
    others = np.flatnonzero((roles == PARTIAL) & ~np.isin(np.arange(len(roles)), basis))
    sums = np.zeros(len(roles), dtype=int)
    size = traits.loc[list(rows.units), "size"].to_numpy() + 0.7 * traits.loc[list(rows.units), "appetite"].to_numpy()
    ranked = basis[np.argsort(size[basis], kind="stable")]
    lo_row, hi_row = ranked[0], ranked[-1]
    if capacity[hi_row] < high:
        hi_row = max(basis, key=lambda r: capacity[r])
    if lo_row == hi_row:
        raise Infeasible("one row cannot hold both the minimum and the maximum")
    sums[lo_row], sums[hi_row] = low, high
    middle = [r for r in ranked if r not in (lo_row, hi_row)]
    spare = total - low - high
    partial_share = 0.45
    weights = np.array([1.0] * len(middle) + [partial_share] * len(others))
    free = middle + list(others)
    if free:
        raw = spare * weights / weights.sum()
        order = np.argsort(size[free], kind="stable")
        spread = np.linspace(-0.25, 0.25, len(free))
        raw[order] = raw[order] * (1 + spread)
        values = np.floor(raw).astype(int)
        for i, r in enumerate(free):
            upper = min(high, capacity[r]) if r in middle else min(high - 1, capacity[r])
            lower = low if r in middle else 0
            sums[r] = int(np.clip(values[i], lower, upper))
        _balance(sums, free, middle, capacity, total, low, high, rng)
    if sums.sum() != total:
        raise Infeasible(f"row sums reach {sums.sum()}, not {total}")
    return sums


def _balance(sums, free, middle, capacity, total, low, high, rng) -> None:
    for _ in range(10 * max(total, 1)):
        gap = total - sums.sum()
        if gap == 0:
            return
        step = 1 if gap > 0 else -1
        options = [
            r
            for r in free
            if (low if r in middle else 0) <= sums[r] + step <= min(high if r in middle else high - 1, capacity[r])
        ]
        if not options:
            return
        sums[options[rng.integers(len(options))]] += step


def rest_block(
    rows: Rows,
    traits: pd.DataFrame,
    offered: list[int],
    answered: list[int],
    popularity: np.ndarray,
    rng: np.random.Generator,
) -> Block:
    """The other counties: exact column sums; offering drawn by unit size and appetite."""
    mask = _answered_mask(rows, answered, rng)
    t = traits.loc[list(rows.units)]
    tilt = 0.9 * t["size"].to_numpy() + 0.6 * t["appetite"].to_numpy()
    matrix = np.zeros_like(mask)
    for j, g in enumerate(offered):
        eligible = np.flatnonzero(mask[:, j])
        # Rare insatser follow unit size more sharply than near-universal ones.
        strength = 1.0 + 1.5 * (1 - popularity[j])
        weights = np.exp(strength * tilt[eligible])
        matrix[eligible[choose_k(weights, g, rng)], j] = True
    return Block(rows, mask, matrix)
