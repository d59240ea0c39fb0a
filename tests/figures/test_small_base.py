"""Bars on a small base are hatched where they stand, values unchanged (issue 14 item 4)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from matplotlib.collections import PolyCollection

from reportgen.deck.model import ChartSpec, Series
from reportgen.figures.rects import SMALL_BASE_HATCH
from tests.figures.helpers import draw_and_read, overlaps

STACKED = ChartSpec(
    region="body",
    kind="stacked100",
    categories=("Malmö (240)", "Åstorp (2)", "Sjöbo (3)", "Länet", "Riket"),
    series=(
        Series("Enbart kommunal regi", (70.0, 100.0, 66.7, 75.0, 72.0), "cat_A"),
        Series("Både kommunal och enskild regi", (20.0, 0.0, 33.3, 20.0, 20.0), "cat_AB"),
        Series("Enbart enskild regi", (10.0, 0.0, 0.0, 5.0, 8.0), "cat_B"),
    ),
    alt_text="test",
    value_format="percent",
    highlight=(3, 4),
    key="test/small-base",
    small_base=(1, 2),
    small_base_label="Streckad stapel: färre än 5 svar",
)
PANEL = ChartSpec(
    region="col3",
    kind="column",
    orientation="vertical",
    categories=("1–20", "21–100", "101–500", "Fler än 500", "Vet ej"),
    series=(Series("Enbart digital form", (100.0, 0.0, 0.0, 0.0, 0.0), "cat_B"),),
    alt_text="test",
    value_format="percent",
    legend=False,
    key="test/panel",
    small_base=(0, 1, 2, 3, 4),
)


def _hatched(fig) -> list[PolyCollection]:
    return [c for ax in fig.axes for c in ax.collections if c.get_hatch() == SMALL_BASE_HATCH]


def _extent(collection: PolyCollection) -> list[tuple[float, float, float, float]]:
    return [tuple(np.round([*p.vertices.min(axis=0), *p.vertices.max(axis=0)], 3)) for p in collection.get_paths()]


def test_marked_rows_are_hatched_over_each_segment():
    fig, texts = draw_and_read(STACKED)
    hatches = _hatched(fig)
    # One hatch per series, each over the two marked rows (1 and 2) only.
    assert len(hatches) == 3
    rows = {round((top + bottom) / 2) for c in hatches for _, bottom, _, top in _extent(c)}
    assert rows == {1, 2}
    # Åstorp's first segment runs from 0 to 100 %, Sjöbo's second from 66.7 to 100 %.
    first = _extent(hatches[0])
    assert (first[0][0], first[0][2]) == (0.0, 100.0)
    second = _extent(hatches[1])
    assert (second[1][0], second[1][2]) == (66.7, 100.0)
    labels = [t.text for t in texts]
    assert "Streckad stapel: färre än 5 svar" in labels
    # The values stay, written over the hatch without touching other texts.
    assert "100%" in labels and "67%" in labels and "33%" in labels
    assert not overlaps(texts)


def test_unmarked_chart_has_no_hatch_and_no_legend_entry():
    fig, texts = draw_and_read(replace(STACKED, small_base=()))
    assert not _hatched(fig)
    assert "Streckad stapel: färre än 5 svar" not in [t.text for t in texts]


def test_a_small_panel_is_hatched_whole():
    fig, _ = draw_and_read(PANEL)
    (hatch,) = _hatched(fig)
    assert len(hatch.get_paths()) == 5
    heights = [top - bottom for _, bottom, _, top in _extent(hatch)]
    assert heights == [100.0, 0.0, 0.0, 0.0, 0.0]
