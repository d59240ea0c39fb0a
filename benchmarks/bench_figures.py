"""Benchmark: the cost of one chart of each kind, and of its parts.

For each kind (the samples of tests/figures/samples.py at deck size): the whole
``draw_chart`` (build, one PDF save, rasterise), Matplotlib's PDF save alone, and the
pypdfium2 rasterisation alone; then the PDF save under each font route (Type 3, Type 42
from the original Liberation Sans, Type 42 from the layout-free copy we use).
Medians of N runs; CPU time of this process beside wall time, because CI and dev
machines share their cores.

    python benchmarks/bench_figures.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``fn`` over ``runs`` runs (after one warm-up)."""
    fn()
    wall, cpu = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from reportgen.figures.draw import build_figure, chart_rc, draw_chart, figure_pdf, rasterise
    from reportgen.figures.style import ChartStyle
    from reportgen.theme import load_theme
    from tests.figures import samples as S

    theme = load_theme()
    dpi = ChartStyle.from_theme(theme).dpi
    specs = {
        "ranked bars, 38 + 2 mean lines": S.ranked(38),
        "100 % stacked, 40 rows": S.stacked(40),
        "100 % stacked, 8 long names": S.stacked(8, long=True),
        "grouped bars, 4 huvudgrupper": S.grouped(),
        "columns, status": S.status(),
        "grouped columns, wish": S.wish(),
    }
    print(f"median of {args.runs} runs; ms wall / ms CPU; PNG at {dpi:g} dpi\n")
    print(f"{'chart':34} {'draw_chart':>15} {'build':>13} {'PDF save':>13} {'rasterise':>13}")
    for name, spec in specs.items():
        with chart_rc(theme):
            fig = build_figure(spec, theme)
            pdf = figure_pdf(fig)

            def build(spec=spec) -> None:
                build_figure(spec, theme)

            def save(fig=fig) -> None:
                figure_pdf(fig)

            t_build = timed(build, args.runs)
            t_save = timed(save, args.runs)
        t_all = timed(lambda spec=spec: draw_chart(spec, theme), args.runs)
        t_png = timed(lambda pdf=pdf: rasterise(pdf, dpi), args.runs)
        cells = [f"{w:6.0f} / {c:4.0f}" for w, c in (t_all, t_build, t_save, t_png)]
        print(f"{name:34} {cells[0]:>15} {cells[1]:>13} {cells[2]:>13} {cells[3]:>13}")

    print("\nPDF save of the 40-row stacked chart by font route:")
    spec = specs["100 % stacked, 40 rows"]
    original = {
        False: FontProperties(fname=str(theme.font_path("pdf_regular"))),
        True: FontProperties(fname=str(theme.font_path("pdf_bold"))),
    }
    for label, fonttype, layout_free in (
        ("Type 3 (layout-free copy)", 3, True),
        ("Type 42, original Liberation Sans", 42, False),
        ("Type 42, layout-free copy (used)", 42, True),
    ):
        variant = replace(theme, charts={**theme.charts, "pdf_fonttype": fonttype})
        with chart_rc(variant):
            fig = build_figure(spec, variant)
            if not layout_free:
                _use_fonts(fig, original)

            def save(fig=fig) -> None:
                figure_pdf(fig)

            wall, cpu = timed(save, args.runs)
            size = len(figure_pdf(fig))
        print(f"  {label:36} {wall:6.0f} ms wall / {cpu:4.0f} ms CPU, {size / 1024:5.1f} KiB")


def _use_fonts(fig: Figure, fonts: dict[bool, FontProperties]) -> None:
    """Point every text of ``fig`` back at the original font files (for the comparison)."""
    for text in fig.findobj(Text):
        bold = "Bold" in str(text.get_fontproperties().get_file())
        size = text.get_fontsize()
        text.set_fontproperties(fonts[bold])
        text.set_fontsize(size)


if __name__ == "__main__":
    main()
