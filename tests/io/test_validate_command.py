"""``reportgen validate`` through the real CLI entry point: output and exit codes."""

from __future__ import annotations

import pytest

from reportgen.cli import main
from reportgen.io.read import answer_files
from reportgen.paths import DEMO_DIR

# Every optional column is present (blank where not needed): a missing one is a warning.
HEADER = ["kommunkod", "kommun", "område", "insats", "erbjuden", "regi", "beslut", "form", "individer", "utveckling"]
AREA_HEADER = ["kommunkod", "område", "status", "ytterligare_insatser", "vill_ge_utan_beslut", "huvudgrupper"]


def full(rows: list[list[str]], header: list[str] = HEADER) -> list[list[str]]:
    """The header and the rows, each padded with blank cells to the header's width."""
    return [header, *(row + [""] * (len(header) - len(row)) for row in rows)]


@pytest.fixture
def answers(tmp_path, write_csv):
    write_csv(
        tmp_path / "omradessvar.csv", full([["1280", "äldre", "Slutförd"], ["1281", "äldre", "Påbörjad"]], AREA_HEADER)
    )
    return tmp_path


def test_three_different_errors_are_all_reported_with_exit_2(answers, write_csv, capsys):
    write_csv(
        answers / "insatssvar.csv",
        full(
            [
                ["1280", "Malmö", "äldre", "Hemtjänst", "Ja", ""],
                ["1280", "Malmö", "äldre", "Dagverksamhet anpasad för personer med demenssjukdom", "Ja", ""],
                ["1281", "Lund", "äldre", "Hemtjänst", "Kanske", ""],
                ["1280", "Malmö", "äldre", "Hemtjänst", "Nej", ""],
            ]
        ),
        encoding="cp1252",
    )
    code = main(["validate", "--data", str(answers)])
    out = capsys.readouterr().out
    assert code == 2
    assert out.startswith("3 error(s) and 0 warning(s) in the answer files:")
    assert (
        "insatssvar.csv, row 3, column 'insats': found 'Dagverksamhet anpasad för personer med demenssjukdom': "
        "unknown insats in 'äldre'; did you mean 'Dagverksamhet anpassad för personer med demenssjukdom'"
    ) in out
    assert "insatssvar.csv, row 4, column 'erbjuden': found 'Kanske': allowed: Ja, Ja, en lokal variant" in out
    assert "insatssvar.csv, row 5: insats ALD004 for Malmö (1280) is given again with different answers" in out
    assert "Traceback" not in out


def test_clean_data_exits_0_with_a_summary(answers, write_csv, capsys):
    write_csv(answers / "insatssvar.csv", full([["1280", "Malmö", "äldre", "Hemtjänst", "Ja", "Enbart kommunal"]]))
    assert main(["validate", "--data", str(answers)]) == 0
    assert capsys.readouterr().out == "OK: 2 respondent units, 1 area, 1 answer\n"


def test_warnings_fail_only_with_strict(answers, write_csv, capsys):
    write_csv(answers / "insatssvar.csv", full([["1280", "Malmö", "äldre", "Hemtjänst", "Nej", "Enbart kommunal"]]))
    assert main(["validate", "--data", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "0 error(s) and 1 warning(s)" in out and "OK with 1 warning(s)" in out
    assert main(["validate", "--data", str(answers), "--strict"]) == 1


def test_many_rows_with_the_same_problem_print_as_one_line(answers, write_csv, capsys):
    rows = [["1280", "Malmö", "äldre", name, "Jo", ""] for name in ["Hemtjänst", "Dagverksamhet", "Hjälp vid måltid"]]
    write_csv(answers / "insatssvar.csv", full(rows))
    assert main(["validate", "--data", str(answers)]) == 2
    out = capsys.readouterr().out
    assert "insatssvar.csv, rows 2, 3, 4, column 'erbjuden': found 'Jo'" in out


def test_unreadable_path_is_reported_without_traceback(tmp_path, capsys):
    assert main(["validate", "--data", str(tmp_path / "missing")]) == 2
    captured = capsys.readouterr()
    assert "no such file or folder" in captured.out and "Traceback" not in captured.err


@pytest.mark.skipif(not (DEMO_DIR.is_dir() and answer_files(DEMO_DIR)), reason="demo data not generated yet")
def test_demo_data_has_no_problem(capsys):
    assert main(["validate", "--strict"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ") and "(synthetic demo data)" in out


def test_a_missing_optional_column_is_named_with_what_the_deck_shows(tmp_path, write_csv, capsys):
    """Issue 14 item 7: a left-out column must not blank its answers without a word."""
    area = [h for h in AREA_HEADER if h != "ytterligare_insatser"]
    write_csv(tmp_path / "omradessvar.csv", full([["1280", "äldre", "Slutförd"]], area))
    write_csv(tmp_path / "insatssvar.csv", full([["1280", "Malmö", "äldre", "Hemtjänst", "Ja", "Enbart kommunal"]]))
    assert main(["validate", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "0 error(s) and 1 warning(s)" in out
    assert (
        "omradessvar.csv, row 1, column 'ytterligare_insatser': optional column missing, so every answer to it "
        "is blank: the share giving further insatser shows as '–' (nobody answered)"
    ) in out


@pytest.mark.skipif(not (DEMO_DIR.is_dir() and answer_files(DEMO_DIR)), reason="demo data not generated yet")
def test_a_truncated_area_file_stops_the_build_naming_it(tmp_path, capsys):
    """Issue 14 item 7: a 0-byte insatssvar-barn-och-unga.csv.gz used to vanish with exit 0."""
    data = tmp_path / "svar"
    data.mkdir()
    for file in answer_files(DEMO_DIR):
        (data / file.name).write_bytes(file.read_bytes())
    (data / "insatssvar-barn-och-unga.csv.gz").write_bytes(b"")
    out = tmp_path / "output"
    assert main(["build", "--county", "skane", "--data", str(data), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    message = captured.out + captured.err
    assert "insatssvar-barn-och-unga.csv.gz: the file is empty (0 bytes)" in message
    assert "Traceback" not in message
    assert not out.exists() or not any(out.rglob("*.pptx"))
