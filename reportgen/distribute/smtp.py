"""SMTP settings and one connection that sends deliveries, STARTTLS always.

Host, port, user and sender come from a TOML file (``--smtp-config``) or the
environment (``REPORTGEN_SMTP_HOST`` …). The password only ever comes from
``REPORTGEN_SMTP_PASSWORD`` or an interactive prompt: never an argument, never logged.
"""

from __future__ import annotations

import getpass
import os
import smtplib
import ssl
import sys
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from reportgen.errors import ReportgenError
from reportgen.settings import read_file

ENV = "REPORTGEN_SMTP_"


class SmtpConfigError(ReportgenError):
    pass


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    user: str
    sender: str
    cafile: str | None = None  # a private CA (or a test server's certificate)
    rate_per_minute: float = 30.0
    timeout: float = 30.0

    def __repr__(self) -> str:  # never shows a secret; there is none here, keep it that way
        return f"SmtpConfig(host={self.host!r}, port={self.port}, user={self.user!r}, sender={self.sender!r})"


def load_config(path: Path | None, sender: str = "") -> SmtpConfig:
    """The SMTP settings of ``path``'s ``[smtp]`` table and ``REPORTGEN_SMTP_*``; the
    envelope sender is ``from``, else ``sender`` (the settings' sender address), else ``user``."""
    values: dict[str, object] = {}
    if path is not None:
        values = dict(read_file(path).get("smtp", {}))  # read and errors as every settings file
        if "password" in values:
            raise SmtpConfigError(f"{path}: remove 'password'; give it in {ENV}PASSWORD or at the prompt")
    for key in ("host", "port", "user", "from", "cafile", "rate_per_minute"):
        env = os.environ.get(ENV + key.upper())
        if env:
            values[key] = env
    if not values.get("host"):
        raise SmtpConfigError(f"no SMTP host: set [smtp] host in --smtp-config or {ENV}HOST")
    sender = str(values.get("from") or sender or values.get("user") or "")
    if "@" not in sender:
        raise SmtpConfigError(
            f"no sender address: set [sender] address in the settings (docs/settings.md), [smtp] from in "
            f"--smtp-config or {ENV}FROM"
        )
    try:
        port = int(values.get("port", 587))  # type: ignore[call-overload]
        rate = float(values.get("rate_per_minute", 30))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise SmtpConfigError(
            f"SMTP port must be a whole number and rate_per_minute a number; found port={values.get('port')!r}, "
            f"rate_per_minute={values.get('rate_per_minute')!r}"
        ) from None
    if not 0 < port < 65536 or rate <= 0:
        raise SmtpConfigError(f"SMTP port must be 1–65535 and rate_per_minute above 0 (found {port}, {rate})")
    return SmtpConfig(
        host=str(values["host"]),
        port=port,
        user=str(values.get("user", "")),
        sender=sender,
        cafile=str(values["cafile"]) if values.get("cafile") else None,
        rate_per_minute=rate,
    )


def password_for(config: SmtpConfig) -> str | None:
    if not config.user:
        return None
    secret = os.environ.get(ENV + "PASSWORD")
    if secret:
        return secret
    if not sys.stdin.isatty():
        raise SmtpConfigError(f"no SMTP password: set {ENV}PASSWORD or run in a terminal to be asked")
    return getpass.getpass(f"SMTP password for {config.user}@{config.host}: ")


@dataclass(frozen=True)
class Outcome:
    status: str  # sent / refused / failed / uncertain
    refused: tuple[str, ...] = ()
    detail: str = ""


class Sender:
    """One STARTTLS session; ``send`` reports what the server did with each message."""

    def __init__(self, config: SmtpConfig):
        self.config = config
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Sender:
        cfg = self.config
        try:
            smtp = smtplib.SMTP(cfg.host, cfg.port, timeout=cfg.timeout)
            smtp.ehlo()
            if not smtp.has_extn("starttls"):
                smtp.quit()
                raise SmtpConfigError(f"{cfg.host}:{cfg.port} does not offer STARTTLS; refusing to send in clear text")
            smtp.starttls(context=ssl.create_default_context(cafile=cfg.cafile))
            smtp.ehlo()
            secret = password_for(cfg)
            if secret is not None:
                smtp.login(cfg.user, secret)
        except (OSError, smtplib.SMTPException) as exc:
            raise SmtpConfigError(f"cannot connect to {cfg.host}:{cfg.port}: {exc}") from exc
        self.smtp = smtp
        return self

    def __exit__(self, *exc: object) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()

    def send(self, message: EmailMessage, recipients: list[str]) -> Outcome:
        smtp = self.smtp
        assert smtp is not None
        try:
            code, answer = smtp.mail(self.config.sender)
            if code != 250:
                smtp.rset()
                return Outcome("failed", detail=f"sender refused: {code} {answer.decode(errors='replace')}")
            refused = []
            for address in recipients:
                code, answer = smtp.rcpt(address)
                if code not in (250, 251):
                    refused.append(address)
            if len(refused) == len(recipients):
                smtp.rset()
                return Outcome("refused", tuple(refused), "every address refused")
        except (OSError, smtplib.SMTPException) as exc:
            return Outcome("failed", detail=str(exc))
        try:
            # smtplib sends bytes as given: SMTP needs CRLF line ends.
            code, answer = smtp.data(message.as_bytes(policy=message.policy.clone(linesep="\r\n")))
        except (OSError, smtplib.SMTPException) as exc:
            # The message may or may not have been taken: never send it again unasked.
            return Outcome("uncertain", tuple(refused), f"connection lost during transfer: {exc}")
        if code != 250:
            return Outcome("failed", tuple(refused), f"{code} {answer.decode(errors='replace')}")
        return Outcome("sent", tuple(refused), "refused: " + ", ".join(refused) if refused else "")
