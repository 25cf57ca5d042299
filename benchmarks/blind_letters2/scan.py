"""Turn a text PDF into a wet-signed scan (image PDF) or a phone photo (JPG)."""
import glob
import io
import os
import subprocess
import tempfile

import numpy as np
import pdfplumber
from PIL import Image, ImageFilter

from . import graphics as G

INKS = {"violet": (100, 45, 160), "blue": (30, 60, 170), "black": (35, 35, 40)}


def rasterize(pdf, dpi):
    with tempfile.TemporaryDirectory() as td:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", pdf, os.path.join(td, "p")], check=True)
        return [Image.open(p).convert("RGB") for p in sorted(glob.glob(os.path.join(td, "p*.png")))]


def find_name(pdf, nama):
    """Locate the signer's name: (page index, x0, top, x1) in PDF points, or None."""
    toks = nama.split()[:2]
    with pdfplumber.open(pdf) as doc:
        for pi in range(len(doc.pages) - 1, -1, -1):
            words = doc.pages[pi].extract_words()
            for i in range(len(words) - len(toks) + 1):
                if all(words[i + k]["text"] == toks[k] for k in range(len(toks))):
                    w = words[i]
                    return pi, w["x0"], w["top"], words[i + len(toks) - 1]["x1"]
    return None


def multiply(page, overlay, x, y):
    """Blend an RGBA overlay onto an RGB page like ink (multiply), top-left at (x, y)."""
    base = np.asarray(page).astype(np.float32)
    ov = np.asarray(overlay).astype(np.float32)
    h, w = ov.shape[:2]
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(base.shape[1], x + w), min(base.shape[0], y + h)
    if x1 <= x0 or y1 <= y0:
        return page
    o = ov[y0 - y:y1 - y, x0 - x:x1 - x]
    a = o[..., 3:4] / 255.0
    region = base[y0:y1, x0:x1]
    base[y0:y1, x0:x1] = region * (1 - a) + region * (o[..., :3] / 255.0) * a
    return Image.fromarray(base.clip(0, 255).astype(np.uint8))


def add_wet_marks(pages, pdf, L, dpi, rs):
    """Signature scribble + round stamp overlapping the left part of the name and the post."""
    loc = find_name(pdf, L["nama"])
    if loc is None:
        return pages, False
    pi, x0, top, x1 = loc
    px = dpi / 72.0
    u = L["unit"]
    ink = INKS[rs.choice(list(INKS), p=[0.5, 0.35, 0.15])]
    pen = [(20, 30, 120), (15, 15, 25)][rs.randint(2)]
    sig = G.signature(int(rs.randint(1 << 30)), color=pen)
    sw = int(rs.uniform(4.0, 5.5) / 2.54 * dpi)
    sig = sig.resize((sw, int(sw * sig.size[1] / sig.size[0])))
    sx = int((x0 + rs.uniform(20, 60)) * px)
    sy = int(top * px - sig.size[1] * rs.uniform(0.7, 0.95))
    pages[pi] = multiply(pages[pi], sig, sx, sy)
    d_cm = rs.uniform(3.5, 4.5)
    d = int(d_cm / 2.54 * dpi)
    top_text = f"PEMERINTAH {u['region_kind'].upper()} {u['region_name'].upper()}"
    bottom = u["display"].upper()
    if len(bottom) > 30:
        bottom = u["abbr"].upper() if rs.rand() < 0.5 else bottom[:30]
    st = G.stamp(int(rs.randint(1 << 30)), top_text, bottom, [], ink).resize((d, d))
    st = st.rotate(rs.uniform(-25, 25), resample=Image.BICUBIC)
    cx = int((x0 + rs.uniform(-5, 35)) * px)
    cy = int(top * px - rs.uniform(0.6, 1.4) / 2.54 * dpi)
    pages[pi] = multiply(pages[pi], st, cx - d // 2, cy - d // 2)
    return pages, True


def degrade(img, mode, dpi, rs):
    """Scanner look: skew, noise, blur, then colour/grey/1-bit."""
    ang = rs.uniform(0.3, 2.5) * rs.choice([-1, 1])
    img = img.rotate(ang, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    arr = np.asarray(img).astype(np.float32)
    arr = arr * rs.uniform(0.9, 1.0) + rs.uniform(0, 12)
    arr += rs.normal(0, rs.uniform(3, 9), arr.shape[:2])[..., None]
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(rs.uniform(0.3, 0.9) * dpi / 200))
    if mode == "grey":
        img = img.convert("L")
    elif mode == "bw":
        g = np.asarray(img.convert("L"))
        thr = rs.uniform(140, 185)
        img = Image.fromarray(((g > thr) * 255).astype(np.uint8)).convert("1")
    # JPEG round-trip for artifacts (not for 1-bit)
    if mode != "bw":
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=int(rs.uniform(35, 80)))
        buf.seek(0)
        img = Image.open(buf)
        img.load()
    return img, ang


def perspective_coeffs(dst, src):
    """Coefficients for PIL PERSPECTIVE mapping output points dst -> input points src."""
    A, b = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return np.linalg.solve(np.array(A, float), np.array(b, float)).tolist()


def photo(page, rs):
    """Phone photo of a paper page on a desk: perspective, uneven light, JPG."""
    w, h = page.size
    W, H = int(w * 1.18), int(h * 1.14)
    j = lambda s: rs.uniform(-s, s)
    mx, my = (W - w) / 2, (H - h) / 2
    dst = [(mx + j(0.05 * w), my + j(0.04 * h)), (mx + w + j(0.05 * w), my + j(0.04 * h)),
           (mx + w + j(0.04 * w), my + h + j(0.03 * h)), (mx + j(0.04 * w), my + h + j(0.03 * h))]
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = perspective_coeffs(dst, src)
    desk = np.ones((H, W, 3), np.float32) * np.array([rs.uniform(90, 160), rs.uniform(70, 120), rs.uniform(40, 90)])
    desk += rs.normal(0, 6, (H, W, 1))
    warped = page.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC, fillcolor=(0, 0, 0))
    mask = Image.new("L", page.size, 255).transform((W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=0)
    m = np.asarray(mask).astype(np.float32)[..., None] / 255
    arr = np.asarray(warped).astype(np.float32) * m + desk * (1 - m)
    # uneven light: a linear gradient plus a soft hot spot, warm colour cast
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    gx, gy = rs.uniform(-1, 1), rs.uniform(-1, 1)
    grad = 1 - 0.25 * ((xx / W - 0.5) * gx + (yy / H - 0.5) * gy) - rs.uniform(0, 0.12)
    cx, cy = rs.uniform(0.2, 0.8) * W, rs.uniform(0.2, 0.8) * H
    spot = 0.1 * np.exp(-(((xx - cx) / W) ** 2 + ((yy - cy) / H) ** 2) / 0.05)
    light = (grad + spot)[..., None] * np.array([1.0, rs.uniform(0.94, 1.0), rs.uniform(0.82, 0.95)])
    arr = arr * light + rs.normal(0, 4, (H, W, 1))
    img = Image.fromarray(arr.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(rs.uniform(0.4, 1.1)))
    return img


def make_scan(src_pdf, L, S, out_base, seed, as_photo):
    """Returns (output path, info dict)."""
    rs = np.random.RandomState(seed % (2 ** 31))
    dpi = int(rs.choice([150, 200, 200, 240, 300])) if not as_photo else 200
    pages = rasterize(src_pdf, dpi)
    stamped = False
    if not S["tte"]:
        pages, stamped = add_wet_marks(pages, src_pdf, L, dpi, rs)
    info = dict(dpi=dpi, stamped=stamped, pages=len(pages))
    if as_photo and len(pages) == 1:   # a photo shows one page only
        img = photo(pages[0], rs)
        out = out_base + ".jpg"
        img.save(out, "JPEG", quality=int(rs.uniform(70, 90)))
        info["mode"] = "photo"
        return out, info
    mode = rs.choice(["color", "grey", "bw"], p=[0.3, 0.45, 0.25])
    outs = []
    for p in pages:
        im, ang = degrade(p, mode, dpi, rs)
        outs.append(im)
    out = out_base + ".pdf"
    outs[0].save(out, "PDF", save_all=True, append_images=outs[1:], resolution=dpi)
    info.update(mode=str(mode), skew=round(float(ang), 2))
    return out, info
