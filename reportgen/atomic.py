"""The one atomic writer: write under a temporary name, check, sync, rename into place.

Every file reportgen writes goes through here — outputs, manifests, answer files,
cached font copies, e-mails for review — so a crash or kill at any moment leaves either
the previous finished file or none under the final name, never a half-written one
(SPEC §7, issue 6 "Faults"), and every temporary name is one ``remove_stale_temps``
finds. A neutral module (DESIGN.md): ``io/``, ``figures/`` and ``batch/`` all use it.
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
    """``data`` as the whole content of ``final``."""
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
