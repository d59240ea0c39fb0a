"""Chart texts whose layout is measured once per process, not once per save.

Matplotlib lays a ``Text`` out (``Text._get_layout``: shaping the string with FreeType
and libraqm to measure it) every time the figure is drawn, and caches the measurement
per renderer only; every ``savefig`` makes a new renderer. A county deck's 140 charts
draw about 3,700 texts of which fewer than 1,000 differ (the same shares, names and
legend entries recur), and that layout was about a tenth of their drawing.

:class:`CachedText` is a ``Text`` whose layout is kept process-wide, keyed by everything
the layout reads: the renderer's kind and dpi, the string, the font (file and size), the
alignment, rotation and line spacing, and the rc settings that change the measurement.
The layout is relative to the text's anchor (Text.draw adds the position), so a kept one
is exactly what Matplotlib would compute again; drawing stays Matplotlib's own.

This overrides a private method of Matplotlib (checked against 3.11.2), the one way to
reuse the measurement: tests/figures/test_text_cache.py fails when a text drawn this way
differs from a plain ``Text`` (PDF and SVG bytes) or the method disappears.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

import matplotlib as mpl
from matplotlib.text import Text

#: Kept layouts at most (a county deck needs about 1,000), the oldest dropped first.
KEPT = 10_000

#: The rc settings the measurement depends on (font hinting, core fonts, math, TeX).
RC_KEYS = ("text.hinting", "text.hinting_factor", "text.usetex", "text.parse_math", "pdf.use14corefonts", "ps.useafm")

_layouts: OrderedDict[Hashable, Any] = OrderedDict()


class CachedText(Text):
    """A ``Text`` whose layout is computed once per process for the same text and look."""

    def _layout_key(self, renderer: Any) -> Hashable:
        return (
            # The measuring renderer: PDF or SVG behind Matplotlib's mixed-mode wrapper.
            type(getattr(renderer.get_text_width_height_descent, "__self__", renderer)),
            self.get_figure(root=True).dpi,
            self._get_wrapped_text(),
            self._fontproperties.copy(),
            self._horizontalalignment,
            self._verticalalignment,
            self._multialignment,
            self.get_rotation(),
            self.get_rotation_mode(),
            self._linespacing,
            self._parse_math,
            self.get_usetex(),
            tuple(repr(mpl.rcParams[key]) for key in RC_KEYS),
        )

    def _get_layout(self, renderer: Any) -> Any:
        key = self._layout_key(renderer)
        layout = _layouts.get(key)
        if layout is None:
            layout = super()._get_layout(renderer)
            _layouts[key] = layout
            if len(_layouts) > KEPT:
                _layouts.popitem(last=False)
        bbox, info, corner = layout
        return bbox.frozen(), list(info), corner


def add_text(target: Any, x: float, y: float, text: str, **kw: Any) -> CachedText:
    """Put a :class:`CachedText` on an Axes or a Figure as ``Axes.text`` and
    ``Figure.text`` would (on axes: unclipped, baseline-aligned, left by default). On a
    figure it joins ``fig.artists`` (``Figure.add_artist``), not ``fig.texts``."""
    from matplotlib.axes import Axes

    if isinstance(target, Axes):
        kw = {"verticalalignment": "baseline", "horizontalalignment": "left", "clip_on": False, **kw}
    artist = CachedText(x, y, text, **kw)
    target.add_artist(artist)
    return artist
