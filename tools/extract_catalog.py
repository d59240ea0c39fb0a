"""Extract the insats catalog and the national figures from the national appendix text.

Run from the repository root:

    python tools/extract_catalog.py ../shared/seeds/000_663c55f0d4511fe3.txt

It writes ``data/catalog.csv`` (one row per insats, stable ids) and
``data/national_appendix.csv`` (the printed four counts and shares per insats, the
calibration target of the demo data). Both are committed; this script exists so the
catalog can be regenerated and reviewed against its source.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

AREA_CODES = {
    "äldre": "ALD",
    "barn och unga": "BOU",
    "funktionshinder": "FUN",
    "missbruk och beroende": "MOB",
    "socialpsykiatri": "SOC",
    "våld i nära relationer": "VNR",
}

AREA_RE = re.compile(r"^(\d) Verksamhetsområde (.+?)\s*$")
GROUP_RE = re.compile(r"^(\d\.\d) (.+?)\s*$")
FOOTNOTE_RE = re.compile(r"^(\d+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+) Detta antal")
CELL_RE = re.compile(r"^(\d+) \((\d+)%\)$")


def clean_name(raw: str) -> str:
    name = raw.strip()
    name = re.sub(r"\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+$", "", name)
    # "Korttidsboende, korttidsplats2": a footnote reference glued to the word.
    name = re.sub(r"(?<=[a-zåäö])2$", "", name)
    return re.sub(r"\s+", " ", name)


def target_group(subheading: str) -> str:
    """Derive the target group from the sub-heading the insats is listed under.

    Only sub-headings aimed at relatives alone mark an insats `*` (e.g. "Insatser
    riktade till anhöriga"); mixed ones ("till äldre och anhöriga") do not, which is
    how the county decks mark them. Perpetrator sub-headings ("våldsutövande") give `**`.
    """
    s = subheading.lower()
    if "våldsutövande" in s:
        return "valdsutovare"
    if re.search(r"\btill anhöriga\b", s) and " och anhöriga" not in s:
        return "anhoriga"
    return "person"


def parse_cell(cell: str) -> tuple[str, str]:
    cell = cell.strip()
    if cell == "-":
        return "", ""
    m = CELL_RE.match(cell)
    if not m:
        raise ValueError(f"unexpected cell {cell!r}")
    return m.group(1), m.group(2)


def extract(text: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    area = area_no = group_id = group = subheading = ""
    started = False
    counters: dict[str, int] = {}
    for line in text.splitlines():
        line = line.rstrip()
        if not line.strip():
            continue
        m = AREA_RE.match(line)
        if m and "\t" not in line:
            if not started and line.endswith(tuple("0123456789")):
                continue  # table of contents
            started = True
            area_no, area = m.group(1), m.group(2).strip(". ")
            group_id = group = subheading = ""
            continue
        if not started:
            continue
        m = GROUP_RE.match(line)
        if m and "\t" not in line:
            group_id, group, subheading = m.group(1), m.group(2), ""
            continue
        if line.startswith("Insats\t") or FOOTNOTE_RE.match(line):
            continue
        if "\t" not in line:
            subheading = line.strip()
            continue
        parts = line.split("\t")
        if len(parts) != 5:
            raise ValueError(f"unexpected row {line!r}")
        code = AREA_CODES[area]
        counters[code] = counters.get(code, 0) + 1
        given, given_pct = parse_cell(parts[1])
        digital, digital_pct = parse_cell(parts[2])
        private, private_pct = parse_cell(parts[3])
        without, without_pct = parse_cell(parts[4])
        rows.append(
            {
                "insats_id": f"{code}{counters[code]:03d}",
                "area": area,
                "area_no": area_no,
                "huvudgrupp_id": group_id,
                "huvudgrupp": group,
                "subheading": subheading,
                "name": clean_name(parts[0]),
                "target": target_group(subheading),
                "given": given,
                "given_pct": given_pct,
                "digital": digital,
                "digital_pct": digital_pct,
                "private": private,
                "private_pct": private_pct,
                "without_decision": without,
                "without_decision_pct": without_pct,
            }
        )
    return rows


CATALOG_COLUMNS = ["insats_id", "area", "area_no", "huvudgrupp_id", "huvudgrupp", "subheading", "name", "target"]
FIGURE_COLUMNS = [
    "insats_id",
    "given",
    "given_pct",
    "digital",
    "digital_pct",
    "private",
    "private_pct",
    "without_decision",
    "without_decision_pct",
]


def main(argv: list[str]) -> int:
    source = Path(argv[1] if len(argv) > 1 else "../shared/seeds/000_663c55f0d4511fe3.txt")
    out = Path(argv[2] if len(argv) > 2 else "data")
    rows = extract(source.read_text(encoding="utf-8"))
    for name, columns in (("catalog.csv", CATALOG_COLUMNS), ("national_appendix.csv", FIGURE_COLUMNS)):
        with (out / name).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    per_area: dict[str, int] = {}
    for row in rows:
        per_area[row["area"]] = per_area.get(row["area"], 0) + 1
    print(f"{len(rows)} insatser: " + ", ".join(f"{a} {n}" for a, n in per_area.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
