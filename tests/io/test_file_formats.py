"""Whole loads from the file kinds real exports come in (SPEC §4): the same answers as
`;` Windows-1252, `,` UTF-8 with BOM, and a workbook give the same Survey."""

from __future__ import annotations

import gzip

import openpyxl
import pandas as pd

from reportgen.io.load import load_survey
from reportgen.io.validate import check as validate

AREA = [
    ["Kommunkod", "Kommun", "Område", "Status", "Vill ge utan beslut", "Huvudgrupper utan beslut"],
    ["1280", "Malmö", "Våld i nära relationer", "Slutförd", "Ja", "7.1"],
    ["0117", "Österåker", "äldre", "Påbörjad", "Vet ej", ""],
]
INSATS = [
    ["Kommun", "Område", "Insats", "Erbjuden", "Form", "Individer", "Utveckling"],
    [
        "Malmö",
        "våld i nära relationer",
        "Korttidsboende, korttidsplats **",
        "Ja",
        "Både fysisk och digital",
        "Fler än 500",
        "Oförändrat",
    ],
    ["Österåker", "Äldre", "Förebyggande hembesök hos äldre", "Ja, en lokal variant", "", "1–20", "Ökat"],
]


def expected_answers() -> list[list[str]]:
    return [
        ["0117", "ALD010", "äldre", "lokal", "-", "-", "-", "1-20", "okat"],
        ["1280", "VNR012", "våld i nära relationer", "ja", "-", "-", "AB", "500+", "oforandrat"],
    ]


def check(folder, catalog, register):
    result = load_survey(folder, catalog=catalog, register=register)
    # Only the optional columns these files leave out are mentioned (issue 14 item 7).
    assert sorted(w.column for w in result.warnings) == ["beslut", "regi", "ytterligare_insatser"]
    survey = result.survey
    assert survey.answers.fillna("-").values.tolist() == expected_answers()
    assert survey.responses[["respondent_id", "area", "status", "wish"]].values.tolist() == [
        ["0117", "äldre", "paborjad", "vet_ej"],
        ["1280", "våld i nära relationer", "slutford", "ja"],
    ]
    assert survey.wish_groups.values.tolist() == [["1280", "våld i nära relationer", "7.1"]]
    return survey


def test_semicolon_windows_1252(tmp_path, write_csv, catalog, register):
    write_csv(tmp_path / "områden.csv", AREA, sep=";", encoding="cp1252")
    write_csv(tmp_path / "insatser.csv", INSATS, sep=";", encoding="cp1252")
    assert "Malmö".encode("cp1252") in (tmp_path / "områden.csv").read_bytes()
    check(tmp_path, catalog, register)


def test_comma_utf8_with_bom(tmp_path, catalog, register):
    def quoted(rows):
        return "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows) + "\n"

    (tmp_path / "a.csv").write_text(quoted(AREA), encoding="utf-8-sig")
    (tmp_path / "b.csv").write_text(quoted(INSATS), encoding="utf-8-sig")
    check(tmp_path, catalog, register)


def test_workbook_with_a_sheet_per_kind_and_numeric_codes(tmp_path, catalog, register):
    book = openpyxl.Workbook()
    areas = book.active
    areas.title = "Områden"
    for row in AREA:
        areas.append([int(c) if c.isdigit() else (float(c) if c == "7.1" else c) for c in row])
    insatser = book.create_sheet("Insatser")
    for row in INSATS:
        insatser.append(row)
    book.save(tmp_path / "svar.xlsx")
    survey = check(tmp_path, catalog, register)
    assert isinstance(survey.answers, pd.DataFrame)


def test_workbook_problems_name_sheet_and_excel_row(tmp_path, catalog, register):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Insatser"
    sheet.append(["Rapport från enkätverktyget"])
    sheet.append([])
    sheet.append(["kommunkod", "insats_id", "erbjuden"])
    sheet.append([1280, "ALD004", "Ja"])
    sheet.append([1280, "ALD005", "Jepp"])
    book.save(tmp_path / "svar.xlsx")
    problems = [p for p in validate(tmp_path, catalog, register).problems if p.severity == "error"]
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [("svar.xlsx [Insatser]", 5, "erbjuden", "Jepp")]


def test_a_sheet_without_answers_is_ignored_with_a_warning(tmp_path, catalog, register):
    book = openpyxl.Workbook()
    book.active.title = "Förklaringar"
    book.active.append(["Denna fil innehåller svaren från enkäten."])
    answers = book.create_sheet("Svar")
    answers.append(["kommunkod", "område", "status"])
    answers.append(["1280", "äldre", "Slutförd"])
    book.save(tmp_path / "svar.xlsx")
    result = load_survey(tmp_path, catalog=catalog, register=register)
    warnings = [(w.file, w.column) for w in result.warnings]
    # The area sheet holds no insats answers: that is said too, as a warning (and so is
    # each optional column the sheet leaves out).
    assert warnings == [
        ("svar.xlsx [Förklaringar]", None),
        ("svar.xlsx [Svar]", "ytterligare_insatser"),
        ("svar.xlsx [Svar]", "vill_ge_utan_beslut"),
        ("svar.xlsx [Svar]", "huvudgrupper_utan_beslut"),
        (str(tmp_path), "erbjuden"),
    ]
    assert len(result.survey.responses) == 1
    book.remove(answers)
    book.save(tmp_path / "svar.xlsx")
    problems = validate(tmp_path, catalog, register).errors
    assert [p.message for p in problems] == ["no table of area or insats answers found"]


def test_empty_and_header_only_files_are_errors_naming_the_file(tmp_path, write_csv, catalog, register):
    """Issue 14 item 7: a file without rows must not drop its area silently."""
    write_csv(tmp_path / "a.csv", [["kommunkod", "område", "status"], ["1280", "äldre", "Slutförd"]])
    write_csv(tmp_path / "b.csv", [["kommunkod", "insats_id", "erbjuden"]])
    (tmp_path / "c.csv").write_text("\n \n", encoding="utf-8")
    (tmp_path / "insatssvar-barn-och-unga.csv.gz").write_bytes(b"")  # a copy cut short
    (tmp_path / "d.csv.gz").write_bytes(gzip.compress(b""))
    errors = sorted(str(p) for p in validate(tmp_path, catalog, register).errors)
    assert errors == [
        "b.csv, row 1: the file has a header but no rows",
        "c.csv: the file is empty",
        "d.csv.gz: the file is empty",
        "insatssvar-barn-och-unga.csv.gz: the file is empty (0 bytes); was a copy cut short?",
    ]


def test_header_only_area_file_is_one_error_without_follow_on_warnings(tmp_path, write_csv, catalog, register):
    """Issue 14 item 7: the empty area file is the cause; a warning per area that its units
    'count as Ej påbörjad' would repeat it six times over."""
    write_csv(tmp_path / "omradessvar.csv", [["kommunkod", "område", "status"]])
    header = ["kommunkod", "insats_id", "erbjuden", "beslut", "regi", "form", "individer", "utveckling"]
    write_csv(tmp_path / "insatser.csv", [header, ["1280", "ALD001", "Ja", "", "", "", "", ""]])
    problems = validate(tmp_path, catalog, register).problems
    assert [str(p) for p in problems] == ["omradessvar.csv, row 1: the file has a header but no rows"]
