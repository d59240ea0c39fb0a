"""The neutral description of a deck that every renderer walks (DESIGN.md).

Values here are final: numbers already formatted as Swedish text where they are shown
as text, chart data already computed. Renderers only place and draw; they never
compute a figure. Positions are named *regions* whose geometry lives in
``layouts/theme.yaml``, so PPTX and PDF put every block in the same place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal, TypeVar, get_args

from reportgen.imprint import Imprint

SlideKind = Literal["title", "contents", "section", "subsection", "content"]
Direction = Literal["horizontal", "vertical"]
ChartKindName = Literal["bar", "stacked100", "column"]
F = TypeVar("F")


@dataclass(frozen=True)
class ChartKind:
    """What a kind of chart is, for every chart writer: bars side by side or shares
    stacked to 100 %, and which way its bars run unless the spec turns them upright.

    Bars and columns are one chart on its side (as python-pptx writes both with one
    bar-chart writer that sets ``barDir``), so a kind says only its grouping and its
    usual direction; the writers take both from here."""

    name: ChartKindName
    grouping: Literal["clustered", "percent_stacked"]
    direction: Direction

    @property
    def stacked(self) -> bool:
        return self.grouping == "percent_stacked"


#: Every chart kind a ChartSpec may name: the one place that says which exist. The
#: Matplotlib drawer (``figures.draw``) and the native PowerPoint writer
#: (``render.pptx_chart``) each declare their table with :func:`by_chart_kind`.
CHART_KINDS: Mapping[str, ChartKind] = MappingProxyType(
    {
        "bar": ChartKind("bar", "clustered", "horizontal"),
        "column": ChartKind("column", "clustered", "vertical"),
        "stacked100": ChartKind("stacked100", "percent_stacked", "horizontal"),
    }
)
if set(CHART_KINDS) != set(get_args(ChartKindName)):  # pragma: no cover - a definition slip
    raise TypeError("CHART_KINDS and ChartKindName name different kinds")


def by_chart_kind(writer: str, table: Mapping[str, F]) -> Mapping[str, F]:
    """``table`` (one entry per chart kind), checked to cover exactly :data:`CHART_KINDS`,
    so a kind added here fails at import in every writer that cannot draw it yet."""
    missing = sorted(set(CHART_KINDS) - set(table))
    unknown = sorted(set(table) - set(CHART_KINDS))
    if missing or unknown:
        raise TypeError(f"{writer}: the chart-kind table lacks {missing} or has unknown {unknown}")
    return MappingProxyType(dict(table))


@dataclass(frozen=True)
class Paragraph:
    """One paragraph; ``level`` > 0 makes it a bullet at that depth."""

    text: str
    level: int = 0
    bold: bool = False


@dataclass(frozen=True)
class TextBlock:
    region: str
    paragraphs: tuple[Paragraph, ...]
    size: float | None = None  # points; None = theme body size


@dataclass(frozen=True)
class KeyFigure:
    """A headline number with its explanation ("44" / "av de 75 kartlagda …")."""

    region: str
    value: str
    caption: str


@dataclass(frozen=True)
class Table:
    """A real table: one header row, body rows of text, relative column widths."""

    region: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the region width, summing to 1
    align: tuple[Literal["left", "right", "center"], ...]
    caption: str = ""  # shown above the table ("Vanligast fysisk form")
    font_size: float | None = None  # points; None = theme table size


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]
    color: str | None = None  # theme colour key ("primary", "cat_A", …) or None = by order


@dataclass(frozen=True)
class ReferenceLine:
    """A value marked across the chart (Länet's and Riket's means). ``name`` is who it
    stands for as a row of its own ("Länet (snitt)"): native PowerPoint charts have no
    lines over bars, so they show it as a highlighted bar in the chart's data."""

    label: str  # "Länet: 44", shown in the legend
    value: float
    color: str = "accent"
    name: str = ""  # "" = the label


@dataclass(frozen=True)
class ChartSpec:
    """Everything needed to draw one chart, in data terms.

    kind: one of :data:`CHART_KINDS` — "bar" (one or more series side by side),
    "stacked100" (shares summing to 100 per category), "column" (vertical bars).
    ``highlight`` lists category positions drawn in the emphasis colour (Länet, Riket).
    ``alt_text`` is the Swedish description every renderer attaches (ACCESSIBILITY.md).
    """

    region: str
    kind: ChartKindName
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    alt_text: str
    orientation: Direction = "horizontal"
    value_format: Literal["count", "percent", "decimal"] = "count"
    reference_lines: tuple[ReferenceLine, ...] = ()
    highlight: tuple[int, ...] = ()
    value_labels: bool = True
    legend: bool = True
    axis_label: str = ""
    caption: str = ""  # above the chart, e.g. "100 % = 723 insatser …"
    key: str = ""  # stable id for caching and file names ("aldre-form-kommun")
    # The value axis reaches at least this far (data units): charts shown side by side
    # (the three individer charts of a dimension) share one scale. None = from the data.
    value_max: float | None = None
    # Category positions whose shares rest on fewer answers than layouts' small-base
    # threshold: drawn hatched, values unchanged; ``small_base_label`` names the hatch in
    # the legend ("" = no legend entry, the slide's note explains it).
    small_base: tuple[int, ...] = ()
    small_base_label: str = ""

    @property
    def chart_kind(self) -> ChartKind:
        return CHART_KINDS[self.kind]

    @property
    def direction(self) -> Direction:
        """Which way the bars run: the kind's own direction (columns are vertical), or
        vertical when the spec turns it upright. Every chart writer reads it from here."""
        return "vertical" if self.chart_kind.direction == "vertical" or self.orientation == "vertical" else "horizontal"


Block = TextBlock | KeyFigure | Table | ChartSpec


@dataclass(frozen=True)
class Slide:
    kind: SlideKind
    title: str
    blocks: tuple[Block, ...] = ()
    note: str = ""  # the "Not:" line, without the prefix
    source: str = ""  # the "Källa:" line, without the prefix
    section_number: str = ""  # "3" on section dividers
    layout: str = "content"  # region set in layouts/theme.yaml
    key: str = ""  # stable id, e.g. "aldre/topp10"


@dataclass(frozen=True)
class Section:
    """A numbered part of the deck; its slides include its divider."""

    number: str
    title: str
    slides: tuple[Slide, ...]
    outline: tuple[tuple[str, int], ...] = ()  # sub-bookmarks: (title, slide index in section)
    area: str = ""  # the service area an area section reports on ("äldre"); "" for the others


@dataclass(frozen=True)
class Deck:
    title: str
    subtitle: str
    county: str  # "Skåne län" or "Riket"
    date_text: str  # "november 2026"
    sections: tuple[Section, ...]
    front: tuple[Slide, ...] = ()  # title and contents slides before section 1
    # The label every renderer shows on the title slide and in the document's comments
    # when the deck is made from synthetic data (SPEC §9), from the layouts; "" otherwise.
    demo_label: str = ""
    language: str = "sv-SE"
    # Who publishes the deck and the run's build time (SPEC §10). Every writer stamps its
    # document properties and dates from here and from nothing else — PDF Info and XMP,
    # PowerPoint core properties, and any later renderer (an HTML edition's
    # ``<meta name="author">`` and dates) — so one run's files agree. The organisation
    # and contact shown on the title slide are a text block the builder put there.
    # None: no publisher, and no date beyond what the renderer's format requires.
    imprint: Imprint | None = None

    @property
    def synthetic(self) -> bool:
        return bool(self.demo_label)

    @property
    def slides(self) -> list[Slide]:
        return list(self.front) + [s for sec in self.sections for s in sec.slides]

    @property
    def charts(self) -> tuple[ChartSpec, ...]:
        """Every chart of the deck in slide order: the one way to find them (chart
        writers draw these, checks walk these)."""
        return tuple(block for slide in self.slides for block in slide.blocks if isinstance(block, ChartSpec))
