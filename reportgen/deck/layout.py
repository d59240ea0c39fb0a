"""``layouts/*.yaml`` read into frozen values, checked whole before any slide is built.

Layouts are data (DESIGN.md): deck.yaml says which slides come in which order with which
titles and notes, texts.yaml holds the Swedish prose, dimensions.yaml the words of the
three dimensions, categories.yaml the catalog chart's categories. Code only knows how to
build each *kind* of slide; the kind names below are the contract between the two.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reportgen.deck.model import Paragraph
from reportgen.errors import ReportgenError
from reportgen.paths import LAYOUTS_DIR
from reportgen.survey import CATEGORIES, DIMENSIONS, INDIVIDUALS
from reportgen.yaml_data import parse_yaml

FRONT_KINDS = frozenset({"title", "contents"})
BACKGROUND_KINDS = frozenset({"text", "catalog_sizes", "catalog_categories", "response_overview", "insights"})
AREA_KINDS = frozenset(
    {"response", "subsection", "offer_headline", "offer_per_respondent", "group_means", "top10", "bottom10",
     "dimension", "wish", "wish_groups"}
)  # fmt: skip
DIMENSION_KINDS = frozenset(
    {"subsection", "dimension_total", "dimension_top5", "dimension_per_respondent", "dimension_individuals",
     "dimension_per_group"}
)  # fmt: skip
SECTION_KINDS = {"background": BACKGROUND_KINDS, "insights": BACKGROUND_KINDS, "areas": AREA_KINDS}
#: Note fragments resolved by code rather than looked up: `marks` adds the `*`/`**`
#: explanations where such insatser are named, `minmax` picks the min/max footnote.
SPECIAL_NOTES = frozenset({"marks", "minmax"})


class LayoutError(ReportgenError):
    """A layouts/ file that cannot build a deck: the message names the file and entry."""


@dataclass(frozen=True)
class SlideSpec:
    """One entry of a slide list in deck.yaml."""

    kind: str
    key: str
    title: str = ""
    title_national: str = ""  # used instead of ``title`` in the Riket deck, if given
    note: tuple[str, ...] = ()
    note_national: tuple[str, ...] | None = None
    text: str = ""  # a key of texts.yaml
    dimension: str = ""
    outline: bool = False  # a bookmark inside its section
    strings: Mapping[str, Any] = field(default_factory=dict)

    def title_for(self, national: bool) -> str:
        return self.title_national if national and self.title_national else self.title

    def notes_for(self, national: bool) -> tuple[str, ...]:
        return self.note_national if national and self.note_national is not None else self.note

    def string(self, name: str) -> Any:
        try:
            return self.strings[name]
        except KeyError:
            raise LayoutError(f"deck.yaml: slide {self.key!r} lacks strings.{name}") from None


@dataclass(frozen=True)
class SectionSpec:
    kind: str  # "background", "insights" or "areas" (repeated once per area)
    title: str
    slides: tuple[SlideSpec, ...]
    empty: SlideSpec | None = None  # areas: the one slide shown when nobody answered


@dataclass(frozen=True)
class TableWords:
    caption: str
    share: str
    count: str


@dataclass(frozen=True)
class DimensionSpec:
    """The words of one dimension; everything else is shared (SPEC §5: one code path)."""

    name: str
    categories: Mapping[str, str]  # "A" → "Enbart fysisk form"
    table: Mapping[str, TableWords]
    individuals: Mapping[str, str]
    total_caption: str
    titles: Mapping[str, str]  # slide kind → title


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    huvudgrupper: tuple[str, ...]
    includes: str = ""


Text = Mapping[str, tuple[Paragraph, ...]]  # region → paragraphs (templates)


@dataclass(frozen=True)
class Layouts:
    source: str
    title: Mapping[str, str]
    scope_words: Mapping[str, Mapping[str, str]]  # "county" / "national" → where, label, units
    labels: Mapping[str, Any]
    notes: Mapping[str, str]
    front: tuple[SlideSpec, ...]
    sections: tuple[SectionSpec, ...]
    dimension_slides: tuple[SlideSpec, ...]
    texts: Mapping[str, Text]
    insights: Mapping[str, Mapping[str, str]]
    dimensions: Mapping[str, DimensionSpec]
    dimension_common: Mapping[str, str]
    individuals_buckets: Mapping[str, str]
    categories: tuple[Category, ...]
    category_note: str
    #: threshold (int), legend and alt templates for bars and panels on a small base
    small_base: Mapping[str, Any]
    #: How a title that recurs in several areas is told apart ("{title} – {area}"):
    #: every slide title is unique in its deck (issue 18, PowerPoint's checker).
    repeated_title: str

    def category_mapping(self) -> dict[str, str]:
        """Huvudgrupp name → category label, as ``metrics.catalog_stats.catalog_sizes`` takes it."""
        return {name: c.label for c in self.categories for name in c.huvudgrupper}

    def scope(self, national: bool) -> Mapping[str, str]:
        return self.scope_words["national" if national else "county"]


def load_layouts(layouts_dir: Path | None = None) -> Layouts:
    """Read and check every layout file; all problems are reported together."""
    folder = Path(layouts_dir or LAYOUTS_DIR)
    deck = _read(folder / "deck.yaml")
    texts = _read(folder / "texts.yaml")
    dims = _read(folder / "dimensions.yaml")
    cats = _read(folder / "categories.yaml")
    problems: list[str] = []
    try:
        layouts = Layouts(
            source=str(deck["source"]),
            title=dict(deck["title"]),
            scope_words={k: dict(v) for k, v in deck["scope_words"].items()},
            labels=dict(deck["labels"]),
            notes={k: " ".join(str(v).split()) for k, v in deck["notes"].items()},
            front=tuple(_slide(e) for e in deck["front"]),
            sections=tuple(_section(e) for e in deck["sections"]),
            dimension_slides=tuple(_slide(e) for e in deck["dimension_slides"]),
            texts={k: _text(k, v) for k, v in texts["texts"].items()},
            insights={k: {kk: " ".join(str(vv).split()) for kk, vv in v.items()} for k, v in texts["insights"].items()},
            dimensions={k: _dimension(k, v) for k, v in dims["dimensions"].items()},
            dimension_common=dict(dims["common"]),
            individuals_buckets={str(k): str(v) for k, v in dims["individuals_buckets"].items()},
            categories=tuple(_category(c) for c in cats["categories"]),
            category_note=str(cats.get("note", "")),
            small_base={k: (_clean(v) if isinstance(v, str) else v) for k, v in deck["small_base"].items()},
            repeated_title=_clean(deck["repeated_title"]),
        )
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise LayoutError(f"layouts in {folder}: missing or malformed entry ({exc!r})") from exc
    problems.extend(_check(layouts))
    if problems:
        raise LayoutError(f"layouts in {folder} have {len(problems)} problem(s):\n  - " + "\n  - ".join(problems))
    return layouts


def demo_label(layouts_dir: Path | None = None) -> str:
    """The synthetic-data label of deck.yaml (SPEC §9), for documents that are not decks
    (the result appendix) so that every output says it in the same words."""
    return _clean(_read(Path(layouts_dir or LAYOUTS_DIR) / "deck.yaml")["title"]["demo_label"])


def _read(path: Path) -> dict[str, Any]:
    try:
        data = parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LayoutError(f"layout file {path} is missing") from None
    except yaml.YAMLError as exc:
        raise LayoutError(f"layout file {path} is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise LayoutError(f"layout file {path} must hold a mapping")
    return data


def _clean(text: Any) -> str:
    return " ".join(str(text).split())


def _slide(entry: Mapping[str, Any]) -> SlideSpec:
    note_national = entry.get("note_national")
    strings = {k: (_clean(v) if isinstance(v, str) else v) for k, v in (entry.get("strings") or {}).items()}
    return SlideSpec(
        kind=str(entry["kind"]),
        key=str(entry.get("key", entry["kind"])),
        title=_clean(entry.get("title", "")),
        title_national=_clean(entry.get("title_national", "")),
        note=tuple(entry.get("note") or ()),
        note_national=None if note_national is None else tuple(note_national),
        text=str(entry.get("text", "")),
        dimension=str(entry.get("dimension", "")),
        outline=bool(entry.get("outline", False)),
        strings=strings,
    )


def _section(entry: Mapping[str, Any]) -> SectionSpec:
    empty = entry.get("empty")
    return SectionSpec(
        kind=str(entry["kind"]),
        title=_clean(entry["title"]),
        slides=tuple(_slide(e) for e in entry["slides"]),
        empty=None if empty is None else _slide(empty),
    )


def _paragraph(item: Any) -> Paragraph:
    if isinstance(item, str):
        return Paragraph(_clean(item))
    (tag, text), *rest = item.items()
    if rest or tag not in ("h", "b", "b2"):
        raise ValueError(f"paragraph {item!r}: use a string, {{h: …}}, {{b: …}} or {{b2: …}}")
    return Paragraph(_clean(text), level={"h": 0, "b": 1, "b2": 2}[tag], bold=tag == "h")


def _text(key: str, value: Any) -> Text:
    if isinstance(value, list):
        return {"body": tuple(_paragraph(p) for p in value)}
    return {region: tuple(_paragraph(p) for p in paragraphs) for region, paragraphs in value.items()}


def _dimension(name: str, entry: Mapping[str, Any]) -> DimensionSpec:
    return DimensionSpec(
        name=name,
        categories={str(k): _clean(v) for k, v in entry["categories"].items()},
        table={
            str(k): TableWords(_clean(v["caption"]), _clean(v["share"]), _clean(v["count"]))
            for k, v in entry["table"].items()
        },
        individuals={str(k): _clean(v) for k, v in entry["individuals"].items()},
        total_caption=_clean(entry["total_caption"]),
        titles={str(k): _clean(v) for k, v in entry["titles"].items()},
    )


def _category(entry: Mapping[str, Any]) -> Category:
    return Category(
        key=str(entry["key"]),
        label=_clean(entry["label"]),
        huvudgrupper=tuple(_clean(h) for h in entry["huvudgrupper"]),
        includes=_clean(entry.get("includes", "")),
    )


def _check(layouts: Layouts) -> list[str]:
    problems: list[str] = []

    def check_list(where: str, slides: tuple[SlideSpec, ...], kinds: frozenset[str]) -> None:
        seen: set[str] = set()
        for spec in slides:
            if spec.kind not in kinds:
                problems.append(
                    f"deck.yaml {where}: unknown slide kind {spec.kind!r} (known: {', '.join(sorted(kinds))})"
                )
            if spec.key in seen:
                problems.append(f"deck.yaml {where}: slide key {spec.key!r} is used twice")
            seen.add(spec.key)
            for fragment in (*spec.note, *(spec.note_national or ())):
                if fragment not in layouts.notes and fragment not in SPECIAL_NOTES:
                    problems.append(f"deck.yaml {where}/{spec.key}: unknown note fragment {fragment!r}")
            if spec.text and spec.text not in layouts.texts:
                problems.append(f"deck.yaml {where}/{spec.key}: no text {spec.text!r} in texts.yaml")
            if spec.kind == "text" and not spec.text:
                problems.append(f"deck.yaml {where}/{spec.key}: a text slide needs `text:`")
            if spec.kind == "dimension" and spec.dimension not in layouts.dimensions:
                problems.append(f"deck.yaml {where}/{spec.key}: unknown dimension {spec.dimension!r}")

    check_list("front", layouts.front, FRONT_KINDS)
    for section in layouts.sections:
        if section.kind not in SECTION_KINDS:
            problems.append(f"deck.yaml: unknown section kind {section.kind!r} (known: {', '.join(SECTION_KINDS)})")
            continue
        check_list(section.kind, section.slides, SECTION_KINDS[section.kind])
        if section.kind == "areas" and section.empty is None:
            problems.append("deck.yaml areas: an `empty:` slide is needed for areas nobody answered")
    check_list("dimension_slides", layouts.dimension_slides, DIMENSION_KINDS)

    for name in DIMENSIONS:
        spec = layouts.dimensions.get(name)
        if spec is None:
            problems.append(f"dimensions.yaml: dimension {name!r} is missing")
            continue
        for part in ("categories", "table", "individuals"):
            missing = [c for c in CATEGORIES if c not in getattr(spec, part)]
            if missing:
                problems.append(f"dimensions.yaml {name}.{part}: categories {missing} missing")
        kinds = {s.kind for s in layouts.dimension_slides}
        missing_titles = sorted(kinds - set(spec.titles))
        if missing_titles:
            problems.append(f"dimensions.yaml {name}.titles: no title for {missing_titles}")
    missing_buckets = [b for b in INDIVIDUALS if b not in layouts.individuals_buckets]
    if missing_buckets:
        problems.append(f"dimensions.yaml individuals_buckets: {missing_buckets} missing")
    for key in ("spread", "regi", "further", "without_decision", "digital", "wish"):
        if key not in layouts.insights:
            problems.append(f"texts.yaml insights: statement {key!r} missing")
    threshold = layouts.small_base.get("threshold")
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
        problems.append(f"deck.yaml small_base.threshold must be a whole number of 1 or more, not {threshold!r}")
    missing_small = [k for k in ("legend", "alt") if not isinstance(layouts.small_base.get(k), str)]
    if missing_small:
        problems.append(f"deck.yaml small_base: text {missing_small} missing")
    nouns = layouts.labels.get("nouns")
    if not isinstance(nouns, Mapping) or any(not isinstance(v, list | tuple) or len(v) != 2 for v in nouns.values()):
        problems.append("deck.yaml labels.nouns: each noun needs [singular, plural]")
    if "spread" in layouts.insights and "text_tied" not in layouts.insights["spread"]:
        problems.append("texts.yaml insights: statement 'spread' needs text_tied (areas sharing the widest spread)")
    fields = {name for _, name, _, _ in string.Formatter().parse(layouts.repeated_title) if name is not None}
    if "title" not in fields or not fields <= {"title", "area"}:
        problems.append(
            f"deck.yaml repeated_title: {layouts.repeated_title!r} must name {{title}} "
            "and may name {area}, nothing else"
        )
    return problems


def fill(template: str, values: Mapping[str, Any], where: str) -> str | None:
    """``template`` with its placeholders filled; None when a placeholder's value is None
    (a figure nobody answered, so the sentence is left out). An unknown placeholder is a
    layout error naming ``where``."""
    out: dict[str, Any] = {}
    for _, name, _, _ in string.Formatter().parse(template):
        if name is None:
            continue
        if name not in values:
            known = ", ".join("{" + k + "}" for k in sorted(values))
            raise LayoutError(f"layouts, {where}: unknown placeholder {{{name}}} in {template!r}; known here: {known}")
        if values[name] is None:
            return None
        out[name] = values[name]
    return template.format(**out)


def must_fill(template: str, values: Mapping[str, Any], where: str) -> str:
    """``fill`` for texts that must appear; a missing figure shows as a dash."""
    text = fill(template, {k: ("–" if v is None else v) for k, v in values.items()}, where)
    assert text is not None
    return text
