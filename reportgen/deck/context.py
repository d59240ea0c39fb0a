"""What every slide builder shares: the layouts, the placeholder values in force, and
the making of a content slide with its title, "Not:" and "Källa:" lines (SPEC §6)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reportgen.deck.layout import LayoutError, Layouts, SlideSpec, fill, must_fill
from reportgen.deck.model import Block, ChartSpec, Paragraph, Slide, TextBlock

#: Tells whether a chart, as the chart writers lay it out, leaves some shares without
#: their figure (``figures.value_labels``): the batch passes it in, since the deck model
#: may not import the figures (DESIGN.md), and the slide's note then says so.
UnlabelledCheck = Callable[[ChartSpec], bool]


def marks_in(names: Iterable[str]) -> tuple[bool, bool]:
    """(any insats to relatives `*`, any to perpetrators `**`) among labelled names."""
    relatives = perpetrators = False
    for name in names:
        stripped = name.rstrip()
        if stripped.endswith("**"):
            perpetrators = True
        elif stripped.endswith("*"):
            relatives = True
    return relatives, perpetrators


def font_size(spec: SlideSpec, default: float | None = None) -> float | None:
    """The slide's text size from deck.yaml (``strings.font_size``, points), else ``default``
    (None = the theme's size). Prose slides and tables with room ask for more than the
    theme's size so that the slide is filled; renderers still shrink text to fit."""
    value = spec.strings.get("font_size")
    return float(value) if value else default


@dataclass(frozen=True)
class Context:
    """Layouts plus the placeholder values of the current scope, area and dimension."""

    layouts: Layouts
    national: bool
    values: Mapping[str, Any]
    prefix: str = ""  # slide-key prefix: "aldre", "aldre/form"
    unlabelled: UnlabelledCheck | None = None

    def with_values(self, prefix: str | None = None, **values: Any) -> Context:
        return replace(self, values={**self.values, **values}, prefix=self.prefix if prefix is None else prefix)

    def text(self, template: str, where: str, **extra: Any) -> str:
        return must_fill(template, {**self.values, **extra}, where)

    def optional(self, template: str, where: str, **extra: Any) -> str | None:
        return fill(template, {**self.values, **extra}, where)

    def key(self, spec: SlideSpec) -> str:
        return f"{self.prefix}/{spec.key}" if self.prefix else spec.key

    def string(self, spec: SlideSpec, name: str, **extra: Any) -> str:
        value = spec.string(name)
        if not isinstance(value, str):
            raise LayoutError(f"deck.yaml: slide {spec.key!r} strings.{name} must be text")
        return self.text(value, f"{spec.key}.strings.{name}", **extra)

    def title(self, spec: SlideSpec, template: str | None = None) -> str:
        chosen = template if template is not None else spec.title_for(self.national)
        return self.text(chosen, f"{spec.key}.title")

    def noun(self, word: str, n: int | None) -> str:
        """``word`` ("insatser", "kommuner") in the number ``n`` asks for: "1 insats", "2 insatser"."""
        one, many = self.layouts.labels["nouns"][word]
        return str(one if n == 1 else many)

    def nouns(self, n: int | None) -> dict[str, str]:
        """Every noun of deck.yaml agreeing with ``n``, as placeholders of a text about ``n``."""
        return {word: self.noun(word, n) for word in self.layouts.labels["nouns"]}

    def note(
        self, spec: SlideSpec, names: Iterable[str] = (), small_base: bool = False, unlabelled: bool = False
    ) -> str:
        """The note fragments of ``spec`` joined; a fragment about a figure nobody answered is
        left out, and so are the small-base fragment when no bar of the slide is hatched
        and the unlabelled-shares one when every share of its charts carries its figure."""
        relatives, perpetrators = marks_in(names)
        parts: list[str] = []
        for fragment in spec.notes_for(self.national):
            if (fragment == "small_base" and not small_base) or (fragment == "unlabelled_shares" and not unlabelled):
                continue
            if fragment == "marks":
                keys = [k for k, on in (("mark_relatives", relatives), ("mark_perpetrators", perpetrators)) if on]
            elif fragment == "minmax":
                keys = ["completed_minmax" if self.values.get("minmax_from_completed", True) else "responding_minmax"]
            else:
                keys = [fragment]
            for key in keys:
                text = self.optional(self.layouts.notes[key], f"notes.{key}")
                if text:
                    parts.append(text)
        return " ".join(parts)

    def content(
        self,
        spec: SlideSpec,
        blocks: Sequence[Block],
        *,
        names: Iterable[str] = (),
        title: str | None = None,
        key: str | None = None,
    ) -> Slide:
        """A content slide: every one carries the source line (SPEC §6)."""
        charts = [b for b in blocks if isinstance(b, ChartSpec)]
        check = self.unlabelled
        unlabelled = check is not None and any(c.chart_kind.stacked and check(c) for c in charts)
        note = self.note(spec, names, any(c.small_base for c in charts), unlabelled)
        return Slide(
            kind="content",
            title=title if title is not None else self.title(spec),
            blocks=tuple(blocks),
            note=note,
            source=self.layouts.source,
            layout="content",
            key=key or self.key(spec),
        )

    def paragraphs(self, regions: Mapping[str, tuple[Paragraph, ...]], where: str) -> list[TextBlock]:
        """A texts.yaml entry with its placeholders filled, one block per region."""
        return [
            TextBlock(region, tuple(replace(p, text=self.text(p.text, where)) for p in paragraphs))
            for region, paragraphs in regions.items()
        ]
