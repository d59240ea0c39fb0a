"""File and folder names of the outputs (SPEC §7): ASCII slugs only, so no county or
municipality name can steer a path outside the output folder."""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import ReportgenError
from reportgen.text import slugify


def county_folder(out: Path, slug: str) -> Path:
    folder = (out / slugify(slug)).resolve()
    if out.resolve() not in folder.parents:
        raise ReportgenError(f"refusing to write outside {out}: {folder}")
    return folder


def deck_name(slug: str, suffix: str) -> str:
    return f"{slugify(slug)}-analysrapport{suffix}"


def workbook_name(slug: str) -> str:
    return f"{slugify(slug)}-resultat.xlsx"


def appendix_name(slug: str, suffix: str) -> str:
    return f"{slugify(slug)}-bilaga-resultattabeller{suffix}"


def municipality_stem(respondent_id: str, name: str) -> str:
    return f"{slugify(respondent_id)}-{slugify(name)}"


def profile_name(respondent_id: str, name: str) -> str:
    return f"{municipality_stem(respondent_id, name)}-profil.pdf"


def own_workbook_name(respondent_id: str, name: str) -> str:
    """The municipality's own answers as a workbook (SPEC §8)."""
    return f"{municipality_stem(respondent_id, name)}-svar.xlsx"


def bundle_name(respondent_id: str, name: str) -> str:
    return f"{municipality_stem(respondent_id, name)}-paket.zip"


MUNICIPALITY_DIR = "kommuner"


def web_folder_name(slug: str) -> str:
    """The web edition's folder in the county folder (SPEC §7): ``skane-lan-webb``."""
    return f"{slugify(slug)}-webb"


def profile_page_name(respondent_id: str, name: str) -> str:
    """A municipality's page inside the web edition: ``kommuner/1280-malmo.html``."""
    return f"{MUNICIPALITY_DIR}/{municipality_stem(respondent_id, name)}.html"
