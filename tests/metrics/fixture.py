"""A hand-built survey whose every figure the tests work out by hand.

Counties: Skåne län (12) with Bjuv, Malmö, Lund and Landskrona (Landskrona has answer
rows but no responses row: ej påbörjad, so all its answers are ignored); Gotlands län
(09) with the single unit Gotland; Uppsala län (03) whose two units only påbörjad.

Catalog: äldre with 12 insatser in three huvudgrupper (ALD004 and ALD005 share the name
"Samtalsstöd", ALD005 aimed at anhöriga); våld i nära relationer with three (VNR003 has
the same name as VNR002 but is aimed at våldsutövare).

Offered grid for äldre (J ja, L lokal, N nej, V vet ej, . blank):

            001 002 003 004 005 006 007 008 009 010 011 012
  Bjuv       J   J   J   L   J   N   J   N   N   N   .   N   slutförd, further ja, wish ja (2.1, 2.2)
  Malmö      J   J   N   J   N   J   J   N   V   N   .   N   slutförd, further nej, wish nej
  Lund       J   .   J   N   J   N   N   N   N   N   .   N   påbörjad, further blank, wish vet ej
  Landskrona J   J   J   J   J   J   J   J   J   J   J   J   (no responses row)
  Gotland    J   J   N   N   N   N   N   J   N   N   .   N   slutförd, further ja, wish blank
  Uppsala    J   N   N   N   N   N   N   N   N   N   .   N   påbörjad, further nej, wish ja (2.3)
  Enköping   N   J   N   J   N   N   N   N   N   N   .   N   påbörjad, further ja, wish nej

Follow-ups (form, regi, beslut, individuals) on offered cells, "-" = blank:
  Bjuv     001 A A A 1-20 | 002 AB A B 21-100 | 003 B - AB - | 004 A B A 500+ | 005 - A B vet_ej | 007 A AB A 1-20
           and 006 (Nej) carries form A, which must be ignored
  Malmö    001 AB A A 21-100 | 002 AB AB AB - | 004 A A B 101-500 | 006 B A A 1-20 | 007 A - - -
  Lund     001 A A A 1-20 | 003 B A B 1-20 | 005 A B A 21-100
  Landskr. every insats A A A 1-20 (ignored)
  Gotland  001 A A A 1-20 | 002 B A AB 1-20 | 008 AB B - -
  Uppsala  001 A A A -
  Enköping 002 - - - - | 004 AB A B 1-20

Våld i nära relationer: Malmö slutförd (VNR001 J, VNR002 N, VNR003 J, all follow-ups
blank); Gotland påbörjad (VNR001 J, VNR003 J); nobody else has a row.
"""

from __future__ import annotations

import pandas as pd

from reportgen.survey import ANSWER_COLUMNS, RESPONSE_COLUMNS, WISH_GROUP_COLUMNS, Survey

from .strategies import catalog_from_rows, register_from

ALDRE = "äldre"
VNR = "våld i nära relationer"

CATALOG_ROWS = [
    ("ALD001", ALDRE, "2", "2.1", "Boende", "Dagverksamhet", "person"),
    ("ALD002", ALDRE, "2", "2.1", "Boende", "Hemtjänst", "person"),
    ("ALD003", ALDRE, "2", "2.1", "Boende", "Avlösning", "anhoriga"),
    ("ALD004", ALDRE, "2", "2.1", "Boende", "Samtalsstöd", "person"),
    ("ALD005", ALDRE, "2", "2.2", "Individ", "Samtalsstöd", "anhoriga"),
    ("ALD006", ALDRE, "2", "2.2", "Individ", "Kontaktperson", "person"),
    ("ALD007", ALDRE, "2", "2.2", "Individ", "Ledsagning", "person"),
    ("ALD008", ALDRE, "2", "2.2", "Individ", "Matdistribution", "person"),
    ("ALD009", ALDRE, "2", "2.2", "Individ", "Trygghetslarm", "person"),
    ("ALD010", ALDRE, "2", "2.3", "Övrigt", "Träffpunkt", "person"),
    ("ALD011", ALDRE, "2", "2.3", "Övrigt", "Fixartjänst", "person"),
    ("ALD012", ALDRE, "2", "2.3", "Övrigt", "Anhörigcirkel", "person"),
    ("VNR001", VNR, "7", "7.1", "Boendeinsatser", "Skyddat boende", "person"),
    ("VNR002", VNR, "7", "7.2", "Individ", "Behandling", "person"),
    ("VNR003", VNR, "7", "7.2", "Individ", "Behandling", "valdsutovare"),
]

COUNTIES = [("03", "Uppsala län"), ("09", "Gotlands län"), ("12", "Skåne län")]
UNITS = [
    ("1260", "Bjuv", "12"),
    ("1280", "Malmö", "12"),
    ("1281", "Lund", "12"),
    ("1282", "Landskrona", "12"),
    ("0980", "Gotland", "09"),
    ("0380", "Uppsala", "03"),
    ("0381", "Enköping", "03"),
]
UNIT = {name: rid for rid, name, _ in UNITS}

GRID = {
    "Bjuv": "JJJLJNJNNN.N",
    "Malmö": "JJNJNJJNVN.N",
    "Lund": "J.JNJNNNNN.N",
    "Landskrona": "JJJJJJJJJJJJ",
    "Gotland": "JJNNNNNJNN.N",
    "Uppsala": "JNNNNNNNNN.N",
    "Enköping": "NJNJNNNNNN.N",
}
OFFERED_CODE = {"J": "ja", "L": "lokal", "N": "nej", "V": "vet_ej", ".": None}

FOLLOW = {
    "Bjuv": {
        1: "A A A 1-20",
        2: "AB A B 21-100",
        3: "B - AB -",
        4: "A B A 500+",
        5: "- A B vet_ej",
        6: "A - - -",
        7: "A AB A 1-20",
    },
    "Malmö": {1: "AB A A 21-100", 2: "AB AB AB -", 4: "A A B 101-500", 6: "B A A 1-20", 7: "A - - -"},
    "Lund": {1: "A A A 1-20", 3: "B A B 1-20", 5: "A B A 21-100"},
    "Landskrona": {i: "A A A 1-20" for i in range(1, 13)},
    "Gotland": {1: "A A A 1-20", 2: "B A AB 1-20", 8: "AB B - -"},
    "Uppsala": {1: "A A A -"},
    "Enköping": {2: "- - - -", 4: "AB A B 1-20"},
}

RESPONSES = [
    ("Bjuv", ALDRE, "slutford", "ja", "ja"),
    ("Malmö", ALDRE, "slutford", "nej", "nej"),
    ("Lund", ALDRE, "paborjad", None, "vet_ej"),
    ("Gotland", ALDRE, "slutford", "ja", None),
    ("Uppsala", ALDRE, "paborjad", "nej", "ja"),
    ("Enköping", ALDRE, "paborjad", "ja", "nej"),
    ("Malmö", VNR, "slutford", "nej", "nej"),
    ("Gotland", VNR, "paborjad", None, None),
]
WISH_GROUPS = [("Bjuv", ALDRE, "2.1"), ("Bjuv", ALDRE, "2.2"), ("Uppsala", ALDRE, "2.3"), ("Landskrona", ALDRE, "2.1")]
VNR_ANSWERS = [("Malmö", "VNR001", "ja"), ("Malmö", "VNR002", "nej"), ("Malmö", "VNR003", "ja"),
               ("Gotland", "VNR001", "ja"), ("Gotland", "VNR003", "ja")]  # fmt: skip


def _blank(value: str) -> str | None:
    return None if value == "-" else value


def hand_survey() -> Survey:
    answers = []
    for name, row in GRID.items():
        for i, cell in enumerate(row, start=1):
            form, regi, beslut, individuals = map(_blank, FOLLOW[name].get(i, "- - - -").split())
            if cell == "." and i in FOLLOW[name]:
                raise AssertionError("follow-ups on a blank cell")
            answers.append(
                (UNIT[name], f"ALD{i:03d}", OFFERED_CODE[cell], beslut, regi, form, individuals, None, ALDRE)
            )
    for name, insats_id, offered in VNR_ANSWERS:
        answers.append((UNIT[name], insats_id, offered, None, None, None, None, None, VNR))
    return Survey(
        catalog=catalog_from_rows(CATALOG_ROWS),
        register=register_from(COUNTIES, UNITS),
        responses=pd.DataFrame([(UNIT[n], a, s, f, w) for n, a, s, f, w in RESPONSES], columns=RESPONSE_COLUMNS).astype(
            "str"
        ),
        wish_groups=pd.DataFrame([(UNIT[n], a, g) for n, a, g in WISH_GROUPS], columns=WISH_GROUP_COLUMNS),
        answers=pd.DataFrame(answers, columns=[*ANSWER_COLUMNS, "area"]).astype("str"),
    )
