"""Which insats a wide export's header asks about: by id, or by the catalog name inside it.

Survey tools head a column with the question text, which holds the insats name as the
survey's author typed it: with typos, shortened, with a target group added. Names are
compared with RapidFuzz (pyproject.toml says why) on folded words:

- the name inside the header, allowing a few wrong letters (``partial_ratio``);
- each part of the header between " - ", ":", "?" and "|" (how tools join a question and
  its row) against the whole name, and a part ending in "…" or "..." against the name's
  start (a shortened name);
- short names (≤ 10 letters: "Bojen", "Tillsyn") only as a whole part or whole words, never
  inside another word.

A name written out in full wins over names that merely come close; a longer name that
extends it wins when the header holds the extension too. Two names fitting about equally
make the header ambiguous: it is reported with both, never guessed. Same-named insatser of
different target groups (SPEC §3) are told apart by "anhöriga", "våldsutövare" or `*`/`**`
outside the name; a header without them means the insats for the person itself.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from reportgen.catalog import Catalog
from reportgen.io.insatser import id_key
from reportgen.io.wide_words import follow_up_kinds, target_of
from reportgen.text import fold

#: A name fits a header from this score (0–100) on; below 100 the placement is reported.
CUTOFF = 90.0
#: Another name within this many points of the best (and not part of it) is a rival.
RIVAL_MARGIN = 3.0
#: The words a longer name adds must be in the header this closely (short words, so looser).
EXTENDS_CUTOFF = 85.0
SHORT_NAME = 10
#: Headers naming one area's insatser that settle a file's area (the rest need not vote).
VOTES_ENOUGH = 25
#: A shortened part must keep this many letters to be compared with names' starts.
SHORTENED_MIN = 10
_SEPARATORS = re.compile(r"\s+[-–—]\s+|\s*[:?|]\s*|\s*[–—]\s*")
_ELLIPSIS = re.compile(r"(…|\.\.\.)\s*$")
_ID_TOKEN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{3})[ _-]?(\d{1,3})(?!\d)")


def match_text(text: str) -> str:
    """Folded words joined by single spaces: punctuation, marks and dash kinds ignored."""
    return " ".join(re.findall(r"\w+", fold(text).replace("_", " ")))


@dataclass(frozen=True)
class Placement:
    """Where one header goes: an insats and its question, or why not.

    ``column`` is the long layout's column ("erbjuden", "beslut", …). ``exact`` is True
    when the catalog name or id appears as written; otherwise ``score`` says how close it
    came, and ``shortened`` that it was a name's start ending in "…". ``candidates`` lists
    rival insatser (ambiguous); ``hints`` the closest insatser of an unmatched header;
    ``problem`` says what is wrong when nothing is placed."""

    insats_id: str | None
    column: str | None = None
    score: float = 0.0
    exact: bool = False
    shortened: bool = False
    candidates: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    problem: str | None = None


@dataclass(frozen=True)
class _Part:
    text: str
    shortened: bool


@dataclass(frozen=True, eq=False)
class NameIndex:
    """The catalog's names prepared for matching headers."""

    catalog: Catalog

    @cached_property
    def _table(self) -> pd.DataFrame:
        """One row per insats and spelling: the source's name (as the survey had it) and
        the corrected display name where they differ ("Umgängeskotaktperson")."""
        table = self.catalog.table[["insats_id", "area", "target", "name", "display"]]
        spellings = pd.concat([table.assign(key=table["name"]), table.assign(key=table["display"])])
        spellings["key"] = spellings["key"].map(match_text)
        return spellings.drop_duplicates(["insats_id", "key"]).sort_index(kind="stable")

    @cached_property
    def _ids(self) -> dict[str, str]:
        return {id_key(i): i for i in self.catalog.table["insats_id"]}

    def insats_id_in(self, header: str) -> tuple[str, str] | None:
        """(catalog id, header without it) when the header carries an insats id ("ALD004_regi")."""
        for found in _ID_TOKEN.finditer(header):
            insats_id = self._ids.get(id_key(found.group(1) + found.group(2)))
            if insats_id is not None:
                return insats_id, header[: found.start()] + " " + header[found.end() :]
        return None

    def area_votes(self, headers: list[str]) -> dict[str, int]:
        """Headers per area among those naming an insats of one area only (by id, or by a
        name written out in full): a file's area is the one its insatser belong to."""
        keys = list(self._table["key"])
        areas = list(self._table["area"])
        area_of = self.catalog.table["area"]
        votes: dict[str, int] = {}
        for header in headers:
            by_id = self.insats_id_in(header)
            if by_id is not None:
                found = {str(area_of[by_id[0]])}
            else:
                padded = f" {match_text(header)} "
                hits = [i for i, key in enumerate(keys) if f" {key} " in padded]
                found = {areas[i] for i in hits if not any(_contains(keys[j], keys[i]) for j in hits)}
            if len(found) == 1:
                area = found.pop()
                votes[area] = votes.get(area, 0) + 1
                if _decided(votes):
                    break
        if not votes:  # every name misspelt: place against each area
            for area in self.catalog.areas:
                placed = sum(p.insats_id is not None for p in self.place(headers, area))
                if placed:
                    votes[area] = placed
        return votes

    def place(self, headers: list[str], area: str) -> list[Placement]:
        """The placement of every header among the insatser of ``area``."""
        rows = self._table[self._table["area"] == area]
        names = _Names(list(rows["insats_id"]), list(rows["key"]), list(rows["target"]))
        texts = [match_text(h) for h in headers]
        parts = [_parts(h) for h in headers]
        scores, exact = _scores(texts, parts, names.keys)
        placements = []
        for n, header in enumerate(headers):
            by_id = self.insats_id_in(header)
            if by_id is not None and by_id[0] in names.ids:
                placements.append(_with_column(by_id[0], 100.0, True, match_text(by_id[1])))
                continue
            placement = _shortened(header, texts[n], parts[n], names)
            if placement is None:
                placement = _choose(header, texts[n], parts[n], scores[n], exact[n], names)
            placements.append(placement)
        return placements


def _decided(votes: dict[str, int]) -> bool:
    """Enough headers have spoken: one area leads every other by a wide margin."""
    counts = [*sorted(votes.values(), reverse=True), 0]
    return counts[0] >= VOTES_ENOUGH and counts[0] - counts[1] >= VOTES_ENOUGH - 5


@dataclass(frozen=True)
class _Names:
    ids: list[str]
    keys: list[str]
    targets: list[str]


def _scores(texts: list[str], parts: list[list[_Part]], keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Score (0–100) of every name in every header, and whether it is there as written.

    A header holding a name as written needs scores only for the longer names that contain
    it (``_best`` looks at no other); the rest are compared with every name."""
    padded = [f" {k} " for k in keys]
    exact = np.array([[k in f" {t} " for k in padded] for t in texts], dtype=bool).reshape(len(texts), -1)
    scores = np.where(exact, 100.0, 0.0).astype(np.float32)
    written = exact.any(axis=1)
    longer = [[k for k in range(len(keys)) if k != j and padded[j] in padded[k]] for j in range(len(keys))]
    for n in np.flatnonzero(written):
        for j in {k for b in np.flatnonzero(exact[n]) for k in longer[b]}:
            if not exact[n, j]:
                scores[n, j] = max([_score(texts[n], keys[j]), *(fuzz.ratio(p.text, keys[j]) for p in parts[n])])
    rest = np.flatnonzero(~written)
    if len(rest):
        scores[rest] = _fuzzy_scores([texts[n] for n in rest], [parts[n] for n in rest], keys)
    return scores, exact


def _score(text: str, key: str) -> float:
    """partial_ratio finds the shorter string in the longer: a header shorter than a name, or
    a short name, is compared whole instead (never inside another word)."""
    if len(key) > len(text) or len(key) <= SHORT_NAME:
        return fuzz.ratio(text, key)
    return fuzz.partial_ratio(key, text)


def _fuzzy_scores(texts: list[str], parts: list[list[_Part]], keys: list[str]) -> np.ndarray:
    """``_score`` of every name in every header (in bulk), or the best part's whole ratio."""
    key_lengths = np.array([len(k) for k in keys])
    text_lengths = np.array([len(t) for t in texts])
    partial = process.cdist(texts, keys, scorer=fuzz.partial_ratio, dtype=np.float32)
    whole = process.cdist(texts, keys, scorer=fuzz.ratio, dtype=np.float32)
    loose = (key_lengths[None, :] > text_lengths[:, None]) | (key_lengths[None, :] <= SHORT_NAME)
    scores = np.where(loose, whole, partial)
    flat = [p.text for items in parts for p in items]
    if flat:
        by_part = process.cdist(flat, keys, scorer=fuzz.ratio, dtype=np.float32)
        start = 0
        for n, items in enumerate(parts):
            if items:
                scores[n] = np.maximum(scores[n], by_part[start : start + len(items)].max(axis=0))
            start += len(items)
    return scores


def _choose(
    header: str, text: str, parts: list[_Part], scores: np.ndarray, exact: np.ndarray, names: _Names
) -> Placement:
    keys = names.keys
    fitting = [j for j in range(len(keys)) if scores[j] >= CUTOFF]
    if not fitting:
        order = np.argsort(-scores, kind="stable")[:3]
        hints = tuple(dict.fromkeys(names.ids[j] for j in order if scores[j] >= 60))
        return Placement(None, hints=hints, problem="no insats name")
    found = _best(text, parts, fitting, scores, exact, names)
    if isinstance(found, list):
        return Placement(None, candidates=_ids(names, found), problem="the header fits more than one insats name")
    return _resolve_target(header, found, float(scores[found]), bool(exact[found]), text, parts, names)


def _resolve_target(
    header: str, best: int, score: float, exact: bool, text: str, parts: list[_Part], names: _Names
) -> Placement:
    """Same-named insatser for different target groups: the header's target words decide."""
    keys = names.keys
    remainder = _remainder(text, keys[best], exact, parts)
    same = [j for j in range(len(keys)) if keys[j] == keys[best]]
    if len(same) > 1:
        wanted = target_of(remainder, header) or "person"
        chosen = list({names.ids[j]: j for j in same if names.targets[j] == wanted}.values())
        if len(chosen) != 1:
            return Placement(
                None,
                candidates=_ids(names, same),
                problem="the same insats name is used for several target groups; say which",
            )
        best = chosen[0]
    return _with_column(names.ids[best], score, exact, remainder)


def _shortened(header: str, text: str, parts: list[_Part], names: _Names) -> Placement | None:
    """A header whose name part ends in "…": the name whose start it is, if one fits best."""
    shortened = [p for p in parts if p.shortened and len(p.text) >= SHORTENED_MIN]
    if not shortened:
        return None
    keys = names.keys
    scores = np.zeros(len(keys), dtype=np.float32)
    for part in shortened:
        scores = np.maximum(scores, [fuzz.ratio(part.text, key[: len(part.text)]) for key in keys])
    fitting = [j for j in range(len(keys)) if scores[j] >= CUTOFF]
    if not fitting:
        return None
    best = max(fitting, key=lambda j: (scores[j], -len(keys[j])))
    rivals = [
        j
        for j in fitting
        if keys[j] != keys[best] and names.ids[j] != names.ids[best] and scores[j] >= scores[best] - RIVAL_MARGIN
    ]
    if rivals:
        return Placement(
            None,
            candidates=_ids(names, [best, *rivals]),
            problem="the shortened name is the start of more than one insats name",
        )
    placement = _resolve_target(header, best, float(scores[best]), False, text, parts, names)
    return replace(placement, shortened=placement.insats_id is not None)


def _contains(longer: str, shorter: str) -> bool:
    return longer != shorter and f" {shorter} " in f" {longer} "


def _ids(names: _Names, rows: list[int]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names.ids[j] for j in rows))


def _best(
    text: str, parts: list[_Part], fitting: list[int], scores: np.ndarray, exact: np.ndarray, names: _Names
) -> int | list[int]:
    """The name a header means, or the rivals when two fit about equally.

    A name written out in full wins over names that only come close ("Dagverksamhet anpassad
    för personer …" over "… för yngre personer …"), unless a longer name extends it and the
    header holds the extension too (a typo in the longer name). Without any name written
    out, the closest wins, or a longer one extending it whose extension the header holds. Two
    spellings of one insats are no rivals."""
    keys, ids = names.keys, names.ids
    written = [j for j in fitting if exact[j]]
    written = [j for j in written if not any(_contains(keys[k], keys[j]) for k in written)]
    if written:
        base = max(written, key=lambda j: len(keys[j]))
        others = [j for j in written if keys[j] != keys[base] and ids[j] != ids[base]]
        if others:
            return [base, *others]
        fitting = [j for j in fitting if not exact[j] and _contains(keys[j], keys[base])]
        fitting = [j for j in fitting if _extends(keys[j], keys[base], _remainder(text, keys[base], True, parts))]
        if not fitting:
            return base
    best = max(fitting, key=lambda j: (scores[j], len(keys[j])))
    rest = _remainder(text, keys[best], False, parts)
    longer = [j for j in fitting if _contains(keys[j], keys[best]) and _extends(keys[j], keys[best], rest)]
    if longer:
        best = max(longer, key=lambda j: (scores[j], len(keys[j])))
    rivals = [
        j
        for j in fitting
        if keys[j] != keys[best]
        and ids[j] != ids[best]
        and not _contains(keys[best], keys[j])
        and not _contains(keys[j], keys[best])
        and scores[j] >= scores[best] - RIVAL_MARGIN
    ]
    return [best, *rivals] if rivals else best


def _extends(longer: str, base: str, rest: str) -> bool:
    """Whether the words ``longer`` has beyond ``base`` are (nearly) in the rest of the header."""
    extra = f" {longer} ".replace(f" {base} ", " ", 1).strip()
    rest = rest.strip()
    if not extra or not rest:
        return False
    scorer = fuzz.partial_ratio if len(extra) <= len(rest) else fuzz.ratio
    return scorer(extra, rest) >= EXTENDS_CUTOFF


def _with_column(insats_id: str, score: float, exact: bool, remainder: str) -> Placement:
    """The placement with its question kind, from the words outside the name."""
    kinds = follow_up_kinds(remainder)
    if len(kinds) > 1:
        return Placement(
            None,
            candidates=(insats_id,),
            problem="the header names more than one follow-up question: " + ", ".join(kinds),
        )
    return Placement(insats_id, kinds[0] if kinds else "erbjuden", score, exact)


def _parts(header: str) -> list[_Part]:
    """The parts of a header between separators, and each two neighbours joined (a name may
    itself hold " - ", as "Barns rätt som anhöriga (BRA) - samtal" does). A header without
    separators has no parts: it is compared whole."""
    raw = [s for s in _SEPARATORS.split(header) if s and s.strip()]
    parts = [_Part(match_text(s), bool(_ELLIPSIS.search(s))) for s in raw]
    parts = [p for p in parts if p.text]
    if len(parts) < 2:
        return [p for p in parts if p.shortened]
    pairs = [_Part(f"{a.text} {b.text}", b.shortened) for a, b in itertools.pairwise(parts)]
    return parts + pairs


def _remainder(text: str, key: str, exact: bool, parts: list[_Part]) -> str:
    """The header's words outside the insats name: where the question kind is said."""
    if exact:
        return f" {text} ".replace(f" {key} ", " ", 1)
    if parts:
        best = max(parts, key=lambda p: _fit(p, key))
        if _fit(best, key) >= CUTOFF:
            return f" {text} ".replace(f" {best.text} ", " ", 1)
    aligned = fuzz.partial_ratio_alignment(key, text)
    return text[: aligned.dest_start] + " " + text[aligned.dest_end :]


def _fit(part: _Part, key: str) -> float:
    whole = fuzz.ratio(part.text, key)
    if part.shortened and len(part.text) < len(key):
        return max(whole, fuzz.ratio(part.text, key[: len(part.text)]))
    return whole
