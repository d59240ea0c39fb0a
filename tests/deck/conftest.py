"""A hand-built ScopeMetrics for a tiny county ("Testlän", three municipalities) and two
areas, so every figure on a slide can be checked against a literal here.

The numbers need not be mutually consistent (the deck only shows what metrics say); they
are chosen distinct so a figure shown in the wrong place is caught.
"""

from __future__ import annotations

import pandas as pd
import pytest

from reportgen.catalog import Catalog
from reportgen.deck.inputs import DeckInputs
from reportgen.deck.layout import Layouts, load_layouts
from reportgen.metrics.catalog_stats import catalog_figures
from reportgen.metrics.insights import national_insights
from reportgen.metrics.model import (
    AreaMetrics,
    CategoryShares,
    Dimension,
    Distribution,
    GroupMean,
    InsatsCategory,
    InsatsShare,
    Offer,
    RespondentCount,
    Response,
    Scope,
    ScopeMetrics,
    Wish,
)

COUNTY = Scope(name="Testlän", code="99", slug="testlan")
RIKET = Scope(name="Riket", code=None, slug="riket")

CATALOG_ROWS = [
    # insats_id, area, huvudgrupp_id, huvudgrupp, name, target
    ("ALD001", "äldre", "2.1", "Boendeformer / insatser i boendet", "Hemtjänst", "person"),
    ("ALD002", "äldre", "2.1", "Boendeformer / insatser i boendet", "Trygghetslarm", "person"),
    ("ALD003", "äldre", "2.2", "Individ- och/eller gruppinsatser", "Avlösning i hemmet", "anhoriga"),
    ("ALD004", "äldre", "2.4", "Övriga insatser", "Fixartjänst", "person"),
    ("VNR001", "våld i nära relationer", "7.1", "Boendeinsatser", "Skyddat boende", "person"),
    (
        "VNR002",
        "våld i nära relationer",
        "7.2",
        "Individ- och/eller gruppinsatser",
        "Behandlingsprogram",
        "valdsutovare",
    ),
    ("VNR003", "våld i nära relationer", "7.2", "Individ- och/eller gruppinsatser", "Stödsamtal", "person"),
]


def make_catalog() -> Catalog:
    frame = pd.DataFrame(
        [
            {
                "insats_id": i,
                "area": a,
                "area_no": g[0],
                "huvudgrupp_id": g,
                "huvudgrupp": h,
                "subheading": "",
                "name": n,
                "target": t,
            }
            for i, a, g, h, n, t in CATALOG_ROWS
        ]
    )
    return Catalog.from_frame(frame)


def shares(key: str, label: str, a: int, ab: int, b: int, respondents: int) -> CategoryShares:
    return CategoryShares(key, label, a + ab + b, respondents, {"A": a, "AB": ab, "B": b})


def ic(insats_id: str, insats: str, n: int, count: int) -> InsatsCategory:
    return InsatsCategory(insats_id, insats, n, count, count / n)


def dimension(name: str, base: int, labels: dict[str, str]) -> Dimension:
    """A dimension whose counts are offset by ``base`` so form, regi and beslut differ."""
    hem, larm, avl = labels["ALD001"], labels["ALD002"], labels["ALD003"]
    top = {
        "A": (ic("ALD001", hem, 2, 2), ic("ALD003", avl, 2, 1)),
        "AB": (ic("ALD002", larm, 2, 1),),
        "B": (),
    }
    return Dimension(
        dimension=name,
        total=shares("lan", "Testlän", 5 + base, 2, 1, 2),
        national_total=shares("riket", "Riket", 40 + base, 30, 10, 8),
        per_insats=(),
        top3=top,
        top5=top,
        per_respondent=(
            shares("K1", "Alfa", 3 + base, 1, 0, 1),
            shares("K2", "Beta", 2, 1, 1, 1),
            shares("K3", "Gamma", 0, 0, 0, 0),  # did not answer: not drawn
        ),
        per_group=(
            shares("2.1", "Boendeformer / insatser i boendet", 4 + base, 1, 0, 2),
            shares("2.2", "Individ- och/eller gruppinsatser", 1, 1, 1, 2),
            shares("2.4", "Övriga insatser", 0, 0, 0, 0),
        ),
        individuals={
            "A": Distribution("A", 5 + base, 4, {"1-20": 1, "21-100": 2, "101-500": 1, "500+": 0, "vet_ej": 0}),
            "AB": Distribution("AB", 2, 2, {"1-20": 0, "21-100": 0, "101-500": 0, "500+": 2, "vet_ej": 0}),
            "B": Distribution("B", 1, 0, {"1-20": 0, "21-100": 0, "101-500": 0, "500+": 0, "vet_ej": 0}),
        },
    )


def aldre(national: bool = False) -> AreaMetrics:
    labels = {
        "ALD001": "Hemtjänst",
        "ALD002": "Trygghetslarm",
        "ALD003": "Avlösning i hemmet*",
        "ALD004": "Fixartjänst",
    }
    return AreaMetrics(
        area="äldre",
        catalog_size=4,
        response=Response(respondents=3, answered=2, completed=1, not_started=1, with_answers=2)
        if not national
        else Response(respondents=10, answered=8, completed=6, not_started=2, with_answers=7),
        national_response=Response(respondents=10, answered=8, completed=6, not_started=2, with_answers=7),
        offer=Offer(
            mean=2.5,
            min=3,
            max=3,
            minmax_from_completed=True,
            further_yes=1,
            further_answered=2,
            further_share=0.5,
            per_respondent=(RespondentCount("K1", "Alfa", 3, True), RespondentCount("K2", "Beta", 2, False)),
        ),
        national_offer_mean=2.25,
        national_further_share=0.4,
        group_means=(
            GroupMean("2.1", "Boendeformer / insatser i boendet", 1.5, 1.25),
            GroupMean("2.2", "Individ- och/eller gruppinsatser", 0.5, 0.75),
            GroupMean("2.4", "Övriga insatser", 0.5, 0.25),
        ),
        top10=(
            InsatsShare("ALD001", "Hemtjänst", 2, 2, 1.0),
            InsatsShare("ALD003", "Avlösning i hemmet*", 2, 2, 1.0),
            InsatsShare("ALD002", "Trygghetslarm", 1, 3, 1 / 3),
        ),
        bottom10=(
            InsatsShare("ALD002", "Trygghetslarm", 1, 3, 1 / 3),
            InsatsShare("ALD004", "Fixartjänst", 1, 2, 0.5),
        ),
        dimensions={name: dimension(name, base, labels) for name, base in (("form", 0), ("regi", 1), ("beslut", 2))},
        wish=Wish(
            answered=2,
            counts={"ja": 1, "nej": 1, "vet_ej": 0},
            per_group=(
                ("2.1", "Boendeformer / insatser i boendet", 1),
                ("2.2", "Individ- och/eller gruppinsatser", 0),
                ("2.4", "Övriga insatser", 1),
            ),
        ),
    )


def vald() -> AreaMetrics:
    behandling = "Behandlingsprogram**"
    empty = {"A": (), "AB": (), "B": ()}
    dim = Dimension(
        dimension="form",
        total=shares("lan", "Testlän", 1, 0, 0, 1),
        national_total=shares("riket", "Riket", 9, 3, 0, 6),
        per_insats=(),
        top3={**empty, "A": (ic("VNR002", behandling, 1, 1),)},
        top5={**empty, "A": (ic("VNR002", behandling, 1, 1),)},
        per_respondent=(shares("K1", "Alfa", 1, 0, 0, 1),),
        per_group=(shares("7.2", "Individ- och/eller gruppinsatser", 1, 0, 0, 1),),
        individuals={c: Distribution(c, 0, 0, {}) for c in ("A", "AB", "B")},
    )
    return AreaMetrics(
        area="våld i nära relationer",
        catalog_size=3,
        response=Response(respondents=3, answered=1, completed=0, not_started=2, with_answers=1),
        national_response=Response(respondents=10, answered=6, completed=5, not_started=4, with_answers=6),
        offer=Offer(
            mean=1.0,
            min=1,
            max=1,
            minmax_from_completed=False,
            further_yes=0,
            further_answered=0,
            further_share=None,
            per_respondent=(RespondentCount("K1", "Alfa", 1, False),),
        ),
        national_offer_mean=1.5,
        national_further_share=None,
        group_means=(
            GroupMean("7.1", "Boendeinsatser", 0.0, 0.5),
            GroupMean("7.2", "Individ- och/eller gruppinsatser", 1.0, 1.0),
        ),
        top10=(InsatsShare("VNR002", behandling, 1, 1, 1.0),),
        bottom10=(InsatsShare("VNR002", behandling, 1, 1, 1.0),),
        dimensions={name: Dimension(**{**dim.__dict__, "dimension": name}) for name in ("form", "regi", "beslut")},
        wish=Wish(
            answered=0,
            counts={"ja": 0, "nej": 0, "vet_ej": 0},
            per_group=(("7.1", "Boendeinsatser", 0), ("7.2", "Individ- och/eller gruppinsatser", 0)),
        ),
    )


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return make_catalog()


@pytest.fixture(scope="session")
def county_metrics() -> ScopeMetrics:
    return ScopeMetrics(scope=COUNTY, areas={"äldre": aldre(), "våld i nära relationer": vald()})


@pytest.fixture(scope="session")
def national_metrics() -> ScopeMetrics:
    return ScopeMetrics(scope=RIKET, areas={"äldre": aldre(national=True), "våld i nära relationer": vald()})


def deck_inputs(
    metrics: ScopeMetrics,
    national: ScopeMetrics,
    catalog: Catalog,
    *,
    counties: tuple[ScopeMetrics, ...] = (),
    layouts: Layouts | None = None,
) -> DeckInputs:
    """The record a caller fills from metrics (``batch.county.county_deck`` does the same)."""
    mapping = (layouts or load_layouts()).category_mapping()
    return DeckInputs(metrics, national, catalog_figures(catalog, mapping), national_insights(national), counties)
