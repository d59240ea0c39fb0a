"""The workbook model of a county and of Riket, against hand-computed figures (conftest)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reportgen.imprint import Imprint
from reportgen.metrics.model import Scope
from reportgen.metrics.scope import RIKET
from reportgen.survey import Survey
from reportgen.workbook.builder import build_workbook
from reportgen.workbook.model import Sheet, Workbook
from tests.workbook.workbook_survey import FORMULA_NAME, FORMULA_UNIT

SKANE = Scope("Skåne län", "12", "skane-lan")
FIXED = ["Insats", "Insats-id", "Huvudgrupp", "Underrubrik", "Målgrupp"]
CHART_SHEETS = [
    "Katalog",
    "Svarsfrekvens",
    "Insatsutbud",
    "Kommuner",
    "Huvudgrupper",
    "Form",
    "Regi",
    "Beslut",
    "Individer",
    "Utan biståndsbeslut",
]


@pytest.fixture(scope="module")
def county(survey: Survey) -> Workbook:
    return build_workbook(survey, SKANE, synthetic=True)


@pytest.fixture(scope="module")
def national(survey: Survey) -> Workbook:
    return build_workbook(survey, RIKET, synthetic=False)


def rows_by_id(sheet: Sheet) -> dict[str, dict[str, object]]:
    assert sheet.table is not None
    names = [c.name for c in sheet.table.columns]
    return {str(row[1]): dict(zip(names, row, strict=True)) for row in sheet.table.rows}


def records(sheet: Sheet) -> list[dict[str, object]]:
    assert sheet.table is not None
    names = [c.name for c in sheet.table.columns]
    return [dict(zip(names, row, strict=True)) for row in sheet.table.rows]


def test_sheet_order_and_names(county: Workbook) -> None:
    assert [s.name for s in county.sheets] == [
        "Läs mig",
        "Innehåll",
        "Noter",
        *CHART_SHEETS,
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


def test_notes_are_swedish_numbered_in_order_of_reference(county: Workbook, national: Workbook) -> None:
    import re

    for book in (county, national):
        notes = book.sheet("Noter").table
        assert notes is not None
        labels = [str(row[0]) for row in notes.rows]
        numbered = [label for label in labels if label.startswith("[not ")]
        assert numbered == [f"[not {n}]" for n in range(1, len(numbered) + 1)]
        # Every note on the sheet is referred to, every reference is explained, and a
        # reader meets them in order of their numbers.
        text = " ".join(line for sheet in book.sheets[3:] for line in sheet.description)
        used = re.findall(r"\[not \d+\]", text)
        assert set(used) == set(numbered)
        assert list(dict.fromkeys(used)) == numbered
        assert "[note" not in text + " ".join(labels)
    text = " ".join(str(row[1]) for row in county.sheet("Noter").table.rows)  # type: ignore[union-attr]
    for needed in ("Ja, en lokal variant", "* betyder", "** att den", "Slutförd", "Individer, minst"):
        assert needed in text


def test_shorthand_tells_unanswered_question_from_unanswered_area(county: Workbook, national: Workbook) -> None:
    notes = county.sheet("Noter").table
    assert notes is not None
    explained = {str(row[0]): str(row[1]) for row in notes.rows}
    assert {"[x]", "[w]", "[z]"} <= set(explained)
    assert "frågan besvarades inte" in explained["[x]"] and "Ej påbörjad" in explained["[w]"]
    # Riket's workbook has no municipality columns, so no cell says "area not answered":
    # a shorthand is listed only where a cell holds it.
    national_notes = national.sheet("Noter").table
    assert national_notes is not None
    assert "[w]" not in {row[0] for row in national_notes.rows}


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
    assert [row[1] for row in sheet.table.rows] == ["ALD001", "ALD002", "ALD003"]
    assert sheet.table.key_columns == 1


def test_area_rows_hold_hand_computed_shares_and_readable_answers(county: Workbook) -> None:
    rows = rows_by_id(county.sheet("Äldre"))
    one = rows["ALD001"]
    assert one["Huvudgrupp"] == "2.1 Boendeformer / insatser i boendet"
    assert (one["Andel länet"], one["Antal erbjuder länet"], one["Antal svarat länet"]) == (0.5, 1, 2)
    assert one["Andel riket"] == pytest.approx(2 / 3)
    assert (one["Antal erbjuder riket"], one["Antal svarat riket"]) == (2, 3)
    # =1+1 has not started the area: its answer row is not shown, and its cells say so ([w]),
    # unlike Åstorp's unanswered ALD002 ([x]).
    assert (one[FORMULA_UNIT], one["Bjuv"], one["Åstorp"]) == ("[w]", "Ja", "Vet ej")
    two = rows["ALD002"]
    assert two["Insats"] == FORMULA_NAME
    assert (two["Andel länet"], two["Bjuv"], two["Åstorp"]) == (0.0, "Nej", "[x]")
    three = rows["ALD003"]
    assert (three["Insats"], three["Målgrupp"], three["Underrubrik"]) == ("Anhörigstöd*", "Anhöriga", "[z]")
    assert (three["Andel länet"], three["Bjuv"], three["Åstorp"]) == (1.0, "Ja, lokal", "Ja")


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
        "Insats",
        "Kommunkod",
        "Insats-id",
        "Huvudgrupp",
        "Svar",
        "Beslut",
        "Regi",
        "Form",
        "Individer 2016–2020",
        "Individer, minst",
        "Utveckling 2016–2020",
        "Utveckling, riktning",
    ]
    assert sheet.table.key_columns == 2
    group_1, group_2 = "2.1 Boendeformer / insatser i boendet", "2.2 Övriga insatser"
    assert list(sheet.table.rows) == [
        ("Bjuv", "Dagverksamhet", "1260", "ALD001", group_1, "Ja", "Enbart med biståndsbeslut",
         "Både kommunal och enskild regi", "[x]", "21–100", 21, "Ökat", 1),
        ("Bjuv", "Anhörigstöd*", "1260", "ALD003", group_2, "Ja, en lokal variant", *["[x]"] * 7),
        ("Åstorp", "Anhörigstöd*", "1277", "ALD003", group_2, "Ja", "Enbart utan biståndsbeslut", *["[x]"] * 6),
    ]  # fmt: skip
    vald = county.sheet("Våld – följdfrågor").table
    assert vald is not None
    assert vald.rows[0][9:] == ("Fler än 500", 501, "Minskat", -1)


def test_ordered_answers_sort_naturally_by_their_number_column() -> None:
    """ "Vet ej" has no number ([z]); the buckets sort 1, 21, 101, 501 (not as text)."""
    import numpy as np
    import pandas as pd

    from reportgen.workbook.area_tables import follow_up_rows

    units = pd.DataFrame({"name": ["A"]}, index=["1"])
    insatser = pd.DataFrame(
        {"label": ["x"] * 5, "huvudgrupp_id": ["1"] * 5, "huvudgrupp": ["g"] * 5, "order": range(5)},
        index=[f"I{i}" for i in range(5)],
    )

    class Tables:  # the two attributes follow_up_rows reads
        pass

    tables = Tables()
    tables.insatser = insatser  # type: ignore[attr-defined]
    answers = pd.DataFrame(
        {
            "respondent_id": ["1"] * 5,
            "insats_id": list(insatser.index),
            "offered": ["ja"] * 5,
            **{d: [np.nan] * 5 for d in ("beslut", "regi", "form")},
            "individuals": ["101-500", "1-20", "vet_ej", "500+", np.nan],
            "trend": ["minskat", "okat", "oforandrat", "vet_ej", np.nan],
        }
    )
    rows = follow_up_rows(answers, tables, units)  # type: ignore[arg-type]
    assert [r[10] for r in rows] == [101, 1, "[z]", 501, "[x]"]
    assert [r[12] for r in rows] == [-1, 1, 0, "[z]", "[x]"]
    numbers = sorted(r[10] for r in rows if isinstance(r[10], int))
    assert numbers == [1, 101, 501]


def test_national_workbook_has_a_share_column_per_county(national: Workbook) -> None:
    expected = [n if n != "Kommuner" else "Län" for n in CHART_SHEETS]
    assert [s.name for s in national.sheets] == [
        "Läs mig",
        "Innehåll",
        "Noter",
        *expected,
        "Äldre",
        "Våld i nära relationer",
    ]
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
    assert properties.author == properties.company == ""  # no settings: nobody, and no tool, is named


def test_the_imprint_gives_author_organisation_and_build_time(survey: Survey) -> None:
    when = datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    imprint = Imprint(when, organisation="Region Exempel", author="Anna Analytiker")
    properties = build_workbook(survey, SKANE, synthetic=True, imprint=imprint).properties
    assert (properties.author, properties.company, properties.created) == ("Anna Analytiker", "Region Exempel", when)
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
    assert names.take("Kommuner") == "Kommuner 2"
    assert names.take(long + " – följdfrågor", "Ett – följdfrågor") == "Ett – följdfrågor"
    assert names.take(long) == long[:31]
    assert names.take(long) == long[:29] + " 2"
