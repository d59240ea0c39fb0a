"""Write the appendix files of one scope into its folder (SPEC §7, §8b).

One appendix table per scope feeds both files, so the PDF and the workbook cannot
disagree with each other or with ``reportgen metrics --table appendix`` (issue 10
item 4). Each file is written under a temporary name, re-opened and renamed into place.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from pathlib import Path

from reportgen.appendix.builder import build_document
from reportgen.appendix.pdf import render_appendix_pdf
from reportgen.appendix.workbook import build_appendix_workbook
from reportgen.atomic import atomic_output
from reportgen.batch.checks import check_file
from reportgen.batch.manifest import MANIFEST, write_manifest
from reportgen.batch.naming import appendix_name, county_folder
from reportgen.metrics.appendix import appendix_from
from reportgen.metrics.model import Scope
from reportgen.metrics.scope import SurveyTables
from reportgen.render.xlsx import render_xlsx

#: The formats the appendix is made in.
APPENDIX_FORMATS = ("pdf", "xlsx")


def build_appendix_files(
    tables: SurveyTables,
    scope: Scope,
    out: Path,
    formats: Collection[str] = APPENDIX_FORMATS,
    *,
    created: datetime | None = None,
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
        document = build_document(frame, survey.catalog, scope, synthetic=survey.synthetic)
        path = folder / appendix_name(scope.slug, ".pdf")
        with atomic_output(path, check_file) as tmp:
            render_appendix_pdf(document, tmp)
        written.append(path)
    if "xlsx" in formats:
        workbook = build_appendix_workbook(frame, survey.catalog, scope, synthetic=survey.synthetic, created=created)
        path = folder / appendix_name(scope.slug, ".xlsx")
        with atomic_output(path, check_file) as tmp:
            render_xlsx(workbook, tmp)
        written.append(path)
    if written and (folder / MANIFEST).is_file():
        write_manifest(folder)
    return written
