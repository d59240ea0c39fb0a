"""The ``--mapping FILE`` option of every command that reads answers (docs/input-format.md §4)."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = (
    "mapping of a wide export's headers to insatser and questions (YAML or CSV, as written by "
    "'reportgen map' and checked by you); headers it does not list are placed by the rules"
)


def add_mapping_option(parser: argparse.ArgumentParser, text: str = HELP) -> None:
    parser.add_argument("--mapping", type=Path, metavar="FILE", help=text)
