"""Workers take the heaviest scopes first (issue 6: the batch's tail is one big county)."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from reportgen.batch.runner import heaviest_first
from reportgen.metrics.model import Scope


def _ctx(units_per_county: dict[str, int]) -> SimpleNamespace:
    codes = [code for code, n in units_per_county.items() for _ in range(n)]
    units = pd.DataFrame({"county_code": codes})

    def units_of(code: str | None) -> pd.DataFrame:
        return units if code is None else units[units["county_code"] == code]

    return SimpleNamespace(survey=SimpleNamespace(register=SimpleNamespace(units_of=units_of)))


def test_most_units_first_riket_leads_ties_keep_their_order():
    ctx = _ctx({"10": 5, "12": 33, "14": 49, "09": 1, "13": 5})
    scopes = [Scope(f"Län {c}", c, f"lan-{c}") for c in ("10", "12", "14", "09", "13")]
    riket = Scope("Riket", None, "riket")
    order = heaviest_first(ctx, [*scopes, riket])  # type: ignore[arg-type]
    assert [s.slug for s in order] == ["riket", "lan-14", "lan-12", "lan-10", "lan-13", "lan-09"]
