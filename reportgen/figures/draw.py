"""Draw a ChartSpec once, to PDF, and rasterise that PDF for PowerPoint.

Matplotlib draws the figure once per ``savefig``, so each chart is saved once, as a
vector PDF; pypdfium2 renders that PDF to the PNG (PERFORMANCE.md: about a third of the
cost of a second Matplotlib save). The web edition also takes an SVG of the same figure
object (``svg=True``): no second build, and the SVG save costs less than half the PDF
save, as it embeds no font (``svg.fonttype: none`` keeps text as ``<text>``). Figures are
plain ``Figure`` objects — no pyplot, no backend switch — inside ``rc_context``, so
nothing global changes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager

import matplotlib as mpl
import numpy as np
import pypdfium2 as pdfium
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from reportgen.deck.model import ChartSpec, by_chart_kind
from reportgen.figures.art import ChartArt
from reportgen.figures.bars import draw_bars
from reportgen.figures.canvas import blank_figure
from reportgen.figures.font_embed import whole_chart_fonts
from reportgen.figures.glyph_cache import kept_glyph_layouts
from reportgen.figures.layout import chart_box
from reportgen.figures.png import encode_rgb
from reportgen.figures.prepare import Context, chart_context, context
from reportgen.figures.style import rc_params
from reportgen.theme import Theme, load_theme

# Fixed metadata: no creation date, so the same spec gives the same bytes.
PDF_METADATA = {"Creator": "reportgen", "Producer": "reportgen (Matplotlib)", "CreationDate": None}
SVG_METADATA = {"Creator": "reportgen (Matplotlib)", "Date": None}

Drawer = Callable[[Figure, ChartSpec, Context, str], Axes]

#: The drawer of each chart kind (``deck.model.CHART_KINDS``), given the spec's direction
#: (``ChartSpec.direction``): grouped bars, columns and 100 % stacked bars are one drawer
#: (``bars.draw_bars``).
DRAWERS: Mapping[str, Drawer] = by_chart_kind("figures.draw", dict.fromkeys(("bar", "column", "stacked100"), draw_bars))


def chart_rc(theme: Theme | None = None) -> AbstractContextManager[None]:
    """The rcParams every chart is built and saved under (tests use it to measure text)."""
    theme = theme or load_theme()
    return mpl.rc_context(rc_params(theme, context(theme).style))


def build_figure(spec: ChartSpec, theme: Theme | None = None, *, reuse: bool = False) -> Figure:
    """The chart as a Matplotlib figure of exactly :func:`chart_box`'s size (not saved).

    Call it, and use the figure, inside :func:`chart_rc`. ``reuse=True`` draws on a kept
    figure of the same shape (``canvas.blank_figure``): cheaper, but the figure is only
    good until the next chart of that shape is built, so :func:`draw_chart` saves it at once.
    """
    theme = theme or load_theme()
    box = chart_box(spec, theme)
    if reuse:
        rc = tuple(sorted((k, repr(v)) for k, v in rc_params(theme, context(theme).style).items()))
        fig = blank_figure(box.width, box.height, (spec.direction, rc))
    else:
        fig = Figure(figsize=(box.width, box.height), dpi=72)
    DRAWERS[spec.kind](fig, spec, chart_context(spec, theme), spec.direction)
    return fig


def figure_pdf(fig: Figure) -> bytes:
    buf = io.BytesIO()
    with whole_chart_fonts(), kept_glyph_layouts():
        fig.savefig(buf, format="pdf", metadata=PDF_METADATA)
    return buf.getvalue()


def figure_svg(fig: Figure) -> bytes:
    """The figure as SVG; call it inside :func:`chart_rc` (which sets ``svg.fonttype``)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", metadata=SVG_METADATA)
    return buf.getvalue()


def rasterise(pdf: bytes, dpi: float, background: str = "#FFFFFF") -> bytes:
    """PNG of a one-page PDF at ``dpi``, on an opaque background, with its dpi recorded."""
    rgb = tuple(int(background.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    doc = pdfium.PdfDocument(pdf)
    try:
        page = doc[0]
        # pdfium sizes the bitmap with ceil(points × scale); nudge the scale down so a
        # 6-inch chart at 150 dpi is 900 pixels, not 901 from float error.
        scale = dpi / 72.0 * (1 - 1e-9)
        bitmap = page.render(scale=scale, fill_color=(*rgb, 255), rev_byteorder=True)
        pixels = bitmap.to_numpy()
        if bitmap.mode != "RGB":  # an opaque fill gives RGB; anything else, drop the extra channel
            pixels = np.asarray(bitmap.to_pil().convert("RGB"))
        png = encode_rgb(pixels, dpi)
        bitmap.close()
        page.close()
    finally:
        doc.close()
    return png


def draw_chart(spec: ChartSpec, theme: Theme | None = None, *, png: bool = True, svg: bool = False) -> ChartArt:
    """Draw one chart: its PDF (vector, text kept as text) and the PNG rasterised from it
    (``png=False``: no PNG, for output that is PDF only, such as municipality profiles);
    with ``svg=True`` also the same figure as SVG for the web edition."""
    theme = theme or load_theme()
    ctx = context(theme)
    with mpl.rc_context(rc_params(theme, ctx.style)):
        fig = build_figure(spec, theme, reuse=True)
        pdf = figure_pdf(fig)
        vector = figure_svg(fig) if svg else b""
    picture = rasterise(pdf, ctx.style.dpi, ctx.palette.background) if png else b""
    return ChartArt(
        key=spec.key, pdf=pdf, png=picture, width=fig.get_figwidth(), height=fig.get_figheight(), svg=vector
    )


def distinct_charts(specs: Iterable[ChartSpec]) -> dict[str, ChartSpec]:
    """Every distinct chart of a deck by ``spec.key``, in the order met.

    A key names one chart: two different specs under one key, or a spec without a key,
    is a deck-builder bug and raises ``ValueError``.
    """
    seen: dict[str, ChartSpec] = {}
    for spec in specs:
        if not spec.key:
            raise ValueError(f"a {spec.kind} chart in region {spec.region!r} has no key")
        if spec.key in seen and seen[spec.key] != spec:
            raise ValueError(f"two different charts share the key {spec.key!r}")
        seen[spec.key] = spec
    return seen


def draw_charts(
    specs: Iterable[ChartSpec], theme: Theme | None = None, *, png: bool = True, svg: bool = False
) -> dict[str, ChartArt]:
    """Every distinct chart of a deck (:func:`distinct_charts`), drawn once each, keyed
    by ``spec.key`` (with PNGs for PowerPoint unless ``png=False``, with SVGs for the web
    edition when ``svg=True``)."""
    theme = theme or load_theme()
    return {key: draw_chart(spec, theme, png=png, svg=svg) for key, spec in distinct_charts(specs).items()}
