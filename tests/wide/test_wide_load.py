"""Wide exports load to the same Survey as the long layout, whatever the column order,
format and the typos in headers; what cannot be placed is reported by header (issue 21)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest
import xlsxwriter

from reportgen.cli import main
from reportgen.io.load import check_survey
from reportgen.survey import Survey
from tests.wide.conftest import area_file

TABLES = ("responses", "wish_groups", "answers")


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)


def write(frame: pd.DataFrame, path: Path) -> None:
    frame.to_csv(path, sep=";", index=False, lineterminator="\n")


def assert_same_survey(survey: Survey | None, expected: Survey) -> None:
    assert survey is not None
    for name in TABLES:
        pdt.assert_frame_equal(getattr(survey, name), getattr(expected, name), obj=name)


def messages(checked) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(p) for p in checked.problems]


def test_wide_demo_gives_the_same_survey(wide_demo: Path, long_survey: Survey):
    checked = check_survey(wide_demo)
    assert not checked.errors, messages(checked)
    assert_same_survey(checked.survey, long_survey)
    assert checked.survey.synthetic
    # The demo's typos are read and named: three per area file, each as a warning on its header.
    typos = [p for p in checked.warnings if p.message.startswith("read as ")]
    assert len(typos) == 18
    assert all(p.row == 1 and p.column for p in typos)


def test_six_files_with_question_texts_and_tool_columns(wide_demo: Path, long_survey: Survey):
    files = sorted(p.name for p in wide_demo.iterdir())
    assert files == sorted(
        [
            "SYNTHETIC",
            "enkatexport-aldre.csv",
            "enkatexport-barn-och-unga.csv",
            "enkatexport-funktionshinder.csv",
            "enkatexport-missbruk-och-beroende.csv",
            "enkatexport-socialpsykiatri.csv",
            "enkatexport-vald-i-nara-relationer.csv",
        ]
    )
    frame = read(area_file(wide_demo, "äldre"))
    assert len(frame) == (long_survey.responses["area"] == "äldre").sum() == 302
    assert list(frame.columns[:10]) == [
        "Svars-ID",
        "Starttid",
        "Sluttid",
        "Status",
        "Namn",
        "E-post",
        "IP-adress",
        "Övriga kommentarer",
        "Kommunkod",
        "Kommun",
    ]
    # 75 insatser × 6 questions, 4 huvudgrupp ticks, 2 area questions, 10 tool and unit columns.
    assert frame.shape[1] == 75 * 6 + 4 + 2 + 10
    assert "Dagverksamhet - I vilken regi ges insatsen?" in frame.columns
    assert set(frame["Status"]) == {"Fullständig", "Ofullständig", "Ej startad"}


def test_shuffled_misspelt_extra_column_and_xlsx_still_load(wide_copy: Path, long_survey: Survey):
    path = area_file(wide_copy, "äldre")
    frame = read(path)
    typo = "Tilsyn - I vilken form ges insatsen (fysisk/digital)?"
    spaced = "har ni erbjudit insatsen under 2016-2020 ? -  HEMTJÄNST"
    frame = frame.rename(
        columns={
            "Tillsyn - I vilken form ges insatsen (fysisk/digital)?": typo,
            "Har ni erbjudit insatsen under 2016–2020? - Hemtjänst": spaced,
        }
    )
    frame["Enhetens diarienummer"] = "Dnr 2021/17"
    frame = frame.sample(frac=1.0, axis=1, random_state=7)
    workbook = xlsxwriter.Workbook(str(path.with_suffix(".xlsx")))
    sheet = workbook.add_worksheet("Svar")
    sheet.write_row(0, 0, list(frame.columns))
    for row, values in enumerate(frame.itertuples(index=False), start=1):
        sheet.write_row(row, 0, [v if v != "" else None for v in values])
    workbook.close()
    path.unlink()

    checked = check_survey(wide_copy)
    assert not checked.errors, messages(checked)
    assert_same_survey(checked.survey, long_survey)
    by_column = {p.column: p for p in checked.warnings if p.file == "enkatexport-aldre.xlsx [Svar]"}
    assert by_column[typo].message.startswith("read as ALD016 'Tillsyn', question form")
    assert by_column["Enhetens diarienummer"].message.startswith("unknown column, ignored")
    # Case, spacing and dash kind are not typos: that header is read without a word.
    assert spaced not in by_column


def test_an_ambiguous_header_is_an_error_listing_the_candidates(wide_copy: Path):
    path = area_file(wide_copy, "funktionshinder")
    frame = read(path)
    old = "Särskilt boende, gruppboendestöd barn - I vilken regi ges insatsen?"
    assert old in frame.columns
    write(frame.rename(columns={old: "Särskilt boende, gruppboendestöd… - I vilken regi ges insatsen?"}), path)
    checked = check_survey(path)  # the changed file alone
    assert checked.survey is None
    [problem] = [p for p in checked.errors if p.file == path.name]
    assert problem.column == "Särskilt boende, gruppboendestöd… - I vilken regi ges insatsen?"
    assert "ambiguous header" in problem.message
    assert "FUN005 'Särskilt boende, gruppboendestöd barn'" in problem.message
    assert "FUN006 'Särskilt boende, gruppboendestöd vuxna'" in problem.message


def test_a_target_group_the_area_lacks_is_ambiguous(wide_copy: Path):
    path = area_file(wide_copy, "våld i nära relationer")
    frame = read(path)
    old = "Kognitiv beteendeterapi (KBT) - I vilken regi ges insatsen?"
    write(
        frame.rename(columns={old: "Kognitiv beteendeterapi (KBT) (till anhöriga) - I vilken regi ges insatsen?"}), path
    )
    checked = check_survey(path)  # the changed file alone
    [problem] = [p for p in checked.errors if p.file == path.name]
    assert "several target groups" in problem.message
    assert "VNR019" in problem.message and "VNR034" in problem.message


def test_two_headers_for_one_question_are_an_error(wide_copy: Path):
    path = area_file(wide_copy, "socialpsykiatri")
    frame = read(path)
    frame["Boendestöd - regi"] = ""
    write(frame, path)
    checked = check_survey(path)  # the changed file alone
    [problem] = [p for p in checked.errors if p.file == path.name]
    assert problem.column == "Boendestöd - regi"
    assert "also in column 'Boendestöd - I vilken regi ges insatsen?'" in problem.message


def test_values_are_reported_by_header_row_and_value(wide_copy: Path):
    path = area_file(wide_copy, "äldre")
    frame = read(path)
    frame.loc[3, "Dagverksamhet - I vilken regi ges insatsen?"] = "Privat"
    frame.loc[4, "Status"] = "Avbruten"
    frame.loc[5, "Inom vilka huvudgrupper skulle ni vilja ge insatser utan biståndsbeslut? - Övriga insatser"] = (
        "Kanske"
    )
    write(frame, path)
    checked = check_survey(path)  # the changed file alone
    errors = {(p.row, p.column): p for p in checked.errors}
    regi = errors[(5, "Dagverksamhet - I vilken regi ges insatsen?")]
    assert regi.value == "Privat"
    assert regi.message.startswith("allowed: Enbart kommunal, Både kommunal och enskild, Enbart enskild")
    status = errors[(6, "Status")]
    assert status.value == "Avbruten"
    assert "Fullständig" in status.message and "Slutförd" in status.message
    tick = errors[(7, "Inom vilka huvudgrupper skulle ni vilja ge insatser utan biståndsbeslut? - Övriga insatser")]
    assert tick.value == "Kanske"
    assert len(checked.errors) == 3


def test_follow_ups_on_an_insats_not_offered_warn_on_the_offered_header(wide_copy: Path):
    path = area_file(wide_copy, "äldre")
    frame = read(path)
    offered = "Har ni erbjudit insatsen under 2016–2020? - Dagverksamhet"
    row = frame.index[frame[offered] == "Nej"][0]
    frame.loc[row, "Dagverksamhet - I vilken regi ges insatsen?"] = "Enbart kommunal"
    write(frame, path)
    checked = check_survey(path)  # the changed file alone
    assert checked.survey is not None
    [warning] = [p for p in checked.warnings if p.column == offered]
    assert warning.row == row + 2 and warning.value == "Nej"
    assert "they are ignored" in warning.message


def test_validate_command_prints_headers_and_exits_2(wide_copy: Path, capsys: pytest.CaptureFixture[str]):
    path = area_file(wide_copy, "äldre")
    frame = read(path)
    frame.loc[0, "Kommunkod"] = "9999"
    write(frame, path)
    assert main(["validate", "--data", str(path)]) == 2
    out = capsys.readouterr().out
    assert "error: enkatexport-aldre.csv, row 2, column 'Kommunkod': found '9999': no kommun or stadsdelsområde" in out
    # Reported once for the row, not once per insats of the row.
    assert out.count("found '9999'") == 1


def test_a_question_missing_from_the_export_is_a_warning(wide_copy: Path):
    path = area_file(wide_copy, "äldre")
    frame = read(path)
    form = [c for c in frame.columns if "I vilken form ges insatsen" in c]
    further = "Ger ni ytterligare insatser utöver dem som listas i enkäten?"
    write(frame.drop(columns=[*form, further]), path)
    checked = check_survey(path)
    assert checked.survey is not None
    missing = {p.column: p.message for p in checked.warnings if "no column for this question" in p.message}
    assert set(missing) == {"form", "ytterligare_insatser"}
    assert missing["form"].endswith("the form slides say that no municipality answered the follow-up")
