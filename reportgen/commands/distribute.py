"""``reportgen distribute``: one e-mail per municipality, reviewed as .eml or sent."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from reportgen.atomic import write_bytes_atomic
from reportgen.batch.naming import county_folder, municipality_stem
from reportgen.commands.config_option import add_config_option, settings_of
from reportgen.distribute.log import DeliveryLog, LogLine, now
from reportgen.distribute.message import Delivery, compose, message_sender
from reportgen.distribute.plan import deliveries
from reportgen.distribute.recipients import load_recipients
from reportgen.distribute.resend import decide
from reportgen.distribute.smtp import Sender as SmtpSender
from reportgen.distribute.smtp import load_config
from reportgen.errors import ReportgenError
from reportgen.register import County, Register
from reportgen.settings import Sender

EML_DIR = "eml"


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "distribute",
        help="e-mail each municipality its profile and bundle (.eml for review unless --send)",
        description=(
            "Prepare one Swedish e-mail per municipality with its profile and bundle attached. "
            "Without --send, the messages are written as .eml files to review (OUT/<county>/eml/). "
            "With --send they go out over SMTP with STARTTLS; delivery-log.csv in the county folder "
            "makes every message go out once, also across interrupted runs."
        ),
    )
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--county", action="append", metavar="NAME", help="county by name, code or slug; repeatable")
    who.add_argument("--all", action="store_true", help="every county")
    p.add_argument(
        "--recipients",
        type=Path,
        required=True,
        help="CSV or xlsx: kommunkod, e-post (one or more), kopia, kontaktperson",
    )
    p.add_argument(
        "--out", type=Path, default=Path("output"), help="the folder 'reportgen build' wrote (default: output)"
    )
    p.add_argument("--send", action="store_true", help="really send (default: only write .eml files)")
    p.add_argument("--resend", action="store_true", help="send again even what the log says was delivered")
    p.add_argument(
        "--smtp-config",
        type=Path,
        help="TOML file with [smtp] host, port, user, from, cafile, rate_per_minute (default: the --config "
        "file's [smtp]; or REPORTGEN_SMTP_* variables; the password only in REPORTGEN_SMTP_PASSWORD or at a prompt)",
    )
    add_config_option(p)
    p.add_argument(
        "--max-size-mb",
        type=float,
        default=20.0,
        help="attachments above this size are not attached; the message says so (default: 20)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    console = Console(stderr=True)
    settings = settings_of(args)  # who signs: checked before any file is read
    config = None
    if args.send:
        config = load_config(args.smtp_config or settings.file, settings.sender_address)
    sender = message_sender(settings, config.sender if config else "")
    register = Register.load()
    counties = register.all_counties if args.all else list(dict.fromkeys(register.county(q) for q in args.county))
    recipients = load_recipients(args.recipients, register, [c.code for c in counties])
    max_bytes = int(args.max_size_mb * 1_000_000)
    plans = [(c, deliveries(args.out, c, register, recipients, max_bytes)) for c in counties]
    if config is None:
        return write_emls(args.out, plans, sender, console)
    return send_all(args.out, plans, config, sender, console, resend=args.resend)


def write_emls(out: Path, plans: list[tuple[County, list[Delivery]]], sender: Sender, console: Console) -> int:
    """Every message as an .eml to review, exactly as it would be sent by ``sender``."""
    table = _summary("Messages written for review (nothing sent)")
    for county, items in plans:
        folder = county_folder(out, county.slug) / EML_DIR
        for d in items:
            message = compose(d, sender)
            write_bytes_atomic(folder / f"{municipality_stem(d.respondent_id, d.municipality)}.eml", message.as_bytes())
            table.add_row(d.municipality, ", ".join(d.recipient.to), _note(d, "written"))
        console.print(f"{county.name}: {len(items)} messages in {folder}")
    console.print(table)
    return 0


def send_all(
    out: Path,
    plans: list[tuple[County, list[Delivery]]],
    config: object,
    sender: Sender,
    console: Console,
    *,
    resend: bool,
) -> int:
    table = _summary("Delivery")
    troubles = 0
    interval = 60.0 / max(config.rate_per_minute, 0.001)  # type: ignore[attr-defined]
    progress = Progress(
        TextColumn("[bold]Sending"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
        console=console,
        disable=not console.is_terminal,
    )
    task = progress.add_task("send", total=sum(len(items) for _, items in plans))
    with SmtpSender(config) as connection, progress:  # type: ignore[arg-type]
        last = 0.0
        for county, items in plans:
            log = DeliveryLog(county_folder(out, county.slug))
            state = log.state()
            delivered = log.delivered_ids()
            for d in items:
                progress.advance(task)
                message_id = d.message_id(sender.domain)
                previous = state.get((d.respondent_id, message_id))
                decision = decide(previous, bool(delivered.get(d.respondent_id)), resend=resend)
                if decision.action != "send":
                    troubles += decision.action == "hold"
                    style = "[yellow]" if decision.action == "hold" else ""
                    table.add_row(d.municipality, ", ".join(d.recipient.to), style + decision.reason)
                    continue
                wait = last + interval - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                last = time.monotonic()
                message = compose(d, sender)
                addresses = list(d.recipient.to + d.recipient.cc)
                base = dict(
                    municipality=d.municipality,
                    respondent_id=d.respondent_id,
                    addresses=";".join(addresses),
                    message_id=message_id,
                    bundle_sha256=d.bundle_sha256,
                )
                log.append(LogLine(**base, time=now(), status="sending"))
                outcome = connection.send(message, addresses)
                log.append(LogLine(**base, time=now(), status=outcome.status, detail=outcome.detail))
                if outcome.status != "sent" or outcome.refused:
                    troubles += 1
                style = "" if outcome.status == "sent" and not outcome.refused else "[red]"
                table.add_row(d.municipality, ", ".join(addresses), f"{style}{outcome.status} {outcome.detail}".strip())
    console.print(table)
    if troubles:
        console.print(f"[red]{troubles} message(s) not (fully) delivered; see delivery-log.csv")
        return 1
    return 0


def _summary(title: str) -> Table:
    table = Table(title=title)
    for column in ("Municipality", "Addresses", "Status"):
        table.add_column(column)
    return table


def _note(d: Delivery, status: str) -> str:
    return f"{status}; bundle too large, not attached" if d.bundle_too_large else status


__all__ = ["ReportgenError", "run"]
