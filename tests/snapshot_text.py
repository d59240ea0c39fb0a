"""Readable text forms of what the renderers consume and write, for snapshot tests.

``deck_outline`` writes the deck model compactly — a line per slide (page, kind, key,
title) and an indented line per block — so a changed title, a moved slide or a chart
that changes kind shows as a one-line diff. ``slide_xml`` writes one slide's XML with
namespaces as prefixes, attributes sorted and one element per line.
"""

from __future__ import annotations

from lxml import etree

from reportgen.deck.model import Block, ChartSpec, Deck, KeyFigure, Table, TextBlock

WIDTH = 70  # characters of a text kept in the outline


def _cut(text: str) -> str:
    return text if len(text) <= WIDTH else text[: WIDTH - 1] + "…"


def _block(block: Block) -> str:
    if isinstance(block, TextBlock):
        return f"text {block.region}: {_cut(' / '.join(p.text for p in block.paragraphs))}"
    if isinstance(block, KeyFigure):
        return f"key {block.region}: {block.value} | {_cut(block.caption)}"
    if isinstance(block, Table):
        caption = f" {block.caption!r}" if block.caption else ""
        return f"table {block.region}{caption}: {' | '.join(block.header)} × {len(block.rows)} rows"
    assert isinstance(block, ChartSpec)
    series = ", ".join(s.name for s in block.series)
    return (
        f"chart {block.kind} {block.direction} {block.region} {block.key}: "
        f"{len(block.categories)} categories × [{_cut(series)}]"
    )


def deck_outline(deck: Deck) -> str:
    lines = [f"{deck.title} | {deck.subtitle} | {deck.county} | {deck.demo_label or 'real data'}"]
    for number, slide in enumerate(deck.slides, start=1):
        lines.append(f"{number:3} {slide.kind:<10} {slide.key} | {slide.title}")
        lines += [f"      {_block(b)}" for b in slide.blocks]
    return "\n".join(lines) + "\n"


def slide_xml(xml: bytes) -> str:
    root = etree.fromstring(xml)
    names = {uri: prefix for prefix, uri in root.nsmap.items() if prefix}

    def name(qname: str) -> str:
        q = etree.QName(qname)
        return f"{names.get(q.namespace, '?')}:{q.localname}" if q.namespace else q.localname

    out: list[str] = []

    def walk(element: etree._Element, depth: int) -> None:
        attributes = " ".join(f'{name(k)}="{v}"' for k, v in sorted(element.attrib.items()))
        text = (element.text or "").strip()
        out.append(
            "  " * depth
            + " ".join(part for part in (name(element.tag), attributes, repr(text) if text else "") if part)
        )
        for child in element:
            walk(child, depth + 1)

    walk(root, 0)
    return "\n".join(out) + "\n"
