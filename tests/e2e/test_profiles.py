"""Issue 17 acceptance on real profiles from the demo data, read back as a recipient
reads them (text extracted from the PDFs): Skåne's 33 from the shared build, and every
profile of three more counties (Stockholm with its city districts, Gotland, Blekinge)
rendered here the way the batch renders them.

The expected figures for Malmö and Örkelljunga are written out by hand from
``reportgen metrics --county skane --municipality …`` (and its ``--table insatser``
shares); the test also checks them against those commands' output.
"""

from __future__ import annotations

import collections
import csv
import json
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from reportgen.batch.context import SharedContext, shared_context
from reportgen.batch.municipality import draw_profile, write_profile
from reportgen.batch.naming import profile_name
from reportgen.cli import main
from reportgen.metrics.compute import compute_scope
from reportgen.metrics.model import Scope
from reportgen.metrics.profile import unit_profiles
from reportgen.municipality.profile_deck import build_profile_deck
from reportgen.theme import load_theme
from tests.e2e.conftest import Built

OTHER_COUNTIES = ("Stockholms län", "Gotlands län", "Blekinge län")
#: A whole number written with a decimal ("57,0"); "0,0" is checked literally as well.
WHOLE_WITH_DECIMAL = re.compile(r"(?<![\d,])\d+,0(?!\d)")


def pages_of(path: Path) -> list[str]:
    """Each page's text with runs of whitespace as one space (table cells in reading order)."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def poppler_text(path: Path) -> str:
    """The whole text by poppler's pdftotext (fast; its order of table cells may differ)."""
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def ctx() -> SharedContext:
    return shared_context(None)


@pytest.fixture(scope="session")
def profile_pdfs(built: Built, ctx: SharedContext, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """County → its profile PDFs: Skåne's from the build, the others rendered here."""
    found = {"Skåne län": sorted((built.folder / "kommuner").glob("*-profil.pdf"))}
    out = tmp_path_factory.mktemp("profiles")
    for name in OTHER_COUNTIES:
        county = ctx.survey.register.county(name)
        scope = Scope(county.name, county.code, county.slug)
        metrics = compute_scope(ctx.survey, scope, tables=ctx.tables, national=ctx.national)
        found[name] = [
            write_profile(drawn, out / profile_name(drawn.respondent_id, drawn.name))
            for drawn in (draw_profile(ctx, unit) for unit in unit_profiles(ctx.tables, metrics, ctx.national))
        ]
    return found


#: The Skåne profiles read page by page below.
READ = ("1278-bastad", "1291-simrishamn", "1264-skurup", "1257-orkelljunga", "1280-malmo")


@pytest.fixture(scope="session")
def skane_text(built: Built) -> dict[str, list[str]]:
    return {f"{stem}-profil.pdf": pages_of(built.folder / "kommuner" / f"{stem}-profil.pdf") for stem in READ}


def test_no_profile_shows_a_zero_decimal_or_a_whole_count_with_a_decimal(profile_pdfs):
    counts = {county: len(paths) for county, paths in profile_pdfs.items()}
    assert counts == {"Skåne län": 33, "Stockholms län": 38, "Gotlands län": 1, "Blekinge län": 5}
    for paths in profile_pdfs.values():
        for path in paths:
            text = " ".join(poppler_text(path).split())
            assert "0,0" not in text, path.name
            assert not WHOLE_WITH_DECIMAL.search(text), (path.name, WHOLE_WITH_DECIMAL.findall(text))


def test_one_table_size_and_no_shrunk_text_on_any_page(profile_pdfs):
    """Every text is set at a size of the theme (tables at its one table size): a table or
    text shrunk to fit would show as a size between them (10,5 pt, 9,5 pt …)."""
    theme = load_theme()
    allowed = {theme.sizes[k] for k in ("title", "section_title", "body", "table", "key_value", "caption")}
    allowed |= {theme.sizes[k] for k in ("note", "source", "page_number", "chart_text")}
    allowed.add(float(theme.charts["label_max_size"]))
    for paths in profile_pdfs.values():
        for path in paths[::4]:  # every fourth profile of each county: the sizes repeat
            for number, page in enumerate(PdfReader(str(path)).pages, start=1):
                sizes: collections.Counter[float] = collections.Counter()

                def visit(text, cm, tm, font, size, sizes=sizes):
                    if text.strip():
                        sizes[round(size * tm[0] * cm[0], 2)] += 1

                page.extract_text(visitor_text=visit)
                assert set(sizes) <= allowed, (path.name, number, sorted(set(sizes) - allowed))


def test_a_unit_that_answered_no_area_has_two_pages_saying_so_first(skane_text):
    """Skurup is the demo data's example of a unit that answered no area (issue 17's
    acceptance; reportgen.demo.generate.SILENT_EXAMPLE); Simrishamn answered none either."""
    for file, name in (("1264-skurup-profil.pdf", "Skurup"), ("1291-simrishamn-profil.pdf", "Simrishamn")):
        pages = skane_text[file]
        assert len(pages) == 2
        assert f"{name} besvarade inga insatsfrågor i något av de sex verksamhetsområdena" in pages[0]
        assert pages[1].count("Ej besvarad") == 6 and " 0 av " not in pages[1]


def test_a_unit_that_answered_one_area_says_first_which(skane_text):
    pages = skane_text["1278-bastad-profil.pdf"]
    assert (
        "Båstad besvarade insatsfrågorna i ett av sex verksamhetsområden. Inga insatssvar: äldre; "
        "barn och unga; funktionshinder; missbruk och beroende; våld i nära relationer." in pages[0]
    )
    assert len(pages) == 3 and pages[2].startswith("Verksamhetsområde socialpsykiatri 3 av de 53")


def test_a_profile_has_a_page_per_answered_area_only(skane_text):
    """Örkelljunga started funktionshinder but answered no insats question in it: no page,
    no bar, and the overview says so."""
    pages = skane_text["1257-orkelljunga-profil.pdf"]
    cover = "Örkelljunga besvarade insatsfrågorna i fem av sex verksamhetsområden. Inga insatssvar: funktionshinder."
    assert cover in pages[0]
    assert len(pages) == 2 + 5
    assert not any(p.startswith("Verksamhetsområde funktionshinder") for p in pages)
    assert "Funktionshinder Påbörjad, inga insatssvar – – –" in pages[1]


#: By hand from ``reportgen metrics --county skane --municipality Malmö`` /
#: ``… Örkelljunga``: the place, then the first rows of the offered list and of the
#: common not-offered list with the county's and Riket's shares.
EXPECTED = {
    "1280-malmo-profil.pdf": {
        "äldre": (
            "delad plats 1–2 av 25",
            [("ALD058", "Telefoneringshjälpmedel och hjälpmedel för andra former av telekommunikation", "4%", "25%"),
             ("ALD027", "Generell familjerådgivning", "25%", "23%"),
             ("ALD054", "Läkemedelsrobot", "26%", "27%")],
            [],
        ),
        "barn och unga": (
            "plats 1 av 27",
            [("BOU103", "Stella", "7%", "7%"),
             ("BOU034", "FamiljeART", "8%", "9%"),
             ("BOU007", "Barns rätt som anhöriga (BRA) - samtal", "15%", "16%")],
            [],
        ),
        "våld i nära relationer": (
            "plats 1 av 29",
            [("VNR013", "Stöd vid byte av boende inom kommunen**", "14%", "16%"),
             ("VNR028", "Icke-våldsgrupp (bygger på Alternativ till våld)**", "25%", "16%"),
             ("VNR016", "Generella gruppsamtal utan särskild manual", "25%", "21%")],
            [],
        ),
    },
    "1257-orkelljunga-profil.pdf": {
        "äldre": (
            "plats 21 av 25",
            [("ALD003", "Dagverksamhet anpassad för yngre personer med demenssjukdom", "13%", "26%")],
            [("ALD052", "Inkontinenshjälpmedel", "84%", "83%"),
             ("ALD043", "GPS-larm / mobila trygghetslarm", "84%", "79%"),
             ("ALD012", "Hjälp att genomföra ärenden", "80%", "91%")],
        ),
        "missbruk och beroende": (
            "delad plats 21–23 av 25",
            [("MOB009", "Boendetrappan", "8%", "18%")],
            [("MOB024", "Motiverande samtal (MI)", "92%", "93%"),
             ("MOB019", "Haschavvänjningsprogrammet (HAP)", "80%", "74%")],
        ),
        "våld i nära relationer": (
            "delad plats 21–24 av 29",
            [],
            [("VNR010", "Tillfälligt boende", "86%", "82%"),
             ("VNR024", "Generella stödsamtal utan särskild manual**", "86%", "77%")],
        ),
    },
}  # fmt: skip


def _metrics(tmp_path: Path, *argv: str) -> Path:
    out = tmp_path / "metrics.out"
    assert main(["metrics", "--county", "skane", *argv, "--out", str(out)]) == 0
    return out


def test_malmo_and_orkelljunga_agree_with_metrics(skane_text, built: Built, tmp_path):
    with _metrics(tmp_path, "--table", "insatser", "--format", "csv").open(encoding="utf-8") as fh:
        county_share = {r["insats_id"]: float(r["share"]) for r in csv.DictReader(fh) if r["share"]}
    names = {"1280-malmo-profil.pdf": "Malmö", "1257-orkelljunga-profil.pdf": "Örkelljunga"}
    for file, areas in EXPECTED.items():
        name = names[file]
        figures = json.loads(_metrics(tmp_path, "--municipality", name).read_text(encoding="utf-8"))["areas"]
        for area, (place, offered, missing) in areas.items():
            page = next(text for text in skane_text[file] if text.startswith(f"Verksamhetsområde {area} "))
            assert f"{place} i länet" in page, (name, area)
            mine = figures[area]
            # The place is the county metrics' own: 1 + answering units that offer more.
            counts = [r["offered"] for r in built.metrics["areas"][area]["per_respondent"] if r["answered"]]
            assert mine["place"]["first"] == 1 + sum(c > mine["offered"] for c in counts)
            assert mine["place"]["of"] == len(counts)
            for rows, listed in ((offered, mine["offered_insatser"]), (missing, mine["not_offered_common"])):
                assert [r[0] for r in rows] == [i["insats_id"] for i in listed[: len(rows)]], (name, area)
                for insats_id, insats, county, riket in rows:
                    assert f"{insats} {county} {riket}" in page, (name, area, insats)
                    assert abs(county_share[insats_id] * 100 - int(county.rstrip("%"))) <= 0.5
            if not missing:
                assert mine["not_offered_common"] == []
                assert f"Vanliga insatser som {name} inte erbjuder: inga." in page


def test_every_profile_of_every_county_as_a_model(ctx: SharedContext):
    """All 302 profiles (model only, no drawing): an area not answered has no bar, no
    count and no page; no whole number with a decimal anywhere."""
    seen = 0
    for county in ctx.survey.register.all_counties:
        scope = Scope(county.name, county.code, county.slug)
        metrics = compute_scope(ctx.survey, scope, tables=ctx.tables, national=ctx.national)
        for profile in unit_profiles(ctx.tables, metrics, ctx.national):
            deck = build_profile_deck(profile, date_text="maj 2022", synthetic=True, fits=lambda table: True)
            answered = [a.area for a in profile.answered_areas]
            assert [s.title for s in deck.slides[2:]] == [f"Verksamhetsområde {a}" for a in answered]
            (chart,) = deck.charts
            if answered:
                assert [c.lower() for c in chart.categories] == answered
            else:
                assert profile.name not in [s.name for s in chart.series]
            cells = [c for s in deck.slides for b in s.blocks if hasattr(b, "rows") for row in b.rows for c in row]
            texts = [b.caption for s in deck.slides for b in s.blocks if hasattr(b, "caption")]
            assert not any(WHOLE_WITH_DECIMAL.search(t) or "0,0" in t for t in cells + texts), profile.name
            seen += 1
    assert seen == len(ctx.survey.register.units)
