"""Per-insats counts of one area: Skåne's offered / answered and Riket's answered.

Skåne's printed ten most and least common rows are taken as they are; every other insats
gets a count that keeps it out of both tables, near the national share, with the area
total giving the printed mean. Riket's answered count per insats is then a denominator
that prints the appendix's share (SPEC §5, §9) and leaves room for Skåne's part.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from reportgen.demo.allocate import Infeasible, feasible_denominators
from reportgen.demo.targets import NationalInsats, SkaneArea


@dataclass(frozen=True)
class InsatsPlan:
    """Counts for one insats: Skåne offered / answered, Riket offered / answered."""

    insats_id: str
    skane_offered: int
    skane_answered: int
    national_offered: int
    national_answered: int


@dataclass(frozen=True)
class AreaPlan:
    area: str
    national_responding: int  # Riket's responding units (may exceed SPEC §9, see docs)
    skane_rows: int  # Skåne rows that answer insatser (completed + partial)
    insatser: tuple[InsatsPlan, ...]  # catalog order
    skane_total: int  # Σ Skåne offered = Σ of Skåne's row sums
    notes: tuple[str, ...] = ()


#: Above any area's respondent count: the search bound for Riket's denominators.
MAX_UNITS = 1000


def _top_key(offered: int, answered: int, order: int) -> tuple:
    return (-offered, -Fraction(offered, answered), order)


def _bottom_key(offered: int, answered: int, order: int) -> tuple:
    return (offered, Fraction(offered, answered), order)


@dataclass(frozen=True)
class _Bounds:
    low: int
    high: int


def skane_answering_rows(target: SkaneArea) -> int:
    """Rows that answer insatser: with completed rows, the largest printed answered count
    (the rest are påbörjad with no insats answer); with none completed, every responding
    row (a silent row would make the printed minimum 0)."""
    if target.completed == 0:
        return target.answered
    printed = [r.answered for r in (*target.top10, *target.bottom10)]
    return max(target.completed, *printed)


def individuals_floor(target: SkaneArea) -> int:
    """The fewest offered pairs in which the printed "100 % = N" totals fit together.

    The pairs answering the individuals question are one set for all three dimensions:
    at least the largest dimension's sum of its three individuals totals. In dimension d
    only its printed total of pairs has an answer, so the others of that set are pairs
    with d blank: set − Σ individuals(d) ≤ offered − total(d).
    """
    dims = {
        dim: (t.total, sum(t.individuals_n.values()))
        for dim, t in target.dimensions.items()
        if t.total is not None and len(t.individuals_n) == 3
    }
    if not dims:
        return 0
    answering = max(s for _, s in dims.values())
    return max(total + answering - s for total, s in dims.values())


def plan_area(
    area: str,
    insatser: list[str],
    national: dict[str, NationalInsats],
    target: SkaneArea,
    spec_responding: int,
    minimum_n: dict[str, int],
    maximum_n: dict[str, int],
    rng: np.random.Generator,
) -> AreaPlan:
    """Choose the counts. ``minimum_n`` / ``maximum_n``: the least and most Skåne offered
    counts that an insats's printed dimension rows allow (its printed n, and n plus the
    offering units Riket leaves without an answer to that follow-up)."""
    rows = skane_answering_rows(target)
    responding = target.answered
    order = {iid: i for i, iid in enumerate(insatser)}
    printed = {r.insats_id: r for r in (*target.top10, *target.bottom10)}
    top_edge = max(_top_key(r.offered, r.answered, order[r.insats_id]) for r in target.top10)
    bottom_edge = max(_bottom_key(r.offered, r.answered, order[r.insats_id]) for r in target.bottom10)

    def a_min(iid: str) -> int:
        nat = national[iid].given
        options = feasible_denominators(nat.count, nat.pct, nat.count, MAX_UNITS)
        return options[0]

    # SPEC §9's count is of units that left an answer ("svarande kommuner"); Skåne's
    # påbörjad units without any insats answer come on top of it.
    silent = responding - rows
    needed = max(a_min(iid) + responding - printed[iid].answered for iid in printed)
    needed = max(needed, max(a_min(iid) for iid in insatser) + silent)
    n_riket = max(spec_responding + silent, needed)
    rest = n_riket - responding

    answered: dict[str, int] = {}
    offered: dict[str, int] = {}
    bounds: dict[str, _Bounds] = {}
    notes: list[str] = []
    for iid in insatser:
        nat = national[iid].given
        if iid in printed:
            answered[iid], offered[iid] = printed[iid].answered, printed[iid].offered
            continue
        skip = rng.choice([0, 0, 0, 1, 1, 2]) + (1 if target.completed == 0 else 0)
        a = int(np.clip(rows - skip, a_min(iid) + responding - n_riket, rows))
        low = max(minimum_n.get(iid, 0), nat.count - rest, 0)
        # Out of the ten most common: rank after the printed tenth. A count the dimension
        # tables force up may still stay out with more answering (a lower share).
        while a < rows and low and _top_key(low, a, order[iid]) < top_edge:
            a += 1
        answered[iid] = a
        high = min(nat.count, a, maximum_n.get(iid, a))
        while high > 0 and _top_key(high, a, order[iid]) < top_edge:
            high -= 1
        if low > high:
            notes.append(
                f"{iid}: the dimension tables need Skåne offered ≥ {low}, the ten most common "
                f"and Riket allow ≤ {high}; {high} used"
            )
            low = high
        # Riket needs a denominator in reach: answered − offered ≤ Riket's non-offering answers.
        a_max_nat = n_riket - responding + a
        while high > low and not feasible_denominators(nat.count, nat.pct, nat.count + a - high, a_max_nat):
            high -= 1
        bounds[iid] = _Bounds(low, high)
        share = Fraction(nat.count, a_min(iid)) if nat.count else Fraction(0)
        wanted = round(float(share) * a * rng.uniform(0.85, 1.1))
        offered[iid] = _legal_offer(int(np.clip(wanted, low, high)), a, order[iid], bounds[iid], bottom_edge)

    # The printed mean is over answering units (SPEC §5), the rows that answer insatser:
    # round_half_up(total / rows) == mean  ⟺  mean − ½ ≤ total / rows < mean + ½
    total_low = -(-((2 * target.mean - 1) * rows) // 2)
    total_high = -(-((2 * target.mean + 1) * rows) // 2) - 1
    goal = target.mean * rows
    floor = individuals_floor(target)
    if floor > total_high:
        raise Infeasible(f"{area}: the individuals totals need {floor} offered pairs, the mean allows {total_high}")
    total_low, goal = max(total_low, floor), max(goal, floor)
    _adjust_total(offered, answered, bounds, order, bottom_edge, goal, total_low, total_high, rng)

    plans = []
    for iid in insatser:
        nat = national[iid].given
        a, s = answered[iid], offered[iid]
        low = nat.count + a - s
        high = n_riket - responding + a
        options = feasible_denominators(nat.count, nat.pct, low, high)
        if not options:
            raise Infeasible(f"{iid}: no Riket denominator with Skåne {s}/{a}")
        aim = high - rng.poisson(1.0)
        plans.append(InsatsPlan(iid, s, a, nat.count, min(options, key=lambda d: (abs(d - aim), -d))))
    return AreaPlan(area, n_riket, rows, tuple(plans), sum(offered.values()), tuple(notes))


def _legal_offer(value: int, answered: int, order: int, bounds: _Bounds, bottom_edge: tuple) -> int:
    """The nearest count in bounds that is 0 or ranks after the printed least common tenth."""
    candidates = [v for v in range(bounds.low, bounds.high + 1) if _allowed(v, answered, order, bottom_edge)]
    if not candidates:
        raise Infeasible(f"no offered count in [{bounds.low}, {bounds.high}] keeps the insats out of both tables")
    return min(candidates, key=lambda v: (abs(v - value), v))


def _allowed(value: int, answered: int, order: int, bottom_edge: tuple) -> bool:
    return value == 0 or _bottom_key(value, answered, order) > bottom_edge


def _adjust_total(
    offered: dict[str, int],
    answered: dict[str, int],
    bounds: dict[str, _Bounds],
    order: dict[str, int],
    bottom_edge: tuple,
    goal: int,
    low: int,
    high: int,
    rng: np.random.Generator,
) -> None:
    """Move free insatser one step at a time until the Skåne total gives the printed mean."""
    free = list(bounds)
    for _ in range(10_000):
        total = sum(offered.values())
        if low <= total <= high and abs(total - goal) <= 2:
            return
        step = 1 if total < goal else -1
        movable = [
            iid
            for iid in free
            if bounds[iid].low <= offered[iid] + step <= bounds[iid].high
            and _allowed(offered[iid] + step, answered[iid], order[iid], bottom_edge)
        ]
        if not movable:
            # A jump over the forbidden band (0 ↔ above the bottom-ten edge) may still help.
            jumps = {
                iid: _jump(offered[iid], step, answered[iid], order[iid], bounds[iid], bottom_edge) for iid in free
            }
            movable = [iid for iid, value in jumps.items() if value is not None]
            if not movable:
                break
            iid = movable[rng.integers(len(movable))]
            offered[iid] = jumps[iid]
            continue
        iid = movable[rng.integers(len(movable))]
        offered[iid] += step
    total = sum(offered.values())
    if not low <= total <= high:
        raise Infeasible(f"Skåne total {total} cannot reach [{low}, {high}]")


def _jump(value: int, step: int, answered: int, order: int, bounds: _Bounds, bottom_edge: tuple) -> int | None:
    candidate = value + step
    while bounds.low <= candidate <= bounds.high:
        if _allowed(candidate, answered, order, bottom_edge):
            return candidate
        candidate += step
    return None
