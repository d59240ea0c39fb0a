"""Text measurement and fit rules of the PowerPoint renderer, against hand-computed widths.

Liberation Sans (Arial's metrics): "M" is 833/1000 em and the space 278/1000 em, so at
10 pt "MM" is 16.66 pt and "MM MM" is 36.10 pt.
"""

from __future__ import annotations

import pytest

from reportgen.deck.model import Paragraph, Table
from reportgen.measure import count_lines
from reportgen.render.pptx_fit import (
    ELLIPSIS,
    TableOverflowError,
    fit_table,
    fit_text,
    line_height,
    measuring_fonts,
)
from reportgen.theme import load_theme


@pytest.fixture(scope="module")
def fonts():
    return measuring_fonts(load_theme())


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        pytest.param("MM MM", 36.2, 1, id="just-fits"),
        pytest.param("MM MM", 36.0, 2, id="just-too-wide"),
        pytest.param("MMMMMMMMMM", 20.0, 5, id="long-word-broken: 83.3/20"),
        pytest.param("MM\nMM", 100.0, 2, id="explicit-newline"),
        pytest.param("", 100.0, 1, id="empty-cell-is-one-line"),
        pytest.param("MM MM MM", 36.2, 2, id="greedy"),
    ],
)
def test_count_lines(fonts, text: str, width: float, lines: int):
    assert count_lines(text, fonts.regular, 10.0, width) == lines


def test_fit_text_shrinks_in_half_points_until_one_line_fits(fonts):
    # "MM MM" is 3.61 pt per point of size; within 99 % of 30 pt it fits from 8 pt down.
    height = line_height(8.0) + 1e-9
    assert fit_text([Paragraph("MM MM")], 10.0, 6.0, 30 / 72, height, fonts) == 8.0
    assert fit_text([Paragraph("MM MM")], 10.0, 9.0, 30 / 72, height, fonts) == 9.0  # the floor wins


def _table(rows: int, text: str) -> Table:
    return Table(
        region="body",
        header=("Insats", "Andel"),
        rows=tuple((text, "50%") for _ in range(rows)),
        widths=(0.8, 0.2),
        align=("left", "right"),
    )


def test_a_short_table_keeps_the_theme_size(fonts):
    theme = load_theme()
    fit = fit_table(_table(3, "Boendestöd"), 6.0, 5.0, theme, fonts)
    assert fit.size == theme.sizes["table"]
    one_row = line_height(11.0) + 2 * 0.06 * 0.6
    assert fit.row_heights == pytest.approx((one_row,) * 4)


def test_a_table_of_long_names_shrinks_but_stays_readable(fonts):
    theme = load_theme()
    name = "Korttidsvistelse utanför det egna hemmet för växelvård, rehabilitering och eftervård " * 2
    fit = fit_table(_table(10, name.strip()), 4.0, 5.0, theme, fonts)
    assert theme.sizes["table_min"] <= fit.size < theme.sizes["table"]
    assert fit.height <= 5.0
    assert fit.rows[0][0] == name.strip()


def test_past_the_smallest_size_texts_are_shortened(fonts):
    theme = load_theme()
    fit = fit_table(_table(10, "Korttidsvistelse utanför hemmet " * 8), 3.0, 2.8, theme, fonts)
    assert fit.size == theme.sizes["table_min"]
    assert fit.height <= 2.8
    assert all(row[0].endswith(ELLIPSIS) for row in fit.rows)


def test_more_rows_than_a_region_holds_is_a_layout_defect(fonts):
    with pytest.raises(TableOverflowError, match="40 rows"):
        fit_table(_table(40, "Boendestöd"), 6.0, 1.0, load_theme(), fonts)
