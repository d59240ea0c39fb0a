"""Whole percents as printed in the seed's tables (SPEC §5): rounded half up.

Computed in integers so that 12,5 % becomes 13 % without binary-float surprises
(Python's ``round`` rounds half to even, and 0.285 * 100 is 28.499…).
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def whole_percent(count: int, total: int) -> int | None:
    """100 · count / total rounded half up; None where total is 0 (nobody answered)."""
    if total <= 0:
        return None
    return (200 * count + total) // (2 * total)


def whole_percents(counts: np.ndarray, totals: np.ndarray) -> pd.arrays.IntegerArray:
    """``whole_percent`` over arrays, as nullable Int64 (NA where total is 0)."""
    counts = np.asarray(counts, dtype=np.int64)
    totals = np.asarray(totals, dtype=np.int64)
    safe = np.maximum(totals, 1)
    values = (200 * counts + safe) // (2 * safe)
    return pd.arrays.IntegerArray(values, mask=totals <= 0)
