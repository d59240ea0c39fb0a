"""Who published a run's files and when: one value every writer stamps (SPEC §10, issue 18).

A run decides its build time once — the moment it starts, or ``SOURCE_DATE_EPOCH``
when that is set (reproducible builds) — and carries it, with the publishing
organisation, its contact and the author from the settings (``reportgen.settings``), as
one :class:`Imprint` to every writer: PDF Info and XMP, PowerPoint and workbook
properties, zip member times, the title slides and profiles. No writer reads a clock.

Without settings nobody is named: ``creator`` is empty, so no person and no tool
appears as a file's author; only the producer fields (``PRODUCER``) name reportgen,
which is what those fields are for. A neutral module: every layer may use it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass

from reportgen import __version__
from reportgen.errors import ReportgenError

#: The tool, for the fields that name the program that wrote a file (PDF Producer and
#: CreatorTool, the Office "Application"), never for its author.
PRODUCER = f"reportgen {__version__}"
#: Zip stores local time from 1980 on (MS-DOS dates); earlier build times are clamped.
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Imprint:
    """The publisher's line of one run: build time (aware, UTC, whole seconds) and the
    configured organisation, contact and author (each "" when not set)."""

    created: dt.datetime
    organisation: str = ""
    contact: str = ""
    author: str = ""  # a person, when the settings name one

    def __post_init__(self) -> None:
        if self.created.tzinfo is None:
            raise ValueError("an imprint's build time must carry its time zone")
        object.__setattr__(self, "created", self.created.astimezone(dt.UTC).replace(microsecond=0))

    @property
    def creator(self) -> str:
        """The author as files state it: the person, else the organisation, else ""."""
        return self.author or self.organisation

    @property
    def utc(self) -> dt.datetime:
        """The build time as a naive UTC datetime (what python-pptx and openpyxl take)."""
        return self.created.replace(tzinfo=None)

    def pdf_date(self) -> str:
        """``D:20231114221320+00'00'`` (ISO 32000-1 §7.9.4)."""
        return self.created.strftime("D:%Y%m%d%H%M%S+00'00'")

    def iso(self) -> str:
        """``2023-11-14T22:13:20Z`` (XMP, Office core properties, HTML ``<meta>``)."""
        return self.created.strftime("%Y-%m-%dT%H:%M:%SZ")

    def zip_time(self) -> tuple[int, int, int, int, int, int]:
        """The zip members' time: the build time in UTC, from 1980 on."""
        return zip_time(self.created)


def zip_time(when: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """``when`` as a zip member's date and time: UTC (a naive time is taken as UTC),
    whole seconds, from 1980 on."""
    when = max(when if when.tzinfo else when.replace(tzinfo=dt.UTC), ZIP_EPOCH).astimezone(dt.UTC)
    return (when.year, when.month, when.day, when.hour, when.minute, when.second)


def build_time(environ: Mapping[str, str] | None = None, now: dt.datetime | None = None) -> dt.datetime:
    """The time one run stamps into every file: ``SOURCE_DATE_EPOCH`` (whole seconds
    since 1970, UTC) when set, otherwise the moment of calling — call it once per run."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise ReportgenError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970 (UTC), found {epoch!r}")
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        except (OverflowError, OSError, ValueError):
            raise ReportgenError(f"SOURCE_DATE_EPOCH {epoch!r} is not a time this machine can represent") from None
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
