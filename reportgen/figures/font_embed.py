"""Chart fonts embedded whole: the same font file in every chart, subset and deflated once.

With ``pdf.fonttype: 42`` Matplotlib subsets the TrueType font on every PDF save
(fontTools, about a fifth of a chart's cost) and deflates the subset into the file. Our
charts draw with :func:`~reportgen.figures.fonts.chart_copy`, a copy already cut to the
Latin repertoire (about 400 glyphs, 54 KB), so a subset of it buys little: embedding that
copy whole is always correct (every glyph a chart can draw is in it), costs nothing to
make, and gives every chart the *same* font file. That sameness is what the deck PDF
needs: :func:`reportgen.render.pdf_structure.place_charts` keeps one font file for all
140 charts instead of one subset each (issue 19: 1.3 MB of a 2 MB deck were chart font
subsets).

:func:`whole_chart_fonts` swaps in, for the duration of a save, the two functions
Matplotlib's PDF backend calls to make the subset (``_backend_pdf_ps.get_glyphs_subset``
and ``font_as_file``) and the one that writes the font stream (``PdfFile.outputStream``,
to use the deflated bytes kept from the first save: ``zlib.compress`` at the same level
gives the same bytes as the stream's own compressor). Any other font goes through
Matplotlib unchanged. These are private functions of Matplotlib (checked against 3.11.2):
tests/figures/test_font_embed.py fails when a chart saved this way renders differently
from one saved the plain way, or when the functions disappear.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib.backends import _backend_pdf_ps as pdf_ps
from matplotlib.backends.backend_pdf import PdfFile

#: Font files embedded whole (absolute paths as strings); :func:`embed_whole` adds one.
_WHOLE: set[str] = set()


def embed_whole(path: Path) -> None:
    """Embed ``path`` whole in chart PDFs from now on, instead of a subset per save.

    Only for a font file already cut to what charts draw: embedding a 300 KB font in every
    chart would cost more than subsetting it."""
    _WHOLE.add(os.fspath(path))


class _WholeFont:
    """Stands where Matplotlib expects fontTools' subset ``TTFont``: the file's bytes."""

    __slots__ = ("data",)

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __enter__(self) -> _WholeFont:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


@lru_cache(maxsize=8)
def _whole(path: str) -> tuple[_WholeFont, dict[int, int]]:
    """The file's bytes and the identity glyph map (a glyph keeps its index)."""
    from fontTools.ttLib import TTFont

    data = Path(path).read_bytes()
    with TTFont(io.BytesIO(data), lazy=True) as font:
        glyphs = font["maxp"].numGlyphs
    return _WholeFont(data), {glyph: glyph for glyph in range(glyphs)}


@lru_cache(maxsize=16)
def _deflated(data: bytes, level: int) -> bytes:
    return zlib.compress(data, level)


class _Deflated:
    """A compressor that hands out bytes deflated earlier: for one write of those bytes."""

    __slots__ = ("_out",)

    def __init__(self, deflated: bytes) -> None:
        self._out = deflated

    def compress(self, data: bytes) -> bytes:
        out, self._out = self._out, b""
        return out

    def flush(self) -> bytes:
        return b""


_plain_subset = pdf_ps.get_glyphs_subset
_plain_font_as_file = pdf_ps.font_as_file
_plain_output_stream = PdfFile.outputStream


def _same(data: bytes, whole: bytes) -> bool:
    return len(data) == len(whole) and data == whole


def _get_glyphs_subset(fontfile: Any, glyphs: Any) -> Any:
    path = str(os.fspath(fontfile))  # a plain str: Matplotlib's FontPath hashes with its face index
    if path not in _WHOLE or getattr(fontfile, "face_index", 0):
        return _plain_subset(fontfile, glyphs)
    return pdf_ps.SubsetResults(*_whole(path))._as_cm()


def _font_as_file(font: Any) -> io.BytesIO:
    if isinstance(font, _WholeFont):
        return io.BytesIO(font.data)
    return _plain_font_as_file(font)


def _output_stream(self: PdfFile, ref: Any, data: bytes, *, extra: Any = None) -> None:
    level = mpl.rcParams["pdf.compression"]
    if not level or not any(_same(data, whole.data) for whole, _ in map(_whole, _WHOLE)):
        return _plain_output_stream(self, ref, data, extra=extra)
    self.beginStream(ref.id, None, extra)
    self.currentstream.compressobj = _Deflated(_deflated(data, level))
    self.currentstream.write(data)
    self.endStream()
    return None


@contextmanager
def whole_chart_fonts() -> Iterator[None]:
    """Within this block, Matplotlib PDF saves embed :func:`embed_whole` fonts whole."""
    saved = (pdf_ps.get_glyphs_subset, pdf_ps.font_as_file, PdfFile.outputStream)
    pdf_ps.get_glyphs_subset, pdf_ps.font_as_file = _get_glyphs_subset, _font_as_file
    PdfFile.outputStream = _output_stream  # type: ignore[method-assign]
    try:
        yield
    finally:
        pdf_ps.get_glyphs_subset, pdf_ps.font_as_file, PdfFile.outputStream = saved  # type: ignore[method-assign]
