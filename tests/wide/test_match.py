"""Header rules of wide exports, one header at a time against the real catalog (issue 21)."""

from __future__ import annotations

import pytest

from reportgen.catalog import Catalog
from reportgen.io.wide_match import NameIndex
from reportgen.io.wide_words import area_question, follow_up_kinds, personal_kind, tool_kind, tool_status


@pytest.fixture(scope="module")
def names(catalog: Catalog) -> NameIndex:
    return NameIndex(catalog)


def place(names: NameIndex, header: str, area: str = "äldre"):  # type: ignore[no-untyped-def]
    return names.place([header], area)[0]


@pytest.mark.parametrize(
    ("header", "area", "insats_id", "column", "exact"),
    [
        pytest.param("Dagverksamhet", "äldre", "ALD001", "erbjuden", True, id="name alone is the offered question"),
        pytest.param("ALD004_beslut", "äldre", "ALD004", "beslut", True, id="id and kind"),
        pytest.param("ald4 regi", "äldre", "ALD004", "regi", True, id="id as people type it"),
        pytest.param(
            "Dagverksamhet anpassad för personer med demenssjukdom - I vilken regi ges insatsen?",
            "äldre",
            "ALD002",
            "regi",
            True,
            id="the longest name written out wins over the one inside it",
        ),
        pytest.param(
            "Dagverksamhet anpassad för personer med demenssjukdm - Antal individer",
            "äldre",
            "ALD002",
            "individer",
            False,
            id="a typo in the longer name: its extension is in the header",
        ),
        pytest.param(
            "Träffpunkter, mötesplatser, café och liknande - I vilken form (fysisk/digital)?",
            "äldre",
            "ALD026",
            "form",
            True,
            id="written out beats a longer name whose extra word '(anhöriga)' is missing",
        ),
        pytest.param(
            "Case management i form av strengths model - Har antalet individer ökat?",
            "missbruk och beroende",
            "MOB054",
            "utveckling",
            True,
            id="'form' inside the name is no follow-up word; ökat asks for the trend",
        ),
        pytest.param(
            "Kognitiv beteendeterapi (KBT)** - regi", "våld i nära relationer", "VNR034", "regi", True, id="** mark"
        ),
        pytest.param(
            "Kognitiv beteendeterapi (KBT) (till våldsutövare) - regi",
            "våld i nära relationer",
            "VNR034",
            "regi",
            True,
            id="target words",
        ),
        pytest.param(
            "Kognitiv beteendeterapi (KBT) - regi",
            "våld i nära relationer",
            "VNR019",
            "regi",
            True,
            id="no target words: the insats for the person",
        ),
        pytest.param(
            "Hjälpmedel för att kunna…", "äldre", "ALD045", "erbjuden", False, id="shortened with an ellipsis"
        ),
        pytest.param("Tilsyn - regi", "äldre", "ALD016", "regi", False, id="short name, one letter dropped"),
        pytest.param(
            "Umgängeskotaktperson - regi", "barn och unga", "BOU113", "regi", True, id="the survey's own spelling"
        ),
        pytest.param(
            "Umgängeskontaktperson - regi", "barn och unga", "BOU113", "regi", True, id="the corrected display name"
        ),
    ],
)
def test_headers_are_placed(names, header, area, insats_id, column, exact):
    placement = place(names, header, area)
    assert (placement.insats_id, placement.column, placement.exact) == (insats_id, column, exact)


@pytest.mark.parametrize(
    ("header", "area", "candidates"),
    [
        pytest.param("Hemtjänst / Tillsyn - regi", "äldre", ("ALD004", "ALD016"), id="two names"),
        pytest.param(
            "Särskilt boende, gruppboendestöd… - regi", "funktionshinder", ("FUN005", "FUN006"), id="shortened to both"
        ),
    ],
)
def test_ambiguous_headers_list_the_candidates(names, header, area, candidates):
    placement = place(names, header, area)
    assert placement.insats_id is None
    assert sorted(placement.candidates) == sorted(candidates)


def test_a_header_with_two_follow_up_kinds_is_ambiguous(names):
    placement = place(names, "Tillsyn - i vilken regi och form?")
    assert placement.insats_id is None and "regi, form" in str(placement.problem)


def test_a_short_name_never_matches_inside_another_word(names):
    assert place(names, "Bojenhet - regi", "barn och unga").insats_id is None
    assert place(names, "Bojen - regi", "barn och unga").insats_id == "BOU006"


def test_unmatched_headers_get_the_closest_insatser(names):
    placement = place(names, "Trygghetsringning")
    assert placement.insats_id is None and placement.hints == ("ALD060", "ALD062")  # Trygghetslarm, -kamera


def test_the_area_comes_from_the_insatser_named(names):
    headers = ["Hemtjänst - regi", "Dagverksamhet - regi", "Tillsyn", "Bojen"]
    # Hemtjänst is in three areas and votes for none; Bojen is barn och unga's.
    assert names.area_votes(headers) == {"äldre": 2, "barn och unga": 1}


@pytest.mark.parametrize(
    ("remainder", "kinds"),
    [
        ("- Ges insatsen med eller utan biståndsbeslut?", ["beslut"]),
        ("- I vilken regi ges insatsen?", ["regi"]),
        ("- Kommunal eller enskild utförare", ["regi"]),
        ("- Fysisk eller digital?", ["form"]),
        ("- Antal individer 2016–2020", ["individer"]),
        ("- Har antalet individer förändrats?", ["utveckling"]),
        ("Har ni erbjudit insatsen 2016–2020?", []),
    ],
)
def test_follow_up_words(remainder, kinds):
    assert follow_up_kinds(remainder) == kinds


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Namn", "name"),
        ("Respondentens namn", "name"),
        ("E-post", "e-mail"),
        ("Email address", "e-mail"),
        ("IP-adress", "IP address"),
        ("Telefonnummer", "phone"),
        ("Övriga kommentarer", "free text"),
        ("Vilka ytterligare insatser ger ni?", "free text"),
        ("Annat, nämligen", "free text"),
        ("Kommun", None),
        ("Inom vilka huvudgrupper skulle ni vilja ge insatser utan biståndsbeslut? - Övriga insatser", None),
    ],
)
def test_personal_columns(header, kind):
    assert personal_kind(header) == kind


def test_no_catalog_name_reads_as_personal_tool_or_area_question(catalog: Catalog):
    """A guard for catalog changes: a header naming an insats is never taken for another column."""
    for name in catalog.table["name"]:
        for header in (name, f"{name} - I vilken regi ges insatsen?", f"Har ni erbjudit insatsen? - {name}"):
            assert (personal_kind(header), tool_kind(header), area_question(header)) == (None, None, None), header


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Ger ni ytterligare insatser utöver listan?", "ytterligare_insatser"),
        ("Vill ni ge insatser utan biståndsbeslut om lagen ändras?", "vill_ge_utan_beslut"),
        ("Inom vilka huvudgrupper …? - Boendeinsatser", "huvudgrupper_utan_beslut"),
        ("vill_ge_utan_beslut", "vill_ge_utan_beslut"),
        ("Dagverksamhet - Ges insatsen med eller utan biståndsbeslut?", None),
    ],
)
def test_area_questions(header, column):
    assert area_question(header) == column


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Fullständig", "Slutförd"),
        ("completed", "Slutförd"),
        ("Ofullständig", "Påbörjad"),
        ("Delvis besvarad", "Påbörjad"),
        ("Ej startad", "Ej påbörjad"),
        ("Slutförd", "Slutförd"),
        ("Avbruten", None),
    ],
)
def test_the_tools_status_words(word, status):
    assert tool_status(word) == status
