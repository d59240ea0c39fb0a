"""Where each value label of a bar chart goes, and which stacked segments carry one.

Both chart writers read these: the Matplotlib drawer places the texts, the native
PowerPoint writer keeps or deletes each point's data label. Planned once, they cannot
disagree about which shares carry a figure.

- A value label sits after its bar (on top of its column). Where a reference line
  (Länet, Riket) would run through it, it moves along the value axis to just past the
  line, so no line crosses digits (a reader's review of slides 77, 105, 133).
- A segment of a 100 % bar carries its share when the label fits inside it at
  ``segment_label_min_size`` or more (at least 7 pt on the slide); smaller segments
  carry none, and the slide's note says so (``has_unlabelled``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.deck.model import ChartSpec
from reportgen.figures.prepare import Context, Prepared, value_text
from reportgen.measure import text_height

SEGMENT_PAD = 0.03  # inches each side of a label inside a stacked segment
#: A reference line is 1.5 pt wide; a label keeps this much room (inches) from its centre.
LINE_CLEARANCE = (0.75 + 1.5) / 72
#: The ink of a one-line label inside a bar, in em: capitals to descender (Liberation Sans).
SEGMENT_INK = 1.1


@dataclass(frozen=True)
class ValueLabel:
    """One value's label: ``at`` is where it starts on the value axis (data units; the
    label's near edge is ``pad`` beyond it), its bar's end unless a line pushed it on."""

    series: int
    category: int
    text: str
    at: float

    def shifted(self, value: float) -> bool:
        return self.at > max(value, 0.0) + 1e-12


@dataclass(frozen=True)
class SegmentLabel:
    """One segment of a 100 % bar: its share's text, whether it is shown, at what size."""

    series: int
    category: int
    text: str
    shown: bool
    size: float


def segment_size(thickness: float, label_size: float, ctx: Context) -> float:
    """The size of the shares inside bars ``thickness`` inches thick: as large as the
    category labels, never larger than the bar's ink allows (no gap is needed between
    neighbours' labels: the bars' own gap separates them), at least the floor."""
    st = ctx.style
    room = thickness * 72 / SEGMENT_INK
    return min(max(label_size, st.segment_label_min_size), st.label_max_size, room)


def place_value_labels(
    spec: ChartSpec,
    prep: Prepared,
    ctx: Context,
    *,
    size: float,
    scale: float,
    horizontal: bool,
) -> tuple[tuple[ValueLabel, ...], float]:
    """Every value label of a grouped bar or column chart, clear of the reference lines,
    and how far (inches from the axis' zero) the farthest one reaches.

    ``scale`` is inches per data unit along the value axis. A label's extent along the
    axis is its width beside bars, its height over columns; it starts ``label_pad``
    (beside bars) or half of it (over columns) beyond ``at``, as the drawer places it.
    """
    st = ctx.style
    pad = st.label_pad if horizontal else st.label_pad / 2
    lines = sorted(ref.value for ref in spec.reference_lines)
    out: list[ValueLabel] = []
    reach = 0.0
    for j in range(prep.k):
        for i in range(prep.n):
            value = max(float(prep.values[j, i]), 0.0)
            text = value_text(spec, prep, value)
            extent = ctx.fonts.regular.width(text, size) if horizontal else text_height(size, 1, st.line_spacing)
            at = value
            for line in lines:  # ascending: a label pushed past one line may meet the next
                start = at * scale + pad
                centre = line * scale
                if start - LINE_CLEARANCE < centre < start + extent + LINE_CLEARANCE:
                    at = (centre + LINE_CLEARANCE - pad) / scale
            out.append(ValueLabel(j, i, text, at))
            reach = max(reach, at * scale + pad + extent)
    return tuple(out), reach


def plan_segments(
    spec: ChartSpec,
    prep: Prepared,
    ctx: Context,
    *,
    thickness: float,
    length: float,
    label_size: float,
    horizontal: bool,
) -> tuple[SegmentLabel, ...]:
    """Which segments of 100 % bars ``thickness`` inches thick, on a value axis
    ``length`` inches long, carry their share: a label that fits inside at the floor
    size or more (beside bars: its width along the segment; in columns: across it)."""
    st = ctx.style
    size = segment_size(thickness, label_size, ctx)
    legible = size >= st.segment_label_min_size - 1e-9
    height = text_height(size, 1, 1.1)
    out: list[SegmentLabel] = []
    for j in range(prep.k):
        for i in range(prep.n):
            value = float(prep.values[j, i])
            text = value_text(spec, prep, value)
            along = value / prep.vmax * length
            wide = ctx.fonts.regular.width(text, size) + 2 * SEGMENT_PAD
            fits = wide <= along if horizontal else wide <= thickness and height <= along
            out.append(SegmentLabel(j, i, text, value > 0 and legible and fits, size))
    return tuple(out)


def unlabelled(segments: Sequence[SegmentLabel], prep: Prepared) -> int:
    """How many drawn segments (share above 0) carry no label."""
    return sum(1 for s in segments if not s.shown and prep.values[s.series, s.category] > 0)
