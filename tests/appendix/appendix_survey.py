"""A hand-built survey for the appendix tests, every figure worked out by hand.

Counties: Skåne län (12) with Bjuv, Malmö and Lund; Gotlands län (09) with the single
unit Gotland. Areas: äldre (2) with huvudgrupp 2.1 under two sub-headings and 2.2
without one (ALD004 to anhöriga, ``*``); våld i nära relationer (7) with VNR002 to
våldsutövare (``**``).

Status: Bjuv slutförd in both areas, Malmö påbörjad in äldre, Lund ej påbörjad (its
answers are ignored), Gotland slutförd in äldre and absent from våld i nära relationer.

Answers (offered; beslut, regi, form; "-" blank):
  Bjuv    ALD001 ja (AB, A, B)   ALD002 lokal (A, B, AB)  ALD003 nej  ALD004 ja (B, -, A)
          VNR001 ja (A, B, B)    VNR002 nej
  Malmö   ALD001 ja (A, AB, A)   ALD002 vet ej            ALD004 nej
  Lund    ALD001 ja (B, B, B)    (ignored)
  Gotland ALD001 nej   ALD002 ja (B, A, -)   ALD003 ja (-, -, -)

Skåne (Bjuv and Malmö answer äldre):
  ALD001 given 2 of 2 = 100 %; digital 1 of 2 (Bjuv B) 50 %; private 1 of 2 (Malmö AB)
         50 %; without 1 of 2 (Bjuv AB) 50 %
  ALD002 given 1 of 2 = 50 %; digital 1 of 1 (AB); private 1 of 1 (B); without 0 of 1
  ALD003 given 0 of 1 (Bjuv nej) = 0 %; no follow-ups: -
  ALD004 given 1 of 2; digital 0 of 1 (A); private -: regi blank; without 1 of 1 (B)
  VNR001 given 1 of 1; digital 1 of 1; private 1 of 1; without 0 of 1
  VNR002 given 0 of 1; -
Gotland: ALD001 0 of 1 (0 %); ALD002 1 of 1, digital - (blank), private 0 of 1, without
  1 of 1; ALD003 1 of 1 with every follow-up blank; ALD004 nobody answered: all -.
  Våld i nära relationer: nobody answered.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reportgen.catalog import Catalog
from reportgen.register import Register
from reportgen.survey import ANSWER_COLUMNS, RESPONSE_COLUMNS, WISH_GROUP_COLUMNS, Survey

ALDRE, VNR = "äldre", "våld i nära relationer"
CATALOG_COLUMNS = ["insats_id", "area", "area_no", "huvudgrupp_id", "huvudgrupp", "subheading", "name", "target"]
CATALOG = [
    ("ALD001", ALDRE, "2", "2.1", "Boende", "Hemtjänst", "Dagverksamhet", "person"),
    ("ALD002", ALDRE, "2", "2.1", "Boende", "Hemtjänst", "Hemtjänst", "person"),
    ("ALD003", ALDRE, "2", "2.1", "Boende", "Särskilt boende", "Växelvård", "person"),
    ("ALD004", ALDRE, "2", "2.2", "Stöd", "", "Anhörigstöd", "anhoriga"),
    ("VNR001", VNR, "7", "7.1", "Skydd", "", "Skyddat boende", "person"),
    ("VNR002", VNR, "7", "7.1", "Skydd", "", "Behandling", "valdsutovare"),
]
UNITS = [("1260", "Bjuv", "12"), ("1280", "Malmö", "12"), ("1281", "Lund", "12"), ("0980", "Gotland", "09")]
RESPONSES = [
    ("1260", ALDRE, "slutford"),
    ("1280", ALDRE, "paborjad"),
    ("1281", ALDRE, "ej_paborjad"),
    ("0980", ALDRE, "slutford"),
    ("1260", VNR, "slutford"),
]
NA = np.nan
ANSWERS = [
    # respondent, insats, offered, beslut, regi, form
    ("1260", "ALD001", "ja", "AB", "A", "B"),
    ("1260", "ALD002", "lokal", "A", "B", "AB"),
    ("1260", "ALD003", "nej", NA, NA, NA),
    ("1260", "ALD004", "ja", "B", NA, "A"),
    ("1260", "VNR001", "ja", "A", "B", "B"),
    ("1260", "VNR002", "nej", NA, NA, NA),
    ("1280", "ALD001", "ja", "A", "AB", "A"),
    ("1280", "ALD002", "vet_ej", NA, NA, NA),
    ("1280", "ALD004", "nej", NA, NA, NA),
    ("1281", "ALD001", "ja", "B", "B", "B"),
    ("0980", "ALD001", "nej", NA, NA, NA),
    ("0980", "ALD002", "ja", "B", "A", NA),
    ("0980", "ALD003", "ja", NA, NA, NA),
]

#: Hand-computed cells (given, digital, private, without decision) per scope.
SKANE_CELLS = {
    "ALD001": ("2 (100%)", "1 (50%)", "1 (50%)", "1 (50%)"),
    "ALD002": ("1 (50%)", "1 (100%)", "1 (100%)", "0 (0%)"),
    "ALD003": ("0 (0%)", "-", "-", "-"),
    "ALD004": ("1 (50%)", "0 (0%)", "-", "1 (100%)"),
    "VNR001": ("1 (100%)", "1 (100%)", "1 (100%)", "0 (0%)"),
    "VNR002": ("0 (0%)", "-", "-", "-"),
}
GOTLAND_CELLS = {
    "ALD001": ("0 (0%)", "-", "-", "-"),
    "ALD002": ("1 (100%)", "-", "0 (0%)", "1 (100%)"),
    "ALD003": ("1 (100%)", "-", "-", "-"),
    "ALD004": ("-", "-", "-", "-"),
}


def catalog_of(rows: list[tuple[str, ...]]) -> Catalog:
    return Catalog.from_frame(pd.DataFrame(rows, columns=CATALOG_COLUMNS))


def make_survey(catalog_rows: list[tuple[str, ...]] | None = None, answers: list[tuple] | None = None) -> Survey:
    """The survey above; a test may pass a longer catalog and more answers."""
    counties = pd.DataFrame(
        {"county_code": ["12", "09"], "county": ["Skåne län", "Gotlands län"], "slug": ["skane-lan", "gotlands-lan"]}
    )
    units = pd.DataFrame(UNITS, columns=["respondent_id", "name", "county_code"])
    units["kind"] = "kommun"
    units["population"] = 1000
    register = Register.from_frames(counties, units)
    catalog = catalog_of(catalog_rows or CATALOG)
    responses = pd.DataFrame([(*r, NA, NA) for r in RESPONSES], columns=RESPONSE_COLUMNS)
    rows = pd.DataFrame([(*a, NA, NA) for a in (answers or ANSWERS)], columns=ANSWER_COLUMNS)
    rows["area"] = rows["insats_id"].map(catalog.table["area"])
    return Survey(
        catalog=catalog,
        register=register,
        responses=responses,
        wish_groups=pd.DataFrame(columns=WISH_GROUP_COLUMNS),
        answers=rows,
    )
