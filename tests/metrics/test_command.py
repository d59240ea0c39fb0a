"""``reportgen metrics`` end to end on a small random answer set written as answer files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reportgen.catalog import Catalog
from reportgen.cli import main
from reportgen.io.write import write_survey
from reportgen.register import Register
from reportgen.survey import Survey

from .strategies import random_survey

APPENDIX_HEADER = (
    "area,huvudgrupp,insats_id,insats,given,given_pct,digital,digital_pct,private,private_pct,"
    "without_decision,without_decision_pct"
)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Answers of the units of Gotland and Uppsala län only (the rest: ej påbörjad)."""
    full = Register.load()
    units = full.units[full.units["county_code"].isin(["03", "09"])].reset_index(drop=True)
    survey = random_survey(7, Catalog.load(), Register.from_frames(full.counties, units))
    folder = tmp_path_factory.mktemp("answers")
    write_survey(Survey(survey.catalog, full, survey.responses, survey.wish_groups, survey.answers), folder)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["metrics", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape(capsys, data_dir):
    code, out, _ = run(capsys, "--county", "Gotlands län", "--format", "json", "--data", str(data_dir))
    assert code == 0
    payload = json.loads(out)
    assert payload["county"] == "Gotlands län"
    assert list(payload["areas"]) == Catalog.load().areas
    area = payload["areas"]["äldre"]
    assert area["respondents"] == 1 and area["catalog_size"] == 75
    for key in ("answered", "completed", "offered_min", "offered_max"):
        assert area[key] is None or isinstance(area[key], int)
    assert area["offered_mean"] is None or isinstance(area["offered_mean"], float | int)
    assert area["further_share"] is None or 0 <= area["further_share"] <= 1
    if area["top10"]:
        assert set(area["top10"][0]) == {"insats", "insats_id", "offered", "answered", "share"}
    assert set(area["dimensions"]) == {"form", "regi", "beslut"}
    assert "ä" in out  # ensure_ascii=False


def test_national_appendix_csv(capsys, data_dir):
    code, out, _ = run(capsys, "--national", "--table", "appendix", "--format", "csv", "--data", str(data_dir))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == APPENDIX_HEADER
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["insats_id"] for r in rows] == list(Catalog.load().table.index)
    assert {r["area"] for r in rows} == set(Catalog.load().areas)
    assert all(r["given_pct"] == "" or r["given_pct"].isdigit() for r in rows)


def test_county_appendix_for_one_area_to_file(capsys, data_dir, tmp_path):
    target = tmp_path / "appendix.csv"
    argv = ["--county", "03", "--area", "Socialpsykiatri", "--table", "appendix", "--format", "csv"]
    code, out, _ = run(capsys, *argv, "--out", str(target), "--data", str(data_dir))
    assert (code, out) == (0, "")
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 53 and {r["area"] for r in rows} == {"socialpsykiatri"}
    assert [p.name for p in tmp_path.iterdir()] == ["appendix.csv"]


def test_summary_csv(capsys, data_dir):
    code, out, _ = run(capsys, "--county", "uppsala", "--format", "csv", "--data", str(data_dir))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["area"] for r in rows] == Catalog.load().areas
    assert all(r["respondents"] == "8" for r in rows)


def test_unknown_county_exits_2(capsys, data_dir):
    code, _, err = run(capsys, "--county", "Atlantis", "--data", str(data_dir))
    assert code == 2 and "Atlantis" in err


def test_municipality_profile_json(capsys, data_dir):
    """--municipality prints the figures of one unit's profile; its county shares are the
    shares of --table insatser, for the same insatser."""
    code, out, _ = run(capsys, "--county", "uppsala", "--municipality", "enkoping", "--area", "äldre",
                       "--data", str(data_dir))  # fmt: skip
    assert code == 0
    payload = json.loads(out)
    assert (payload["respondent_id"], payload["name"], list(payload["areas"])) == ("0381", "Enköping", ["äldre"])
    area = payload["areas"]["äldre"]
    _, table, _ = run(capsys, "--county", "uppsala", "--table", "insatser", "--format", "csv", "--data", str(data_dir))
    shares = {r["insats_id"]: float(r["share"]) for r in csv.DictReader(io.StringIO(table)) if r["share"]}
    listed = area["offered_insatser"] + area["not_offered_common"]
    assert listed and all(i["county_share"] == pytest.approx(shares[i["insats_id"]], abs=1e-4) for i in listed)
    if area["offered"] is not None:
        assert len(area["offered_insatser"]) == area["offered"]


def test_municipality_errors(capsys, data_dir):
    code, _, err = run(capsys, "--county", "uppsala", "--municipality", "Enkopping", "--data", str(data_dir))
    assert code == 2 and "No municipality of Uppsala län matches 'Enkopping'. Did you mean 'Enköping'?" in err
    code, _, err = run(capsys, "--national", "--municipality", "Enköping", "--data", str(data_dir))
    assert code == 2 and "--municipality needs --county" in err
