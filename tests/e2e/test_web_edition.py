"""Issue 22 acceptance on the real Skåne build: the web edition says what the deck says
(tables cell for cell as in the PPTX, chart data as ``reportgen metrics`` computes it),
is valid HTML (the Nu Html Checker), passes axe-core's WCAG 2.1 A/AA rules in a real
Chromium, and reflows legibly at 320 px and at 200 % zoom.

One browser session walks every page once (module fixture); the tests then read what it
found. The Nu Html Checker runs beside it on the second core.
"""

from __future__ import annotations

import itertools
import os
import re
import zipfile
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from pptx import Presentation

from reportgen import numbers as fmt
from reportgen.batch.manifest import read_manifest
from reportgen.text import slugify
from tests.e2e.conftest import Built
from tests.e2e.test_county_deck import AREAS
from tests.e2e.web_check import (
    AXE,
    axe_violations,
    layout,
    require,
    screenshot,
    set_viewport,
    start_chromium,
    start_vnu,
)

DIMENSIONS = ("form", "regi", "beslut")
CATEGORIES = ("A", "AB", "B")
BUCKETS = ("1-20", "21-100", "101-500", "500+", "vet_ej")
SECTION_PAGES = [f"{n}-{slugify(name)}.html" for n, name in enumerate(("bakgrund", "insikter", *AREAS), start=1)]
#: Pages photographed for people to look at (REPORTGEN_SCREENSHOTS=folder keeps them).
PHOTOGRAPHED = ("index.html", "3-aldre.html", "kommuner/1280-malmo.html")


# ------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def vnu(built: Built):
    """The Nu Html Checker on every page and the stylesheet, started before the other
    tests so it runs while they (and the browser) do."""
    files = sorted(p for p in built.web.rglob("*") if p.suffix in (".html", ".css"))
    process = start_vnu(files)
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def pages(built: Built, vnu) -> dict[str, Any]:
    return {
        p.relative_to(built.web).as_posix(): lxml.html.document_fromstring(p.read_bytes())
        for p in sorted(built.web.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def browsed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Every page once in one Chromium: axe-core at a desktop width, then the layout at
    320 px and at 200 % zoom (a 1280-pixel window at scale 2)."""
    axe_source = require(AXE, "axe-core (npm)").read_text(encoding="utf-8")
    shots = Path(os.environ.get("REPORTGEN_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    found: dict[str, dict[str, Any]] = {}
    try:
        for page in sorted(built.web.rglob("*.html")):
            name = page.relative_to(built.web).as_posix()
            set_viewport(driver, 1280, 1)
            driver.get(page.as_uri())
            result = {"axe": axe_violations(driver, axe_source)}
            for label, width, scale in (("narrow", 320, 1), ("zoom", 640, 2)):
                set_viewport(driver, width, scale)
                result[label] = layout(driver)
                if name in PHOTOGRAPHED:
                    screenshot(driver, shots / f"{slugify(name)}-{label}.png", width)
            found[name] = result
    finally:
        driver.quit()
    return found


# ------------------------------------------------------------------ helpers
def _rows(table: Any) -> list[list[str]]:
    return [[cell.text_content() for cell in tr.xpath("./th|./td")] for tr in table.xpath(".//tr")]


def _deck_tables(pages: dict[str, Any]) -> list[list[list[str]]]:
    order = ["index.html", *SECTION_PAGES]
    return [_rows(t) for name in order for t in pages[name].xpath("//div[contains(@class,'table')]/div/table")]


def _chart_tables(pages: dict[str, Any], names: list[str]) -> dict[str, list[Any]]:
    charts: dict[str, list[Any]] = {}
    for name in names:
        for figure in pages[name].xpath("//figure[@data-chart]"):
            charts.setdefault(figure.get("data-chart"), []).append(figure)
    return charts


def _data(figure: Any) -> tuple[list[str], list[list[str]]]:
    """(row headers, value cells) of a chart's data table."""
    body = figure.xpath(".//details//tbody/tr")
    labels = [tr.xpath("./th")[0].text_content() for tr in body]
    return labels, [[td.text_content() for td in tr.xpath("./td")] for tr in body]


def _pct(part: float, whole: float) -> str:
    """A share in percent as the charts show it; a category nobody is in is drawn as 0."""
    return fmt.percent(100 * part / whole if whole else 0)


def _pptx_tables(path: Path) -> list[list[list[str]]]:
    tables = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_table:
                tables.append([[cell.text for cell in row.cells] for row in shape.table.rows])
    return tables


def _pptx_alt_texts(path: Path) -> list[str]:
    return [
        shape._element.nvPicPr.cNvPr.get("descr", "")
        for slide in Presentation(str(path)).slides
        for shape in slide.shapes
        if shape.shape_type == 13
    ]


def _expected_area_charts(area: str, county: dict[str, Any], riket: dict[str, Any]) -> dict[str, list[list[str]]]:
    """Each chart's data table of one area, computed by hand from the metrics' counts."""
    c, r, s = county["areas"][area], riket["areas"][area], slugify(area)

    def status(m: dict[str, Any]) -> list[int]:  # slutförd, påbörjad, ej påbörjad
        return [m["completed"], m["answered"] - m["completed"], m["respondents"] - m["answered"]]

    def shares(x: dict[str, Any]) -> list[str]:
        return [_pct(x["counts"][k], x["n_pairs"]) for k in CATEGORIES]

    expected: dict[str, list[list[str]]] = {
        f"{s}/svarsfrekvens": [
            [_pct(x, c["respondents"]) for x in status(c)],
            [_pct(x, r["respondents"]) for x in status(r)],
        ],
        f"{s}/insatsutbud/huvudgrupp": [
            [fmt.decimal(g["mean"]), fmt.decimal(g["national_mean"])] for g in c["group_means"]
        ],
        f"{s}/utan-beslut/vilja": [
            [_pct(c["wish"]["counts"][k], c["wish"]["answered"]), _pct(r["wish"]["counts"][k], r["wish"]["answered"])]
            for k in ("ja", "nej", "vet_ej")
        ],
        f"{s}/utan-beslut/huvudgrupp": [[fmt.integer(g["respondents"])] for g in c["wish"]["per_group"]],
    }
    for dim in DIMENSIONS:
        d, rd = c["dimensions"][dim], r["dimensions"][dim]
        county_total, riket_total = shares(d["total"]), shares(rd["total"])
        expected[f"{s}/{dim}/andelar"] = [list(pair) for pair in zip(county_total, riket_total, strict=True)]
        expected[f"{s}/{dim}/huvudgrupp"] = [shares(g) for g in d["per_group"] if g["n_pairs"]]
        for k in CATEGORIES:  # a category no insats is in gets no chart
            ind = d["individuals"][k]
            if ind["n"]:
                expected[f"{s}/{dim}/individer/{k}"] = [[_pct(ind["counts"][b], ind["n"])] for b in BUCKETS]
    return expected


# ------------------------------------------------------------------ the folder
def test_every_file_is_in_the_manifest_and_the_bundles(built: Built, vnu):
    files = sorted(p for p in built.web.rglob("*") if p.is_file())
    names = {p.relative_to(built.folder).as_posix() for p in files}
    assert names <= {e.file for e in read_manifest(built.folder)}
    pages = [p for p in files if p.suffix == ".html"]
    assert len(pages) == 1 + len(SECTION_PAGES) + 33  # index, sections, one per municipality
    assert {p.name for p in files if p.suffix != ".html"} == {
        "webb.css",
        "LiberationSans-Regular.woff",
        "LiberationSans-Bold.woff",
    }
    bundle = next((built.folder / "kommuner").glob("*-paket.zip"))
    with zipfile.ZipFile(bundle) as outer, zipfile.ZipFile(outer.open("skane-lan-webb.zip")) as inner:
        packed = {i.filename: inner.read(i) for i in inner.infolist()}
    assert packed == {f"skane-lan-webb/{p.relative_to(built.web).as_posix()}": p.read_bytes() for p in files}


def test_pages_are_static_and_fetch_nothing_from_elsewhere(built: Built, pages):
    for name, doc in pages.items():
        assert not doc.xpath("//script|//iframe|//object|//embed"), name
        here = built.web / name
        for element, attribute, link, _ in doc.iterlinks():
            if element.tag in ("svg",) or attribute == "xmlns":
                continue
            assert not re.match(r"^[a-z]+:|^//", link), f"{name}: {link} points elsewhere"
            path, _, anchor = link.partition("#")
            target = (here.parent / path).resolve() if path else here
            assert target.is_file(), f"{name}: {link} points to no file"
            if anchor:
                target_doc = pages[target.relative_to(built.web.resolve()).as_posix()]
                assert target_doc.xpath(f"//*[@id='{anchor}']"), f"{name}: no #{anchor} in {path or name}"
    css = (built.web / "stil" / "webb.css").read_text(encoding="utf-8")
    fonts = re.findall(r"url\(\"?([^\")]+)\"?\)", css)
    assert fonts and all((built.web / "stil" / f).resolve().is_file() for f in fonts)


def test_headings_language_skip_link_and_demo_label(pages):
    for name, doc in pages.items():
        assert doc.get("lang") == "sv", name
        levels = [int(h.tag[1]) for h in doc.xpath("//main//*[self::h1 or self::h2 or self::h3 or self::h4]")]
        assert levels[0] == 1 and levels.count(1) == 1, name
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), f"{name} skips a heading level"
        skip = doc.xpath("//body//a")[0]
        assert skip.get("href") == "#innehall" and doc.xpath("//main[@id='innehall']"), name
        assert doc.xpath("//p[@class='demo-label']/text()") == ["Syntetiska demodata – inte verkliga svar"], name


# ------------------------------------------------------------- same content
def test_every_pptx_table_is_an_html_table_with_the_same_cells(built: Built, pages):
    html_tables = _deck_tables(pages)
    assert html_tables == _pptx_tables(built.pptx)
    for name in ["index.html", *SECTION_PAGES]:
        for table in pages[name].xpath("//table"):
            assert table.xpath("./caption")[0].text_content().strip(), name
            assert all(th.get("scope") == "col" for th in table.xpath("./thead//th")), name
            assert all(th.get("scope") == "row" for th in table.xpath("./tbody//th")), name


def test_every_chart_is_an_svg_with_the_alt_text_of_the_pptx(built: Built, pages):
    figures = [f for name in SECTION_PAGES for f in pages[name].xpath("//figure[@data-chart]")]
    alts = []
    for figure in figures:
        svg = figure.xpath(".//svg")[0]
        title = svg.xpath("./title")[0]
        assert svg.get("role") == "img" and svg.get("aria-labelledby") == title.get("id")
        assert figure.xpath("./figcaption")[0].text_content().strip()
        assert svg.xpath(".//text"), "chart text must stay text (svg.fonttype: none)"
        assert figure.xpath("./details/summary") and figure.xpath("./details//table")
        alts.append(title.text_content())
    assert alts == _pptx_alt_texts(built.pptx)


def test_chart_data_tables_equal_reportgen_metrics(built: Built, pages):
    county, riket = built.metrics, built.riket
    charts = _chart_tables(pages, SECTION_PAGES)
    checked: set[str] = set()

    def check(key: str, expected_values: list[list[str]], labels: list[str] | None = None) -> None:
        (figure,) = charts[key]
        row_labels, values = _data(figure)
        assert values == expected_values, key
        if labels is not None:
            assert row_labels == labels, key
        checked.add(key)

    check(
        "bakgrund/katalog",
        [[fmt.integer(county["areas"][a]["catalog_size"])] for a in AREAS],
        [a.capitalize() for a in AREAS],
    )
    check(
        "bakgrund/svar",
        [
            [
                _pct(county["areas"][a]["answered"], county["areas"][a]["respondents"]),
                _pct(riket["areas"][a]["answered"], riket["areas"][a]["respondents"]),
            ]
            for a in AREAS
        ],
    )
    for area in AREAS:
        c, s = county["areas"][area], slugify(area)
        for key, values in _expected_area_charts(area, county, riket).items():
            check(key, values)
        # Per municipality: every answering unit with its own figure, in the chart's order.
        (figure,) = charts[f"{s}/insatsutbud/kommun"]
        labels, values = _data(figure)
        answering = {u["name"]: fmt.integer(u["offered"]) for u in c["per_respondent"] if u["answered"]}
        assert dict(zip(labels, (v[0] for v in values), strict=True)) == answering
        lines = figure.xpath(".//details/p")[0].text_content()
        national = riket["areas"][area]["offered_mean"]
        assert f"Länet: {fmt.integer(c['offered_mean'])}" in lines and f"Riket: {fmt.integer(national)}" in lines
        checked.add(f"{s}/insatsutbud/kommun")
        for dim in DIMENSIONS:
            d, rd = c["dimensions"][dim], riket["areas"][area]["dimensions"][dim]
            (figure,) = charts[f"{s}/{dim}/kommun"]
            labels, values = _data(figure)
            # Each municipality's bar carries its base: the insatser with an answer.
            rows = {f"{u['label']} ({u['n_pairs']})": u for u in d["per_respondent"] if u["n_pairs"]}
            rows["Länet"], rows["Riket"] = d["total"], rd["total"]
            expected = {k: [_pct(u["counts"][x], u["n_pairs"]) for x in CATEGORIES] for k, u in rows.items()}
            assert dict(zip(labels, values, strict=True)) == expected
            checked.add(f"{s}/{dim}/kommun")
    # The one chart drawn from the catalog rather than from answers: its shares per area
    # add up to the whole area, whose size the metrics give.
    (figure,) = charts["bakgrund/kategorier"]
    labels, values = _data(figure)
    assert labels == [f"{a.capitalize()} ({county['areas'][a]['catalog_size']})" for a in AREAS]
    checked.add("bakgrund/kategorier")
    assert checked == set(charts), f"charts not checked: {sorted(set(charts) - checked)}"


def test_profile_pages_show_each_municipality_against_county_and_riket(built: Built, pages):
    county, riket = built.metrics, built.riket
    profiles = {n: d for n, d in pages.items() if n.startswith("kommuner/")}
    assert len(profiles) == 33
    index_links = set(pages["index.html"].xpath("//section[@id='kommunprofiler']//a/@href"))
    assert index_links == set(profiles)
    for name, doc in profiles.items():
        code = name.split("/")[1].split("-")[0]
        (figure,) = doc.xpath("//figure[@data-chart]")
        labels, values = _data(figure)
        # Issue 17: bars only for the areas the unit answered, whole numbers; a unit that
        # answered none has the county's and Riket's means alone.
        units = {a: {u["respondent_id"]: u for u in county["areas"][a]["per_respondent"]} for a in AREAS}
        answered = [a for a in AREAS if units[a].get(code, {}).get("answered")]
        assert labels == [a.capitalize() for a in (answered or AREAS)], name
        for area, row in zip(answered or AREAS, values, strict=True):
            means = [
                fmt.integer(county["areas"][area]["offered_mean"]),
                fmt.integer(riket["areas"][area]["offered_mean"]),
            ]
            assert row == ([fmt.integer(units[area][code]["offered"])] if answered else []) + means, f"{name} {area}"


# ------------------------------------------------------------ outside checkers
def test_axe_core_finds_no_wcag_21_aa_violations_on_any_page(browsed):
    problems = {page: found["axe"] for page, found in browsed.items() if found["axe"]}
    assert problems == {}
    assert len(browsed) == 1 + len(SECTION_PAGES) + 33


@pytest.mark.parametrize("view", ["narrow", "zoom"])
def test_pages_reflow_legibly_at_320_px_and_200_percent_zoom(browsed, view):
    for page, found in browsed.items():
        seen = found[view]
        assert seen["scrollWidth"] <= seen["clientWidth"], f"{page} scrolls sideways at {view}"
        assert seen["unfocusable"] == [], f"{page}: a frame scrolls but takes no keyboard focus"
        assert seen["minPageText"] >= 14, page
        if seen["minSvgText"] is not None:
            assert seen["minSvgText"] >= 10, f"{page}: chart text {seen['minSvgText']:.1f} px"


def test_nu_html_checker_finds_no_errors(vnu):
    out, err = vnu.communicate(timeout=300)
    assert vnu.returncode == 0, (err or out)[:4000]
