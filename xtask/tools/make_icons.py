#!/usr/bin/env python3
"""Draws GridCare's app icons (the favicon's yellow bolt on blue) as PNG files, with the
standard library only: `python3 public/icons/make_icons.py` writes icon-192.png, icon-512.png
and maskable-512.png beside this file. The PNGs are committed; run this after changing the design.
"""
import os
import struct
import zlib

BLUE = (0x0A, 0x4F, 0x9E)
YELLOW = (0xFF, 0xD2, 0x3F)
# The favicon's bolt, in its 32 x 32 box.
BOLT = [(18, 3), (7, 18), (14, 18), (12, 29), (23, 14), (16, 14)]


def inside(poly, x, y):
    hit = False
    j = len(poly) - 1
    for i in range(len(poly)):
        (xi, yi), (xj, yj) = poly[i], poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def draw(size, scale, radius):
    """Pixels of a `size` icon: the bolt drawn at `scale` of the box, centred; the blue square's
    corners rounded by `radius` (of 32), transparent outside them."""
    n = 4  # samples per side of a pixel
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            blue = bolt = 0
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) * 32 / size
                    y = (py + (sy + 0.5) / n) * 32 / size
                    cx, cy = min(max(x, radius), 32 - radius), min(max(y, radius), 32 - radius)
                    if (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2:
                        continue
                    bx, by = (x - 16) / scale + 16, (y - 16) / scale + 16
                    if inside(BOLT, bx, by):
                        bolt += 1
                    else:
                        blue += 1
            total = n * n
            alpha = (blue + bolt) / total
            if blue + bolt == 0:
                row += bytes(4)
                continue
            mix = [(b * blue + y * bolt) / (blue + bolt) for b, y in zip(BLUE, YELLOW)]
            row += bytes(round(c) for c in mix) + bytes([round(alpha * 255)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(path, size, pixels):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", header))
        f.write(chunk(b"IDAT", zlib.compress(pixels, 9)))
        f.write(chunk(b"IEND", b""))


here = os.path.dirname(os.path.abspath(__file__))
png(os.path.join(here, "icon-192.png"), 192, draw(192, 1.0, 7))
png(os.path.join(here, "icon-512.png"), 512, draw(512, 1.0, 7))
# Maskable: full bleed, the bolt inside the central safe circle (radius 40 % of the side).
png(os.path.join(here, "maskable-512.png"), 512, draw(512, 0.72, 0))
