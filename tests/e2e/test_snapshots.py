"""Snapshots of the Skåne deck: its model as text and a few slides' XML, normalised.

A changed title, a moved slide, a chart of another kind or a shape drawn differently
shows as a diff against ``__snapshots__/test_snapshots.ambr``. When the change is meant
(new texts in ``layouts/``, new figures in the demo data), review the diff and accept it
with ``python3 -m pytest tests/e2e/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

import zipfile

import pytest

from tests.snapshot_text import deck_outline, slide_xml

#: One slide of each look: the title slide, a section divider, key figures, a chart
#: beside text with a caption.
SLIDES = ("titel", "aldre", "aldre/insatsutbud/nyckeltal", "aldre/utan-beslut/vilja")


def test_deck_model(deck_model, snapshot):
    assert deck_outline(deck_model) == snapshot


@pytest.mark.parametrize("key", SLIDES)
def test_slide_xml(built, deck_model, key, snapshot):
    number = next(i for i, s in enumerate(deck_model.slides, start=1) if s.key == key)
    with zipfile.ZipFile(built.pptx) as pptx:
        xml = pptx.read(f"ppt/slides/slide{number}.xml")
    assert slide_xml(xml) == snapshot
