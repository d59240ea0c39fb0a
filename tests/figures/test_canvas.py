"""Charts drawn on reused figures (figures/canvas.py) are the charts drawn on new ones.

``draw_chart`` keeps one figure per shape; whatever was drawn on it before must leave no
trace, or a chart's bytes would depend on which worker drew which charts before it.
"""

from __future__ import annotations

from reportgen.figures import canvas
from reportgen.figures.draw import build_figure, chart_rc, draw_chart, figure_pdf
from reportgen.theme import load_theme
from tests.figures import samples as S


def _fresh_pdf(spec) -> bytes:
    with chart_rc():
        return figure_pdf(build_figure(spec, reuse=False))


def test_reused_figures_give_the_bytes_of_new_ones_in_any_order() -> None:
    theme = load_theme()
    # In "body": bars with value labels (value axis hidden), 100 % bars (axis shown),
    # grouped bars; in "left": columns with and without labels; so a kept figure goes
    # from a hidden axis to a shown one and back.
    specs = [
        S.ranked(12),
        S.stacked(8),
        S.ranked(30),
        S.grouped(),
        S.stacked(20, long=True),
        S.status(),
        S.status(region="left", zeros=True),
    ]
    fresh = [_fresh_pdf(spec) for spec in specs]
    canvas._figures.clear()
    forward = [draw_chart(spec, theme, png=False).pdf for spec in specs]
    backward = [draw_chart(spec, theme, png=False).pdf for spec in reversed(specs)][::-1]
    assert forward == fresh
    assert backward == fresh


def test_a_kept_figure_is_emptied_and_keeps_one_axes() -> None:
    canvas._figures.clear()
    with chart_rc():
        first = build_figure(S.stacked(8), reuse=True)
        drawn = len(first.axes[0].collections) + len(first.artists) + len(first.axes[0].texts)
        second = build_figure(S.ranked(5), reuse=True)
    assert second is first
    assert drawn > 0
    assert len(second.axes) == 1
    # Five bars in one collection, and no 100 % segments or their legend left over.
    assert len(second.axes[0].collections) == 1
    assert len(second.axes[0].collections[0].get_paths()) == 5
    assert second.axes[0].xaxis.get_visible() is False  # ranked bars carry values, no axis


def test_the_cache_stays_bounded() -> None:
    canvas._figures.clear()
    with chart_rc():
        for i in range(canvas.KEPT + 5):
            canvas.blank_figure(1.0 + i, 1.0, ("horizontal", ()))
    assert len(canvas._figures) == canvas.KEPT
