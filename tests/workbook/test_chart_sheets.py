"""The sheets behind the deck's charts (issue 16), against the hand-computed figures of
``workbook_survey``, and the workbook for some of a county's municipalities."""

from __future__ import annotations

import pytest

from reportgen.metrics.model import Scope
from reportgen.metrics.scope import RIKET
from reportgen.survey import Survey
from reportgen.workbook.builder import UnknownUnitsError, build_workbook
from reportgen.workbook.model import Sheet, Workbook

SKANE = Scope("Skåne län", "12", "skane-lan")
GROUPS = "2.1 Boendeformer / insatser i boendet; 2.2 Övriga insatser"


@pytest.fixture(scope="module")
def county(survey: Survey) -> Workbook:
    return build_workbook(survey, SKANE, synthetic=True)


def rows(sheet: Sheet) -> list[tuple[object, ...]]:
    assert sheet.table is not None
    return list(sheet.table.rows)


def test_units_sheet_has_status_offer_and_answers_of_every_unit_in_every_area(county: Workbook) -> None:
    sheet = county.sheet("Kommuner")
    assert sheet.table is not None and sheet.table.key_columns == 1
    assert rows(sheet) == [
        # name, code, area, status, answered, offered, county mean, Riket mean, further, wish, groups
        ("=1+1", "1299", "Äldre", "Ej påbörjad", "[w]", "[w]", 1.5, pytest.approx(5 / 3), "[w]", "[w]", "[w]"),
        ("Bjuv", "1260", "Äldre", "Slutförd", 3, 2, 1.5, pytest.approx(5 / 3), "Ja", "Ja", GROUPS),
        ("Åstorp", "1277", "Äldre", "Påbörjad", 2, 1, 1.5, pytest.approx(5 / 3), "[x]", "Vet ej", "[z]"),
        ("=1+1", "1299", "Våld i nära relationer", "Ej påbörjad", *["[w]"] * 2, 0.5, 0.5, *["[w]"] * 3),
        ("Bjuv", "1260", "Våld i nära relationer", "Slutförd", 2, 1, 0.5, 0.5, "Nej", "Ja", "[x]"),
        ("Åstorp", "1277", "Våld i nära relationer", "Slutförd", 1, 0, 0.5, 0.5, "Nej", "Nej", "[z]"),
    ]


def test_a_unit_that_answered_no_insats_question_offers_no_number(survey: Survey) -> None:
    """SPEC §5: started but answered no insats question → counted as answered, not as 0."""
    import dataclasses

    answers = survey.answers[~((survey.answers["respondent_id"] == "1277") & (survey.answers["area"] == "äldre"))]
    changed = dataclasses.replace(survey, answers=answers.reset_index(drop=True))
    sheet = build_workbook(changed, SKANE, synthetic=True).sheet("Kommuner")
    astorp = next(r for r in rows(sheet) if r[0] == "Åstorp" and r[2] == "Äldre")
    assert astorp[3:6] == ("Påbörjad", 0, "[x]")


def test_response_offer_and_wish_sheets_put_the_county_beside_riket(county: Workbook) -> None:
    response = rows(county.sheet("Svarsfrekvens"))
    assert response[0] == ("Äldre", "Skåne län", 3, 2, 1, 1, 1, 2 / 3, 1 / 3, 1 / 3, 1 / 3, 2)
    assert response[1] == ("Äldre", "Riket", 4, 3, 2, 1, 1, 0.75, 0.5, 0.25, 0.25, 3)
    offer = rows(county.sheet("Insatsutbud"))
    assert offer[0] == ("Äldre", "Skåne län", 3, 1.5, 2, 2, "slutförda kommuner", 1, 1, 1.0)
    assert offer[2][:6] == ("Våld i nära relationer", "Skåne län", 3, 0.5, 0, 1)
    wish = rows(county.sheet("Utan biståndsbeslut"))
    assert wish[0] == ("Äldre", "Skåne län", 2, 1, 0, 1, 0.5, 0.0, 0.5)
    assert wish[1][:6] == ("Äldre", "Riket", 3, 1, 1, 1)


def test_groups_sheet_has_means_and_wish_choices(county: Workbook) -> None:
    groups = rows(county.sheet("Huvudgrupper"))
    # äldre 2.1: Bjuv offers ALD001 of ALD001–2 → 1/2 per responding unit; Riket adds Halmstad (2) → 3/3.
    assert groups[0] == ("Äldre", "2.1", "Boendeformer / insatser i boendet", 2, 0.5, 1.0, 1)
    assert groups[1] == ("Äldre", "2.2", "Övriga insatser", 1, 1.0, pytest.approx(2 / 3), 1)


def test_dimension_sheet_rows_for_county_riket_units_and_groups(county: Workbook) -> None:
    beslut = [r for r in rows(county.sheet("Beslut")) if r[0] == "Äldre"]
    assert [r[1:4] for r in beslut] == [
        ("Län", "Skåne län", "12"),
        ("Riket", "Riket", "[z]"),
        ("Kommun", "=1+1", "1299"),
        ("Kommun", "Bjuv", "1260"),
        ("Kommun", "Åstorp", "1277"),
        ("Huvudgrupp", "Boendeformer / insatser i boendet", "2.1"),
        ("Huvudgrupp", "Övriga insatser", "2.2"),
    ]
    # units, pairs, A / AB / B counts, then shares
    assert beslut[0][4:] == (2, 2, 1, 0, 1, 0.5, 0.0, 0.5)
    assert beslut[2][4:] == ("[w]",) * 8  # has not started the area
    assert beslut[3][4:] == (1, 1, 1, 0, 0, 1.0, 0.0, 0.0)
    assert beslut[4][4:] == (1, 1, 0, 0, 1, 0.0, 0.0, 1.0)
    form = rows(county.sheet("Form"))
    assert form[0][4:] == (0, 0, 0, 0, 0, "[z]", "[z]", "[z]")  # no form answer in the county
    assert form[1][4:] == (1, 1, 0, 0, 1, 0.0, 0.0, 1.0)  # Riket: Halmstad, digital only


def test_individuals_sheet_per_category(county: Workbook) -> None:
    individuals = {(r[0], r[1], r[2]): r[3:] for r in rows(county.sheet("Individer"))}
    # Bjuv's ALD001 is given only with a decision and reached 21–100 individuals.
    assert individuals[("Äldre", "Beslut", "Enbart med biståndsbeslut")] == (
        1, 1, 0, 1, 0, 0, 0, 0.0, 1.0, 0.0, 0.0, 0.0,
    )  # fmt: skip
    # Åstorp's ALD003 (utan beslut) has no individuals answer: no share can be computed.
    assert individuals[("Äldre", "Beslut", "Enbart utan biståndsbeslut")] == (1, 0, *[0] * 5, *["[z]"] * 5)


def test_catalog_sheet_counts_each_category(county: Workbook) -> None:
    catalog = rows(county.sheet("Katalog"))
    assert ("Äldre", "Boendeinsatser", 2, pytest.approx(2 / 3), 3, 0.5) in catalog
    assert ("Äldre", "Övriga insatser", 1, pytest.approx(1 / 3), 3, 0.5) in catalog
    assert sum(r[2] for r in catalog if r[0] == "Våld i nära relationer") == 3


def test_national_workbook_shows_counties(survey: Survey) -> None:
    book = build_workbook(survey, RIKET, synthetic=False)
    counties = rows(book.sheet("Län"))
    assert counties[0] == ("Skåne län", "12", "Äldre", 3, 2, 2, 1.5, pytest.approx(5 / 3))
    assert counties[1][:6] == ("Hallands län", "13", "Äldre", 1, 1, 1)
    beslut = [r[1:4] for r in rows(book.sheet("Beslut")) if r[0] == "Äldre"]
    assert beslut[:3] == [("Riket", "Riket", "[z]"), ("Län", "Skåne län", "12"), ("Län", "Hallands län", "13")]


def test_one_municipality_workbook_keeps_its_rows_beside_the_county(survey: Survey, county: Workbook) -> None:
    """#17's municipality workbook: the same builder, filtered on units."""
    book = build_workbook(survey, SKANE, synthetic=True, units=["1260"])
    assert [s.name for s in book.sheets] == [s.name for s in county.sheets]
    assert "Bjuv (Skåne län)" in book.properties.title
    assert {r[0] for r in rows(book.sheet("Kommuner"))} == {"Bjuv"}
    area = book.sheet("Äldre")
    assert area.table is not None
    assert [c.name for c in area.table.columns][-1] == "Bjuv"
    assert "Åstorp" not in [c.name for c in area.table.columns]
    # The county's own figures stay (share in Skåne over every responding unit).
    assert area.table.rows[0][5] == 0.5
    assert {r[0] for r in rows(book.sheet("Äldre – följdfrågor"))} == {"Bjuv"}
    beslut = [r[1:3] for r in rows(book.sheet("Beslut")) if r[0] == "Äldre"]
    assert ("Kommun", "Bjuv") in beslut and ("Kommun", "Åstorp") not in beslut and ("Län", "Skåne län") in beslut
    with pytest.raises(UnknownUnitsError):
        build_workbook(survey, SKANE, synthetic=True, units=["1380"])  # Halmstad is in Halland


def test_the_cover_names_only_the_shorthand_the_notes_explain(survey: Survey, county: Workbook) -> None:
    """The cover lists exactly the shorthand of the Noter sheet, and a one-unit workbook
    speaks of that unit, not of "kommun för kommun" or "en kolumn per kommun"."""
    for book in (county, build_workbook(survey, SKANE, synthetic=True, units=["1260"])):
        explained = [r[0] for r in rows(book.sheet("Noter")) if str(r[0]).startswith("[") and "not" not in str(r[0])]
        cover = " ".join(book.sheet("Läs mig").description)
        named = cover.split("förkortningarna ", 1)[1].split(".", 1)[0] if "förkortningarna" in cover else ""
        assert [m for m in ("[x]", "[w]", "[z]") if m in named] == [m for m in ("[x]", "[w]", "[z]") if m in explained]
    own = build_workbook(survey, SKANE, synthetic=True, units=["1260"])
    cover = " ".join(own.sheet("Läs mig").description)
    assert "som Bjuv har erbjudit" in cover and "kommun för kommun" not in cover
    assert "en kolumn per kommun" not in " ".join(own.sheet("Äldre").description)
