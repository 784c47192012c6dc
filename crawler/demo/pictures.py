"""Small real PNG files for the sample blog's images, coloured by their path so each image differs."""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache

WIDTH, HEIGHT = 60, 40


@lru_cache(maxsize=512)
def png(path: str) -> bytes:
    red, green, blue = (zlib.crc32(path.encode()) >> shift & 0xFF for shift in (0, 8, 16))
    row = b"\x00" + bytes((red, green, blue)) * WIDTH
    raw = row * HEIGHT
    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw)) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
