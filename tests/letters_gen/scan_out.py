"""A text PDF made into what a scanner or a phone sends: skewed, noisy, JPEG, stamped; a phone
photo also in perspective, unevenly lit, softer and at lower JPEG quality."""
from __future__ import annotations

import io
import random
import subprocess
import tempfile
from pathlib import Path

STAMP_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _signer_box(pdf: bytes, name: str, dpi: int) -> list[tuple[int, float, float]]:
    """(page index, x, y) in pixels of the signer's name on each page where it is printed."""
    import pdfplumber

    first = name.split()[0].rstrip(",")
    hits = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for k, page in enumerate(doc.pages):
            words = [w for w in page.extract_words() if w["text"].rstrip(",") == first]
            if words:
                w = words[-1]
                hits.append((k, w["x0"] * dpi / 72, w["top"] * dpi / 72))
    return hits


def _stamp(img, x: float, y: float, rng: random.Random, colour: bool):
    """A round office stamp whose right half lies over the start of the signer's name."""
    from PIL import Image, ImageChops, ImageDraw, ImageFont

    r = int(img.width * 0.075)
    ink = (rng.randint(60, 110), rng.randint(40, 80), rng.randint(150, 200)) if colour \
        else rng.randint(150, 175)
    layer = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(layer)
    cx, cy = int(x + rng.uniform(-0.2, 0.4) * r), int(y - rng.uniform(0.2, 0.8) * r)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=255, width=max(3, r // 14))
    d.ellipse((cx - r * 0.72, cy - r * 0.72, cx + r * 0.72, cy + r * 0.72), outline=255, width=2)
    try:
        font = ImageFont.truetype(STAMP_FONT, max(12, r // 5))
    except OSError:
        font = ImageFont.load_default()
    d.text((cx, cy), "PEMERINTAH", font=font, fill=255, anchor="mm")
    stamp = Image.new(img.mode, img.size, (255, 255, 255) if colour else 255)
    stamp.paste(Image.new(img.mode, img.size, ink), (0, 0), layer.point(lambda v: int(v * 0.85)))
    return ImageChops.multiply(img, stamp)  # ink over print: the print stays as dark as it was


def _phone(img, rng: random.Random):
    """What a phone camera adds to a flat scan: the page seen a little from the side
    (perspective), light falling off across it, a warm cast, a softer focus, fewer pixels."""
    from PIL import Image, ImageChops, ImageFilter

    w, h = img.size
    j = [rng.uniform(0.0, 0.035) * w for _ in range(8)]  # each corner pulled in up to 3.5 %
    # PERSPECTIVE maps output to input: the page's corners land at these points of the output
    src = [(j[0], j[1]), (w - j[2], j[3]), (w - j[4], h - j[5]), (j[6], h - j[7])]
    dst = [(0, 0), (w, 0), (w, h), (0, h)]
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A += [[x, y, 1, 0, 0, 0, -u * x, -u * y], [0, 0, 0, x, y, 1, -v * x, -v * y]]
        B += [u, v]
    coeffs = _solve(A, B)
    fill = (236, 232, 222) if img.mode == "RGB" else 232  # the desk around the sheet
    img = img.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=fill)
    # light: a linear fall-off from a bright corner to 55-80 % on the far side
    lo = rng.randint(140, 205)
    grad = Image.linear_gradient("L").resize((w, h)).point(lambda v: 255 - v * (255 - lo) // 255)
    grad = grad.rotate(rng.choice([0, 90, 180, 270, rng.uniform(0, 360)]), fillcolor=lo)
    grad = grad.resize((w, h))
    if img.mode == "RGB":
        tint = Image.merge("RGB", (grad, grad.point(lambda v: v * 97 // 100),
                                   grad.point(lambda v: v * 90 // 100)))
        img = ImageChops.multiply(img, tint)
    else:
        img = ImageChops.multiply(img, grad)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.2)))
    scale = rng.uniform(0.7, 0.95)  # a phone sends 150-190 dpi worth of an A4 page
    return img.resize((int(w * scale), int(h * scale)), Image.BILINEAR)


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination for the 8 perspective coefficients (no numpy in the project)."""
    n = len(b)
    m = [row[:] + [v] for row, v in zip(a, b)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[r][n] / m[r][r] for r in range(n)]


def scan(pdf: bytes, name: str, seed: int, photo: bool = False, dpi: int = 200) -> bytes:
    """Image-only PDF (or, for `photo`, a JPEG of page 1) of `pdf`, as an office scan looks."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    colour = rng.random() < 0.7
    with tempfile.TemporaryDirectory(prefix="paraf-gen-scan-") as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        args = ["pdftoppm", "-r", str(dpi), "-png"] + ([] if colour else ["-gray"])
        subprocess.run(args + [str(src), str(Path(tmp) / "p")], check=True, capture_output=True,
                       timeout=120)
        pngs = sorted(Path(tmp).glob("p*.png"))
        stamps = {k: (x, y) for k, x, y in _signer_box(pdf, name, dpi)}
        pages = []
        for k, png in enumerate(pngs[:1] if photo else pngs):
            img = Image.open(png).convert("RGB" if colour else "L")
            if k in stamps:
                img = _stamp(img, *stamps[k], rng, colour)
            angle = rng.choice([-1, 1]) * rng.uniform(0.5, 2.0)
            fill = (255, 255, 255) if colour else 255
            img = img.rotate(angle, resample=Image.BICUBIC, fillcolor=fill, expand=False)
            d = ImageDraw.Draw(img)
            for _ in range(rng.randint(300, 1500)):  # dust and toner specks
                px, py = rng.randrange(img.width), rng.randrange(img.height)
                g = rng.randint(40, 170)
                d.point((px, py), fill=(g, g, g) if colour else g)
            img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.7)))
            shift = rng.randint(0, 20)
            img = img.point(lambda v, s=shift: min(255, v + s))
            pages.append(_phone(img, rng) if photo else img)
        buf = io.BytesIO()
        q = rng.randint(30, 55) if photo else rng.randint(45, 75)
        if photo:
            pages[0].save(buf, "JPEG", quality=q)
        else:
            pages[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], quality=q)
        return buf.getvalue()
