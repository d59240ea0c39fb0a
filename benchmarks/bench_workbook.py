"""CPU of the workbooks of one county: the county workbook and each municipality's own.

Measures ``time.process_time()`` in-process (wall time is noisy on a shared machine),
model building and writing apart, over several repetitions; prints min and median. With
``--tree DIR`` it runs the same measurement on another checkout's code in a subprocess
(``/work/main``, say), so an A/B comparison is one command in one run:

    python benchmarks/bench_workbook.py [--county "Skåne län"] [--repeat 5] [--units 8] [--tree DIR]

Metrics and profiles are computed once before timing (they are the run's, not the
workbooks'). The own workbooks are written the way the batch writes them
(``write_own_workbook``), the file check included.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _measure(county: str, repeat: int, units: int) -> dict[str, list[float]]:
    import reportgen
    from reportgen.batch.context import shared_context
    from reportgen.batch.municipality import write_own_workbook
    from reportgen.deck.layout import load_layouts
    from reportgen.metrics.compute import compute_scope
    from reportgen.metrics.model import Scope
    from reportgen.metrics.profile import unit_profiles
    from reportgen.render.xlsx import render_xlsx
    from reportgen.workbook.builder import build_workbook

    print(f"code: {Path(reportgen.__file__).parent}", file=sys.stderr)
    ctx = shared_context(None)
    found = ctx.survey.register.county(county)
    scope = Scope(found.name, found.code, found.slug)
    metrics = compute_scope(ctx.survey, scope, tables=ctx.tables, national=ctx.national)
    ids = [p.respondent_id for p in unit_profiles(ctx.tables, metrics, ctx.national)][:units]
    layouts = load_layouts()
    extra = {}
    if "cache" in inspect.signature(write_own_workbook).parameters:  # the code before issue 19 had none
        from reportgen.workbook.scope_cache import ScopeCache

        extra["cache"] = ScopeCache()
    times: dict[str, list[float]] = {"county model": [], "county write": [], "own workbook": []}
    with tempfile.TemporaryDirectory(prefix="bench-workbook-") as folder:
        for _ in range(repeat):
            start = time.process_time()
            model = build_workbook(
                ctx.survey,
                scope,
                synthetic=ctx.survey.synthetic,
                tables=ctx.tables,
                imprint=ctx.imprint,
                metrics=metrics,
                national=ctx.national,
                layouts=layouts,
                catalog=ctx.catalog,
            )
            built = time.process_time()
            render_xlsx(model, Path(folder) / "county.xlsx")
            times["county model"].append(built - start)
            times["county write"].append(time.process_time() - built)
            start = time.process_time()
            for rid in ids:
                write_own_workbook(ctx, metrics, rid, Path(folder) / f"{rid}.xlsx", layouts, **extra)
            times["own workbook"].append((time.process_time() - start) / len(ids))
    return times


def _report(label: str, times: dict[str, list[float]]) -> None:
    print(label)
    for name, values in times.items():
        unit, scale = ("ms", 1000) if name == "own workbook" else ("s", 1)
        low, middle = min(values) * scale, statistics.median(values) * scale
        print(f"  {name:<14} min {low:8.3f} {unit}   median {middle:8.3f} {unit}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--county", default="Skåne län")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--units", type=int, default=8, help="own workbooks per repetition")
    parser.add_argument("--tree", type=Path, help="also measure this checkout's code, first")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # the subprocess's answer
    args = parser.parse_args()
    if args.json:
        print(json.dumps(_measure(args.county, args.repeat, args.units)))
        return 0
    if args.tree is not None:
        command = [sys.executable, __file__, "--json", "--county", args.county]
        command += ["--repeat", str(args.repeat), "--units", str(args.units)]
        env = {**os.environ, "PYTHONPATH": str(args.tree.resolve())}
        other = subprocess.run(command, env=env, cwd=args.tree, check=True, capture_output=True, text=True)
        _report(f"{args.tree}:", json.loads(other.stdout.splitlines()[-1]))
    sys.path.insert(0, str(ROOT))
    _report(f"{ROOT}:", _measure(args.county, args.repeat, args.units))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
