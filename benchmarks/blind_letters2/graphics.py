"""Raster graphics: regional emblem placeholder, QR-like code, official stamp, signature."""
import io
import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"


def _font(size, bold=True):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(FONT_DIR + name, size)


def star_points(cx, cy, r_out, r_in, n=5, rot=-90):
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + i * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def emblem(seed, size=360, grey=False):
    """A shield-shaped emblem standing in for a regional coat of arms."""
    rng = random.Random(seed)
    img = Image.new("RGBA", (size, int(size * 1.2)), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    w, h = img.size
    palette = [(0, 122, 61), (200, 30, 40), (20, 70, 160), (230, 180, 20), (110, 60, 20)]
    c1, c2 = rng.sample(palette, 2)
    if grey:
        c1, c2 = (60, 60, 60), (150, 150, 150)
    shape = rng.choice(["shield", "pentagon", "oval"])
    m = size * 0.06
    if shape == "shield":
        poly = [(m, m), (w - m, m), (w - m, h * 0.55), (w / 2, h - m), (m, h * 0.55)]
        d.polygon(poly, fill=c1, outline=(0, 0, 0), width=6)
    elif shape == "pentagon":
        poly = [(w / 2, m), (w - m, h * 0.3), (w - m * 1.5, h - m), (m * 1.5, h - m), (m, h * 0.3)]
        d.polygon(poly, fill=c1, outline=(0, 0, 0), width=6)
    else:
        d.ellipse([m, m, w - m, h - m], fill=c1, outline=(0, 0, 0), width=6)
    # inner motifs: star, stripes, a "rice and cotton" arc of dots
    d.polygon(star_points(w / 2, h * 0.28, size * 0.13, size * 0.055), fill=(250, 215, 0) if not grey else (230, 230, 230))
    for i in range(rng.randint(2, 4)):
        y = h * (0.45 + 0.07 * i)
        d.rectangle([w * 0.25, y, w * 0.75, y + h * 0.03], fill=c2)
    for i in range(9):
        a = math.radians(200 + i * 17.5)
        d.ellipse([w / 2 + size * 0.36 * math.cos(a) - 8, h * 0.52 + size * 0.36 * math.sin(a) - 8,
                   w / 2 + size * 0.36 * math.cos(a) + 8, h * 0.52 + size * 0.36 * math.sin(a) + 8],
                  fill=(250, 230, 120) if not grey else (200, 200, 200))
    return img


def qr_image(seed, modules=29, box=8):
    """Random QR-looking matrix with the three finder patterns."""
    rng = np.random.RandomState(seed % (2 ** 31))
    m = rng.rand(modules, modules) < 0.5

    def finder(r, c):
        m[r:r + 7, c:c + 7] = True
        m[r + 1:r + 6, c + 1:c + 6] = False
        m[r + 2:r + 5, c + 2:c + 5] = True
        # separator
        for rr in range(r - 1, r + 8):
            for cc in range(c - 1, c + 8):
                if 0 <= rr < modules and 0 <= cc < modules and not (r <= rr < r + 7 and c <= cc < c + 7):
                    m[rr, cc] = False
    finder(0, 0)
    finder(0, modules - 7)
    finder(modules - 7, 0)
    q = 4
    arr = np.ones((modules + 2 * q, modules + 2 * q), dtype=np.uint8) * 255
    arr[q:q + modules, q:q + modules] = np.where(m, 0, 255)
    img = Image.fromarray(arr).resize(((modules + 2 * q) * box,) * 2, Image.NEAREST)
    return img.convert("RGB")


def _arc_text(img, text, cx, cy, radius, font, color, top=True):
    """Draw text along a circle arc (top arc reads left->right clockwise)."""
    d = ImageDraw.Draw(img)
    widths = [d.textlength(ch, font=font) for ch in text]
    total = sum(widths) * 1.08
    span = total / radius  # radians
    max_span = math.radians(150)
    spacing = 1.0
    if span > max_span:
        spacing = max_span / span
        span = max_span
    ang = (-math.pi / 2 - span / 2) if top else (math.pi / 2 + span / 2)
    for ch, w in zip(text, widths):
        step = w * 1.08 * spacing / radius
        a = ang + (step / 2 if top else -step / 2)
        x = cx + radius * math.cos(a)
        y = cy + radius * math.sin(a)
        tile = Image.new("L", (int(font.size * 1.6),) * 2, 0)
        ImageDraw.Draw(tile).text((tile.size[0] / 2, tile.size[1] / 2), ch, font=font, fill=255, anchor="mm")
        rot = -math.degrees(a) - 90 if top else -math.degrees(a) + 90
        tile = tile.rotate(rot, resample=Image.BICUBIC)
        img.paste(Image.new("RGBA", tile.size, color + (255,)), (int(x - tile.size[0] / 2), int(y - tile.size[1] / 2)), tile)
        ang += step if top else -step


def stamp(seed, top_text, bottom_text, center_text, color, size=520):
    """Round official stamp (cap dinas) as RGBA with a worn ink texture."""
    rng = np.random.RandomState(seed % (2 ** 31))
    img = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    r1, r2 = size * 0.48, size * 0.33
    ink = color + (255,)
    d.ellipse([c - r1, c - r1, c + r1, c + r1], outline=ink, width=int(size * 0.018))
    d.ellipse([c - r1 + size * 0.03, c - r1 + size * 0.03, c + r1 - size * 0.03, c + r1 - size * 0.03],
              outline=ink, width=int(size * 0.007))
    d.ellipse([c - r2, c - r2, c + r2, c + r2], outline=ink, width=int(size * 0.012))
    fs = int(size * 0.072) if len(top_text) < 28 else int(size * 0.06)
    _arc_text(img, top_text, c, c, (r1 + r2) / 2 + size * 0.005, _font(fs), color, top=True)
    _arc_text(img, bottom_text, c, c, (r1 + r2) / 2 + size * 0.005, _font(int(size * 0.062)), color, top=False)
    d.polygon(star_points(c, c - size * 0.07, size * 0.1, size * 0.04), fill=ink)
    for k, line in enumerate(center_text[:2]):
        d.text((c, c + size * (0.08 + 0.08 * k)), line, font=_font(int(size * 0.055)), fill=ink, anchor="mm")
    # two small stars separating the arcs
    for sx in (c - (r1 + r2) / 2, c + (r1 + r2) / 2):
        d.polygon(star_points(sx, c, size * 0.03, size * 0.012), fill=ink)
    # worn ink: modulate alpha with smooth noise
    a = np.array(img.split()[3]).astype(np.float32) / 255
    noise = rng.rand(size // 16 + 1, size // 16 + 1)
    noise = np.array(Image.fromarray((noise * 255).astype(np.uint8)).resize((size, size), Image.BICUBIC)) / 255.0
    speck = rng.rand(size, size)
    a = a * np.clip(0.35 + 0.9 * noise, 0, 1) * (speck > 0.08)
    img.putalpha(Image.fromarray((a * 230).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.0)))
    return img


def signature(seed, color=(20, 30, 120), size=(520, 220)):
    """Handwritten-looking scribble."""
    rng = random.Random(seed)
    img = Image.new("RGBA", size, (255, 255, 255, 0))
    d = ImageDraw.Draw(img)
    w, h = size
    pts = []
    x = w * 0.08
    y = h * 0.6
    for i in range(rng.randint(5, 9)):
        for t in range(14):
            a = t / 14 * 2 * math.pi
            pts.append((x + 18 * math.cos(a) + t * 2.5, y - 35 * math.sin(a) * rng.uniform(0.6, 1.3)))
        x += rng.uniform(30, 60)
        y += rng.uniform(-12, 12)
    for i in range(len(pts) - 1):
        d.line([pts[i], pts[i + 1]], fill=color + (255,), width=rng.choice([3, 4, 5]))
    # underline flourish
    x0 = w * rng.uniform(0.05, 0.2)
    d.line([(x0, h * 0.8), (w * 0.9, h * rng.uniform(0.55, 0.85))], fill=color + (255,), width=4)
    return img.filter(ImageFilter.GaussianBlur(0.6))


def to_png_bytes(img):
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    return buf
