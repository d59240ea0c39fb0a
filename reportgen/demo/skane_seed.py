"""Read the Skåne deck's printed figures from its text extraction (SPEC §2, seed 001).

Per area: answered, completed, mean / min / max offered, the share giving further
insatser, the ten most and ten least common tables, the three top-5 tables per
dimension, the "100 % = N" totals and the Riket figures quoted in the notes. Every printed
insats name is resolved to a catalog id (``names.insats_id_of``); an unresolved name
raises. ``tools/extract_skane_targets.py`` writes the result to
``data/calibration/skane.yaml``; the acceptance test reads the seed through here too.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.catalog import Catalog
from reportgen.demo.names import insats_id_of
from reportgen.paths import ROOT

#: Where the seeds live beside a checkout (the shared folder of the project).
SEED_NAME = "001_527e8e02886fc8f9.txt"
SEED_DIRS = (ROOT / "seeds", ROOT.parent / "shared" / "seeds")


def find_seed() -> Path | None:
    """The Skåne deck text, if a copy is at hand."""
    for folder in SEED_DIRS:
        if (folder / SEED_NAME).is_file():
            return folder / SEED_NAME
    return None


AREA_HEADING = re.compile(r"^## Resultat för verksamhetsområde (.+?)\s*$")
#: Section headings that open a dimension, and the table headings of its categories.
DIMENSION_HEADINGS = {
    "# Fysiska och digitala insatser": "form",
    "# Insatser inom kommunal och enskild regi": "regi",
    "# Insatser som genomförs med eller utan biståndsbeslut": "beslut",
}
CATEGORY_TABLES = {
    "Vanligast fysisk form": ("form", "A"),
    "Vanligast både fysisk och digital form": ("form", "AB"),
    "Vanligast digital form": ("form", "B"),
    "Vanligast kommunal regi": ("regi", "A"),
    "Vanligast både kommunal och enskild regi": ("regi", "AB"),
    "Vanligast enskild regi": ("regi", "B"),
    "Vanligast enbart med biståndsbeslut": ("beslut", "A"),
    "Vanligast både med och utan biståndsbeslut": ("beslut", "AB"),
    "Vanligast enbart utan biståndsbeslut": ("beslut", "B"),
}
#: Words of the individuals slides' "100 % = N …" captions → category.
INDIVIDUAL_CAPTIONS = {
    "endast ges i fysisk form": ("form", "A"),
    "både i fysisk och digital form": ("form", "AB"),
    "endast ges i digital form": ("form", "B"),
    "endast ges i kommunal regi": ("regi", "A"),
    "både kommunal och enskild regi": ("regi", "AB"),
    "endast ges i enskild regi": ("regi", "B"),
    "endast ges med biståndsbeslut": ("beslut", "A"),
    "både med och utan biståndsbeslut": ("beslut", "AB"),
    "endast ges utan biståndsbeslut": ("beslut", "B"),
}


def split_areas(lines: list[str]) -> dict[str, list[str]]:
    areas: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        match = AREA_HEADING.match(line)
        if match:
            current = areas.setdefault(match.group(1), [])
        elif current is not None:
            current.append(line)
    return areas


def paragraphs(lines: list[str]) -> list[str]:
    """Non-empty text blocks with their lines joined (captions wrap across lines)."""
    blocks, block = [], []
    for line in [*lines, ""]:
        if line.strip():
            block.append(line.strip().rstrip("\\").strip())
        elif block:
            blocks.append(" ".join(block))
            block = []
    return blocks


def headline(lines: list[str]) -> dict[str, float | int]:
    blocks = paragraphs(lines)
    found: dict[str, float | int] = {}
    for i, block in enumerate(blocks):
        value = blocks[i - 1] if i else ""
        if block.startswith("Kommuner besvarade enkäten"):
            found["answered"] = int(value.strip("*"))
        elif block.startswith("Kommuner fullföljde hela enkäten"):
            found["completed"] = int(value.strip("*"))
        elif "har i genomsnitt erbjudits" in block or "har i genomsnitt erbjudits" in block.replace("  ", " "):
            found["mean"] = int(re.match(r"(\d+)", value).group(1))
        elif "av kommunerna uppger att de ger" in block:
            found["further_pct"] = int(value.rstrip("%"))
        elif "erbjuder minst antal insatser" in block:
            found["min"] = int(value)
        elif "erbjuder störst antal insatser" in block:
            found["max"] = int(value)
    text = " ".join(blocks)
    national = re.search(r"Antal svarande kommuner i riket är (\d+)", text)
    if national:
        found["national_answered"] = int(national.group(1))
    further = re.search(r"(\d+) procent av kommunerna uppger att de erbjuder insatser utöver", text)
    if further:
        found["national_further_pct"] = int(further.group(1))
    return found


def table_rows(lines: list[str], start: int) -> list[list[str]]:
    """Tab-separated rows after the header line at ``start``, up to the first non-row."""
    rows = []
    for line in lines[start + 1 :]:
        if "\t" not in line:
            if line.strip() == "" and not rows:
                continue
            break
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def ranking_tables(lines: list[str], catalog: Catalog, area: str) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = {}
    kind = None
    for i, line in enumerate(lines):
        if line.startswith("# De tio vanligaste"):
            kind = "top10"
        elif line.startswith("# De tio minst vanliga"):
            kind = "bottom10"
        elif kind and line.startswith("Insatser\t"):
            tables[kind] = [
                {
                    "name": name,
                    "insats_id": insats_id_of(catalog, area, name),
                    "share_pct": int(share.rstrip("%")),
                    "offered": int(offered),
                    "answered": int(answered),
                }
                for name, share, offered, answered in table_rows(lines, i)
            ]
            kind = None
    return tables


def dimension_figures(lines: list[str], catalog: Catalog, area: str) -> dict[str, dict]:
    dims: dict[str, dict] = {d: {"top5": {}, "individuals_n": {}} for d in ("form", "regi", "beslut")}
    current = None
    table = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped in DIMENSION_HEADINGS:
            current = DIMENSION_HEADINGS[stripped]
        elif stripped in CATEGORY_TABLES:
            table = CATEGORY_TABLES[stripped]
            dims[table[0]]["top5"][table[1]] = []
        elif table and line.startswith("Insats\t"):
            rows = []
            for cells in table_rows(lines, i):
                name, n = re.match(r"(.+) \((\d+)\)$", cells[0]).groups()
                rows.append(
                    {
                        "name": name,
                        "insats_id": insats_id_of(catalog, area, name),
                        "n": int(n),
                        "share_pct": int(cells[1].rstrip("%")),
                        "count": int(cells[2]),
                    }
                )
            dims[table[0]]["top5"][table[1]] = rows
            table = None
        elif stripped.startswith("100 % =") and current:
            number = int(re.search(r"= (\d+)", stripped).group(1))
            caption = next((ln.strip() for ln in lines[i + 1 : i + 4] if ln.strip()), "")
            if "där frågan besvarats" in caption:
                dims[current]["total"] = number
            else:
                for words, (dim, category) in INDIVIDUAL_CAPTIONS.items():
                    if words in caption:
                        dims[dim]["individuals_n"][category] = number
                        break
    return dims


def wish_answered(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        if line.strip().startswith("100 % =") and any(
            "kommuner i länet som besvarat frågan" in ln for ln in lines[i + 1 : i + 4]
        ):
            return int(re.search(r"= (\d+)", line).group(1))
    return None


def extract(seed: Path, catalog: Catalog | None = None) -> dict:
    """Every printed Skåne figure, keyed by area, as plain data (the YAML layout)."""
    catalog = catalog or Catalog.load()
    lines = seed.read_text(encoding="utf-8").splitlines()
    result: dict = {"source": seed.name, "county": "Skåne län", "county_code": "12", "areas": {}}
    for area_heading, body in split_areas(lines).items():
        area = area_heading.strip()
        if area not in catalog.areas:
            raise SystemExit(f"unknown area heading {area_heading!r}")
        figures = headline(body)
        figures.update(ranking_tables(body, catalog, area))
        figures["wish_answered"] = wish_answered(body)
        figures["dimensions"] = dimension_figures(body, catalog, area)
        result["areas"][area] = figures
    return result
