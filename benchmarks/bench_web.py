"""What the web edition adds to a county's build (issue 22: at most a quarter).

One build of the county with the web edition, after a warm-up build (so it pays for no
imports or font copies), in which every piece of web work is timed where it happens:
the SVG save of each chart's drawing, the pages' rendering and writing (the ``html``
stage), and packing the edition for the bundles. The ratio is that work against the
rest of the same build, so both sides ran under the same conditions — on a shared
machine, two separate builds differ by more than the web edition costs. A default build
(without html) is timed beside it for comparison.

    python benchmarks/bench_web.py [--county skane] [--no-warm-up]
"""

from __future__ import annotations

import argparse
import functools
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import reportgen.batch.web as web_batch
import reportgen.figures.draw as draw
from reportgen.batch.context import shared_context
from reportgen.batch.county import FORMATS, BuildOptions, ScopeResult, build_scope
from reportgen.metrics.model import Scope


class Clock:
    """CPU and wall seconds spent inside the functions it wraps."""

    def __init__(self) -> None:
        self.cpu = self.wall = 0.0

    def wrap(self, function):  # type: ignore[no-untyped-def]
        @functools.wraps(function)
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.cpu += time.process_time() - cpu
                self.wall += time.perf_counter() - wall

        return timed


def build(ctx, scope: Scope, formats: tuple[str, ...]) -> tuple[ScopeResult, float]:
    out = Path(tempfile.mkdtemp(prefix="bench-web-"))
    try:
        cpu = time.process_time()
        result = build_scope(ctx, scope, BuildOptions(out=out, formats=formats, force=True))
        if result.status != "ok":
            raise SystemExit(f"build failed: {result.message}")
        return result, time.process_time() - cpu
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--county", default="Skåne län")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false")
    args = parser.parse_args()

    ctx = shared_context(None)
    county = ctx.survey.register.county(args.county)
    scope = Scope(county.name, county.code, county.slug)
    if args.warm_up:
        build(ctx, scope, (*FORMATS, "html"))
    svg, archive = Clock(), Clock()
    draw.figure_svg = svg.wrap(draw.figure_svg)
    web_batch.web_archive = archive.wrap(web_batch.web_archive)
    web, web_cpu = build(ctx, scope, (*FORMATS, "html"))
    base, base_cpu = build(ctx, scope, FORMATS)

    html_cpu, html_wall = web.cpu.get("html", 0.0), web.stages.get("html", 0.0)
    work_cpu = svg.cpu + html_cpu  # the archive is made inside the html stage
    work_wall = svg.wall + html_wall
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} with {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; one build after a warm-up (`python benchmarks/bench_web.py`).",
        "",
        f"| web work in the build of {county.name} | CPU s | wall s |",
        "|---|---|---|",
        f"| SVG save of every chart ({web.charts} deck charts and the profiles') | {svg.cpu:.2f} | {svg.wall:.2f} |",
        f"| html stage: {len([f for f in web.files if f.suffix == '.html'])} pages rendered, written, checked "
        f"| {html_cpu:.2f} | {html_wall:.2f} |",
        f"| of which packing the edition for the bundles | {archive.cpu:.2f} | {archive.wall:.2f} |",
        f"| **web edition** | **{work_cpu:.2f}** | **{work_wall:.2f}** |",
        f"| the rest of the same build | {web_cpu - work_cpu:.2f} | {web.seconds - work_wall:.2f} |",
        "",
        f"The web edition costs **{100 * work_cpu / (web_cpu - work_cpu):.0f} %** of the rest of the county's "
        f"build in CPU time ({100 * work_wall / (web.seconds - work_wall):.0f} % in wall time); target at most "
        "25 %.",
        "",
        f"For comparison, a separate default build (no html): {base_cpu:.2f} s CPU, {base.seconds:.2f} s wall; "
        f"the build with html: {web_cpu:.2f} s CPU, {web.seconds:.2f} s wall.",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
