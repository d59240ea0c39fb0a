"""Run many scopes (counties, Riket) in worker processes with a live progress display.

The shared context is built once in the parent; forked workers inherit it instead of
loading and computing Riket again. A scope that fails is reported with its reason while
the others finish.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
import traceback
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from reportgen.batch.context import SharedContext, shared_context
from reportgen.batch.county import BuildOptions, ScopeResult, build_scope
from reportgen.errors import ReportgenError
from reportgen.metrics.model import Scope

_CTX: SharedContext | None = None  # set in the parent before forking; one per worker process


def _init_worker(data: Path | None, template: Path | None) -> None:
    global _CTX
    if _CTX is None:  # spawned (not forked) workers build their own copy
        _CTX = shared_context(data, template)


def _run_one(scope: Scope, options: BuildOptions) -> ScopeResult:
    assert _CTX is not None
    try:
        return build_scope(_CTX, scope, options)
    except ReportgenError as exc:
        return ScopeResult(scope, status="failed", message=str(exc))
    except Exception as exc:  # a bug or a broken file must not stop the other counties
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return ScopeResult(scope, status="failed", message=f"internal error: {detail}")


def heaviest_first(ctx: SharedContext, scopes: Sequence[Scope]) -> list[Scope]:
    """Scopes in the order workers should take them: most respondent units first.

    A county's cost grows with its units (per-municipality charts and one profile each),
    so starting Västra Götaland and Stockholm first keeps one worker from finishing them
    alone at the end (longest-processing-time-first). Riket, with every unit, leads.
    """
    units = ctx.survey.register.units_of
    return sorted(scopes, key=lambda s: len(units(s.code)), reverse=True)


def _preload() -> None:
    """Import the renderers and read the chart fonts once in the parent, so forked
    workers inherit them instead of each paying for it (about a second of CPU each)."""
    import reportgen.deck.builder
    import reportgen.municipality.files
    import reportgen.render.pdf
    import reportgen.render.pptx
    import reportgen.render.xlsx
    import reportgen.workbook.builder  # noqa: F401
    from reportgen.figures.prepare import context
    from reportgen.theme import load_theme

    context(load_theme())


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run_scopes(
    ctx: SharedContext,
    scopes: Sequence[Scope],
    options: BuildOptions,
    *,
    jobs: int,
    data: Path | None,
    console: Console | None = None,
) -> list[ScopeResult]:
    global _CTX
    _CTX = ctx
    console = console or Console(stderr=True)
    results: list[ScopeResult] = []
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[files]} files"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False, disable=not console.is_terminal) as progress:
        task = progress.add_task("Building", total=len(scopes), files=0)
        files = 0
        if jobs <= 1 or len(scopes) <= 1:
            for scope in scopes:
                progress.update(task, description=f"Building {scope.name}")
                result = _run_one(scope, options)
                results.append(result)
                files += len(result.files)
                progress.update(task, advance=1, files=files)
                _report_line(console, result)
            return results
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        if method == "fork":
            _preload()
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=mp.get_context(method),
            initializer=_init_worker,
            initargs=(data, options.template),
        ) as pool:
            futures: dict[Future[ScopeResult], Scope] = {
                pool.submit(_run_one, s, options): s for s in heaviest_first(ctx, scopes)
            }
            for future in as_completed(futures):
                try:
                    result = future.result()
                except Exception as exc:  # the worker died (killed, out of memory)
                    result = ScopeResult(futures[future], status="failed", message=f"worker died: {exc}")
                results.append(result)
                files += len(result.files)
                progress.update(task, advance=1, files=files)
                _report_line(console, result)
    order = {s.slug: i for i, s in enumerate(scopes)}
    return sorted(results, key=lambda r: order[r.scope.slug])


def _report_line(console: Console, result: ScopeResult) -> None:
    if not console.is_terminal:
        mark = {"ok": "built", "skipped": "skipped", "failed": "FAILED"}[result.status]
        extra = f": {result.message}" if result.message else ""
        console.print(f"{mark:>7}  {result.scope.name} ({len(result.files)} files, {result.seconds:.1f} s){extra}")


def summary_table(results: Sequence[ScopeResult], elapsed: float) -> Table:
    table = Table(title=f"reportgen: {len(results)} scope(s) in {elapsed:.1f} s")
    for column, justify in (("County", "left"), ("Files", "right"), ("Seconds", "right"), ("Status", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for r in results:
        status = {"ok": "[green]ok", "skipped": "[dim]skipped (unchanged)", "failed": f"[red]failed: {r.message}"}
        table.add_row(r.scope.name, str(len(r.files)), f"{r.seconds:.1f}", status[r.status])
    return table


def timed_run(
    data: Path | None, scopes_of: object, options: BuildOptions, jobs: int, console: Console
) -> tuple[list[ScopeResult], float]:
    started = time.perf_counter()
    ctx = shared_context(data, options.template)
    scopes = scopes_of(ctx)  # type: ignore[operator]
    results = run_scopes(ctx, scopes, options, jobs=jobs, data=data, console=console)
    return results, time.perf_counter() - started
