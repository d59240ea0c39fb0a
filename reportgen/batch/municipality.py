"""Write each municipality's profile (PDF) and bundle (zip) into the county folder (SPEC §8)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from reportgen.atomic import atomic_output
from reportgen.batch.checks import check_file
from reportgen.batch.context import SharedContext
from reportgen.batch.naming import MUNICIPALITY_DIR, bundle_name, profile_name
from reportgen.metrics.model import ScopeMetrics
from reportgen.metrics.profile import unit_profiles
from reportgen.municipality.profile_deck import build_profile_deck

#: A fixed timestamp inside the zip: the same files give the same bundle, byte for byte,
#: so its checksum (and the delivery log) only changes when the content does.
ZIP_TIME = (2021, 1, 1, 0, 0, 0)


def write_bundle(path: Path, members: list[Path]) -> None:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for member in members:
            info = zipfile.ZipInfo(member.name, date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            archive.writestr(info, member.read_bytes())


def build_municipality_files(
    ctx: SharedContext, county: ScopeMetrics, folder: Path, *, deck_pdf: Path, workbook: Path
) -> list[Path]:
    from reportgen.figures.draw import draw_charts
    from reportgen.render.pdf import render_pdf

    target = folder / MUNICIPALITY_DIR
    written: list[Path] = []
    for profile in unit_profiles(ctx.tables, county, ctx.national):
        deck = build_profile_deck(profile, date_text=ctx.date_text, synthetic=ctx.survey.synthetic)
        # Profiles are PDF only: no PowerPoint pictures to rasterise.
        charts = draw_charts(deck.charts, png=False)
        profile_path = target / profile_name(profile.respondent_id, profile.name)
        with atomic_output(profile_path, check_file) as tmp:
            render_pdf(deck, charts, tmp)
        bundle_path = target / bundle_name(profile.respondent_id, profile.name)
        with atomic_output(bundle_path, check_file) as tmp:
            write_bundle(tmp, [deck_pdf, workbook, profile_path])
        written += [profile_path, bundle_path]
    return written
