"""Benchmark: the cost of one chart of each kind, and of its parts.

For each kind (the samples of tests/figures/samples.py at deck size): the whole
``draw_chart`` (build, one PDF save, rasterise), Matplotlib's PDF save alone, and the
pypdfium2 rasterisation alone; then the PDF save under each font route (Type 3, Type 42
from the original Liberation Sans, Type 42 from the layout-free copy we use).
Medians of N runs; CPU time of this process beside wall time, because CI and dev
machines share their cores.

``--deck`` times what a county build draws instead: every chart of the demo Skåne deck
(``draw_charts``, with PNGs) and its municipality profiles' charts (``png=False``), CPU
seconds per repetition, min and median. ``--against DIR`` times another checkout (say
``/work/main``) the same way, each repetition of the two alternating in fresh
processes, so both see the same machine load.

    python benchmarks/bench_figures.py [--runs 15]
    python benchmarks/bench_figures.py --deck [--runs 5] [--against /work/main]
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
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
    parser.add_argument("--deck", action="store_true", help="time the Skåne deck's and profiles' charts")
    parser.add_argument("--against", type=Path, help="with --deck: another checkout to time alongside")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)  # internal: checkout, specs file
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_time_deck_charts(Path(args.child[0]), Path(args.child[1]))))
        return
    if args.deck:
        _deck(args.runs, args.against)
        return
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


def _deck_specs(path: Path) -> None:
    """Pickle the chart specs of the demo Skåne deck and of its municipality profiles."""
    sys.path.insert(0, str(ROOT))
    from reportgen.batch.context import shared_context
    from reportgen.batch.county import county_deck
    from reportgen.figures.draw import distinct_charts
    from reportgen.metrics.compute import compute_scope
    from reportgen.metrics.profile import unit_profiles
    from reportgen.metrics.scope import all_scopes
    from reportgen.municipality.profile_deck import build_profile_deck
    from reportgen.render.pdf_layout import table_fits

    ctx = shared_context(None)
    scope = next(s for s in all_scopes(ctx.survey) if s.name == "Skåne län")
    metrics = compute_scope(ctx.survey, scope, tables=ctx.tables, national=ctx.national)
    deck = list(distinct_charts(county_deck(ctx, metrics).charts).values())
    profiles = []
    for unit in unit_profiles(ctx.tables, metrics, ctx.national):
        d = build_profile_deck(
            unit, date_text=ctx.date_text, synthetic=ctx.survey.synthetic, fits=table_fits, imprint=ctx.imprint
        )
        profiles.append(list(distinct_charts(d.charts).values()))
    path.write_bytes(pickle.dumps({"deck": deck, "profiles": profiles}))


def _time_deck_charts(checkout: Path, specs: Path) -> dict[str, float]:
    """CPU seconds of this process drawing the deck's charts, then the profiles' (run in a
    child process whose ``reportgen`` is ``checkout``'s)."""
    sys.path.insert(0, str(checkout))
    from reportgen.figures.draw import draw_charts
    from reportgen.theme import load_theme

    data = pickle.loads(specs.read_bytes())
    theme = load_theme()
    draw_charts(data["deck"][:2], theme)  # fonts cached, modules loaded
    start = time.process_time()
    draw_charts(data["deck"], theme)
    middle = time.process_time()
    for charts in data["profiles"]:
        draw_charts(charts, theme, png=False)
    return {"deck": middle - start, "profiles": time.process_time() - middle}


def _deck(runs: int, against: Path | None) -> None:
    checkouts = {"this": ROOT, **({"against": against.resolve()} if against else {})}
    with tempfile.TemporaryDirectory() as tmp:
        specs = Path(tmp) / "specs.pickle"
        _deck_specs(specs)
        data = pickle.loads(specs.read_bytes())
        n_profiles = sum(len(c) for c in data["profiles"])
        times: dict[str, list[dict[str, float]]] = {name: [] for name in checkouts}
        for _ in range(runs):
            for name, checkout in checkouts.items():
                child = [sys.executable, __file__, "--child", str(checkout), str(specs)]
                out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
                times[name].append(json.loads(out.splitlines()[-1]))
    print(f"CPU s over {runs} runs (min / median): {len(data['deck'])} deck charts, {n_profiles} profile charts")
    for name, checkout in checkouts.items():
        cells = []
        for part in ("deck", "profiles"):
            values = [t[part] for t in times[name]]
            cells.append(f"{part} {min(values):6.2f} / {statistics.median(values):6.2f}")
        print(f"  {name:8} {checkout}:  " + "   ".join(cells))


def _use_fonts(fig: Figure, fonts: dict[bool, FontProperties]) -> None:
    """Point every text of ``fig`` back at the original font files (for the comparison)."""
    for text in fig.findobj(Text):
        bold = "Bold" in str(text.get_fontproperties().get_file())
        size = text.get_fontsize()
        text.set_fontproperties(fonts[bold])
        text.set_fontsize(size)


if __name__ == "__main__":
    main()
