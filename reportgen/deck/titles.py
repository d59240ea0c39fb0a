"""Every slide title unique within its deck (issue 18).

The six area sections repeat the same slides, and so their titles: "Insatsutbud" six
times. PowerPoint's accessibility checker reports duplicate slide titles, and the PDF's
outline would list six identical bookmarks. A screen reader's list of slides needs each
one to say where it is, so a title that occurs more than once is written with its area
(``repeated_title`` in deck.yaml: "Insatsutbud – äldre") — in the model, hence in the
PowerPoint title placeholder, the PDF bookmark and any other renderer alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from reportgen.deck.layout import LayoutError
from reportgen.deck.model import Section, Slide


def unique_titles(sections: Sequence[Section], template: str) -> list[Section]:
    """``sections`` with every title that recurs in the deck written as ``template``
    ("{title} – {area}") in the area sections; the outline follows the new titles."""
    counts = Counter(slide.title for section in sections for slide in section.slides)
    out = []
    for section in sections:
        if not section.area or all(counts[s.title] == 1 for s in section.slides):
            out.append(section)
            continue
        slides = tuple(
            replace(s, title=template.format(title=s.title, area=section.area)) if counts[s.title] > 1 else s
            for s in section.slides
        )
        outline = tuple((slides[at].title, at) for _, at in section.outline)
        out.append(replace(section, slides=slides, outline=outline))
    return out


def check_unique(slides: Iterable[Slide]) -> None:
    """A deck whose titles still repeat (two non-area sections with one title, or a
    ``repeated_title`` without the area) is refused, naming the titles."""
    counts = Counter(slide.title for slide in slides)
    repeated = sorted(title for title, n in counts.items() if n > 1)
    if repeated:
        raise LayoutError(f"deck.yaml: slide titles repeat within the deck (each must be unique): {repeated}")
