"""Wish to give insatser without decision if the law allowed it (SPEC §5).

Shares over responding respondents with a non-blank answer; per huvudgrupp the number
of responding respondents who chose it (``Survey.wish_groups``).
"""

from __future__ import annotations

import numpy as np

from reportgen.metrics.model import Wish
from reportgen.metrics.scope import AreaTables

WISH_CODES = ("ja", "nej", "vet_ej")


def wish(tables: AreaTables) -> Wish:
    found = tables.responding["wish"].value_counts()
    counts = {code: int(found.get(code, 0)) for code in WISH_CODES}
    group_pos = tables.wish_groups["huvudgrupp_id"].map(
        {gid: g for g, gid in enumerate(tables.groups["huvudgrupp_id"])}
    )
    chosen = np.bincount(group_pos.dropna().to_numpy(dtype=np.int64), minlength=len(tables.groups))
    per_group = tuple(
        (str(gid), str(name), int(chosen[g]))
        for g, (gid, name) in enumerate(zip(tables.groups["huvudgrupp_id"], tables.groups["huvudgrupp"], strict=True))
    )
    return Wish(answered=sum(counts.values()), counts=counts, per_group=per_group)
