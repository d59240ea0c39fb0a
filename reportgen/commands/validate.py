"""``reportgen validate``: check answer files and report every problem at once (issue 2 item 5).

Exit codes: 0 clean (warnings allowed), 1 only warnings with ``--strict``, 2 errors.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reportgen.commands.mapping_option import add_mapping_option
from reportgen.io.load import check_survey
from reportgen.io.report import format_problems
from reportgen.paths import DEMO_DIR
from reportgen.survey import Survey


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "validate",
        help="check answer files and list every problem (file, row, column, value, what is allowed)",
        description=(
            "Check a folder (every .csv, .csv.gz and .xlsx in it) or a single answer file, and report "
            "all problems at once. Exit code 0: no errors; 1: warnings only and --strict; 2: errors."
        ),
    )
    p.add_argument(
        "--data", type=Path, metavar="PATH", help=f"answer folder or file (default: the demo data in {DEMO_DIR.name}/)"
    )
    add_mapping_option(p)
    p.add_argument("--strict", action="store_true", help="treat warnings as failure (exit code 1)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    checked = check_survey(args.data, mapping=args.mapping)
    if checked.problems:
        print("\n".join(format_problems(checked.problems)))
    if checked.survey is None:
        return 2
    print(summary(checked.survey, len(checked.warnings)))
    return 1 if args.strict and checked.warnings else 0


def summary(survey: Survey, warnings: int) -> str:
    """ "OK: 302 respondent units, 6 areas, 123 456 answers" (thin groups as in the reports)."""
    units = len(set(survey.responses["respondent_id"]) | set(survey.answers["respondent_id"]))
    areas = survey.responses["area"].nunique()
    head = "OK" if not warnings else f"OK with {warnings} warning(s)"
    note = " (synthetic demo data)" if survey.synthetic else ""
    counts = [_count(units, "respondent unit"), _count(areas, "area"), _count(len(survey.answers), "answer")]
    return f"{head}: {', '.join(counts)}{note}"


def _count(n: int, noun: str) -> str:
    return f"{n:,}".replace(",", " ") + f" {noun}{'' if n == 1 else 's'}"
