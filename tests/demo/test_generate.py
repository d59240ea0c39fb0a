"""The generator is deterministic, the committed demo data is its current output, and the
``demo-data`` command writes it (SPEC §9)."""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from reportgen.cli import main
from reportgen.demo.generate import DEFAULT_SEED, build
from reportgen.paths import DEMO_DIR
from reportgen.survey import Survey


def _text(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    assert main(["demo-data", "--seed", str(DEFAULT_SEED), "--out", str(out)]) == 0
    return out


def test_committed_demo_data_is_the_generator_output(written: Path) -> None:
    names = sorted(p.name for p in written.iterdir())
    assert names == sorted(p.name for p in DEMO_DIR.iterdir()), "regenerate with: reportgen demo-data"
    assert "SYNTHETIC" in names
    for name in names:
        assert _text(written / name) == _text(DEMO_DIR / name), f"{name} differs; regenerate with: reportgen demo-data"


def test_same_seed_same_survey_other_seed_other_survey(survey: Survey) -> None:
    again = build(DEFAULT_SEED).survey
    pd.testing.assert_frame_equal(survey.responses, again.responses)
    pd.testing.assert_frame_equal(survey.answers, again.answers)
    pd.testing.assert_frame_equal(survey.wish_groups, again.wish_groups)
    other = build(DEFAULT_SEED + 1).survey
    assert not survey.answers.equals(other.answers)


def test_demo_data_command_rejects_a_file_as_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    assert main(["demo-data", "--out", str(target)]) == 2
    assert "is a file" in capsys.readouterr().err
