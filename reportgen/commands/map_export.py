"""``reportgen map``: write a draft mapping of a wide export's headers (docs/input-format.md §4).

Every header is listed with the insats and question the rules found, the match score and a
note; the analyst checks the rows marked "check", "ambiguous" or "unmatched", corrects
them, and passes the file with ``--mapping`` to validate, build and metrics. Messages name
headers only: no cell of the export is read here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reportgen.atomic import write_bytes_atomic
from reportgen.commands.mapping_option import add_mapping_option
from reportgen.errors import ReportgenError

SUFFIXES = (".yaml", ".yml", ".csv")
#: Headers that need the analyst, listed by name before "… and N more".
_LISTED = 30


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "map",
        help="write a draft mapping of a wide export's headers to insatser and questions, to check and correct",
        description=(
            "Read the headers of a survey tool's wide export (one row per municipality, one column per "
            "question) and write every header with the insats and question it was placed on, the match "
            "score and a note. Check the rows whose note says 'check', 'ambiguous' or 'unmatched', fill in "
            "insats_id and question, and pass the file to validate, build and metrics with --mapping."
        ),
    )
    p.add_argument("--data", type=Path, required=True, metavar="EXPORT", help="the export: a folder or one file")
    p.add_argument(
        "--out",
        type=Path,
        default=Path("mapping.yaml"),
        metavar="FILE",
        help="mapping to write: .yaml or .csv (default: mapping.yaml)",
    )
    add_mapping_option(p, "an earlier mapping to start from: the rows you decided are kept as they are")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reportgen.catalog import Catalog
    from reportgen.io.mapping import mapping_bytes, read_mapping
    from reportgen.io.mapping_draft import draft_mapping
    from reportgen.io.report import format_problems

    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES:
        raise ReportgenError(f"--out: write the mapping as .yaml or .csv, not '{out.suffix or out.name}'")
    if out.is_dir():
        raise ReportgenError(f"--out {out} is a folder; give a file name, e.g. {out / 'mapping.yaml'}")
    if out.exists() and not args.force:
        raise ReportgenError(f"--out {out} exists (it may hold your corrections); add --force or choose another name")
    if not out.parent.is_dir():
        raise ReportgenError(f"--out: the folder {out.parent} does not exist")
    catalog = Catalog.load()
    earlier = None
    if args.mapping is not None:
        earlier, problems = read_mapping(Path(args.mapping), catalog)
        if earlier is None:
            print("\n".join(format_problems(problems)))
            return 2
    draft = draft_mapping(Path(args.data), catalog, earlier)
    if not draft.headers:
        if draft.problems:
            print("\n".join(format_problems(draft.problems)))
        files = ", ".join(draft.long_files[:3])
        raise ReportgenError(
            f"no wide export found in {args.data}"
            + (f" ({files} … are in the long layout, which needs no mapping)" if files else "")
        )
    write_bytes_atomic(out, mapping_bytes(list(draft.entries), out.suffix))
    print(_summary(out, draft.entries, len(draft.headers)))
    attention = [e for e in draft.entries if _needs_look(e)]
    for entry in attention[:_LISTED]:
        print(f"  {entry['file']}: {entry['header']!r}: {entry['note']}")
    if len(attention) > _LISTED:
        print(f"  … and {len(attention) - _LISTED} more; see {out}")
    for name in draft.long_files:
        print(f"  {name}: long layout, read without a mapping")
    return 0


def _needs_look(entry: dict[str, object]) -> bool:
    note = str(entry.get("note") or "")
    return entry.get("question") is None or note.startswith("check")


def _summary(out: Path, entries: tuple[dict[str, object], ...], files: int) -> str:
    count = lambda test: sum(1 for e in entries if test(e))  # noqa: E731
    placed = count(lambda e: e["question"] not in (None, "personal", "ignore"))
    check = count(lambda e: str(e.get("note") or "").startswith("check"))
    ambiguous = count(lambda e: str(e.get("note") or "").startswith("ambiguous"))
    open_rows = count(lambda e: e["question"] is None) - ambiguous
    hidden = count(lambda e: e["question"] in ("personal", "ignore"))
    return (
        f"wrote {out}: {len(entries)} columns of {files} table(s): {placed} placed ({check} to check), "
        f"{ambiguous} ambiguous, {open_rows} unmatched, {hidden} personal or tool columns (never read)"
    )
