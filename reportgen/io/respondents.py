"""Which respondent unit a row belongs to: by `kommunkod`, by `kommun` name, or both (SPEC §3).

Matching works on the distinct (code, name) pairs, a few hundred however long the file.
Stockholm stad answered per stadsdelsområde, so its own code is refused with a pointer to
the district codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from reportgen.register import STOCKHOLM, Register
from reportgen.text import closest, fold

_SUFFIXES = (" kommun", " stad", " stadsdelsomrade", " stadsdelsforvaltning", " sdo", " sdf")


@dataclass(frozen=True)
class Match:
    """The unit found, or the column, value and message of why not."""

    respondent_id: str | None
    column: str | None = None
    value: str | None = None
    message: str | None = None


def normalise_code(value: str) -> str:
    """ "1280", "1280.0", "114" (Excel dropped the zero) → "0114"; "180-5" → "0180-05"."""
    text = value.strip()
    plain = re.fullmatch(r"(\d{1,4})(?:[.,]0+)?", text)
    if plain:
        return plain.group(1).zfill(4)
    district = re.fullmatch(r"(\d{1,4})\s*[-–—_ ]\s*(\d{1,2})", text)
    if district:
        return f"{district.group(1).zfill(4)}-{district.group(2).zfill(2)}"
    return text


@dataclass(frozen=True, eq=False)
class RespondentMatcher:
    register: Register

    @cached_property
    def _names(self) -> dict[str, list[str]]:
        """Exact names (case and spaces ignored, å kept), then folded names (å → a)."""
        table: dict[str, list[str]] = {}
        units = self.register.units
        for unit_id, name in zip(units["respondent_id"], units["name"], strict=True):
            for key in dict.fromkeys((_exact(name), "~" + fold(name))):
                table.setdefault(key, []).append(unit_id)
        return table

    def by_name(self, name: str) -> list[str]:
        """Ids whose name matches; a folded match (Håbo/Habo) may give more than one."""
        for candidate in dict.fromkeys((name, _strip_suffix(name))):
            for key in (_exact(candidate), "~" + fold(candidate)):
                if key in self._names:
                    return self._names[key]
        return []

    def match(self, code: str | None, name: str | None) -> Match:
        units = self.register.units
        unit_name = units["name"]
        if code is not None:
            unit_id = normalise_code(code)
            if unit_id == STOCKHOLM:
                return Match(None, "kommunkod", code, _stockholm_message(self.register))
            if unit_id not in units.index:
                hint = ""
                if name is not None and len(self.by_name(name)) == 1:
                    found = self.by_name(name)[0]
                    hint = f"; '{name}' has code {found}"
                return Match(None, "kommunkod", code, f"no kommun or stadsdelsområde has this code{hint}")
            if name is not None and unit_id not in self.by_name(name):
                return Match(
                    None, "kommun", name, f"kommunkod {code} is {unit_name[unit_id]}, which does not match this name"
                )
            return Match(unit_id)
        if name is None:
            return Match(None, "kommunkod", None, "no kommunkod or kommun given")
        named = self.by_name(name)
        if len(named) == 1:
            return Match(named[0])
        if len(named) > 1:
            options = ", ".join(f"{unit_name[i]} ({i})" for i in named)
            return Match(None, "kommun", name, f"name matches more than one unit: {options}; give the kommunkod")
        if fold(_strip_suffix(name)) in ("stockholm", "stockholms"):
            return Match(None, "kommun", name, _stockholm_message(self.register))
        hints = closest(name, list(unit_name))
        hint = f"; did you mean {' or '.join(repr(h) for h in hints)}?" if hints else ""
        return Match(None, "kommun", name, f"unknown kommun or stadsdelsområde{hint}")

    def resolve(self, codes: pd.Series, names: pd.Series) -> tuple[pd.Series, np.ndarray, list[Match]]:
        """The respondent id of every row (NaN where unmatched), each row's group number
        and the match of each distinct (code, name) group."""
        groups, pairs = distinct(codes, names)
        matches = [self.match(code, name) for code, name in pairs]
        found = np.array([m.respondent_id for m in matches] + [None], dtype=object)
        resolved = pd.Series(found[groups], index=codes.index, dtype=object)
        return resolved.where(resolved.notna()).astype("str"), groups, matches


def distinct(*columns: pd.Series) -> tuple[np.ndarray, list[tuple[str | None, ...]]]:
    """Group number of every row and the distinct value tuples (None for blank).

    Hash-based factorising instead of joining strings: the costly matching then runs once
    per distinct combination, a few hundred for a whole national export.
    """
    key = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        key = key * (len(uniques) + 1) + (codes + 1)
    _, first, groups = np.unique(key, return_index=True, return_inverse=True)
    values = [tuple(None if pd.isna(c.iat[i]) else str(c.iat[i]) for c in columns) for i in first]
    return groups.reshape(-1), values


def _exact(name: str) -> str:
    return re.sub(r"\s+", " ", str(name).strip().lower())


def _strip_suffix(name: str) -> str:
    collapsed = re.sub(r"\s+", " ", name.strip())
    for suffix in _SUFFIXES:
        if fold(collapsed).endswith(suffix):
            return collapsed[: -len(suffix)]
    return name


def _stockholm_message(register: Register) -> str:
    districts = register.units[register.units["kind"] == "stadsdelsområde"]
    first, last = districts["respondent_id"].iloc[0], districts["respondent_id"].iloc[-1]
    return (
        "Stockholm stad is not a respondent unit: its stadsdelsområden answered separately; "
        f"use their codes {first} … {last} (see data/stockholm_districts.csv)"
    )
