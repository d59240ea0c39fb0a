"""Benchmark: the PowerPoint stage with native charts (``--charts editable``) against pictures.

Builds the Skåne deck model once from the bundled demo data, draws its charts once (PDF
and PNG, as a pictures build does), then writes the PPTX N times in each mode, the two
modes taking turns so that a busy machine slows both alike. Reported: medians of CPU
time of this process (the fair figure on shared cores) and wall time, the file sizes,
and the part of the chart drawing that only the pictures need (rasterising each chart's
PDF to its PNG), measured as ``draw_charts`` with and without PNGs.

    python benchmarks/bench_pptx_charts.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def once(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from reportgen.batch.context import shared_context
    from reportgen.batch.county import county_deck
    from reportgen.figures.draw import draw_charts
    from reportgen.metrics.compute import compute_scope
    from reportgen.metrics.model import Scope
    from reportgen.render.pptx import render_pptx

    ctx = shared_context(None)
    county = ctx.survey.register.county("Skåne län")
    scope = Scope(county.name, county.code, county.slug)
    deck = county_deck(ctx, compute_scope(ctx.survey, scope, tables=ctx.tables, national=ctx.national))
    draw_charts(deck.charts[:3])  # warm-up: fonts, imports
    drawing: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for _ in range(2):
        for png in (True, False):
            drawing[png].append(once(lambda png=png: draw_charts(deck.charts, png=png)))
    charts = draw_charts(deck.charts)
    times: dict[str, list[tuple[float, float]]] = {"pictures": [], "editable": []}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mode in times:  # warm-up of each writer
            render_pptx(deck, charts, Path(tmp) / f"{mode}.pptx", chart_mode=mode)
        for _ in range(args.runs):
            for mode in times:
                path = Path(tmp) / f"{mode}.pptx"
                times[mode].append(once(lambda mode=mode, path=path: render_pptx(deck, charts, path, chart_mode=mode)))
                sizes[mode] = path.stat().st_size

    def median(pairs: list[tuple[float, float]], index: int) -> float:
        return statistics.median(p[index] for p in pairs)

    n = len(deck.charts)
    print(f"Skåne län: {len(deck.slides)} slides, {n} charts; PPTX stage, medians of {args.runs} runs")
    print("| PPTX stage | CPU s | wall s | file MB |")
    print("|---|---|---|---|")
    for mode, pairs in times.items():
        print(f"| {mode} | {median(pairs, 1):.2f} | {median(pairs, 0):.2f} | {sizes[mode] / 1e6:.1f} |")
    ratio = median(times["editable"], 1) / median(times["pictures"], 1)
    per_chart = 1000 * (median(times["editable"], 1) - median(times["pictures"], 1)) / n
    print(f"editable / pictures (CPU): {ratio:.2f}×, {per_chart:+.0f} ms CPU per chart")
    png_cpu = median(drawing[True], 1) - median(drawing[False], 1)
    png_wall = median(drawing[True], 0) - median(drawing[False], 0)
    print(
        f"drawing all charts: {median(drawing[True], 1):.2f} s CPU with PNGs, {median(drawing[False], 1):.2f} s "
        f"without; the PNGs only pictures need: {png_cpu:.2f} s CPU ({png_wall:.2f} s wall)"
    )


if __name__ == "__main__":
    main()
