"""Follow-up answers of offered insatser: form / regi / beslut, individuals, trend (SPEC §4).

Dimension counts per insats come from ``dimension_plan``; this module decides which
offered pairs carry them. "Both" and "B only" answers of form and regi lean toward
larger units (the deck: private providers and digital forms are commoner in big cities).
The individuals question is answered on a subset chosen so that Skåne's printed
"100 % = N" per category hold for every dimension at once.
"""

from __future__ import annotations

import numpy as np

from reportgen.demo.allocate import choose_k
from reportgen.survey import CATEGORIES, INDIVIDUALS, TRENDS

#: How strongly unit size pulls "B only" and "both" answers, per dimension.
SIZE_PULL = {"form": 0.6, "regi": 0.9, "beslut": 0.0}
TREND_WEIGHTS = np.array([0.33, 0.5, 0.08, 0.09])


def assign_dimension(
    offered: np.ndarray,
    counts: list[dict[str, int]],
    size: np.ndarray,
    dimension: str,
    rng: np.random.Generator,
) -> np.ndarray:
    """Codes ("A", "AB", "B" or "") per unit × insats, with exactly the planned counts."""
    codes = np.full(offered.shape, "", dtype=object)
    pull = SIZE_PULL[dimension]
    for j, wanted in enumerate(counts):
        rows = np.flatnonzero(offered[:, j])
        n = sum(wanted.values())
        if n == 0:
            continue
        answering = rows[choose_k(np.ones(len(rows)), n, rng)]
        left = answering
        for category, strength in (("B", pull), ("AB", pull / 2)):
            k = wanted[category]
            picked = left[choose_k(np.exp(strength * size[left]), k, rng)]
            codes[picked, j] = category
            left = np.setdiff1d(left, picked)
        codes[left, j] = "A"
    return codes


def individuals(
    offered: np.ndarray,
    size: np.ndarray,
    popularity: np.ndarray,
    answered: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """Individuals bucket per offered pair where ``answered``; bigger units and commoner
    insatser reach more people."""
    codes = np.full(offered.shape, "", dtype=object)
    latent = 0.9 * size[:, None] + 1.6 * (popularity[None, :] - 0.5) + rng.normal(scale=0.9, size=offered.shape)
    bucket = np.digitize(latent, [-0.6, 0.5, 1.6])
    labels = np.array(INDIVIDUALS[:4], dtype=object)[bucket]
    unknown = rng.random(offered.shape) < 0.06
    labels[unknown] = "vet_ej"
    take = offered & answered
    codes[take] = labels[take]
    return codes


def trend(offered: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    codes = np.full(offered.shape, "", dtype=object)
    draw = rng.choice(np.array(TRENDS, dtype=object), size=offered.shape, p=TREND_WEIGHTS / TREND_WEIGHTS.sum())
    answered = offered & (rng.random(offered.shape) > 0.04)
    codes[answered] = draw[answered]
    return codes


def individuals_mask(
    offered: np.ndarray,
    dims: dict[str, np.ndarray],
    targets: dict[str, dict[str, int]],
    rng: np.random.Generator,
    iterations: int = 5_000,
) -> tuple[np.ndarray, int]:
    """Which offered pairs answer the individuals question so that, for every dimension
    and category with a target, the count of such pairs equals it; returns the mask and
    the remaining total error (0 = exact).

    Pairs alike in every targeted dimension are interchangeable, so the search runs on
    how many pairs of each such *type* answer: from "all answer", the best single step
    (one more or one fewer of a type) or swap (one type for another) at a time, walking
    plateaus at random. Swaps matter: a single step often mends one dimension only by
    breaking another. The chosen counts are then spread over random pairs of each type.
    """
    pairs = np.argwhere(offered)
    if not targets:
        return _pair_mask(offered.shape, pairs, rng.random(len(pairs)) > 0.03), 0
    index = {c: i for i, c in enumerate(CATEGORIES)}
    names = list(targets)
    codes = np.array([[index.get(dims[d][r, c], -1) for d in names] for r, c in pairs], dtype=np.int64)
    codes = codes.reshape(len(pairs), len(names))
    types, inverse, available = np.unique(codes, axis=0, return_inverse=True, return_counts=True)
    inverse = inverse.reshape(-1)
    rows, wanted = [], []
    for i, d in enumerate(names):
        for k, category in enumerate(CATEGORIES):
            if category in targets[d]:
                rows.append(types[:, i] == k)
                wanted.append(targets[d][category])
    effect = np.array(rows, dtype=np.int64).reshape(len(rows), len(types))  # constraint × type
    goal = np.array(wanted, dtype=np.int64)
    count = available.copy()
    n = len(types)
    # Every move as a change of the type counts: +t, −t, and +t −u for t ≠ u.
    eye = np.eye(n, dtype=np.int64)
    swaps = (eye[:, None, :] - eye[None, :, :]).reshape(n * n, n)
    moves = np.concatenate([eye, -eye, swaps[~np.eye(n, dtype=bool).reshape(-1)]])
    shifts = moves @ effect.T  # move × constraint

    def error(c: np.ndarray) -> int:
        return int(np.abs(effect @ c - goal).sum())

    err = error(count)
    best_count, best_err = count.copy(), err
    for _ in range(iterations):
        if err == 0:
            break
        after = count[None, :] + moves
        legal = ((after >= 0) & (after <= available[None, :])).all(axis=1)
        errors = np.abs((effect @ count - goal)[None, :] + shifts).sum(axis=1)
        delta = np.where(legal, errors - err, np.iinfo(np.int64).max)
        best = delta.min()
        if best < 0:
            choices = np.flatnonzero(delta == best)
        else:
            choices = np.flatnonzero(delta == 0) if rng.random() < 0.9 else np.flatnonzero(legal)
        if len(choices) == 0:
            break
        count = count + moves[choices[rng.integers(len(choices))]]
        err = error(count)
        if err < best_err:
            best_count, best_err = count.copy(), err
    keep = np.zeros(len(pairs), dtype=bool)
    for t in range(n):
        members = np.flatnonzero(inverse == t)
        keep[rng.permutation(members)[: best_count[t]]] = True
    return _pair_mask(offered.shape, pairs, keep), best_err


def _pair_mask(shape: tuple[int, ...], pairs: np.ndarray, keep: np.ndarray) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    mask[pairs[keep, 0], pairs[keep, 1]] = True
    return mask
