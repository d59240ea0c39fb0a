"""The stylesheet's colours (the theme's) pass WCAG 2.1 AA: 4.5:1 for text, 3:1 for the
focus ring against what it is drawn on. Computed with WCAG's own formula, from the
custom properties the stylesheet declares, so a theme change that breaks AA fails here
(axe-core checks the same on the built pages, tests/e2e/test_web_edition.py)."""

from __future__ import annotations

import re

import pytest

from reportgen.render.html.assets import stylesheet
from reportgen.theme import load_theme


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_formula_on_known_pairs():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic just-fails grey


@pytest.fixture(scope="module")
def colours() -> dict[str, str]:
    css = stylesheet(load_theme()).decode("utf-8")
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9A-Fa-f]{6})", css))


@pytest.mark.parametrize(
    ("fore", "back", "minimum"),
    [
        ("text", "background", 4.5),  # body text
        ("muted", "background", 4.5),  # notes, sources, footer
        ("primary", "background", 4.5),  # headings and links
        ("header-text", "header", 4.5),  # table header row
        ("text", "stripe", 4.5),  # striped table rows
        ("primary", "light", 4.5),  # links in the page's contents box
        ("background", "accent", 4.5),  # the synthetic-data label
        ("accent", "background", 3.0),  # focus ring (non-text contrast)
        ("accent", "light", 3.0),  # focus ring inside the contents box
    ],
)
def test_pairs_pass_aa(colours, fore, back, minimum):
    assert contrast(colours[fore], colours[back]) >= minimum, f"{fore} on {back}"
