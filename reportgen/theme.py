"""The theme of ``layouts/theme.yaml`` as a value both renderers and the figures read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from reportgen.errors import ReportgenError
from reportgen.paths import LAYOUTS_DIR
from reportgen.yaml_data import parse_yaml

#: How the PowerPoint deck may carry its charts (``pptx: charts:`` in theme.yaml,
#: ``reportgen build --charts``): Matplotlib pictures, or native editable charts.
PPTX_CHART_MODES = ("pictures", "editable")

FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"))


@dataclass(frozen=True)
class Region:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Theme:
    width: float
    height: float
    fonts: dict[str, str]
    sizes: dict[str, float]
    colors: dict[str, Any]
    regions: dict[str, Region]
    table: dict[str, float]
    # Chart drawing settings (dpi, PDF font type, label limits); read by reportgen.figures.style,
    # which supplies a default for every key left out.
    charts: dict[str, Any] = field(default_factory=dict)
    # How each slide part sets its text (size key, bold, color, valign, min); read by
    # reportgen.render.geometry.look.
    looks: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The PowerPoint deck's charts unless the command line says otherwise (PPTX_CHART_MODES).
    pptx_charts: str = "pictures"

    def region(self, name: str) -> Region:
        try:
            return self.regions[name]
        except KeyError:
            raise KeyError(f"region {name!r} is not defined in layouts/theme.yaml") from None

    def color(self, key: str) -> str:
        """A theme colour by key, or the value itself when it is already '#rrggbb'."""
        return key if key.startswith("#") else str(self.colors[key])

    def font_path(self, key: str) -> Path:
        """The TrueType file of a PDF font (Debian's fonts-liberation2)."""
        name = self.fonts[key]
        for folder in FONT_DIRS:
            if (folder / name).exists():
                return folder / name
        raise FileNotFoundError(
            f"font {name} not found; install Debian's fonts-liberation2 (scripts/install-system-deps.sh)"
        )


def load_theme(path: Path | None = None) -> Theme:
    return _load(str(path or LAYOUTS_DIR / "theme.yaml"))


@lru_cache(maxsize=4)
def _load(path: str) -> Theme:
    raw = parse_yaml(Path(path).read_text(encoding="utf-8"))
    return Theme(
        width=float(raw["slide"]["width"]),
        height=float(raw["slide"]["height"]),
        fonts=dict(raw["fonts"]),
        sizes={k: float(v) for k, v in raw["sizes"].items()},
        colors=dict(raw["colors"]),
        regions={k: Region(*map(float, v)) for k, v in raw["regions"].items()},
        table={k: float(v) for k, v in raw["table"].items()},
        charts=dict(raw.get("charts") or {}),
        looks={k: dict(v) for k, v in (raw.get("looks") or {}).items()},
        pptx_charts=_chart_mode(path, (raw.get("pptx") or {}).get("charts", "pictures")),
    )


def _chart_mode(path: str, value: object) -> str:
    if value not in PPTX_CHART_MODES:
        raise ReportgenError(f"{path}: pptx: charts: found {value!r}; expected one of {', '.join(PPTX_CHART_MODES)}")
    return str(value)


_T = TypeVar("_T")


def per_theme(make: Callable[[Theme], _T]) -> Callable[[Theme], _T]:
    """``make(theme)`` worked out once per theme object (a theme is read once per layouts
    folder and not changed after; frozen): a county deck asks for its chart style,
    palette, fonts and chart boxes thousands of times, across its charts and both
    renderers. Kept by identity, checked against the very object, so a new theme at a
    reused address is worked out anew."""
    made: dict[int, tuple[Theme, _T]] = {}

    def once(theme: Theme) -> _T:
        hit = made.get(id(theme))
        if hit is None or hit[0] is not theme:
            if len(made) >= 32:  # tests make many themes; a build uses one
                made.clear()
            hit = made[id(theme)] = (theme, make(theme))
        return hit[1]

    once.__doc__ = make.__doc__
    once.__wrapped__ = make  # type: ignore[attr-defined]
    return once
