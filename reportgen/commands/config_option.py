"""The ``--config FILE`` option of the commands that write files or messages, and the
run's imprint made from it (docs/settings.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reportgen.imprint import Imprint, build_time
from reportgen.settings import CONFIG_ENV, DEFAULT_FILE, Settings, load_settings


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=f"settings file (organisation, contact, author, sender; default: ${CONFIG_ENV}, else "
        f"./{DEFAULT_FILE} if present); REPORTGEN_* variables override it, see docs/settings.md",
    )


def settings_of(args: argparse.Namespace) -> Settings:
    return load_settings(getattr(args, "config", None))


def run_imprint(args: argparse.Namespace) -> Imprint:
    """This run's imprint: the settings' publisher at the one build time of the run
    (its start, or SOURCE_DATE_EPOCH)."""
    return settings_of(args).imprint(build_time())
