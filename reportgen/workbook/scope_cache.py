"""The parts of a scope's workbooks that do not depend on which units they show, made
once (issue 19): every municipality's own workbook is the county workbook's builder kept
to one unit, and most of its sheets (catalog, response, offer, huvudgrupper, individuals,
the wish) and the describing and share columns of its area sheets are the county's, the
same for all 33 of Skåne's units. Building them again for each was a third of an own
workbook's cost.

A sheet is reused only where the note numbering reached the same state before it: its
note labels (``[not 3]``) depend on the notes handed out earlier in the workbook, so the
key is the sheet and that state, and a hit hands out the same notes again, in the same
order, as building it would have. A cache belongs to one scope's figures: the first
build binds it to its inputs, and a build with other inputs is refused rather than
given another scope's sheets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from reportgen.workbook.front import NoteRefs
from reportgen.workbook.model import Sheet

T = TypeVar("T")


class ScopeCacheMismatch(ValueError):
    """A cache used for another scope's figures than the ones it was filled from."""


@dataclass(frozen=True, eq=False)
class ScopeCache:
    """Made by whoever builds several workbooks of one scope (the municipalities of a
    county) and passed to each build; the cached values are read only (frozen sheets,
    tuples), so sharing them cannot leak one workbook's rows into another."""

    _inputs: list[object] = field(default_factory=list, repr=False)
    _sheets: dict[tuple[str, tuple[str, ...]], tuple[Sheet, tuple[str, ...]]] = field(default_factory=dict, repr=False)
    _values: dict[str, Any] = field(default_factory=dict, repr=False)

    def bind(self, *inputs: object) -> None:
        """Tie the cache to the objects its parts are made from (compared by identity:
        the run's survey, metrics, layouts…); refuse other ones."""
        if not self._inputs:
            self._inputs.extend(inputs)
        elif len(inputs) != len(self._inputs) or any(a is not b for a, b in zip(inputs, self._inputs, strict=False)):
            raise ScopeCacheMismatch("this workbook cache was filled from another scope's figures")

    def value(self, key: str, build: Callable[[], T]) -> T:
        """``build()`` once per key; the value must not be changed by its users."""
        if key not in self._values:
            self._values[key] = build()
        return self._values[key]  # type: ignore[no-any-return]

    def sheet(self, name: str, notes: NoteRefs, build: Callable[[], Sheet]) -> Sheet:
        """The sheet ``name`` as ``build`` makes it after the notes handed out so far."""
        key = (name, notes.handed_out())
        hit = self._sheets.get(key)
        if hit is not None:
            sheet, refs = hit
            notes.ref(*refs)
            return sheet
        before = len(key[1])
        sheet = build()
        self._sheets[key] = (sheet, notes.handed_out()[before:])
        return sheet
