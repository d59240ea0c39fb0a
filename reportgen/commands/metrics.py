"""``reportgen metrics``: the figures of a county deck (or Riket) as JSON or CSV."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from reportgen.atomic import write_bytes_atomic
from reportgen.commands.mapping_option import add_mapping_option
from reportgen.errors import ReportgenError
from reportgen.metrics.appendix import appendix_from
from reportgen.metrics.compute import compute_scope
from reportgen.metrics.model import Scope
from reportgen.metrics.offer import insats_table
from reportgen.metrics.profile import unit_profiles
from reportgen.metrics.scope import RIKET, SurveyTables, area_key, scope_for
from reportgen.metrics.serialize import frame_records, profile_json, ranking_frame, scope_json, summary_frame
from reportgen.survey import Survey

TABLES = ("summary", "top10", "bottom10", "insatser", "appendix")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "metrics",
        help="print the computed figures of a county (or Riket) as JSON or CSV",
        description=(
            "Compute every figure a county deck shows (SPEC §5) and print it. JSON without --table "
            "gives everything; --table picks one table: summary (headline figures per area), top10, "
            "bottom10, insatser (offered / answered / share per insats) or appendix (the result "
            "appendix: given, digital, private, without decision per insats). --municipality gives the "
            "figures of one municipality's profile instead."
        ),
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--county", metavar="NAME", help='county by name, code or slug ("Skåne län", "skane", 12)')
    who.add_argument("--national", action="store_true", help="the whole country (Riket)")
    p.add_argument("--area", metavar="AREA", help='only this area ("äldre", "barn och unga", …)')
    p.add_argument(
        "--municipality",
        metavar="NAME",
        help="with --county: the figures of this municipality's profile (name or code), as JSON",
    )
    p.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default: json)")
    p.add_argument("--table", choices=TABLES, help="one table instead of everything (CSV default: summary)")
    p.add_argument("--out", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--data", type=Path, help="folder or file with answer files (default: bundled demo data)")
    add_mapping_option(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reportgen.io.load import load_survey

    survey = load_survey(args.data, mapping=args.mapping).survey
    scope = scope_for(survey, None if args.national else args.county)
    areas = [area_key(survey, args.area)] if args.area else None
    table = args.table or ("summary" if args.format == "csv" else None)
    if args.municipality is not None:
        _emit(_json(_profile(survey, scope, args)), args.out)
        return 0

    if table in ("appendix", "insatser"):
        data = SurveyTables.prepare(survey, areas).select(scope)
        if table == "appendix":
            frame = appendix_from(data)
        else:
            frame = pd.concat(
                [insats_table(t).drop(columns="order").reset_index().assign(area=a) for a, t in data.areas.items()],
                ignore_index=True,
            )[["area", "huvudgrupp_id", "insats_id", "insats", "offered", "answered", "share"]]
        payload: object = frame
    else:
        metrics = compute_scope(survey, scope)
        if table is None:
            payload = scope_json(metrics, areas)
        elif table == "summary":
            payload = summary_frame(metrics, areas)
        else:
            payload = ranking_frame(metrics, table, areas)

    if isinstance(payload, pd.DataFrame):
        if args.format == "csv":
            text = payload.to_csv(index=False, lineterminator="\n")
        else:
            text = _json({"county": scope.name, "table": table, "rows": frame_records(payload)})
    else:
        if args.format == "csv":
            raise ReportgenError("CSV needs one table: add --table summary|top10|bottom10|insatser|appendix")
        text = _json(payload)
    _emit(text, args.out)
    return 0


def _profile(survey: Survey, scope: Scope, args: argparse.Namespace) -> dict[str, object]:
    """``--municipality``: the figures of one unit's profile (SPEC §8)."""
    if scope.is_national:
        raise ReportgenError("--municipality needs --county: a profile compares a municipality with its county")
    if args.table is not None or args.format != "json":
        raise ReportgenError("--municipality prints the profile as JSON: leave out --table and --format csv")
    respondent_id = survey.register.unit(args.municipality, str(scope.code))
    tables = SurveyTables.prepare(survey)
    national = compute_scope(survey, RIKET, tables=tables)
    county = compute_scope(survey, scope, tables=tables, national=national)
    profile = next(p for p in unit_profiles(tables, county, national) if p.respondent_id == respondent_id)
    payload = profile_json(profile)
    if args.area:
        key = area_key(survey, args.area)
        payload["areas"] = {key: payload["areas"][key]}
    return payload


def _json(payload: object) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    out = Path(out)
    if out.is_dir():
        raise ReportgenError(f"--out {out} is a folder; give a file name, e.g. {out / 'metrics.json'}")
    if not out.parent.is_dir():
        raise ReportgenError(f"--out: the folder {out.parent} does not exist")
    write_bytes_atomic(out, text.encode("utf-8"))  # never a half-written file (SPEC §7)
