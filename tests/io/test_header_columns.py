"""Header recognition: aliases, table kind, duplicate and missing columns."""

from __future__ import annotations

from reportgen.io.columns import header_key, recognise


def test_header_key_ignores_case_letters_spaces_and_dashes():
    assert header_key("Kommun-kod") == header_key("kommun_kod") == header_key(" KOMMUNKOD ") == "kommunkod"
    assert header_key("Område") == header_key("omrade")


def test_insats_table_by_aliases():
    header = recognise("f.csv", ["Kommunnummer", "Insatsid", "Erbjudits 2016–2020", "Antal individer", "Trend"])
    assert header.kind == "insats"
    assert header.rename == {0: "kommunkod", 1: "insats_id", 2: "erbjuden", 3: "individer", 4: "utveckling"}
    # No error; each optional column left out is a warning naming it (issue 14 item 7).
    assert [(p.column, p.severity) for p in header.problems] == [
        ("beslut", "warning"),
        ("regi", "warning"),
        ("form", "warning"),
    ]
    assert "the form slides say that no municipality answered" in header.problems[2].message


def test_area_table_and_blank_headers_skipped():
    header = recognise("f.csv", ["kommun", "", "verksamhetsområde", "Status"])
    assert header.kind == "area"
    assert header.rename == {0: "kommun", 2: "område", 3: "status"}


def test_a_column_given_twice_is_an_error():
    header = recognise("f.csv", ["kommunkod", "Kommun kod", "område", "status"], row=3)
    [problem] = [p for p in header.problems if p.severity == "error"]
    assert (problem.row, problem.column, problem.severity) == (3, "Kommun kod", "error")
    assert "given twice" in problem.message


def test_no_unit_column_is_reported():
    header = recognise("f.csv", ["insats_id", "erbjuden"])
    assert [p.message for p in header.problems if p.severity == "error"] == [
        "missing required column 'kommunkod' (or 'kommun') for insats answers"
    ]
