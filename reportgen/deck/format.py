"""Swedish number formats for the deck's text and tables (SPEC §5, last paragraph).

The rules themselves live in ``reportgen.numbers`` so that a chart's value labels
and the slide text around it can never disagree; this module only adapts the metrics'
conventions to them: shares arrive as 0–1 (or None where nobody answered), and an
undefined figure is shown as a dash.
"""

from __future__ import annotations

import math

from reportgen import numbers as fmt

#: Shown where a figure is undefined (nobody answered).
MISSING = "–"


def _undefined(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def integer(value: float | None) -> str:
    """A count or a headline mean rounded half up: 1075, 44, "–"."""
    return MISSING if _undefined(value) else fmt.integer(value)  # type: ignore[arg-type]


def percent(share: float | None) -> str:
    """A share 0–1 as in the seed's tables: 0.64 → "64%"."""
    return MISSING if _undefined(share) else fmt.percent(share * 100)  # type: ignore[operator]


def percent_number(share: float | None) -> str:
    """A share 0–1 as the number before "procent" / "%" in running text: 0.4 → "40"."""
    return MISSING if _undefined(share) else fmt.integer(share * 100)  # type: ignore[operator]


def decimal(value: float | None, digits: int = 1) -> str:
    """4.46 → "4,5"."""
    return MISSING if _undefined(value) else fmt.decimal(value, digits)  # type: ignore[arg-type]


def points(share: float | None) -> float:
    """A share 0–1 as percent points for a chart's stacked100/percent series (0 if undefined)."""
    return 0.0 if _undefined(share) else float(share) * 100  # type: ignore[arg-type]


def mean(value: float | None) -> str:
    """A headline mean, shown rounded to a whole number (SPEC §5, Insatsutbud)."""
    return integer(value)
