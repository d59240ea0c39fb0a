"""The appendix workbook, and the agreement of PDF, workbook and the appendix table."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from reportgen.appendix.workbook import COLUMNS, build_appendix_workbook
from reportgen.batch.appendix import build_appendix_files
from reportgen.metrics.appendix import appendix_table
from reportgen.metrics.scope import SurveyTables, scope_for
from reportgen.render.xlsx import render_xlsx

from .appendix_survey import make_survey
from .pdf_helpers import pdftotext, words

Z = "[z]"


@pytest.fixture(scope="module")
def survey():
    return make_survey()


def _workbook(survey, county: str | None, synthetic: bool = False):
    scope = scope_for(survey, county)
    return build_appendix_workbook(appendix_table(survey, scope), survey.catalog, scope, synthetic=synthetic)


def test_sheets_cover_contents_notes_then_one_per_area(survey):
    book = _workbook(survey, "Skåne län")
    assert [s.name for s in book.sheets] == ["Läs mig", "Innehåll", "Noter", "Äldre", "Våld i nära relationer"]
    assert [s.table.name for s in book.sheets[3:]] == ["bilaga_aldre", "bilaga_vald_i_nara_relationer"]
    contents = book.sheet("Innehåll").table
    assert [r[0] for r in contents.rows] == ["Läs mig", "Innehåll", "Noter", "Äldre", "Våld i nära relationer"]


def test_area_rows_have_the_hand_computed_counts_and_shares(survey):
    book = _workbook(survey, "Skåne län")
    assert [c.name for c in COLUMNS] == [
        "Huvudgrupp", "Underrubrik", "Insats-id", "Insats", "Tecken", "Målgrupp",
        "Antal ger insatsen", "Antal digital form", "Antal enskild regi", "Antal utan biståndsbeslut",
        "Andel ger insatsen", "Andel digital form", "Andel enskild regi", "Andel utan biståndsbeslut",
    ]  # fmt: skip
    aldre = book.sheet("Äldre").table.rows
    assert aldre[0] == (
        "2.1 Boende",
        "Hemtjänst",
        "ALD001",
        "Dagverksamhet",
        Z,
        "Den enskilde",
        2,
        1,
        1,
        1,
        1.0,
        0.5,
        0.5,
        0.5,
    )
    assert aldre[2] == (
        "2.1 Boende",
        "Särskilt boende",
        "ALD003",
        "Växelvård",
        Z,
        "Den enskilde",
        0,
        0,
        0,
        0,
        0.0,
        Z,
        Z,
        Z,
    )
    assert aldre[3] == ("2.2 Stöd", Z, "ALD004", "Anhörigstöd*", "*", "Anhöriga", 1, 0, 0, 1, 0.5, 0.0, Z, 1.0)
    vnr = book.sheet("Våld i nära relationer").table.rows
    assert vnr[1][2:6] == ("VNR002", "Behandling**", "**", "Våldsutövare")


def test_area_nobody_answered_is_said_and_has_no_shares(survey):
    sheet = _workbook(survey, "Gotlands län").sheet("Våld i nära relationer")
    assert sheet.description[0].startswith("Ingen kommun i Gotlands län har besvarat")
    assert all(row[10:] == (Z, Z, Z, Z) for row in sheet.table.rows)


def test_synthetic_data_is_labelled(survey):
    book = _workbook(survey, None, synthetic=True)
    assert book.sheets[0].description[0].startswith("OBS! Syntetiska data")
    assert "Syntetiska" in book.properties.comments


def test_written_file_has_numbers_as_numbers(tmp_path, survey):
    path = tmp_path / "bilaga.xlsx"
    render_xlsx(_workbook(survey, "Skåne län"), path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Äldre"]
    assert ws["A1"].value.startswith("2 Verksamhetsområde äldre")
    table = ws.tables["bilaga_aldre"]
    cells = ws[table.ref]
    assert [c.value for c in cells[0]] == [c.name for c in COLUMNS]
    assert [c.value for c in cells[1]][6:] == [2, 1, 1, 1, 1, 0.5, 0.5, 0.5]
    assert cells[1][10].number_format == "0%"
    assert wb.properties.title == "Utvalda resultat för samtliga kartlagda insatser – Skåne län"


# ------------------------------------------------------------ one code path
def _pdf_cells(path: Path, labels: list[str]) -> dict[str, list[str]]:
    raw = words(pdftotext(path, "-raw"))
    cell = r"(\d+ \(\d+%\)|-)"
    out = {}
    for label in labels:
        match = re.search(re.escape(label) + " " + " ".join([cell] * 4), raw)
        assert match, label
        out[label] = list(match.groups())
    return out


def _xlsx_rows(path: Path) -> pd.DataFrame:
    wb = openpyxl.load_workbook(path, read_only=False)
    frames = []
    for ws in wb.worksheets[3:]:
        cells = ws[next(iter(ws.tables.values())).ref]
        frames.append(pd.DataFrame([[c.value for c in r] for r in cells[1:]], columns=[c.value for c in cells[0]]))
    return pd.concat(frames, ignore_index=True).set_index("Insats-id")


def test_pdf_workbook_and_metrics_agree_for_one_county(tmp_path, survey):
    scope = scope_for(survey, "Skåne län")
    files = build_appendix_files(SurveyTables.prepare(survey), scope, tmp_path)
    assert [p.name for p in files] == [
        "skane-lan-bilaga-resultattabeller.pdf",
        "skane-lan-bilaga-resultattabeller.xlsx",
    ]
    expected = appendix_table(survey, scope).set_index("insats_id")
    sheet = _xlsx_rows(files[1])
    pdf = _pdf_cells(files[0], list(expected["insats"]))
    names = (
        ("given", "ger insatsen"),
        ("digital", "digital form"),
        ("private", "enskild regi"),
        ("without_decision", "utan biståndsbeslut"),
    )
    for insats_id, row in expected.iterrows():
        for index, (column, name) in enumerate(names):
            count, share = int(row[column]), row[f"{column}_pct"]
            assert sheet.at[insats_id, f"Antal {name}"] == count
            if pd.isna(share):
                assert sheet.at[insats_id, f"Andel {name}"] == Z
                assert pdf[row["insats"]][index] == "-"
            else:
                assert sheet.at[insats_id, f"Andel {name}"] == pytest.approx(int(share) / 100)
                assert pdf[row["insats"]][index] == f"{count} ({int(share)}%)"
