"""Build every output of one county (or Riket) from the shared context.

Stages are timed so the benchmark can report where the time goes. Each file is written
under a temporary name, re-opened, then renamed into place (reportgen.atomic). The
independent parts of the build (charts, then the deck's files and the municipalities')
go through the one job runner, over as many worker processes as the build is given.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.atomic import remove_stale_temps, write_bytes_atomic
from reportgen.batch.context import SharedContext
from reportgen.batch.manifest import verify_manifest, write_manifest
from reportgen.batch.naming import MUNICIPALITY_DIR, county_folder, deck_name, web_folder_name, workbook_name
from reportgen.batch.scope_parts import Part, PartResult, ScopeWork, Timings, plan_parts, timed
from reportgen.errors import ReportgenError
from reportgen.metrics.model import Scope, ScopeMetrics

if TYPE_CHECKING:
    from reportgen.deck.model import Deck
    from reportgen.metrics.profile import UnitProfile

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
    """How one scope's build went; ``stages`` and ``cpu`` are the wall and CPU seconds of
    each stage summed over the processes that ran its parts (on a shared machine compare
    the CPU seconds)."""

    scope: Scope
    status: str = "ok"  # ok / skipped / failed
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    message: str = ""
    charts: int = 0
    timings: Timings = field(default_factory=Timings)

    @property
    def stages(self) -> dict[str, float]:
        return self.timings.stages

    @property
    def cpu(self) -> dict[str, float]:
        return self.timings.cpu


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


def build_scope(ctx: SharedContext, scope: Scope, options: BuildOptions, *, jobs: int = 1) -> ScopeResult:
    """Build the deck (PPTX/PDF), workbook, web edition and municipality files of one
    scope, its independent parts spread over ``jobs`` worker processes (``scope_parts``)."""
    from reportgen.deck.layout import load_layouts
    from reportgen.figures.draw import distinct_charts
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

    with timed(result.timings, "metrics"):
        metrics = (
            ctx.national
            if scope.is_national
            else compute_scope(ctx.survey, scope, tables=ctx.tables, national=ctx.national)
        )
    with timed(result.timings, "deck"):
        counties = county_figures(ctx, metrics)
        deck = county_deck(ctx, metrics, counties)
    municipality_files = options.municipality_files and not scope.is_national
    profiles: tuple[UnitProfile, ...] = ()
    if municipality_files:
        from reportgen.metrics.profile import unit_profiles

        with timed(result.timings, "municipality"):
            profiles = tuple(unit_profiles(ctx.tables, metrics, ctx.national))
    work = ScopeWork(
        ctx,
        metrics,
        counties,
        deck,
        folder,
        options.formats,
        chart_mode(options),
        options.template,
        load_layouts(),
        profiles,
    )
    # Pictures for the PDF, the web edition and the municipality files, and for the PPTX
    # unless it carries native charts (which need neither the drawing nor its PNG).
    drawing = {"pdf", "html"} & set(options.formats) or municipality_files or work.pictures_in_pptx
    first, second = plan_parts(work, distinct_charts(deck.charts) if drawing else {}, municipality_files)
    done = _run_parts(work, first, jobs, result)
    work = replace(work, charts={key: art for part in done for key, art in part.charts.items()})
    result.charts = len(work.charts)
    done += _run_parts(work, second, jobs, result)
    result.files += [path for part in done if part.part.kind != "municipalities" for path in part.files]
    drawn_profiles = [drawn for part in done for drawn in part.profiles]
    bundle_extra = {}
    if work.web:
        from reportgen.batch.naming import profile_page_name
        from reportgen.batch.web import web_archive, write_web_edition
        from reportgen.render.html import ProfilePage, render_web

        with timed(result.timings, "html"):
            pages = [ProfilePage(profile_page_name(p.respondent_id, p.name), p.deck, p.charts) for p in drawn_profiles]
            web_folder = folder / web_folder_name(scope.slug)
            written = write_web_edition(web_folder, render_web(deck, work.charts, profiles=pages))
            result.files.extend(written)
            if profiles:  # the bundles carry the edition as one zip inside
                bundle_extra[f"{web_folder.name}.zip"] = web_archive(web_folder, written, ctx.imprint)
    if municipality_files:
        from reportgen.batch.municipality import write_bundles

        with timed(result.timings, "municipality"):
            result.files += [path for part in done if part.part.kind == "municipalities" for path in part.files]
            result.files += write_bundles(
                ctx,
                folder,
                profiles,
                deck_pdf=folder / deck_name(scope.slug, ".pdf"),
                workbook=folder / workbook_name(scope.slug),
                bundle_extra=bundle_extra,
            )
    with timed(result.timings, "manifest"):
        write_manifest(folder)
        write_bytes_atomic(folder / STAMP, json.dumps(stamp, indent=2).encode("utf-8"))
    result.seconds = time.perf_counter() - started
    return result


def _run_parts(work: ScopeWork, parts: list[Part], jobs: int, result: ScopeResult) -> list[PartResult]:
    """The parts' results in the order given; the first part that failed fails the scope."""
    from reportgen.batch.jobs import run_jobs
    from reportgen.batch.scope_parts import part_failed, run_part

    done = run_jobs(run_part, parts, work, jobs=jobs, failed=part_failed, before_fork=preload)
    for part in done:
        if part.error:
            raise ReportgenError(part.error)
        result.timings.add(part.timings)
    return done


def preload() -> None:
    """Import the renderers and read the chart fonts once in the parent, so forked
    workers inherit them instead of each paying for it (about a second of CPU each)."""
    import reportgen.batch.municipality
    import reportgen.deck.builder
    import reportgen.render.pdf
    import reportgen.render.pptx
    import reportgen.render.xlsx
    import reportgen.workbook.builder  # noqa: F401
    from reportgen.figures.prepare import context
    from reportgen.theme import load_theme

    context(load_theme())


def _county_scopes(ctx: SharedContext) -> list[Scope]:
    return [Scope(c.name, c.code, c.slug) for c in ctx.survey.register.all_counties]
