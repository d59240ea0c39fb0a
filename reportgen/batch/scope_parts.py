"""One scope's build as independent parts, so a single county uses every core (issue 19).

A county's work splits along what depends on what: the deck's charts (every picture
and vector chart the PowerPoint deck, the PDF and the web edition place) come before
the PowerPoint deck and the PDF; the workbook and the municipalities' profiles and own
workbooks need neither, and no part needs another of its phase. Each phase is a list of
parts for the one job runner (``batch.jobs.run_jobs``): the charts in runs of a few, the
municipalities a few at a time, the heaviest parts first, so two workers finish a phase
together. With one job the same parts run one after another in this process.

Every part writes its files through the atomic writer (checked before the rename) and
returns what the next step needs: drawn charts, the paths written, the drawn profiles
for the web edition, and the seconds it spent per stage. A part draws and writes the
same bytes whichever process runs it, so the build stays reproducible.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.batch.checks import write_checked
from reportgen.batch.context import SharedContext
from reportgen.batch.naming import MUNICIPALITY_DIR, deck_name, own_workbook_name, profile_name, workbook_name
from reportgen.figures.art import ChartArt
from reportgen.metrics.model import ScopeMetrics
from reportgen.workbook.scope_cache import ScopeCache

if TYPE_CHECKING:
    from reportgen.batch.municipality import DrawnProfile
    from reportgen.deck.layout import Layouts
    from reportgen.deck.model import ChartSpec, Deck
    from reportgen.metrics.profile import UnitProfile

#: Charts per part: about half a second of drawing, small enough to even out two workers.
CHARTS_PER_PART = 10
#: Municipalities per part (profile, its PDF, the own workbook): about as long.
UNITS_PER_PART = 2
#: Runs of municipalities written beside the deck's PPTX and PDF (the PPTX takes about
#: as long as the PDF and two such runs).
MUNICIPALITIES_WITH_THE_DECK = 2


@dataclass
class Timings:
    """Seconds per stage, wall and CPU, wherever the stage ran."""

    stages: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    def add(self, other: Timings) -> None:
        for stage, seconds in other.stages.items():
            self.stages[stage] = self.stages.get(stage, 0.0) + seconds
        for stage, seconds in other.cpu.items():
            self.cpu[stage] = self.cpu.get(stage, 0.0) + seconds


@contextmanager
def timed(timings: Timings, stage: str) -> Iterator[None]:
    start, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        timings.stages[stage] = timings.stages.get(stage, 0.0) + time.perf_counter() - start
        timings.cpu[stage] = timings.cpu.get(stage, 0.0) + time.process_time() - cpu


@dataclass(frozen=True, eq=False)
class ScopeWork:
    """What every part of one scope's build reads: the pool's state (forked workers
    inherit it). ``charts`` is empty in the first phase, which draws them."""

    ctx: SharedContext
    metrics: ScopeMetrics
    counties: tuple[ScopeMetrics, ...]
    deck: Deck
    folder: Path
    formats: tuple[str, ...]
    chart_mode: str
    template: Path | None
    layouts: Layouts  # read once for every workbook of the scope
    profiles: tuple[UnitProfile, ...] = ()
    charts: Mapping[str, ChartArt] = field(default_factory=dict)
    #: The sheets and columns every workbook of the scope shares, made once per process.
    workbooks: ScopeCache = field(default_factory=ScopeCache)

    @property
    def web(self) -> bool:
        return "html" in self.formats

    @property
    def pictures_in_pptx(self) -> bool:
        return "pptx" in self.formats and self.chart_mode == "pictures"


@dataclass(frozen=True)
class Part:
    """One piece of a scope's build: ``kind`` and the chart keys or unit positions it covers."""

    kind: str  # charts, pptx, pdf, xlsx, municipalities
    items: tuple[str, ...] | tuple[int, ...] = ()


@dataclass
class PartResult:
    part: Part
    charts: dict[str, ChartArt] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    profiles: list[DrawnProfile] = field(default_factory=list)
    timings: Timings = field(default_factory=Timings)
    error: str = ""


def _chunks(items: Sequence[object] | range, size: int) -> list[tuple[object, ...]]:
    return [tuple(items[i : i + size]) for i in range(0, len(items), size)]


def plan_parts(
    work: ScopeWork, specs: Mapping[str, ChartSpec], municipality_files: bool
) -> tuple[list[Part], list[Part]]:
    """The two phases, each heaviest first. The first draws the deck's distinct charts
    (``specs``, in runs of :data:`CHARTS_PER_PART`) beside the work that needs none (the
    workbook, the municipalities); the second writes the PowerPoint deck and the PDF,
    which place them, with the last :data:`MUNICIPALITIES_WITH_THE_DECK` runs of
    municipalities to keep the other worker busy while the longer PowerPoint is written."""
    first = [Part("charts", keys) for keys in _chunks(list(specs), CHARTS_PER_PART)]  # type: ignore[arg-type]
    if "xlsx" in work.formats or _bundled("xlsx", work):
        first.append(Part("xlsx"))
    second = [Part(kind) for kind in ("pptx", "pdf") if kind in work.formats or _bundled(kind, work)]
    if municipality_files and work.profiles:
        runs = [Part("municipalities", chunk) for chunk in _chunks(range(len(work.profiles)), UNITS_PER_PART)]  # type: ignore[arg-type]
        keep = min(MUNICIPALITIES_WITH_THE_DECK, len(runs)) if second else 0
        first += runs[: len(runs) - keep]
        second += runs[len(runs) - keep :]
    return first, second


def _bundled(kind: str, work: ScopeWork) -> bool:
    """The deck PDF and the workbook go into every bundle, so they are built for them."""
    return kind in ("pdf", "xlsx") and bool(work.profiles)


def _draw(work: ScopeWork, part: Part, out: PartResult) -> None:
    from reportgen.figures.draw import distinct_charts, draw_charts

    specs = distinct_charts(work.deck.charts)
    with timed(out.timings, "figures"):
        out.charts = draw_charts([specs[str(k)] for k in part.items], png=work.pictures_in_pptx, svg=work.web)


def _pptx(work: ScopeWork, part: Part, out: PartResult) -> None:
    from reportgen.render.pptx import render_pptx

    path = work.folder / deck_name(work.metrics.scope.slug, ".pptx")
    with timed(out.timings, "pptx"):
        out.files.append(
            write_checked(
                path,
                lambda p: render_pptx(work.deck, work.charts, p, template=work.template, chart_mode=work.chart_mode),
            )
        )


def _pdf(work: ScopeWork, part: Part, out: PartResult) -> None:
    from reportgen.render.pdf import render_pdf

    with timed(out.timings, "pdf"):
        path = work.folder / deck_name(work.metrics.scope.slug, ".pdf")
        out.files.append(write_checked(path, lambda p: render_pdf(work.deck, work.charts, p)))


def _xlsx(work: ScopeWork, part: Part, out: PartResult) -> None:
    from reportgen.render.xlsx import render_xlsx
    from reportgen.workbook.builder import build_workbook

    ctx = work.ctx
    with timed(out.timings, "xlsx"):
        workbook = build_workbook(
            ctx.survey,
            work.metrics.scope,
            synthetic=ctx.survey.synthetic,
            tables=ctx.tables,
            imprint=ctx.imprint,
            metrics=work.metrics,
            national=ctx.national,
            counties=work.counties,
            layouts=work.layouts,
            catalog=ctx.catalog,
            cache=work.workbooks,
        )
        path = work.folder / workbook_name(work.metrics.scope.slug)
        out.files.append(write_checked(path, lambda p: render_xlsx(workbook, p)))


def _municipalities(work: ScopeWork, part: Part, out: PartResult) -> None:
    """Each unit's profile (drawn, and written as PDF) and its own workbook; the bundles
    wait for the deck PDF and the workbook (``build_bundles``)."""
    from reportgen.batch.municipality import draw_profile, write_own_workbook, write_profile

    ctx, target = work.ctx, work.folder / MUNICIPALITY_DIR
    with timed(out.timings, "municipality"):
        for position in part.items:
            drawn = draw_profile(ctx, work.profiles[int(position)], svg=work.web)
            out.files.append(write_profile(drawn, target / profile_name(drawn.respondent_id, drawn.name)))
            own = target / own_workbook_name(drawn.respondent_id, drawn.name)
            out.files.append(
                write_own_workbook(ctx, work.metrics, drawn.respondent_id, own, work.layouts, work.workbooks)
            )
            if work.web:  # the web edition's profile pages are rendered with the deck's
                out.profiles.append(drawn)


PARTS: Mapping[str, Callable[[ScopeWork, Part, PartResult], None]] = {
    "charts": _draw,
    "pptx": _pptx,
    "pdf": _pdf,
    "xlsx": _xlsx,
    "municipalities": _municipalities,
}


def run_part(work: ScopeWork, part: Part) -> PartResult:
    """Do one part (a top-level function, so the job runner can hand it to a worker)."""
    out = PartResult(part)
    PARTS[part.kind](work, part, out)
    return out


def part_failed(part: Part, message: str) -> PartResult:
    return PartResult(part, error=message)
