"""A plain PNG writer for the charts' PowerPoint pictures.

Pillow picks a PNG filter row by row, trying all five, and then deflates at level 6:
about 20 ms for a 6-inch chart at 150 dpi, a fifth of a chart's whole cost. Charts are
flat colour on white: the "Up" filter on every row (one numpy subtraction) and deflate at
level 3 take about 6 ms, for files some 12 % larger than Pillow's (measured on a Skåne
deck's 140 charts; level 4 gives Pillow's size at 10 ms). The pixels are exactly the ones
rendered (a lossless format; tests decode and compare).
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 3  # deflate level (see above)
UP = 2  # PNG filter type: each byte minus the byte above it


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def encode_rgb(pixels: np.ndarray, dpi: float, level: int = LEVEL) -> bytes:
    """PNG of an ``height × width × 3`` uint8 RGB array, with ``dpi`` recorded (pHYs)."""
    if pixels.ndim != 3 or pixels.shape[2] != 3 or pixels.dtype != np.uint8:
        raise ValueError(f"expected a height × width × 3 uint8 array, got {pixels.shape} {pixels.dtype}")
    height, width = pixels.shape[:2]
    raw = pixels.reshape(height, width * 3)
    rows = np.empty((height, width * 3 + 1), dtype=np.uint8)
    rows[:, 0] = UP
    rows[0, 1:] = raw[0]  # the row above the first is zeros
    np.subtract(raw[1:], raw[:-1], out=rows[1:, 1:])  # uint8 arithmetic wraps modulo 256, as PNG's does
    deflate = zlib.compressobj(level, zlib.DEFLATED, 15, 9)
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
