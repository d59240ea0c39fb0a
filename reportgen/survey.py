"""The validated survey: tidy tables of codes, the catalog and the register (SPEC §4).

Every loader returns a ``Survey``; metrics trust it. Answer values are stored as short
codes; the Swedish wording of each code is in ``VOCABULARY`` (input) and in
``layouts/`` (output labels).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reportgen.catalog import Catalog
from reportgen.register import Register

STATUSES = ("ej_paborjad", "paborjad", "slutford")
RESPONDING = ("paborjad", "slutford")
OFFERED = ("ja", "lokal")
DIMENSIONS = ("form", "regi", "beslut")
#: Every dimension has three categories: A only, both, B only (SPEC §5).
CATEGORIES = ("A", "AB", "B")
INDIVIDUALS = ("1-20", "21-100", "101-500", "500+", "vet_ej")
TRENDS = ("okat", "oforandrat", "minskat", "vet_ej")

#: Accepted Swedish answer texts per column → code. Keys are compared with
#: ``text.match_key`` (case, spaces and dash kinds ignored).
VOCABULARY: dict[str, dict[str, str]] = {
    "status": {"Ej påbörjad": "ej_paborjad", "Påbörjad": "paborjad", "Slutförd": "slutford"},
    "further": {"Ja": "ja", "Nej": "nej"},
    "wish": {"Ja": "ja", "Nej": "nej", "Vet ej": "vet_ej"},
    "offered": {"Ja": "ja", "Ja, en lokal variant": "lokal", "Nej": "nej", "Vet ej": "vet_ej"},
    "beslut": {
        "Enbart med biståndsbeslut": "A",
        "Både med och utan": "AB",
        "Både med och utan biståndsbeslut": "AB",
        "Enbart utan": "B",
        "Enbart utan biståndsbeslut": "B",
        "Enbart med": "A",
    },
    "regi": {
        "Enbart kommunal": "A",
        "Enbart kommunal regi": "A",
        "Både kommunal och enskild": "AB",
        "Både kommunal och enskild regi": "AB",
        "Enbart enskild": "B",
        "Enbart enskild regi": "B",
    },
    "form": {
        "Enbart fysisk": "A",
        "Enbart fysisk form": "A",
        "Både fysisk och digital": "AB",
        "Både fysisk och digital form": "AB",
        "Enbart digital": "B",
        "Enbart digital form": "B",
    },
    "individuals": {
        "1–20": "1-20",
        "21–100": "21-100",
        "101–500": "101-500",
        "Fler än 500": "500+",
        "Vet ej": "vet_ej",
    },
    "trend": {"Ökat": "okat", "Oförändrat": "oforandrat", "Minskat": "minskat", "Vet ej": "vet_ej"},
}

#: The canonical Swedish text written for each code (first spelling in VOCABULARY).
CANONICAL: dict[str, dict[str, str]] = {
    column: {code: text for text, code in reversed(list(values.items()))} for column, values in VOCABULARY.items()
}

RESPONSE_COLUMNS = ["respondent_id", "area", "status", "further", "wish"]
WISH_GROUP_COLUMNS = ["respondent_id", "area", "huvudgrupp_id"]
ANSWER_COLUMNS = ["respondent_id", "insats_id", "offered", "beslut", "regi", "form", "individuals", "trend"]


@dataclass(frozen=True, eq=False)
class Survey:
    """All answers of one survey round, validated.

    - ``responses``: one row per respondent unit × area (RESPONSE_COLUMNS); units with
      no row for an area count as *ej påbörjad*.
    - ``wish_groups``: the huvudgrupper chosen by those who want to give insatser
      without decision (WISH_GROUP_COLUMNS).
    - ``answers``: one row per respondent × insats with any answer (ANSWER_COLUMNS plus
      ``area``); missing values are blanks.
    """

    catalog: Catalog
    register: Register
    responses: pd.DataFrame
    wish_groups: pd.DataFrame
    answers: pd.DataFrame
    synthetic: bool = False
