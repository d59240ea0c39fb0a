"""The recipients file: who receives each municipality's files (docs/distribution.md).

It passes the same kind of validation as answer files: every problem (unknown
municipality code, malformed address, a municipality of the county without recipient)
is reported at once with file, row and value, before anything is written or sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reportgen.errors import Problem, ValidationError
from reportgen.io.read import read_file
from reportgen.io.respondents import normalise_code
from reportgen.register import Register
from reportgen.text import closest, fold

#: Accepted header names (folded) per column.
HEADERS = {
    "code": ("kommunkod", "kod", "municipality_code", "respondent_id"),
    "to": ("e-post", "epost", "e-postadress", "mottagare", "email", "to", "adress", "adresser"),
    "cc": ("kopia", "cc"),
    "contact": ("kontaktperson", "kontakt", "namn", "contact", "name"),
}
ADDRESS_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
SEPARATORS = re.compile(r"[;,\s]+")


@dataclass(frozen=True)
class Recipient:
    respondent_id: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    contact: str


def _split(cell: object) -> list[str]:
    if cell is None or (isinstance(cell, float) and pd.isna(cell)):
        return []
    return [a for a in SEPARATORS.split(str(cell).strip()) if a]


def _column(headers: list[str], role: str) -> int | None:
    names = [fold(h).replace(" ", "") for h in headers]
    for alias in HEADERS[role]:
        if alias.replace(" ", "") in names:
            return names.index(alias.replace(" ", ""))
    return None


def load_recipients(path: Path, register: Register, county_codes: list[str]) -> dict[str, Recipient]:
    """Recipients by respondent id for the given counties; raises ValidationError with
    every problem found."""
    tables, problems = read_file(path)
    if problems:  # the file itself could not be read: say that, not 290 missing recipients
        raise ValidationError(problems)
    recipients: dict[str, Recipient] = {}
    units = register.units
    for table in tables:
        code_col, to_col = _column(table.headers, "code"), _column(table.headers, "to")
        cc_col, contact_col = _column(table.headers, "cc"), _column(table.headers, "contact")
        for role, col in (("kommunkod", code_col), ("e-post", to_col)):
            if col is None:
                problems.append(Problem(table.file, 1, role, None, f"required column '{role}' is missing"))
        if code_col is None or to_col is None:
            continue
        for i, row in enumerate(table.cells.itertuples(index=False)):
            line = int(table.rows[i])
            raw_code = row[code_col]
            if raw_code is None or (isinstance(raw_code, float) and pd.isna(raw_code)):
                problems.append(Problem(table.file, line, table.headers[code_col], "", "municipality code is blank"))
                continue
            code = normalise_code(str(raw_code))
            if code not in units.index:
                hint = closest(code, list(units.index)) or closest(code, list(units["name"]))
                extra = f"; did you mean {', '.join(hint)}?" if hint else ""
                problems.append(
                    Problem(
                        table.file,
                        line,
                        table.headers[code_col],
                        code,
                        f"unknown municipality code (four digits, e.g. 1280 for Malmö){extra}",
                    )
                )
                continue
            addresses = {"to": _split(row[to_col]), "cc": _split(row[cc_col]) if cc_col is not None else []}
            if not addresses["to"]:
                problems.append(Problem(table.file, line, table.headers[to_col], "", "no e-mail address"))
            for role, found in addresses.items():
                col = to_col if role == "to" else cc_col
                for address in found:
                    if not ADDRESS_RE.match(address):
                        problems.append(
                            Problem(
                                table.file,
                                line,
                                table.headers[col],
                                address,  # type: ignore[index]
                                "malformed e-mail address (expected name@example.se)",
                            )
                        )
            contact = "" if contact_col is None or pd.isna(row[contact_col]) else str(row[contact_col]).strip()
            if code in recipients:
                previous = recipients[code]
                recipients[code] = Recipient(
                    code,
                    previous.to + tuple(addresses["to"]),
                    previous.cc + tuple(addresses["cc"]),
                    previous.contact or contact,
                )
            else:
                recipients[code] = Recipient(code, tuple(addresses["to"]), tuple(addresses["cc"]), contact)
    for county in county_codes:
        for unit in register.units_of(county).itertuples(index=False):
            if unit.respondent_id not in recipients:
                problems.append(
                    Problem(
                        str(path.name),
                        None,
                        "kommunkod",
                        unit.respondent_id,
                        f"no recipient for {unit.name} ({unit.respondent_id})",
                    )
                )
    if problems:
        raise ValidationError(problems)
    return {code: r for code, r in recipients.items() if units.at[code, "county_code"] in county_codes}
