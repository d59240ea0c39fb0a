"""A deck built from a small random survey through the real metrics: what the slides
show equals what ``reportgen.metrics`` computed (issue 4: numbers on slides = metrics)."""

from __future__ import annotations

import pytest

from reportgen.deck.builder import build_deck
from reportgen.deck.format import integer, percent
from reportgen.deck.model import ChartSpec, KeyFigure, Table
from reportgen.metrics.compute import compute_all
from reportgen.survey import CATEGORIES
from tests.metrics.strategies import random_survey, register_from

from .conftest import deck_inputs, make_catalog

COUNTIES = [("98", "Norrlän"), ("99", "Söderlän")]
UNITS = [(f"9{c[-1]}{i:02d}", f"Kommun {c}-{i}", c) for c in ("98", "99") for i in range(1, 7)]


@pytest.fixture(scope="module")
def built():
    survey = random_survey(7, catalog=make_catalog(), register=register_from(COUNTIES, UNITS))
    metrics = compute_all(survey)
    county = metrics["soderlan"]
    deck = build_deck(deck_inputs(county, metrics["riket"], survey.catalog), date_text="maj 2022")
    counties = tuple(m for slug, m in metrics.items() if slug != "riket")
    national = build_deck(
        deck_inputs(metrics["riket"], metrics["riket"], survey.catalog, counties=counties), date_text="maj 2022"
    )
    return county, deck, national


def by_key(deck):
    return {s.key: s for s in deck.slides}


def test_slides_show_the_metrics(built):
    county, deck, _ = built
    slides = by_key(deck)
    for area, m in county.areas.items():
        prefix = "aldre" if area == "äldre" else "vald-i-nara-relationer"
        if m.response.answered == 0:
            continue
        figures = [b for b in slides[f"{prefix}/svarsfrekvens"].blocks if isinstance(b, KeyFigure)]
        assert [f.value for f in figures] == [integer(m.response.answered), integer(m.response.completed)]
        headline = [b.value for b in slides[f"{prefix}/insatsutbud/nyckeltal"].blocks]
        assert headline == [
            integer(m.offer.mean),
            percent(m.offer.further_share) if m.offer.further_share is not None else "–",
            integer(m.offer.min),
            integer(m.offer.max),
        ]
        (table,) = [b for b in slides[f"{prefix}/insatsutbud/vanligast"].blocks if isinstance(b, Table)]
        assert [r[0] for r in table.rows] == [r.insats for r in m.top10]
        assert [r[2] for r in table.rows] == [str(r.offered) for r in m.top10]
        (chart,) = [b for b in slides[f"{prefix}/insatsutbud/kommun"].blocks if isinstance(b, ChartSpec)]
        assert chart.series[0].values == tuple(float(r.offered) for r in m.offer.per_respondent)
        beslut = m.dimensions["beslut"]
        (stacked,) = [b for b in slides[f"{prefix}/beslut/kommun"].blocks if isinstance(b, ChartSpec)]
        lan = stacked.categories.index("Länet")
        for k, category in enumerate(CATEGORIES):
            assert stacked.series[k].values[lan] == pytest.approx(100 * beslut.total.share(category))


def test_real_decks_hold_together(built):
    _, deck, national = built
    for d in (deck, national):
        charts = [b for s in d.slides for b in s.blocks if isinstance(b, ChartSpec)]
        assert len({c.key for c in charts}) == len(charts)
        assert len({c.alt_text for c in charts}) == len(charts)
        assert all(s.source for s in d.slides if s.kind == "content")
        titles = [s.title for s in d.slides]
        assert len(set(titles)) == len(titles)  # the county deck and the Riket deck (issue 18)
    assert len(deck.slides) == len(national.slides)


def test_riket_deck_shows_every_county(built):
    _, _, national = built
    (chart,) = [b for b in by_key(national)["aldre/insatsutbud/kommun"].blocks if isinstance(b, ChartSpec)]
    assert sorted(label.split(" (")[0] for label in chart.categories) == ["Norrlän", "Söderlän"]
