"""Skåne län of the demo data reproduces the Skåne deck (issue 7).

The acceptance test reads the Skåne seed text (or, without a copy at hand, the figures
extracted from it into data/calibration/skane.yaml), runs ``reportgen metrics --county
"Skåne län" --format json`` on the committed demo data and compares the six headline
figures per area and the ten most common (counts, and names ignoring spacing and
punctuation). The other tests check the generated survey directly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reportgen.cli import main
from reportgen.demo.allocate import percent
from reportgen.demo.names import name_key, same_name
from reportgen.demo.skane_seed import extract, find_seed
from reportgen.demo.targets import SkaneTargets, load_skane
from reportgen.survey import Survey
from tests.demo.conftest import headline, per_insats, ranked, round_half_up

SKANE = "12"

#: Printed Skåne figures the demo data cannot reproduce together with the rest, by area
#: and dimension → insats ids (docs/demo-data.md gives the reasons).
NOT_REPRODUCED = {
    # Printed with n = 25 / 22–23 answering a follow-up, but the ten most common table
    # shows them offered by only 22 and 21 municipalities.
    ("missbruk och beroende", "form"): {"MOB042", "MOB043"},
    ("missbruk och beroende", "regi"): {"MOB042", "MOB043"},
    ("missbruk och beroende", "beslut"): {"MOB042"},
    # Printed with n = 21 in the form table, but 21 offering would put it among the ten
    # most common, whose tenth is offered by 14.
    ("socialpsykiatri", "form"): {"SOC026"},
}


@pytest.fixture(scope="module")
def printed() -> dict:
    """The Skåne deck's figures: from the seed text when a copy is at hand."""
    seed = find_seed()
    if seed is not None:
        return extract(seed)["areas"]
    targets = load_skane()
    return {
        area: {
            **{k: getattr(t, k) for k in ("answered", "completed", "mean", "min", "max", "further_pct")},
            "top10": [{"name": r.name, "offered": r.offered, "answered": r.answered} for r in t.top10],
        }
        for area, t in targets.areas.items()
    }


@pytest.fixture(scope="module")
def skane_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("metrics") / "skane.json"
    assert main(["metrics", "--county", "Skåne län", "--format", "json", "--out", str(out)]) == 0
    return json.loads(Path(out).read_text(encoding="utf-8"))


def test_acceptance_headline_figures(printed: dict, skane_json: dict) -> None:
    for area, figures in printed.items():
        got = skane_json["areas"][area]
        assert got["answered"] == figures["answered"], area
        assert got["completed"] == figures["completed"], area
        assert round_half_up(got["offered_mean"]) == figures["mean"], area
        assert got["offered_min"] == figures["min"], area
        assert got["offered_max"] == figures["max"], area
        assert percent(got["further_yes"], got["further_answered"]) == figures["further_pct"], area
        assert got["minmax_from_completed"] == (figures["completed"] > 0), area


def test_acceptance_ten_most_common(printed: dict, skane_json: dict) -> None:
    for area, figures in printed.items():
        got = skane_json["areas"][area]["top10"]
        want = figures["top10"]
        assert [r["offered"] for r in got] == [r["offered"] for r in want], area
        # Rows of equal count and share may stand in any order in the deck; match names
        # within the table, each printed row to one computed row.
        left = list(got)
        for row in want:
            hit = next(
                (g for g in left if same_name(row["name"], g["insats"], area) and g["offered"] == row["offered"]),
                None,
            )
            assert hit is not None, f"{area}: {row['name']!r} not among {[g['insats'] for g in left]}"
            assert hit["answered"] == row["answered"], f"{area}: {row['name']}"
            left.remove(hit)


def test_skane_headline_direct(survey: Survey) -> None:
    units = survey.register.units_of(SKANE).index
    for area, target in load_skane().areas.items():
        h = headline(survey, area, units)
        assert (h["answered"], h["completed"], h["min"], h["max"]) == (
            target.answered,
            target.completed,
            target.min,
            target.max,
        ), area
        assert round_half_up(h["mean"]) == target.mean, area
        assert percent(h["further_yes"], h["further_answered"]) == target.further_pct, area
        resp = survey.responses[survey.responses["respondent_id"].isin(units) & (survey.responses["area"] == area)]
        assert resp["wish"].notna().sum() == target.wish_answered, area  # "100 % = N kommuner"


def test_skane_ten_most_and_least_common_direct(survey: Survey) -> None:
    table = per_insats(survey, survey.register.units_of(SKANE).index)
    for area, target in load_skane().areas.items():
        for most, rows in ((True, target.top10), (False, target.bottom10)):
            got = ranked(table, area, most=most)
            assert sorted(zip(got.index, got["offered"], got["answered"], strict=True)) == sorted(
                (r.insats_id, r.offered, r.answered) for r in rows
            ), (area, "most" if most else "least")


def test_skane_dimension_tables_and_totals(survey: Survey) -> None:
    """The top-5 tables (n and count per printed row) and the "100 % = N" totals."""
    table = per_insats(survey, survey.register.units_of(SKANE).index)
    targets: SkaneTargets = load_skane()
    for area, target in targets.areas.items():
        rows = table[table["area"] == area]
        for dim, dt in target.dimensions.items():
            skip = NOT_REPRODUCED.get((area, dim), set())
            if dt.total is not None:
                assert rows[f"{dim}_n"].sum() == dt.total, (area, dim)
            for category, printed_rows in dt.top5.items():
                col = rows[f"{dim}_{category}"]
                share = col / rows[f"{dim}_n"].where(rows[f"{dim}_n"] > 0)
                order = rows.assign(c=col, s=share).query("c > 0")
                order = order.sort_values(["c", "s", "order"], ascending=[False, False, True], kind="stable")
                top = order.head(5)
                want = {(r.insats_id, r.n, r.count) for r in printed_rows if r.insats_id not in skip}
                have = set(zip(top.index, top[f"{dim}_n"], top["c"], strict=True))
                assert want <= have, (area, dim, category, want - have)
                assert len(top) == len(printed_rows), (area, dim, category)


def test_skane_individuals_totals(survey: Survey) -> None:
    units = survey.register.units_of(SKANE).index
    answers = survey.answers[
        survey.answers["respondent_id"].isin(units) & survey.answers["offered"].isin(("ja", "lokal"))
    ]
    for area, target in load_skane().areas.items():
        part = answers[(answers["area"] == area) & answers["individuals"].notna()]
        for dim, dt in target.dimensions.items():
            counts = part.groupby(dim).size().to_dict()
            for category, n in dt.individuals_n.items():
                assert counts.get(category, 0) == n, (area, dim, category)


def test_name_key_used_by_the_acceptance_comparison() -> None:
    assert name_key("Hem för vård eller boende (HVB-hem)") != name_key("Hem för vård eller boende (HVB)")
    # The catalog prints the deck's "(HVB-hem)" (data/display_names.csv), no alias needed.
    assert same_name("Hem för vård eller boende (HVB-hem)", "Hem för vård eller boende (HVB-hem)", "barn och unga")
    assert same_name("Al-Anon-inspirerade stödprogram*", "Al-Anon-inspirerade stödprogram*", "missbruk och beroende")
