"""The result appendix table (SPEC §5 "National appendix table", §8b; issue 2 item 7).

Per insats in catalog order: given = offered (Ja or Ja, en lokal variant), its share over
responding respondents with a non-blank offered answer; digital = form AB or B, private =
regi AB or B, without decision = beslut AB or B ("Både …" counts as well as "Enbart …"),
each share over the offered respondents with a non-blank answer to that follow-up.
Shares are whole percents rounded half up, NA where nobody answered.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.metrics.model import Scope
from reportgen.metrics.percent import whole_percents
from reportgen.metrics.scope import BLANK, AreaTables, ScopeData, SurveyTables
from reportgen.survey import CATEGORIES, Survey

APPENDIX_COLUMNS = [
    "area",
    "huvudgrupp",
    "insats_id",
    "insats",
    "given",
    "given_pct",
    "digital",
    "digital_pct",
    "private",
    "private_pct",
    "without_decision",
    "without_decision_pct",
]

#: Appendix column → the dimension whose "both" or "B only" answers it counts.
_FOLLOW_UPS = {"digital": "form", "private": "regi", "without_decision": "beslut"}
_WITH_B = np.array([CATEGORIES.index("AB"), CATEGORIES.index("B")])


def appendix_table(survey: Survey, scope: Scope) -> pd.DataFrame:
    """The appendix for a county or Riket (one row per insats of the catalog)."""
    return appendix_from(SurveyTables.prepare(survey).select(scope))


def appendix_from(data: ScopeData) -> pd.DataFrame:
    """``appendix_table`` over tables already prepared (batch use)."""
    frames = [_area_rows(tables) for tables in data.areas.values()]
    return pd.concat(frames, ignore_index=True)[APPENDIX_COLUMNS]


def _area_rows(tables: AreaTables) -> pd.DataFrame:
    answers = tables.answers
    given = tables.per_insats(rows=answers["offered"])
    answered = tables.per_insats(rows=answers["answered"])
    frame = pd.DataFrame(
        {
            "area": tables.area,
            "huvudgrupp": tables.insatser["huvudgrupp"].to_numpy(),
            "insats_id": tables.insatser.index.to_numpy(),
            "insats": tables.insatser["label"].to_numpy(),
            "given": given,
            "given_pct": whole_percents(given, answered),
        }
    )
    for column, dimension in _FOLLOW_UPS.items():
        codes = answers[dimension]
        count = tables.per_insats(rows=np.isin(codes, _WITH_B))
        frame[column] = count
        frame[f"{column}_pct"] = whole_percents(count, tables.per_insats(rows=codes != BLANK))
    return frame
