"""Write a Survey as answer files in the documented layout (docs/input-format.md).

Used for the bundled demo data (SPEC §9), so the output is deterministic byte for byte
(gzip without a time stamp) and loads back to equal tables.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd

from reportgen.atomic import write_bytes_atomic
from reportgen.io.columns import AREA_COLUMNS, INSATS_COLUMNS, VALUE_FIELDS
from reportgen.survey import CANONICAL, Survey
from reportgen.text import slugify

#: Marks a folder of synthetic answers (docs/input-format.md); load.py reads it.
SYNTHETIC_MARKER = "SYNTHETIC"
AREA_FILE = "omradessvar.csv"
INSATS_FILE = "insatssvar.csv.gz"
SEPARATOR = ";"


def insats_file_name(area: str) -> str:
    """``insatssvar-<area-slug>.csv.gz``: one file per area keeps each file small."""
    return f"insatssvar-{slugify(area)}.csv.gz"


def write_survey(survey: Survey, folder: Path, *, split_by_area: bool = True) -> list[Path]:
    """Write ``omradessvar.csv`` and the insats answers (per area, or one file), UTF-8, ``;``.

    Answer codes are written as their canonical Swedish text (``survey.CANONICAL``). A
    synthetic survey also gets the ``SYNTHETIC`` marker file (SPEC §9), so it loads back
    as synthetic. Returns the written paths in writing order.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = [_write(folder / AREA_FILE, area_frame(survey), compress=False)]
    answers = insats_frame(survey)
    if split_by_area:
        for area in survey.catalog.areas:
            part = answers[answers["område"] == area]
            if len(part):
                written.append(_write(folder / insats_file_name(area), part, compress=True))
    else:
        written.append(_write(folder / INSATS_FILE, answers, compress=True))
    return finish_folder(survey, folder, written, "insatssvar*.csv.gz")


def finish_folder(survey: Survey, folder: Path, written: list[Path], earlier: str) -> list[Path]:
    """Remove files matching ``earlier`` that this write did not write (they would be loaded
    beside the new ones), and write the ``SYNTHETIC`` marker for a synthetic survey or
    remove a stale one. Returns ``written`` with the marker."""
    for stale in sorted(folder.glob(earlier)):
        if stale not in written:
            stale.unlink()
    marker = folder / SYNTHETIC_MARKER
    if survey.synthetic:
        write_bytes_atomic(marker, b"Synthetic answers made by a seeded generator; not real survey data.\n")
        return [*written, marker]
    if marker.exists():
        marker.unlink()
    return written


def area_frame(survey: Survey) -> pd.DataFrame:
    """The area answers as file columns: one row per unit × area, wish groups joined by `|`."""
    responses = survey.responses
    groups = _joined_groups(survey)
    frame = responses.merge(groups, on=["respondent_id", "area"], how="left")
    area_order = {area: i for i, area in enumerate(survey.catalog.areas)}
    frame = frame.assign(_order=frame["area"].map(area_order)).sort_values(["respondent_id", "_order"], kind="stable")
    out = pd.DataFrame(
        {
            "kommunkod": frame["respondent_id"],
            "kommun": frame["respondent_id"].map(survey.register.units["name"]),
            "område": frame["area"],
            "status": _texts(frame, "status"),
            "ytterligare_insatser": _texts(frame, "further"),
            "vill_ge_utan_beslut": _texts(frame, "wish"),
            "huvudgrupper_utan_beslut": frame["huvudgrupper"],
        }
    )
    return out[AREA_COLUMNS].reset_index(drop=True)


def insats_frame(survey: Survey) -> pd.DataFrame:
    """The insats answers as file columns, in respondent then catalog order."""
    answers = survey.answers
    table = survey.catalog.table
    order = answers["insats_id"].map(table["order"])
    answers = answers.assign(_order=order).sort_values(["respondent_id", "_order"], kind="stable")
    out = pd.DataFrame(
        {
            "kommunkod": answers["respondent_id"],
            "kommun": answers["respondent_id"].map(survey.register.units["name"]),
            "område": answers["insats_id"].map(table["area"]),
            "insats_id": answers["insats_id"],
            "insats": answers["insats_id"].map(table["label"]),
        }
    )
    for column in ("erbjuden", "beslut", "regi", "form", "individer", "utveckling"):
        out[column] = _texts(answers, VALUE_FIELDS[column])
    return out[INSATS_COLUMNS].reset_index(drop=True)


def _texts(frame: pd.DataFrame, field: str) -> pd.Series:
    return frame[field].map(CANONICAL[field])


def _joined_groups(survey: Survey) -> pd.DataFrame:
    groups = survey.wish_groups
    if groups.empty:
        return pd.DataFrame({"respondent_id": [], "area": [], "huvudgrupper": []}, dtype=str)
    rank = {hg: i for i, hg in enumerate(dict.fromkeys(survey.catalog.table["huvudgrupp_id"]))}
    groups = groups.assign(_rank=groups["huvudgrupp_id"].map(rank)).sort_values("_rank", kind="stable")
    joined = groups.groupby(["respondent_id", "area"], sort=False)["huvudgrupp_id"].agg("|".join)
    return joined.rename("huvudgrupper").reset_index()


def _write(path: Path, frame: pd.DataFrame, *, compress: bool) -> Path:
    """One answer file, through the atomic writer: a half-written file is never left behind."""
    text = frame.to_csv(sep=SEPARATOR, index=False, lineterminator="\n", na_rep="")
    data = text.encode("utf-8")
    if compress:
        data = gzip.compress(data, compresslevel=6, mtime=0)
    write_bytes_atomic(path, data)
    return path
