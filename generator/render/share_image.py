"""The picture a share preview (Open Graph, Twitter card) shows for a plan's pages, made at build
time in pure Python (zlib and struct: a PNG needs nothing more), so a build downloads nothing and
needs no image library or font.

It shows no words (a font would be a dependency); `og:image:alt` names the site. The picture is a
page of a plan on the site's own header colour (the city's identity), with a band whose colour is
drawn from the municipality's name, so each plan's previews look alike and differ from another plan's.
"""

from __future__ import annotations

import colorsys
import functools
import hashlib
import struct
import zlib

WIDTH, HEIGHT = 1200, 630  # the size Open Graph and Twitter's large card expect (1.91:1)
INDIGO = (63, 81, 181)  # Material's "indigo" primary: the header colour of a site without an identity of its own
WHITE = (255, 255, 255)
LINE = (197, 202, 233)


def _accent(seed: str) -> tuple[int, int, int]:
    hue = int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:2], "big") / 65536
    red, green, blue = colorsys.hls_to_rgb(hue, 0.45, 0.65)
    return round(red * 255), round(green * 255), round(blue * 255)


def _row(spans: list[tuple[int, int, tuple[int, int, int]]], background: tuple[int, int, int]) -> bytes:
    """One scanline: the background, with each (start, end, colour) span painted over it in order."""
    pixels = bytearray(bytes(background) * WIDTH)
    for start, end, colour in spans:
        pixels[start * 3:end * 3] = bytes(colour) * (end - start)
    return b"\x00" + bytes(pixels)  # filter type 0 (none)


@functools.cache  # the same plan is built once per language, and again on each serve rebuild
def share_png(seed: str, background: tuple[int, int, int] = INDIGO) -> bytes:
    """The share picture of the plan whose municipality is named `seed`, on the site's header colour, as PNG."""
    accent = _accent(seed)
    card = (300, 900)  # a sheet of paper, centred
    lines = [(y, y + 18, 360, 840 if i % 3 != 2 else 700) for i, y in enumerate(range(250, 520, 45))]
    scanlines = []
    for y in range(HEIGHT):
        spans = []
        if 70 <= y < 580:
            spans.append((card[0], card[1], WHITE))
        if 120 <= y < 190:
            spans.append((360, 840, accent))  # the title band
        for top, bottom, start, end in lines:
            if top <= y < bottom:
                spans.append((start, end, LINE))
        scanlines.append(_row(spans, background))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"".join(scanlines), 9)) + chunk(b"IEND", b""))
