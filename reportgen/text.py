"""Text normalisation shared by matching, slugs and file names."""

from __future__ import annotations

import difflib
import re
import unicodedata

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "Å": "a", "Ä": "a", "Ö": "o"})


def fold(text: str) -> str:
    """Lower case, å/ä/ö folded to a/a/o, runs of whitespace collapsed: for matching names."""
    text = unicodedata.normalize("NFC", str(text)).strip().lower().translate(_FOLD)
    return re.sub(r"\s+", " ", text)


def match_key(text: str) -> str:
    """Case- and space-insensitive key for answer values ("Ja, en lokal variant")."""
    text = unicodedata.normalize("NFC", str(text)).lower()
    text = text.replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", "", text)


def slugify(text: str) -> str:
    """ASCII, lower case, hyphenated: safe as a file or folder name on every system."""
    text = fold(text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text or "x"


def closest(value: str, candidates: list[str], n: int = 3) -> list[str]:
    """The candidates nearest to a misspelt value, best first (for error messages)."""
    folded = {fold(c): c for c in candidates}
    hits = difflib.get_close_matches(fold(value), list(folded), n=n, cutoff=0.6)
    return [folded[h] for h in hits]


def shorten_rows(rows: tuple[tuple[str, ...], ...], limit: int) -> tuple[tuple[str, ...], ...]:
    """Every cell cut to ``limit`` characters with "…": the last resort of a table that
    cannot fit its region even at the smallest size (the full text is in the workbook)."""
    return tuple(tuple(c if len(c) <= limit else c[: max(limit - 1, 0)].rstrip() + "…" for c in row) for row in rows)


def capital(text: str) -> str:
    """First letter upper case, the rest as written ("november 2026" → "November 2026")."""
    return text[:1].upper() + text[1:]


def word_list(items: list[str] | tuple[str, ...]) -> str:
    """Swedish enumeration: "a", "a och b", "a, b och c". When an item itself contains
    "och" ("barn och unga"), the last join is "samt", so the items stay apart."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    last = " samt " if any(" och " in i for i in items) else " och "
    return ", ".join(items[:-1]) + last + items[-1]
