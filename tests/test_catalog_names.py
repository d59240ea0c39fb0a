"""Display names and printed labels of the catalog (issue 14 item 5)."""

from __future__ import annotations

import csv

import pandas as pd

from reportgen.catalog import DISPLAY_COLUMNS, Catalog
from reportgen.paths import DATA_DIR, ROOT


def _frame(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"insats_id": i, "area": a, "area_no": "2", "huvudgrupp_id": "2.1", "huvudgrupp": "H",
             "subheading": "", "name": n, "target": t}
            for i, a, n, t in rows
        ]
    )  # fmt: skip


def test_the_mark_replaces_anhoriga_and_typos_are_corrected() -> None:
    catalog = Catalog.load()
    assert catalog.label("MOB042") == "Rådgivning och stöd utan särskild manual*"
    assert catalog.label("MOB014") == "Rådgivning och stöd utan särskild manual"
    assert catalog.label("ALD037") == "Träffpunkter, mötesplatser, café och liknande*"
    assert catalog.label("BOU113") == "Umgängeskontaktperson"
    assert catalog.label("ALD022") == "Digitala vårddjur"
    assert catalog.label("VNR033") == "Internetbehandling mot våld i nära relationer (IVIN)**"
    # The source spelling is kept for input.
    assert catalog.table.at["BOU113", "name"] == "Umgängeskotaktperson"
    assert not catalog.table["label"].str.contains("(anhöriga)", regex=False).any()
    for _, labels in catalog.table.groupby("area")["label"]:
        assert not labels.duplicated().any()


def test_the_word_stays_where_two_labels_would_print_alike() -> None:
    frame = _frame(
        [
            ("X001", "äldre", "Samtal (anhöriga)", "anhoriga"),
            ("X002", "äldre", "Samtal", "anhoriga"),
            ("X003", "äldre", "Stöd (anhöriga)", "anhoriga"),
            ("X004", "äldre", "Stöd", "person"),
        ]
    )
    labels = Catalog.from_frame(frame).table["label"].tolist()
    assert labels == ["Samtal (anhöriga)*", "Samtal*", "Stöd*", "Stöd"]


def test_a_stale_correction_is_not_applied() -> None:
    frame = _frame([("X001", "äldre", "Umgängeskotaktperson", "person"), ("X002", "äldre", "Ny stavning", "person")])
    fixes = pd.DataFrame(
        [("X001", "Umgängeskotaktperson", "Umgängeskontaktperson", "typo"), ("X002", "Gammal", "Fel", "typo")],
        columns=DISPLAY_COLUMNS,
    )
    assert Catalog.from_frame(frame, fixes).table["label"].tolist() == ["Umgängeskontaktperson", "Ny stavning"]


def test_docs_list_every_correction() -> None:
    doc = (ROOT / "docs" / "display-names.md").read_text(encoding="utf-8")
    with open(DATA_DIR / "display_names.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    catalog = Catalog.load()
    for row in rows:
        assert row["insats_id"] in doc and row["display_name"] in doc, row
        assert catalog.table.at[row["insats_id"], "name"] == row["source_name"], row  # no stale fix
