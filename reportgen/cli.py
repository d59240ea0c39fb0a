"""The ``reportgen`` command line.

Errors a user can cause are printed in their terms without a traceback (exit 2).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reportgen import __version__
from reportgen.errors import ReportgenError

#: Command modules under reportgen.commands, in the order --help lists them.
COMMANDS = ("build", "validate", "map_export", "metrics", "distribute", "demo_data", "counties")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="reportgen",
        description=(
            "Build county analysis reports (PowerPoint, PDF, Excel and files for each "
            "municipality) from the answers of the national social-services survey. "
            "Without --data, the bundled synthetic demo data is used."
        ),
    )
    top.add_argument("--version", action="version", version=f"reportgen {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"reportgen.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"reportgen.commands.{name}":
                raise
            continue
        module.add_parser(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except ReportgenError as exc:
        print(f"reportgen: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and closed early
        return 0
    except KeyboardInterrupt:
        print("reportgen: interrupted; finished files are complete, nothing half-written is left.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
