"""A small hand-made survey for the workbook tests.

Two counties: Skåne län (12) with Bjuv, Åstorp and a unit named ``=1+1``, Hallands län
(13) with Halmstad. Two areas: äldre (ALD001–ALD003, ALD003 to relatives ``*``) and
våld i nära relationer (VLD001–VLD003, VLD002 to perpetrators ``**``, VLD003 answered
by nobody). Insats names and a municipality name look like formulas, to prove they are
written as text.

Expected figures (hand-computed; responding = påbörjad or slutförd):

äldre, Skåne: ALD001 answered Bjuv (ja), Åstorp (vet ej) → 1/2; ``=1+1`` is ej påbörjad,
its answer does not count. ALD002 Bjuv (nej) → 0/1. ALD003 Bjuv (lokal), Åstorp (ja) → 2/2.
äldre, Riket adds Halmstad (ja, ja, nej): ALD001 2/3, ALD002 1/2, ALD003 2/3.
våld, Skåne = Riket (Halmstad has not started): VLD001 1/2, VLD002 0/1, VLD003 none → [z].

Offered per unit, äldre: Bjuv 2 of 3 answered, Åstorp 1 of 2, Halmstad 2 of 3; county mean
1.5, Riket 5/3. våld: Bjuv 1 of 2, Åstorp 0 of 1. Beslut, äldre: Bjuv ALD001 A (21–100
individuals, trend ökat), Åstorp ALD003 B; Riket adds no beslut answer (Halmstad answered
form only).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.catalog import Catalog
from reportgen.register import Register
from reportgen.survey import ANSWER_COLUMNS, Survey

FORMULA_NAME = '=HYPERLINK("http://x","y")'
FORMULA_UNIT = "=1+1"

CATALOG = [
    # insats_id, area, area_no, huvudgrupp_id, huvudgrupp, subheading, name, target
    ("ALD001", "äldre", "2", "2.1", "Boendeformer / insatser i boendet", "Hemtjänst", "Dagverksamhet", "person"),
    ("ALD002", "äldre", "2", "2.1", "Boendeformer / insatser i boendet", "Hemtjänst", FORMULA_NAME, "person"),
    ("ALD003", "äldre", "2", "2.2", "Övriga insatser", "", "Anhörigstöd", "anhoriga"),
    ("VLD001", "våld i nära relationer", "7", "7.1", "Boendeinsatser", "", "Skyddat boende", "person"),
    ("VLD002", "våld i nära relationer", "7", "7.1", "Boendeinsatser", "", "-Behandling", "valdsutovare"),
    ("VLD003", "våld i nära relationer", "7", "7.2", "Individ- och/eller gruppinsatser", "", "@Stödsamtal", "person"),
]

UNITS = [
    ("1260", "Bjuv", "kommun", "12"),
    ("1277", "Åstorp", "kommun", "12"),
    ("1299", FORMULA_UNIT, "kommun", "12"),
    ("1380", "Halmstad", "kommun", "13"),
]

RESPONSES = [
    # respondent, area, status, further, wish
    ("1260", "äldre", "slutford", "ja", "ja"),
    ("1277", "äldre", "paborjad", np.nan, "vet_ej"),
    ("1299", "äldre", "ej_paborjad", np.nan, np.nan),
    ("1380", "äldre", "slutford", "ja", "nej"),
    ("1260", "våld i nära relationer", "slutford", "nej", "ja"),
    ("1277", "våld i nära relationer", "slutford", "nej", "nej"),
]
#: Bjuv wants to give insatser of both äldre groups without decision (listed out of order).
WISH_GROUPS = [("1260", "äldre", "2.2"), ("1260", "äldre", "2.1")]

NA = np.nan
ANSWERS = [
    # respondent, insats, offered, beslut, regi, form, individuals, trend
    ("1260", "ALD001", "ja", "A", "AB", NA, "21-100", "okat"),
    ("1260", "ALD002", "nej", NA, NA, NA, NA, NA),
    ("1260", "ALD003", "lokal", NA, NA, NA, NA, NA),
    ("1277", "ALD001", "vet_ej", NA, NA, NA, NA, NA),
    ("1277", "ALD003", "ja", "B", NA, NA, NA, NA),
    ("1299", "ALD001", "ja", "A", NA, NA, NA, NA),  # ej påbörjad: ignored
    ("1380", "ALD001", "ja", NA, NA, "B", NA, NA),
    ("1380", "ALD002", "ja", NA, NA, NA, NA, NA),
    ("1380", "ALD003", "nej", NA, NA, NA, NA, NA),
    ("1260", "VLD001", "ja", NA, "A", NA, "500+", "minskat"),
    ("1260", "VLD002", "nej", NA, NA, NA, NA, NA),
    ("1277", "VLD001", "nej", NA, NA, NA, NA, NA),
]


def make_survey() -> Survey:
    columns = ["insats_id", "area", "area_no", "huvudgrupp_id", "huvudgrupp", "subheading", "name", "target"]
    catalog = Catalog.from_frame(pd.DataFrame(CATALOG, columns=columns))
    counties = pd.DataFrame(
        {"county_code": ["12", "13"], "county": ["Skåne län", "Hallands län"], "slug": ["skane-lan", "hallands-lan"]}
    )
    units = pd.DataFrame(UNITS, columns=["respondent_id", "name", "kind", "county_code"])
    units["population"] = 1000
    register = Register.from_frames(counties, units)
    responses = pd.DataFrame(RESPONSES, columns=["respondent_id", "area", "status", "further", "wish"])
    answers = pd.DataFrame(ANSWERS, columns=ANSWER_COLUMNS)
    answers["area"] = answers["insats_id"].map(catalog.table["area"])
    wish_groups = pd.DataFrame(WISH_GROUPS, columns=["respondent_id", "area", "huvudgrupp_id"])
    return Survey(catalog, register, responses, wish_groups, answers, synthetic=True)
