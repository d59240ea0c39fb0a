"""The legend above a chart: swatches and names flowed into rows, left to right.

Drawn by hand rather than with ``Figure.legend`` so its height is known before the axes
are placed, its rows read in the order the series are named (Matplotlib fills legend
columns top-down) and a name too long for the chart's width is shortened, not clipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from reportgen.figures.style import Fonts
from reportgen.figures.textblock import draw_block
from reportgen.measure import shorten

# Lengths as multiples of the font size.
SWATCH = 0.8
LINE_SWATCH = 1.8
SWATCH_GAP = 0.4
ENTRY_GAP = 1.5
ROW_HEIGHT = 1.35


@dataclass(frozen=True)
class LegendEntry:
    label: str
    color: str
    line: bool = False  # a reference line (drawn as a line), else a filled swatch
    linestyle: object = "-"
    linewidth: float = 1.5
    hatch: str = ""  # a hatched swatch (bars on a small base), lines in ``hatch_color``
    hatch_color: str = "#FFFFFF"


@dataclass(frozen=True)
class PlacedEntry:
    entry: LegendEntry
    x: float  # inches from the figure's left edge
    label: str  # possibly shortened


@dataclass(frozen=True)
class LegendLayout:
    rows: tuple[tuple[PlacedEntry, ...], ...]
    size: float
    fonts: Fonts
    line_spacing: float = 1.2

    @property
    def height(self) -> float:
        return len(self.rows) * ROW_HEIGHT * self.size / 72.0

    @property
    def width(self) -> float:
        """Inches from the legend's left edge to the end of its longest row."""
        em = self.size / 72.0
        return max(
            (
                p.x + _swatch_width(p.entry, self.size) + SWATCH_GAP * em + self.fonts.regular.width(p.label, self.size)
                for row in self.rows
                for p in row
            ),
            default=0.0,
        )


def _swatch_width(entry: LegendEntry, size: float) -> float:
    return (LINE_SWATCH if entry.line else SWATCH) * size / 72.0


def layout_legend(entries: Sequence[LegendEntry], fonts: Fonts, size: float, width: float) -> LegendLayout:
    metrics = fonts.regular
    em = size / 72.0
    rows: list[tuple[PlacedEntry, ...]] = []
    row: list[PlacedEntry] = []
    x = 0.0
    for entry in entries:
        lead = _swatch_width(entry, size) + SWATCH_GAP * em
        label = shorten(entry.label, metrics, size, max(width - lead, em))
        need = lead + metrics.width(label, size)
        if row and x + need > width:
            rows.append(tuple(row))
            row, x = [], 0.0
        row.append(PlacedEntry(entry, x, label))
        x += need + ENTRY_GAP * em
    if row:
        rows.append(tuple(row))
    return LegendLayout(tuple(rows), size, fonts)


def draw_legend(fig: Figure, layout: LegendLayout, left: float, top: float) -> None:
    """Draw the rows with their top at ``top`` inches below the figure's top edge."""
    height = fig.get_figheight()
    em = layout.size / 72.0
    for r, row in enumerate(layout.rows):
        y = height - top - (r + 0.5) * ROW_HEIGHT * em
        for placed in row:
            entry = placed.entry
            x0 = left + placed.x
            w = _swatch_width(entry, layout.size)
            if entry.line:
                fig.add_artist(
                    Line2D(
                        [x0, x0 + w],
                        [y, y],
                        color=entry.color,
                        linestyle=entry.linestyle,
                        linewidth=entry.linewidth,
                        transform=fig.dpi_scale_trans,
                    )
                )
            else:
                side = SWATCH * em
                fig.add_artist(
                    Rectangle(
                        (x0, y - side / 2),
                        side,
                        side,
                        facecolor=entry.color,
                        edgecolor="none",
                        hatch=entry.hatch or None,
                        hatchcolor=entry.hatch_color,
                        transform=fig.dpi_scale_trans,
                    )
                )
            draw_block(
                fig,
                fig,
                x0 + w + SWATCH_GAP * em,
                y,
                [placed.label],
                size=layout.size,
                fonts=layout.fonts,
                line_spacing=layout.line_spacing,
                anchor="center",
                transform=fig.dpi_scale_trans,
                ha="left",
            )
