"""Layout-free copies of the chart fonts, so Type 42 embedding stays cheap.

Matplotlib subsets the TrueType font on every PDF save (``pdf.fonttype: 42``), and with
Liberation Sans most of that time goes into parsing its OpenType layout tables (GSUB,
GPOS), which Matplotlib never uses. A copy without them (every glyph kept, nothing else
changed; the name stays, as the PDF embeds a subset anyway) makes a Type 42 save cost
about what a Type 3 save does (measured in ``benchmarks/bench_figures.py``). Without the
``kern`` table Matplotlib lays text out by advance widths alone, which is exactly what
:mod:`reportgen.measure` computes.

Charts draw with a smaller copy still (:func:`chart_copy`): the same, keeping only the
glyphs of the Latin scripts, punctuation and the signs the number formats use (about 400
of Liberation Sans' 2,400). Matplotlib reads and subsets the whole file again on every
save, so the save's font work shrinks with the file (about 10 ms less per chart). A chart
whose text has a character outside that repertoire draws with the layout-free copy of
the whole font instead (``Fonts.covering``), so nothing ever falls back to a box.

The copies are made once per font file and kept in the user's cache folder (through the
atomic writer, so parallel workers never read half a file).
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from fontTools import subset

from reportgen.atomic import write_bytes_atomic
from reportgen.figures.font_embed import embed_whole

RECIPE = "layout-free-1"  # change when the subsetting options change
DROP = ["GSUB", "GPOS", "GDEF", "kern", "DSIG", "FFTM", "BASE", "JSTF", "MATH"]

# What chart text is written in: Basic Latin, Latin-1 (å ä ö é ü), Latin Extended-A
# (names in Finnish, Sámi, Polish …), general punctuation (– — … and the narrow no-break
# space of grouped numbers), € and the typographic minus of negative numbers (reportgen.numbers).
REPERTOIRE: tuple[range, ...] = (
    range(0x20, 0x7F),
    range(0xA0, 0x180),
    range(0x2000, 0x2070),
    range(0x20AC, 0x20AD),
    range(0x2212, 0x2213),
)
CHART_RECIPE = "charts-1"  # change with REPERTOIRE or the subsetting options


def cache_dir() -> Path:
    base = os.environ.get("REPORTGEN_CACHE") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "reportgen" / "fonts"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError:
        fallback = Path(tempfile.gettempdir()) / "reportgen-fonts"
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback


@lru_cache(maxsize=8)
def layout_free(source: Path) -> Path:
    """The cached layout-free copy of ``source``, made on first use."""
    digest = hashlib.sha256(source.read_bytes() + RECIPE.encode()).hexdigest()[:16]
    target = cache_dir() / f"{source.stem}-{digest}.ttf"
    if not target.exists():
        _write_copy(source, target)
    return target


@lru_cache(maxsize=8)
def chart_copy(source: Path) -> Path:
    """The cached layout-free copy of ``source`` cut to :data:`REPERTOIRE`, made on first use."""
    digest = hashlib.sha256(source.read_bytes() + (RECIPE + CHART_RECIPE).encode()).hexdigest()[:16]
    target = cache_dir() / f"{source.stem}-charts-{digest}.ttf"
    if not target.exists():
        _write_copy(source, target, REPERTOIRE)
    embed_whole(target)  # small enough to embed whole in every chart (figures.font_embed)
    return target


@lru_cache(maxsize=8)
def coverage(path: Path) -> frozenset[str]:
    """The characters ``path`` has glyphs for."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return frozenset(chr(code) for code in font.getBestCmap())


def _write_copy(source: Path, target: Path, repertoire: tuple[range, ...] | None = None) -> None:
    options = subset.Options()
    options.drop_tables += DROP
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = True
    options.notdef_outline = True
    options.hinting = True
    options.recalc_timestamp = False  # the copy, and every PDF made from it, stays byte-stable
    with subset.load_font(str(source), options) as font:
        subsetter = subset.Subsetter(options)
        codes = [c for c in font.getBestCmap() if repertoire is None or any(c in r for r in repertoire)]
        subsetter.populate(unicodes=codes)
        subsetter.subset(font)
        buffer = io.BytesIO()
        font.save(buffer)
    write_bytes_atomic(target, buffer.getvalue())
