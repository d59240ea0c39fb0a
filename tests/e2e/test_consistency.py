"""The built Skåne deck as a careful reader checks it (issue 14): no two figures disagree."""

from __future__ import annotations

import re

import pytest
from pptx import Presentation

from tests.e2e.conftest import Built


@pytest.fixture(scope="module")
def slides(built: Built) -> list[tuple[str, str, list[str]]]:
    """(title, all text, alt texts of pictures) per slide."""
    found = []
    for slide in Presentation(str(built.pptx)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        texts += [c.text for s in slide.shapes if s.has_table for r in s.table.rows for c in r.cells]
        alts = [s._element.xpath("./p:nvPicPr/p:cNvPr/@descr")[0] for s in slide.shapes if s.shape_type == 13]
        found.append((title, "\n".join(texts), alts))
    return found


def test_insights_name_every_area_sharing_an_extreme(slides) -> None:
    (text,) = [t for title, t, _ in slides if title == "Några mönster går igen i alla verksamhetsområden"]
    # Riket's further shares: barn och unga 94/235 = 40 %, socialpsykiatri 40 % as well.
    assert "störst inom barn och unga samt socialpsykiatri (40 %)" in text
    # Only digital: äldre and funktionshinder both print 3 %.
    assert "som lägst 3 % (äldre och funktionshinder)" in text


def test_the_mean_line_is_the_mean_of_the_bars(built: Built, slides) -> None:
    aldre = built.metrics["areas"]["äldre"]
    bars = [r["offered"] for r in aldre["per_respondent"] if r["answered"]]
    assert len(bars) == aldre["with_answers"] == 25 and aldre["answered"] == 28
    assert aldre["offered_mean"] == pytest.approx(sum(bars) / len(bars), abs=1e-4)
    (alt,) = [a for title, _, alts in slides if title.startswith("Antal insatser inom området äldre") for a in alts]
    assert f"Medelvärdet är {round(sum(bars) / len(bars))} för länet" in alt


def test_the_response_slide_says_how_many_answered_no_insats(slides) -> None:
    (text,) = [t for title, t, _ in slides if title == "Svarsfrekvens för enkät: verksamhetsområde äldre"]
    assert "3 av de 28 kommuner som besvarat enkäten har inte svarat på någon fråga om insatserna" in text


def test_counts_agree_in_number_and_no_empty_heading(slides) -> None:
    text = "\n".join(t for _, t, _ in slides)
    assert not re.search(r"(?<![\d ])1 (insatser|kommuner)\b", text)
    assert "100 % = 0 " not in text


def test_small_bases_are_labelled_and_explained(slides) -> None:
    per_unit = [(t, alts) for title, t, alts in slides if "uppdelat på kommun – " in title]  # "… – äldre"
    assert len(per_unit) == 18
    for text, alts in per_unit:
        assert "Antal insatser med svar på frågan anges i parentes." in text
        marked = "Streckade staplar bygger på färre än 5 insatser med svar" in " ".join(alts)
        assert marked == ("Streckade staplar bygger på färre än 5" in text)
    assert any("Streckade staplar" in t for t, _ in per_unit)
