"""``reportgen build --appendix``: options, the parallel batch, and the demo data's acceptance."""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from rich.console import Console

from reportgen.batch.appendix import AppendixJob, build_appendices
from reportgen.catalog import Catalog
from reportgen.cli import main
from reportgen.commands.appendix import appendix_formats, appendix_scopes
from reportgen.errors import ReportgenError
from reportgen.metrics.scope import SurveyTables, all_scopes
from reportgen.paths import DATA_DIR, DEMO_DIR
from reportgen.render.pdf_appendix import MARGIN

from .appendix_survey import make_survey
from .pdf_helpers import page_fill, pdftotext, qpdf_check, words


@pytest.mark.parametrize(
    ("given", "formats"),
    [(None, ("pdf", "xlsx")), ("pptx,pdf,xlsx", ("pdf", "xlsx")), ("xlsx", ("xlsx",)), ("PDF", ("pdf",))],
)
def test_formats_keep_the_appendix_ones(given, formats):
    assert appendix_formats(given) == formats


@pytest.mark.parametrize(("given", "message"), [("pptx", "choose at least one"), ("pdf,docx", "docx")])
def test_formats_without_an_appendix_format_are_refused(given, message):
    with pytest.raises(ReportgenError, match=message):
        appendix_formats(given)


def test_scopes_of_the_options():
    tables = SurveyTables.prepare(make_survey())

    def names(**options) -> list[str]:
        args = argparse.Namespace(**{"county": None, "all": False, "national": False, **options})
        return [s.name for s in appendix_scopes(tables, args)]

    assert names(national=True) == ["Riket"]
    assert names(all=True) == ["Riket", "Skåne län", "Gotlands län"]
    assert names(county=["gotland", "Gotlands län", "12"]) == ["Gotlands län", "Skåne län"]
    with pytest.raises(ReportgenError):
        names(county=["Atlantis"])


def test_parallel_batch_builds_every_scope(tmp_path):
    tables = SurveyTables.prepare(make_survey())
    scopes = all_scopes(tables.survey)
    job = AppendixJob(out=tmp_path, formats=("pdf", "xlsx"), imprint=None)
    results = build_appendices(tables, scopes, job, jobs=2, console=Console(file=io.StringIO()))
    assert [(r.scope.slug, r.status) for r in results] == [(s.slug, "ok") for s in scopes]
    for scope in scopes:
        folder = tmp_path / scope.slug
        assert sorted(p.name for p in folder.iterdir()) == [
            f"{scope.slug}-bilaga-resultattabeller.pdf",
            f"{scope.slug}-bilaga-resultattabeller.xlsx",
        ]


# ------------------------------------------------------------------ demo data
demo = pytest.mark.skipif(not any(DEMO_DIR.glob("*.csv*")), reason="the demo data is not generated")


def _printed() -> pd.DataFrame:
    """The national appendix's figures (extracted from the seed) with the catalog's labels."""
    printed = pd.read_csv(DATA_DIR / "national_appendix.csv", dtype={"insats_id": str}).set_index("insats_id")
    return printed.join(Catalog.load().table[["label"]])


def _cell(count: float, share: float) -> str:
    return "-" if pd.isna(share) else f"{int(count)} ({int(share)}%)"


@pytest.fixture(scope="module")
def national(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["build", "--appendix", "--national", "--out", str(out), "--jobs", "1"]) == 0
    return out / "riket"


@demo
@pytest.mark.slow
def test_national_pdf_has_every_printed_row_in_catalog_order(national):
    text = words(pdftotext(national / "riket-bilaga-resultattabeller.pdf", "-raw"))
    position = 0
    printed = _printed()
    assert len(printed) == 409
    for row in printed.itertuples():
        cells = [
            _cell(row.given, row.given_pct),
            _cell(row.digital, row.digital_pct),
            _cell(row.private, row.private_pct),
            _cell(row.without_decision, row.without_decision_pct),
        ]
        match = re.compile(re.escape(f"{row.label} {' '.join(cells)}")).search(text, position)
        assert match, (row.Index, row.label, cells)
        position = match.end()


@demo
@pytest.mark.slow
def test_national_pdf_notes_are_one_to_four_on_every_page_that_points_to_them(national):
    """Issue 18: the same four notes in every area, numbered 1–4 as in the seed, and on
    each page whose table header points to them — also where a table continues."""
    path = national / "riket-bilaga-resultattabeller.pdf"
    pages = [words(page) for page in pdftotext(path, "-raw").split("\f")[:-1]]
    noted = 0
    for number, text in enumerate(pages, start=1):
        pointed = set(re.findall(r"\(andel\) ([0-9]+) ", text))  # the raised numbers after the headers
        notes = set(re.findall(r"([0-9]+) Här räknas", text))
        assert pointed <= {"1", "2", "3", "4"} and notes <= {"1", "2", "3", "4"}, number
        assert pointed == notes, (number, pointed, notes)
        noted += bool(pointed)
    continued = [n for n, text in enumerate(pages, start=1) if "(andel) 1 " in text and "Verksamhetsområde" not in text]
    assert noted >= 6 and continued  # every area's first table, and a continuation page with its notes


@demo
@pytest.mark.slow
def test_national_pdf_has_no_mostly_blank_page_and_passes_qpdf(national):
    path = national / "riket-bilaga-resultattabeller.pdf"
    qpdf_check(path)
    fills = page_fill(path, MARGIN)
    middle = fills[2:-1]  # after the title and contents pages, before the last page
    assert len(fills) >= 15 and min(middle) >= 0.5, [round(f, 2) for f in fills]


@demo
@pytest.mark.slow
def test_national_workbook_rows_equal_the_printed_appendix(national):
    wb = openpyxl.load_workbook(national / "riket-bilaga-resultattabeller.xlsx")
    rows = []
    for ws in wb.worksheets[3:]:
        cells = ws[next(iter(ws.tables.values())).ref]
        rows += [dict(zip([c.value for c in cells[0]], [c.value for c in r], strict=True)) for r in cells[1:]]
    sheet = pd.DataFrame(rows).set_index("Insats-id")
    printed = _printed()
    assert list(sheet.index) == list(printed.index)
    for column, name in (
        ("given", "ger insatsen"),
        ("digital", "digital form"),
        ("private", "enskild regi"),
        ("without_decision", "utan biståndsbeslut"),
    ):
        shares = printed[f"{column}_pct"]
        # "-" in print: nobody answered the follow-up, so none gives it that way (0) and no share.
        assert (sheet[f"Antal {name}"] == printed[column].fillna(0)).all(), column
        expected = shares.map(lambda v: "[z]" if pd.isna(v) else round(v / 100, 2))
        got = sheet[f"Andel {name}"].map(lambda v: v if v == "[z]" else round(v, 2))
        assert (got == expected).all(), column


@demo
@pytest.mark.slow
def test_one_unit_county_and_skane_build_and_agree_with_metrics(tmp_path):
    out = tmp_path / "out"
    assert (
        main(
            [
                "build",
                "--appendix",
                "--county",
                "Gotlands län",
                "--county",
                "Skåne län",
                "--out",
                str(out),
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    csv = tmp_path / "gotland.csv"
    assert (
        main(["metrics", "--county", "Gotlands län", "--table", "appendix", "--format", "csv", "--out", str(csv)]) == 0
    )
    metrics = pd.read_csv(csv, dtype={"insats_id": str}).set_index("insats_id")
    wb = openpyxl.load_workbook(out / "gotlands-lan" / "gotlands-lan-bilaga-resultattabeller.xlsx")
    ws = wb["Äldre"]
    cells = ws[next(iter(ws.tables.values())).ref]
    header = [c.value for c in cells[0]]
    for r in cells[1:]:
        row = dict(zip(header, [c.value for c in r], strict=True))
        expected = metrics.loc[row["Insats-id"]]
        assert row["Antal ger insatsen"] == expected["given"]
        share = row["Andel ger insatsen"]
        assert (share == "[z]") if pd.isna(expected["given_pct"]) else share == expected["given_pct"] / 100
        assert share in ("[z]", 0, 1)  # one respondent unit: nobody, none or all
    assert (out / "skane-lan" / "skane-lan-bilaga-resultattabeller.pdf").stat().st_size > 0
