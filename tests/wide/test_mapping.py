"""`reportgen map` drafts a mapping, `--mapping` reads an export through it (issue 21):
even an export whose headers are only the survey tool's question codes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest
import yaml

from reportgen.cli import main
from reportgen.io.load import check_survey
from reportgen.survey import Survey
from tests.wide.conftest import area_file
from tests.wide.test_wide_load import TABLES, read, write

#: Columns a code export keeps by name: the tool's own and the unit's.
NAMED = {"Svars-ID", "Starttid", "Sluttid", "Status", "Namn", "E-post", "IP-adress", "Övriga kommentarer"}
NAMED |= {"Kommunkod", "Kommun"}


def draft(tmp_path: Path, data: Path, name: str = "mapping.yaml", *extra: str) -> dict:
    out = tmp_path / name
    assert main(["map", "--data", str(data), "--out", str(out), *extra]) == 0
    return yaml.safe_load(out.read_text(encoding="utf-8")) if out.suffix == ".yaml" else {}


def coded(folder: Path, catalog_draft: dict) -> dict[tuple[str, str], dict]:
    """Rename every question column to a code (Q<question>_<row>, numbered per file as a
    tool does) and return the tool's code book: (file, code) → what the question is."""
    book = {}
    by_header = {(e["file"], e["header"]): e for e in catalog_draft["columns"]}
    for path in sorted(folder.glob("enkatexport-*.csv")):
        frame = read(path)
        names = {}
        for number, header in enumerate(frame.columns, start=1):
            if header in NAMED:
                continue
            code = f"Q{number // 10 + 1}_{number % 10}"
            names[header] = code
            book[(path.name, code)] = by_header[(path.name, header)]
        write(frame.rename(columns=names), path)
    return book


def test_draft_places_every_demo_header(tmp_path: Path, wide_demo: Path, catalog):
    mapping = draft(tmp_path, wide_demo)
    rows = mapping["columns"]
    assert len(rows) == sum(len(read(p).columns) for p in wide_demo.glob("*.csv"))
    by_header = {(r["file"], r["header"]): r for r in rows}
    regi = by_header[("enkatexport-aldre.csv", "Dagverksamhet - I vilken regi ges insatsen?")]
    assert (regi["insats_id"], regi["question"], regi["score"]) == ("ALD001", "regi", 100)
    assert by_header[("enkatexport-aldre.csv", "E-post")]["question"] == "personal"
    assert by_header[("enkatexport-aldre.csv", "Svars-ID")]["question"] == "ignore"
    group = by_header[
        (
            "enkatexport-aldre.csv",
            "Inom vilka huvudgrupper skulle ni vilja ge insatser utan biståndsbeslut? - Övriga insatser",
        )
    ]
    assert (group["question"], group["huvudgrupp_id"]) == ("huvudgrupper_utan_beslut", "2.4")
    insats_rows = [r for r in rows if r["insats_id"]]
    assert len(insats_rows) == 409 * 6
    assert {r["insats_id"] for r in insats_rows} == set(catalog.table["insats_id"])
    checks = [r for r in rows if str(r.get("note") or "").startswith("check")]
    assert len(checks) == 18 and all(r["score"] >= 90 for r in checks)


def test_codes_only_export_loads_through_the_filled_mapping(
    tmp_path: Path, wide_copy: Path, long_survey: Survey, capsys: pytest.CaptureFixture[str]
):
    book = coded(wide_copy, draft(tmp_path, wide_copy, "texts.yaml"))
    capsys.readouterr()
    # Without a mapping, codes cannot be placed: one clear error per file.
    checked = check_survey(wide_copy)
    assert checked.survey is None
    codes_errors = [p for p in checked.errors if "only question codes" in p.message]
    assert len(codes_errors) == 6
    assert "(Q2_1, Q2_2, Q2_3, …)" in codes_errors[0].message

    mapping = draft(tmp_path, wide_copy, "codes.yaml")
    printed = capsys.readouterr().out
    assert "2546 columns of 6 table(s): 18 placed (0 to check), 0 ambiguous, 2486 unmatched" in printed
    rows = mapping["columns"]
    open_rows = [r for r in rows if r["question"] is None]
    assert len(open_rows) == len(book)
    for row in open_rows:  # the analyst fills the draft in from the tool's code book
        entry = book[(row["file"], row["header"])]
        row.update(insats_id=entry["insats_id"], question=entry["question"], huvudgrupp_id=entry.get("huvudgrupp_id"))
    filled = tmp_path / "codes.yaml"
    filled.write_text(yaml.safe_dump(mapping, allow_unicode=True), encoding="utf-8")

    checked = check_survey(wide_copy, mapping=filled)
    assert not checked.errors, [str(p) for p in checked.errors]
    for name in TABLES:
        pdt.assert_frame_equal(getattr(checked.survey, name), getattr(long_survey, name), obj=name)
    # Commands read through the mapping too (build does in test_personal_data).
    county = ["--county", "Gotlands län"]
    assert main(["metrics", *county]) == 0
    long_metrics = capsys.readouterr().out
    assert main(["metrics", *county, "--data", str(wide_copy), "--mapping", str(filled)]) == 0
    assert capsys.readouterr().out == long_metrics


def test_a_csv_mapping_overrides_the_rules(tmp_path: Path, wide_copy: Path, long_survey: Survey):
    path = area_file(wide_copy, "äldre")
    frame = read(path)
    header = "Dagverksamhet - Vem utför insatsen?"  # no follow-up word the rules know
    write(frame.rename(columns={"Dagverksamhet - I vilken regi ges insatsen?": header}), path)
    rules_only = check_survey(path)
    [clash] = [p for p in rules_only.errors if p.column == header]
    assert "'ALD001 erbjuden' is also in column" in clash.message

    draft(tmp_path, path, "mapping.csv")
    table = pd.read_csv(tmp_path / "mapping.csv", sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert table.loc[table["header"] == header, "question"].item() == "erbjuden"
    table.loc[table["header"] == header, "question"] = "regi"  # the analyst's correction
    table.to_csv(tmp_path / "mapping.csv", sep=";", index=False)
    checked = check_survey(path, mapping=tmp_path / "mapping.csv")
    assert not checked.errors, [str(p) for p in checked.errors]
    expected = long_survey.answers[long_survey.answers["area"] == "äldre"].reset_index(drop=True)
    pdt.assert_frame_equal(checked.survey.answers, expected)


def test_mapping_mistakes_are_reported_at_once(tmp_path: Path, wide_copy: Path):
    path = area_file(wide_copy, "äldre")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "columns:\n"
        "- {header: 'Dagverksamhet - I vilken regi ges insatsen?', insats_id: ALD99, question: regi}\n"
        "- {header: 'Tillsyn - I vilken regi ges insatsen?', insats_id: ALD016, question: regim}\n"
        "- {header: 'Hemtjänst - I vilken regi ges insatsen?', question: beslut}\n"
        "- {header: 'Hemtjänst - I vilken regi ges insatsen?', insats_id: ALD004, question: regi}\n"
        "- {header: 'Hemtjänst - I vilken regi ges insatsen?', insats_id: ALD004, question: regi}\n"
        "- {header: 'Ingen sådan kolumn', question: ignore}\n",
        encoding="utf-8",
    )
    checked = check_survey(path, mapping=mapping)
    assert checked.survey is None
    found = {(p.row, p.column): p for p in checked.problems if p.file == "mapping.yaml"}
    assert found[(1, "insats_id")].value == "ALD99"
    assert "unknown insats id" in found[(1, "insats_id")].message
    assert found[(2, "question")].message.endswith("(did you mean regi?)")
    assert found[(3, "insats_id")].message == "question 'beslut' needs the insats_id"
    assert "mapped twice (also row 4)" in found[(5, "header")].message
    assert len(found) == 4


def test_an_unused_mapping_row_is_a_warning(tmp_path: Path, wide_copy: Path):
    path = area_file(wide_copy, "äldre")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n- {header: 'Ingen sådan kolumn', question: ignore}\n", encoding="utf-8")
    checked = check_survey(path, mapping=mapping)
    assert checked.survey is not None
    [unused] = [p for p in checked.warnings if p.file == "mapping.yaml"]
    assert (unused.row, unused.value) == (1, "Ingen sådan kolumn")
    assert main(["validate", "--data", str(path), "--mapping", str(mapping), "--strict"]) == 1


def test_a_malformed_mapping_names_the_line(tmp_path: Path, wide_copy: Path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns:\n- header: a\n  insats_id: [ALD001\n- header: b\n", encoding="utf-8")
    checked = check_survey(area_file(wide_copy, "äldre"), mapping=mapping)
    [problem] = checked.errors
    assert (problem.file, problem.row) == ("mapping.yaml", 4)
    assert problem.message.startswith("cannot read the mapping: while parsing a flow sequence")


def test_map_refuses_to_overwrite_corrections(tmp_path: Path, wide_demo: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "mapping.yaml"
    out.write_text("my corrections", encoding="utf-8")
    assert main(["map", "--data", str(wide_demo), "--out", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my corrections"


def test_a_changed_mapping_rebuilds(tmp_path: Path, wide_demo: Path):
    from reportgen.batch.context import fingerprint

    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("columns: []\n", encoding="utf-8")
    before = fingerprint(wide_demo, None, "december 2026", mapping)
    mapping.write_text("columns:\n- {header: Namn, question: personal}\n", encoding="utf-8")
    assert fingerprint(wide_demo, None, "december 2026", mapping) != before
