"""Benchmark: metrics for Riket and all 21 counties, every area, in one process.

Budget (issue 3): under 5 s for ~302 units × 409 insatser. Uses the bundled demo data
when it exists (or --data PATH), otherwise a random full-size survey from
tests/metrics/strategies.py. Loading is not timed; ``compute_all`` (which prepares the
tables once, computes Riket once and every county from it) is.

    python benchmarks/bench_metrics.py [--data PATH] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_S = 5.0


def _survey(data: Path | None):
    from reportgen.io.load import load_survey

    if data is not None or _demo_exists():
        return load_survey(data).survey, str(data or "bundled demo data")
    sys.path.insert(0, str(ROOT))
    from tests.metrics.strategies import random_survey

    return random_survey(0), "random survey (tests/metrics/strategies.py; no demo data found)"


def _demo_exists() -> bool:
    from reportgen.paths import DEMO_DIR

    return DEMO_DIR.is_dir() and any(DEMO_DIR.iterdir())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from reportgen.metrics.compute import compute_all

    survey, source = _survey(args.data)
    print(f"data: {source}")
    units, insatser, rows = len(survey.register.units), len(survey.catalog.table), len(survey.answers)
    print(f"units: {units}, insatser: {insatser}, answer rows: {rows}")
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = compute_all(survey)
        times.append(time.perf_counter() - start)
    scopes = len(result)
    areas = sum(len(m.areas) for m in result.values())
    median = statistics.median(times)
    print(
        f"compute_all: {scopes} scopes, {areas} scope-areas; median {median:.2f} s of {args.repeat} "
        f"(min {min(times):.2f}, max {max(times):.2f}); budget {BUDGET_S:.0f} s"
    )
    ok = median < BUDGET_S
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
