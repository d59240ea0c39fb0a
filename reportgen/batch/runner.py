"""Run many scopes (counties, Riket) through the one job runner, with live progress.

The shared context is built once in the parent and handed to ``run_jobs`` as the pool's
state, so workers never load and compute Riket again. A scope that fails is reported
with its reason while the others finish.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from reportgen.batch.context import SharedContext, shared_context
from reportgen.batch.county import BuildOptions, ScopeResult, build_scope, preload
from reportgen.batch.jobs import run_jobs
from reportgen.imprint import Imprint
from reportgen.metrics.model import Scope


def heaviest_first(ctx: SharedContext, scopes: Sequence[Scope]) -> list[Scope]:
    """Scopes in the order workers should take them: most respondent units first.

    A county's cost grows with its units (per-municipality charts and one profile each),
    so starting Västra Götaland and Stockholm first keeps one worker from finishing them
    alone at the end (longest-processing-time-first). Riket, with every unit, leads.
    """
    units = ctx.survey.register.units_of
    return sorted(scopes, key=lambda s: len(units(s.code)), reverse=True)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@dataclass(frozen=True)
class _DeckRun:
    """What every county of one deck run shares: the pool's state; ``jobs`` the workers
    each scope's own parts may use (all of them for a single scope, else one)."""

    ctx: SharedContext
    options: BuildOptions
    jobs: int = 1


def _build(run: _DeckRun, scope: Scope) -> ScopeResult:
    return build_scope(run.ctx, scope, run.options, jobs=run.jobs)


def scope_failed(scope: Scope, message: str) -> ScopeResult:
    """The result of a scope whose build raised or whose worker died."""
    return ScopeResult(scope, status="failed", message=message)


def run_scopes(
    ctx: SharedContext,
    scopes: Sequence[Scope],
    options: BuildOptions,
    *,
    jobs: int,
    console: Console | None = None,
) -> list[ScopeResult]:
    """Build every scope's deck, workbook and municipality files; results in ``scopes`` order.

    Several scopes share the workers, the heaviest first, each built in one worker; a
    single scope spreads its own parts over them (``build_scope``). One by one, scopes
    keep the order given."""
    console = console or Console(stderr=True)
    order = heaviest_first(ctx, scopes) if jobs > 1 else list(scopes)
    inner = jobs if len(scopes) == 1 else 1
    with ScopeProgress(console, len(scopes)) as progress:
        results = run_jobs(
            _build,
            order,
            _DeckRun(ctx, options, inner),
            jobs=jobs,
            failed=scope_failed,
            on_start=progress.start,
            on_result=progress.done,
            before_fork=preload,
        )
    position = {s.slug: i for i, s in enumerate(scopes)}
    return sorted(results, key=lambda r: position[r.scope.slug])


class ScopeProgress:
    """Live progress of a run on a terminal; a line per finished scope otherwise (logs, tests).

    ``what`` follows the scope's name in those lines ("Skåne län appendix")."""

    COLUMNS = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[files]} files"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )

    def __init__(self, console: Console, total: int, what: str = "") -> None:
        self.console, self.what, self.files = console, what, 0
        self.bar = Progress(*self.COLUMNS, console=console, transient=False, disable=not console.is_terminal)
        self.task = self.bar.add_task("Building", total=total, files=0)

    def __enter__(self) -> ScopeProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(*exc)

    def start(self, scope: Scope) -> None:
        self.bar.update(self.task, description=f"Building {scope.name}")

    def done(self, result: ScopeResult) -> None:
        self.files += len(result.files)
        self.bar.update(self.task, advance=1, files=self.files)
        if not self.console.is_terminal:
            mark = {"ok": "built", "skipped": "skipped", "failed": "FAILED"}[result.status]
            extra = f": {result.message}" if result.message else ""
            name = f"{result.scope.name} {self.what}".strip()
            self.console.print(f"{mark:>7}  {name} ({len(result.files)} files, {result.seconds:.1f} s){extra}")


def summary_table(results: Sequence[ScopeResult], elapsed: float) -> Table:
    table = Table(title=f"reportgen: {len(results)} scope(s) in {elapsed:.1f} s")
    for column, justify in (("County", "left"), ("Files", "right"), ("Seconds", "right"), ("Status", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for r in results:
        status = {"ok": "[green]ok", "skipped": "[dim]skipped (unchanged)", "failed": f"[red]failed: {r.message}"}
        table.add_row(r.scope.name, str(len(r.files)), f"{r.seconds:.1f}", status[r.status])
    return table


def timed_run(
    data: Path | None,
    scopes_of: object,
    options: BuildOptions,
    jobs: int,
    console: Console,
    imprint: Imprint | None = None,
) -> tuple[list[ScopeResult], float]:
    started = time.perf_counter()
    ctx = shared_context(data, options.template, options.mapping, imprint)
    scopes = scopes_of(ctx)  # type: ignore[operator]
    results = run_scopes(ctx, scopes, options, jobs=jobs, console=console)
    return results, time.perf_counter() - started
