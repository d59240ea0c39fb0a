"""``reportgen counties``: list the counties and how to name them."""

from __future__ import annotations

import argparse

from reportgen.register import Register


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("counties", help="list the 21 counties with their codes, slugs and respondent units")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    register = Register.load()
    for county in register.all_counties:
        units = len(register.units_of(county.code))
        noun = "respondent unit" if units == 1 else "respondent units"
        print(f"{county.code}  {county.name:<24} {county.slug:<24} {units:>3} {noun}")
    return 0
