"""Chart specs that several slides share, so their series, colours and alt texts agree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportgen.deck import alttext
from reportgen.deck.context import Context
from reportgen.deck.model import ChartSpec, Series

#: The theme colour key of each scope (layouts/theme.yaml): one colour per scope in every
#: chart. Municipality profiles use the same keys.
SCOPE_COLORS = {"unit": "scope_unit", "county": "scope_county", "national": "scope_national"}


def scope_color(ctx: Context) -> str:
    """The colour of the deck's own scope: Länet in a county deck, Riket in Riket's."""
    return SCOPE_COLORS["national" if ctx.national else "county"]


def unit_color(ctx: Context) -> str:
    """The colour of the scope's units: municipalities in a county deck, counties in Riket's."""
    return SCOPE_COLORS["county" if ctx.national else "unit"]


def compared_chart(
    ctx: Context,
    *,
    categories: Sequence[str],
    mine: Sequence[float],
    theirs: Sequence[float] | None,
    subject: str,
    value_format: str,
    **spec: Any,
) -> ChartSpec:
    """The scope's values beside Riket's as grouped bars or columns, each in its scope's
    colour. Riket's series is left out in the Riket deck itself and where ``theirs`` is
    None (no figures)."""
    series = [(str(ctx.values["scope_label"]), list(mine), scope_color(ctx))]
    if theirs is not None and not ctx.national:
        series.append((str(ctx.values["riket"]), list(theirs), SCOPE_COLORS["national"]))
        subject += " jämfört med riket"
    return ChartSpec(
        categories=tuple(categories),
        series=tuple(Series(name, tuple(values), color) for name, values, color in series),
        alt_text=alttext.grouped(subject, list(categories), [(n, v) for n, v, _ in series], value_format),
        value_format=value_format,  # type: ignore[arg-type]
        **spec,
    )
