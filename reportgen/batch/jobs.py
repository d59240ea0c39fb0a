"""The one job runner: many items (counties, Riket, appendices) through one process pool.

``run_jobs`` is given the work as a top-level function of (state, item) and the state
every item shares (the loaded survey, Riket's figures). In this process, or with one
job, it simply calls the work; with several jobs the state goes to each worker through
the pool's initializer — forked workers inherit it without a copy, spawned ones get it
pickled once — and only the item travels with each task. An item whose work raises is
reported through ``failed`` while the others finish; so is one whose worker died.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextvars import ContextVar
from typing import Any, TypeVar

from reportgen.errors import ReportgenError

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

Work = Callable[[S, T], R]
Failed = Callable[[T, str], R]

#: Inside a worker process, the state its pool was started with: set by the pool's
#: initializer in the worker, read by each task there. The parent process never sets
#: it, so no run can see another run's state.
_WORKER_STATE: ContextVar[Any] = ContextVar("reportgen_worker_state")

#: The cyclic collector's thresholds in a worker. A worker makes a great many
#: short-lived objects (Matplotlib artists, reportlab fragments, XlsxWriter cells) and
#: keeps few: at Python's default of 700 allocations a young collection runs thousands
#: of times per county for little garbage. A Skåne build with these thresholds took
#: 3–5 % less CPU (issue 19); memory stays bounded because generations still collect.
WORKER_GC_THRESHOLDS = (50_000, 20, 20)


def _start_worker(state: Any) -> None:
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    _WORKER_STATE.set(state)


def _attempt(work: Work[S, T, R], state: S, item: T, failed: Failed[T, R]) -> R:
    """The work's result, or ``failed``'s with the reason in the user's terms."""
    try:
        return work(state, item)
    except ReportgenError as exc:
        return failed(item, str(exc))
    except Exception as exc:  # a bug or a broken file must not stop the other items
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return failed(item, f"internal error: {detail}")


def _task(work: Work[S, T, R], item: T, failed: Failed[T, R]) -> R:
    return _attempt(work, _WORKER_STATE.get(), item, failed)


def run_jobs(
    work: Work[S, T, R],
    items: Sequence[T],
    state: S,
    *,
    jobs: int,
    failed: Failed[T, R],
    on_result: Callable[[R], None] = lambda _: None,
    on_start: Callable[[T], None] = lambda _: None,
    before_fork: Callable[[], None] = lambda: None,
) -> list[R]:
    """Every item's result, in the order of ``items``.

    ``work`` and ``failed`` must be top-level functions (they are pickled by name for
    each task). Items are handed to workers in the order given, so pass the heaviest
    first. ``on_result`` sees each result as it comes (progress); ``on_start`` each item
    as it starts when run in this process. ``before_fork`` runs once before forking
    workers (imports and caches the forked workers then inherit).
    """
    if jobs <= 1 or len(items) <= 1:
        results = []
        for item in items:
            on_start(item)
            results.append(_attempt(work, state, item, failed))
            on_result(results[-1])
        return results
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    if method == "fork":
        before_fork()
        # Objects made so far stay out of the collector's sight while the pool runs: the
        # workers' collections then never walk (and so never copy) the pages of the
        # survey and models they inherited (the gc module's advice for forking).
        gc.freeze()
    done: dict[int, R] = {}
    try:
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(items)),
            mp_context=mp.get_context(method),
            initializer=_start_worker,
            initargs=(state,),
        ) as pool:
            futures: dict[Future[R], int] = {pool.submit(_task, work, item, failed): i for i, item in enumerate(items)}
            for future in as_completed(futures):
                index = futures[future]
                try:
                    result = future.result()
                except Exception as exc:  # the worker died (killed, out of memory)
                    result = failed(items[index], f"worker died: {exc}")
                done[index] = result
                on_result(result)
    finally:
        gc.unfreeze()
    return [done[i] for i in range(len(items))]
