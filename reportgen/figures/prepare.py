"""What every chart kind needs from a spec before it draws: values, colours, legend.

A spec's figures are final (renderers never compute; DESIGN.md); this module only
checks their shape and picks how to show them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from matplotlib.ticker import MaxNLocator

from reportgen import numbers as fmt
from reportgen.deck.model import ChartSpec
from reportgen.figures.legend import LegendEntry
from reportgen.figures.rects import SMALL_BASE_HATCH
from reportgen.figures.style import ChartStyle, Fonts, Palette, chart_fonts, palette
from reportgen.theme import Theme, per_theme

# Reference lines are told apart by dash as well as colour (never colour alone).
LINE_STYLES: tuple[object, ...] = ("-", (0, (4, 2)), (0, (1, 1.5)), (0, (6, 2, 1, 2)))


@dataclass(frozen=True)
class Context:
    theme: Theme
    style: ChartStyle
    palette: Palette
    fonts: Fonts


@per_theme
def context(theme: Theme) -> Context:
    return Context(theme, ChartStyle.from_theme(theme), palette(theme), chart_fonts(theme))


def chart_context(spec: ChartSpec, theme: Theme) -> Context:
    """The context to draw ``spec`` with: fonts that have a glyph for each of its texts.

    Numbers are written with digits, "," "%" "−" "–" and narrow spaces only (reportgen.numbers),
    which every chart font has, so the spec's own words decide.
    """
    ctx = context(theme)
    texts = [*spec.categories, *(s.name for s in spec.series), *(r.label for r in spec.reference_lines)]
    fonts = ctx.fonts.covering([*texts, spec.axis_label])
    return ctx if fonts is ctx.fonts else replace(ctx, fonts=fonts)


@dataclass(frozen=True)
class Prepared:
    values: np.ndarray  # series × categories
    colors: tuple[str, ...]  # one per series
    stacked: bool
    vmax: float  # the value axis runs from 0 to this; never 0

    @property
    def n(self) -> int:
        return int(self.values.shape[1])

    @property
    def k(self) -> int:
        return int(self.values.shape[0])


def prepare(spec: ChartSpec, ctx: Context) -> Prepared:
    n = len(spec.categories)
    if n == 0 or not spec.series:
        raise ValueError(f"chart {spec.key or spec.region!r} has no categories or no series")
    for s in spec.series:
        if len(s.values) != n:
            raise ValueError(f"chart {spec.key!r}: series {s.name!r} has {len(s.values)} values for {n} categories")
    values = np.nan_to_num(np.array([s.values for s in spec.series], dtype=float), nan=0.0)
    default = ctx.palette.series
    colors = tuple(
        ctx.theme.color(s.color) if s.color else default[i % len(default)] for i, s in enumerate(spec.series)
    )
    stacked = spec.chart_kind.stacked
    if stacked:
        vmax = max(100.0, float(values.sum(axis=0).max()))
    else:
        refs = [r.value for r in spec.reference_lines]
        vmax = float(max([values.max(), *refs, spec.value_max or 0.0]))
    return Prepared(values, colors, stacked, vmax if vmax > 0 else 1.0)


def legend_entries(spec: ChartSpec, prep: Prepared, ctx: Context) -> list[LegendEntry]:
    """Series names when there are several (or shares), then the reference lines.

    Reference lines always get an entry, even when the spec asks for no legend: a line
    nobody can name is worse than a legend (the builder's ``legend=False`` drops the
    series entries only).
    """
    entries: list[LegendEntry] = []
    if spec.legend and (prep.k > 1 or prep.stacked):
        entries += [LegendEntry(s.name, c) for s, c in zip(spec.series, prep.colors, strict=True)]
    for i, ref in enumerate(spec.reference_lines):
        entries.append(
            LegendEntry(ref.label, ctx.theme.color(ref.color), line=True, linestyle=LINE_STYLES[i % len(LINE_STYLES)])
        )
    if spec.small_base and spec.small_base_label:
        muted = ctx.palette.muted
        entries.append(
            LegendEntry(spec.small_base_label, muted, hatch=SMALL_BASE_HATCH, hatch_color=text_color_on(muted))
        )
    return entries


def value_text(spec: ChartSpec, prep: Prepared, x: float) -> str:
    return fmt.percent(x) if prep.stacked else fmt.value(x, spec.value_format)


def tick_text(spec: ChartSpec, prep: Prepared, t: float) -> str:
    """A tick's label: whole ticks of a decimal axis read "4", not "4,0"."""
    if not prep.stacked and spec.value_format == "decimal" and float(t).is_integer():
        return fmt.integer(t)
    return value_text(spec, prep, t)


def axis_ticks(spec: ChartSpec, prep: Prepared) -> list[float]:
    """Ticks of a shown value axis: quarters for shares, else round numbers up to the first
    at or above the largest value (the axis then ends there)."""
    if prep.stacked:
        return [0.0, 25.0, 50.0, 75.0, 100.0]
    locator = MaxNLocator(nbins=5, integer=spec.value_format == "count", min_n_ticks=2)
    ticks: list[float] = []
    for t in locator.tick_values(0.0, prep.vmax):
        if t >= 0.0:
            ticks.append(float(t))
            if t >= prep.vmax * (1 - 1e-9):
                break
    return ticks


def text_color_on(fill: str) -> str:
    """White or near-black text, whichever reads better on ``fill`` (WCAG relative luminance)."""
    r, g, b = (int(fill.lstrip("#")[i : i + 2], 16) / 255.0 for i in (0, 2, 4))

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    # Contrast against white (1.05/(L+0.05)) vs against black ((L+0.05)/0.05).
    return "#FFFFFF" if 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 else "#1A1A1A"


def highlight_edges(spec: ChartSpec, n: int) -> list[float]:
    """Category-axis positions between a highlighted run and its neighbours (Länet and
    Riket below the municipalities): a thin rule there sets the run apart."""
    marked = {i for i in spec.highlight if 0 <= i < n}
    return [i - 0.5 for i in range(1, n) if (i in marked) != (i - 1 in marked)]
