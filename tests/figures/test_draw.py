from __future__ import annotations

import hashlib
import io
import math
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from reportgen.figures.draw import draw_chart, draw_charts
from reportgen.figures.layout import chart_box
from reportgen.theme import load_theme

from . import samples as S

THEME = load_theme()
ROOT = Path(__file__).resolve().parents[2]


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "chart.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _pdffonts(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return out.splitlines()[2:]


def test_same_spec_same_bytes():
    spec = S.stacked(12)
    first, second = draw_chart(spec), draw_chart(spec)
    assert first.pdf == second.pdf
    assert first.png == second.png


def test_same_bytes_in_another_process_with_another_hash_seed():
    spec_code = "from tests.figures import samples as S; from reportgen.figures.draw import draw_chart;"
    script = f"import hashlib; {spec_code} print(hashlib.sha256(draw_chart(S.ranked(38)).pdf).hexdigest())"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == hashlib.sha256(draw_chart(S.ranked(38)).pdf).hexdigest()


@pytest.mark.parametrize("spec", [S.ranked(38), S.wish(), S.status(region="col1")], ids=["body", "right", "col1"])
def test_pdf_page_and_png_have_the_box_size(spec):
    art = draw_chart(spec)
    box = chart_box(spec, THEME)
    assert (art.width, art.height) == pytest.approx((box.width, box.height))
    with pikepdf.open(io.BytesIO(art.pdf)) as pdf:
        assert len(pdf.pages) == 1
        x0, y0, x1, y1 = (float(v) for v in pdf.pages[0].MediaBox)
    assert (x1 - x0, y1 - y0) == pytest.approx((box.width * 72, box.height * 72))
    dpi = THEME.charts.get("dpi", 150)
    image = Image.open(io.BytesIO(art.png))
    assert image.size == (math.ceil(box.width * dpi - 1e-6), math.ceil(box.height * dpi - 1e-6))
    assert image.info["dpi"] == pytest.approx((dpi, dpi), abs=0.05)  # stored per metre
    assert image.mode == "RGB"


def test_text_stays_text_with_swedish_letters_and_marks(tmp_path):
    spec = replace(S.ranked(40), categories=("Avlösning i hemmet*", "Behandling för våldsutövare**", *S.names(40)[2:]))
    text = _pdftotext(draw_chart(spec).pdf, tmp_path)
    for name in ("Öckerö", "Åmål", "Färgelanda", "Stockholm – Enskede-Årsta-Vantör", "Avlösning i hemmet*"):
        assert name in text
    assert "Behandling för våldsutövare**" in text
    assert "Länet: 44" in text and "Riket: 41" in text


def test_fonts_are_embedded_truetype_with_unicode_maps(tmp_path):
    rows = _pdffonts(draw_chart(S.stacked(40)).pdf, tmp_path)
    assert rows, "no fonts in the chart PDF"
    for row in rows:
        assert "LiberationSans" in row
        assert "CID TrueType" in row
        assert row.split()[-5:-2] == ["yes", "yes", "yes"]  # embedded, subset, ToUnicode


def test_type3_is_a_theme_setting(tmp_path):
    theme = replace(THEME, charts={**THEME.charts, "pdf_fonttype": 3})
    art = draw_chart(S.status(), theme)
    rows = _pdffonts(art.pdf, tmp_path)
    assert rows and all("Type 3" in row for row in rows)
    assert "Påbörjad" in _pdftotext(art.pdf, tmp_path)


def test_draw_charts_draws_each_key_once():
    ranked, status = S.ranked(3), S.status()
    arts = draw_charts([ranked, status, ranked])
    assert list(arts) == [ranked.key, status.key]
    assert arts[ranked.key].key == ranked.key


def test_draw_charts_refuses_two_charts_under_one_key():
    with pytest.raises(ValueError, match="share the key"):
        draw_charts([S.ranked(3), replace(S.ranked(4), key=S.ranked(3).key)])


def test_draw_charts_refuses_a_chart_without_key():
    with pytest.raises(ValueError, match="no key"):
        draw_charts([replace(S.status(), key="")])


def test_series_length_must_match_categories():
    spec = replace(S.status(), categories=("Slutförd", "Påbörjad"))
    with pytest.raises(ValueError, match="3 values for 2 categories"):
        draw_chart(spec)
