"""What a native PowerPoint chart holds for one ChartSpec: its rows, series and colours.

A native chart keeps its data inside itself (PowerPoint's "Edit Data" opens it in
Excel), so everything it shows must be data. Reference lines (Länet's and Riket's
means) cannot be: python-pptx writes no combination charts, and a line drawn over the
chart by hand stays where it was when the analyst changes a value or the axis. The
usual workaround — an XY series on secondary axes — is drawn by PowerPoint, but
LibreOffice and other programs cannot mix XY with category charts and draw it as stray
categories. So each line becomes a row of its own at the end ("Länet (snitt)"), in its
scope's colour: ordinary chart data that every program draws, that "Edit Data" shows
beside the municipalities, and that keeps its meaning when a value is edited.

Everything here is read from the spec: names, values, theme colour keys, highlighted
positions. Nothing is computed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportgen.deck.model import ChartSpec, Series


@dataclass(frozen=True)
class NativeForm:
    """The spec as the native chart shows it, and the colour key of each point whose
    fill differs from its series' (the rows that stand for reference lines)."""

    spec: ChartSpec
    point_colors: tuple[tuple[int, int, str], ...]  # (series, category, theme colour key)
    reference_rows: tuple[int, ...]  # category positions that stand for reference lines


def native_form(spec: ChartSpec) -> NativeForm:
    """``spec`` with its reference lines as highlighted rows after the categories.

    The line's value goes in the first series (the one the lines are drawn against in
    the pictures); further series leave that row empty.
    """
    if not spec.reference_lines:
        return NativeForm(spec, (), ())
    n = len(spec.categories)
    refs = spec.reference_lines
    rows = tuple(range(n, n + len(refs)))
    series = tuple(
        replace(s, values=s.values + tuple(r.value if j == 0 else float("nan") for r in refs))
        for j, s in enumerate(spec.series)
    )
    shown = replace(
        spec,
        categories=spec.categories + tuple(r.name or r.label for r in refs),
        series=series,
        reference_lines=(),
        highlight=spec.highlight + rows,
    )
    colors = tuple((0, row, ref.color) for row, ref in zip(rows, refs, strict=True))
    return NativeForm(shown, colors, rows)


def series_values(series: Series) -> tuple[float | None, ...]:
    """A series' values for the chart's workbook: an empty cell where there is no value."""
    return tuple(None if v != v else float(v) for v in series.values)  # NaN is the only value unequal to itself
