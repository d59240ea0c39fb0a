"""Small exact building blocks of the demo-data generator (SPEC §9).

- which denominators make a count print as a given whole percent;
- binary matrices with given row and column sums inside a mask (Gale–Ryser greedy,
  then augmenting paths for whatever the greedy left over);
- weighted choice of k items without replacement (Gumbel top-k), so larger units are
  likelier to offer an insats while every count stays exact.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import numpy as np

from reportgen.metrics.percent import whole_percent


class Infeasible(ValueError):
    """No allocation meets the targets; the message says which."""


def percent(count: int, denominator: int) -> int:
    """100 · count / denominator rounded half up (the metrics' own rounding)."""
    return int(whole_percent(count, denominator))  # type: ignore[arg-type]


def feasible_denominators(count: int, pct: int, low: int, high: int) -> list[int]:
    """Every denominator d in [low, high] (d ≥ count, d ≥ 1) with percent(count, d) == pct."""
    start = max(low, count, 1)
    return [d for d in range(start, high + 1) if percent(count, d) == pct]


def pick_denominator(count: int, pct: int, low: int, high: int, target: float) -> int:
    """The feasible denominator nearest ``target`` (larger on ties)."""
    options = feasible_denominators(count, pct, low, high)
    if not options:
        raise Infeasible(f"no denominator in [{low}, {high}] gives {count} as {pct} %")
    return min(options, key=lambda d: (abs(d - target), -d))


def choose_k(weights: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Indices of k items drawn without replacement with probability ∝ weight (Gumbel top-k).

    Items of weight 0 are never drawn; asking for more than the positive items raises.
    """
    weights = np.asarray(weights, dtype=float)
    positive = int((weights > 0).sum())
    if k > positive:
        raise Infeasible(f"cannot choose {k} of {positive} eligible items")
    if k == 0:
        return np.array([], dtype=int)
    with np.errstate(divide="ignore"):
        keys = np.log(weights) + rng.gumbel(size=len(weights))
    return np.argsort(-keys, kind="stable")[:k]


def fill_matrix(
    row_sums: Sequence[int],
    col_sums: Sequence[int],
    mask: np.ndarray,
    rng: np.random.Generator,
    preference: np.ndarray | None = None,
) -> np.ndarray:
    """A 0/1 matrix with the given row and column sums and zeros outside ``mask``.

    Columns are filled scarcest first, each into the eligible rows with most remaining
    need (Ryser's construction; ``preference`` and a little noise break ties). What the
    greedy cannot place is then routed through augmenting paths, so the result is exact
    whenever any matrix exists; otherwise ``Infeasible``.
    """
    rows = np.asarray(row_sums, dtype=int)
    cols = np.asarray(col_sums, dtype=int)
    mask = np.asarray(mask, dtype=bool)
    if rows.sum() != cols.sum():
        raise Infeasible(f"row sums {rows.sum()} ≠ column sums {cols.sum()}")
    n_cols = mask.shape[1]
    pref = np.zeros(mask.shape) if preference is None else np.asarray(preference, dtype=float)
    matrix = np.zeros(mask.shape, dtype=bool)
    need = rows.copy()
    eligible = mask.sum(axis=0)
    order = sorted(range(n_cols), key=lambda j: (eligible[j] - cols[j], -cols[j]))
    deficit = {}
    for j in order:
        candidates = np.flatnonzero(mask[:, j] & (need > 0))
        key = need[candidates] + 0.5 * pref[candidates, j] + 0.01 * rng.random(len(candidates))
        chosen = candidates[np.argsort(-key, kind="stable")[: cols[j]]]
        matrix[chosen, j] = True
        need[chosen] -= 1
        if len(chosen) < cols[j]:
            deficit[j] = cols[j] - len(chosen)
    for j, missing in deficit.items():
        for _ in range(missing):
            if not _augment(matrix, mask, need, j):
                raise Infeasible(f"column {j} cannot get {cols[j]} ones within the mask and row sums")
    if need.any():
        raise Infeasible("row sums left unmet")
    return matrix


def _augment(matrix: np.ndarray, mask: np.ndarray, need: np.ndarray, column: int) -> bool:
    """Give ``column`` one more 1 by an alternating path ending at a row with spare need."""
    parent: dict[tuple[str, int], tuple[str, int] | None] = {("c", column): None}
    queue = deque([("c", column)])
    while queue:
        kind, index = queue.popleft()
        if kind == "c":
            for r in np.flatnonzero(mask[:, index] & ~matrix[:, index]):
                node = ("r", int(r))
                if node in parent:
                    continue
                parent[node] = (kind, index)
                if need[r] > 0:
                    _flip_path(matrix, parent, node)
                    need[r] -= 1
                    return True
                queue.append(node)
        else:
            for c in np.flatnonzero(matrix[index]):
                node = ("c", int(c))
                if node not in parent:
                    parent[node] = (kind, index)
                    queue.append(node)
    return False


def _flip_path(matrix: np.ndarray, parent: dict, end: tuple[str, int]) -> None:
    node = end
    while parent[node] is not None:
        previous = parent[node]
        if node[0] == "r":  # column previous[1] → row node[1]: add
            matrix[node[1], previous[1]] = True
        else:  # row previous[1] → column node[1]: the row hands this column over
            matrix[previous[1], node[1]] = False
        node = previous
