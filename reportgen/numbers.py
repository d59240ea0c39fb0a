"""Swedish number formats for charts, tables and text (SPEC §5, last paragraph).

Percentages are whole numbers written as in the seed's tables (``64%``); decimals use
the decimal comma (``4,5``); negative numbers take the typographic minus (``−``);
numbers of five digits or more are grouped in threes with a narrow no-break space
(Språkrådet's rule; four-digit numbers such as the seed's ``100 % = 1075`` stay
ungrouped). Rounding is half up, as printed statistics are, never Python's
round-half-to-even, and float noise such as ``64.49999999`` from a division is absorbed
first.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

MINUS = "\u2212"
NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
GROUP_FROM = 10_000  # Språkrådet: group digits in numbers of more than four digits


def _rounded(x: float, digits: int) -> Decimal:
    exact = Decimal(repr(float(x))).quantize(Decimal("1e-9"), rounding=ROUND_HALF_UP)
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _grouped(digits: str) -> str:
    if int(digits) < GROUP_FROM:
        return digits
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return NARROW_NBSP.join(groups)


def _signed(value: Decimal, digits: int) -> str:
    text = f"{abs(value):.{digits}f}"
    whole, _, frac = text.partition(".")
    body = _grouped(whole) + ("," + frac if frac else "")
    return (MINUS + body) if value < 0 else body


def integer(n: float) -> str:
    """A count: ``1075``, ``12 345`` (narrow no-break space), ``−3``; rounds half up."""
    return _signed(_rounded(n, 0), 0)


def decimal(x: float, digits: int = 1) -> str:
    """A number with decimal comma: ``decimal(4.45) == "4,5"``, ``decimal(12, 1) == "12,0"``."""
    return _signed(_rounded(x, digits), digits)


def percent(x: float, *, spaced: bool = False) -> str:
    """A share given in percent points (0–100) as a whole percent: ``percent(64.4) == "64%"``.

    Tables and charts write ``64%`` like the seed; ``spaced=True`` gives running text's
    ``64 %`` with a no-break space so the sign never starts a line.
    """
    return integer(x) + (NBSP if spaced else "") + "%"


def value(x: float, value_format: str) -> str:
    """A chart value in the format a ChartSpec names ("count", "percent" or "decimal")."""
    if value_format == "percent":
        return percent(x)
    if value_format == "decimal":
        return decimal(x)
    return integer(x)
