"""The workbook model of a county and of Riket, against hand-computed figures (conftest)."""

from __future__ import annotations

import pytest

from reportgen.metrics.model import Scope
from reportgen.metrics.scope import RIKET
from reportgen.survey import Survey
from reportgen.workbook.builder import build_workbook
from reportgen.workbook.model import Sheet, Workbook
from tests.workbook.workbook_survey import FORMULA_NAME, FORMULA_UNIT

SKANE = Scope("Skåne län", "12", "skane-lan")
FIXED = ["Huvudgrupp", "Underrubrik", "Insats-id", "Insats", "Målgrupp"]


@pytest.fixture(scope="module")
def county(survey: Survey) -> Workbook:
    return build_workbook(survey, SKANE, synthetic=True)


@pytest.fixture(scope="module")
def national(survey: Survey) -> Workbook:
    return build_workbook(survey, RIKET, synthetic=False)


def rows_by_id(sheet: Sheet) -> dict[str, dict[str, object]]:
    assert sheet.table is not None
    names = [c.name for c in sheet.table.columns]
    return {str(row[2]): dict(zip(names, row, strict=True)) for row in sheet.table.rows}


def test_sheet_order_and_names(county: Workbook) -> None:
    assert [s.name for s in county.sheets] == [
        "Läs mig",
        "Innehåll",
        "Noter",
        "Äldre",
        "Äldre – följdfrågor",
        "Våld i nära relationer",
        "Våld – följdfrågor",  # the full name would pass Excel's 31 characters
    ]


def test_cover_names_county_survey_and_synthetic_label(county: Workbook, national: Workbook) -> None:
    cover = county.sheets[0]
    assert cover.table is None
    assert "Skåne län" in cover.title
    text = " ".join(cover.description)
    assert "Länet: Skåne län, 3 kommuner." in text
    assert "Kartläggning av socialtjänstens insatser i Sveriges kommuner" in text
    assert cover.description[0].startswith("OBS! Syntetiska data")
    assert not any("Syntetiska" in line for line in national.sheets[0].description)


def test_contents_lists_every_sheet_once(county: Workbook) -> None:
    contents = county.sheet("Innehåll")
    assert contents.table is not None
    assert [c.kind for c in contents.table.columns] == ["link", "text"]
    assert [row[0] for row in contents.table.rows] == [s.name for s in county.sheets]
    assert all(row[1] for row in contents.table.rows)


def test_notes_explain_codes_marks_and_shorthand(county: Workbook, national: Workbook) -> None:
    notes = county.sheet("Noter").table
    assert notes is not None
    refs = [row[0] for row in notes.rows]
    assert refs == [f"[note {n}]" for n in range(1, 8)] + ["[x]", "[z]"]
    text = " ".join(str(row[1]) for row in notes.rows)
    for needed in ("Ja, en lokal variant", "* betyder", "** att den", "Syntetiska data"):
        assert needed in text
    # Riket has no follow-up sheets (no notes 5–6) and real data (no synthetic note).
    national_notes = national.sheet("Noter").table
    assert national_notes is not None
    assert [row[0] for row in national_notes.rows] == ["[note 1]", "[note 2]", "[note 3]", "[note 4]", "[x]", "[z]"]


def test_every_note_referred_to_is_explained(county: Workbook, national: Workbook) -> None:
    import re

    for book in (county, national):
        notes = book.sheet("Noter").table
        assert notes is not None
        explained = {row[0] for row in notes.rows}
        used = {ref for sheet in book.sheets for line in sheet.description for ref in re.findall(r"\[note \d+\]", line)}
        assert used and used <= explained


def test_area_sheet_has_every_insats_and_every_municipality(county: Workbook) -> None:
    sheet = county.sheet("Äldre")
    assert sheet.table is not None and sheet.title.startswith("Äldre")
    names = [c.name for c in sheet.table.columns]
    # Municipalities in Swedish alphabetical order (å after z), every unit of the county.
    assert names == [
        *FIXED,
        "Andel länet",
        "Antal erbjuder länet",
        "Antal svarat länet",
        "Andel riket",
        "Antal erbjuder riket",
        "Antal svarat riket",
        FORMULA_UNIT,
        "Bjuv",
        "Åstorp",
    ]
    kinds = [c.kind for c in sheet.table.columns]
    assert kinds[5:11] == ["share", "int", "int", "share", "int", "int"]
    assert [row[2] for row in sheet.table.rows] == ["ALD001", "ALD002", "ALD003"]


def test_area_rows_hold_hand_computed_shares_and_readable_answers(county: Workbook) -> None:
    rows = rows_by_id(county.sheet("Äldre"))
    one = rows["ALD001"]
    assert one["Huvudgrupp"] == "2.1 Boendeformer"
    assert (one["Andel länet"], one["Antal erbjuder länet"], one["Antal svarat länet"]) == (0.5, 1, 2)
    assert one["Andel riket"] == pytest.approx(2 / 3)
    assert (one["Antal erbjuder riket"], one["Antal svarat riket"]) == (2, 3)
    # =1+1 has not started the area: its answer row is not shown.
    assert (one[FORMULA_UNIT], one["Bjuv"], one["Åstorp"]) == ("[x]", "Ja", "Vet ej")
    two = rows["ALD002"]
    assert two["Insats"] == FORMULA_NAME
    assert (two["Andel länet"], two["Bjuv"], two["Åstorp"]) == (0.0, "Nej", "[x]")
    three = rows["ALD003"]
    assert (three["Insats"], three["Målgrupp"], three["Underrubrik"]) == ("Anhörigstöd*", "Anhöriga", "[z]")
    assert (three["Andel länet"], three["Bjuv"], three["Åstorp"]) == (1.0, "Ja, en lokal variant", "Ja")


def test_unanswered_insats_share_is_not_applicable(county: Workbook) -> None:
    rows = rows_by_id(county.sheet("Våld i nära relationer"))
    assert rows["VLD002"]["Insats"] == "-Behandling**"
    assert rows["VLD002"]["Målgrupp"] == "Våldsutövare"
    assert (rows["VLD003"]["Andel länet"], rows["VLD003"]["Antal svarat länet"]) == ("[z]", 0)
    assert rows["VLD003"]["Andel riket"] == "[z]"


def test_follow_up_sheet_one_row_per_offered_pair(county: Workbook) -> None:
    sheet = county.sheet("Äldre – följdfrågor")
    assert sheet.table is not None
    assert [c.name for c in sheet.table.columns] == [
        "Kommun",
        "Kommunkod",
        "Huvudgrupp",
        "Insats-id",
        "Insats",
        "Svar",
        "Beslut",
        "Regi",
        "Form",
        "Individer 2016–2020",
        "Utveckling 2016–2020",
    ]
    assert list(sheet.table.rows) == [
        (
            "Bjuv",
            "1260",
            "2.1 Boendeformer",
            "ALD001",
            "Dagverksamhet",
            "Ja",
            "Enbart med biståndsbeslut",
            "Både kommunal och enskild regi",
            "[x]",
            "21–100",
            "Ökat",
        ),
        ("Bjuv", "1260", "2.2 Stöd till anhöriga", "ALD003", "Anhörigstöd*", "Ja, en lokal variant", *["[x]"] * 5),
        (
            "Åstorp",
            "1277",
            "2.2 Stöd till anhöriga",
            "ALD003",
            "Anhörigstöd*",
            "Ja",
            "Enbart utan biståndsbeslut",
            *["[x]"] * 4,
        ),
    ]


def test_national_workbook_has_a_share_column_per_county(national: Workbook) -> None:
    assert [s.name for s in national.sheets] == ["Läs mig", "Innehåll", "Noter", "Äldre", "Våld i nära relationer"]
    rows = rows_by_id(national.sheet("Äldre"))
    sheet = national.sheet("Äldre")
    assert sheet.table is not None
    assert [c.name for c in sheet.table.columns][5:] == [
        "Andel riket",
        "Antal erbjuder riket",
        "Antal svarat riket",
        "Skåne län",
        "Hallands län",
    ]
    assert (rows["ALD001"]["Skåne län"], rows["ALD001"]["Hallands län"]) == (0.5, 1.0)
    assert rows["ALD003"]["Hallands län"] == 0.0
    våld = rows_by_id(national.sheet("Våld i nära relationer"))
    assert (våld["VLD001"]["Skåne län"], våld["VLD001"]["Hallands län"]) == (0.5, "[z]")


def test_properties(county: Workbook) -> None:
    properties = county.properties
    assert properties.language == "sv-SE"
    assert properties.author == "reportgen"
    assert "Skåne län" in properties.title and "Skåne län" in properties.subject


def test_duplicate_municipality_names_get_their_code(survey: Survey) -> None:
    import pandas as pd

    from reportgen.workbook.area_tables import unit_headers

    units = pd.DataFrame({"name": ["Bjuv", "bjuv", "Andel länet", "Lund"]}, index=["1", "2", "3", "4"])
    assert unit_headers(units, ["Andel länet"]) == ["Bjuv (1)", "bjuv (2)", "Andel länet (3)", "Lund"]


def test_sheet_names_fit_excel_and_stay_unique() -> None:
    from reportgen.workbook.builder import _SheetNames

    names = _SheetNames()
    long = "Ett mycket långt verksamhetsområde"
    assert names.take("Noter") == "Noter 2"  # the fixed sheets' names are taken
    assert names.take(long + " – följdfrågor", "Ett – följdfrågor") == "Ett – följdfrågor"
    assert names.take(long) == long[:31]
    assert names.take(long) == long[:29] + " 2"
