"""One function per block kind of the deck model, each returning HTML, dispatched by a
dict (as ``render/pdf.py`` and ``render/pptx.py`` do). Nothing is computed here: texts
and numbers come from the model, chart values through the charts' own formatter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import count
from typing import Any

from markupsafe import Markup

from reportgen import numbers as fmt
from reportgen.deck.model import ChartSpec, KeyFigure, Paragraph, Slide, Table, TextBlock
from reportgen.figures.art import ChartArt
from reportgen.render.dispatch import block_table
from reportgen.render.html.svg import inline_svg, natural_size, smallest_text
from reportgen.render.html.templates import macro


@dataclass
class BlockContext:
    """What the block functions of one page share: its texts, the drawn charts, the
    slide being written, and a counter that keeps chart ids unique on the page."""

    texts: Mapping[str, Any]
    charts: Mapping[str, ChartArt]
    slide: Slide
    links: Mapping[str, str] = field(default_factory=dict)  # cell text → href (contents table)
    default_caption: str = ""  # for a table without a caption of its own; else the slide title
    ids: Any = field(default_factory=count)


def render_blocks(ctx: BlockContext) -> list[Markup]:
    return [BLOCK_RENDERERS[type(block)](ctx, block) for block in ctx.slide.blocks]


# ----------------------------------------------------------------- block kinds
def render_text(ctx: BlockContext, block: TextBlock) -> Markup:
    """Paragraphs, with bullets (level > 0) as nested lists."""
    return macro("text", nodes=_nest(block.paragraphs), region=block.region)


def render_key_figure(ctx: BlockContext, block: KeyFigure) -> Markup:
    return macro("key_figure", value=block.value, caption=block.caption, region=block.region)


def render_table(ctx: BlockContext, block: Table) -> Markup:
    """A real table: caption, column headers with ``scope="col"``, the first column as row
    headers when it has a heading; numbers right-aligned as on the slides."""
    row_headers = bool(block.header and block.header[0])
    numeric = [a == "right" for a in block.align]
    rows = [
        [
            {"text": text, "href": ctx.links.get(text), "num": numeric[i] if i < len(numeric) else False}
            for i, text in enumerate(row)
        ]
        for row in block.rows
    ]
    header = [{"text": h, "num": numeric[i] if i < len(numeric) else False} for i, h in enumerate(block.header)]
    caption = block.caption or ctx.default_caption or ctx.slide.title
    return macro(
        "table",
        id=f"t{next(ctx.ids)}",
        caption=caption,
        caption_hidden=caption == ctx.slide.title,  # the heading right above says it already
        header=header,
        rows=rows,
        row_headers=row_headers,
        region=block.region,
    )


def render_chart(ctx: BlockContext, spec: ChartSpec) -> Markup:
    """The chart's SVG inside a ``<figure>`` with its alt text and caption, and its data
    as a table in a ``<details>``, so colour never carries the meaning alone."""
    art = ctx.charts.get(spec.key)
    if art is None:
        raise KeyError(f"no drawn chart for chart key {spec.key!r}")
    if not art.svg:
        raise ValueError(f"chart {spec.key!r} was drawn without its SVG (draw_charts(..., svg=True))")
    t = ctx.texts
    prefix = f"d{next(ctx.ids)}"
    svg = inline_svg(art.svg, prefix=prefix, title=spec.alt_text, min_width_pt=_min_width(art.svg, t))
    caption = spec.caption or spec.axis_label or ctx.slide.title
    values = [[fmt.value(s.values[i], spec.value_format) for s in spec.series] for i in range(len(spec.categories))]
    rows = [
        {"category": category, "values": row, "classes": _row_classes(i, spec)}
        for i, (category, row) in enumerate(zip(spec.categories, values, strict=True))
    ]
    lines = ", ".join(line.label for line in spec.reference_lines)
    small = ", ".join(spec.categories[i] for i in spec.small_base)
    remarks = [t["reference_lines"].format(lines=lines)] if lines else []
    if small and spec.small_base_label:  # the hatch's meaning, in words beside the numbers
        remarks.append(t["small_base"].format(label=spec.small_base_label, names=small))
    return macro(
        "chart",
        id=prefix,
        key=spec.key,
        svg=svg,
        caption=caption,
        caption_hidden=caption == ctx.slide.title,
        summary=t["chart_data"],
        table_caption=t["chart_data_caption"].format(caption=caption),
        header=[t["category_header"], *(s.name for s in spec.series)],
        rows=rows,
        remarks=remarks,
        region=spec.region,
    )


BLOCK_RENDERERS: Mapping[type, Callable[[BlockContext, Any], Markup]] = block_table(
    "html",
    {
        TextBlock: render_text,
        KeyFigure: render_key_figure,
        Table: render_table,
        ChartSpec: render_chart,
    },
)


# --------------------------------------------------------------------- helpers
def _row_classes(index: int, spec: ChartSpec) -> str:
    """Länet and Riket rows stand out as in the chart; hatched (small-base) rows too."""
    marks = [("highlight", spec.highlight), ("small-base", spec.small_base)]
    return " ".join(name for name, positions in marks if index in positions)


def _min_width(svg: bytes, t: Mapping[str, Any]) -> float | None:
    """The narrowest the chart may be shown (points) so that its smallest label stays
    ``chart_min_label_px`` CSS pixels high (a CSS pixel is 3/4 of a point)."""
    smallest = smallest_text(svg)
    if smallest is None:
        return None
    width, _ = natural_size(svg)
    return width * float(t["chart_min_label_px"]) * 0.75 / smallest


def _nest(paragraphs: tuple[Paragraph, ...]) -> list[dict[str, Any]]:
    """Paragraphs as a tree: level-0 ones stand alone; a run of bullets becomes a list in
    which a deeper bullet belongs to the bullet above it."""
    nodes: list[dict[str, Any]] = []
    stack: list[list[dict[str, Any]]] = []  # open lists, outermost first
    for p in paragraphs:
        if p.level == 0:
            stack.clear()
            nodes.append({"kind": "p", "text": p.text, "bold": p.bold})
            continue
        item = {"text": p.text, "bold": p.bold, "children": []}
        depth = min(p.level, len(stack) + 1)  # a bullet never skips a level
        if depth > len(stack):
            if stack and stack[-1]:
                target: list[dict[str, Any]] = stack[-1][-1]["children"]
            else:
                target = []
                nodes.append({"kind": "list", "items": target})
            stack.append(target)
        del stack[depth:]
        stack[-1].append(item)
    return nodes
