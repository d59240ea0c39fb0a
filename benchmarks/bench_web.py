"""What the web edition adds to a county's build (issue 22: at most a quarter).

Builds the county twice in one process, from one shared context: once as a default build
(PPTX, PDF, XLSX, municipality files) and once with the web edition asked for too, and
prints both builds' stages and the web edition's cost as a ratio of the default build.
A warm-up build goes first, so neither measured build pays for imports or font copies.
One run each (the issue asks for the ratio from one run); CPU seconds are the figure to
read on a shared machine, wall seconds are given beside them.

    python benchmarks/bench_web.py [--county skane] [--no-warm-up]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from reportgen.batch.context import shared_context
from reportgen.batch.county import FORMATS, BuildOptions, ScopeResult, build_scope
from reportgen.metrics.model import Scope

STAGES = ("metrics", "deck", "figures", "pptx", "pdf", "xlsx", "html", "municipality", "manifest")


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
    base, base_cpu = build(ctx, scope, FORMATS)
    web, web_cpu = build(ctx, scope, (*FORMATS, "html"))

    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} with {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; one build each, after a warm-up (`python benchmarks/bench_web.py`).",
        "",
        f"| stage ({county.name}) | default build, CPU s | with `html`, CPU s | difference |",
        "|---|---|---|---|",
    ]
    for stage in STAGES:
        a, b = base.cpu.get(stage, 0.0), web.cpu.get(stage, 0.0)
        lines.append(f"| {stage} | {a:.2f} | {b:.2f} | {b - a:+.2f} |")
    lines.append(f"| **total CPU** | {base_cpu:.2f} | {web_cpu:.2f} | {web_cpu - base_cpu:+.2f} |")
    lines.append(f"| total wall | {base.seconds:.2f} | {web.seconds:.2f} | {web.seconds - base.seconds:+.2f} |")
    ratio_cpu = (web_cpu - base_cpu) / base_cpu
    ratio_wall = (web.seconds - base.seconds) / base.seconds
    lines += [
        "",
        f"The web edition costs **{100 * ratio_cpu:.0f} %** of the default build's CPU time "
        f"({100 * ratio_wall:.0f} % of its wall time); target at most 25 %. "
        f"Its own stage (rendering {len([f for f in web.files if f.suffix == '.html'])} pages and "
        f"writing them through the atomic writer) is {web.cpu.get('html', 0.0):.2f} s; the rest is the "
        "SVG save of every chart (figures, municipality) and the edition's zip in each bundle.",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
