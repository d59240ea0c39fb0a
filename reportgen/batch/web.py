"""Write a rendered web edition into the county folder, file by file through the atomic
writer (each file checked before it is renamed into place), and pack it for the bundles.

The edition is a folder, so a run also removes files an earlier run left there that
this one did not write: the manifest then lists exactly this build's pages.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from reportgen.archive import write_zip
from reportgen.atomic import TEMP_PREFIX
from reportgen.batch.checks import write_checked
from reportgen.imprint import Imprint
from reportgen.render.html import WebEdition


def write_web_edition(folder: Path, edition: WebEdition) -> list[Path]:
    """Every file of ``edition`` under ``folder``; returns the paths written."""
    written = []
    for name, data in sorted(edition.files.items()):
        path = folder / name
        written.append(write_checked(path, lambda tmp, data=data: tmp.write_bytes(data)))
    keep = set(written)
    for stale in sorted(folder.rglob("*"), reverse=True):
        if stale.is_file() and stale not in keep and not stale.name.startswith(TEMP_PREFIX):
            stale.unlink()
        elif stale.is_dir() and not any(stale.iterdir()):
            stale.rmdir()
    return written


def web_archive(folder: Path, files: list[Path], imprint: Imprint) -> bytes:
    """The written edition as one zip (deflated once, then stored in every bundle), its
    members under the folder's own name so it unpacks as ``<slug>-webb/``, each at the
    run's build time."""
    buffer = io.BytesIO()
    items = [(f"{folder.name}/{path.relative_to(folder).as_posix()}", path.read_bytes()) for path in files]
    write_zip(buffer, items, imprint.zip_time(), compression=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
