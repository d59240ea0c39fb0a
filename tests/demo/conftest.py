"""The generated demo survey (built once per session) and direct pandas computations of
the calibrated figures, independent of ``reportgen.metrics`` (SPEC §5 definitions)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from reportgen.demo.generate import DEFAULT_SEED, Generated, build
from reportgen.survey import OFFERED, RESPONDING, Survey


@pytest.fixture(scope="session")
def generated() -> Generated:
    return build(DEFAULT_SEED)


@pytest.fixture(scope="session")
def survey(generated: Generated) -> Survey:
    return generated.survey


def responding(survey: Survey, units: pd.Index | None = None) -> pd.DataFrame:
    rows = survey.responses[survey.responses["status"].isin(RESPONDING)]
    return rows if units is None else rows[rows["respondent_id"].isin(units)]


def per_insats(survey: Survey, units: pd.Index | None = None) -> pd.DataFrame:
    """Per insats (catalog order): answered, offered and, per dimension, n (non-blank
    among offered) and the counts of A, AB, B."""
    resp = responding(survey, units)[["respondent_id", "area"]]
    answers = survey.answers.merge(resp, on=["respondent_id", "area"])
    answers = answers[answers["offered"].notna()]
    table = pd.DataFrame(index=survey.catalog.table.index)
    table["answered"] = answers.groupby("insats_id").size()
    offered = answers[answers["offered"].isin(OFFERED)]
    table["offered"] = offered.groupby("insats_id").size()
    for dim in ("form", "regi", "beslut"):
        for category in ("A", "AB", "B"):
            table[f"{dim}_{category}"] = offered[offered[dim] == category].groupby("insats_id").size()
    table = table.fillna(0).astype(int)
    for dim in ("form", "regi", "beslut"):
        table[f"{dim}_n"] = table[[f"{dim}_{c}" for c in ("A", "AB", "B")]].sum(axis=1)
        table[f"{dim}_k"] = table[f"{dim}_AB"] + table[f"{dim}_B"]
    table["area"] = survey.catalog.table["area"]
    table["order"] = survey.catalog.table["order"]
    return table


def headline(survey: Survey, area: str, units: pd.Index | None = None) -> dict[str, float | int | None]:
    """Answered, completed, mean / min / max offered over answering units (responding,
    with at least one non-blank offered answer), further Ja and answers (SPEC §5)."""
    resp = responding(survey, units)
    resp = resp[resp["area"] == area]
    rows = survey.answers[(survey.answers["area"] == area) & survey.answers["offered"].notna()]
    answering = resp[resp["respondent_id"].isin(rows["respondent_id"])]
    offered = rows[rows["offered"].isin(OFFERED)]
    counts = offered.groupby("respondent_id").size().reindex(answering["respondent_id"], fill_value=0)
    completed = (answering["status"] == "slutford").to_numpy()
    basis = counts.to_numpy()[completed] if completed.any() else counts.to_numpy()
    return {
        "answered": len(resp),
        "with_answers": len(answering),
        "completed": int((resp["status"] == "slutford").sum()),
        "mean": float(counts.mean()),
        "min": int(basis.min()),
        "max": int(basis.max()),
        "further_yes": int((resp["further"] == "ja").sum()),
        "further_answered": int(resp["further"].isin(("ja", "nej")).sum()),
    }


def ranked(table: pd.DataFrame, area: str, *, most: bool) -> pd.DataFrame:
    """The ten most (or least) common: SPEC §5 order with exact shares."""
    rows = table[(table["area"] == area) & (table["offered"] > 0)].copy()
    rows["share"] = rows["offered"] / rows["answered"]
    if most:
        rows = rows.sort_values(["offered", "share", "order"], ascending=[False, False, True], kind="stable")
    else:
        rows = rows.sort_values(["offered", "share", "order"], ascending=[True, True, True], kind="stable")
    return rows.head(10)


def round_half_up(value: float) -> int:
    return int(np.floor(value + 0.5 + 1e-9))
