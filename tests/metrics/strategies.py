"""Random surveys for property tests (hypothesis) and the metrics benchmark.

``surveys()`` draws small surveys cell by cell so hypothesis can shrink them;
``random_survey`` builds a full-size one with numpy for benchmarks.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import strategies as st

from reportgen.catalog import Catalog
from reportgen.register import Register
from reportgen.survey import (
    ANSWER_COLUMNS,
    CATEGORIES,
    INDIVIDUALS,
    RESPONSE_COLUMNS,
    STATUSES,
    TRENDS,
    WISH_GROUP_COLUMNS,
    Survey,
)
from reportgen.text import slugify

OFFERED_CODES = ("ja", "lokal", "nej", "vet_ej")

SMALL_CATALOG_ROWS = [
    # insats_id, area, area_no, huvudgrupp_id, huvudgrupp, name, target
    ("ALD001", "äldre", "2", "2.1", "Boende", "Dagverksamhet", "person"),
    ("ALD002", "äldre", "2", "2.1", "Boende", "Hemtjänst", "person"),
    ("ALD003", "äldre", "2", "2.2", "Individ", "Samtalsstöd", "person"),
    ("ALD004", "äldre", "2", "2.2", "Individ", "Samtalsstöd", "anhoriga"),
    ("ALD005", "äldre", "2", "2.3", "Övrigt", "Larm", "person"),
    ("VNR001", "våld i nära relationer", "7", "7.1", "Boende", "Skyddat boende", "person"),
    ("VNR002", "våld i nära relationer", "7", "7.2", "Individ", "Behandling", "valdsutovare"),
    ("VNR003", "våld i nära relationer", "7", "7.2", "Individ", "Stödsamtal", "anhoriga"),
]


def catalog_from_rows(rows: list[tuple[str, ...]]) -> Catalog:
    frame = pd.DataFrame(
        [
            {
                "insats_id": r[0],
                "area": r[1],
                "area_no": r[2],
                "huvudgrupp_id": r[3],
                "huvudgrupp": r[4],
                "subheading": "",
                "name": r[5],
                "target": r[6],
            }
            for r in rows
        ]
    )
    return Catalog.from_frame(frame)


def register_from(counties: list[tuple[str, str]], units: list[tuple[str, str, str]]) -> Register:
    """counties: (code, name); units: (respondent_id, name, county_code)."""
    county_frame = pd.DataFrame(
        {
            "county_code": [c for c, _ in counties],
            "county": [n for _, n in counties],
            "slug": [slugify(n) for _, n in counties],
        }
    )
    unit_frame = pd.DataFrame(
        {
            "respondent_id": [u[0] for u in units],
            "name": [u[1] for u in units],
            "kind": "kommun",
            "county_code": [u[2] for u in units],
            "population": 1000,
        }
    )
    return Register.from_frames(county_frame, unit_frame)


def _blankable(values: tuple[str, ...]) -> st.SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(values))


@st.composite
def surveys(draw: st.DrawFn) -> Survey:
    """1–3 counties of 1–3 units each, the small catalog, every answer drawn (blanks too)."""
    catalog = catalog_from_rows(SMALL_CATALOG_ROWS)
    n_counties = draw(st.integers(1, 3))
    counties = [(f"{i + 1:02d}", f"Län {chr(65 + i)}") for i in range(n_counties)]
    units = []
    for code, _ in counties:
        for j in range(draw(st.integers(1, 3))):
            units.append((f"{code}{j:02d}", f"Kommun {code}-{j}", code))
    register = register_from(counties, units)
    responses, wish_groups, answers = [], [], []
    for rid, _, _ in units:
        for area in catalog.areas:
            if draw(st.booleans()):  # no row = ej påbörjad
                continue
            wish = draw(_blankable(("ja", "nej", "vet_ej")))
            responses.append((rid, area, draw(st.sampled_from(STATUSES)), draw(_blankable(("ja", "nej"))), wish))
            if wish == "ja":
                for gid in catalog.huvudgrupper(area)["huvudgrupp_id"]:
                    if draw(st.booleans()):
                        wish_groups.append((rid, area, gid))
        for insats_id, row in catalog.table.iterrows():
            offered = draw(_blankable(OFFERED_CODES))
            follow = offered in ("ja", "lokal")
            answers.append(
                (
                    rid,
                    insats_id,
                    offered,
                    draw(_blankable(CATEGORIES)) if follow else None,
                    draw(_blankable(CATEGORIES)) if follow else None,
                    draw(_blankable(CATEGORIES)) if follow else None,
                    draw(_blankable(INDIVIDUALS)) if follow else None,
                    draw(_blankable(TRENDS)) if follow else None,
                    row["area"],
                )
            )
    return Survey(
        catalog=catalog,
        register=register,
        responses=pd.DataFrame(responses, columns=RESPONSE_COLUMNS),
        wish_groups=pd.DataFrame(wish_groups, columns=WISH_GROUP_COLUMNS),
        answers=pd.DataFrame(answers, columns=[*ANSWER_COLUMNS, "area"]),
    )


def random_survey(seed: int = 0, catalog: Catalog | None = None, register: Register | None = None) -> Survey:
    """A full-size random survey (every unit × every insats) for benchmarks."""
    rng = np.random.default_rng(seed)
    catalog = catalog or Catalog.load()
    register = register or Register.load()
    unit_ids = register.units.index.to_numpy()
    areas = catalog.areas
    grid = pd.MultiIndex.from_product([unit_ids, areas], names=["respondent_id", "area"]).to_frame(index=False)
    grid["status"] = rng.choice(np.array(STATUSES, dtype=object), len(grid), p=[0.15, 0.25, 0.6])
    grid["further"] = rng.choice(np.array(["ja", "nej", None], dtype=object), len(grid))
    grid["wish"] = rng.choice(np.array(["ja", "nej", "vet_ej", None], dtype=object), len(grid))
    wish = []
    for area in areas:
        for gid in catalog.huvudgrupper(area)["huvudgrupp_id"]:
            chosen = grid[(grid["area"] == area) & (grid["wish"] == "ja") & (rng.random(len(grid)) < 0.5)]
            wish.append(pd.DataFrame({"respondent_id": chosen["respondent_id"], "area": area, "huvudgrupp_id": gid}))
    cells = pd.MultiIndex.from_product(
        [unit_ids, catalog.table.index.to_numpy()], names=["respondent_id", "insats_id"]
    ).to_frame(index=False)
    n = len(cells)
    offered = rng.choice(np.array([*OFFERED_CODES, None], dtype=object), n, p=[0.45, 0.05, 0.35, 0.05, 0.1])
    follow = np.isin(offered, ["ja", "lokal"])

    def follow_up(values: tuple[str, ...]) -> np.ndarray:
        drawn = rng.choice(np.array([*values, None], dtype=object), n)
        return np.where(follow, drawn, None)

    cells["offered"] = offered
    for column in ("beslut", "regi", "form"):
        cells[column] = follow_up(CATEGORIES)
    cells["individuals"] = follow_up(INDIVIDUALS)
    cells["trend"] = follow_up(TRENDS)
    cells["area"] = cells["insats_id"].map(catalog.table["area"])
    responses = grid.astype(object).where(grid.notna(), None)
    return Survey(
        catalog=catalog,
        register=register,
        responses=responses.astype("str"),
        wish_groups=pd.concat(wish, ignore_index=True),
        answers=cells.astype("str"),
    )
