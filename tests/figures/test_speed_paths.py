"""The fast paths keep what a chart shows: bars as collections, the small chart fonts,
the plain PNG writer (each compared with the slower route it replaced)."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from reportgen.figures.bars import draw_bars
from reportgen.figures.draw import chart_rc, draw_chart, draw_charts, figure_pdf, rasterise
from reportgen.figures.fonts import REPERTOIRE
from reportgen.figures.layout import chart_box
from reportgen.figures.png import encode_rgb
from reportgen.figures.prepare import chart_context
from reportgen.figures.rects import add_rects
from reportgen.figures.style import chart_fonts
from reportgen.numbers import decimal, integer, percent
from reportgen.theme import load_theme

from . import samples as S

THEME = load_theme()


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def _bars_png(use_collection: bool, stacked: bool) -> bytes:
    rng = np.random.default_rng(7)
    values = rng.uniform(0, 40, size=(3, 12)).round(1)
    values[1, 4] = 0.0  # a zero-width segment keeps its edge
    y = np.arange(12, dtype=float)
    colors = ["#00406E", "#E87722", "#7A9A01"]
    with chart_rc():
        fig = Figure(figsize=(5.3, 3.1), dpi=72)
        ax = fig.add_axes((0.13, 0.07, 0.81, 0.88))
        ax.set_xlim(0, 120 if stacked else 45)
        ax.set_ylim(11.5, -0.5)
        cum = np.zeros(12)
        for j in range(3):
            if stacked:
                kw = {"edgecolor": "#FFFFFF", "linewidth": 0.6}
                if use_collection:
                    add_rects(ax, cum, y - 0.36, values[j], 0.72, [colors[j]] * 12, zorder=2, **kw)
                else:
                    ax.barh(y, values[j], left=cum, height=0.72, color=colors[j], zorder=2, **kw)
                cum = cum + values[j]
            else:
                per = ["#B1B3B3" if i == 3 else colors[j] for i in range(12)]
                off = (j - 1) * 0.24
                if use_collection:
                    add_rects(ax, 0.0, (y + off) - 0.12, values[j], 0.24, per, zorder=2)
                else:
                    ax.barh(y + off, values[j], height=0.24, color=per, linewidth=0, zorder=2)
        return rasterise(figure_pdf(fig), 150)


@pytest.mark.parametrize("stacked", [True, False], ids=["stacked-with-edges", "grouped-with-highlight"])
def test_bar_collections_rasterise_exactly_as_rectangles(stacked):
    assert np.array_equal(_pixels(_bars_png(True, stacked)), _pixels(_bars_png(False, stacked)))


def test_chart_fonts_are_the_small_copies_and_cover_the_number_formats():
    fonts = chart_fonts(THEME)
    assert "charts" in fonts.regular_file.name and "Bold" in fonts.bold_file.name
    assert fonts.repertoire is not None
    numbers = [integer(-12345), decimal(-4.45), percent(64.4, spaced=True), "–", "…", "*"]
    assert all(set(text) <= fonts.repertoire for text in numbers)
    assert set("ÅÄÖåäöéüøæÉ") <= fonts.repertoire
    assert sum(len(r) for r in REPERTOIRE) < 1000


def test_a_name_outside_the_repertoire_draws_with_the_whole_font(tmp_path):
    spec = replace(S.status(), categories=("Slutförd", "Påbörjad", "Ωмега"))
    fonts = chart_context(spec, THEME).fonts
    assert fonts.full_files is None and fonts.regular_file == chart_fonts(THEME).full_files[0]
    assert chart_context(S.status(), THEME).fonts.regular_file == chart_fonts(THEME).regular_file
    # The glyphs are really there: text extraction finds the Greek and Cyrillic letters.
    path = tmp_path / "chart.pdf"
    path.write_bytes(draw_chart(spec).pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Ωмега" in text


def test_small_fonts_draw_the_same_pixels_as_the_whole_fonts():
    spec = S.stacked(12)
    ctx = chart_context(spec, THEME)
    regular, bold = ctx.fonts.full_files
    whole = replace(ctx, fonts=replace(ctx.fonts, regular_file=regular, bold_file=bold))
    box = chart_box(spec, THEME)
    with chart_rc():
        fig = Figure(figsize=(box.width, box.height), dpi=72)
        draw_bars(fig, spec, whole, "horizontal")
        png = rasterise(figure_pdf(fig), 150)
    assert np.array_equal(_pixels(draw_chart(spec).png), _pixels(png))


@pytest.mark.parametrize("shape", [(1, 1), (2, 3), (37, 53), (120, 7)])
def test_png_round_trips_every_pixel_and_records_the_dpi(shape):
    rng = np.random.default_rng(shape[0])
    pixels = rng.integers(0, 256, size=(*shape, 3), dtype=np.uint8)
    pixels[: shape[0] // 2] = (0, 64, 110)  # flat runs like a chart's
    image = Image.open(io.BytesIO(encode_rgb(pixels, 150)))
    assert image.mode == "RGB" and image.size == (shape[1], shape[0])
    assert np.array_equal(np.asarray(image), pixels)
    assert image.info["dpi"] == pytest.approx((150, 150), abs=0.05)


def test_png_accepts_strided_arrays_and_refuses_other_shapes():
    base = np.zeros((10, 12, 4), dtype=np.uint8)
    base[..., 0] = 200
    view = base[:, :, :3]  # not contiguous
    assert np.array_equal(np.asarray(Image.open(io.BytesIO(encode_rgb(view, 96)))), view)
    with pytest.raises(ValueError):
        encode_rgb(np.zeros((4, 4), dtype=np.uint8), 96)


def test_charts_for_pdf_only_skip_the_png():
    arts = draw_charts([S.status()], png=False)
    art = arts[S.status().key]
    assert art.png == b"" and art.pdf.startswith(b"%PDF")
    assert art.pdf == draw_chart(S.status()).pdf
