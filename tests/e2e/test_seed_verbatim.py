"""Issue 14 acceptance: our Skåne PPTX prints the seed deck's tables as the seed does.

The seed (the Skåne deck as text, SPEC §2) is parsed here on its own, without the
generator's parser: in each area section every tab-separated line that is not a header
(the ten most / least common rows, the top-5 rows "Insats (n)", share, count) and every
"100 % = N" total. The built PPTX is read back with python-pptx: the table rows of each
area section, cell by cell, and the "100 % = N" totals in its text. A seed row counts
when the same cells appear in a row of the same area (each of our rows matched once), a
total when the same number follows "100 % =" in that area. At least 95 % must match
(issue 14; the rest are listed in docs/demo-data.md).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from pptx import Presentation

from reportgen.paths import ROOT
from tests.e2e.conftest import Built
from tests.e2e.test_county_deck import AREAS

SEED_NAME = "001_527e8e02886fc8f9.txt"
SEED = next(
    (p for p in (ROOT / "seeds" / SEED_NAME, ROOT.parent / "shared" / "seeds" / SEED_NAME) if p.is_file()), None
)
AREA_IN_SEED = re.compile(r"^## Resultat för verksamhetsområde (.+?)\s*$")
AREA_IN_DECK = re.compile(r"^Resultat för verksamhetsområde (.+?)\s*$")
TOTAL = re.compile(r"100\s*%\s*=\s*(\d[\d\s\u00a0\u202f]*)")
REQUIRED = 0.95


def _cells(line: str) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", " ", c.replace("\\*", "*")).strip() for c in line.split("\t"))


def _total(match: str) -> str:
    return re.sub(r"\D", "", match)


def _by_area(parts, heading: re.Pattern[str], items) -> dict[str, Counter]:
    """Split ``parts`` (seed lines, deck slides) at the area headings (``heading`` on the
    part's title) and count ``items(part)`` under the area in force; before the first
    heading nothing counts."""
    found: dict[str, Counter] = {}
    area = None
    for title, part in parts:
        match = heading.match(title)
        if match:
            area = match.group(1)
            found[area] = Counter()
        elif area is not None:
            found[area].update(items(part))
    return found


def _seed_line(line: str) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    if "\t" in line:
        cells = _cells(line)
        if not cells[0].startswith("Insats"):  # the header rows
            found.append(("row", *cells))
    return found + [("total", _total(n)) for n in TOTAL.findall(line)]


def _deck_slide(slide) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for shape in slide.shapes:
        if shape.has_table:
            found += [("row", *(re.sub(r"\s+", " ", c.text).strip() for c in row.cells)) for row in shape.table.rows]
        if shape.has_text_frame:
            found += [("total", _total(n)) for n in TOTAL.findall(shape.text_frame.text)]
    return found


def seed_items(text: str) -> dict[str, Counter]:
    """Per area: ("row", cells…) and ("total", "723") items with their counts."""
    return _by_area(((line, line) for line in text.splitlines()), AREA_IN_SEED, _seed_line)


def deck_items(pptx: Path) -> dict[str, Counter]:
    slides = Presentation(str(pptx)).slides
    titled = ((s.shapes.title.text_frame.text if s.shapes.title is not None else "", s) for s in slides)
    return _by_area(titled, AREA_IN_DECK, _deck_slide)


def verbatim_share(seed: dict[str, Counter], deck: dict[str, Counter]) -> tuple[int, int, list[str]]:
    found = wanted = 0
    missing: list[str] = []
    for area, counts in seed.items():
        ours = deck.get(area, Counter())
        for item, n in counts.items():
            hit = min(n, ours[item])
            found += hit
            wanted += n
            missing.extend([f"{area}: {' | '.join(item[1:])}"] * (n - hit))
    return found, wanted, missing


def test_the_parser_reads_rows_and_totals() -> None:
    text = (
        "## Resultat för verksamhetsområde äldre\n"
        "Insatser\tAndel\tAntal\tSvarat\n"
        "Avlösning i hemmet\\*\t100%\t25\t25\n"
        "100 % = 723  \ninsatser …\n"
        "100 % = 1 075\n"
    )
    assert seed_items(text) == {
        "äldre": Counter(
            {("row", "Avlösning i hemmet*", "100%", "25", "25"): 1, ("total", "723"): 1, ("total", "1075"): 1}
        )
    }
    found, wanted, missing = verbatim_share(seed_items(text), {"äldre": Counter({("total", "723"): 1})})
    assert (found, wanted) == (1, 3) and len(missing) == 2


@pytest.mark.slow
def test_at_least_95_percent_of_the_seed_tables_appear_verbatim(built: Built, capsys) -> None:
    if SEED is None:
        pytest.skip(f"the Skåne deck seed ({SEED_NAME}) is not beside this checkout")
    seed = seed_items(SEED.read_text(encoding="utf-8"))
    assert list(seed) == AREAS
    rows = sum(n for c in seed.values() for item, n in c.items() if item[0] == "row")
    totals = sum(n for c in seed.values() for item, n in c.items() if item[0] == "total")
    # Every table of the seed was found: 377 rows and 53 totals, 430 items (issue 14 counts ~93 % of them today).
    assert (rows, totals) == (377, 53)
    found, wanted, missing = verbatim_share(seed, deck_items(built.pptx))
    with capsys.disabled():
        print(f"\nseed rows and totals verbatim in the Skåne PPTX: {found} of {wanted} = {found / wanted:.1%}")
    assert found / wanted >= REQUIRED, "\n".join(missing)
