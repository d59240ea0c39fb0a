"""Issue 2 acceptance: Riket from the demo data reproduces the national appendix.

The seed text is parsed here independently of tools/extract_catalog.py (another reading
of the same document), and compared with what `reportgen metrics --national --table
appendix --format csv` prints.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from reportgen.catalog import Catalog
from reportgen.cli import main
from reportgen.paths import ROOT

SEED = ROOT.parent / "shared" / "seeds" / "000_663c55f0d4511fe3.txt"
CELL = r"(?:(\d+) \((\d+)%\)|-)"
ROW = re.compile(rf"^(?P<name>[^\t]+)\t{CELL}\t{CELL}\t{CELL}\t{CELL}\s*$")
AREA = re.compile(r"^\d Verksamhetsområde (?P<area>[a-zåäö ]+?)\.*\s*$")
SIZES = {
    "äldre": 75,
    "barn och unga": 119,
    "funktionshinder": 57,
    "missbruk och beroende": 59,
    "socialpsykiatri": 53,
    "våld i nära relationer": 46,
}


def seed_rows() -> list[tuple[str, str, list[str]]]:
    """(area, name, eight cells as printed: count, pct, … with '' for '-')."""
    if not SEED.is_file():
        pytest.skip(f"the national appendix seed is not at {SEED}")
    rows, area = [], None
    for line in SEED.read_text(encoding="utf-8").splitlines():
        heading = AREA.match(line)
        if heading and "\t" not in line and not re.search(r"\d$", line.strip(". ")):
            area = heading.group("area")
            continue
        match = ROW.match(line)
        if match and area is not None:
            cells = [g or "" for g in match.groups()[1:]]
            rows.append((area, match.group("name"), cells))
    return rows


def _plain(name: str) -> str:
    """Name without footnote marks ("korttidsplats2", "(KBT) ⁵") and spacing."""
    name = re.sub(r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+$", "", name.strip())
    name = re.sub(r"(?<=[a-zåäö])2$", "", name)
    return re.sub(r"[\s*]+", "", name).lower()


def test_catalog_sizes_per_area():
    catalog = Catalog.load()
    assert {a: catalog.size(a) for a in catalog.areas} == SIZES
    counted: dict[str, int] = {}
    for area, _, _ in seed_rows():
        counted[area] = counted.get(area, 0) + 1
    assert counted == SIZES


def test_riket_reproduces_every_count_and_share(tmp_path: Path):
    out = tmp_path / "appendix.csv"
    assert main(["metrics", "--national", "--table", "appendix", "--format", "csv", "--out", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as fh:
        ours = list(csv.DictReader(fh))
    assert list(ours[0].keys()) == [
        "area",
        "huvudgrupp",
        "insats_id",
        "insats",
        "given",
        "given_pct",
        "digital",
        "digital_pct",
        "private",
        "private_pct",
        "without_decision",
        "without_decision_pct",
    ]
    printed = seed_rows()
    assert len(ours) == len(printed) == 409
    # Our rows print display names (docs/display-names.md); the source name of the same
    # id is what the appendix prints.
    source = Catalog.load().table["name"]
    wrong = []
    for row, (area, name, cells) in zip(ours, printed, strict=True):
        got = [
            row[c]
            for c in (
                "given",
                "given_pct",
                "digital",
                "digital_pct",
                "private",
                "private_pct",
                "without_decision",
                "without_decision_pct",
            )
        ]
        # "-" (nobody answered the follow-up) is a count of 0 with a blank share.
        want = [c if c or i % 2 else "0" for i, c in enumerate(cells)]
        if row["area"] != area or _plain(source[row["insats_id"]]) != _plain(name) or got != want:
            wrong.append(f"{row['insats_id']} {row['insats']}: {got} != {want} ({name})")
    assert not wrong, "\n".join(wrong[:10])
