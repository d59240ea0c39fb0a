from __future__ import annotations

import pytest

from reportgen.metrics.catalog_stats import (
    CategoryMappingError,
    catalog_figures,
    catalog_sizes,
)

CATEGORIES = {
    "Boende": "Boende",
    "boendeinsatser": "Boende",
    "Individ": "Individ och grupp",
    "2.3": "Övrigt",
    "7.3": "Övrigt",
}


def test_catalog_sizes_by_name_or_id(survey):
    frame = catalog_sizes(survey.catalog, CATEGORIES)
    assert list(frame.columns) == ["Boende", "Individ och grupp", "Övrigt"]
    assert frame.loc["äldre"].tolist() == [4, 5, 3]
    assert frame.loc["våld i nära relationer"].tolist() == [1, 2, 0]


def test_catalog_sizes_unmapped_group_is_an_error(survey):
    with pytest.raises(CategoryMappingError, match="Boendeinsatser"):
        catalog_sizes(survey.catalog, {"Boende": "B", "Individ": "I", "Övrigt": "Ö"})


def test_response_overview_figures(metrics):
    """Units, answered, completed and answering units per area, as the overview slide reads them."""
    for area, expected in (("äldre", (4, 3, 2, 3, 7, 6, 3, 6)), ("våld i nära relationer", (4, 1, 1, 1, 7, 2, 1, 2))):
        m = metrics["skane-lan"].areas[area]
        mine, riket = m.response, m.national_response
        got = (mine.respondents, mine.answered, mine.completed, mine.with_answers)
        got += (riket.respondents, riket.answered, riket.completed, riket.with_answers)
        assert got == expected


def test_catalog_figures_give_sizes_and_shares(survey):
    figures = catalog_figures(survey.catalog, CATEGORIES)
    assert figures.total == 15
    assert figures.labels == ("Boende", "Individ och grupp", "Övrigt")
    aldre, vald = figures.areas
    assert (aldre.area, aldre.size, aldre.share) == ("äldre", 12, 12 / 15)
    assert aldre.categories == (("Boende", 4, 4 / 12), ("Individ och grupp", 5, 5 / 12), ("Övrigt", 3, 3 / 12))
    assert (vald.size, vald.share) == (3, 3 / 15)
    assert vald.categories[2] == ("Övrigt", 0, 0.0)


def test_answered_share_of_the_units(metrics):
    response = metrics["skane-lan"].areas["äldre"].response
    assert (response.answered, response.respondents, response.answered_share) == (3, 4, 0.75)
