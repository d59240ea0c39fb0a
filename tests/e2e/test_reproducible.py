"""Files that say who made them and when (issue 18), checked as a publisher would.

Gotland (one municipality: the smallest county) is built twice, in two processes at the
same time, in every format (the web edition too), with its municipality files and its
result appendix, with
``SOURCE_DATE_EPOCH=1700000000`` and a settings file naming the organisation, contact
and author; the first with one job, the second with its parts spread over two worker
processes (issue 19). The two builds must be byte-identical, and every file must carry that one
time and that author, read back with the libraries a publisher would use: pikepdf,
python-pptx, openpyxl and zipfile. The Skåne build of ``conftest.built`` has no settings:
there, nobody is named as author.
"""

from __future__ import annotations

import collections
import io
import os
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import pikepdf
import pytest
from pptx import Presentation

from reportgen.paths import ROOT
from tests.appendix.pdf_helpers import pdftotext, words
from tests.e2e.conftest import Built
from tests.render.test_pdf_sample import qpdf_check

EPOCH = 1700000000
WHEN = datetime.fromtimestamp(EPOCH, UTC)  # 2023-11-14 22:13:20 UTC
ZIP_WHEN = (2023, 11, 14, 22, 13, 20)
ORGANISATION = "Region Exempel, FoU Välfärd"
CONTACT = "analys@exempel.se"
AUTHOR = "Anna Analytiker"
SLUG = "gotlands-lan"
SETTINGS = f"""# reportgen.toml for the test (docs/settings.md)
[publisher]
organisation = "{ORGANISATION}"
contact = "{CONTACT}"
author = "{AUTHOR}"
"""


def _run_both(commands: list[list[str]], env: dict[str, str]) -> None:
    """Run the commands at the same time, each in a process of its own; all must succeed."""
    processes = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for command in commands
    ]
    for process in processes:
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, output


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("reproducible")
    settings = base / "reportgen.toml"
    settings.write_text(SETTINGS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("REPORTGEN_")}
    env |= {"SOURCE_DATE_EPOCH": str(EPOCH), "PYTHONPATH": str(ROOT)}
    outs = [base / "first", base / "second"]
    reportgen = [sys.executable, "-m", "reportgen", "build", "--county", "gotland", "--config", str(settings)]
    every_format = ["--formats", "pptx,pdf,xlsx,html"]
    _run_both(
        [
            [*reportgen, *every_format, "--out", str(out), "--jobs", str(jobs)]
            for out, jobs in zip(outs, (1, 2), strict=True)
        ],
        env,
    )
    _run_both([[*reportgen, "--appendix", "--out", str(out), "--jobs", "1"] for out in outs], env)
    return outs[0] / SLUG, outs[1] / SLUG


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_with_the_same_source_date_epoch_are_byte_identical(builds):
    first, second = (_files(folder) for folder in builds)
    assert sorted(first) == sorted(second)
    assert {
        f"{SLUG}-analysrapport.pptx",
        f"{SLUG}-analysrapport.pdf",
        f"{SLUG}-resultat.xlsx",
        f"{SLUG}-bilaga-resultattabeller.pdf",
        f"{SLUG}-bilaga-resultattabeller.xlsx",
        "kommuner/0980-gotland-profil.pdf",
        "kommuner/0980-gotland-paket.zip",
        f"{SLUG}-webb/index.html",
        "manifest.csv",
    } <= set(first)
    assert [name for name in first if first[name] != second[name]] == []


def _pdf_facts(path: Path) -> tuple[str, str, str, str, list[str], set[str]]:
    with pikepdf.open(path) as pdf:
        info = pdf.docinfo
        meta = pdf.open_metadata()
        return (
            str(info["/CreationDate"]),
            str(info["/ModDate"]),
            meta["xmp:CreateDate"],
            str(info.get("/Author", "")),
            list(meta.get("dc:creator", [])),
            set(meta.get("dc:publisher", set())),
        )


def test_every_file_of_the_build_carries_the_one_build_time_and_the_author(builds):
    folder, _ = builds
    pdfs = sorted(folder.rglob("*.pdf"))
    assert len(pdfs) == 3  # deck, appendix, profile
    for path in pdfs:
        assert _pdf_facts(path) == (
            "D:20231114221320+00'00'",
            "D:20231114221320+00'00'",
            "2023-11-14T22:13:20Z",
            AUTHOR,
            [AUTHOR],
            {ORGANISATION},
        ), path.name
        qpdf_check(path)
    core = Presentation(str(folder / f"{SLUG}-analysrapport.pptx")).core_properties
    assert (core.created, core.modified, core.author, core.last_modified_by) == (
        WHEN.replace(tzinfo=None),
        WHEN.replace(tzinfo=None),
        AUTHOR,
        AUTHOR,
    )
    for name in (f"{SLUG}-resultat.xlsx", f"{SLUG}-bilaga-resultattabeller.xlsx"):
        properties = openpyxl.load_workbook(folder / name, read_only=True).properties
        assert (properties.created, properties.modified, properties.creator) == (
            WHEN.replace(tzinfo=None),
            WHEN.replace(tzinfo=None),
            AUTHOR,
        ), name
    for path in [*folder.rglob("*.zip"), *folder.glob("*.pptx"), *folder.glob("*.xlsx")]:
        with zipfile.ZipFile(path) as archive:
            times = collections.Counter(info.date_time for info in archive.infolist())
            inner = [archive.read(name) for name in archive.namelist() if name.endswith(".zip")]
        assert set(times) == {ZIP_WHEN}, path.name
        for web in inner:  # the web edition inside the bundle
            assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(web)).infolist()} == {ZIP_WHEN}
    index = (folder / f"{SLUG}-webb" / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="author" content="{AUTHOR}">' in index
    assert '<meta name="dcterms.created" content="2023-11-14T22:13:20Z">' in index


def test_the_organisation_and_contact_are_on_the_title_pages(builds):
    folder, _ = builds
    title = Presentation(str(folder / f"{SLUG}-analysrapport.pptx")).slides[0]
    texts = [shape.text_frame.text for shape in title.shapes if shape.has_text_frame]
    assert f"{ORGANISATION}\nKontakt: {CONTACT}" in texts
    for name in (
        f"{SLUG}-analysrapport.pdf",
        "kommuner/0980-gotland-profil.pdf",
        f"{SLUG}-bilaga-resultattabeller.pdf",
    ):
        first_page = words(pdftotext(folder / name, page=1))
        assert ORGANISATION in first_page and f"Kontakt: {CONTACT}" in first_page, name


def _bookmarks(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        titles: list[str] = []

        def walk(items: list[pikepdf.OutlineItem]) -> None:
            for item in items:
                titles.append(item.title)
                walk(item.children)

        walk(outline.root)
        return titles


def _repeated(titles: list[str]) -> list[str]:
    return sorted(t for t, n in collections.Counter(titles).items() if n > 1)


def test_slide_titles_and_bookmarks_are_unique_in_the_county_deck_and_the_profile(builds):
    folder, _ = builds
    slides = Presentation(str(folder / f"{SLUG}-analysrapport.pptx")).slides
    titles = [slide.shapes.title.text for slide in slides]
    assert len(titles) > 150 and _repeated(titles) == []
    assert "Insatsutbud – äldre" in titles and "Insatsutbud – våld i nära relationer" in titles
    for name in (f"{SLUG}-analysrapport.pdf", "kommuner/0980-gotland-profil.pdf"):
        bookmarks = _bookmarks(folder / name)
        assert bookmarks and _repeated(bookmarks) == [], name


def test_without_settings_nobody_is_named_as_author(built: Built):
    profile = next((built.folder / "kommuner").glob("*-profil.pdf"))
    for path in (built.pdf, profile):
        _, _, _, author, creators, publishers = _pdf_facts(path)
        assert (author, creators, publishers) == ("", [], set()), path.name
        qpdf_check(path)
    core = Presentation(str(built.pptx)).core_properties
    assert (core.author, core.last_modified_by) == ("", "")
    assert openpyxl.load_workbook(built.xlsx, read_only=True).properties.creator is None
    with zipfile.ZipFile(built.pptx) as package:
        assert "<Company>" not in package.read("docProps/app.xml").decode()


def test_skane_deck_titles_and_bookmarks_are_unique(built: Built):
    titles = [slide.shapes.title.text for slide in Presentation(str(built.pptx)).slides]
    assert _repeated(titles) == []
    assert _repeated(_bookmarks(built.pdf)) == []
    for profile in sorted((built.folder / "kommuner").glob("*-profil.pdf"))[:3]:
        assert _repeated(_bookmarks(profile)) == [], profile.name


def test_riket_deck_titles_are_unique_in_its_pptx(tmp_path: Path):
    """The Riket deck as python-pptx reads it. Its charts are stood in for by one small
    picture each: drawing Riket's 140 charts would add half a minute, and the titles do
    not depend on them."""
    import io

    from matplotlib.figure import Figure

    from reportgen.batch.context import shared_context
    from reportgen.batch.county import county_deck
    from reportgen.figures.art import ChartArt
    from reportgen.render.pptx import render_pptx

    ctx = shared_context(None)
    deck = county_deck(ctx, ctx.national)
    buffer = io.BytesIO()
    Figure(figsize=(0.4, 0.3)).savefig(buffer, format="png")
    charts = {spec.key: ChartArt(spec.key, b"", buffer.getvalue(), 4.0, 3.0) for spec in deck.charts}
    path = tmp_path / "riket.pptx"
    render_pptx(deck, charts, path)
    titles = [slide.shapes.title.text for slide in Presentation(str(path)).slides]
    assert len(titles) == len(deck.slides) > 150 and _repeated(titles) == []
    assert "Insatsutbud – socialpsykiatri" in titles
