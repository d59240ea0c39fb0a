"""The sample deck opened by another program: LibreOffice converts it to PDF.

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
