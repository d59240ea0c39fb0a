"""``reportgen build --appendix``: the result appendix (PDF, workbook) for Riket and counties.

Called by ``commands.build`` when ``--appendix`` is given (issue 10). ``--national``
builds Riket's, ``--county`` the named counties', ``--all`` Riket's and every county's.
The survey is loaded and coded once in this process; with several scopes and
``--jobs`` > 1 the scopes are built in a process pool whose forked workers inherit
that work (the pattern of ``batch.runner``). A scope that fails is reported while the
others finish.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time
import traceback
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rich.console import Console

from reportgen.appendix.files import APPENDIX_FORMATS, build_appendix_files
from reportgen.batch.context import build_time
from reportgen.batch.county import ScopeResult
from reportgen.batch.runner import summary_table
from reportgen.errors import ReportgenError
from reportgen.metrics.model import Scope
from reportgen.metrics.scope import SurveyTables, all_scopes, scope_for


@dataclass(frozen=True)
class AppendixJob:
    out: Path
    formats: tuple[str, ...]
    created: datetime | None  # the workbook's document date; None = the time of writing


_TABLES: SurveyTables | None = None  # set in the parent before forking; one per worker process


def appendix_formats(text: str | None) -> tuple[str, ...]:
    """The appendix formats among ``--formats`` (its default names pptx too, which the
    appendix does not have; asking for pptx alone is an error)."""
    if not text:
        return APPENDIX_FORMATS
    wanted = [f.strip().lower().lstrip(".") for f in text.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in ("pptx", *APPENDIX_FORMATS)]
    if unknown:
        raise ReportgenError(f"--formats: unknown format(s) {', '.join(unknown)}; the appendix is made as pdf, xlsx")
    chosen = tuple(f for f in APPENDIX_FORMATS if f in wanted)
    if not chosen:
        raise ReportgenError("--formats: the appendix is made as pdf and xlsx; choose at least one of them")
    return chosen


def appendix_scopes(tables: SurveyTables, args: argparse.Namespace) -> list[Scope]:
    survey = tables.survey
    if getattr(args, "all", False):
        return all_scopes(survey)
    if getattr(args, "national", False) or not args.county:
        return [scope_for(survey, None)]
    scopes = [scope_for(survey, query) for query in args.county]
    return list(dict.fromkeys(scopes))


def run_appendix(args: argparse.Namespace, console: Console) -> int:
    """Build the appendix for the scopes ``args`` names; 0 when all succeed, 1 otherwise."""
    from reportgen.io.load import load_survey

    started = time.perf_counter()
    formats = appendix_formats(getattr(args, "formats", None))
    tables = SurveyTables.prepare(load_survey(args.data).survey)
    scopes = appendix_scopes(tables, args)
    job = AppendixJob(out=Path(args.out), formats=formats, created=build_time())
    results = build_appendices(tables, scopes, job, jobs=getattr(args, "jobs", 1), console=console)
    console.print(summary_table(results, time.perf_counter() - started))
    failed = [r for r in results if r.status == "failed"]
    if failed:
        console.print(f"[red]{len(failed)} of {len(results)} failed; the others are complete.")
        return 1
    for r in results:
        console.print(f"{r.scope.name}: {r.files[0].parent if r.files else job.out}")
    return 0


def build_appendices(
    tables: SurveyTables, scopes: list[Scope], job: AppendixJob, *, jobs: int, console: Console
) -> list[ScopeResult]:
    """Every scope's appendix, in a process pool when there are several scopes and jobs."""
    global _TABLES
    _TABLES = tables
    if jobs <= 1 or len(scopes) <= 1:
        results = []
        for scope in scopes:
            results.append(_build_one(scope, job))
            _report(console, results[-1])
        return results
    results = []
    method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
    initargs = (None if method == "fork" else tables,)
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(scopes)),
        mp_context=mp.get_context(method),
        initializer=_init_worker,
        initargs=initargs,
    ) as pool:
        futures: dict[Future[ScopeResult], Scope] = {pool.submit(_build_one, s, job): s for s in scopes}
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as exc:  # the worker died (killed, out of memory)
                result = ScopeResult(futures[future], status="failed", message=f"worker died: {exc}")
            results.append(result)
            _report(console, result)
    order = {s.slug: i for i, s in enumerate(scopes)}
    return sorted(results, key=lambda r: order[r.scope.slug])


def _init_worker(tables: SurveyTables | None) -> None:
    global _TABLES
    if tables is not None:  # spawned workers get the prepared tables pickled
        _TABLES = tables


def _build_one(scope: Scope, job: AppendixJob) -> ScopeResult:
    assert _TABLES is not None
    started = time.perf_counter()
    result = ScopeResult(scope)
    try:
        result.files = build_appendix_files(_TABLES, scope, job.out, job.formats, created=job.created)
    except ReportgenError as exc:
        result.status, result.message = "failed", str(exc)
    except Exception as exc:  # a bug or a broken file must not stop the other scopes
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        result.status, result.message = "failed", f"internal error: {detail}"
    result.seconds = time.perf_counter() - started
    return result


def _report(console: Console, result: ScopeResult) -> None:
    mark = {"ok": "built", "failed": "FAILED"}.get(result.status, result.status)
    extra = f": {result.message}" if result.message else ""
    console.print(f"{mark:>7}  {result.scope.name} appendix ({len(result.files)} files, {result.seconds:.1f} s){extra}")
