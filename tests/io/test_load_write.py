"""write_survey ↔ load_survey: round trip, layout, determinism, speed, synthetic flag, errors."""

from __future__ import annotations

import gzip
import time

import numpy as np
import pandas as pd
import pytest

from reportgen.errors import ValidationError
from reportgen.io.load import SYNTHETIC_MARKER, check_survey, load_survey
from reportgen.io.write import write_survey
from reportgen.survey import Survey


def random_survey(catalog, register, *, units: int | None = None, seed: int = 7) -> Survey:
    """Every unit × area and unit × insats, answers drawn at random (blanks included)."""
    rng = np.random.default_rng(seed)
    ids = list(register.units["respondent_id"])[:units]
    responses = pd.DataFrame([(u, a) for u in ids for a in catalog.areas], columns=["respondent_id", "area"])
    n = len(responses)
    responses["status"] = rng.choice(["ej_paborjad", "paborjad", "slutford"], n)
    responses["further"] = rng.choice(np.array(["ja", "nej", None], dtype=object), n)
    responses["wish"] = rng.choice(np.array(["ja", "nej", "vet_ej", None], dtype=object), n)
    chosen = responses[responses["wish"] == "ja"][["respondent_id", "area"]]
    groups = chosen.merge(catalog.table[["area", "huvudgrupp_id"]].drop_duplicates(), on="area")
    groups = groups[rng.random(len(groups)) < 0.5]
    insatser = catalog.table["insats_id"]
    answers = pd.DataFrame([(u, i) for u in ids for i in insatser], columns=["respondent_id", "insats_id"])
    answers["area"] = answers["insats_id"].map(catalog.table["area"])
    m = len(answers)
    answers["offered"] = rng.choice(np.array(["ja", "lokal", "nej", "vet_ej", None], dtype=object), m)
    offered = answers["offered"].isin(["ja", "lokal"])
    for column, codes in [
        ("beslut", ["A", "AB", "B", None]),
        ("regi", ["A", "AB", "B", None]),
        ("form", ["A", "AB", "B", None]),
        ("individuals", ["1-20", "21-100", "101-500", "500+", "vet_ej", None]),
        ("trend", ["okat", "oforandrat", "minskat", "vet_ej", None]),
    ]:
        answers[column] = pd.Series(rng.choice(np.array(codes, dtype=object), m)).where(offered)
    return Survey(
        catalog,
        register,
        responses.astype("str"),
        groups[["respondent_id", "area", "huvudgrupp_id"]].reset_index(drop=True).astype("str"),
        answers.astype("str"),
    )


def assert_same_tables(a: Survey, b: Survey) -> None:
    """Equal as sets of rows (NaN compared as NaN), with no row twice and the same columns."""
    for name in ("responses", "wish_groups", "answers"):
        left, right = getattr(a, name), getattr(b, name)
        assert sorted(left.columns) == sorted(right.columns), name
        rows = [set(map(tuple, t[list(left.columns)].fillna("<NA>").values.tolist())) for t in (left, right)]
        assert len(rows[0]) == len(left) and len(rows[1]) == len(right), f"{name} has a row twice"
        assert rows[0] == rows[1], name


def test_round_trip_of_a_national_sized_survey_is_equal_and_fast(tmp_path, catalog, register):
    survey = random_survey(catalog, register)
    assert len(survey.answers) == 302 * 409
    written = write_survey(survey, tmp_path)
    assert [p.name for p in written] == [
        "omradessvar.csv",
        "insatssvar-aldre.csv.gz",
        "insatssvar-barn-och-unga.csv.gz",
        "insatssvar-funktionshinder.csv.gz",
        "insatssvar-missbruk-och-beroende.csv.gz",
        "insatssvar-socialpsykiatri.csv.gz",
        "insatssvar-vald-i-nara-relationer.csv.gz",
    ]
    start = time.perf_counter()
    loaded = load_survey(tmp_path, catalog=catalog, register=register)
    elapsed = time.perf_counter() - start
    assert loaded.warnings == ()
    assert_same_tables(survey, loaded.survey)
    # Sorted by respondent, then catalog order, as metrics expect.
    order = loaded.survey.answers["insats_id"].map(catalog.table["order"])
    keys = list(zip(loaded.survey.answers["respondent_id"], order, strict=True))
    assert keys == sorted(keys)
    # About 1 s on an idle 2-core machine (2.5 s while 8 others build); the bound catches a
    # per-row Python loop, which takes minutes, without failing on a busy CI.
    assert elapsed < 6, f"loading 123 518 answers took {elapsed:.1f} s"


def test_written_layout_uses_canonical_swedish_text_and_is_repeatable(tmp_path, catalog, register):
    survey = random_survey(catalog, register, units=3)
    first = write_survey(survey, tmp_path / "a", split_by_area=False)
    second = write_survey(survey, tmp_path / "b", split_by_area=False)
    assert [p.name for p in first] == ["omradessvar.csv", "insatssvar.csv.gz"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    area_lines = first[0].read_text(encoding="utf-8").splitlines()
    assert area_lines[0] == (
        "kommunkod;kommun;område;status;ytterligare_insatser;vill_ge_utan_beslut;huvudgrupper_utan_beslut"
    )
    insats_text = gzip.decompress(first[1].read_bytes()).decode("utf-8")
    assert insats_text.splitlines()[0] == (
        "kommunkod;kommun;område;insats_id;insats;erbjuden;beslut;regi;form;individer;utveckling"
    )
    assert "Ja, en lokal variant" in insats_text and "Fler än 500" in insats_text and "1–20" in insats_text
    assert not list(tmp_path.glob("*/*.tmp"))
    assert_same_tables(survey, load_survey(tmp_path / "a", catalog=catalog, register=register).survey)


def test_synthetic_marker_and_single_file(tmp_path, catalog, register):
    survey = random_survey(catalog, register, units=2)
    written = write_survey(survey, tmp_path)
    assert load_survey(tmp_path, catalog=catalog, register=register).survey.synthetic is False
    (tmp_path / SYNTHETIC_MARKER).write_text("made by the demo-data generator\n")
    assert load_survey(tmp_path, catalog=catalog, register=register).survey.synthetic is True
    single = load_survey(written[0], catalog=catalog, register=register).survey
    assert single.answers.empty and len(single.responses) == 2 * 6


def test_load_raises_with_every_problem(tmp_path, write_csv, catalog, register):
    write_csv(
        tmp_path / "svar.csv",
        [
            ["kommunkod", "insats_id", "erbjuden"],
            ["9999", "ALD004", "Ja"],
            ["1280", "ADL004", "Ja"],
            ["1280", "ald 5", "Ja"],
            ["1280", "ALD006", "X"],
        ],
    )
    with pytest.raises(ValidationError) as caught:
        load_survey(tmp_path, catalog=catalog, register=register)
    errors = [p for p in caught.value.problems if p.severity == "error"]
    assert [(p.row, p.column) for p in errors] == [(2, "kommunkod"), (3, "insats_id"), (5, "erbjuden")]
    assert "did you mean ALD004" in errors[1].message, errors[1].message
    # 1 warning about the areas, 5 about the follow-up columns the file leaves out.
    assert str(caught.value).startswith("3 error(s) and 6 warning(s) in the answer files:")


def test_missing_demo_data_is_a_clear_problem(tmp_path, catalog, register):
    checked = check_survey(None, catalog=catalog, register=register, demo_dir=tmp_path / "demo")
    [problem] = checked.problems
    assert checked.survey is None and "demo data is missing" in problem.message


def test_rewriting_a_folder_leaves_no_stale_files_and_keeps_the_synthetic_flag(tmp_path, catalog, register):
    survey = random_survey(catalog, register, units=2)
    write_survey(survey, tmp_path)
    (tmp_path / "notes.txt").write_text("kept")
    synthetic = Survey(catalog, register, survey.responses, survey.wish_groups, survey.answers, synthetic=True)
    written = write_survey(synthetic, tmp_path, split_by_area=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "SYNTHETIC",
        "insatssvar.csv.gz",
        "notes.txt",
        "omradessvar.csv",
    ]
    assert written[-1].name == "SYNTHETIC"
    loaded = load_survey(tmp_path, catalog=catalog, register=register).survey
    assert loaded.synthetic is True
    assert_same_tables(survey, loaded)
    write_survey(survey, tmp_path)
    assert not (tmp_path / "SYNTHETIC").exists()
