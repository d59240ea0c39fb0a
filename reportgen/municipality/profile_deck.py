"""The municipality profile as a small deck model, so the deck's PDF renderer (with its
tagging) draws it, and any renderer that walks a deck can (SPEC §8).

Pages: a cover that says at once which areas the unit answered; an overview of every
area (status, answered insats questions, count, place, county and Riket means) with a
chart of the answered areas only; then one page per answered area
(``profile_area``). An area the unit did not answer is said so on the cover and in the
overview, and gets no bar, no 0 and no page of its own: a unit that answered nothing
has a profile of two pages.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from reportgen.deck import alttext
from reportgen.deck import format as fmt
from reportgen.deck.front import publisher_block
from reportgen.deck.model import ChartSpec, Deck, Paragraph, Section, Series, Slide, Table, TextBlock
from reportgen.imprint import Imprint
from reportgen.metrics.profile import AreaProfile, UnitProfile
from reportgen.municipality.profile_area import TableFits, area_slide, place_text
from reportgen.paths import LAYOUTS_DIR
from reportgen.text import capital
from reportgen.yaml_data import parse_yaml


@lru_cache(maxsize=2)
def _texts(path: str) -> dict[str, Any]:
    return parse_yaml(Path(path).read_text(encoding="utf-8"))


def texts(layouts_dir: Path | None = None) -> dict[str, Any]:
    return _texts(str((layouts_dir or LAYOUTS_DIR) / "profile.yaml"))


def _cover(p: UnitProfile, t: dict[str, Any], imprint: Imprint | None) -> Slide:
    """The title page, with the sentence saying which areas were answered, and the
    publisher when the settings name one (SPEC §10)."""
    answered = p.answered_areas
    c = t["cover"]
    if len(answered) == len(p.areas):
        summary = c["all"].format(municipality=p.name)
    elif answered:
        missing = [a.area for a in p.areas.values() if not a.responded]
        summary = c["some"].format(
            municipality=p.name, answered=t["number_words"][len(answered)], missing="; ".join(missing)
        )
    else:
        summary = c["none"].format(municipality=p.name)
    paragraphs = (Paragraph(summary), Paragraph(c["workbook" if answered else "workbook_none"]))
    publisher = publisher_block(imprint, t["publisher"], t["publisher"].get("font_size"))
    return Slide(
        kind="title",
        title=t["title"].format(municipality=p.name),
        blocks=(TextBlock("profile_summary", paragraphs), *((publisher,) if publisher else ())),
        key="profil/titel",
    )


def _status(a: AreaProfile, t: dict[str, Any]) -> str:
    if a.status != "ej_paborjad" and not a.responded:
        return t["status"]["no_insats_answers"]  # started, but no insats question answered
    return t["status"][a.status]


def _overview_row(a: AreaProfile, t: dict[str, Any]) -> tuple[str, ...]:
    of = t["overview"]["of"]
    if not a.responded or a.place is None:
        answered = offered = place = fmt.MISSING
    else:
        answered = of.format(count=fmt.integer(a.answered), size=a.catalog_size)
        offered = of.format(count=fmt.integer(a.offered), size=a.catalog_size)
        place = place_text(a.place, t["place"])
    return (
        capital(a.area),
        _status(a, t),
        answered,
        offered,
        place,
        fmt.mean(a.county_mean),
        fmt.mean(a.national_mean),
    )


def _overview_chart(p: UnitProfile, t: dict[str, Any]) -> ChartSpec:
    """The unit's count beside the county's and Riket's means, for the areas it answered
    only; when it answered none, the two means for every area (no bar of its own)."""
    o = t["overview"]
    colors = t["colors"]
    answered = p.answered_areas
    shown = answered or tuple(p.areas.values())
    names = [s.format(municipality=p.name) for s in o["series"]]
    values = [
        tuple(float(a.offered or 0) for a in shown),
        tuple(a.county_mean or 0.0 for a in shown),
        tuple(a.national_mean or 0.0 for a in shown),
    ]
    keys = [colors["municipality"], colors["county"], colors["riket"]]
    caption, subject = o["chart_title"], o["alt_subject"]
    if not answered:
        names, values, keys = names[1:], values[1:], keys[1:]
        caption, subject = o["chart_title_none"], o["alt_subject_none"]
    caption, subject = (s.format(municipality=p.name, county=p.county) for s in (caption, subject))
    categories = tuple(capital(a.area) for a in shown)
    return ChartSpec(
        region="profile_chart",
        kind="bar",
        orientation="vertical",
        categories=categories,
        series=tuple(Series(n, v, c) for n, v, c in zip(names, values, keys, strict=True)),
        alt_text=alttext.grouped(subject, categories, list(zip(names, values, strict=True))),
        value_format="count",
        caption=caption,
        key=f"profil/{p.respondent_id}/oversikt",
    )


def _overview(p: UnitProfile, t: dict[str, Any]) -> Slide:
    o = t["overview"]
    table = Table(
        region="profile_overview",
        header=tuple(o["header"]),
        rows=tuple(_overview_row(a, t) for a in p.areas.values()),
        widths=(0.2, 0.16, 0.14, 0.13, 0.13, 0.12, 0.12),
        align=("left", "left", "right", "right", "right", "right", "right"),
    )
    return Slide(
        kind="content",
        title=o["title"].format(municipality=p.name),
        blocks=(table, _overview_chart(p, t)),
        note=o["note"],
        source=t["source"],
        key=f"profil/{p.respondent_id}/oversikt",
    )


def build_profile_deck(
    p: UnitProfile,
    *,
    date_text: str,
    synthetic: bool,
    fits: TableFits,
    imprint: Imprint | None = None,
    layouts_dir: Path | None = None,
) -> Deck:
    """The profile of one unit. ``fits`` tells whether a table fits its region unshrunk
    (``render.pdf_layout.table_fits``), so every table of a profile has the theme's size;
    ``imprint`` dates it and names the publisher on its cover and in its properties."""
    t = texts(layouts_dir)
    title = t["title"].format(municipality=p.name)
    slides = (_overview(p, t), *(area_slide(p, a, t, fits) for a in p.answered_areas))
    return Deck(
        title=title,
        subtitle=t["subtitle"].format(county=p.county),
        county=p.county,
        # The date stands alone on the title slide, so it starts with a capital ("Maj 2022").
        date_text=capital(date_text),
        sections=(Section(number="1", title=title, slides=slides),),
        front=(_cover(p, t, imprint),),
        demo_label=t["synthetic_label"] if synthetic else "",
        imprint=imprint,
    )
