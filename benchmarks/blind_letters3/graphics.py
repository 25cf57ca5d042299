"""Drawn pictures: emblems, a QR-like code, a round stamp and a wet signature."""
from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def emblem(path: Path, variant: int) -> Path:
    """A regional emblem (shield) or a round department logo, as PNG."""
    if path.exists():
        return path
    im = Image.new("RGB", (360, 420), "white")
    d = ImageDraw.Draw(im)
    if variant == 0:
        d.polygon([(30, 20), (330, 20), (330, 230), (180, 400), (30, 230)], fill=(20, 110, 60),
                  outline=(200, 160, 20), width=14)
        star(d, 180, 130, 70, (240, 200, 40))
        for k in range(5):
            d.ellipse((90 + 40 * k, 250, 120 + 40 * k, 280), fill=(240, 200, 40))
    else:
        d.ellipse((20, 40, 340, 360), fill=(20, 70, 150), outline=(220, 30, 30), width=16)
        d.ellipse((90, 110, 270, 290), fill="white")
        star(d, 180, 200, 70, (220, 30, 30))
    im.save(path)
    return path


def star(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill) -> None:
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = r if k % 2 == 0 else r * 0.42
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=fill)


def qr(path: Path, seed: str) -> Path:
    rng = random.Random(seed)
    n, px = 29, 8
    im = Image.new("L", ((n + 8) * px, (n + 8) * px), 255)
    d = ImageDraw.Draw(im)

    def box(x, y, w, fill):
        d.rectangle(((x + 4) * px, (y + 4) * px, (x + 4 + w) * px - 1, (y + 4 + w) * px - 1),
                    fill=fill)
    for y in range(n):
        for x in range(n):
            if rng.random() < 0.5:
                box(x, y, 1, 0)
    for x, y in ((0, 0), (n - 7, 0), (0, n - 7)):
        box(x, y, 7, 0)
        box(x + 1, y + 1, 5, 255)
        box(x + 2, y + 2, 3, 0)
    im.save(path)
    return path


def stamp(text: str, size: int, colour: tuple[int, int, int], rng: random.Random) -> Image.Image:
    """A round rubber stamp as RGBA: two rings, text around, a star in the middle."""
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    c, w = size / 2, max(3, size // 60)
    ink = (*colour, 255)
    d.ellipse((w, w, size - w, size - w), outline=ink, width=w * 2)
    d.ellipse((size * 0.2, size * 0.2, size * 0.8, size * 0.8), outline=ink, width=w)
    star(d, c, c, size * 0.14, ink)
    font = ImageFont.truetype(FONT, max(10, size // 13))
    text = text.upper()
    span = math.pi * 1.6
    for k, ch in enumerate(text):
        a = -math.pi / 2 - span / 2 + span * (k + 0.5) / len(text)
        glyph = Image.new("RGBA", (size // 8, size // 8), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((size // 16, size // 16), ch, font=font, fill=ink,
                                   anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        r = size * 0.39
        x, y = c + r * math.cos(a) - glyph.width / 2, c + r * math.sin(a) - glyph.height / 2
        im.alpha_composite(glyph, (int(x), int(y)))
    # worn ink: knock out random specks
    px = im.load()
    for _ in range(size * size // 25):
        x, y = rng.randrange(size), rng.randrange(size)
        r, g, b, a = px[x, y]
        px[x, y] = (r, g, b, int(a * rng.uniform(0.1, 0.7)))
    return im.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)


def signature(w: int, h: int, rng: random.Random) -> Image.Image:
    """A wet-ink scribble as RGBA."""
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    ink = (rng.randint(0, 30), rng.randint(10, 40), rng.randint(90, 150), 235)
    width = max(2, h // 28)
    x, y = w * 0.08, h * 0.6
    pts = [(x, y)]
    for _ in range(rng.randint(5, 9)):
        dx = rng.uniform(w * 0.04, w * 0.14)
        for t in range(14):
            x += dx / 14
            y = h * 0.5 + h * 0.33 * math.sin(t / 14 * 2 * math.pi + rng.uniform(-1, 1)) \
                * rng.uniform(0.6, 1.0)
            pts.append((min(x, w - 4), y))
    d.line(pts, fill=ink, width=width, joint="curve")
    d.line([(w * 0.05, h * 0.8), (w * rng.uniform(0.6, 0.95), h * rng.uniform(0.55, 0.9))],
           fill=ink, width=width)
    return im
