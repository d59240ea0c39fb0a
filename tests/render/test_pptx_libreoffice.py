"""The sample decks opened by another program: LibreOffice converts them to PDF.

A file that LibreOffice cannot open, or that loses its text, fails here. The PNGs of
the pages are kept in pytest's temporary folder for a person to look at (DESIGN.md:
look at visual output as a user would). Skipped where LibreOffice is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reportgen.deck.layout import demo_label
from reportgen.render.pptx import render_pptx
from tests.render.test_pptx_sample import build_sample

DEMO_LABEL = demo_label()

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]


def test_libreoffice_opens_the_deck_with_every_slide_and_title(tmp_path: Path):
    deck = build_sample(tmp_path / "deck.pptx")
    profile = tmp_path / "lo-profile"  # a private profile: other soffice runs may be open
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "deck.pptx")],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "deck.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+8$", info, re.MULTILINE)
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    texts = pages.stdout.split("\f")
    for model, text in zip(deck.slides, texts, strict=False):
        first_words = " ".join((model.title or deck.title).split()[:3])
        assert first_words in " ".join(text.split()), model.title
    assert DEMO_LABEL in texts[0]
    assert "Uppsökande verksamhet" in texts[4]  # table text stays text
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == 8


def test_libreoffice_draws_every_native_chart_kind(tmp_path: Path):
    """The editable sample (one chart of every kind and direction) opens in LibreOffice
    with each chart's categories and values drawn as text; the pages are kept as PNG
    to look at."""
    from tests.render.test_pptx_chart import CHARTS, RANKED, STACKED, _deck

    path = tmp_path / "diagram.pptx"
    render_pptx(_deck(), {}, path, chart_mode="editable")
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "diagram.pdf"
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    texts = [" ".join(page.split()) for page in pages.stdout.split("\f")[: len(CHARTS)]]
    assert len(texts) == len(CHARTS)
    assert all(name in texts[0] for name in (*RANKED.categories, "Länet (snitt)", "Riket (snitt)"))
    assert "Ale 62" in texts[0] and "Länet (snitt) 50" in texts[0]  # values, the county mean as a row
    assert all(name in texts[2] for name in STACKED.categories[:5])
    assert "Enbart fysisk form" in texts[2]  # the legend
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == len(CHARTS)
