"""The ten most and ten least common insatser (SPEC §5).

Most common: most offering respondents first, ties by higher share, then catalog order.
Least common: only insatser offered by at least one respondent, fewest first, ties by
lower share, then catalog order. An insats offered by nobody is in neither list: it is
not "common", and its share may be undefined.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.metrics.model import InsatsShare

TOP_N = 10


def most_common(table: pd.DataFrame, n: int = TOP_N) -> tuple[InsatsShare, ...]:
    """``table`` as from ``offer.insats_table`` (columns insats, offered, answered, share, order)."""
    return _ranked(table, n, most=True)


def least_common(table: pd.DataFrame, n: int = TOP_N) -> tuple[InsatsShare, ...]:
    return _ranked(table, n, most=False)


def _ranked(table: pd.DataFrame, n: int, most: bool) -> tuple[InsatsShare, ...]:
    offered = table["offered"].to_numpy(dtype=np.int64)
    share = table["share"].to_numpy(dtype=float)
    order = table["order"].to_numpy(dtype=np.int64)
    sign = -1 if most else 1
    # np.lexsort sorts by the last key first; offered > 0 implies a defined share.
    ranked = np.lexsort((order, sign * np.nan_to_num(share), sign * offered))
    ranked = ranked[offered[ranked] > 0][:n].tolist()
    ids = table.index.tolist()
    names = table["insats"].tolist()
    answered = table["answered"].tolist()
    return tuple(
        InsatsShare(
            insats_id=str(ids[i]),
            insats=str(names[i]),
            offered=int(offered[i]),
            answered=int(answered[i]),
            share=float(share[i]),
        )
        for i in ranked
    )
