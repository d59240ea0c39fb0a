"""``delivery-log.csv``: one line per attempt and outcome, appended and flushed at once.

Before a message goes to the server an ``sending`` line is written; after the server's
answer, ``sent``, ``refused`` or ``failed``. A re-run skips every municipality whose
current content is logged ``sent``; one left at ``sending`` (the run was killed while
talking to the server) is *uncertain* and is not sent again without ``--resend``, so
nothing is ever sent twice by accident.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

LOG_NAME = "delivery-log.csv"
FIELDS = ["municipality", "respondent_id", "addresses", "message_id", "bundle_sha256", "time", "status", "detail"]


@dataclass(frozen=True)
class LogLine:
    municipality: str
    respondent_id: str
    addresses: str
    message_id: str
    bundle_sha256: str
    time: str
    status: str  # sending / sent / refused / failed
    detail: str = ""


class DeliveryLog:
    def __init__(self, folder: Path):
        self.path = folder / LOG_NAME

    def lines(self) -> list[LogLine]:
        if not self.path.exists():
            return []
        with self.path.open(encoding="utf-8", newline="") as fh:
            return [LogLine(**{k: row.get(k) or "" for k in FIELDS}) for row in csv.DictReader(fh)]

    def state(self) -> dict[tuple[str, str], str]:
        """Last status per (respondent id, message id)."""
        last: dict[tuple[str, str], str] = {}
        for line in self.lines():
            last[(line.respondent_id, line.message_id)] = line.status
        return last

    def delivered_ids(self) -> dict[str, set[str]]:
        """Message ids logged as sent, per municipality (respondent id)."""
        sent: dict[str, set[str]] = {}
        for (respondent, message_id), status in self.state().items():
            if status == "sent":
                sent.setdefault(respondent, set()).add(message_id)
        return sent

    def append(self, line: LogLine) -> None:
        new = not self.path.exists()
        with self.path.open("a", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
            if new:
                writer.writeheader()
            writer.writerow(line.__dict__)
            fh.flush()
            os.fsync(fh.fileno())


def now() -> str:
    return dt.datetime.now(dt.UTC).astimezone().isoformat(timespec="seconds")
