from __future__ import annotations

import pytest

from reportgen.metrics.catalog_stats import (
    CategoryMappingError,
    catalog_size_per_area,
    catalog_sizes,
    response_overview,
    response_overview_from,
)
from reportgen.metrics.scope import scope_for

CATEGORIES = {
    "Boende": "Boende",
    "boendeinsatser": "Boende",
    "Individ": "Individ och grupp",
    "2.3": "Övrigt",
    "7.3": "Övrigt",
}


def test_catalog_size_per_area(survey):
    assert catalog_size_per_area(survey.catalog).to_dict() == {"äldre": 12, "våld i nära relationer": 3}


def test_catalog_sizes_by_name_or_id(survey):
    frame = catalog_sizes(survey.catalog, CATEGORIES)
    assert list(frame.columns) == ["Boende", "Individ och grupp", "Övrigt"]
    assert frame.loc["äldre"].tolist() == [4, 5, 3]
    assert frame.loc["våld i nära relationer"].tolist() == [1, 2, 0]


def test_catalog_sizes_unmapped_group_is_an_error(survey):
    with pytest.raises(CategoryMappingError, match="Boendeinsatser"):
        catalog_sizes(survey.catalog, {"Boende": "B", "Individ": "I", "Övrigt": "Ö"})


def test_response_overview(survey, metrics):
    frame = response_overview(survey, scope_for(survey, "Skåne"))
    assert frame.loc["äldre"].tolist() == [4, 3, 2, 7, 6, 3]
    assert frame.loc["våld i nära relationer"].tolist() == [4, 1, 1, 7, 2, 1]
    assert response_overview_from(metrics["skane-lan"]).equals(frame)
