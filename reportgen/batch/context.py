"""The work shared by every county of a run, done once: load and validate the answers,
compute Riket's figures and the national insights, hash the inputs (issue 6), and fix
the run's imprint — its one build time and its publisher (issue 18)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen import __version__
from reportgen.imprint import Imprint, build_time
from reportgen.io.load import load_survey
from reportgen.metrics.catalog_stats import CatalogFigures
from reportgen.metrics.insights import NationalInsights
from reportgen.metrics.model import Scope, ScopeMetrics
from reportgen.metrics.scope import SurveyTables
from reportgen.paths import DEMO_DIR, LAYOUTS_DIR
from reportgen.survey import Survey

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

NATIONAL = Scope("Riket", None, "riket")


@dataclass(frozen=True, eq=False)
class SharedContext:
    survey: Survey
    tables: SurveyTables  # the survey coded once; each county is a cut of it
    national: ScopeMetrics
    catalog: CatalogFigures  # the catalog's sizes and shares per area and category (background slides)
    insights: NationalInsights  # the national insights' figures, shown in every deck
    date_text: str
    imprint: Imprint  # the run's one build time and its publisher, stamped into every file
    fingerprint: str  # inputs + layouts + version + publisher: unchanged → finished counties are skipped


def date_text(when: dt.datetime) -> str:
    """Month and year in Swedish ("november 2026")."""
    return f"{MONTHS[when.month - 1]} {when.year}"


def _hash_tree(digest: Any, root: Path) -> None:
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())


def fingerprint(
    data: Path | None, template: Path | None, date: str, mapping: Path | None = None, imprint: Imprint | None = None
) -> str:
    digest = hashlib.sha256(__version__.encode())
    digest.update(date.encode())
    if imprint is not None:  # another publisher is another file; the build time alone is not
        digest.update("\0".join((imprint.organisation, imprint.contact, imprint.author)).encode())
    for part in (data or DEMO_DIR, LAYOUTS_DIR, template, mapping):
        if part is not None and part.exists():
            _hash_tree(digest, part)
    return digest.hexdigest()


def shared_context(
    data: Path | None, template: Path | None = None, mapping: Path | None = None, imprint: Imprint | None = None
) -> SharedContext:
    """Everything the scopes of one run share; ``imprint`` defaults to no publisher at
    the time of this call."""
    from reportgen.deck.layout import load_layouts
    from reportgen.metrics.catalog_stats import catalog_figures
    from reportgen.metrics.compute import compute_scope
    from reportgen.metrics.insights import national_insights

    survey = load_survey(data, mapping=mapping).survey
    tables = SurveyTables.prepare(survey)
    national = compute_scope(survey, NATIONAL, tables=tables)
    imprint = imprint or Imprint(build_time())
    date = date_text(imprint.created)
    return SharedContext(
        survey=survey,
        tables=tables,
        national=national,
        catalog=catalog_figures(survey.catalog, load_layouts().category_mapping()),
        insights=national_insights(national),
        date_text=date,
        imprint=imprint,
        fingerprint=fingerprint(data, template, date, mapping, imprint),
    )
