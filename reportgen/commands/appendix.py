"""``reportgen build --appendix``: the result appendix (PDF, workbook) for Riket and counties.

Called by ``commands.build`` when ``--appendix`` is given (issue 10). ``--national``
builds Riket's, ``--county`` the named counties', ``--all`` Riket's and every county's.
The survey is loaded and coded once in this process; ``batch.appendix`` builds the
scopes through the one job runner. A scope that fails is reported while the others
finish.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console

from reportgen.batch.appendix import APPENDIX_FORMATS, AppendixJob, build_appendices
from reportgen.batch.runner import summary_table
from reportgen.errors import ReportgenError
from reportgen.imprint import Imprint, build_time
from reportgen.metrics.model import Scope
from reportgen.metrics.scope import SurveyTables, all_scopes, scope_for


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


def run_appendix(args: argparse.Namespace, console: Console, imprint: Imprint | None = None) -> int:
    """Build the appendix for the scopes ``args`` names; 0 when all succeed, 1 otherwise.
    ``imprint``: the run's build time and publisher (default: none, now)."""
    from reportgen.io.load import load_survey

    started = time.perf_counter()
    formats = appendix_formats(getattr(args, "formats", None))
    tables = SurveyTables.prepare(load_survey(args.data, mapping=getattr(args, "mapping", None)).survey)
    scopes = appendix_scopes(tables, args)
    job = AppendixJob(out=Path(args.out), formats=formats, imprint=imprint or Imprint(build_time()))
    results = build_appendices(tables, scopes, job, jobs=getattr(args, "jobs", 1), console=console)
    console.print(summary_table(results, time.perf_counter() - started))
    failed = [r for r in results if r.status == "failed"]
    if failed:
        console.print(f"[red]{len(failed)} of {len(results)} failed; the others are complete.")
        return 1
    for r in results:
        console.print(f"{r.scope.name}: {r.files[0].parent if r.files else job.out}")
    return 0
