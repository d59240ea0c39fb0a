from __future__ import annotations

from dataclasses import replace

import pytest

from reportgen.figures.layout import caption_lines, chart_box, fit_size, plan_row_labels
from reportgen.figures.style import ChartStyle, chart_fonts
from reportgen.theme import load_theme

from . import samples as S

THEME = load_theme()
STYLE = ChartStyle.from_theme(THEME)


def test_chart_box_is_the_region_without_a_caption():
    spec = replace(S.grouped(), caption="")
    assert chart_box(spec, THEME) == THEME.region("body")


def test_chart_box_leaves_the_caption_lines_above():
    spec = S.ranked(5)  # caption "Antal insatser som kommunen erbjuder": one line
    region = THEME.region("body")
    box = chart_box(spec, THEME)
    used = THEME.sizes["caption"] * STYLE.line_spacing / 72 + STYLE.caption_gap
    assert caption_lines(spec, THEME) == ("Antal insatser som kommunen erbjuder",)
    assert (box.x, box.width) == (region.x, region.width)
    assert box.y == pytest.approx(region.y + used)
    assert box.y + box.height == pytest.approx(region.y + region.height)


def test_long_caption_wraps_to_the_region_and_keeps_explicit_breaks():
    text = "100 % = 723\ninsatser över samtliga kommuner i länet där frågan besvarats och något mer"
    spec = replace(S.status(region="col1"), caption=text)
    lines = caption_lines(spec, THEME)
    assert lines[0] == "100 % = 723"
    assert len(lines) == 3
    fonts = chart_fonts(THEME)
    assert all(fonts.regular.width(line, THEME.sizes["caption"]) <= THEME.region("col1").width for line in lines)
    box = chart_box(spec, THEME)
    assert box.height == pytest.approx(
        THEME.region("col1").height - 3 * THEME.sizes["caption"] * STYLE.line_spacing / 72 - STYLE.caption_gap
    )


def test_fit_size_caps_at_the_theme_maximum_and_follows_small_slots():
    assert fit_size(100.0, 1, STYLE) == STYLE.label_max_size
    # 8 pt slot, one line: 8 / (1.1 ink + 0.1 gap).
    assert fit_size(8.0, 1, STYLE) == pytest.approx(8.0 / 1.2)
    # Two lines add one line pitch.
    assert fit_size(24.0, 2, STYLE) == pytest.approx(24.0 / (1.2 + 1.2))


def test_row_labels_prefer_two_lines_over_shortening():
    fonts = chart_fonts(THEME)
    names = S.LONG_INSATSER[:2]
    plan = plan_row_labels(names, [False, False], fonts.regular, fonts.bold, STYLE, slot=0.5, max_width=3.0)
    assert plan.shortened == 0
    assert max(len(lines) for lines in plan.lines) == 2
    assert plan.size == pytest.approx(min(STYLE.label_max_size, 36 / 2.4))
    assert plan.extent <= 3.0


def test_row_labels_in_thin_slots_take_one_line():
    fonts = chart_fonts(THEME)
    plan = plan_row_labels(S.LONG_INSATSER, [False] * 5, fonts.regular, fonts.bold, STYLE, slot=0.11, max_width=2.0)
    assert all(len(lines) == 1 for lines in plan.lines)
    assert plan.size == pytest.approx(0.11 * 72 / 1.2)


def test_unknown_chart_settings_are_refused():
    theme = replace(THEME, charts={**THEME.charts, "dpi_typo": 100})
    with pytest.raises(ValueError, match="dpi_typo"):
        ChartStyle.from_theme(theme)


def test_missing_chart_settings_take_defaults():
    theme = replace(THEME, charts={})
    assert ChartStyle.from_theme(theme) == ChartStyle()
