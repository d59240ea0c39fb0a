from __future__ import annotations

import itertools

import pytest

from reportgen.measure import font_metrics, shorten, wrap
from reportgen.theme import load_theme


@pytest.fixture(scope="module")
def metrics():
    return font_metrics(load_theme().font_path("pdf_regular"))


def test_width_is_advance_widths(metrics):
    # Liberation Sans (Arial metrics): "M" is 1706/2048 em, "i" 455/2048 em.
    assert metrics.width("Mi", 72) == pytest.approx((1706 + 455) / 2048)


def test_wrap_keeps_short_text_on_one_line(metrics):
    assert wrap("Malmö", metrics, 10, 2.0, 2).lines == ("Malmö",)


def test_wrap_breaks_at_spaces_within_width(metrics):
    text = "Särskilt boende, vård och omsorgsboende anpassat för personer med demenssjukdom"
    result = wrap(text, metrics, 10, 3.0, 2)
    assert len(result.lines) == 2 and not result.shortened
    assert " ".join(result.lines) == text
    assert all(metrics.width(line, 10) <= 3.0 for line in result.lines)


def test_count_never_alone_on_a_line(metrics):
    text = "Avlösning genom korttidsboende, respite care, växelvård* (24)"
    result = wrap(text, metrics, 10, metrics.width(text, 10) - 0.01, 2)
    assert result.lines[-1].endswith("växelvård* (24)")


@pytest.mark.parametrize(
    ("text", "suffix"),
    [
        pytest.param("Avlösning genom korttidsboende, respite care, växelvård*", "…*", id="relatives"),
        pytest.param("Behandlingsprogram för våldsutövare i nära relationer**", "…**", id="perpetrators"),
        pytest.param("Information om anhörigstöd / anhörigperspektiv (25)", "… (25)", id="count"),
        pytest.param("Stödprogram för anhöriga till personer med demens* (22)", "…* (22)", id="mark-and-count"),
    ],
)
def test_shorten_keeps_marks_and_counts(metrics, text, suffix):
    short = shorten(text, metrics, 10, 1.5)
    assert short.endswith(suffix)
    assert metrics.width(short, 10) <= 1.5
    assert short.startswith(text[:4])


def test_last_line_shortened_when_lines_run_out(metrics):
    text = "Kognitiv integrerad behandling vid barnmisshandel (KIBB) / the combined parent – child therapy"
    result = wrap(text, metrics, 10, 1.6, 2)
    assert result.shortened and len(result.lines) == 2
    assert result.lines[-1].endswith("…")
    assert all(metrics.width(line, 10) <= 1.6 for line in result.lines)


def test_single_word_wider_than_the_line_is_cut(metrics):
    result = wrap("Supercalifragilisticexpialidocious", metrics, 10, 0.6, 2)
    assert result.lines[0].endswith("…") and metrics.width(result.lines[0], 10) <= 0.6


def test_word_widths_add_up_to_the_line_width(metrics):
    # "Mi Mi": 2 × (1706 + 455) + the space's 569 font units (of 2048).
    units = 2 * metrics.word_units("Mi") + metrics.word_units(" ")
    assert units == 2 * (1706 + 455) + 569
    assert metrics.inches(units, 10) == metrics.width("Mi Mi", 10)


@pytest.mark.parametrize("width", [1.3, 2.1, 3.4])  # every word fits a line
def test_wrap_is_greedy_every_line_as_long_as_the_next_word_allows(metrics, width):
    text = "Stöd till anhöriga och närstående som vårdar eller stödjer en person med funktionsnedsättning"
    lines = wrap(text, metrics, 10, width, 10).lines
    assert " ".join(lines) == text
    for line, following in itertools.pairwise(lines):
        assert metrics.width(line, 10) <= width
        assert metrics.width(f"{line} {following.split()[0]}", 10) > width  # the next word did not fit
