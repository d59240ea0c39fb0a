"""The ten most and ten least common insatser (SPEC §5).

Most common: most offering respondents first, ties by higher share, then catalog order.
Least common: only insatser offered by at least one respondent, fewest first, ties by
lower share, then catalog order. An insats offered by nobody is in neither list: it is
not "common", and its share may be undefined.
"""

from __future__ import annotations

import pandas as pd

from reportgen.metrics.model import InsatsShare

TOP_N = 10


def most_common(table: pd.DataFrame, n: int = TOP_N) -> tuple[InsatsShare, ...]:
    """``table`` as from ``offer.insats_table`` (columns insats, offered, answered, share, order)."""
    rows = table[table["offered"] > 0]
    rows = rows.sort_values(["offered", "share", "order"], ascending=[False, False, True], kind="stable")
    return _shares(rows.head(n))


def least_common(table: pd.DataFrame, n: int = TOP_N) -> tuple[InsatsShare, ...]:
    rows = table[table["offered"] > 0]
    rows = rows.sort_values(["offered", "share", "order"], ascending=[True, True, True], kind="stable")
    return _shares(rows.head(n))


def _shares(rows: pd.DataFrame) -> tuple[InsatsShare, ...]:
    return tuple(
        InsatsShare(
            insats_id=str(insats_id),
            insats=str(row.insats),
            offered=int(row.offered),
            answered=int(row.answered),
            share=float(row.share),
        )
        for insats_id, row in zip(rows.index, rows.itertuples(index=False), strict=True)
    )
