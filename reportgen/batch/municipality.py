"""Write each municipality's profile (PDF) and bundle (zip) into the county folder (SPEC §8)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reportgen.atomic import atomic_output
from reportgen.batch.checks import check_file
from reportgen.batch.context import SharedContext
from reportgen.batch.naming import MUNICIPALITY_DIR, bundle_name, profile_name
from reportgen.deck.model import Deck
from reportgen.figures.art import ChartArt
from reportgen.metrics.model import ScopeMetrics
from reportgen.metrics.profile import unit_profiles
from reportgen.municipality.profile_deck import build_profile_deck

#: A fixed timestamp inside the zip: the same files give the same bundle, byte for byte,
#: so its checksum (and the delivery log) only changes when the content does.
ZIP_TIME = (2021, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class DrawnProfile:
    """One municipality's profile deck with its charts drawn, shared by the profile PDF
    and the web edition's profile page."""

    respondent_id: str
    name: str
    deck: Deck
    charts: Mapping[str, ChartArt]


def write_zip(
    target: Path | IO[bytes], items: Iterable[tuple[str, bytes]], compression: int = zipfile.ZIP_STORED
) -> None:
    """A zip of (name, bytes) items with fixed member times, so it is byte-stable."""
    with zipfile.ZipFile(target, "w", compression=compression) as archive:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = compression
            archive.writestr(info, data)


def write_bundle(path: Path, members: list[Path], extra: Mapping[str, bytes] | None = None) -> None:
    """The bundle: ``members`` from disk, then ``extra`` (name → bytes) such as the web edition."""
    write_zip(path, [(member.name, member.read_bytes()) for member in members] + list((extra or {}).items()))


def draw_profiles(ctx: SharedContext, county: ScopeMetrics, *, svg: bool = False) -> list[DrawnProfile]:
    """Every municipality's profile deck and charts (SVGs too for the web edition)."""
    from reportgen.figures.draw import draw_charts
    from reportgen.render.pdf_layout import table_fits

    drawn = []
    for profile in unit_profiles(ctx.tables, county, ctx.national):
        deck = build_profile_deck(profile, date_text=ctx.date_text, synthetic=ctx.survey.synthetic, fits=table_fits)
        # Profiles are PDF (and web) only: no PowerPoint pictures to rasterise.
        charts = draw_charts(deck.charts, png=False, svg=svg)
        drawn.append(DrawnProfile(profile.respondent_id, profile.name, deck, charts))
    return drawn


def build_municipality_files(
    ctx: SharedContext,
    county: ScopeMetrics,
    folder: Path,
    *,
    deck_pdf: Path,
    workbook: Path,
    profiles: Sequence[DrawnProfile] | None = None,
    bundle_extra: Mapping[str, bytes] | None = None,
) -> list[Path]:
    """Each municipality's profile PDF and its bundle (deck PDF, workbook, profile and
    ``bundle_extra``); ``profiles`` already drawn, or drawn here."""
    from reportgen.render.pdf import render_pdf

    target = folder / MUNICIPALITY_DIR
    written: list[Path] = []
    for drawn in profiles if profiles is not None else draw_profiles(ctx, county):
        profile_path = target / profile_name(drawn.respondent_id, drawn.name)
        with atomic_output(profile_path, check_file) as tmp:
            render_pdf(drawn.deck, drawn.charts, tmp)
        bundle_path = target / bundle_name(drawn.respondent_id, drawn.name)
        with atomic_output(bundle_path, check_file) as tmp:
            write_bundle(tmp, [deck_pdf, workbook, profile_path], bundle_extra)
        written += [profile_path, bundle_path]
    return written
