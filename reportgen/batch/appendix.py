"""The result appendix of many scopes through the one job runner (SPEC §7, §8b; issue 10).

One appendix table per scope feeds both files, so the PDF and the workbook cannot
disagree with each other or with ``reportgen metrics --table appendix`` (issue 10
item 4). Each file is written under a temporary name, re-opened and renamed into place.
The survey is coded once in the parent (``SurveyTables``) and is the pool's state.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from reportgen.appendix.builder import build_document
from reportgen.appendix.workbook import build_appendix_workbook
from reportgen.batch.checks import write_checked
from reportgen.batch.county import ScopeResult
from reportgen.batch.jobs import run_jobs
from reportgen.batch.manifest import MANIFEST, write_manifest
from reportgen.batch.naming import appendix_name, county_folder
from reportgen.batch.runner import ScopeProgress, scope_failed
from reportgen.imprint import Imprint
from reportgen.metrics.appendix import appendix_from
from reportgen.metrics.model import Scope
from reportgen.metrics.scope import SurveyTables
from reportgen.render.pdf_appendix import render_appendix_pdf
from reportgen.render.xlsx import render_xlsx

#: The formats the appendix is made in.
APPENDIX_FORMATS = ("pdf", "xlsx")


@dataclass(frozen=True)
class AppendixJob:
    out: Path
    formats: tuple[str, ...]
    imprint: Imprint | None  # the run's build time and publisher; None = no publisher, time of writing


def build_appendix_files(
    tables: SurveyTables,
    scope: Scope,
    out: Path,
    formats: Collection[str] = APPENDIX_FORMATS,
    *,
    imprint: Imprint | None = None,
) -> list[Path]:
    """The appendix PDF and/or workbook of ``scope`` in ``out/<slug>/``; returns the paths.

    ``tables`` is the survey prepared once per run (``SurveyTables.prepare``). If the
    folder already has a manifest (a deck was built there), it is brought up to date so
    the folder stays verifiable (SPEC §8)."""
    survey = tables.survey
    frame = appendix_from(tables.select(scope))
    folder = county_folder(out, scope.slug)
    written: list[Path] = []
    if "pdf" in formats:
        document = build_document(frame, survey.catalog, scope, synthetic=survey.synthetic, imprint=imprint)
        path = folder / appendix_name(scope.slug, ".pdf")
        written.append(write_checked(path, lambda tmp: render_appendix_pdf(document, tmp)))
    if "xlsx" in formats:
        workbook = build_appendix_workbook(frame, survey.catalog, scope, synthetic=survey.synthetic, imprint=imprint)
        path = folder / appendix_name(scope.slug, ".xlsx")
        written.append(write_checked(path, lambda tmp: render_xlsx(workbook, tmp)))
    if written and (folder / MANIFEST).is_file():
        write_manifest(folder)
    return written


@dataclass(frozen=True)
class _AppendixRun:
    """What every scope of one appendix run shares: the pool's state."""

    tables: SurveyTables
    job: AppendixJob


def _build(run: _AppendixRun, scope: Scope) -> ScopeResult:
    started = time.perf_counter()
    job = run.job
    files = build_appendix_files(run.tables, scope, job.out, job.formats, imprint=job.imprint)
    return ScopeResult(scope, files=files, seconds=time.perf_counter() - started)


def build_appendices(
    tables: SurveyTables, scopes: Sequence[Scope], job: AppendixJob, *, jobs: int, console: Console
) -> list[ScopeResult]:
    """Every scope's appendix, in ``scopes`` order; in a process pool when there are
    several scopes and jobs."""
    with ScopeProgress(console, len(scopes), "appendix") as progress:
        return run_jobs(
            _build,
            list(scopes),
            _AppendixRun(tables, job),
            jobs=jobs,
            failed=scope_failed,
            on_start=progress.start,
            on_result=progress.done,
        )
