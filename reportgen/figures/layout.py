"""Where a chart goes and how big its labels may be, computed from measured text.

Both renderers call :func:`chart_box` (and draw :func:`caption_lines` above it), so the
chart's PDF and PNG are drawn at exactly the size the slide gives them. Label sizes
come from the room each bar has: the largest size up to ``label_max_size`` whose lines
fit the bar's slot, never below ``label_min_size`` while a single line still fits there;
past that the size follows the slot down, so every bar keeps a label and no two labels
overlap (the vector PDF stays readable when zoomed; ``bar_plan.label_capacity`` tells the deck
builder how many bars stay at or above the floor).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.deck.model import ChartSpec
from reportgen.figures.style import ChartStyle, chart_fonts
from reportgen.measure import FontMetrics, text_height, wrap
from reportgen.theme import Region, Theme, per_theme

# A line's ink, from the ring of "Å" to the descender, in em (Liberation Sans: 0.882 + 0.212),
# and the least free room kept between neighbouring labels.
INK = 1.1
LABEL_GAP = 0.1


#: Per theme, (region, caption) → (caption lines, chart box): both renderers and the
#: figures ask for a chart's box several times; measuring its caption is the cost.
_boxes = per_theme(lambda theme: {})


def _caption_and_box(spec: ChartSpec, theme: Theme) -> tuple[tuple[str, ...], Region]:
    boxes: dict[tuple[str, str], tuple[tuple[str, ...], Region]] = _boxes(theme)
    hit = boxes.get((spec.region, spec.caption))
    if hit is None:
        if len(boxes) >= 4096:
            boxes.clear()
        lines = _caption_lines(spec, theme)
        hit = boxes[(spec.region, spec.caption)] = (lines, _chart_box(spec, theme, lines))
    return hit


def caption_lines(spec: ChartSpec, theme: Theme) -> tuple[str, ...]:
    """The caption wrapped to the region's width at the theme's caption size (regular face).

    Renderers draw these lines from the region's top, ``theme.sizes["caption"] ×
    charts.line_spacing`` points apart; the chart starts below them (:func:`chart_box`).
    """
    return _caption_and_box(spec, theme)[0]


def _caption_lines(spec: ChartSpec, theme: Theme) -> tuple[str, ...]:
    if not spec.caption:
        return ()
    region = theme.region(spec.region)
    metrics = chart_fonts(theme).regular
    size = theme.sizes["caption"]
    lines: list[str] = []
    for part in spec.caption.split("\n"):
        lines.extend(wrap(part, metrics, size, region.width, max_lines=3).lines)
    return tuple(lines)


def chart_box(spec: ChartSpec, theme: Theme) -> Region:
    """The chart's own box (inches from the slide's top-left): the spec's region less the
    caption lines above it. The chart's PDF and PNG are exactly this size."""
    return _caption_and_box(spec, theme)[1]


def _chart_box(spec: ChartSpec, theme: Theme, lines: tuple[str, ...]) -> Region:
    region = theme.region(spec.region)
    if not lines:
        return region
    style = ChartStyle.from_theme(theme)
    used = text_height(theme.sizes["caption"], len(lines), style.line_spacing) + style.caption_gap
    return Region(region.x, region.y + used, region.width, max(region.height - used, 0.5))


@dataclass(frozen=True)
class LabelPlan:
    """Category labels ready to draw: each label's lines, one font size, the room they take
    across the category axis (width beside bars, height under columns)."""

    lines: tuple[tuple[str, ...], ...]
    size: float
    extent: float
    rotated: bool = False
    shortened: int = 0  # how many labels were cut with "…"

    def text(self, i: int) -> str:
        return "\n".join(self.lines[i])


def _metrics(bold: bool, regular: FontMetrics, bold_metrics: FontMetrics) -> FontMetrics:
    return bold_metrics if bold else regular


def _widest(lines: Sequence[Sequence[str]], faces: Sequence[FontMetrics], size: float) -> float:
    return max((face.width(line, size) for ls, face in zip(lines, faces, strict=True) for line in ls), default=0.0)


def fit_size(slot_pt: float, lines: int, style: ChartStyle) -> float:
    """The largest font size (pt, at most ``label_max_size``) whose ``lines`` lines fit a slot
    ``slot_pt`` points tall with a gap to the next slot's label."""
    return min(style.label_max_size, slot_pt / ((lines - 1) * style.line_spacing + INK + LABEL_GAP))


def plan_row_labels(
    labels: Sequence[str],
    bold: Sequence[bool],
    regular: FontMetrics,
    bold_face: FontMetrics,
    style: ChartStyle,
    slot: float,
    max_width: float,
) -> LabelPlan:
    """Labels beside horizontal bars whose slots are ``slot`` inches tall.

    One line at the size that fills the slot when every name fits; otherwise two lines at
    a smaller size when that shortens fewer names and stays at or above the floor.
    """
    faces = [_metrics(b, regular, bold_face) for b in bold]
    slot_pt = slot * 72.0
    candidates = [(fit_size(slot_pt, 1, style), 1)]
    for n_lines in range(2, style.label_max_lines + 1):
        size = fit_size(slot_pt, n_lines, style)
        if size >= style.label_min_size:
            candidates.append((size, n_lines))
    best: LabelPlan | None = None
    for size, n_lines in candidates:
        wrapped = [wrap(text, face, size, max_width, n_lines) for text, face in zip(labels, faces, strict=True)]
        lines = tuple(w.lines for w in wrapped)
        plan = LabelPlan(lines, size, _widest(lines, faces, size), shortened=sum(w.shortened for w in wrapped))
        if best is None or plan.shortened < best.shortened:
            best = plan
        if plan.shortened == 0:
            break
    assert best is not None
    return best


def plan_column_labels(
    labels: Sequence[str],
    bold: Sequence[bool],
    regular: FontMetrics,
    bold_face: FontMetrics,
    style: ChartStyle,
    slot: float,
    max_height: float,
) -> LabelPlan:
    """Labels under vertical columns whose slots are ``slot`` inches wide.

    The largest size (in half points, down to the floor) at which every name wraps into
    the allowed lines; else the floor with "…". When even a short word cannot fit the
    slot at the floor, the labels turn 90° and take one line each, sized to the slot.
    """
    faces = [_metrics(b, regular, bold_face) for b in bold]
    width = slot * 0.96
    floor = style.label_min_size
    if regular.width("Vet ej", floor) <= width:
        size = style.label_max_size
        while True:
            wrapped = [wrap(t, f, size, width, style.label_max_lines) for t, f in zip(labels, faces, strict=True)]
            shortened = sum(w.shortened for w in wrapped)
            if shortened == 0 or size - 0.5 < floor:
                lines = tuple(w.lines for w in wrapped)
                n_lines = max(len(ls) for ls in lines) if lines else 1
                return LabelPlan(lines, size, text_height(size, n_lines, style.line_spacing), shortened=shortened)
            size -= 0.5
    size = max(fit_size(slot * 72.0, 1, style), 0.5)
    wrapped = [wrap(t, f, size, max_height, 1) for t, f in zip(labels, faces, strict=True)]
    lines = tuple(w.lines for w in wrapped)
    return LabelPlan(
        lines, size, _widest(lines, faces, size), rotated=True, shortened=sum(w.shortened for w in wrapped)
    )
