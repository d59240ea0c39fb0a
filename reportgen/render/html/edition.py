"""The web edition of a deck: static, self-contained HTML pages with inline SVG charts.

``render_web`` walks the same :class:`~reportgen.deck.model.Deck` as the PPTX and PDF
renderers and returns every file of the edition as bytes, keyed by its path inside the
edition's folder; the batch writes them through its atomic writer and lists them in the
manifest. No script is needed to read the pages and nothing is fetched from elsewhere:
the stylesheet, the font and the charts are in the folder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any

from reportgen.deck.model import Deck, Section, Slide
from reportgen.figures.art import ChartArt
from reportgen.render.html.assets import STYLESHEET, font_files, stylesheet
from reportgen.render.html.pages import (
    Anchors,
    Frame,
    Link,
    heading_levels,
    render_page,
    section_file,
    section_heading,
    site_nav,
    slide_view,
)
from reportgen.render.html.texts import web_texts
from reportgen.theme import Theme, load_theme


@dataclass(frozen=True)
class ProfilePage:
    """A municipality profile to publish as a page of the edition."""

    path: str  # inside the edition folder, named by the batch: "kommuner/1280-malmo.html"
    deck: Deck
    charts: Mapping[str, ChartArt]


@dataclass(frozen=True)
class WebEdition:
    files: dict[str, bytes]  # path inside the edition folder (forward slashes) → content

    @property
    def pages(self) -> list[str]:
        return [name for name in self.files if name.endswith(".html")]


def render_web(
    deck: Deck,
    charts: Mapping[str, ChartArt],
    *,
    profiles: Sequence[ProfilePage] = (),
    theme: Theme | None = None,
    layouts_dir: Path | None = None,
) -> WebEdition:
    """Every file of the web edition of ``deck`` (and of its municipality profiles)."""
    theme = theme or load_theme()
    t = web_texts(layouts_dir)
    files: dict[str, bytes] = {}
    has_profiles = bool(profiles)
    imprint = deck.imprint  # who published it and when (the run's build time), as the other formats say
    publisher = imprint.organisation if imprint else ""

    def frame(current: str, root: str = "", label: str = deck.demo_label) -> Frame:
        return Frame(
            root=root,
            site_title=f"{deck.title} – {deck.county}" if deck.county not in deck.title else deck.title,
            nav=site_nav(deck, t, current=current, root=root, profiles=has_profiles),
            demo_label=label,
            footer=" · ".join(part for part in (deck.subtitle, deck.date_text, publisher) if part),
            language=str(t["language"]),
            author=imprint.creator if imprint else "",
            created=imprint.iso() if imprint else "",
        )

    files["index.html"] = _index(deck, charts, t, frame("index.html"), profiles)
    sections = list(deck.sections)
    levels = heading_levels(deck)
    for i, section in enumerate(sections):
        name = section_file(section)
        pager = {
            "previous": _link(sections[i - 1]) if i > 0 else Link("index.html", t["home"]),
            "next": _link(sections[i + 1]) if i + 1 < len(sections) else None,
        }
        files[name] = render_page(
            frame(name),
            t,
            "section.html.j2",
            page_title=f"{section_heading(section)} – {frame(name).site_title}",
            number=section.number,
            heading=_divider_title(section),
            lead=(),
            pager=pager,
            **_section_body(levels[i], charts, t),
        )
    for profile in profiles:
        name = profile.path
        p = profile.deck
        body = [_section_body(slides, profile.charts, t) for slides in heading_levels(p)]
        files[name] = render_page(
            frame(name, root="../" * name.count("/"), label=p.demo_label),
            t,
            "section.html.j2",
            page_title=f"{p.title} – {frame(name).site_title}",
            number="",
            heading=p.title,
            lead=tuple(x for x in (p.subtitle, p.date_text) if x),
            pager=None,
            toc=[link for b in body for link in b["toc"]],
            slides=[s for b in body for s in b["slides"]],
        )
    files[STYLESHEET] = stylesheet(theme)
    files.update(font_files(theme))
    return WebEdition(files)


def _divider_title(section: Section) -> str:
    """The section's heading as its divider slide shows it (the outline's name otherwise)."""
    first = section.slides[0] if section.slides else None
    return first.title if first is not None and first.kind == "section" and first.title else section.title


def _link(section: Section) -> Link:
    return Link(section_file(section), section_heading(section))


def _section_body(
    levels: list[tuple[Slide, int]], charts: Mapping[str, ChartArt], t: Mapping[str, Any]
) -> dict[str, Any]:
    anchors, ids = Anchors(), count(1)
    slides = [slide_view(slide, level, anchors(slide), texts=t, charts=charts, ids=ids) for slide, level in levels]
    toc = [Link(s["id"], s["title"]) for s in slides if s["level"] == 2]
    return {"slides": slides, "toc": toc}


def _index(
    deck: Deck, charts: Mapping[str, ChartArt], t: Mapping[str, Any], frame: Frame, profiles: Sequence[ProfilePage]
) -> bytes:
    """The front page: title, subtitle and date, the contents (its section names linked
    to their pages), the profiles."""
    links = {section.title: section_file(section) for section in deck.sections}
    anchors, ids = Anchors(), count(1)
    slides = []
    for slide in deck.front:
        if slide.kind == "title" and not slide.blocks:
            continue  # the title slide is the page's heading and lead
        caption = t["contents_caption"].format(title=slide.title) if slide.kind == "contents" else ""
        view = slide_view(
            slide, 2, anchors(slide), texts=t, charts=charts, ids=ids, links=links, default_caption=caption
        )
        slides.append(view)
    profile_links = [Link(p.path, p.deck.title) for p in profiles]
    first = deck.sections[0] if deck.sections else None
    return render_page(
        frame,
        t,
        "index.html.j2",
        page_title=frame.site_title,
        heading=deck.title,
        lead=tuple(x for x in (deck.subtitle, deck.date_text) if x),
        slides=slides,
        profiles=profile_links,
        profiles_intro=t["profiles_intro"].format(county=deck.county),
        pager={"previous": None, "next": _link(first)} if first else None,
    )
