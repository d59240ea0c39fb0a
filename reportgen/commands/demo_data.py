"""``reportgen demo-data``: write the seeded synthetic answer set (SPEC §9)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reportgen.errors import ReportgenError
from reportgen.paths import DEMO_DIR

#: Where ``--layout wide`` writes by default: beside the user, not into the bundled data.
WIDE_DEFAULT = Path("demo-export")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from reportgen.demo.generate import DEFAULT_SEED

    p = sub.add_parser(
        "demo-data",
        help="write the synthetic demo answers (calibrated to the national appendix and the Skåne deck)",
        description=(
            "Generate the synthetic answer set that reportgen uses when no --data is given. "
            "Riket reproduces the national appendix and Skåne län the Skåne deck's headline "
            "figures and tables (see docs/demo-data.md). The same seed gives the same files."
        ),
    )
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default: {DEFAULT_SEED})")
    p.add_argument(
        "--layout",
        choices=("long", "wide"),
        default="long",
        help="long: the documented answer files (default); wide: a survey tool's export, one file per area "
        "survey, one row per municipality, one column per question (docs/input-format.md §3)",
    )
    p.add_argument(
        "--out",
        type=Path,
        help=f"folder to write (default: {DEMO_DIR} for long, {WIDE_DEFAULT} in the current folder for wide)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reportgen.demo.generate import build
    from reportgen.io.write import write_survey
    from reportgen.io.write_wide import write_wide

    if args.seed < 0:
        raise ReportgenError(f"--seed must be 0 or more, not {args.seed}")
    out = Path(args.out or (DEMO_DIR if args.layout == "long" else WIDE_DEFAULT))
    if out.exists() and not out.is_dir():
        raise ReportgenError(f"--out: {out} is a file, not a folder")
    generated = build(args.seed)
    writer = write_survey if args.layout == "long" else write_wide
    written = writer(generated.survey, out)
    survey = generated.survey
    responding = survey.responses["status"].isin(("paborjad", "slutford")).sum()
    print(
        f"wrote {len(written)} files to {out}: {responding} responding unit × area rows, "
        f"{len(survey.answers)} insats answers (seed {args.seed})"
    )
    for note in generated.notes:
        print(f"  note: {note}", file=sys.stderr)
    return 0
