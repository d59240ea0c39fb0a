"""A plain PNG writer for the charts' PowerPoint pictures.

Pillow picks a PNG filter row by row, trying all five, and then deflates at level 6:
about 20 ms for a 6-inch chart at 150 dpi, a fifth of a chart's whole cost. Charts are
flat colour on white, runs that deflate finds without any filter: no filter (type 0) and
deflate at level 3 take about 5 ms a chart. The "Up" filter this writer used first gave
3 % larger files for a Skåne deck's 140 charts and cost a little more (issue 19). The
deflating is zlib-ng's, not zlib's: a standard zlib stream, for a Skåne deck's 140
pictures 0.18 s of CPU instead of 0.71 s and 2 % smaller at the same level. Level 2
rather than 3: for 60 of Skåne's deck charts 1.34 against 1.83 ms a picture for 2 % more
bytes (level 1 is no faster and a third larger). The pixels are exactly the ones
rendered (a lossless format; tests decode and compare).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from zlib_ng import zlib_ng

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 2  # deflate level (see above)
NONE = 0  # PNG filter type: the bytes as they are


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def encode_rgb(pixels: np.ndarray, dpi: float, level: int = LEVEL) -> bytes:
    """PNG of an ``height × width × 3`` uint8 RGB array, with ``dpi`` recorded (pHYs)."""
    if pixels.ndim != 3 or pixels.shape[2] != 3 or pixels.dtype != np.uint8:
        raise ValueError(f"expected a height × width × 3 uint8 array, got {pixels.shape} {pixels.dtype}")
    height, width = pixels.shape[:2]
    rows = np.empty((height, width * 3 + 1), dtype=np.uint8)
    rows[:, 0] = NONE  # each row starts with its filter type
    rows[:, 1:] = pixels.reshape(height, width * 3)
    deflate = zlib_ng.compressobj(level, zlib_ng.DEFLATED, 15, 9)
    per_metre = int(dpi / 0.0254 + 0.5)  # as Pillow writes it
    return b"".join(
        (
            SIGNATURE,
            _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
            _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            _chunk(b"IDAT", deflate.compress(rows.data) + deflate.flush()),
            _chunk(b"IEND", b""),
        )
    )
