"""The one text-measuring engine: font metrics, widths, wrapping and shortening.

Charts place their axes from measured label sizes instead of ``tight_layout`` (which
draws every label to measure it and changes the plot size; PERFORMANCE.md), and the
PowerPoint renderer estimates how tall wrapped text and table rows will be before it
draws (PowerPoint cannot be asked). Widths come from the font's advance widths
(``hmtx``), which is what Matplotlib's PDF backend and reportlab lay text out with;
kerning only ever makes the drawn text narrower, so these widths are a safe upper
bound. A neutral module (DESIGN.md): ``figures/`` and ``render/`` both measure here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from reportgen.theme import Theme

ELLIPSIS = "…"
# What an insats name must keep when shortened: its */** mark and its "(n)" count (SPEC §6).
_SUFFIX = re.compile(r"(\*{1,2})?(\s*\(\d+\))?$")
_COUNT = re.compile(r"^\(\d+\)$")


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths of one TrueType face, in font units."""

    units_per_em: int
    advances: dict[str, int]
    fallback: int  # width of a character the font lacks (its .notdef glyph)
    ascent: float = 0.905  # em: the font's ascender (hhea), room for Å above the baseline
    descent: float = 0.212  # em, below the baseline
    cap_height: float = 0.688  # em

    # Word widths in font units, remembered: wrapping and table fitting measure the same
    # words many times.
    _units: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def width(self, text: str, size: float) -> float:
        """Width in inches of one line of ``text`` at ``size`` points."""
        return self.inches(sum(self.advances.get(ch, self.fallback) for ch in text), size)

    def inches(self, units: int, size: float) -> float:
        """``units`` of advance width in inches at ``size`` points (what ``width`` gives)."""
        return units * size / self.units_per_em / 72.0

    def word_units(self, word: str) -> int:
        """Advance width of ``word`` in font units. Widths add up exactly (whole font
        units), so a line's width is the sum of its words' and spaces'."""
        units = self._units.get(word)
        if units is None:
            units = self._units[word] = sum(self.advances.get(ch, self.fallback) for ch in word)
        return units

    def em_width(self, word: str) -> float:
        """Width of ``word`` in points at 1 pt (widths scale linearly with the size)."""
        return self.word_units(word) / self.units_per_em


@dataclass(frozen=True)
class TextFonts:
    """The regular and bold faces text is measured with."""

    regular: FontMetrics
    bold: FontMetrics

    def pick(self, bold: bool) -> FontMetrics:
        return self.bold if bold else self.regular


def text_fonts(theme: Theme) -> TextFonts:
    """The theme's document faces (Liberation Sans, Arial's metrics; ACCESSIBILITY.md)."""
    return TextFonts(font_metrics(theme.font_path("pdf_regular")), font_metrics(theme.font_path("pdf_bold")))


def count_lines(text: str, font: FontMetrics, size: float, width_pt: float) -> int:
    """Lines that ``text`` wraps to in a column ``width_pt`` points wide.

    Greedy word wrap at spaces, as PowerPoint does; a word wider than the column is
    broken across lines. Explicit newlines start new lines. Empty text is one line
    (an empty cell still has the height of one line).
    """
    width = max(width_pt, 1.0)
    space = font.em_width(" ") * size
    lines = 0
    for para in text.split("\n"):
        lines += 1
        used = 0.0
        for word in para.split():
            w = font.em_width(word) * size
            if used and used + space + w <= width:
                used += space + w
                continue
            if used:
                lines += 1
            extra = max(0, math.ceil(w / width) - 1)
            lines += extra
            used = w - extra * width
    return lines


@lru_cache(maxsize=8)
def font_metrics(path: Path) -> FontMetrics:
    with TTFont(str(path), lazy=True) as font:
        hmtx = font["hmtx"]
        upem = int(font["head"].unitsPerEm)
        advances = {chr(code): hmtx[glyph][0] for code, glyph in font.getBestCmap().items()}
        return FontMetrics(
            units_per_em=upem,
            advances=advances,
            fallback=int(hmtx[".notdef"][0]),
            ascent=font["hhea"].ascent / upem,
            descent=-font["hhea"].descent / upem,
            cap_height=font["OS/2"].sCapHeight / upem,
        )


def shorten(text: str, metrics: FontMetrics, size: float, width: float) -> str:
    """``text`` cut with "…" to fit ``width``, keeping a trailing ``*``/``**`` and ``(n)``."""
    if metrics.width(text, size) <= width:
        return text
    match = _SUFFIX.search(text)
    suffix = match.group(0) if match and match.start() > 0 else ""
    stem = text[: len(text) - len(suffix)] if suffix else text
    tail = ELLIPSIS + suffix
    # Binary search on the stem length: widths grow monotonically with it.
    lo, hi = 0, len(stem)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if metrics.width(stem[:mid].rstrip() + tail, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return stem[:lo].rstrip(" ,/–-") + tail if lo else tail


@dataclass(frozen=True)
class Wrapped:
    lines: tuple[str, ...]
    shortened: bool  # the text did not fit in the allowed lines and was cut with "…"


def wrap(text: str, metrics: FontMetrics, size: float, width: float, max_lines: int) -> Wrapped:
    """Greedy word wrap into at most ``max_lines`` lines of ``width`` inches.

    The last line takes whatever remains and is shortened with "…" when it is too long,
    so the mark and count at the end of an insats name survive.
    """
    words: list[str] = []
    for word in text.split():
        # A count "(24)" stays with the word before it, never alone on a line.
        if words and _COUNT.match(word):
            words[-1] += " " + word
        else:
            words.append(word)
    lines: list[str] = []
    current, current_units = "", 0
    space = metrics.word_units(" ")
    for i, word in enumerate(words):
        word_units = metrics.word_units(word)
        if not current:
            current, current_units = word, word_units
            continue
        # The candidate line "current word", measured by adding (linear, not quadratic).
        candidate_units = current_units + space + word_units
        if metrics.inches(candidate_units, size) <= width:
            current, current_units = f"{current} {word}", candidate_units
            continue
        if len(lines) == max_lines - 1:
            current = " ".join([current, *words[i:]])
            break
        lines.append(current)
        current, current_units = word, word_units
    lines.append(current)
    # Only the last line can be long by more than one word; a single word longer than a
    # whole line is cut too.
    fitted = tuple(shorten(line, metrics, size, width) for line in lines)
    return Wrapped(fitted, fitted != tuple(lines))


def text_height(size: float, lines: int, line_spacing: float) -> float:
    """Height in inches of ``lines`` lines of text at ``size`` points."""
    return size * line_spacing * max(lines, 1) / 72.0
