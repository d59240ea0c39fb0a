"""Texts with a kept layout (figures/text_cache.py) draw exactly as Matplotlib's own."""

from __future__ import annotations

import io

from matplotlib.figure import Figure
from matplotlib.text import Text

from reportgen.figures import text_cache
from reportgen.figures.draw import chart_rc
from reportgen.figures.style import chart_fonts
from reportgen.theme import load_theme

# (text, ha, va, rotation, size) as the charts use them, and a few they do not.
CASES = [
    ("Kommunens hemtjänst", "right", "baseline", 0, 9),
    ("12,5 %", "center", "baseline", 0, 8.5),
    ("Länet", "left", "baseline", 0, 8),
    ("Länet", "right", "baseline", 0, 8),  # the same text, another alignment: another layout
    ("Ej påbörjad", "center", "top", 90, 7),
    ("två\nrader", "left", "center", 0, 6.5),
]


def _figure(kind: type[Text], fmt: str, x_shift: float = 0.0) -> bytes:
    fonts = chart_fonts(load_theme())
    fig = Figure(figsize=(4, 3), dpi=72)
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    for i, (text, ha, va, rotation, size) in enumerate(CASES):
        for bold in (False, True):
            artist = kind(
                0.2 + x_shift + 0.3 * bold,
                0.1 + 0.15 * i,
                text,
                ha=ha,
                va=va,
                rotation=rotation,
                fontproperties=fonts.props(bold),
                fontsize=size,
                clip_on=False,
            )
            ax.add_artist(artist)
    buf = io.BytesIO()
    fig.savefig(
        buf,
        format=fmt,
        metadata={"Creator": None, "Producer": None, "CreationDate": None} if fmt == "pdf" else {"Date": None},
    )
    return buf.getvalue()


def test_cached_texts_give_the_bytes_of_plain_texts_in_pdf_and_svg() -> None:
    text_cache._layouts.clear()
    with chart_rc():
        for fmt in ("pdf", "svg"):
            plain = _figure(Text, fmt)
            assert _figure(text_cache.CachedText, fmt) == plain  # measured, kept
            assert _figure(text_cache.CachedText, fmt) == plain  # from the kept layouts
            # Moved texts reuse the layouts too and still draw where plain ones do.
            assert _figure(text_cache.CachedText, fmt, 0.05) == _figure(Text, fmt, 0.05)
    assert len(text_cache._layouts) == 2 * 2 * len(CASES)  # per format, face, case


def test_a_different_size_is_laid_out_again() -> None:
    text_cache._layouts.clear()
    fonts = chart_fonts(load_theme())
    with chart_rc():
        fig = Figure(figsize=(2, 1), dpi=72)
        for size in (8, 8, 9):
            text_cache.add_text(fig, 0.1, 0.5, "Riket", fontproperties=fonts.props(), fontsize=size)
        fig.savefig(io.BytesIO(), format="pdf")
    assert len(text_cache._layouts) == 2


def test_matplotlib_still_has_the_layout_method_we_cache() -> None:
    # text_cache overrides Text._get_layout (Matplotlib 3.11): if it is renamed, the
    # cache would silently stop working.
    assert callable(getattr(Text, "_get_layout", None))
    assert text_cache.CachedText._get_layout is not Text._get_layout
