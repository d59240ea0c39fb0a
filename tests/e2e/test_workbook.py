"""Issue 16 acceptance on the real Skåne build: the workbook holds the data behind every
chart (the same figures as ``reportgen metrics``), a response status for every unit and
area, sheets that freeze and print one page wide, and it passes ``openxml-audit``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from reportgen.deck.model import ChartSpec, Deck
from tests.e2e.conftest import Built

STATUS = {"Slutförd", "Påbörjad", "Ej påbörjad"}
#: The acceptance bound for the printed Skåne workbook (issue 16).
MAX_PAGES = 150


@pytest.fixture(scope="module")
def book(built: Built) -> openpyxl.Workbook:
    return openpyxl.load_workbook(built.xlsx)


def records(ws) -> list[dict[str, object]]:
    (table,) = ws.tables.values()
    header, *body = [[c.value for c in row] for row in ws[table.ref]]
    return [dict(zip(header, row, strict=True)) for row in body]


def area_title(area: str) -> str:
    return area[:1].upper() + area[1:]


def test_offered_per_municipality_and_area_equals_metrics(built: Built, book: openpyxl.Workbook) -> None:
    """Every unit of ``per_respondent`` has its offered count (and county mean) in the
    Kommuner sheet; a unit that answered no insats question shows [x], not 0 (SPEC §5)."""
    rows = {(r["Kommunkod"], r["Område"]): r for r in records(book["Kommuner"])}
    compared = 0
    for area, figures in built.metrics["areas"].items():
        assert figures["per_respondent"], area
        for unit in figures["per_respondent"]:
            row = rows[(unit["respondent_id"], area_title(area))]
            assert row["Kommun"] == unit["name"]
            assert row["Besvarade insatsfrågor"] == unit["answered"]
            assert (unit["offered"] is None) == (unit["answered"] == 0)
            assert row["Erbjudna insatser"] == (unit["offered"] if unit["answered"] else "[x]")
            assert row["Medelvärde länet"] == pytest.approx(figures["offered_mean"], abs=1e-4)
            assert row["Medelvärde riket"] == pytest.approx(figures["national"]["offered_mean"], abs=1e-4)
            compared += 1
        listed = {u["respondent_id"] for u in figures["per_respondent"]}
        others = [r for (code, a), r in rows.items() if a == area_title(area) and code not in listed]
        assert all(r["Erbjudna insatser"] == "[w]" and r["Svarsstatus"] == "Ej påbörjad" for r in others)
    assert compared > 100


def test_a_status_for_every_unit_in_every_area_and_their_wish_answers(built: Built, book: openpyxl.Workbook) -> None:
    rows = records(book["Kommuner"])
    areas = [area_title(a) for a in built.metrics["areas"]]
    units = {r["Kommunkod"] for r in rows}
    assert len(units) == built.metrics["areas"]["äldre"]["respondents"] == 33
    assert Counter(r["Område"] for r in rows) == dict.fromkeys(areas, 33)
    for area, figures in built.metrics["areas"].items():
        mine = [r for r in rows if r["Område"] == area_title(area)]
        status = Counter(r["Svarsstatus"] for r in mine)
        assert set(status) <= STATUS
        assert status["Slutförd"] == figures["completed"]
        assert status["Slutförd"] + status["Påbörjad"] == figures["answered"]
        wish = Counter(r["Vill ge insatser utan biståndsbeslut"] for r in mine)
        assert (wish["Ja"], wish["Nej"], wish["Vet ej"]) == tuple(
            figures["wish"]["counts"][c] for c in ("ja", "nej", "vet_ej")
        )
        chosen = Counter(
            part.split(" ")[0]
            for r in mine
            if r["Vill ge insatser utan biståndsbeslut"] == "Ja" and r["Huvudgrupper utan biståndsbeslut"] != "[x]"
            for part in str(r["Huvudgrupper utan biståndsbeslut"]).split("; ")
        )
        assert {g["huvudgrupp_id"]: g["respondents"] for g in figures["wish"]["per_group"]} == {
            g["huvudgrupp_id"]: chosen.get(g["huvudgrupp_id"], 0) for g in figures["wish"]["per_group"]
        }


def test_every_chart_names_the_sheet_that_holds_its_data(deck_model: Deck, book: openpyxl.Workbook) -> None:
    named = set()
    for slide in deck_model.slides:
        found = re.findall(r"arbetsboken, fliken ([^.]+)\.", slide.note)
        named.update(found)
        if any(isinstance(b, ChartSpec) for b in slide.blocks):
            assert found, f"{slide.key}: the note names no workbook sheet"
    assert named and named <= set(book.sheetnames)
    assert {"Kommuner", "Form", "Individer", "Utan biståndsbeslut", "Huvudgrupper", "Katalog"} <= named


def test_every_data_sheet_freezes_and_prints_one_page_wide(book: openpyxl.Workbook) -> None:
    for ws in book.worksheets[1:]:
        (table,) = ws.tables.values()
        header = int(re.sub(r"[A-Z]", "", table.ref.split(":")[0]))
        assert ws.freeze_panes is not None and ws[ws.freeze_panes].row == header + 1, ws.title
        assert ws.print_title_rows == f"${header}:${header}", ws.title
        # fitToWidth left out = the schema's default 1 (see render/xlsx.py); fitToPage turns it on.
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1), ws.title
        assert (ws.page_setup.orientation, ws.page_setup.fitToHeight) == ("landscape", 0), ws.title


def test_ordered_answers_have_a_number_that_sorts(book: openpyxl.Workbook) -> None:
    rows = records(book["Äldre – följdfrågor"])
    pairs = {(r["Individer 2016–2020"], r["Individer, minst"]) for r in rows}
    assert {("1–20", 1), ("21–100", 21), ("101–500", 101), ("Fler än 500", 501)} <= pairs
    assert all(isinstance(n, int) for label, n in pairs if label not in ("Vet ej", "[x]"))


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_printed_through_libreoffice_one_page_wide_within_150_pages(
    built: Built, book: openpyxl.Workbook, tmp_path: Path
) -> None:
    """Every printed page of a data sheet starts with its header row and holds the first
    and the last column (one page wide, never a column per page); at most 150 pages."""
    profile = tmp_path / "profile"  # a private profile: other soffice runs may be open
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(built.xlsx)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = tmp_path / built.xlsx.with_suffix(".pdf").name
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())  # type: ignore[union-attr]
    assert width > height, "landscape"
    assert pages <= MAX_PAGES
    headers = {}
    for ws in book.worksheets[1:]:
        (table,) = ws.tables.values()
        first_row = next(iter(ws[table.ref]))
        headers[ws.title] = (str(first_row[0].value), str(first_row[-1].value))
    per_sheet: Counter[str] = Counter()
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        footer = re.search(r"^\s*(\S.*?)\s{2,}Sida \d+ av \d+\s*$", text, re.MULTILINE)
        assert footer, f"page {page} has no footer"
        sheet = footer.group(1)
        per_sheet[sheet] += 1
        if sheet in headers:
            first, last = headers[sheet]
            words = text.split()
            assert first.split()[0] in words, f"page {page} ({sheet}) lacks the first column"
            assert all(w in words for w in last.split()), f"page {page} ({sheet}) lacks the last column {last!r}"
    assert set(per_sheet) == set(book.sheetnames)
    assert per_sheet["Läs mig"] == 1  # the cover prints whole, on one page


def test_openxml_audit_finds_no_errors(built: Built) -> None:
    out = subprocess.run(
        ["openxml-audit", str(built.xlsx), "-o", "json"], capture_output=True, text=True, check=False
    ).stdout
    (report,) = json.loads(out)
    assert report["error_count"] == 0, report["errors"][:5]
