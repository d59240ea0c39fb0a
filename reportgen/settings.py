"""The publisher's settings: ``reportgen.toml`` and ``REPORTGEN_*`` variables (docs/settings.md).

Who publishes the reports (organisation, contact, author) and who signs the messages
(sender name and address) are settings, not code (SPEC §10). They are read from

1. a TOML file: ``--config FILE``, else the file ``REPORTGEN_CONFIG`` names, else
   ``reportgen.toml`` in the working folder when there is one (none is fine);
2. environment variables, which win over the file key by key (an empty variable
   counts as unset), so one run can change a value without editing the file.

A malformed setting is the user's error, reported with the file (or variable), the key,
the value found and what is expected, before anything is built. The file may also hold
the ``[smtp]`` table of ``reportgen distribute`` (``distribute.smtp`` reads it).
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parseaddr
from pathlib import Path

from reportgen.errors import ReportgenError
from reportgen.imprint import Imprint

DEFAULT_FILE = "reportgen.toml"
CONFIG_ENV = "REPORTGEN_CONFIG"
#: (table, key) → environment variable. The order is the documentation's.
KEYS: dict[tuple[str, str], str] = {
    ("publisher", "organisation"): "REPORTGEN_ORGANISATION",
    ("publisher", "contact"): "REPORTGEN_CONTACT",
    ("publisher", "author"): "REPORTGEN_AUTHOR",
    ("sender", "name"): "REPORTGEN_SENDER_NAME",
    ("sender", "address"): "REPORTGEN_SENDER_ADDRESS",
}
#: Tables of the file that other modules read and check.
OTHER_TABLES = frozenset({"smtp"})
MAX_LENGTH = 200


class SettingsError(ReportgenError):
    """A settings file or variable that cannot be used; names where and what."""


@dataclass(frozen=True)
class Sender:
    """Who signs and sends the messages; ``domain`` is the address's (the Message-ID's)."""

    name: str
    address: str
    organisation: str = ""

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[1].lower()


@dataclass(frozen=True)
class Settings:
    """Every setting, "" where none is given; ``file`` is the TOML file read, if any."""

    organisation: str = ""
    contact: str = ""
    author: str = ""
    sender_name: str = ""
    sender_address: str = ""
    file: Path | None = None

    def imprint(self, created: object) -> Imprint:
        """The run's imprint at build time ``created`` (``imprint.build_time()``)."""
        return Imprint(created, self.organisation, self.contact, self.author)  # type: ignore[arg-type]

    @property
    def sender(self) -> Sender | None:
        """The configured sender, or None without an address."""
        if not self.sender_address:
            return None
        return Sender(self.sender_name, self.sender_address, self.organisation)

    def where(self, table: str, key: str) -> str:
        """How a user sets one value, for messages: "[sender] address in reportgen.toml or
        REPORTGEN_SENDER_ADDRESS"."""
        name = self.file.name if self.file is not None else DEFAULT_FILE
        return f"[{table}] {key} in {name} or {KEYS[(table, key)]}"


def config_file(path: Path | None, environ: Mapping[str, str] | None = None) -> Path | None:
    """The settings file of this run: ``path`` (``--config``), else ``REPORTGEN_CONFIG``,
    else ``./reportgen.toml`` if present. A file named explicitly must exist."""
    environ = os.environ if environ is None else environ
    named = path or (Path(environ[CONFIG_ENV]) if environ.get(CONFIG_ENV, "").strip() else None)
    if named is not None:
        if not named.is_file():
            how = "--config" if path is not None else CONFIG_ENV
            raise SettingsError(f"{how}: no such settings file: {named}")
        return named
    default = Path(DEFAULT_FILE)
    return default if default.is_file() else None


def read_file(path: Path) -> dict[str, object]:
    """The file's TOML document; a file that is not valid TOML is the user's error."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: the settings file must be UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None


def load_settings(path: Path | None = None, environ: Mapping[str, str] | None = None) -> Settings:
    """The settings of this run (file, then environment over it), checked whole."""
    environ = os.environ if environ is None else environ
    file = config_file(path, environ)
    found: dict[tuple[str, str], tuple[str, str]] = {}  # key → (value, where it was given)
    if file is not None:
        found.update(_from_file(file, read_file(file)))
    for key, variable in KEYS.items():
        raw = environ.get(variable, "")
        if raw.strip():
            found[key] = (raw, f"environment variable {variable}")
    values = {key: _text(value, where) for key, (value, where) in found.items()}
    if ("sender", "address") in found:
        values[("sender", "address")] = _address(*found[("sender", "address")])
    return Settings(
        organisation=values.get(("publisher", "organisation"), ""),
        contact=values.get(("publisher", "contact"), ""),
        author=values.get(("publisher", "author"), ""),
        sender_name=values.get(("sender", "name"), ""),
        sender_address=values.get(("sender", "address"), ""),
        file=file,
    )


def _from_file(file: Path, document: Mapping[str, object]) -> dict[tuple[str, str], tuple[str, str]]:
    tables = {table for table, _ in KEYS}
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for table, content in document.items():
        if table in OTHER_TABLES:
            continue
        if table not in tables:
            raise SettingsError(f"{file}: unknown table [{table}]{_closest(table, sorted(tables | OTHER_TABLES))}")
        if not isinstance(content, Mapping):
            raise SettingsError(f"{file}: {table} must be a table ([{table}] with keys below it), found {content!r}")
        known = [key for t, key in KEYS if t == table]
        for key, value in content.items():
            if key not in known:
                raise SettingsError(f"{file}: unknown setting {table}.{key}{_closest(key, known, prefix=table)}")
            if not isinstance(value, str):
                raise SettingsError(f"{file}: {table}.{key} must be text in quotes, found {value!r}")
            if value.strip():
                found[(table, key)] = (value, f"{file}: {table}.{key}")
    return found


def _text(value: str, where: str) -> str:
    """One line of text: names go into document properties and mail headers."""
    text = value.strip()
    if any(ord(c) < 32 or c == "\x7f" for c in text):
        raise SettingsError(f"{where}: found {value!r}, expected one line of text without control characters")
    if len(text) > MAX_LENGTH:
        raise SettingsError(f"{where}: found {len(text)} characters, expected at most {MAX_LENGTH}")
    return text


def _address(value: str, where: str) -> str:
    """A bare e-mail address ``local@domain.tld``; a name goes in ``[sender] name``."""
    name, address = parseaddr(value)
    local, _, domain = address.rpartition("@")
    if name or address != value or not local or "." not in domain or any(c.isspace() for c in address):
        raise SettingsError(f"{where}: found {value!r}, expected one e-mail address such as analys@exempel.se")
    return address


def _closest(word: str, choices: list[str], prefix: str = "") -> str:
    match = difflib.get_close_matches(word, choices, n=1)
    if not match:
        return f" (known: {', '.join(f'{prefix}.{c}' if prefix else c for c in choices)})"
    return f" (did you mean {prefix + '.' if prefix else ''}{match[0]}?)"
