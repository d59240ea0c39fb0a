"""The wide writer works from any Survey, and `demo-data --layout wide` writes the demo
data as such exports (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

from reportgen.cli import main
from reportgen.io.load import check_survey
from reportgen.io.wide_match import NameIndex
from reportgen.io.write import write_survey
from reportgen.io.write_wide import area_export, write_wide
from reportgen.survey import Survey
from tests.wide.test_wide_load import TABLES, read
from tests.workbook.workbook_survey import make_survey


def small_survey() -> Survey:
    """The workbook tests' hand-made survey (formula-like names, a ** and a * insats, an
    insats nobody answered) with a wish for decisions-free insatser in one huvudgrupp."""
    survey = make_survey()
    responses = survey.responses.copy()
    responses.loc[0, "wish"] = "ja"
    wish_groups = pd.DataFrame({"respondent_id": ["1260"], "area": ["äldre"], "huvudgrupp_id": ["2.2"]})
    return Survey(survey.catalog, survey.register, responses, wish_groups, survey.answers, synthetic=False)


def test_any_survey_loads_the_same_from_both_layouts(tmp_path: Path):
    survey = small_survey()
    write_survey(survey, tmp_path / "long")
    written = write_wide(survey, tmp_path / "wide")
    assert [p.name for p in written] == ["enkatexport-aldre.csv", "enkatexport-vald-i-nara-relationer.csv"]
    kwargs = {"catalog": survey.catalog, "register": survey.register}
    long = check_survey(tmp_path / "long", **kwargs)
    wide = check_survey(tmp_path / "wide", **kwargs)
    assert not wide.errors, [str(p) for p in wide.errors]
    for name in TABLES:
        pdt.assert_frame_equal(getattr(wide.survey, name), getattr(long.survey, name), obj=name)
    assert list(wide.survey.wish_groups.itertuples(index=False, name=None)) == [("1260", "äldre", "2.2")]
    assert not wide.survey.synthetic and not (tmp_path / "wide" / "SYNTHETIC").exists()


def test_typed_headers_differ_in_three_places_and_place_back(long_survey: Survey):
    names = NameIndex(long_survey.catalog)
    plain = area_export(long_survey, "barn och unga")
    typed = area_export(long_survey, "barn och unga", names)
    changed = [(a, b) for a, b in zip(plain.columns, typed.columns, strict=True) if a != b]
    assert len(changed) == 3
    assert any(b.split(" - ")[0].endswith("…") for _, b in changed)  # one shortened name
    pdt.assert_frame_equal(plain.set_axis(typed.columns, axis=1), typed)  # same cells


def test_a_unit_with_answers_but_no_status_cannot_be_written(tmp_path: Path):
    survey = small_survey()
    responses = survey.responses[survey.responses["respondent_id"] != "1277"]
    broken = Survey(survey.catalog, survey.register, responses, survey.wish_groups, survey.answers)
    with pytest.raises(ValueError, match="status row"):
        write_wide(broken, tmp_path)


def test_demo_data_wide_layout(tmp_path: Path, wide_demo: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "demo"
    out.mkdir()
    (out / "enkatexport-gammal.csv").write_text("stale", encoding="utf-8")
    assert main(["demo-data", "--layout", "wide", "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"wrote 7 files to {out}")
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in wide_demo.iterdir())
    # The generator's survey written wide is the bundled demo data written wide, byte for byte.
    for path in wide_demo.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    frame = read(out / "enkatexport-aldre.csv")
    # Made-up personal data: IP addresses of the documentation range, none for non-starters.
    started = frame["Status"] != "Ej startad"
    assert frame.loc[started, "IP-adress"].str.startswith("192.0.2.").all()
    assert set(frame.loc[~started, "IP-adress"]) == {""}
