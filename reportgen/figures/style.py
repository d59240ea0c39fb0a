"""The charts' look, from the theme: settings, colours and Matplotlib rcParams.

Everything is applied with ``matplotlib.rc_context`` around one chart's drawing and
saving, so nothing leaks into other code in the process (plotnine's habit; DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from matplotlib.font_manager import FontProperties

from reportgen.figures.fonts import chart_copy, coverage, layout_free
from reportgen.measure import FontMetrics, font_metrics
from reportgen.theme import Theme, per_theme


@dataclass(frozen=True)
class ChartStyle:
    """The ``charts:`` section of ``layouts/theme.yaml``; each field's default applies
    when the theme leaves the key out."""

    dpi: float = 150
    pdf_fonttype: int = 42  # 42: TrueType subsets with ToUnicode, what PDF/UA checkers accept
    label_max_size: float = 10
    label_min_size: float = 6.5
    segment_label_min_size: float = 7.0  # shares inside 100 % bars: at least this, or none
    label_max_lines: int = 2
    label_max_share: float = 0.36
    label_max_width: float = 3.6
    line_spacing: float = 1.2
    bar_fill: float = 0.72
    bar_fill_max: float = 0.86  # 100 % bars may fill more of their slot, so their shares reach the floor
    bar_max_thickness: float = 0.32
    bar_few: int = 6  # up to this many categories, bars may be as thick as bar_few_max_thickness
    bar_few_max_thickness: float = 0.6
    column_max_thickness: float = 0.9
    caption_gap: float = 0.06
    legend_gap: float = 0.08
    label_pad: float = 0.06  # inches between a label and its bar or axis

    @classmethod
    def from_theme(cls, theme: Theme) -> ChartStyle:
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(theme.charts) - set(known))
        if unknown:
            raise ValueError(f"unknown keys under charts: in layouts/theme.yaml: {', '.join(unknown)}")
        values: dict[str, Any] = {}
        for name, raw in theme.charts.items():
            values[name] = int(raw) if known[name] == "int" else float(raw)
        style = cls(**values)
        if style.pdf_fonttype not in (3, 42):
            raise ValueError("charts.pdf_fonttype in layouts/theme.yaml must be 3 or 42")
        return style


@dataclass(frozen=True)
class Palette:
    text: str
    muted: str
    rule: str
    light: str
    background: str
    highlight: str
    series: tuple[str, ...]


def palette(theme: Theme) -> Palette:
    c = theme.colors
    return Palette(
        text=str(c["text"]),
        muted=str(c["muted"]),
        rule=str(c["rule"]),
        light=str(c["light"]),
        background=str(c["background"]),
        highlight=str(c["highlight"]),
        series=tuple(str(s) for s in c["series"]),
    )


@dataclass(frozen=True)
class Fonts:
    """The chart faces: metrics for layout, and the files Matplotlib draws with.

    The files are the small chart copies (fonts.py); ``full_files`` are the layout-free
    copies of the whole fonts, which :meth:`covering` switches to for text the small
    copies lack. Glyphs and widths are the same in both, so the layout never changes.
    """

    family: str
    regular: FontMetrics
    bold: FontMetrics
    regular_file: Path
    bold_file: Path
    full_files: tuple[Path, Path] | None = None  # (regular, bold) with every glyph
    repertoire: frozenset[str] | None = None  # what regular_file and bold_file cover; None: all

    def metrics(self, bold: bool = False) -> FontMetrics:
        return self.bold if bold else self.regular

    def covering(self, texts: Iterable[str]) -> Fonts:
        """These fonts, or the whole fonts when a character of ``texts`` is missing here."""
        if self.repertoire is None or self.full_files is None:
            return self
        if all(set(text) <= self.repertoire for text in texts):
            return self
        regular, bold = self.full_files
        return replace(self, regular_file=regular, bold_file=bold, full_files=None, repertoire=None)

    def props(self, bold: bool = False) -> FontProperties:
        """A font by file, so every text uses the layout-free copy (see fonts.py)."""
        return FontProperties(fname=str(self.bold_file if bold else self.regular_file))


@per_theme
def chart_fonts(theme: Theme) -> Fonts:
    regular, bold = theme.font_path("pdf_regular"), theme.font_path("pdf_bold")
    small_regular, small_bold = chart_copy(regular), chart_copy(bold)
    return Fonts(
        family=theme.fonts["chart"],
        regular=font_metrics(regular),
        bold=font_metrics(bold),
        regular_file=small_regular,
        bold_file=small_bold,
        full_files=(layout_free(regular), layout_free(bold)),
        repertoire=coverage(small_regular) & coverage(small_bold),
    )


def rc_params(theme: Theme, style: ChartStyle) -> dict[str, Any]:
    """rcParams for one chart: the theme's font and colours, deterministic PDF output."""
    pal = palette(theme)
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [theme.fonts["chart"]],
        "font.size": style.label_max_size,
        "text.color": pal.text,
        "text.parse_math": False,  # names may contain "$"; they are never mathtext
        "axes.edgecolor": pal.rule,
        "axes.labelcolor": pal.muted,
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.facecolor": "none",
        "axes.axisbelow": True,
        "xtick.color": pal.rule,
        "ytick.color": pal.rule,
        "xtick.labelcolor": pal.muted,
        "ytick.labelcolor": pal.muted,
        "xtick.labelsize": style.label_max_size,
        "ytick.labelsize": style.label_max_size,
        "xtick.major.size": 3,
        "ytick.major.size": 3,
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.edgecolor": "none",
        "savefig.transparent": False,
        "pdf.fonttype": style.pdf_fonttype,
        # Matplotlib 3.11 sizes the PDF backend's font subsets by *ps*.fonttype (256
        # characters for Type 3, its default): with 42 here a Type 42 chart font is one
        # font whose codes are the characters' own (Identity-H), not a second font for
        # "–", "−" and the narrow no-break space with codes in order of first use, so
        # every chart's font agrees with every other's (figures.font_sheet).
        "ps.fonttype": style.pdf_fonttype,
        "pdf.compression": 6,
        "pdf.use14corefonts": False,
        "svg.hashsalt": "reportgen",
        # The web edition's SVG keeps text as <text> in the page's own (shipped) font, so it
        # stays selectable, searchable and sharp at any zoom.
        "svg.fonttype": "none",
        "path.simplify": True,
        "hatch.color": pal.background,
    }
