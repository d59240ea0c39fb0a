"""The work shared by every county of a run, done once: load and validate the answers,
compute Riket's figures and the national insights, hash the inputs (issue 6)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen import __version__
from reportgen.io.load import load_survey
from reportgen.metrics.model import Scope, ScopeMetrics
from reportgen.metrics.scope import SurveyTables
from reportgen.paths import DEMO_DIR, LAYOUTS_DIR
from reportgen.survey import Survey

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)

NATIONAL = Scope("Riket", None, "riket")


@dataclass(frozen=True, eq=False)
class SharedContext:
    survey: Survey
    tables: SurveyTables  # the survey coded once; each county is a cut of it
    national: ScopeMetrics
    extras: dict[str, Any]  # front-matter figures: insights, catalog sizes, response overview
    date_text: str
    fingerprint: str  # inputs + layouts + version: unchanged → finished counties are skipped


def date_text(today: dt.date | None = None) -> str:
    """Month and year in Swedish ("november 2026"); SOURCE_DATE_EPOCH pins it for
    reproducible builds."""
    if today is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        today = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()
    return f"{MONTHS[today.month - 1]} {today.year}"


def _hash_tree(digest: Any, root: Path) -> None:
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())


def fingerprint(data: Path | None, template: Path | None, date: str) -> str:
    digest = hashlib.sha256(__version__.encode())
    digest.update(date.encode())
    for part in (data or DEMO_DIR, LAYOUTS_DIR, template):
        if part is not None and part.exists():
            _hash_tree(digest, part)
    return digest.hexdigest()


def shared_context(data: Path | None, template: Path | None = None) -> SharedContext:
    from reportgen.metrics.compute import compute_scope, front_matter_figures

    survey = load_survey(data).survey
    tables = SurveyTables.prepare(survey)
    national = compute_scope(survey, NATIONAL, tables=tables)
    date = date_text()
    return SharedContext(
        survey=survey,
        tables=tables,
        national=national,
        extras=front_matter_figures(survey, national),
        date_text=date,
        fingerprint=fingerprint(data, template, date),
    )
