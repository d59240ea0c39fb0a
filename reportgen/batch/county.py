"""Build every output of one county (or Riket) from the shared context.

Stages are timed so the benchmark can report where the time goes. Each file is written
under a temporary name, re-opened, then renamed into place (reportgen.atomic).
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.atomic import atomic_output, remove_stale_temps, write_bytes_atomic
from reportgen.batch.checks import check_file
from reportgen.batch.context import SharedContext
from reportgen.batch.manifest import verify_manifest, write_manifest
from reportgen.batch.naming import MUNICIPALITY_DIR, county_folder, deck_name, web_folder_name, workbook_name
from reportgen.metrics.model import Scope, ScopeMetrics

if TYPE_CHECKING:
    from reportgen.deck.model import Deck

STAMP = ".reportgen-stamp.json"
FORMATS = ("pptx", "pdf", "xlsx")  # the default
ALL_FORMATS = (*FORMATS, "html")  # html: the web edition, when asked for (SPEC §7)


@dataclass(frozen=True)
class BuildOptions:
    out: Path
    formats: tuple[str, ...] = FORMATS
    template: Path | None = None
    force: bool = False
    municipality_files: bool = True
    mapping: Path | None = None  # read wide exports through this mapping (docs/input-format.md §4)
    charts: str | None = None  # the PPTX's charts: "pictures" or "editable"; None = the theme's


@dataclass
class ScopeResult:
    scope: Scope
    status: str = "ok"  # ok / skipped / failed
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per stage (shared machines: compare these)
    message: str = ""
    charts: int = 0


@contextmanager
def timed(result: ScopeResult, stage: str) -> Iterator[None]:
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        result.stages[stage] = result.stages.get(stage, 0.0) + time.perf_counter() - start
        result.cpu[stage] = result.cpu.get(stage, 0.0) + time.process_time() - cpu


def _stamp(ctx: SharedContext, scope: Scope, options: BuildOptions) -> dict[str, object]:
    return {
        "fingerprint": ctx.fingerprint,
        "scope": scope.slug,
        "formats": sorted(options.formats),
        "municipality_files": options.municipality_files,
        "charts": chart_mode(options),
    }


def chart_mode(options: BuildOptions) -> str:
    """How this run's PPTX carries its charts: the option, else layouts/theme.yaml's."""
    from reportgen.theme import load_theme

    return options.charts or load_theme().pptx_charts


def is_finished(folder: Path, stamp: dict[str, object]) -> bool:
    """Finished = same stamp as this run would write and every manifest entry intact."""
    try:
        previous = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if previous != stamp:
        return False
    try:
        return not verify_manifest(folder)
    except (OSError, KeyError, ValueError):  # manifest missing or damaged: build again
        return False


def remove_unwanted_outputs(folder: Path, slug: str, options: BuildOptions) -> None:
    """Delete deck, workbook and municipality files of an earlier run that this run will
    not write, so the manifest lists only what this build produced."""
    bundles = options.municipality_files
    wanted = {
        deck_name(slug, ".pptx"): "pptx" in options.formats,
        deck_name(slug, ".pdf"): "pdf" in options.formats or bundles,
        workbook_name(slug): "xlsx" in options.formats or bundles,
    }
    for name, keep in wanted.items():
        if not keep:
            (folder / name).unlink(missing_ok=True)
    if "html" not in options.formats and (folder / web_folder_name(slug)).is_dir():
        shutil.rmtree(folder / web_folder_name(slug))
    if not bundles and (folder / MUNICIPALITY_DIR).is_dir():
        shutil.rmtree(folder / MUNICIPALITY_DIR)


def write_checked(path: Path, writer: Callable[[Path], None]) -> Path:
    with atomic_output(path, check_file) as tmp:
        writer(tmp)
    return path


def county_figures(ctx: SharedContext, metrics: ScopeMetrics) -> tuple[ScopeMetrics, ...]:
    """Every county's figures, for Riket's deck and workbook (none for a county)."""
    from reportgen.metrics.compute import compute_scope

    if not metrics.scope.is_national:
        return ()
    return tuple(compute_scope(ctx.survey, s, tables=ctx.tables, national=ctx.national) for s in _county_scopes(ctx))


def county_deck(ctx: SharedContext, metrics: ScopeMetrics, counties: tuple[ScopeMetrics, ...] | None = None) -> Deck:
    """The deck model of one scope from the run's figures; the Riket deck also shows
    every county's (``county_figures``, computed here when not given)."""
    from reportgen.deck.builder import build_deck
    from reportgen.deck.inputs import DeckInputs
    from reportgen.figures.bar_plan import has_unlabelled

    if counties is None:
        counties = county_figures(ctx, metrics)
    inputs = DeckInputs(metrics, ctx.national, ctx.catalog, ctx.insights, counties)
    return build_deck(
        inputs,
        date_text=ctx.date_text,
        synthetic=ctx.survey.synthetic,
        unlabelled=has_unlabelled,
        imprint=ctx.imprint,
    )


def build_scope(ctx: SharedContext, scope: Scope, options: BuildOptions) -> ScopeResult:
    """Build the deck (PPTX/PDF), workbook, web edition and municipality files of one scope."""
    from reportgen.figures.draw import draw_charts
    from reportgen.metrics.compute import compute_scope

    started = time.perf_counter()
    result = ScopeResult(scope)
    folder = county_folder(options.out, scope.slug)
    stamp = _stamp(ctx, scope, options)
    if not options.force and is_finished(folder, stamp):
        result.status = "skipped"
        result.message = "unchanged since the last run"
        return result
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(folder)
    (folder / STAMP).unlink(missing_ok=True)
    remove_unwanted_outputs(folder, scope.slug, options)

    with timed(result, "metrics"):
        metrics = (
            ctx.national
            if scope.is_national
            else compute_scope(ctx.survey, scope, tables=ctx.tables, national=ctx.national)
        )
    with timed(result, "deck"):
        counties = county_figures(ctx, metrics)
        deck = county_deck(ctx, metrics, counties)
    web = "html" in options.formats
    # Pictures for the PDF, the web edition and the municipality files, and for the PPTX
    # unless it carries native charts (which need neither the drawing nor its PNG).
    mode = chart_mode(options)
    pictures_in_pptx = "pptx" in options.formats and mode == "pictures"
    charts = {}
    if "pdf" in options.formats or web or options.municipality_files or pictures_in_pptx:
        with timed(result, "figures"):
            charts = draw_charts(deck.charts, png=pictures_in_pptx, svg=web)
        result.charts = len(charts)
    if "pptx" in options.formats:
        from reportgen.render.pptx import render_pptx

        with timed(result, "pptx"):
            result.files.append(
                write_checked(
                    folder / deck_name(scope.slug, ".pptx"),
                    lambda p: render_pptx(deck, charts, p, template=options.template, chart_mode=mode),
                )
            )
    pdf_path = folder / deck_name(scope.slug, ".pdf")
    if "pdf" in options.formats or options.municipality_files:
        from reportgen.render.pdf import render_pdf

        with timed(result, "pdf"):
            result.files.append(write_checked(pdf_path, lambda p: render_pdf(deck, charts, p)))
    xlsx_path = folder / workbook_name(scope.slug)
    if "xlsx" in options.formats or options.municipality_files:
        from reportgen.render.xlsx import render_xlsx
        from reportgen.workbook.builder import build_workbook

        with timed(result, "xlsx"):
            workbook = build_workbook(
                ctx.survey,
                scope,
                synthetic=ctx.survey.synthetic,
                tables=ctx.tables,
                imprint=ctx.imprint,
                metrics=metrics,
                national=ctx.national,
                counties=counties,
            )
            result.files.append(write_checked(xlsx_path, lambda p: render_xlsx(workbook, p)))
    profiles = []
    if options.municipality_files and not scope.is_national:
        from reportgen.batch.municipality import draw_profiles

        with timed(result, "municipality"):
            profiles = draw_profiles(ctx, metrics, svg=web)
    bundle_extra = {}
    if web:
        from reportgen.batch.naming import profile_page_name
        from reportgen.batch.web import web_archive, write_web_edition
        from reportgen.render.html import ProfilePage, render_web

        with timed(result, "html"):
            pages = [ProfilePage(profile_page_name(p.respondent_id, p.name), p.deck, p.charts) for p in profiles]
            web_folder = folder / web_folder_name(scope.slug)
            written = write_web_edition(web_folder, render_web(deck, charts, profiles=pages))
            result.files.extend(written)
            if profiles:  # the bundles carry the edition as one zip inside
                bundle_extra[f"{web_folder.name}.zip"] = web_archive(web_folder, written, ctx.imprint)
    if options.municipality_files and not scope.is_national:
        from reportgen.batch.municipality import build_municipality_files

        with timed(result, "municipality"):
            result.files.extend(
                build_municipality_files(
                    ctx,
                    metrics,
                    folder,
                    deck_pdf=pdf_path,
                    workbook=xlsx_path,
                    profiles=profiles,
                    bundle_extra=bundle_extra,
                )
            )
    with timed(result, "manifest"):
        write_manifest(folder)
        write_bytes_atomic(folder / STAMP, json.dumps(stamp, indent=2).encode("utf-8"))
    result.seconds = time.perf_counter() - started
    return result


def _county_scopes(ctx: SharedContext) -> list[Scope]:
    return [Scope(c.name, c.code, c.slug) for c in ctx.survey.register.all_counties]
