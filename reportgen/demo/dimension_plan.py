"""Per-insats counts of one dimension (form, regi or beslut) for Skåne and the rest of Riket.

Riket must print the appendix's count of "both" + "B only" answers and its share over the
respondents who answered the follow-up (SPEC §5): a denominator F per insats is chosen
for that. Skåne's printed top-5 rows are taken as they are; every other Skåne cell is
drawn near the national mix, kept below the printed fifth of its table, and nudged until
the printed "100 % = N" totals hold. What is left of the national counts goes to the
other counties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from reportgen.demo.allocate import feasible_denominators
from reportgen.demo.targets import DimensionTarget, Ratio
from reportgen.survey import CATEGORIES

#: Share of "B only" among the national "both" + "B only" answers, per dimension: digital
#: is mostly given alongside physical; without decision mostly only without.
B_FRACTION = {"form": 0.12, "regi": 0.3, "beslut": 0.6}


@dataclass
class Cell:
    """Skåne's counts of one insats in one dimension; ``fixed`` categories are printed."""

    insats_id: str
    order: int
    offered: int  # Skåne offered
    counts: dict[str, int]
    fixed_n: bool = False
    printed_n: int | None = None
    fixed: set[str] = field(default_factory=set)
    national_f: int = 0  # Riket's denominator F
    national_k: int = 0  # Riket's AB + B
    rest_offered: int = 0

    @property
    def n(self) -> int:
        return sum(self.counts.values())

    @property
    def k(self) -> int:
        return self.counts["AB"] + self.counts["B"]


@dataclass(frozen=True)
class DimensionPlan:
    """Skåne cells and the other counties' counts per insats (A, AB, B)."""

    dimension: str
    skane: dict[str, dict[str, int]]
    rest: dict[str, dict[str, int]]
    conflicts: tuple[str, ...]


def _key(count: int, n: int, order: int) -> tuple:
    return (-count, -Fraction(count, n) if n else 0, order)


def plan_dimension(
    dimension: str,
    insatser: list[str],
    skane_offered: dict[str, int],
    national_offered: dict[str, int],
    national: dict[str, Ratio],
    target: DimensionTarget | None,
    rng: np.random.Generator,
) -> DimensionPlan:
    conflicts: list[str] = []
    order = {iid: i for i, iid in enumerate(insatser)}
    cells: dict[str, Cell] = {}
    tables = target.top5 if target else {}
    for category, rows in tables.items():
        for row in rows:
            cell = cells.setdefault(
                row.insats_id,
                Cell(row.insats_id, order[row.insats_id], skane_offered[row.insats_id], dict.fromkeys(CATEGORIES, 0)),
            )
            n = row.n
            if n > cell.offered:
                conflicts.append(
                    f"{dimension} {category}: {row.name} printed with n={n} but offered by {cell.offered}; n capped"
                )
                n = cell.offered
            cell.fixed_n = True
            cell.printed_n = n
            cell.counts[category] = min(row.count, n)
            cell.fixed.add(category)
    edges = {
        category: max(_key(r.count, r.n, order[r.insats_id]) for r in rows) if len(rows) >= 5 else None
        for category, rows in tables.items()
    }
    closed = {category for category, rows in tables.items() if len(rows) < 5}

    def allowed(cell: Cell, category: str) -> bool:
        """A free cell stays out of a printed table (below its fifth, or 0 if it lists all)."""
        if category in cell.fixed or category not in tables:
            return True
        count = cell.counts[category]
        if category in closed:
            return count == 0
        return count == 0 or _key(count, cell.n, cell.order) > edges[category]

    for iid in insatser:
        cell = cells.get(iid) or Cell(iid, order[iid], skane_offered[iid], dict.fromkeys(CATEGORIES, 0))
        cells[iid] = cell
        ratio = national[iid]
        cell.rest_offered = national_offered[iid] - cell.offered
        if ratio.pct is None:
            if cell.fixed:
                conflicts.append(f"{dimension}: {iid} printed in Skåne, but nobody in Riket answered; dropped")
            cell.counts = dict.fromkeys(CATEGORIES, 0)
            cell.fixed, cell.fixed_n = set(), False
            continue
        _place(cell, dimension, ratio, rng, allowed, conflicts)
    if target is not None:
        _meet_totals(cells, target, insatser, allowed, rng)
    rest = {}
    for iid, cell in cells.items():
        rest_k = cell.national_k - cell.k
        rest_f = cell.national_f - cell.n
        rest_b = round(rest_k * B_FRACTION[dimension] + rng.uniform(-0.5, 0.5))
        rest_b = min(max(rest_b, 0), rest_k)
        rest[iid] = {"A": rest_f - rest_k, "AB": rest_k - rest_b, "B": rest_b}
        if min(rest[iid].values()) < 0 or rest_f > cell.rest_offered:
            raise AssertionError(f"{dimension} {iid}: rest counts {rest[iid]} do not fit")
    skane = {iid: {c: cell.counts[c] for c in CATEGORIES} for iid, cell in cells.items()}
    return DimensionPlan(dimension, skane, rest, tuple(conflicts))


def _place(cell: Cell, dimension: str, ratio: Ratio, rng, allowed, conflicts: list[str]) -> None:
    """Choose Riket's F for the insats and Skåne's free categories inside its box:
    Skåne K ≤ Riket K, Skåne A ≤ F − K, and the rest's F within the rest's offered."""
    k_nat = ratio.count
    options = feasible_denominators(k_nat, ratio.pct, k_nat, cell.offered + cell.rest_offered)
    n_fixed = cell.printed_n
    aim = 0.93 * (cell.offered + cell.rest_offered)
    for f in sorted(options, key=lambda f: abs(f - aim)):
        counts = _draw(cell, dimension, f, k_nat, n_fixed, rng)
        if counts is None and n_fixed is None:
            # Fewer Skåne answers leave more of Riket's counts to the other counties.
            for n in range(cell.offered, -1, -1):
                counts = _draw(cell, dimension, f, k_nat, n, rng)
                if counts is not None:
                    break
        if counts is not None:
            cell.counts = counts
            cell.national_f, cell.national_k = f, k_nat
            if not all(allowed(cell, c) for c in CATEGORIES):
                _shrink_free(cell, allowed)
            return
    conflicts.append(f"{dimension}: {cell.insats_id} printed Skåne counts do not fit Riket's {k_nat} ({ratio.pct} %)")
    f = min(options, key=lambda f: abs(f - aim))
    cell.fixed, cell.fixed_n = set(), False
    cell.counts = dict.fromkeys(CATEGORIES, 0)
    counts = _draw(cell, dimension, f, k_nat, None, rng)
    cell.counts = counts or dict.fromkeys(CATEGORIES, 0)
    cell.national_f, cell.national_k = f, k_nat


def _draw(cell: Cell, dimension: str, f: int, k_nat: int, n_fixed: int | None, rng) -> dict[str, int] | None:
    """Skåne counts for a given Riket F, or None if the printed ones cannot fit."""
    s = cell.offered
    counts = {c: cell.counts[c] for c in CATEGORIES}
    n = n_fixed if n_fixed is not None else round(s * rng.uniform(0.88, 1.0))
    n = min(n, s)
    n_low = max(f - cell.rest_offered, 0)  # the rest cannot answer more often than it offers
    if n < n_low:
        if n_fixed is not None:
            return None
        n = n_low
    free = [c for c in CATEGORIES if c not in cell.fixed]
    left = n - sum(counts[c] for c in cell.fixed)
    if left < 0 or (not free and left != 0):
        return None
    if free:
        q = k_nat / f if f else 0.0
        weights = {"A": 1 - q, "AB": q * (1 - B_FRACTION[dimension]), "B": q * B_FRACTION[dimension]}
        w = np.array([max(weights[c], 1e-9) for c in free])
        for c, x in zip(free, rng.multinomial(left, w / w.sum()), strict=True):
            counts[c] = int(x)
    k = counts["AB"] + counts["B"]
    a_max = f - k_nat
    # Move free answers between A and AB/B until Skåne K ≤ Riket K and Skåne A ≤ F − K.
    for _ in range(n + 1):
        if counts["A"] > a_max and "A" not in cell.fixed:
            target = "AB" if "AB" not in cell.fixed else ("B" if "B" not in cell.fixed else None)
            if target is None or k >= k_nat:
                return None
            counts["A"] -= 1
            counts[target] += 1
            k += 1
        elif k > k_nat:
            source = (
                "B"
                if "B" not in cell.fixed and counts["B"]
                else ("AB" if "AB" not in cell.fixed and counts["AB"] else None)
            )
            if source is None or "A" in cell.fixed or counts["A"] >= a_max:
                return None
            counts[source] -= 1
            counts["A"] += 1
            k -= 1
        else:
            break
    if counts["A"] > a_max or k > k_nat:
        return None
    return counts


def _shrink_free(cell: Cell, allowed) -> None:
    """Move answers out of free categories that would enter a printed table: to another
    free category where that fits, else to blank while the rest's counts still fit."""
    for c in CATEGORIES:
        while c not in cell.fixed and cell.counts[c] > 0 and not allowed(cell, c):
            cell.counts[c] -= 1
            for other in ("A", "AB", "B"):
                if other == c or other in cell.fixed:
                    continue
                cell.counts[other] += 1
                if _fits(cell) and allowed(cell, other):
                    break
                cell.counts[other] -= 1
            else:
                if not _fits(cell):
                    cell.counts[c] += 1
                    return


def _fits(cell: Cell) -> bool:
    k = cell.k
    return (
        cell.n <= cell.offered
        and k <= cell.national_k
        and cell.counts["A"] <= cell.national_f - cell.national_k
        and cell.national_f - cell.n <= cell.rest_offered
    )


def _meet_totals(cells: dict[str, Cell], target: DimensionTarget, insatser, allowed, rng) -> None:
    """Step free cells one answer at a time toward the printed category and total counts.

    With individuals totals printed, each category needs at least that many pairs (the
    individuals question may be blank); the total, where printed, fixes their sum.
    """
    wanted: dict[str, int] = {}
    if target.individuals_n:
        slack = (target.total or 0) - sum(target.individuals_n.values())
        base = sum(target.individuals_n.values()) or 1
        for c in CATEGORIES:
            ind = target.individuals_n.get(c, 0)
            wanted[c] = ind + (max(slack, 0) * ind // base if target.total else round(0.02 * ind))
        if target.total:
            wanted["A"] += target.total - sum(wanted.values())
    free = [cells[i] for i in insatser if cells[i].national_f and not cells[i].fixed_n]
    printed = [cells[i] for i in insatser if cells[i].national_f and cells[i].fixed_n]

    def total() -> int:
        return sum(cell.n for cell in cells.values())

    def category_sum(c: str) -> int:
        return sum(cell.counts[c] for cell in cells.values())

    for _ in range(20_000):
        if wanted:
            gaps = {c: wanted[c] - category_sum(c) for c in CATEGORIES}
        elif target.total is not None:
            gaps = {"A": target.total - total()}
        else:
            return
        open_gaps = sorted((c for c in gaps if gaps[c]), key=lambda c: -abs(gaps[c]))
        if not open_gaps:
            return
        for c in open_gaps:
            step = 1 if gaps[c] > 0 else -1
            if _step(free, c, step, allowed, rng) or _swap(printed, c, step, gaps, allowed, rng):
                break
        else:
            return


def _step(free: list[Cell], category: str, step: int, allowed, rng) -> bool:
    """Move one free cell's count in ``category`` by ``step`` if every rule still holds."""
    candidates = [cell for cell in free if category not in cell.fixed]
    rng.shuffle(candidates)
    for cell in candidates:
        cell.counts[category] += step
        if cell.counts[category] >= 0 and _fits(cell) and all(allowed(cell, x) for x in CATEGORIES):
            return True
        cell.counts[category] -= step
    return False


def _swap(cells: list[Cell], category: str, step: int, gaps: dict[str, int], allowed, rng) -> bool:
    """In a cell whose n is printed, trade one answer between two unprinted categories."""
    others = sorted((c for c in CATEGORIES if c != category), key=lambda c: step * gaps.get(c, 0))
    candidates = [cell for cell in cells if category not in cell.fixed]
    rng.shuffle(candidates)
    for cell in candidates:
        for other in others:
            if other in cell.fixed or step * gaps.get(other, 0) > 0:
                continue
            cell.counts[category] += step
            cell.counts[other] -= step
            if min(cell.counts.values()) >= 0 and _fits(cell) and all(allowed(cell, x) for x in CATEGORIES):
                return True
            cell.counts[category] -= step
            cell.counts[other] += step
    return False
