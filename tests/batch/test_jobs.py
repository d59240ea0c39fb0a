"""The one job runner: results in the items' order, failures reported per item, the
state reaching forked workers through the pool's initializer."""

from __future__ import annotations

import os

import pytest

from reportgen.batch.jobs import run_jobs
from reportgen.errors import ReportgenError


def square_plus(state: dict[str, int], item: int) -> tuple[int, int]:
    """(item, item² + state's offset); 3 is a user error, 4 a bug."""
    if item == 3:
        raise ReportgenError("three is refused")
    if item == 4:
        raise KeyError("four")
    return item, item * item + state["offset"]


def worker_pid(state: object, item: int) -> int:
    return os.getpid()


def failed(item: int, message: str) -> tuple[int, str]:
    return item, message


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_in_order_with_failures_reported(jobs):
    seen: list[object] = []
    results = run_jobs(square_plus, [5, 1, 3, 4, 2], {"offset": 10}, jobs=jobs, failed=failed, on_result=seen.append)
    assert results == [(5, 35), (1, 11), (3, "three is refused"), (4, "internal error: KeyError: 'four'"), (2, 14)]
    assert sorted(seen, key=str) == sorted(results, key=str)  # every result reported once, as it came


def test_several_jobs_run_in_worker_processes():
    pids = run_jobs(worker_pid, list(range(6)), None, jobs=2, failed=failed)
    assert os.getpid() not in pids


def test_one_job_runs_here_and_announces_each_item():
    started: list[int] = []
    assert run_jobs(worker_pid, [1, 2], None, jobs=1, failed=failed, on_start=started.append) == [os.getpid()] * 2
    assert started == [1, 2]


def collector_thresholds(state: object, item: int) -> tuple[int, ...]:
    import gc

    return gc.get_threshold()


def test_workers_collect_young_objects_less_often_and_this_process_is_untouched():
    import gc

    from reportgen.batch.jobs import WORKER_GC_THRESHOLDS

    before = gc.get_threshold()
    results = run_jobs(collector_thresholds, [1, 2], None, jobs=2, failed=failed)
    assert results == [WORKER_GC_THRESHOLDS, WORKER_GC_THRESHOLDS]
    assert WORKER_GC_THRESHOLDS[0] > 700  # above Python's default young threshold
    assert gc.get_threshold() == before
