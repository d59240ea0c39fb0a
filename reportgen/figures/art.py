"""A drawn chart as both renderers take it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartArt:
    """One chart drawn once: the vector PDF (one page, exactly ``width`` × ``height``
    inches) for the PDF renderer, and a PNG rasterised from that PDF for PowerPoint
    (empty when drawn for PDF output only: ``draw_charts(..., png=False)``); an SVG of the
    same figure, text kept as text, for the web edition (empty unless ``svg=True``)."""

    key: str
    pdf: bytes
    png: bytes
    width: float  # inches
    height: float  # inches
    svg: bytes = b""
