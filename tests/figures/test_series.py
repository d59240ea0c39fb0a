"""Bar thickness for few bars and the axis title's size (findings of the visual review
of the decks; value labels and mean lines: test_value_labels.py)."""

from __future__ import annotations

from dataclasses import replace

import matplotlib as mpl
import pytest
from matplotlib.collections import PolyCollection

from reportgen.deck.model import ChartSpec
from reportgen.figures.draw import build_figure, chart_rc
from reportgen.figures.series import axis_title, axis_title_size, bar_thickness_cap
from reportgen.figures.style import ChartStyle, chart_fonts
from reportgen.theme import load_theme

from . import samples as S
from .helpers import draw_and_read

THEME = load_theme()
STYLE = ChartStyle(bar_max_thickness=0.32, bar_few=6, bar_few_max_thickness=0.6, label_max_size=10)


@pytest.mark.parametrize(
    ("n", "cap"),
    [
        (1, 0.6),
        (4, 0.6),
        (6, 0.6),
        (8, 0.45),  # 0.6 × 6 / 8: the block of bars as tall as with 6
        (10, 0.36),
        (12, 0.32),  # 0.6 × 6 / 12 = 0.30, under the floor of many bars
        (40, 0.32),
    ],
)
def test_few_bars_may_be_thicker(n, cap):
    assert bar_thickness_cap(n, STYLE) == pytest.approx(cap)


def _bar_heights(spec: ChartSpec) -> list[float]:
    """Each drawn bar's thickness in inches."""
    with chart_rc(), mpl.rc_context({"text.hinting": "no_hinting"}):
        fig = build_figure(spec)
        ax = fig.axes[0]
        per_unit = ax.get_position().height * fig.get_figheight() / abs(ax.get_ylim()[0] - ax.get_ylim()[1])
        heights = []
        for coll in ax.collections:
            if isinstance(coll, PolyCollection):
                for path in coll.get_paths():
                    ys = path.vertices[:, 1]
                    heights.append(float(ys.max() - ys.min()) * per_unit)
        return heights


def test_four_bars_fill_more_than_half_the_box():
    spec = replace(S.ranked(4), caption="")
    style = ChartStyle.from_theme(THEME)
    heights = _bar_heights(spec)
    assert heights == pytest.approx([style.bar_few_max_thickness] * 4)
    # 4 slots of 0.6 / 0.72 inches: 3.33 of the body's 5.15 inches.
    assert 4 * style.bar_few_max_thickness / style.bar_fill > 0.6 * THEME.region("body").height


def test_forty_bars_keep_to_the_box():
    heights = _bar_heights(replace(S.ranked(40), caption=""))
    assert len(heights) == 40
    assert max(heights) < ChartStyle.from_theme(THEME).bar_max_thickness


@pytest.mark.parametrize("spec", [S.status(), replace(S.ranked(6), axis_label="Antal erbjudna insatser av 75")])
def test_axis_title_is_as_large_as_the_chart_text(spec):
    _, texts = draw_and_read(spec)
    title = next(t for t in texts if t.text == spec.axis_label)
    style = ChartStyle.from_theme(THEME)
    assert title.size == axis_title_size(style) == max(style.label_max_size, style.label_max_size - 2)
    assert all(title.size >= t.size for t in texts if t.text != spec.axis_label and t.text[:1].isdigit())


def test_long_axis_title_is_cut_to_the_width():
    fonts = chart_fonts(THEME)
    text = "Andel som ges i respektive form " * 4
    cut = axis_title(text, fonts, STYLE, 2.0)
    assert cut.endswith("…") and fonts.regular.width(cut, 10) <= 2.0
    assert axis_title("Antal kommuner", fonts, STYLE, 2.0) == "Antal kommuner"
