from __future__ import annotations

import pytest

from reportgen.cli import main


def test_counties_lists_all_21_with_their_units(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["counties"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 21
    gotland = next(line for line in lines if "Gotlands län" in line)
    assert gotland.split() == ["09", "Gotlands", "län", "gotlands-lan", "1", "respondent", "unit"]
    # Stockholm's 13 city districts answer as units of their own (SPEC §3).
    assert next(line for line in lines if line.startswith("01 ")).endswith("respondent units")
