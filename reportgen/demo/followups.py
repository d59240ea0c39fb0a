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
    iterations: int = 20_000,
) -> tuple[np.ndarray, int]:
    """Which offered pairs answer the individuals question so that, for every dimension
    and category with a target, the count of such pairs equals it. Local search from
    "all answer"; returns the mask and the remaining total error (0 = exact)."""
    pairs = np.argwhere(offered)
    keep = np.ones(len(pairs), dtype=bool)
    if not targets:
        keep = rng.random(len(pairs)) > 0.03
    index = {c: i for i, c in enumerate(CATEGORIES)}
    cats = {d: np.array([index.get(dims[d][r, c], -1) for r, c in pairs]) for d in targets}
    goal = {d: np.array([targets[d].get(c, -1) for c in CATEGORIES]) for d in targets}

    def counts() -> dict[str, np.ndarray]:
        return {d: np.bincount(cats[d][keep & (cats[d] >= 0)], minlength=3) for d in targets}

    def error(now: dict[str, np.ndarray]) -> int:
        return int(sum(np.abs(np.where(goal[d] >= 0, now[d] - goal[d], 0)).sum() for d in targets))

    now = counts()
    err = error(now)
    best_keep, best_err = keep.copy(), err
    for _ in range(iterations):
        if err == 0:
            break
        # Per pair: how flipping it changes the error.
        delta = np.zeros(len(pairs))
        sign = np.where(keep, -1, 1)
        for d in targets:
            over = np.where(goal[d] >= 0, now[d] - goal[d], 0)
            cat = cats[d]
            valid = cat >= 0
            o = np.where(valid, over[np.clip(cat, 0, 2)], 0)
            delta += np.where(valid & (goal[d][np.clip(cat, 0, 2)] >= 0), np.abs(o + sign) - np.abs(o), 0)
        best = delta.min()
        if best < 0:
            choices = np.flatnonzero(delta == best)
        elif rng.random() < 0.9:
            # Walk the plateau; now and then step uphill to leave a local minimum.
            choices = np.flatnonzero(delta == 0)
        else:
            choices = np.flatnonzero(delta == delta[delta > 0].min()) if (delta > 0).any() else np.array([], int)
        if len(choices) == 0:
            break
        flip = choices[rng.integers(len(choices))]
        keep[flip] = ~keep[flip]
        now = counts()
        err = error(now)
        if err < best_err:
            best_keep, best_err = keep.copy(), err
    keep, err = best_keep, best_err
    mask = np.zeros(offered.shape, dtype=bool)
    mask[pairs[keep, 0], pairs[keep, 1]] = True
    return mask, err
