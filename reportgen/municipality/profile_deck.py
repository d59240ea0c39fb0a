"""The municipality profile as a small deck model, so the deck's PDF renderer (with its
tagging) draws it: one overview slide and one slide per area (SPEC §8)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from reportgen.deck import format as fmt
from reportgen.deck.model import ChartSpec, Deck, KeyFigure, Paragraph, Section, Series, Slide, Table, TextBlock
from reportgen.metrics.profile import AreaProfile, MissingInsats, UnitProfile
from reportgen.paths import LAYOUTS_DIR
from reportgen.survey import CATEGORIES
from reportgen.text import capital


@lru_cache(maxsize=2)
def _texts(path: str) -> dict[str, Any]:
    return yaml.safe_load(Path(path).read_text(encoding="utf-8"))


def texts(layouts_dir: Path | None = None) -> dict[str, Any]:
    return _texts(str((layouts_dir or LAYOUTS_DIR) / "profile.yaml"))


def _mean(value: float | None) -> str:
    return fmt.decimal(value, 1)


def _overview(p: UnitProfile, t: dict[str, Any]) -> Slide:
    o = t["overview"]
    rows = tuple(
        (
            a.area.capitalize(),
            t["status"][a.status],
            fmt.integer(a.offered) if a.responded else fmt.MISSING,
            _mean(a.county_mean),
            _mean(a.national_mean),
        )
        for a in p.areas.values()
    )
    names = [s.format(municipality=p.name) for s in o["series"]]
    # The scopes' colours of the deck (layouts/theme.yaml: scope_unit, scope_county,
    # scope_national), so Länet and Riket look the same in the profile as in the deck.
    series = (
        Series(names[0], tuple(float(a.offered or 0) for a in p.areas.values()), "scope_unit"),
        Series(names[1], tuple(float(a.county_mean or 0) for a in p.areas.values()), "scope_county"),
        Series(names[2], tuple(float(a.national_mean or 0) for a in p.areas.values()), "scope_national"),
    )
    answered = [a for a in p.areas.values() if a.responded]
    summary = (
        "; ".join(
            f"{a.area}: {fmt.integer(a.offered)} (länet {_mean(a.county_mean)}, riket {_mean(a.national_mean)})"
            for a in answered
        )
        or "kommunen besvarade ingen av enkäterna"
    )
    chart = ChartSpec(
        region="right",
        kind="bar",
        categories=tuple(a.area.capitalize() for a in p.areas.values()),
        series=series,
        alt_text=(
            f"Stapeldiagram: antal erbjudna insatser per verksamhetsområde i {p.name} jämfört med snittet i "
            f"{p.county} och i riket. {capital(summary)}."
        ),
        value_format="decimal",
        caption=o["chart_title"],
        key=f"profil/{p.respondent_id}/oversikt",
    )
    table = Table(
        region="left",
        header=tuple(o["header"]),
        rows=rows,
        widths=(0.34, 0.18, 0.16, 0.16, 0.16),
        align=("left", "left", "right", "right", "right"),
    )
    return Slide(
        kind="content",
        title=o["title"].format(municipality=p.name),
        blocks=(table, chart),
        note=o["note"],
        source=t["source"],
        key=f"profil/{p.respondent_id}/oversikt",
    )


def _missing_table(region: str, caption: str, rows: tuple[MissingInsats, ...], t: dict[str, Any], name: str) -> Table:
    a = t["area"]
    body = tuple((m.insats, fmt.percent(m.share)) for m in rows) or ((a["none_missing"].format(municipality=name), ""),)
    return Table(
        region=region,
        header=tuple(a["missing_header"]),
        rows=body,
        widths=(0.78, 0.22),
        align=("left", "right"),
        caption=caption,
    )


def _dimension_rows(a: AreaProfile, t: dict[str, Any]) -> tuple[tuple[str, ...], ...]:
    rows = []
    for name, (mine, county) in a.dimensions.items():
        labels = t["dimensions"][name]
        for category in CATEGORIES:
            rows.append(
                (
                    labels["label"],
                    labels[category],
                    fmt.percent(mine.share(category)) if mine is not None else fmt.MISSING,
                    fmt.percent(county.share(category)),
                )
            )
    return tuple(rows)


def _area_slide(p: UnitProfile, a: AreaProfile, t: dict[str, Any]) -> Slide:
    s = t["area"]
    values = {
        "municipality": p.name,
        "area": a.area,
        "size": a.catalog_size,
        "offered": fmt.integer(a.offered) if a.responded else fmt.MISSING,
        "county_mean": _mean(a.county_mean),
        "national_mean": _mean(a.national_mean),
    }
    title = s["title"].format(**values)
    key = f"profil/{p.respondent_id}/{a.area}"
    if not a.responded:
        # Started but no insats answered is not the same as never opened (SPEC §5).
        words = s["not_responded"] if a.status == "ej_paborjad" else s["no_insats_answers"]
        text = TextBlock("body", (Paragraph(words.format(**values)),))
        return Slide(kind="content", title=title, blocks=(text,), source=t["source"], key=key)
    blocks = (
        KeyFigure("profile_key", values["offered"], s["key_caption"].format(**values)),
        Table(
            region="profile_dims",
            header=tuple(h.format(**values) for h in s["dimensions_header"]),
            rows=_dimension_rows(a, t),
            widths=(0.18, 0.42, 0.2, 0.2),
            align=("left", "left", "right", "right"),
            caption=s["dimensions_caption"],
        ),
        _missing_table("profile_top", s["missing_county"].format(**values), a.missing_in_county, t, p.name),
        _missing_table("profile_bottom", s["missing_riket"].format(**values), a.missing_in_riket, t, p.name),
    )
    return Slide(kind="content", title=title, blocks=blocks, note=s["note"], source=t["source"], key=key)


def build_profile_deck(p: UnitProfile, *, date_text: str, synthetic: bool, layouts_dir: Path | None = None) -> Deck:
    t = texts(layouts_dir)
    title = t["title"].format(municipality=p.name)
    subtitle = t["subtitle"].format(county=p.county)
    # The renderers draw the title slide from the deck's title, subtitle, date and
    # synthetic flag, so the slide itself carries no blocks.
    front = Slide(kind="title", title=title, key="profil/titel")
    slides = (_overview(p, t), *(_area_slide(p, a, t) for a in p.areas.values()))
    section = Section(number="1", title=title, slides=slides)
    # The date stands alone on the title slide, so it starts with a capital ("Maj 2022").
    date = capital(date_text)
    return Deck(
        title=title,
        subtitle=subtitle,
        county=p.county,
        date_text=date,
        sections=(section,),
        front=(front,),
        demo_label=t["synthetic_label"] if synthetic else "",
        author="reportgen",
    )
