"""``reportgen build``: decks (PPTX, PDF), workbooks and municipality files."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from reportgen.batch.context import NATIONAL, SharedContext
from reportgen.batch.county import ALL_FORMATS, FORMATS, BuildOptions
from reportgen.batch.runner import default_jobs, summary_table, timed_run
from reportgen.commands.config_option import add_config_option, run_imprint
from reportgen.commands.mapping_option import add_mapping_option
from reportgen.errors import ReportgenError
from reportgen.metrics.model import Scope
from reportgen.theme import PPTX_CHART_MODES


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "build",
        help="build county decks (PowerPoint, PDF), workbooks and municipality files",
        description=(
            "Build the analysis deck (PowerPoint and PDF), the Excel workbook and a profile and "
            "bundle for every municipality, one folder per county under --out. Finished counties "
            "whose inputs, layouts and version are unchanged are skipped unless --force."
        ),
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--county",
        action="append",
        metavar="NAME",
        help='county by name, code or slug ("Skåne län", "skane", 12); repeat for several',
    )
    who.add_argument("--all", action="store_true", help="every county (and, with --appendix, Riket)")
    who.add_argument("--national", action="store_true", help="the same deck for the whole country (Riket)")
    p.add_argument("--data", type=Path, help="folder or file with answer files (default: bundled demo data)")
    add_mapping_option(p)
    p.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output)")
    p.add_argument(
        "--formats",
        default=",".join(FORMATS),
        help="comma-separated subset of pptx,pdf,xlsx,html (default: pptx,pdf,xlsx); html is the web edition "
        "(<slug>-webb/, also zipped into the bundles); municipality bundles hold the deck PDF and the workbook, "
        "so those are built too unless --no-municipality-files",
    )
    p.add_argument("--template", type=Path, help="your organisation's PowerPoint template (.pptx)")
    p.add_argument(
        "--charts",
        choices=PPTX_CHART_MODES,
        help="how the PowerPoint deck carries its charts: 'pictures' are the PDF's own charts as images, "
        "identical to the PDF; 'editable' writes native PowerPoint charts with their data inside, which can be "
        "restyled and edited in PowerPoint (Edit Data). Default: pptx: charts: in layouts/theme.yaml (pictures)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=default_jobs(),
        help="worker processes (default: number of cores); several counties share them, one county at a time, "
        "and a single county spreads its charts, deck files and municipality files over them",
    )
    p.add_argument("--force", action="store_true", help="rebuild even counties that are already finished")
    p.add_argument(
        "--no-municipality-files",
        dest="municipality_files",
        action="store_false",
        help="skip the profile and bundle per municipality",
    )
    p.add_argument(
        "--appendix",
        action="store_true",
        help="build the result appendix (all insatser with the four figures) instead of the deck",
    )
    add_config_option(p)
    p.set_defaults(run=run)


def parse_formats(text: str) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(f.strip().lower().lstrip(".") for f in text.split(",") if f.strip()))
    unknown = [f for f in wanted if f not in ALL_FORMATS]
    if unknown or not wanted:
        raise ReportgenError(
            f"--formats: unknown format(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(ALL_FORMATS)}"
        )
    return wanted


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    if args.template is not None and not args.template.is_file():
        raise ReportgenError(f"--template: no such file: {args.template}")
    if args.jobs < 1:
        raise ReportgenError("--jobs must be at least 1")
    imprint = run_imprint(args)  # the one build time of the run; bad settings fail before any work
    if args.appendix:
        from reportgen.commands.appendix import run_appendix

        return run_appendix(args, console, imprint)
    if args.template is not None:  # a bad template fails once, before any work
        from reportgen.render.pptx_template import open_template

        open_template(args.template)
    if args.county:  # fail on a misspelt county before the answers are loaded
        from reportgen.register import Register

        register = Register.load()
        for query in args.county:
            register.county(query)
    options = BuildOptions(
        out=args.out,
        formats=parse_formats(args.formats),
        template=args.template,
        force=args.force,
        municipality_files=args.municipality_files and not args.national,
        mapping=args.mapping,
        charts=args.charts,
    )

    def scopes_of(ctx: SharedContext) -> list[Scope]:
        register = ctx.survey.register
        if args.national:
            return [NATIONAL]
        counties = register.all_counties if args.all else [register.county(q) for q in args.county]
        unique = list(dict.fromkeys(counties))
        return [Scope(c.name, c.code, c.slug) for c in unique]

    results, elapsed = timed_run(args.data, scopes_of, options, args.jobs, console, imprint)
    console.print(summary_table(results, elapsed))
    failed = [r for r in results if r.status == "failed"]
    if failed:
        console.print(f"[red]{len(failed)} of {len(results)} failed; the others are complete.")
        return 1
    for r in results:
        if r.files:
            console.print(f"{r.scope.name}: {args.out / r.scope.slug}")
    return 0
