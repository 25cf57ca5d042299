"""Pictures: a regional emblem, the kop as one image, a QR code, a wet signature, a stamp."""
from __future__ import annotations

import math
import random
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype"
SERIF_B = f"{FONT_DIR}/liberation2/LiberationSerif-Bold.ttf"
SERIF = f"{FONT_DIR}/liberation2/LiberationSerif-Regular.ttf"
SANS_B = f"{FONT_DIR}/dejavu/DejaVuSans-Bold.ttf"
SANS = f"{FONT_DIR}/dejavu/DejaVuSans.ttf"


def emblem(path: Path, rng: random.Random) -> Path:
    """A shield with a star, a gate and rice/cotton sprigs: a generic regional emblem."""
    w, h = 400, 480
    im = Image.new("RGBA", (w, h), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    base = rng.choice([(20, 110, 60), (200, 30, 30), (20, 70, 160), (230, 170, 20)])
    rim = (240, 190, 30) if base != (230, 170, 20) else (20, 110, 60)
    shield = [(20, 20), (380, 20), (380, 250), (200, 460), (20, 250)]
    d.polygon(shield, fill=rim)
    inner = [(45, 45), (355, 45), (355, 240), (200, 420), (45, 240)]
    d.polygon(inner, fill=base)
    cx, cy, R = 200, 120, 48
    pts = []
    for k in range(10):
        a = -math.pi / 2 + k * math.pi / 5
        rr = R if k % 2 == 0 else R * 0.42
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=(250, 220, 40))
    d.rectangle([150, 210, 250, 330], fill=(250, 250, 250))
    d.polygon([(140, 215), (260, 215), (200, 175)], fill=(120, 60, 20))
    for side in (-1, 1):
        for k in range(7):
            x = 200 + side * (95 - k * 4)
            y = 190 + k * 28
            d.ellipse([x - 9, y - 14, x + 9, y + 14], fill=(250, 220, 40) if side < 0
                      else (250, 250, 250))
    d.rectangle([70, 360, 330, 395], fill=(250, 250, 250))
    im.save(path)
    return path


def _font(path: str, px: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(8, int(px)))


def kop_image(path: Path, kop: dict, logo: Path, width_mm: float, addr_pt: float,
              rule: str, dpi: int = 250) -> tuple[Path, float]:
    """Draw the whole kop (emblem, centred lines, address, rule) as one picture.

    Returns the path and the picture's height in mm at the given width."""
    pxmm = dpi / 25.4
    pt = dpi / 72
    W = int(width_mm * pxmm)
    lines = ([(ln, _font(SERIF_B, 14 * pt)) for ln in kop["parent"]]
             + [(ln, _font(SERIF_B, 17 * pt)) for ln in kop["unit"]]
             + [(ln, _font(SERIF, addr_pt * pt)) for ln in kop["address"]])
    heights = [f.getbbox("Ag")[3] + int(2 * pt) for _, f in lines]
    text_h = sum(heights)
    logo_w = int(24 * pxmm)
    H = max(text_h, int(logo_w * 1.2)) + int(8 * pxmm)
    im = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(im)
    em = Image.open(logo).convert("RGBA")
    em = em.resize((logo_w, int(logo_w * 1.2)))
    im.paste(em, (int(2 * pxmm), int(2 * pxmm)), em)
    left = logo_w + int(4 * pxmm)
    avail = W - left - int(2 * pxmm)
    y = int(2 * pxmm) + max(0, (int(logo_w * 1.2) - text_h) // 2)
    for (text, f), hh in zip(lines, heights):
        f2 = f
        while f2.getlength(text) > avail and f2.size > 10:
            f2 = ImageFont.truetype(f.path, f2.size - 2)
        x = left + (avail - f2.getlength(text)) / 2
        d.text((x, y), text, font=f2, fill="black")
        y += hh
    ry = H - int(4 * pxmm)
    if rule in ("tebal-tipis", "ganda"):
        d.rectangle([0, ry, W, ry + (int(1.2 * pxmm) if rule == "tebal-tipis" else 3)],
                    fill="black")
        d.rectangle([0, ry + int(1.9 * pxmm), W, ry + int(1.9 * pxmm) + 3], fill="black")
    else:
        d.rectangle([0, ry, W, ry + int(0.6 * pxmm)], fill="black")
    im.save(path, dpi=(dpi, dpi))
    return path, H / pxmm


def qr(path: Path, payload: str) -> Path:
    img = qrcode.make(payload, box_size=6, border=1)
    img.save(path)
    return path


def signature(rng: random.Random, w: int, h: int, ink) -> Image.Image:
    """A loopy handwritten scribble (RGBA)."""
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    pts, x = [], w * 0.08
    y0 = h * 0.55
    n = rng.randint(5, 9)
    for k in range(n * 12):
        t = k / 12
        x = w * 0.08 + (w * 0.75) * k / (n * 12)
        y = y0 + math.sin(t * 2.4 + rng.random() * 0.3) * h * 0.28 * (1 - 0.4 * (k % 12) / 12)
        y += math.cos(t * 5.1) * h * 0.08
        pts.append((x + math.sin(t * 6.0) * w * 0.03, y))
    width = max(2, w // 120)
    d.line(pts, fill=ink, width=width, joint="curve")
    # an underline flourish and a first loop
    d.line([(w * 0.05, h * 0.8), (w * 0.5, h * 0.72), (w * 0.95, h * 0.62)], fill=ink,
           width=width)
    d.ellipse([w * 0.06, h * 0.15, w * 0.22, h * 0.7], outline=ink, width=width)
    return im


def stamp(rng: random.Random, size: int, ring: str, centre: list[str], ink) -> Image.Image:
    """A round office stamp: two rings, text around the ring, a star and the unit inside."""
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    c = size / 2
    lw = max(2, size // 90)
    d.ellipse([lw, lw, size - lw, size - lw], outline=ink, width=lw * 2)
    r2 = size * 0.34
    d.ellipse([c - r2, c - r2, c + r2, c + r2], outline=ink, width=lw)
    f = _font(SANS_B, size * 0.075)
    text = ring.upper()
    span = min(300.0, 14.0 * len(text) * 0.75)
    start = -90 - span / 2
    rr = size * 0.41
    for k, ch in enumerate(text):
        a = math.radians(start + span * (k + 0.5) / len(text))
        glyph = Image.new("RGBA", (int(size * 0.1), int(size * 0.1)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, font=f, fill=ink,
                                   anchor="mm")
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        x, y = c + rr * math.cos(a), c + rr * math.sin(a)
        im.alpha_composite(glyph, (int(x - glyph.width / 2), int(y - glyph.height / 2)))
    fc = _font(SANS_B, size * 0.07)
    for k, ln in enumerate(centre[:3]):
        y = c + (k - (len(centre[:3]) - 1) / 2) * size * 0.09
        while fc.getlength(ln) > r2 * 1.8 and fc.size > 8:
            fc = ImageFont.truetype(SANS_B, fc.size - 1)
        d.text((c, y), ln, font=fc, fill=ink, anchor="mm")
    sx = c
    for k in range(5):
        a = -math.pi / 2 + k * 4 * math.pi / 5
        d.line([(sx, size * 0.9), (sx + size * 0.03 * math.cos(a), size * 0.9 +
                                   size * 0.03 * math.sin(a))], fill=ink, width=lw)
    return im.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
