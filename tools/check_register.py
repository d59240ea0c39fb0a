"""Sanity checks for the respondent register data files (stdlib only).

Usage: python tools/check_register.py
Prints "register OK" and exits 0, or lists the problems and exits 1.
"""

import csv
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def read(name, columns, problems):
    path = DATA / name
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != columns:
                problems.append(f"{name}: header {reader.fieldnames} != {columns}")
            return list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(f"{name}: cannot read ({exc})")
        return []


def main():
    problems = []
    counties = read("counties.csv", ["county_code", "county", "slug"], problems)
    munis = read("municipalities.csv", ["municipality_code", "municipality", "county_code", "population"], problems)
    districts = read("stockholm_districts.csv", ["respondent_id", "name", "population"], problems)

    # Counties
    if len(counties) != 21:
        problems.append(f"counties: expected 21, found {len(counties)}")
    codes = [c["county_code"] for c in counties]
    if len(set(codes)) != len(codes):
        problems.append("counties: duplicate county codes")
    for c in codes:
        if not re.fullmatch(r"\d{2}", c or ""):
            problems.append(f"counties: bad county code {c!r}")
    slugs = [c["slug"] for c in counties]
    for s in slugs:
        if not re.fullmatch(r"[a-z-]+", s or ""):
            problems.append(f"counties: slug not ASCII [a-z-]+: {s!r}")
    if len(set(slugs)) != len(slugs):
        problems.append("counties: duplicate slugs")
    county_set = set(codes)

    # Municipalities
    if len(munis) != 290:
        problems.append(f"municipalities: expected 290, found {len(munis)}")
    mcodes = [m["municipality_code"] for m in munis]
    if len(set(mcodes)) != len(mcodes):
        dups = sorted({c for c in mcodes if mcodes.count(c) > 1})
        problems.append(f"municipalities: duplicate codes {dups}")
    for m in munis:
        code = m["municipality_code"] or ""
        if not re.fullmatch(r"\d{4}", code):
            problems.append(f"municipalities: bad code {code!r}")
            continue
        if code[:2] not in county_set:
            problems.append(f"municipalities: {code} prefix is not a county code")
        if m["county_code"] != code[:2]:
            problems.append(f"municipalities: {code} county_code {m['county_code']!r} != code prefix")
        if not (m["municipality"] or "").strip():
            problems.append(f"municipalities: {code} has no name")
        if not re.fullmatch(r"\d+", m["population"] or ""):
            problems.append(f"municipalities: {code} population not an integer")
    names = [m["municipality"] for m in munis]
    if len(set(names)) != len(names):
        problems.append("municipalities: duplicate names")
    for county, expected in (("12", 33), ("09", 1), ("01", 26)):
        n = sum(1 for c in mcodes if c[:2] == county)
        if n != expected:
            problems.append(f"municipalities: county {county} has {n}, expected {expected}")

    # Stockholm districts
    if len(districts) != 13:
        problems.append(f"stockholm_districts: expected 13, found {len(districts)}")
    expected_ids = [f"0180-{i:02d}" for i in range(1, len(districts) + 1)]
    if [d["respondent_id"] for d in districts] != expected_ids:
        problems.append("stockholm_districts: ids are not 0180-01..0180-NN in order")
    for d in districts:
        if not re.fullmatch(r"\d+", d["population"] or ""):
            problems.append(f"stockholm_districts: {d['respondent_id']} population not an integer")

    if problems:
        for p in problems:
            print(p)
        return 1
    print("register OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
