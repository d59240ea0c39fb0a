"""One analysis for form, regi and beslut (SPEC §5, DESIGN "one dimension, three uses").

Every dimension has the categories A only / both / B only ("A", "AB", "B"). The unit of
counting is the (respondent, offered insats) pair with a non-blank answer to the
dimension's follow-up ("100 % = N insatser … där frågan besvarats"). Only the labels
differ between the three dimensions, and labels live in layouts/.
"""

from __future__ import annotations

import numpy as np

from reportgen.metrics.model import CategoryShares, Dimension, Distribution, InsatsCategory, RespondentCount
from reportgen.metrics.scope import BLANK, AreaTables
from reportgen.survey import CATEGORIES, INDIVIDUALS

TOP3 = 3
TOP5 = 5
_K = len(CATEGORIES)


def _counts(row: np.ndarray) -> dict[str, int]:
    return {category: int(row[k]) for k, category in enumerate(CATEGORIES)}


def total_shares(tables: AreaTables, dimension: str, key: str, label: str) -> CategoryShares:
    """Category counts over all pairs of the scope; n_respondents = units with ≥1 pair."""
    codes = tables.answers[dimension]
    pairs = codes != BLANK
    units = tables.answers["unit"][pairs]
    return CategoryShares(
        key=key,
        label=label,
        n_pairs=int(pairs.sum()),
        n_respondents=len(np.unique(units)),
        counts=_counts(np.bincount(codes[pairs], minlength=_K)),
    )


def dimension(
    tables: AreaTables,
    dimension: str,
    respondent_order: tuple[RespondentCount, ...],
    total: CategoryShares,
    national_total: CategoryShares,
) -> Dimension:
    """All figures of one dimension for one scope and area.

    ``respondent_order`` is ``Offer.per_respondent`` (most offered first), so the
    stacked bars line up with the offered chart; ``total`` / ``national_total`` come from
    ``total_shares`` so that Riket is computed once.
    """
    answers = tables.answers
    codes = answers[dimension]
    pairs = codes != BLANK
    code = codes[pairs].astype(np.int64)
    insats = answers["insats"][pairs]
    unit = answers["unit"][pairs]
    group = answers["group"][pairs]

    per_insats = _per_insats(tables, np.bincount(insats * _K + code, minlength=_K * len(tables.insatser)))
    return Dimension(
        dimension=dimension,
        total=total,
        national_total=national_total,
        per_insats=per_insats,
        top3=_top(per_insats, TOP3),
        top5=_top(per_insats, TOP5),
        per_respondent=_per_respondent(tables, unit, code, respondent_order),
        per_group=_per_group(tables, group, unit, code),
        individuals=_individuals(answers["individuals"][pairs], code),
    )


def _per_insats(tables: AreaTables, flat: np.ndarray) -> tuple[tuple[str, dict[str, InsatsCategory]], ...]:
    """Insatser with at least one answered pair, catalog order; n = pairs of the insats."""
    matrix = flat.reshape(-1, _K)
    ids = tables.insatser.index.tolist()
    labels = tables.insatser["label"].tolist()
    result = []
    for i, row in zip(
        np.flatnonzero(matrix.sum(axis=1)).tolist(), matrix[matrix.sum(axis=1) > 0].tolist(), strict=True
    ):
        n = sum(row)
        cats = {c: InsatsCategory(ids[i], labels[i], n, row[k], row[k] / n) for k, c in enumerate(CATEGORIES)}
        result.append((ids[i], cats))
    return tuple(result)


def _top(
    per_insats: tuple[tuple[str, dict[str, InsatsCategory]], ...], n: int
) -> dict[str, tuple[InsatsCategory, ...]]:
    """Per category: count desc, ties by share desc, then catalog order; count 0 excluded."""
    top: dict[str, tuple[InsatsCategory, ...]] = {}
    for category in CATEGORIES:
        rows = [(pos, cats[category]) for pos, (_, cats) in enumerate(per_insats) if cats[category].count > 0]
        rows.sort(key=lambda item: (-item[1].count, -item[1].share, item[0]))
        top[category] = tuple(row for _, row in rows[:n])
    return top


def _per_respondent(
    tables: AreaTables, unit: np.ndarray, code: np.ndarray, order: tuple[RespondentCount, ...]
) -> tuple[CategoryShares, ...]:
    matrix = np.bincount(unit * _K + code, minlength=_K * tables.n_register_units).reshape(-1, _K)
    positions = tables.units["unit"].reindex([r.respondent_id for r in order]).to_numpy(dtype=np.int64)
    rows = matrix[positions].tolist()
    return tuple(
        CategoryShares(
            key=r.respondent_id,
            label=r.name,
            n_pairs=sum(row),
            n_respondents=int(sum(row) > 0),
            counts=dict(zip(CATEGORIES, row, strict=True)),
        )
        for r, row in zip(order, rows, strict=True)
    )


def _per_group(tables: AreaTables, group: np.ndarray, unit: np.ndarray, code: np.ndarray) -> tuple[CategoryShares, ...]:
    """Huvudgrupper in catalog order; n_respondents = units with ≥1 answered pair in the group."""
    n_groups = len(tables.groups)
    matrix = np.bincount(group * _K + code, minlength=_K * n_groups).reshape(-1, _K)
    pairs_of = np.unique(group * tables.n_register_units + unit) // tables.n_register_units
    respondents = np.bincount(pairs_of, minlength=n_groups)
    return tuple(
        CategoryShares(
            key=str(gid),
            label=str(name),
            n_pairs=int(matrix[g].sum()),
            n_respondents=int(respondents[g]),
            counts=_counts(matrix[g]),
        )
        for g, (gid, name) in enumerate(zip(tables.groups["huvudgrupp_id"], tables.groups["huvudgrupp"], strict=True))
    )


def _individuals(individuals: np.ndarray, code: np.ndarray) -> dict[str, Distribution]:
    """Individuals-reached buckets per category; n = pairs with a non-blank bucket."""
    n_buckets = len(INDIVIDUALS)
    pairs_in = np.bincount(code, minlength=_K)
    known = individuals != BLANK
    matrix = np.bincount(
        code[known] * n_buckets + individuals[known].astype(np.int64), minlength=_K * n_buckets
    ).reshape(_K, n_buckets)
    return {
        category: Distribution(
            category=category,
            n_pairs=int(pairs_in[k]),
            n=int(matrix[k].sum()),
            counts={bucket: int(matrix[k, b]) for b, bucket in enumerate(INDIVIDUALS)},
        )
        for k, category in enumerate(CATEGORIES)
    }
