"""One page of a municipality profile per answered area (SPEC §8).

Left: the count of offered insatser with its place in the county and the county's and
Riket's means, the unit's own answers on further insatser and on giving insatser
without decision (with the huvudgrupper it chose), and its form/regi/beslut shares.
Right: the insatser it offers (least common in the county first) and the common ones it
does not, each beside the county's and Riket's share.

Every table is drawn at the theme's one table size: a list takes as many rows as fit
its region unshrunk (``fits``, the renderer's own measure), and its caption says when
it shows only the first of them. An area the unit did not answer has no page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from reportgen.deck import format as fmt
from reportgen.deck.model import Block, KeyFigure, Paragraph, Slide, Table, TextBlock
from reportgen.metrics.profile import AreaProfile, InsatsShares, Place, UnitAnswer, UnitProfile

#: Whether a table fits its region at its own font size, unshrunk (the PDF renderer's
#: measure, passed in by the caller so the model never imports a renderer).
TableFits = Callable[[Table], bool]
#: The two tables headed by the unit's name: its column holds the longest name of the
#: register on one line ("Enskede-Årsta-Vantör"), so the header never wraps mid-word.
NAME_COLUMN_WIDTHS = (0.42, 0.29, 0.145, 0.145)


def place_text(place: Place, words: dict[str, str]) -> str:
    """ "plats 5 av 25", or for a tie "delad plats 5–7 av 25" (layouts/profile.yaml)."""
    return words["tied" if place.tied else "single"].format(first=place.first, last=place.last, of=place.of)


def _answer_word(answer: UnitAnswer, t: dict[str, Any]) -> str:
    return t["answer"][answer.answer or "blank"]


def _named_table(
    p: UnitProfile,
    t: dict[str, Any],
    part: str,
    rows: tuple[tuple[str, ...], ...],
    answer_align: Literal["left", "right"],
) -> Table:
    """A table headed by the unit's name (own answers, form/regi/beslut): ``part`` names
    its region ``profile_<part>`` and its ``<part>_header`` / ``<part>_caption`` texts."""
    return Table(
        region=f"profile_{part}",
        header=tuple(h.format(municipality=p.name) for h in t[f"{part}_header"]),
        rows=rows,
        widths=NAME_COLUMN_WIDTHS,
        align=("left", answer_align, "right", "right"),
        caption=t[f"{part}_caption"],
    )


def _answers_table(p: UnitProfile, a: AreaProfile, t: dict[str, Any]) -> Table:
    rows = tuple(
        (t[key], _answer_word(answer, t), fmt.percent(answer.county_share), fmt.percent(answer.national_share))
        for key, answer in (("further", a.further), ("wish", a.wish))
    )
    return _named_table(p, t, "answers", rows, "left")


def _groups_text(p: UnitProfile, a: AreaProfile, t: dict[str, Any]) -> TextBlock | None:
    """The huvudgrupper chosen, when the unit would give insatser without decision."""
    if a.wish.answer != "ja":
        return None
    if a.wish.groups:
        text = t["groups"].format(municipality=p.name, groups="; ".join(a.wish.groups))
    else:
        text = t["no_groups"].format(municipality=p.name)
    return TextBlock("profile_groups", (Paragraph(text),), size=float(t["groups_size"]))


def _dimensions_table(p: UnitProfile, a: AreaProfile, t: dict[str, Any]) -> Table:
    rows = tuple(
        (t["dims"][d.dimension], fmt.percent(d.mine), fmt.percent(d.county), fmt.percent(d.national))
        for d in a.dimensions
    )
    return _named_table(p, t, "dims", rows, "right")


def _list_table(
    region: str, items: tuple[InsatsShares, ...], caption: str, name: str, t: dict[str, Any], fits: TableFits
) -> Table:
    """The first rows of ``items`` that fit ``region`` unshrunk, at most ``list_rows``;
    the caption says "(shown av total)" when some are left out."""
    n = min(int(t["list_rows"]), len(items))
    rows = tuple((i.insats, fmt.percent(i.county_share), fmt.percent(i.national_share)) for i in items[:n])

    def table(n: int) -> Table:  # the rows formatted once, whichever n fits
        key = caption if n == len(items) else f"{caption}_part"
        return Table(
            region=region,
            header=tuple(t["list_header"]),
            rows=rows[:n],
            widths=(0.7, 0.15, 0.15),
            align=("left", "right", "right"),
            caption=t[key].format(municipality=name, shown=n, total=len(items)),
        )

    while n > 1 and not fits(table(n)):
        n -= 1
    return table(n)


def _list_or_text(
    region: str,
    items: tuple[InsatsShares, ...],
    caption: str,
    empty: str,
    name: str,
    t: dict[str, Any],
    fits: TableFits,
) -> Block:
    if items:
        return _list_table(region, items, caption, name, t, fits)
    return TextBlock(region, (Paragraph(t[empty].format(municipality=name)),))


def _lists(p: UnitProfile, a: AreaProfile, t: dict[str, Any], fits: TableFits) -> tuple[Block, Block]:
    """The two lists in the right column, one above the other; when one is empty its
    sentence takes a strip and the other list the rest of the column."""
    offered, missing = a.offered_insatser, a.not_offered_common
    if offered and missing:
        regions = ("profile_top", "profile_bottom")
    elif offered:
        regions = ("profile_above_foot", "profile_foot")
    else:
        regions = ("profile_head", "profile_below_head")
    return (
        _list_or_text(regions[0], offered, "offered_caption", "none_offered", p.name, t, fits),
        _list_or_text(regions[1], missing, "missing_caption", "none_missing", p.name, t, fits),
    )


def area_slide(p: UnitProfile, a: AreaProfile, texts: dict[str, Any], fits: TableFits) -> Slide:
    """The page of one area the unit answered (``a.responded``)."""
    if not a.responded or a.place is None:
        raise ValueError(f"{p.name} did not answer {a.area}: the profile has no page for it")
    t = texts["area"]
    values = {
        "municipality": p.name,
        "area": a.area,
        "size": a.catalog_size,
        "answered": fmt.integer(a.answered),
        "place": place_text(a.place, texts["place_text"]),
        "county_mean": fmt.mean(a.county_mean),
        "national_mean": fmt.mean(a.national_mean),
    }
    caption = t["key_caption"].format(**values) + (t["partly"].format(**values) if a.partly_answered else "")
    blocks: list[Block] = [KeyFigure("profile_key", fmt.integer(a.offered), caption), _answers_table(p, a, t)]
    groups = _groups_text(p, a, t)
    if groups is not None:
        blocks.append(groups)
    blocks.append(_dimensions_table(p, a, t))
    blocks.extend(_lists(p, a, t, fits))
    n = {f"n_{d.dimension}": fmt.integer(d.n) for d in a.dimensions}
    return Slide(
        kind="content",
        title=t["title"].format(**values),
        blocks=tuple(blocks),
        note=t["note"].format(municipality=p.name, **n),
        source=texts["source"],
        key=f"profil/{p.respondent_id}/{a.area}",
    )
