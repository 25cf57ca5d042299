"""Turn a text PDF into a scan: image-only PDF (1-2 pages) or a JPG phone photo of page 1.

The wet signature and the round stamp are placed from the positions of the signer's name and
NIP in the text PDF (found with pdfplumber), so they land over the post and the name.
"""
from __future__ import annotations

import io
import random
import subprocess
from pathlib import Path

import numpy as np
import pdfplumber
from PIL import Image, ImageChops, ImageFilter

from . import graphics

INKS = {"biru": (30, 50, 150), "ungu": (95, 45, 140), "hitam": (35, 35, 45)}


def locate(pdf: Path, nama: str) -> tuple[int, dict] | None:
    """(page index, {x0, x1, top} of the name line in points) of the signer's name."""
    first = nama.split()[0]
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages):
            words = page.extract_words()
            nips = [w for w in words if w["text"].startswith("NIP")]
            if not nips:
                continue
            nip = nips[-1]
            cand = [w for w in words if w["text"] == first and w["top"] < nip["top"]
                    and nip["top"] - w["top"] < 45]
            if not cand:
                continue
            w = max(cand, key=lambda c: c["top"])
            line = [v for v in words if abs(v["top"] - w["top"]) < 2 and v["x0"] >= w["x0"]]
            return i, {"x0": w["x0"], "x1": max(v["x1"] for v in line), "top": w["top"]}
    return None


def overlay_multiply(page: Image.Image, art: Image.Image, xy: tuple[int, int]) -> Image.Image:
    layer = Image.new("RGB", page.size, "white")
    layer.paste(art, xy, art)
    return ImageChops.multiply(page, layer)


def degrade(im: Image.Image, rng: random.Random, mode: str, skew: float, dpi: int) -> Image.Image:
    a = np.asarray(im).astype(np.float32)
    h, w = a.shape[:2]
    tint = np.array([rng.uniform(238, 252), rng.uniform(236, 250), rng.uniform(225, 245)])
    a = a * (tint / 255.0)
    yy, xx = np.mgrid[0:h, 0:w]
    light = 1 - 0.10 * ((xx / w - rng.random()) ** 2 + (yy / h - rng.random()) ** 2)
    a = a * light[..., None]
    nr = np.random.default_rng(rng.randrange(1 << 30))
    a = a + nr.normal(0, rng.uniform(3, 9), a.shape[:2])[..., None]
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    if rng.random() < 0.3:
        im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9) * dpi / 200))
    im = im.rotate(skew, resample=Image.BICUBIC, fillcolor=(235, 235, 230))
    if mode == "grey":
        im = im.convert("L")
    elif mode == "1bit":
        im = im.convert("L").point(lambda v: 255 if v > rng.choice([150, 165, 180]) else 0, "1")
    return im


def jpeg_roundtrip(im: Image.Image, q: int) -> Image.Image:
    if im.mode == "1":
        return im
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=q)
    buf.seek(0)
    return Image.open(buf).copy()


def photo(im: Image.Image, rng: random.Random) -> Image.Image:
    """Page 1 photographed on a desk: perspective, margin of desk, uneven light."""
    w, h = im.size
    W, H = int(w * 1.18), int(h * 1.14)
    desk = Image.new("RGB", (W, H), rng.choice([(120, 90, 60), (90, 90, 95), (160, 140, 110)]))
    ox, oy = (W - w) // 2, (H - h) // 2
    desk.paste(im.convert("RGB"), (ox, oy))
    j = lambda s: rng.uniform(-s, s) * w  # noqa: E731
    quad = (ox * 0.6 + j(0.03), oy * 0.6 + j(0.03), ox * 0.6 + j(0.03), H - oy * 0.6 + j(0.03),
            W - ox * 0.6 + j(0.03), H - oy * 0.6 + j(0.03), W - ox * 0.6 + j(0.03),
            oy * 0.6 + j(0.03))
    out = desk.transform((W, H), Image.QUAD, quad, resample=Image.BICUBIC)
    a = np.asarray(out).astype(np.float32)
    yy, xx = np.mgrid[0:H, 0:W]
    cx, cy = rng.uniform(0.3, 0.7), rng.uniform(0.2, 0.6)
    light = 1.05 - 0.35 * ((xx / W - cx) ** 2 + (yy / H - cy) ** 2)
    a = np.clip(a * light[..., None] * np.array([1.0, 0.98, 0.93]), 0, 255)
    return Image.fromarray(a.astype(np.uint8))


def make_scan(src: Path, out: Path, work: Path, truth: dict, stamp_ring: str,
              stamp_centre: list[str], rng: random.Random, wet: bool, as_photo: bool) -> dict:
    dpi = rng.choice([150, 200, 240, 300]) if not as_photo else rng.choice([150, 180])
    stem = work / f"{out.stem}-r"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-l", "2", "-png", str(src), str(stem)],
                   check=True, capture_output=True)
    pages = [Image.open(p).convert("RGB") for p in sorted(work.glob(f"{out.stem}-r-*.png"))]
    info = {"dpi": dpi, "pages": len(pages), "wet": wet}
    pos = locate(src, truth["penandatangan"]["nama"]) if wet else None
    if pos:
        i, box = pos
        k = dpi / 72
        ink = INKS[rng.choice(["biru", "biru", "hitam"])]
        sw, sh = int(50 * 2.835 * k), int(20 * 2.835 * k)
        sig = graphics.signature(rng, sw, sh, ink + (235,))
        cx = (box["x0"] + box["x1"]) / 2 * k
        ytop = box["top"] * k - sh - rng.uniform(-2, 4) * k
        pages[i] = overlay_multiply(pages[i], sig, (int(cx - sw / 2), int(ytop)))
        size = int(rng.uniform(33, 40) * 2.835 * k)
        sink = INKS[rng.choice(["ungu", "biru", "ungu"])]
        st = graphics.stamp(rng, size, stamp_ring, stamp_centre, sink + (int(rng.uniform(150, 215)),))
        sx = box["x0"] * k - size * rng.uniform(0.35, 0.6)
        sy = box["top"] * k - size * rng.uniform(0.55, 0.85)
        pages[i] = overlay_multiply(pages[i], st, (int(sx), int(sy)))
        info["stamp_ink"] = [k_ for k_, v in INKS.items() if v == sink][0]
    mode = rng.choice(["colour", "colour", "grey", "1bit"]) if not as_photo else "colour"
    skew = round(rng.uniform(-2.0, 2.0), 2)
    q = rng.randint(40, 80)
    info.update({"mode": mode, "skew": skew, "jpeg_q": q})
    pages = [jpeg_roundtrip(degrade(p, rng, mode, skew, dpi), q) for p in pages]
    if as_photo:
        ph = photo(pages[0], rng)
        ph.save(out, "JPEG", quality=q)
        info["photo"] = True
    else:
        pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    for p in work.glob(f"{out.stem}-r-*.png"):
        p.unlink()
    return info
