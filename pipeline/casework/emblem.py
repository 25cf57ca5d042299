# SPDX-License-Identifier: AGPL-3.0-or-later
"""Draw the example's neutral emblem (lambang) for the letterhead, with Pillow.

A regional-government letter carries the region's emblem at the left of the kop. The example
workspace and the demo must not borrow a real region's emblem, so this draws a plain shield that
says CONTOH (sample); an office sets its own with `[office] emblem = "….png"`. The PNG is
committed; this script is how it is made. Run: `.venv/bin/python pipeline/casework/emblem.py`.
"""
from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "rules" / "templates" / "lambang-contoh.png"
SIZE = (300, 360)          # drawn at 4x and scaled down, so the edges are smooth
INK, PAPER = (0, 0, 0, 255), (255, 255, 255, 255)


def _shield(w: int, h: int, inset: float) -> list[tuple[float, float]]:
    """A shield outline: flat top, straight sides, a curved point at the bottom."""
    left, right, top = inset, w - inset, inset
    side_end, tip = h * 0.55, h - inset
    pts = [(left, top), (right, top), (right, side_end)]
    steps = 24
    for i in range(1, steps):                      # right half of the point, then the left
        t = i / steps
        pts.append((right - (right - w / 2) * t, side_end + (tip - side_end) * t ** 0.7))
    pts.append((w / 2, tip))
    for i in range(steps - 1, 0, -1):
        t = i / steps
        pts.append((left + (w / 2 - left) * t, side_end + (tip - side_end) * t ** 0.7))
    pts.append((left, side_end))
    return pts


def _star(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    import math
    pts = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.4
        angle = -math.pi / 2 + i * math.pi / 5
        pts.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return pts


def _font(size: int):
    from PIL import ImageFont
    for name in ("LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def draw():
    """The emblem as a Pillow image: black ink on white, transparent around the shield."""
    from PIL import Image, ImageDraw
    k = 4
    w, h = SIZE[0] * k, SIZE[1] * k
    img = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    d.polygon(_shield(w, h, 6 * k), fill=INK)
    d.polygon(_shield(w, h, 16 * k), fill=PAPER)
    d.polygon(_shield(w, h, 22 * k), outline=INK, width=3 * k)
    d.polygon(_star(w / 2, h * 0.28, 58 * k), fill=INK)
    band_top, band_h = h * 0.47, 52 * k
    d.rectangle((22 * k, band_top, w - 22 * k, band_top + band_h), fill=INK)
    font = _font(40 * k)
    d.text((w / 2, band_top + band_h / 2), "CONTOH", fill=PAPER, font=font, anchor="mm")
    for i in range(3):                              # three plain bars under the band
        y = band_top + band_h + (22 + 24 * i) * k
        inset = (70 + 26 * i) * k
        d.rectangle((inset, y, w - inset, y + 10 * k), fill=INK)
    return img.resize(SIZE, Image.LANCZOS)


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    draw().save(out, optimize=True)
    print(out)


if __name__ == "__main__":
    main(sys.argv)
