"""Match insats names as printed in the Skåne deck to catalog ids.

The deck's names differ from the catalog's in small ways: spacing ("Växelvård/
korttidsboende"), "(anhöriga)" written as the `*` mark, and the appendix typos that the
catalog's display names correct ("Umgängeskontaktperson", "vårddjur", "Al-Anon",
"(HVB-hem)"; data/display_names.csv). A name is compared by ``name_key`` (case, å/ä/ö,
spacing and punctuation ignored) with the catalog's source and display names and, failing
that, through ``ALIASES``. The acceptance test compares names the same way.
"""

from __future__ import annotations

import re

from reportgen.catalog import MARKS, Catalog
from reportgen.text import fold

#: Deck spelling (as ``name_key``) → catalog spelling (as ``name_key``), per area.
#: Each entry is a printed name that no normalisation can reconcile.
ALIASES: dict[str, dict[str, str]] = {
    "funktionshinder": {
        "sarskiltboendegruppboendebarn": "sarskiltboendegruppboendestodbarn",
        "sarskiltboendegruppboendevuxna": "sarskiltboendegruppboendestodvuxna",
    },
    "missbruk och beroende": {
        # The deck's slip: the catalog's "Haschavvänjning" is right.
        "haschavanjningsprogrammethap": "haschavvanjningsprogrammethap",
    },
    "våld i nära relationer": {
        # The deck's slip "våldutsatta"; the catalog's "våldsutsatta" is right.
        "skyddatboendeforvaldutsattakvinnor": "skyddatboendeforvaldsutsattakvinnor",
        "skyddatboendeforvaldutsattapaverkadeavalkoholochdroger": (
            "skyddatboendeforvaldsutsattapaverkadeavalkoholochdroger"
        ),
    },
}


_ANHORIGA = re.compile(r"\s*\(anh[öo]riga\)\s*$", re.IGNORECASE)
TARGET_OF_MARK = {mark: target for target, mark in MARKS.items()}


def split_mark(name: str) -> tuple[str, str]:
    """``"Stödprogram*"`` → ``("Stödprogram", "*")``; backslash escapes are dropped."""
    text = name.replace("\\*", "*").strip()
    match = re.search(r"\*{1,2}$", text)
    if not match:
        return text, ""
    return text[: match.start()].rstrip(), match.group(0)


def name_key(name: str) -> str:
    """Case, å/ä/ö, spacing and punctuation ignored; a trailing mark and "(anhöriga)" dropped."""
    base, _ = split_mark(name)
    base = _ANHORIGA.sub("", base)
    return re.sub(r"[^a-z0-9]", "", fold(base))


def same_name(printed: str, catalog_name: str, area: str) -> bool:
    """True when a printed name denotes the catalog name (acceptance comparison)."""
    printed_key, catalog_key = name_key(printed), name_key(catalog_name)
    if split_mark(printed)[1] != split_mark(catalog_name)[1]:
        return False
    return printed_key == catalog_key or ALIASES.get(area, {}).get(printed_key) == catalog_key


class UnmatchedName(LookupError):
    """A printed name that matches no catalog insats of its area."""


def insats_id_of(catalog: Catalog, area: str, printed: str) -> str:
    """The catalog id of a printed name in an area; the mark picks the target group."""
    _, mark = split_mark(printed)
    key = name_key(printed)
    key = ALIASES.get(area, {}).get(key, key)
    rows = catalog.area(area)
    hits = [
        iid
        for iid, name, display in zip(rows.index, rows["name"], rows["display"], strict=True)
        if key in (name_key(name), name_key(display))
    ]
    if len(hits) > 1:
        target = TARGET_OF_MARK[mark]
        hits = [iid for iid in hits if rows.at[iid, "target"] == target]
    if len(hits) != 1:
        raise UnmatchedName(f"{area}: {printed!r} matches {hits or 'no'} catalog insats")
    return hits[0]
