"""``manifest.csv``: every file of a county folder with its size and SHA-256, so a sender
(or a recipient) can verify what was built (SPEC §8)."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from reportgen.atomic import TEMP_PREFIX, write_bytes_atomic

MANIFEST = "manifest.csv"
#: Files that describe the folder rather than belong to the delivery.
NOT_LISTED = {MANIFEST, ".reportgen-stamp.json", "delivery-log.csv"}


@dataclass(frozen=True)
class Entry:
    file: str  # relative to the county folder, with forward slashes
    bytes: int
    sha256: str


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def listed_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.name not in NOT_LISTED and not p.name.startswith(TEMP_PREFIX) and "eml" not in p.parts
    )


def scan(folder: Path) -> list[Entry]:
    return [Entry(p.relative_to(folder).as_posix(), p.stat().st_size, sha256_of(p)) for p in listed_files(folder)]


def write_manifest(folder: Path) -> list[Entry]:
    entries = scan(folder)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "bytes", "sha256"])
    for e in entries:
        writer.writerow([e.file, e.bytes, e.sha256])
    write_bytes_atomic(folder / MANIFEST, buffer.getvalue().encode("utf-8"))
    return entries


def read_manifest(folder: Path) -> list[Entry]:
    with (folder / MANIFEST).open(encoding="utf-8", newline="") as fh:
        return [Entry(r["file"], int(r["bytes"]), r["sha256"]) for r in csv.DictReader(fh)]


def verify_manifest(folder: Path) -> list[str]:
    """Problems found (missing files, wrong size or checksum, unlisted files); empty = OK."""
    problems: list[str] = []
    listed = {e.file: e for e in read_manifest(folder)}
    for name, entry in listed.items():
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: listed but missing")
        elif path.stat().st_size != entry.bytes or sha256_of(path) != entry.sha256:
            problems.append(f"{name}: size or checksum differs from the manifest")
    for path in listed_files(folder):
        if path.relative_to(folder).as_posix() not in listed:
            problems.append(f"{path.relative_to(folder).as_posix()}: present but not in the manifest")
    return problems
