"""End-to-end benchmark (issues 6 and 19): our builds against LibreOffice converting the
same county's PPTX, measured side by side in one run, as ratios that carry over between
machines.

Run by hand (not in CI):

    python benchmarks/bench_batch.py [--county skane] [--runs 3] [--no-batch] [--extras] [--stages]

Each run builds the county with the CLI (the default build: PPTX, PDF, workbook and the
municipality files, pictures, all cores), then converts that build's PPTX with
``soffice --headless --convert-to pdf`` (a private profile, cold start, as a user would),
then times our PDF stage (render, check, rename) on the same deck in this process, then
builds every county (``build --all``). It prints, with the minimum and median over the
runs:

- one county's wall time / LibreOffice's conversion of its PPTX (target ≤ 1.2);
- the national batch's wall time / LibreOffice's conversion (target ≤ 9);
- LibreOffice's conversion / our PDF stage (target ≥ 30);
- the peak memory (RSS) of any one process of our builds (target ≤ 400 MB), and
  LibreOffice's for comparison.

``--extras`` adds what the web edition (``--formats pptx,pdf,xlsx,html``) and native
PowerPoint charts (``--charts editable``) cost on top of the default build. With
``--stages`` one more build runs in this process with one job, for the CPU seconds of
each stage. Ratios are of paired runs (the same run's two figures), so a neighbour's
load that slows one run slows both.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # time this checkout's code, in this process and in the builds (cwd)


@dataclass(frozen=True)
class Timed:
    """One process tree's wall seconds, CPU seconds (user + system) and peak RSS (MB)."""

    wall: float
    cpu: float
    rss: float


def run_timed(command: Sequence[str], env: dict[str, str] | None = None) -> Timed:
    """Run ``command`` to its end; its tree's times and the largest RSS of its processes
    (``wait4`` reports the child and every descendant it waited for)."""
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            log.seek(0)
            raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{log.read()[-2000:].decode()}")
    return Timed(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def build(county: str | None, out: Path, *extra: str) -> Timed:
    who = ["--county", county] if county else ["--all"]
    return run_timed([sys.executable, "-m", "reportgen", "build", *who, "--out", str(out), "--force", *extra])


def libreoffice(pptx: Path, profile: Path) -> Timed | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="bench-lo-") as target:
        shutil.rmtree(profile, ignore_errors=True)  # a cold start every time, as for a user
        return run_timed(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                target,
                str(pptx),
            ]
        )


class PdfStage:
    """Our PDF stage on the county's deck in this process: what the build's PDF part does
    (render the tagged PDF with its vector charts, check it, rename it into place); the
    deck and its charts are made once, before the first timing."""

    def __init__(self, county: str, folder: Path) -> None:
        from reportgen.batch.context import shared_context
        from reportgen.batch.county import county_deck
        from reportgen.figures.draw import draw_charts
        from reportgen.metrics.compute import compute_scope
        from reportgen.metrics.model import Scope

        ctx = shared_context(None)
        c = ctx.survey.register.county(county)
        metrics = compute_scope(ctx.survey, Scope(c.name, c.code, c.slug), tables=ctx.tables, national=ctx.national)
        self.deck = county_deck(ctx, metrics)
        self.charts = draw_charts(self.deck.charts, png=False)
        self.path = folder / "deck.pdf"
        self.time()  # fonts registered, modules imported: as in a build's worker
        # The collector as the build's worker has it: what was made before the pool
        # started frozen, the worker's thresholds (``batch.jobs``).
        import gc

        from reportgen.batch.jobs import WORKER_GC_THRESHOLDS

        gc.freeze()
        gc.set_threshold(*WORKER_GC_THRESHOLDS)

    def time(self) -> float:
        from reportgen.batch.checks import write_checked
        from reportgen.render.pdf import render_pdf

        started = time.perf_counter()
        write_checked(self.path, lambda p: render_pdf(self.deck, self.charts, p))
        return time.perf_counter() - started


def stage_table(county: str, out: Path) -> list[str]:
    """CPU and wall seconds of each stage of one build in this process, one job."""
    from reportgen.batch.context import shared_context
    from reportgen.batch.county import BuildOptions, build_scope
    from reportgen.metrics.model import Scope

    ctx = shared_context(None)
    c = ctx.survey.register.county(county)
    result = build_scope(ctx, Scope(c.name, c.code, c.slug), BuildOptions(out=out, force=True))
    lines = ["| stage | CPU s | wall s |", "|---|---|---|"]
    for stage in ("metrics", "deck", "figures", "pptx", "pdf", "xlsx", "municipality", "manifest"):
        if stage in result.stages:
            lines.append(f"| {stage} | {result.cpu[stage]:.2f} | {result.stages[stage]:.2f} |")
    lines.append(f"| total | {sum(result.cpu.values()):.2f} | {result.seconds:.2f} |")
    return lines


def spread(values: Sequence[float], digits: int = 2) -> str:
    return f"{min(values):.{digits}f} / {statistics.median(values):.{digits}f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--county", default="Skåne län")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-batch", dest="batch", action="store_false", help="leave out the national batch")
    parser.add_argument("--extras", action="store_true", help="also time --formats …,html and --charts editable")
    parser.add_argument("--stages", action="store_true", help="also one in-process build's CPU seconds per stage")
    args = parser.parse_args()
    load = os.getloadavg()[0]

    scratch = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    county_dir = scratch / "county"
    from reportgen.register import Register

    slug = Register.load().county(args.county).slug
    pdf_stage: PdfStage | None = None
    rows: dict[str, list[Timed]] = {"county": [], "lo": [], "batch": [], "html": [], "editable": []}
    pdf_seconds: list[float] = []
    for run in range(args.runs):
        rows["county"].append(build(args.county, county_dir))
        lo = libreoffice(county_dir / slug / f"{slug}-analysrapport.pptx", scratch / "lo-profile")
        if lo is None:
            raise SystemExit("LibreOffice (soffice) is not installed: no ratios without it")
        rows["lo"].append(lo)
        if pdf_stage is None:
            pdf_stage = PdfStage(args.county, scratch)
        pdf_seconds.append(min(pdf_stage.time() for _ in range(3)))
        if args.extras:
            rows["html"].append(build(args.county, scratch / "html", "--formats", "pptx,pdf,xlsx,html"))
            rows["editable"].append(build(args.county, scratch / "editable", "--charts", "editable"))
        if args.batch:
            rows["batch"].append(build(None, scratch / "all"))
            shutil.rmtree(scratch / "all", ignore_errors=True)
        print(f"run {run + 1}/{args.runs} done", file=sys.stderr)

    lo_wall = [t.wall for t in rows["lo"]]
    county_ratio = [c.wall / lo.wall for c, lo in zip(rows["county"], rows["lo"], strict=True)]
    pdf_ratio = [lo / ours for lo, ours in zip(lo_wall, pdf_seconds, strict=True)]
    ours = rows["county"] + rows["batch"]
    lines = [
        f"| figure (min / median of {args.runs} runs) | seconds | ratio to LibreOffice | target |",
        "|---|---|---|---|",
        f"| LibreOffice converting the {args.county} PPTX, wall | {spread(lo_wall)} | 1 | |",
        f'| `build --county "{args.county}"`, wall | {spread([t.wall for t in rows["county"]])} '
        f"| **{spread(county_ratio)}** | ≤ 1.2 |",
    ]
    if rows["batch"]:
        batch_ratio = [b.wall / lo.wall for b, lo in zip(rows["batch"], rows["lo"], strict=True)]
        lines.append(
            f"| `build --all`, wall | {spread([t.wall for t in rows['batch']], 1)} | **{spread(batch_ratio)}** | ≤ 9 |"
        )
    lines.append(
        f"| our PDF stage (render, check, rename) | {spread(pdf_seconds, 3)} "
        f"| **{spread(pdf_ratio, 1)}× faster** | ≥ 30× |"
    )
    for key, what in (
        ("html", "with the web edition (`--formats pptx,pdf,xlsx,html`)"),
        ("editable", "with `--charts editable`"),
    ):
        if rows[key]:
            extra = [t.wall / c.wall for t, c in zip(rows[key], rows["county"], strict=True)]
            lines.append(
                f"| `build --county` {what}, wall | {spread([t.wall for t in rows[key]])} "
                f"| {spread([t.wall / lo.wall for t, lo in zip(rows[key], rows['lo'], strict=True)])} "
                f"(× {spread(extra)} the default build) | |"
            )
    lines += [
        "",
        "| process | CPU s (min / median) | peak RSS of one process, MB (max) | target |",
        "|---|---|---|---|",
        f"| `build --county` (parent and workers) | {spread([t.cpu for t in rows['county']], 1)} "
        f"| {max(t.rss for t in rows['county']):.0f} | ≤ 400 |",
    ]
    if rows["batch"]:
        lines.append(
            f"| `build --all` (parent and workers) | {spread([t.cpu for t in rows['batch']], 1)} "
            f"| {max(t.rss for t in rows['batch']):.0f} | ≤ 400 |"
        )
    lines.append(f"| LibreOffice | {spread([t.cpu for t in rows['lo']], 1)} | {max(t.rss for t in rows['lo']):.0f} | |")
    lines.append(f"| largest of ours | | **{max(t.rss for t in ours):.0f}** | ≤ 400 |")
    if args.stages:
        lines += [
            "",
            f"One build of {args.county} in this process, one job:",
            "",
            *stage_table(args.county, scratch / "stages"),
        ]
    header = (
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average {load:.2f} at the start "
        "(`python benchmarks/bench_batch.py`)."
    )
    text = "\n".join([header, "", *lines]) + "\n"
    print(text)
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
