"""Area-level answers: further insatser (Ja / Nej) and the wish to give insatser without
decision (Ja / Nej / Vet ej, with huvudgrupper), SPEC §4.

Further: Skåne's printed share and Riket's share (SPEC §9) are both exact to the whole
percent; who answers is completed units first (the question sits at the survey's end).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from reportgen.demo.allocate import Infeasible, choose_k, percent


def yes_count(pct: int, denominator: int) -> int:
    """A count that prints as ``pct`` over ``denominator``, or raises."""
    for y in sorted(range(denominator + 1), key=lambda y: abs(Fraction(100 * y, denominator) - pct)):
        if percent(y, denominator) == pct:
            return y
    raise Infeasible(f"no count of {denominator} prints as {pct} %")


def skane_further(pct: int, completed: int, answering: int) -> tuple[int, int]:
    """(answers, Ja) for Skåne: the completed units answer, or one more partial if the
    share cannot be printed otherwise (funktionshinder: 50 % of 19 is impossible)."""
    base = completed or answering - 1
    for d in (base, base + 1, base - 1, answering):
        if 0 < d <= answering:
            try:
                return d, yes_count(pct, d)
            except Infeasible:
                continue
    raise Infeasible(f"Skåne further share {pct} % has no denominator near {base}")


def national_further(pct: int, skane_d: int, skane_y: int, rest_answering: int, rest_base: int) -> tuple[int, int]:
    """(answers, Ja) for the other counties so that Riket prints ``pct``."""
    for d in sorted(range(1, rest_answering + 1), key=lambda d: abs(d - rest_base)):
        total = d + skane_d
        for y in range(d + 1):
            if percent(y + skane_y, total) == pct and abs(Fraction(100 * (y + skane_y), total) - pct) < 1:
                return d, y
    raise Infeasible(f"Riket further share {pct} % unreachable")


def pick_answers(roles: list[str], size: np.ndarray, answers: int, yes: int, rng: np.random.Generator) -> np.ndarray:
    """Codes "ja" / "nej" / "" per row: completed rows answer first, bigger units say Ja more."""
    codes = np.full(len(roles), "", dtype=object)
    priority = np.array([3.0 if r == "completed" else (1.0 if r == "partial" else 0.05) for r in roles])
    answering = choose_k(priority * rng.uniform(0.9, 1.1, len(roles)), answers, rng)
    said_yes = answering[choose_k(np.exp(0.5 * size[answering]), yes, rng)]
    codes[answering] = "nej"
    codes[said_yes] = "ja"
    return codes


def wish_codes(roles: list[str], answers: int, yes: int, rng: np.random.Generator) -> np.ndarray:
    """Ja / Nej / Vet ej: ``yes`` Ja among ``answers``; the rest split Nej ~60 %, Vet ej ~40 %."""
    codes = np.full(len(roles), "", dtype=object)
    priority = np.array([3.0 if r == "completed" else (1.0 if r == "partial" else 0.05) for r in roles])
    answering = choose_k(priority * rng.uniform(0.9, 1.1, len(roles)), answers, rng)
    rng.shuffle(answering)
    codes[answering] = "nej"
    codes[answering[:yes]] = "ja"
    rest = answering[yes:]
    codes[rest[rng.random(len(rest)) < 0.4]] = "vet_ej"
    return codes


def wish_groups(groups: list[str], rng: np.random.Generator) -> list[str]:
    """The huvudgrupper one Ja-respondent names: one to all, the first groups likelier."""
    weights = np.linspace(1.0, 0.5, len(groups))
    k = int(rng.integers(1, len(groups) + 1))
    return [groups[i] for i in sorted(choose_k(weights, k, rng))]
