"""Which files each municipality of a built county folder receives."""

from __future__ import annotations

from pathlib import Path

from reportgen.batch.manifest import read_manifest, verify_manifest
from reportgen.batch.naming import MUNICIPALITY_DIR, bundle_name, county_folder, profile_name
from reportgen.distribute.message import Delivery
from reportgen.distribute.recipients import Recipient
from reportgen.errors import ReportgenError
from reportgen.register import County, Register


class NotBuiltError(ReportgenError):
    pass


def deliveries(
    out: Path, county: County, register: Register, recipients: dict[str, Recipient], max_bytes: int
) -> list[Delivery]:
    folder = county_folder(out, county.slug)
    if not (folder / "manifest.csv").exists():
        raise NotBuiltError(f"{county.name} is not built in {out}; run 'reportgen build --county {county.slug}' first")
    problems = verify_manifest(folder)
    if problems:
        raise NotBuiltError(f"{county.name}: the files differ from manifest.csv ({problems[0]}); rebuild with --force")
    sums = {e.file: e.sha256 for e in read_manifest(folder)}
    result = []
    for unit in register.units_of(county.code).itertuples(index=False):
        profile = folder / MUNICIPALITY_DIR / profile_name(unit.respondent_id, unit.name)
        bundle = folder / MUNICIPALITY_DIR / bundle_name(unit.respondent_id, unit.name)
        for path in (profile, bundle):
            if not path.is_file():
                raise NotBuiltError(f"{path.name} is missing in {folder}; rebuild {county.name}")
        result.append(
            Delivery(
                respondent_id=unit.respondent_id,
                municipality=unit.name,
                county=county.name,
                recipient=recipients[unit.respondent_id],
                profile=profile,
                bundle=bundle,
                profile_sha256=sums[profile.relative_to(folder).as_posix()],
                bundle_sha256=sums[bundle.relative_to(folder).as_posix()],
                bundle_too_large=bundle.stat().st_size + profile.stat().st_size > max_bytes,
            )
        )
    return result
