"""The one zip writer: bundles, and the PowerPoint and Excel packages, with every member
stamped at the run's build time (issue 18).

python-pptx stamps each part with the clock at the moment of saving and XlsxWriter with
1980-01-01, so neither file would say when it was built, and the PPTX would differ from
one second to the next. Every zip reportgen writes goes through here instead: members
in a fixed order, each at the one build time (``Imprint.zip_time``), with fixed
permissions, so the same input and ``SOURCE_DATE_EPOCH`` give the same bytes.
A neutral module: renderers and the batch both use it.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

DateTime = tuple[int, int, int, int, int, int]
#: rw-r--r-- for every member: no umask or platform in the bytes.
MEMBER_MODE = 0o644 << 16


def _info(name: str, date_time: DateTime, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=date_time)
    info.compress_type = compression
    info.external_attr = MEMBER_MODE
    info.create_system = 3  # Unix, whatever machine writes it
    return info


def write_zip(
    target: Path | BinaryIO,
    members: Iterable[tuple[str, bytes]],
    date_time: DateTime,
    *,
    compression: int = zipfile.ZIP_STORED,
    compresslevel: int | None = None,
    stored: tuple[str, ...] = (),
) -> None:
    """``members`` (name, content), in the order given, all at ``date_time``; members
    whose name ends with one of ``stored`` are stored whatever ``compression`` says
    (files compressed already: deflating them again costs time and saves nothing)."""
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members:
            method = zipfile.ZIP_STORED if stored and name.lower().endswith(stored) else compression
            archive.writestr(_info(name, date_time, method), data, compresslevel=compresslevel)


def restamp(
    data: bytes,
    date_time: DateTime | None,
    *,
    replace: Mapping[str, Callable[[bytes], bytes]] | None = None,
    compresslevel: int | None = None,
    compression: int | None = None,
) -> bytes:
    """The package ``data`` rewritten member by member, order kept, each at ``date_time``
    (None keeps the member's own) and with ``compression`` (None keeps each member's);
    ``replace`` rewrites named parts (document properties the writing library cannot set)."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for old in source.infolist():
            part = source.read(old.filename)
            if old.filename in replace:
                part = replace[old.filename](part)
            info = _info(
                old.filename, date_time or old.date_time, old.compress_type if compression is None else compression
            )
            target.writestr(info, part, compresslevel=compresslevel)
    return out.getvalue()
