"""Which area and which insats a row means: by id, or by name within an area (SPEC §3).

Identity is the insats id. A name is accepted only where it is unambiguous in its area;
the same name occurs twice in an area for different target groups, and then the `*`/`**`
mark (or the id) decides. Matching works on distinct values only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from reportgen.catalog import MARKS, Catalog
from reportgen.text import closest, fold, match_key, slugify

_TARGET_OF_MARK = {mark: target for target, mark in MARKS.items()}


@dataclass(frozen=True)
class Found:
    """An insats id, or the column, value, message (and severity) of why not."""

    insats_id: str | None
    column: str | None = None
    value: str | None = None
    message: str | None = None
    severity: str = "error"


def name_key(name: str) -> str:
    """Case, å/ä/ö, spaces and dash kinds ignored."""
    return match_key(fold(name))


def id_key(insats_id: str) -> str:
    """ "ald4", "ALD 004", "Ald-04" → "ALD004": a dropped zero is as harmless as in "114"."""
    text = match_key(insats_id).upper()
    found = re.fullmatch(r"([A-Z]+)-?0*(\d+)", text)
    return f"{found.group(1)}{found.group(2).zfill(3)}" if found else text


def split_mark(label: str) -> tuple[str, str | None]:
    """("Korttidsboende, korttidsplats", "**") from "Korttidsboende, korttidsplats **"."""
    found = re.fullmatch(r"(.*?)\s*(\*{1,2})\s*", label, flags=re.DOTALL)
    if found:
        return found.group(1), found.group(2)
    return label.strip(), None


@dataclass(frozen=True, eq=False)
class InsatsMatcher:
    catalog: Catalog

    @cached_property
    def _areas(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for no, area in zip(self.catalog.table["area_no"], self.catalog.table["area"], strict=True):
            table[slugify(area)] = area
            table[str(no)] = area
        return table

    def area(self, value: str) -> str | None:
        """The catalog area key for "Äldre", "barn och unga", "Barn-och-unga" or its number."""
        return self._areas.get(slugify(value))

    def area_message(self) -> str:
        return "unknown område; allowed: " + ", ".join(self.catalog.areas)

    @cached_property
    def _by_name(self) -> dict[tuple[str, str], list[str]]:
        """(area, key) → ids, for the source spelling and the corrected display name."""
        table: dict[tuple[str, str], list[str]] = {}
        rows = self.catalog.table
        for insats_id, area, *names in zip(rows["insats_id"], rows["area"], rows["name"], rows["display"], strict=True):
            for key in dict.fromkeys(name_key(n) for n in names):
                table.setdefault((area, key), []).append(insats_id)
        return table

    @cached_property
    def _by_label(self) -> dict[tuple[str, str, str], str]:
        """(area, key, mark) → id, for the printed label: the name the mark shortened
        ("Rådgivning och stöd utan särskild manual*") is found with its mark only."""
        rows = self.catalog.table
        return {
            (area, name_key(split_mark(label)[0]), mark): insats_id
            for insats_id, area, label, mark in zip(
                rows["insats_id"], rows["area"], rows["label"], rows["mark"], strict=True
            )
            if mark
        }

    @cached_property
    def _area_of(self) -> dict[str, str]:
        return dict(zip(self.catalog.table["insats_id"], self.catalog.table["area"], strict=True))

    @cached_property
    def _ids(self) -> dict[str, str]:
        return {id_key(i): i for i in self.catalog.table["insats_id"]}

    def find(self, insats_id: str | None, name: str | None, area: str | None) -> Found:
        """Resolve one (id, name, resolved area) triple; ``area`` None means not given or unknown."""
        table = self.catalog.table
        if insats_id is not None:
            found = self._ids.get(id_key(insats_id))
            if found is None:
                hints = closest(insats_id, list(table["insats_id"]))
                hint = f"; did you mean {' or '.join(hints)}?" if hints else "; see data/catalog.csv"
                by_name = self.find(None, name, area) if name is not None and area is not None else None
                if by_name is not None and by_name.insats_id is not None:
                    hint = f"; the name in the same row, '{name}', is insats {by_name.insats_id}"
                return Found(None, "insats_id", insats_id, f"unknown insats id{hint}")
            own_area = self._area_of[found]
            if area is not None and area != own_area:
                return Found(None, "område", area, f"insats {found} belongs to område '{own_area}'")
            if name is not None and not self._names_agree(found, name):
                return Found(
                    found,
                    "insats",
                    name,
                    f"insats_id {found} is '{table.at[found, 'label']}', not this name; the id is used",
                    "warning",
                )
            return Found(found)
        if name is None:
            return Found(None, "insats_id", None, "no insats_id or insats name given")
        if area is None:
            return Found(None, "område", None, "område is needed to place an insats given by name")
        return self._find_by_name(name, area)

    @cached_property
    def _names_and_mark(self) -> dict[str, tuple[set[str], str]]:
        """Per id: the keys of every accepted spelling (source, display, printed label) and the mark."""
        rows = self.catalog.table
        return {
            i: ({name_key(n), name_key(d), name_key(split_mark(label)[0])}, m)
            for i, n, d, label, m in zip(
                rows["insats_id"], rows["name"], rows["display"], rows["label"], rows["mark"], strict=True
            )
        }

    def _names_agree(self, insats_id: str, name: str) -> bool:
        base, mark = split_mark(name)
        own_names, own_mark = self._names_and_mark[insats_id]
        return name_key(base) in own_names and (mark is None or mark == own_mark)

    def _find_by_name(self, name: str, area: str) -> Found:
        table = self.catalog.table
        base, mark = split_mark(name)
        candidates = self._by_name.get((area, name_key(base)), [])
        if mark is not None:
            candidates = [i for i in candidates if table.at[i, "target"] == _TARGET_OF_MARK[mark]]
            if not candidates and (area, name_key(base), mark) in self._by_label:
                candidates = [self._by_label[(area, name_key(base), mark)]]
        if len(candidates) == 1:
            return Found(candidates[0])
        if len(candidates) > 1:
            options = ", ".join(f"{i} '{table.at[i, 'label']}'" for i in candidates)
            return Found(
                None,
                "insats",
                name,
                f"name is ambiguous in '{area}': {options}; add the mark (* or **) or give insats_id",
            )
        labels = list(self.catalog.area(area)["label"])
        hints = closest(name, labels)
        if not hints:
            elsewhere = [a for (a, key) in self._by_name if key == name_key(base)]
            if elsewhere:
                return Found(None, "insats", name, f"not an insats of '{area}'; it is in '{elsewhere[0]}'")
        hint = f"; did you mean {' or '.join(repr(h) for h in hints)}?" if hints else "; see data/catalog.csv"
        return Found(None, "insats", name, f"unknown insats in '{area}'{hint}")
