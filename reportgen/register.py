"""Counties, municipalities and respondent units (SPEC §3).

Stockholm's city districts answered as units of their own and count as "kommuner" in
every figure; Stockholm stad itself is therefore not a respondent unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from reportgen.errors import UnknownCountyError, UnknownUnitError
from reportgen.paths import DATA_DIR
from reportgen.text import closest, fold, slugify

STOCKHOLM = "0180"


@dataclass(frozen=True)
class County:
    code: str
    name: str
    slug: str


@dataclass(frozen=True, eq=False)
class Register:
    """``counties``: county_code, county, slug. ``units``: one row per respondent unit,
    indexed by ``respondent_id`` (municipality code, or "0180-NN" for a district), with
    name, kind ("kommun" / "stadsdelsområde"), county_code and population."""

    counties: pd.DataFrame
    units: pd.DataFrame

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Register:
        base = data_dir or DATA_DIR
        read = lambda name: pd.read_csv(base / name, dtype=str, keep_default_na=False)  # noqa: E731
        counties = read("counties.csv")
        munis = read("municipalities.csv")
        districts = read("stockholm_districts.csv")
        kommuner = pd.DataFrame(
            {
                "respondent_id": munis["municipality_code"],
                "name": munis["municipality"],
                "kind": "kommun",
                "county_code": munis["county_code"],
                "population": munis["population"],
            }
        )
        kommuner = kommuner[kommuner["respondent_id"] != STOCKHOLM]
        stadsdelar = pd.DataFrame(
            {
                "respondent_id": districts["respondent_id"],
                "name": districts["name"],
                "kind": "stadsdelsområde",
                "county_code": "01",
                "population": districts["population"],
            }
        )
        return cls.from_frames(counties, pd.concat([kommuner, stadsdelar], ignore_index=True))

    @classmethod
    def from_frames(cls, counties: pd.DataFrame, units: pd.DataFrame) -> Register:
        units = units.copy()
        units["population"] = pd.to_numeric(units.get("population", 0), errors="coerce").fillna(0).astype(int)
        units = units.sort_values(["county_code", "respondent_id"]).set_index("respondent_id", drop=False)
        return cls(counties.reset_index(drop=True), units)

    @cached_property
    def _lookup(self) -> dict[str, County]:
        table: dict[str, County] = {}
        for row in self.counties.itertuples(index=False):
            county = County(str(row.county_code), str(row.county), str(row.slug))
            bare = fold(county.name).removesuffix(" lan").removesuffix("s")
            for key in (county.code, county.slug, fold(county.name), fold(county.name).removesuffix(" lan"), bare):
                table[key] = county
            if county.code.startswith("0"):
                table[county.code.lstrip("0")] = county
        return table

    def county(self, query: str) -> County:
        """Find a county by name (with or without "län"), code or slug; case and å/ä/ö folded."""
        key = fold(query)
        found = self._lookup.get(key) or self._lookup.get(slugify(query)) or self._lookup.get(key.removesuffix(" lan"))
        if found is None:
            found = self._lookup.get(key.removesuffix(" lan").removesuffix("s"))
        if found is None:
            names = list(self.counties["county"])
            bare = {n.removesuffix(" län").removesuffix("s"): n for n in names}
            hints = closest(query, names) or [bare[h] for h in closest(query, list(bare))]
            hint = f" Did you mean {' or '.join(repr(h) for h in hints)}?" if hints else ""
            raise UnknownCountyError(f"No county matches {query!r}.{hint} Run 'reportgen counties' to list them.")
        return found

    @property
    def all_counties(self) -> list[County]:
        return [self.county(code) for code in self.counties["county_code"]]

    def units_of(self, county_code: str | None) -> pd.DataFrame:
        """Respondent units of a county, or of Riket when ``county_code`` is None."""
        if county_code is None:
            return self.units
        return self.units[self.units["county_code"] == county_code]

    def unit(self, query: str, county_code: str) -> str:
        """The respondent id of a unit of the county, by name or code (case and å/ä/ö folded)."""
        units = self.units_of(county_code)
        for respondent_id, name in zip(units.index, units["name"], strict=True):
            if fold(query) in (fold(respondent_id), fold(name)):
                return str(respondent_id)
        names = list(units["name"])
        hints = closest(query, names)
        hint = f" Did you mean {' or '.join(repr(h) for h in hints)}?" if hints else ""
        county = self.county(county_code).name
        raise UnknownUnitError(f"No municipality of {county} matches {query!r}.{hint}")
