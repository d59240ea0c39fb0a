"""Insatsutbud: what each respondent offers and how common each insats is (SPEC §5).

Offered = Ja or Ja, en lokal variant; answered per insats = responding respondents with
a non-blank offered answer; share offered = offered / answered. Means, minimum and
maximum are over *answering units*: responding units with at least one non-blank offered
answer in the area. A unit that started the survey but answered no insats question
offers nothing we know of; counting it as 0 would pull the mean below every bar shown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.metrics.model import GroupMean, Offer, RespondentCount, Scope
from reportgen.metrics.scope import AreaTables, SurveyTables, area_key
from reportgen.survey import Survey

#: Swedish alphabetical order puts å, ä, ö after z (in that order).
_SWEDISH = str.maketrans({"å": "z\x01", "ä": "z\x02", "ö": "z\x03", "é": "e"})


def swedish_key(name: str) -> str:
    """Sort key for Swedish names (å < ä < ö after z)."""
    return str(name).lower().translate(_SWEDISH)


def offered_by_insats(survey: Survey, scope: Scope, area: str) -> pd.DataFrame:
    """Per insats of the area (index insats_id, catalog order, all insatser):
    ``insats`` (name with mark), ``offered``, ``answered``, ``share`` (NaN where answered 0).

    Convenience entry for callers holding a Survey; the batch path uses ``insats_table``
    on tables prepared once.
    """
    key = area_key(survey, area)
    tables = SurveyTables.prepare(survey, [key]).select(scope).areas[key]
    return insats_table(tables)[["insats", "offered", "answered", "share"]]


def insats_table(tables: AreaTables) -> pd.DataFrame:
    """``offered_by_insats`` over already prepared tables; also ``order`` and ``huvudgrupp_id``."""
    answers = tables.answers
    offered = tables.per_insats(rows=answers["offered"])
    answered = tables.per_insats(rows=answers["answered"])
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(answered > 0, offered / np.maximum(answered, 1), np.nan)
    frame = pd.DataFrame(
        {
            "insats": tables.insatser["label"].to_numpy(),
            "offered": offered,
            "answered": answered,
            "share": share,
            "order": np.arange(len(tables.insatser)),
            "huvudgrupp_id": tables.insatser["huvudgrupp_id"].to_numpy(),
        },
        index=pd.Index(tables.insatser.index, name="insats_id"),
    )
    return frame


def offered_per_unit(tables: AreaTables) -> pd.Series:
    """Offered count per responding respondent (index respondent_id, register order); 0 if none."""
    responding = tables.responding
    counts = tables.per_unit(weights=tables.answers["offered"].astype(float))
    return pd.Series(counts[responding["unit"].to_numpy()].astype(np.int64), index=responding.index, name="offered")


def answered_per_unit(tables: AreaTables) -> np.ndarray:
    """Insatser with a non-blank offered answer per responding respondent (register order)."""
    return tables.per_unit(rows=tables.answers["answered"])[tables.responding["unit"].to_numpy()].astype(np.int64)


def offer(tables: AreaTables) -> Offer:
    """Headline figures over answering units: the mean; min/max over the slutförd ones,
    else over all answering (``minmax_from_completed`` False); further share =
    Ja / (Ja + Nej) over all responding."""
    responding = tables.responding
    counts = offered_per_unit(tables)
    answered = answered_per_unit(tables)
    answering = answered > 0
    completed = (responding["status"] == "slutford").to_numpy()
    finished = completed & answering
    basis = counts[finished] if finished.any() else counts[answering]
    further = responding["further"]
    further_yes = int((further == "ja").sum())
    further_answered = int(further.isin(("ja", "nej")).sum())
    answered = answered.tolist()
    names = responding["name"].tolist()
    ids = counts.index.tolist()
    values = counts.tolist()
    order = sorted(range(len(values)), key=lambda i: (-values[i], swedish_key(names[i]), ids[i]))
    per_respondent = tuple(
        RespondentCount(
            respondent_id=str(ids[i]),
            name=str(names[i]),
            offered=values[i],
            completed=bool(completed[i]),
            answered=int(answered[i]),
        )
        for i in order
    )
    return Offer(
        mean=float(counts[answering].mean()) if answering.any() else float("nan"),
        min=int(basis.min()) if len(basis) else None,
        max=int(basis.max()) if len(basis) else None,
        minmax_from_completed=bool(finished.any()),
        further_yes=further_yes,
        further_answered=further_answered,
        further_share=further_yes / further_answered if further_answered else None,
        per_respondent=per_respondent,
    )


def group_sums(tables: AreaTables) -> np.ndarray:
    """Offered (respondent, insats) pairs per huvudgrupp position."""
    answers = tables.answers
    rows = answers["offered"]
    return np.bincount(answers["group"][rows], minlength=len(tables.groups))


def group_means(tables: AreaTables, national: AreaTables) -> tuple[GroupMean, ...]:
    """Mean offered per answering unit in each huvudgrupp, scope vs Riket."""
    mine = _means(tables)
    theirs = _means(national)
    return tuple(
        GroupMean(str(row.huvudgrupp_id), str(row.huvudgrupp), mine[i], theirs[i])
        for i, row in enumerate(tables.groups.itertuples(index=False))
    )


def answering_units(tables: AreaTables) -> int:
    """Responding units with at least one non-blank offered answer in the area (SPEC §5)."""
    return int(np.count_nonzero(tables.per_unit(rows=tables.answers["answered"])))


def _means(tables: AreaTables) -> list[float | None]:
    n = answering_units(tables)
    return [float(s) / n if n else None for s in group_sums(tables)]
