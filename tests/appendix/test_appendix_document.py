"""The appendix document model built from the appendix table (issue 10), on the hand survey."""

from __future__ import annotations

import pandas as pd
import pytest

from reportgen.appendix.builder import build_document, cell_text
from reportgen.appendix.model import AppendixDocument, HeaderCell, Heading, Paragraph, Section, Table
from reportgen.metrics.appendix import appendix_table
from reportgen.metrics.scope import scope_for

from .appendix_survey import GOTLAND_CELLS, SKANE_CELLS, make_survey


@pytest.fixture(scope="module")
def survey():
    return make_survey()


def _document(survey, county: str | None) -> AppendixDocument:
    scope = scope_for(survey, county)
    return build_document(appendix_table(survey, scope), survey.catalog, scope, synthetic=False)


def _cells(document: AppendixDocument) -> dict[str, tuple[str, ...]]:
    """Insats label → its four cells, over every table."""
    return {row[0]: row[1:] for table in document.tables() for row in table.rows}


def _area(document: AppendixDocument, number: str) -> Section:
    return next(s for s in document.sections if s.heading.number == number)


@pytest.mark.parametrize(
    ("count", "share", "text"),
    [(156, 65, "156 (65%)"), (245, 100, "245 (100%)"), (0, 0, "0 (0%)"), (0, pd.NA, "-"), (3, None, "-")],
)
def test_cell_is_written_as_in_the_national_appendix(count, share, text):
    assert cell_text(count, share) == text


def test_skane_cells_are_the_hand_computed_ones(survey):
    cells = _cells(_document(survey, "Skåne län"))
    labels = {
        "ALD001": "Dagverksamhet",
        "ALD002": "Hemtjänst",
        "ALD003": "Växelvård",
        "ALD004": "Anhörigstöd*",
        "VNR001": "Skyddat boende",
        "VNR002": "Behandling**",
    }
    assert cells == {labels[i]: cells_ for i, cells_ in SKANE_CELLS.items()}


def test_gotland_cells_and_an_area_nobody_answered(survey):
    document = _document(survey, "Gotlands län")
    assert _cells(document) == {
        "Dagverksamhet": GOTLAND_CELLS["ALD001"],
        "Hemtjänst": GOTLAND_CELLS["ALD002"],
        "Växelvård": GOTLAND_CELLS["ALD003"],
        "Anhörigstöd*": GOTLAND_CELLS["ALD004"],
    }
    vnr = _area(document, "7")
    assert vnr.subsections == ()
    assert [b.kind for b in vnr.blocks] == ["notice"]
    assert "Ingen kommun i Gotlands län" in vnr.blocks[0].text


def test_numbered_areas_huvudgrupper_and_sub_headings_in_catalog_order(survey):
    document = _document(survey, "Skåne län")
    assert [h.label for h in document.contents_entries()] == [
        "1 Om resultattabellerna", "2 Verksamhetsområde äldre", "2.1 Boende", "2.2 Stöd",
        "7 Verksamhetsområde våld i nära relationer", "7.1 Skydd",
    ]  # fmt: skip
    boende = _area(document, "2").subsections[0]
    kinds = [(type(b).__name__, getattr(b, "text", "")) for b in boende.blocks]
    assert kinds[0] == ("Heading", "Hemtjänst")
    assert ("Heading", "Särskilt boende") in kinds
    tables = [b for b in boende.blocks if isinstance(b, Table)]
    assert [[r[0] for r in t.rows] for t in tables] == [["Dagverksamhet", "Hemtjänst"], ["Växelvård"]]
    assert all(isinstance(b, Heading) and b.level == 3 for b in boende.blocks if isinstance(b, Heading))


def test_each_areas_first_table_points_to_notes_one_to_four_and_carries_them(survey):
    document = _document(survey, "Skåne län")
    aldre, vnr = _area(document, "2"), _area(document, "7")
    for area in (aldre, vnr):
        tables = [b for s in area.subsections for b in s.blocks if isinstance(b, Table)]
        first, *rest = tables
        assert [c.note for c in first.header] == ["", "1", "2", "3", "4"]  # 1–4 in every area, as in the seed
        assert [n.marker for n in first.notes] == ["1", "2", "3", "4"]
        assert all(isinstance(n, Paragraph) and n.kind == "note" for n in first.notes)
        assert all(not t.notes and not any(c.note for c in t.header) for t in rest)
    notes = _area(document, "2").subsections[0].blocks[1].notes
    assert "Ja, en lokal variant" in notes[0].text
    assert "både fysiskt och digitalt" in notes[1].text
    # The notes travel with the table (renderers repeat them where it continues), not after it.
    assert not any(isinstance(b, Paragraph) and b.marker for s in aldre.subsections for b in s.blocks)
    assert len(document.tables()) == 4  # 2.1 twice, 2.2, 7.1


def test_a_table_must_carry_exactly_the_notes_its_header_points_to():
    with pytest.raises(ValueError, match="points to notes"):
        Table(
            header=(HeaderCell("Insats"), HeaderCell("Antal", "1")),
            rows=(("a", "1"),),
            widths=(0.5, 0.5),
            align=("left", "right"),
        )


def test_marks_are_explained_under_the_tables_that_show_them(survey):
    document = _document(survey, "Skåne län")
    stod = _area(document, "2").subsections[1].blocks
    assert [b.text for b in stod if isinstance(b, Paragraph)] == ["* Insatsen riktar sig till anhöriga."]
    skydd = _area(document, "7").subsections[0].blocks
    assert "** Insatsen riktar sig till våldsutövare." in [b.text for b in skydd if isinstance(b, Paragraph)]
    boende = _area(document, "2").subsections[0].blocks
    assert not any(isinstance(b, Paragraph) and b.text.startswith("*") for b in boende)


def test_explanation_says_what_is_counted_and_over_what(survey):
    about = " ".join(p.text for p in _document(survey, "Skåne län").sections[0].blocks)
    for fact in (
        "”Ja, en lokal variant”",
        "Både kommunal och enskild regi",
        "Både med och utan biståndsbeslut",
        "besvarat frågan om insatsen",
        "besvarat just den följdfrågan",
        "Ett streck (-)",
        "asterisk (*)",
        "(**)",
        "kommunerna i Skåne län",
        "Källa:",
    ):
        assert fact in about, fact


def test_title_page_and_synthetic_label(survey):
    scope = scope_for(survey, None)
    document = build_document(appendix_table(survey, scope), survey.catalog, scope, synthetic=True)
    page = document.title_page
    assert (page.title, page.scope, page.demo_label) == (
        "Utvalda resultat för samtliga kartlagda insatser",
        "Riket",
        "Syntetiska demodata – inte verkliga svar",
    )
    assert any("(2021)" in line for line in page.lines)
    assert "Syntetiska data" in " ".join(p.text for p in document.sections[0].blocks)


def test_a_table_that_is_not_an_appendix_table_is_refused(survey):
    with pytest.raises(ValueError, match="not an appendix table"):
        build_document(
            pd.DataFrame({"insats_id": ["ALD001"]}), survey.catalog, scope_for(survey, None), synthetic=False
        )
