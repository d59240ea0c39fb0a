"""Write a file under a temporary name, check it, then rename it into place.

A crash or kill at any moment leaves either the previous finished file or none under
the final name, never a half-written one (SPEC §7, issue 6 "Faults").
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

TEMP_PREFIX = ".tmp-"


def temp_path(final: Path) -> Path:
    """A temporary name in the same folder (so the rename is atomic) that keeps the
    suffix, since some writers choose the format by it."""
    return final.with_name(f"{TEMP_PREFIX}{os.getpid()}-{final.name}")


@contextlib.contextmanager
def atomic_output(final: Path, check: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Yield a temporary path to write; on success check it and rename it to ``final``."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(final)
    try:
        yield tmp
        if check is not None:
            check(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_bytes_atomic(final: Path, data: bytes) -> None:
    with atomic_output(final) as tmp:
        tmp.write_bytes(data)


def remove_stale_temps(folder: Path) -> int:
    """Delete temporary files a killed run left behind; returns how many."""
    removed = 0
    if folder.is_dir():
        for path in folder.rglob(f"{TEMP_PREFIX}*"):
            path.unlink(missing_ok=True)
            removed += 1
    return removed
