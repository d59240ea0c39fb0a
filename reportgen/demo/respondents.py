"""Which units answer an area, and how far they got (SPEC §4 status).

Every unit carries one "engagement" value for all six areas, so a unit that answers one
survey tends to answer the others, as in the real round; larger units answer a little
more often.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from reportgen.demo.allocate import choose_k

COMPLETED, PARTIAL, SILENT = "completed", "partial", "silent"


@dataclass(frozen=True)
class Rows:
    """The responding units of one block (Skåne or the other counties) in one area."""

    units: tuple[str, ...]
    roles: tuple[str, ...]  # COMPLETED / PARTIAL / SILENT (påbörjad without insats answers)

    @property
    def status(self) -> list[str]:
        return ["slutford" if role == COMPLETED else "paborjad" for role in self.roles]

    def mask(self, role: str) -> np.ndarray:
        return np.array([r == role for r in self.roles], dtype=bool)


def unit_traits(units: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Per unit: ``size`` (standardised log population) and ``engagement`` (random, fixed)."""
    log_pop = np.log(units["population"].clip(lower=1000).to_numpy(dtype=float))
    size = (log_pop - log_pop.mean()) / log_pop.std()
    return pd.DataFrame(
        {"size": size, "engagement": rng.normal(size=len(units)), "appetite": rng.normal(size=len(units))},
        index=units.index,
    )


def choose_rows(
    candidates: list[str],
    traits: pd.DataFrame,
    responding: int,
    completed: int,
    answering: int,
    rng: np.random.Generator,
) -> Rows:
    """``responding`` units of the candidates; ``completed`` of them slutförd, up to
    ``answering`` answer insatser (the others are påbörjad and silent)."""
    t = traits.loc[candidates]
    weights = np.exp(0.35 * t["size"].to_numpy() + 1.6 * t["engagement"].to_numpy())
    picked = [candidates[i] for i in sorted(choose_k(weights, responding, rng))]
    t = traits.loc[picked]
    finish = np.exp(2.0 * t["engagement"].to_numpy() + 0.2 * t["size"].to_numpy())
    done = set(choose_k(finish, completed, rng).tolist())
    roles = []
    partial_left = answering - completed
    for i in range(len(picked)):
        if i in done:
            roles.append(COMPLETED)
        elif partial_left > 0:
            roles.append(PARTIAL)
            partial_left -= 1
        else:
            roles.append(SILENT)
    return Rows(tuple(picked), tuple(roles))
