"""End-to-end benchmark (issue 6): one county with the time of every stage, the whole
national batch, and our PDF path against converting the PPTX with LibreOffice.

Run by hand (not in CI):

    python benchmarks/bench_batch.py [--county skane] [--all] [--runs 3] [--write docs/benchmarks.md]

Prints the figures and, with --write, records them in a Markdown file with the machine's
core count. Each stage is given in CPU seconds beside wall seconds: on a shared machine
(CI, the dev box) wall time moves with the neighbours, CPU time much less; the whole
batch's CPU time is its processes' user + system time (``getrusage`` of the children).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportgen.batch.context import shared_context
from reportgen.batch.county import BuildOptions, build_scope
from reportgen.metrics.model import Scope


def peak_rss_mb() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(usage, children) / 1024


def one_county(county: str, runs: int) -> tuple[dict[str, float], dict[str, float], float, Path, Path]:
    started = time.perf_counter()
    ctx = shared_context(None)
    load_seconds = time.perf_counter() - started
    c = ctx.survey.register.county(county)
    scope = Scope(c.name, c.code, c.slug)
    stage_runs: list[dict[str, float]] = []
    cpu_runs: list[dict[str, float]] = []
    out = Path(tempfile.mkdtemp(prefix="bench-county-"))
    for _ in range(runs):
        cpu_start = time.process_time()
        result = build_scope(ctx, scope, BuildOptions(out=out, force=True))
        if result.status != "ok":
            raise SystemExit(f"build failed: {result.message}")
        stage_runs.append({**result.stages, "total": result.seconds, "charts": float(result.charts)})
        cpu_runs.append({**result.cpu, "total": time.process_time() - cpu_start})
    stages = {k: statistics.median(r[k] for r in stage_runs) for k in stage_runs[0]}
    cpu = {k: statistics.median(r[k] for r in cpu_runs) for k in cpu_runs[0]}
    stages["load+validate+riket"] = load_seconds
    folder = out / scope.slug
    return stages, cpu, peak_rss_mb(), next(folder.glob("*.pptx")), next(folder.glob("*-analysrapport.pdf"))


def libreoffice_seconds(pptx: Path, runs: int) -> float | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(pptx)],
                check=True,
                capture_output=True,
                timeout=600,
            )
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def whole_batch(jobs: int) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system of the build and its workers), peak RSS."""
    out = Path(tempfile.mkdtemp(prefix="bench-all-"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reportgen.cli", "build", "--all", "--out", str(out), "--jobs", str(jobs), "--force"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    shutil.rmtree(out, ignore_errors=True)
    return wall, cpu, peak_rss_mb()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--county", default="Skåne län")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--all", action="store_true", help="also time the whole national batch")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--write", type=Path, help="record the figures in this Markdown file")
    args = parser.parse_args()

    stages, cpu, rss, pptx, _pdf = one_county(args.county, args.runs)
    lo = libreoffice_seconds(pptx, max(1, min(args.runs, 3)))
    lines = [
        "# Benchmarks",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()} with {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; medians of {args.runs} runs (`python benchmarks/bench_batch.py`).",
        "",
        f"## One county end to end: {args.county}",
        "",
        "| stage | CPU seconds | wall seconds |",
        "|---|---|---|",
    ]
    for key in (
        "load+validate+riket",
        "metrics",
        "deck",
        "figures",
        "pptx",
        "pdf",
        "xlsx",
        "municipality",
        "manifest",
        "total",
    ):
        if key in stages:
            used = f"{cpu[key]:.2f}" if key in cpu else "–"
            lines.append(f"| {key} | {used} | {stages[key]:.2f} |")
    charts = int(stages.get("charts", 0))
    if charts:
        per_cpu, per_wall = 1000 * cpu["figures"] / charts, 1000 * stages["figures"] / charts
        lines.append(f"| charts drawn | {charts} ({per_cpu:.0f} ms CPU per chart) | {per_wall:.0f} ms per chart |")
    lines.append(f"| peak memory (RSS) | {rss:.0f} MB | |")
    lines += ["", "## Our PDF against LibreOffice", ""]
    if lo is None:
        lines.append("LibreOffice (`soffice`) is not installed; comparison skipped.")
    else:
        ours = stages["pdf"]
        lines.append(
            f"Converting the same deck's PPTX with `soffice --headless --convert-to pdf`: {lo:.1f} s; "
            f"our PDF stage (tagged, vector charts): {ours:.2f} s — **{lo / ours:.1f}× faster**."
        )
    if args.all:
        seconds, cpu_all, rss_all = whole_batch(args.jobs)
        lines += [
            "",
            "## The national batch",
            "",
            f"`reportgen build --all --jobs {args.jobs}` (21 counties × PPTX, PDF, XLSX + municipality "
            f"files): **{seconds:.0f} s** wall time, {cpu_all:.0f} s CPU (user + system, all processes), "
            f"peak memory {rss_all:.0f} MB per process.",
        ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
