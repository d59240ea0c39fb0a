"""Write each municipality's profile (PDF), its own answers (workbook) and its bundle
(zip) into the county folder (SPEC §8). The bundle holds the profile, the own workbook,
the county deck as PDF and the county workbook (and the web edition when built); the
manifest lists them all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportgen.archive import write_zip
from reportgen.batch.checks import write_checked
from reportgen.batch.context import SharedContext
from reportgen.batch.naming import MUNICIPALITY_DIR, bundle_name, own_workbook_name, profile_name
from reportgen.deck.layout import Layouts
from reportgen.deck.model import Deck
from reportgen.figures.art import ChartArt
from reportgen.imprint import Imprint
from reportgen.metrics.model import ScopeMetrics
from reportgen.metrics.profile import UnitProfile
from reportgen.municipality.profile_deck import build_profile_deck
from reportgen.workbook.scope_cache import ScopeCache


@dataclass(frozen=True)
class DrawnProfile:
    """One municipality's profile deck with its charts drawn, shared by the profile PDF
    and the web edition's profile page."""

    respondent_id: str
    name: str
    deck: Deck
    charts: Mapping[str, ChartArt]


def write_bundle(path: Path, members: list[Path], imprint: Imprint, extra: Mapping[str, bytes] | None = None) -> None:
    """The bundle: ``members`` from disk, then ``extra`` (name → bytes) such as the web
    edition, stored as they are, each at the run's build time: the same files and build
    time give the same bundle, byte for byte, so its checksum (and the delivery log)
    changes only when the content does."""
    items = [(member.name, member.read_bytes()) for member in members] + list((extra or {}).items())
    write_zip(path, items, imprint.zip_time())


def draw_profile(ctx: SharedContext, profile: UnitProfile, *, svg: bool = False) -> DrawnProfile:
    """One municipality's profile deck and charts (SVGs too for the web edition)."""
    from reportgen.figures.draw import draw_charts
    from reportgen.render.pdf_layout import table_fits

    deck = build_profile_deck(
        profile, date_text=ctx.date_text, synthetic=ctx.survey.synthetic, fits=table_fits, imprint=ctx.imprint
    )
    # Profiles are PDF (and web) only: no PowerPoint pictures to rasterise.
    charts = draw_charts(deck.charts, png=False, svg=svg)
    return DrawnProfile(profile.respondent_id, profile.name, deck, charts)


def write_profile(drawn: DrawnProfile, path: Path) -> Path:
    """One profile PDF, checked and renamed into place."""
    from reportgen.render.pdf import render_pdf

    return write_checked(path, lambda tmp: render_pdf(drawn.deck, drawn.charts, tmp))


def write_own_workbook(
    ctx: SharedContext,
    county: ScopeMetrics,
    respondent_id: str,
    path: Path,
    layouts: Layouts,
    cache: ScopeCache,
) -> Path:
    """The unit's own answers: the county workbook's builder, kept to this one unit.
    ``cache`` (one per county, given the same ``layouts`` each time: it checks) keeps the
    sheets and columns that are the county's, so the next unit's workbook does not build
    them again."""
    from reportgen.render.xlsx import render_xlsx
    from reportgen.workbook.builder import build_workbook

    workbook = build_workbook(
        ctx.survey,
        county.scope,
        synthetic=ctx.survey.synthetic,
        tables=ctx.tables,
        imprint=ctx.imprint,
        metrics=county,
        national=ctx.national,
        units=[respondent_id],
        layouts=layouts,
        catalog=ctx.catalog,
        cache=cache,
    )
    return write_checked(path, lambda tmp: render_xlsx(workbook, tmp))


def write_bundles(
    ctx: SharedContext,
    folder: Path,
    units: Sequence[UnitProfile],
    *,
    deck_pdf: Path,
    workbook: Path,
    bundle_extra: Mapping[str, bytes] | None = None,
) -> list[Path]:
    """Each municipality's bundle: its profile and own workbook (written already), the
    deck PDF, the county workbook and ``bundle_extra``."""
    target = folder / MUNICIPALITY_DIR
    written: list[Path] = []
    for unit in units:
        profile_path = target / profile_name(unit.respondent_id, unit.name)
        own = target / own_workbook_name(unit.respondent_id, unit.name)
        bundle_path = target / bundle_name(unit.respondent_id, unit.name)
        written.append(
            write_checked(
                bundle_path,
                lambda tmp, members=[profile_path, own, deck_pdf, workbook]: write_bundle(
                    tmp, members, ctx.imprint, bundle_extra
                ),
            )
        )
    return written
