"""The validator: every error kind, warnings, matching rules and the tables it builds."""

from __future__ import annotations

import pandas as pd
import pytest

from reportgen.io.validate import check

AREA = ["kommunkod", "kommun", "område", "status", "ytterligare_insatser", "vill_ge_utan_beslut", "huvudgrupper"]
INSATS = ["kommunkod", "insats_id", "erbjuden", "beslut", "regi", "form", "individer", "utveckling"]


@pytest.fixture
def folder(tmp_path, write_csv):
    """Write area rows and insats rows (lists of cells) into a fresh answer folder."""

    def make(area_rows=(), insats_rows=(), insats_header=INSATS):
        if area_rows:
            write_csv(tmp_path / "omraden.csv", [AREA, *area_rows])
        if insats_rows:
            write_csv(tmp_path / "insatser.csv", [insats_header, *insats_rows])
        return tmp_path

    return make


def run(path, catalog, register):
    checked = check(path, catalog, register)
    return checked, [p for p in checked.problems if p.severity == "error"]


def only(errors, **fields):
    """The single problem whose fields equal ``fields``."""
    hits = [p for p in errors if all(getattr(p, k) == v for k, v in fields.items())]
    assert len(hits) == 1, (fields, errors)
    return hits[0]


def test_clean_files_give_coded_tables(folder, catalog, register):
    path = folder(
        [
            ["1280", "Malmö", "Äldre", "slutförd", "ja", "JA", "2,1 | Övriga insatser"],
            ["0180-05", "", "äldre", "Påbörjad", "", "Vet ej", ""],
        ],
        [
            [
                "1280",
                "ald004",
                "ja,  EN lokal variant",
                "Både med och utan biståndsbeslut",
                "",
                "Enbart digital",
                "1-20",
                "ökat",
            ],
            ["1280", "ALD001", "Nej", "", "", "", "", ""],
            ["0180-05", "ALD002", "", "", "", "", "", ""],
        ],
    )
    checked, errors = run(path, catalog, register)
    assert errors == [] and checked.warnings == ()
    survey = checked.survey
    assert survey.responses.fillna("-").values.tolist() == [
        ["0180-05", "äldre", "paborjad", "-", "vet_ej"],
        ["1280", "äldre", "slutford", "ja", "ja"],
    ]
    assert survey.wish_groups.values.tolist() == [["1280", "äldre", "2.1"], ["1280", "äldre", "2.4"]]
    answers = survey.answers.fillna("-")
    assert list(answers.columns) == [
        "respondent_id",
        "insats_id",
        "area",
        "offered",
        "beslut",
        "regi",
        "form",
        "individuals",
        "trend",
    ]
    # sorted by respondent, then catalog order (ALD001 before ALD004)
    assert answers.values.tolist() == [
        ["0180-05", "ALD002", "äldre", "-", "-", "-", "-", "-", "-"],
        ["1280", "ALD001", "äldre", "nej", "-", "-", "-", "-", "-"],
        ["1280", "ALD004", "äldre", "lokal", "AB", "-", "B", "1-20", "okat"],
    ]


def test_unknown_respondents(folder, catalog, register):
    path = folder(
        [
            ["9999", "", "äldre", "Slutförd", "", "", ""],
            ["", "Malmo stad", "äldre", "Slutförd", "", "", ""],  # folded + suffix: fine
            ["", "Sollentunna", "äldre", "Slutförd", "", "", ""],
            ["1280", "Lund", "äldre", "Slutförd", "", "", ""],
            ["0180", "Stockholm", "äldre", "Slutförd", "", "", ""],
            ["", "Stockholms stad", "äldre", "Slutförd", "", "", ""],
            ["", "", "äldre", "Slutförd", "", "", ""],
        ]
    )
    _, errors = run(path, catalog, register)
    assert "no kommun or stadsdelsområde has this code" in only(errors, row=2, column="kommunkod", value="9999").message
    assert "did you mean 'Sollentuna'" in only(errors, row=4, column="kommun", value="Sollentunna").message
    assert "kommunkod 1280 is Malmö" in only(errors, row=5, column="kommun", value="Lund").message
    assert "stadsdelsområden" in only(errors, row=6, column="kommunkod", value="0180").message
    assert "0180-01" in only(errors, row=7).message
    assert only(errors, row=8).message == "no kommunkod or kommun given"
    assert len(errors) == 6


def test_codes_typed_as_numbers_and_names_that_only_differ_by_a_ring(folder, catalog, register):
    path = folder(
        [
            ["114", "Upplands Väsby", "äldre", "Slutförd", "", "", ""],  # Excel dropped the zero
            ["180-5", "", "äldre", "Slutförd", "", "", ""],
            ["", "Håbo", "äldre", "Slutförd", "", "", ""],
            ["", "HABO", "äldre", "Slutförd", "", "", ""],
            ["", "Håbö", "äldre", "Slutförd", "", "", ""],  # folds to both Håbo and Habo
        ]
    )
    checked, errors = run(path, catalog, register)
    assert [p.row for p in errors] == [6]
    assert "Håbo (0305), Habo (0643)" in errors[0].message
    (path / "omraden.csv").write_text(
        "kommunkod;kommun;område;status\n114;;äldre;Slutförd\n180-5;;äldre;Slutförd\n;Håbo;äldre;Slutförd\n"
        ";HABO;äldre;Slutförd\n",
        encoding="utf-8",
    )
    checked, errors = run(path, catalog, register)
    assert errors == []
    assert checked.survey.responses["respondent_id"].tolist() == ["0114", "0180-05", "0305", "0643"]


def test_insats_by_id_or_name_with_suggestions(tmp_path, write_csv, catalog, register):
    header = ["kommunkod", "område", "insats_id", "insats", "erbjuden"]
    write_csv(
        tmp_path / "insatser.csv",
        [
            header,
            ["1280", "äldre", "", "hemtjänst", "Ja"],
            ["1280", "äldre", "", "Hemtjänts", "Ja"],  # misspelt
            ["1280", "funktionshinder", "", "Rådgivning och stöd utan särskild manual", "Ja"],  # ambiguous
            ["1280", "funktionshinder", "", "Rådgivning och stöd utan särskild manual *", "Ja"],
            ["1280", "våld i nära relationer", "", "Korttidsboende, korttidsplats**", "Ja"],
            ["1280", "", "ALD999", "", "Ja"],
            ["1280", "Äldre", "VNR001", "", "Ja"],  # id from another area
            ["1280", "", "", "Hemtjänst", "Ja"],  # name without område
            ["1280", "Äldreomsorg", "", "Hemtjänst", "Ja"],  # unknown område
        ],
    )
    write_csv(tmp_path / "omraden.csv", [AREA] + [["1280", "", a, "Slutförd", "", "", ""] for a in catalog.areas])
    _, errors = run(tmp_path, catalog, register)
    assert "did you mean 'Hemtjänst'" in only(errors, row=3, column="insats", value="Hemtjänts").message
    ambiguous = only(errors, row=4, column="insats").message
    assert "FUN019" in ambiguous and "FUN028" in ambiguous
    assert "unknown insats id" in only(errors, row=7, column="insats_id", value="ALD999").message
    assert "belongs to område 'våld i nära relationer'" in only(errors, row=8, column="område").message
    assert "område is needed" in only(errors, row=9).message
    assert "unknown område" in only(errors, row=10, column="område", value="Äldreomsorg").message
    assert len(errors) == 6


def test_insats_names_resolve_to_ids(tmp_path, write_csv, catalog, register):
    write_csv(
        tmp_path / "insatser.csv",
        [
            ["kommun", "område", "insats", "erbjuden"],
            ["Malmö", "äldre", "HEMTJÄNST", "Ja"],
            ["Malmö", "funktionshinder", "Rådgivning och stöd utan särskild manual*", "Ja"],
            ["Malmö", "våld i nära relationer", "Korttidsboende, korttidsplats **", "Nej"],
        ],
    )
    checked, errors = run(tmp_path, catalog, register)
    assert errors == []
    assert checked.survey.answers["insats_id"].tolist() == ["ALD004", "FUN028", "VNR012"]


def test_answers_outside_the_allowed_sets(folder, catalog, register):
    path = folder(
        [["1280", "", "äldre", "Klar", "Kanske", "", ""], ["1281", "", "äldre", "", "", "", ""]],
        [["1280", "ALD004", "Jaa", "", "", "", "", ""], ["1280", "ALD005", "Ja", "", "Kommunal", "", "1 - 20", "Ökar"]],
    )
    _, errors = run(path, catalog, register)
    assert only(errors, column="erbjuden").message == "allowed: Ja, Ja, en lokal variant, Nej, Vet ej or blank"
    assert only(errors, column="status", value="Klar").message == "allowed: Ej påbörjad, Påbörjad, Slutförd"
    assert "a value is required" in only(errors, column="status", row=3).message
    assert only(errors, column="ytterligare_insatser").message == "allowed: Ja, Nej or blank"
    assert "Enbart kommunal" in only(errors, column="regi", value="Kommunal").message
    assert "Ökat" in only(errors, column="utveckling", value="Ökar").message
    assert [p.file for p in errors if p.column == "erbjuden"] == ["insatser.csv"]
    assert len(errors) == 6  # 1281 is Lund; "1 - 20" is accepted: spaces and dash kinds are ignored


def test_duplicates_identical_dropped_different_reported(folder, catalog, register):
    path = folder(
        [["1280", "", "äldre", "Slutförd", "", "", ""], ["1280", "", "ÄLDRE", "slutförd", "", "", ""]],
        [
            ["1280", "ALD004", "Ja", "", "", "", "", ""],
            ["1280", "ALD004", "ja", "", "", "", "", ""],
            ["1280", "ALD001", "Ja", "", "", "", "", ""],
            ["1280", "ALD001", "Nej", "", "", "", "", ""],
        ],
    )
    _, errors = run(path, catalog, register)
    problem = only(errors, file="insatser.csv")
    assert problem.row == 5
    assert "ALD001 for Malmö (1280) is given again with different answers" in problem.message
    assert "row 4" in problem.message
    assert len(errors) == 1


def test_missing_required_columns(tmp_path, write_csv, catalog, register):
    write_csv(tmp_path / "a.csv", [["kommunkod", "område", "ytterligare_insatser"], ["1280", "äldre", "Ja"]])
    write_csv(tmp_path / "b.csv", [["kommunkod", "insats", "beslut"], ["1280", "Hemtjänst", ""]])
    write_csv(tmp_path / "c.csv", [["foo", "bar"], ["1", "2"]])
    _, errors = run(tmp_path, catalog, register)
    messages = {(p.file, p.message) for p in errors}
    assert ("a.csv", "missing required column 'status' for area answers") in messages
    assert ("b.csv", "missing required column 'erbjuden' for insats answers") in messages
    assert ("b.csv", "missing required column 'område' (needed with 'insats' names) for insats answers") in messages
    assert any(f == "c.csv" and "header not recognised" in m for f, m in messages)
    assert all(p.row == 1 for p in errors)


def test_follow_ups_on_an_insats_not_offered_warn_and_are_ignored(folder, catalog, register):
    path = folder(
        [["1280", "", "äldre", "Slutförd", "", "Nej", "2.1"]],
        [["1280", "ALD004", "Nej", "Enbart utan", "", "", "", ""], ["1280", "ALD001", "", "", "", "", "", "Ökat"]],
    )
    checked, errors = run(path, catalog, register)
    assert errors == []
    warnings = checked.warnings
    assert [(p.file, p.row, p.column, p.value) for p in warnings] == [  # files in name order
        ("insatser.csv", 2, "erbjuden", "Nej"),
        ("insatser.csv", 3, "erbjuden", None),
        ("omraden.csv", 2, "huvudgrupper_utan_beslut", "2.1"),
    ]
    assert "follow-up answers (beslut … utveckling) given, but erbjuden is 'Nej'" in warnings[0].message
    assert "given, but erbjuden is blank, not Ja or Ja, en lokal variant" in warnings[1].message
    answers = checked.survey.answers
    assert answers[["beslut", "trend"]].isna().all().all()
    assert checked.survey.wish_groups.empty


def test_unknown_huvudgrupp_lists_the_areas_groups(folder, catalog, register):
    path = folder([["1280", "", "äldre", "Slutförd", "", "Ja", "2.1|3.1"]])
    _, errors = run(path, catalog, register)
    message = only(errors, column="huvudgrupper_utan_beslut").message
    assert message.startswith("unknown huvudgrupp '3.1' in 'äldre'; allowed: 2.1 Boendeformer")


def test_answers_without_an_area_row_warn_once_per_area(folder, catalog, register):
    path = folder(insats_rows=[["1280", "ALD004", "Ja", "", "", "", "", ""], ["1280", "ALD005", "Ja"] + [""] * 5])
    checked, errors = run(path, catalog, register)
    assert errors == []
    [warning] = checked.warnings
    assert warning.value == "äldre" and "Malmö (1280)" in warning.message


def test_unknown_column_is_a_warning_with_a_suggestion(folder, catalog, register):
    header = [*INSATS[:-1], "utvekling"]
    path = folder(insats_rows=[["1280", "ALD004", "Ja", "", "", "", "", "Ökat"]], insats_header=header)
    checked, _ = run(path, catalog, register)
    warning = next(p for p in checked.warnings if p.column == "utvekling")
    assert "did you mean 'utveckling'" in warning.message


@pytest.mark.parametrize("header", ["Kommunkod", "KOMMUN KOD", "kommun-kod", "Kommunnummer"])
def test_header_aliases(tmp_path, write_csv, catalog, register, header):
    write_csv(tmp_path / "a.csv", [[header, "Område", "Status"], ["1280", "äldre", "Slutförd"]])
    checked, errors = run(tmp_path, catalog, register)
    assert errors == []
    assert checked.survey.responses["respondent_id"].tolist() == ["1280"]
    assert isinstance(checked.survey.responses, pd.DataFrame)


def test_id_decides_when_the_name_beside_it_differs(tmp_path, write_csv, catalog, register):
    write_csv(
        tmp_path / "insatser.csv",
        [
            ["kommunkod", "område", "insats_id", "insats", "erbjuden"],
            ["1280", "2", "ALD004", "Hemtjänst", "Ja"],  # area by its appendix number
            ["1280", "äldre", "ALD001", "Hemtjänst", "Ja"],
        ],
    )
    checked, errors = run(tmp_path, catalog, register)
    assert errors == []
    warning = only(list(checked.warnings), column="insats")
    assert (warning.row, warning.value) == (3, "Hemtjänst")
    assert "insats_id ALD001 is 'Dagverksamhet'" in warning.message
    assert checked.survey.answers["insats_id"].tolist() == ["ALD001", "ALD004"]


def test_a_title_line_above_the_header_is_skipped(tmp_path, write_csv, catalog, register):
    write_csv(tmp_path / "a.csv", [["Export 2021-03-01"], ["kommunkod", "område", "status"], ["1280", "äldre", "X"]])
    _, errors = run(tmp_path, catalog, register)
    assert [(p.row, p.column, p.value) for p in errors] == [(3, "status", "X")]


def test_a_row_longer_than_the_header_is_an_error(tmp_path, write_csv, catalog, register):
    write_csv(tmp_path / "a.csv", [["kommunkod", "område", "status"], ["1280", "äldre", "Slutförd", "Ja"]])
    _, errors = run(tmp_path, catalog, register)
    assert [(p.row, p.column, p.value) for p in errors] == [(2, "#4", "Ja")]


def test_source_display_and_printed_spellings_all_resolve(tmp_path, write_csv, catalog, register):
    """Issue 14 item 5: the appendix's spelling stays accepted beside the corrected one,
    and the printed label (mark without "(anhöriga)") finds the insats aimed at relatives."""
    write_csv(
        tmp_path / "insatser.csv",
        [
            ["kommun", "område", "insats", "erbjuden"],
            ["Malmö", "barn och unga", "Umgängeskotaktperson", "Ja"],  # source spelling
            ["Lund", "barn och unga", "Umgängeskontaktperson", "Ja"],  # corrected
            ["Malmö", "missbruk och beroende", "Rådgivning och stöd utan särskild manual (anhöriga)", "Ja"],
            ["Lund", "missbruk och beroende", "Rådgivning och stöd utan särskild manual*", "Ja"],
            ["Bjuv", "missbruk och beroende", "Rådgivning och stöd utan särskild manual", "Ja"],  # the person one
            ["Malmö", "äldre", "Digitala vårdjur", "Ja"],
            ["Lund", "äldre", "Digitala vårddjur", "Ja"],
            ["Malmö", "missbruk och beroende", "AI-Anon-inspirerade stödprogram", "Ja"],
            ["Lund", "missbruk och beroende", "Al-Anon-inspirerade stödprogram*", "Ja"],
        ],
    )
    checked, errors = run(tmp_path, catalog, register)
    assert errors == []
    names = register.units["name"]
    answers = checked.survey.answers
    got = sorted(zip(answers["respondent_id"].map(names), answers["insats_id"], strict=True))
    assert got == sorted(
        [
            ("Malmö", "BOU113"),
            ("Lund", "BOU113"),
            ("Malmö", "MOB042"),
            ("Lund", "MOB042"),
            ("Bjuv", "MOB014"),
            ("Malmö", "ALD022"),
            ("Lund", "ALD022"),
            ("Malmö", "MOB047"),
            ("Lund", "MOB047"),
        ]
    )


def test_an_id_beside_either_spelling_gives_no_warning(tmp_path, write_csv, catalog, register):
    write_csv(
        tmp_path / "insatser.csv",
        [
            ["kommunkod", "område", "insats_id", "insats", "erbjuden"],
            ["1280", "barn och unga", "BOU113", "Umgängeskotaktperson", "Ja"],
            ["1281", "barn och unga", "BOU113", "Umgängeskontaktperson", "Ja"],
            ["1280", "missbruk och beroende", "MOB042", "Rådgivning och stöd utan särskild manual*", "Ja"],
        ],
    )
    checked, errors = run(tmp_path, catalog, register)
    assert errors == [] and not [w for w in checked.warnings if w.column == "insats"]
