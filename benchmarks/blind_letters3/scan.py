"""An image-only PDF from a text PDF: wet signature, stamp, skew, noise, JPEG."""
from __future__ import annotations

import io
import random
import subprocess
from pathlib import Path

import numpy as np
import pdfplumber
from PIL import Image, ImageFilter

from .graphics import signature, stamp

INKS = {"blue": (30, 60, 170), "purple": (110, 40, 150), "violet": (70, 40, 170)}


def locate(pdf: Path, nip: str, name: str) -> tuple[int, float, float, float] | None:
    """(page index, x0, top, bottom) in points of the signer's name's first word: the nearest
    word above the NIP that starts the name."""
    first = name.split()[0].lower()
    with pdfplumber.open(pdf) as doc:
        for k, page in enumerate(doc.pages):
            words = page.extract_words()
            at = next((w for w in words if nip[:8] in w["text"]), None)
            if at is None:
                continue
            above = [w for w in words if w["text"].lower() == first and w["top"] < at["top"]]
            if above:
                w = max(above, key=lambda w: w["top"])
                return k, w["x0"], w["top"], w["bottom"]
    return None


def place_stamp(im: Image.Image, st: Image.Image, x: int, y: int) -> Image.Image:
    """Multiply the stamp's ink into the page (text under it stays visible)."""
    base = np.asarray(im.convert("RGB"), dtype=np.float32)
    h, w = st.height, st.width
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(im.width, x + w), min(im.height, y + h)
    s = np.asarray(st, dtype=np.float32)[y0 - y:y1 - y, x0 - x:x1 - x]
    a = s[..., 3:4] / 255.0 * 0.85
    region = base[y0:y1, x0:x1]
    base[y0:y1, x0:x1] = region * (1 - a) + region * (s[..., :3] / 255.0) * a
    return Image.fromarray(base.clip(0, 255).astype(np.uint8))


def degrade(im: Image.Image, rng: random.Random, mode: str) -> Image.Image:
    skew = rng.uniform(0.3, 2.0) * rng.choice([-1, 1])
    tint = (rng.randint(238, 255), rng.randint(236, 252), rng.randint(225, 245))
    im = im.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=tint)
    arr = np.asarray(im, dtype=np.float32)
    arr = arr * (np.array(tint, dtype=np.float32) / 255.0)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    arr += nrng.normal(0, rng.uniform(3, 9), arr.shape[:2])[..., None]
    h = arr.shape[0]
    shade = np.linspace(rng.uniform(0.9, 1.0), rng.uniform(0.93, 1.0), h)[:, None, None]
    arr *= shade
    im = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    if rng.random() < 0.4:
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.8)))
    if mode == "grey":
        im = im.convert("L")
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=rng.randint(35, 75))
    return Image.open(io.BytesIO(buf.getvalue()))


def make_scan(src: Path, out: Path, work: Path, signer: dict, stamp_text: str,
              rng: random.Random, wet: bool) -> dict:
    dpi = rng.choice([200, 240, 300])
    mode = rng.choice(["colour", "colour", "grey"])
    prefix = work / (out.stem + "-raster")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(src), str(prefix)], check=True)
    pngs = sorted(work.glob(prefix.name + "-*.png"))
    where = locate(src, signer["nip"], signer["nama"]) if wet else None
    pages = []
    for k, png in enumerate(pngs):
        im = Image.open(png).convert("RGB")
        png.unlink()
        if where and where[0] == k:
            sc = dpi / 72
            x0, name_top = where[1] * sc, where[2] * sc
            sig = signature(int(55 * dpi / 25.4), int(18 * dpi / 25.4), rng)
            im.paste(sig, (int(x0 + rng.uniform(0, 15) * sc), int(name_top - sig.height * 1.05)),
                     sig)
            size = int(rng.uniform(33, 40) * dpi / 25.4)
            ink = INKS[rng.choice(list(INKS))]
            st = stamp(stamp_text, size, ink, rng)
            sx = int(x0 - size * rng.uniform(0.5, 0.75))
            sy = int(name_top - size * rng.uniform(0.6, 0.8))
            im = place_stamp(im, st, sx, sy)
        pages.append(degrade(im, rng, mode))
    pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return {"dpi": dpi, "mode": mode, "pages": len(pages), "wet": bool(where)}
