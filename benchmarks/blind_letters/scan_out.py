"""Scans and photos: render the letter's PDF to pages, add a signature, an official stamp and
(for a blank day) a handwritten date, then degrade it as a flatbed scan (image-only PDF) or as a
phone photo (perspective, uneven light, JPG). No text layer survives."""
import io
import math
import os
import subprocess

import numpy as np
import pdfplumber
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from benchmarks.blind_letters.data import MONTHS
from benchmarks.blind_letters.fonts import FONTDIR_DV


def find_font(bold=False):
    return FONTDIR_DV + ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


def make_stamp(rng, L, diam):
    color = rng.choice([(35, 60, 170), (90, 40, 150), (110, 50, 160), (30, 80, 190)])
    S = diam
    im = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(im)
    w = max(2, S // 70)
    d.ellipse((w, w, S - w, S - w), outline=255, width=w * 2)
    ri = int(S * 0.33)
    d.ellipse((S // 2 - ri, S // 2 - ri, S // 2 + ri, S // 2 + ri), outline=255, width=w)
    f = ImageFont.truetype(find_font(True), max(10, S // 13))

    def arc_text(text, top=True):
        n = len(text)
        span = min(300, n * 11.5)
        r = S / 2 - S * 0.1
        for i, ch in enumerate(text):
            if top:
                ang = -90 - span / 2 + span * (i + 0.5) / n
            else:
                ang = 90 + span / 2 - span * (i + 0.5) / n
            a = math.radians(ang)
            cx, cy = S / 2 + r * math.cos(a), S / 2 + r * math.sin(a)
            ci = Image.new("L", (S // 8, S // 8), 0)
            ImageDraw.Draw(ci).text((S // 16, S // 16), ch, fill=255, font=f, anchor="mm")
            rot = -(ang + 90) if top else -(ang - 90)
            ci = ci.rotate(rot, resample=Image.BICUBIC)
            im.paste(255, (int(cx - S // 16), int(cy - S // 16)), ci)

    top = L["kop_pemda"]
    if len(top) > 28:
        top = top.replace("PEMERINTAH ", "PEM. ")
    arc_text(top[:30], True)
    bottom = L["unit"].upper()
    if len(bottom) > 26:
        bottom = "".join(w[0] for w in bottom.split() if w not in ("DAN", "DAERAH")) if rng.random() < 0.5 else bottom[:26]
    arc_text(bottom, False)
    # star in middle
    cx = cy = S / 2
    pts = []
    for k in range(10):
        rr = S * 0.12 if k % 2 == 0 else S * 0.05
        a = math.pi * k / 5 - math.pi / 2
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=255)
    im = im.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    alpha = im.point(lambda v: int(v * rng.uniform(0.7, 0.85)))
    # uneven ink
    noise = Image.fromarray((np.random.default_rng(rng.randint(0, 10**6)).random((S, S)) * 255).astype("uint8")).filter(ImageFilter.GaussianBlur(S / 40))
    alpha = Image.fromarray(np.minimum(np.array(alpha), (np.array(noise) * 1.6 + 60).clip(0, 255)).astype("uint8"))
    return color, alpha


def draw_signature(rng, img, box, dpi):
    d = ImageDraw.Draw(img)
    x0, y0, x1, y1 = box
    col = rng.choice([(20, 30, 110), (10, 10, 40), (30, 40, 140)])
    n = rng.randint(5, 9)
    pts = []
    w = x1 - x0
    h = y1 - y0
    for i in range(n * 6):
        t = i / (n * 6 - 1)
        x = x0 + t * w + math.sin(t * n * math.pi) * w * 0.05
        y = y0 + h * 0.5 + math.sin(t * n * math.pi * 1.3 + rng.random()) * h * 0.35 * (1 - t * 0.3)
        pts.append((x, y))
    lw = max(2, int(dpi / 90))
    d.line(pts, fill=col, width=lw, joint="curve")
    # underline flourish
    d.line([(x0 + w * 0.1, y1 - h * 0.1), (x0 + w * 0.9, y1 - h * 0.25)], fill=col, width=lw)


def locate_words(pdf, L):
    res = {"name": None, "date": None}
    name_words = [w for w in L["name"].split() if len(w) > 2 and w.isupper() and w.isalpha()] or L["name"].split()
    target = name_words[0]
    with pdfplumber.open(pdf) as P:
        for pi, page in enumerate(P.pages):
            words = page.extract_words(keep_blank_chars=False)
            for k, w in enumerate(words):
                if w["text"].strip(",") == target and L["nip"][:8] not in w["text"]:
                    # ensure it's the signature (last occurrence)
                    res["name"] = (pi, w["x0"], w["top"], w["x1"], w["bottom"], float(page.height))
                if L["blank_day"] and k > 0 and w["text"].lower() in (MONTHS[L["date"].month - 1].lower(), "pebruari", "nopember") \
                        and k + 1 < len(words) and words[k + 1]["text"] == str(L["date"].year) and (words[k - 1]["text"].endswith(",") or words[k - 1]["text"] == ":"):
                    res["date"] = (pi, words[k - 1]["x1"], w["top"], w["x0"], w["bottom"])
    return res


def scanify(rng, L, src_pdf, out_path, tmpdir, photo):
    dpi = rng.choice([150, 200, 200, 240, 300])
    pref = os.path.join(tmpdir, "pg%03d" % L["idx"])
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", src_pdf, pref], check=True)
    pages = sorted(f for f in os.listdir(tmpdir) if f.startswith("pg%03d" % L["idx"]))
    loc = locate_words(src_pdf, L)
    sc = dpi / 72.0
    imgs = []
    for pi, f in enumerate(pages):
        im = Image.open(os.path.join(tmpdir, f)).convert("RGB")
        if loc["date"] and loc["date"][0] == pi:
            _, ax, top, bx, bot = loc["date"]
            d = ImageDraw.Draw(im)
            fnt = ImageFont.truetype(FONTDIR_DV + rng.choice(["DejaVuSans-Oblique.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSansCondensed-Oblique.ttf"]),
                                     int((bot - top) * sc * 1.25))
            d.text(((ax + bx) / 2 * sc, (top + bot) / 2 * sc - 2), str(L["date"].day), fill=rng.choice([(20, 30, 120), (15, 15, 15)]), font=fnt, anchor="mm")
        if loc["name"] and loc["name"][0] == pi:
            _, x0, top, x1, bot, ph = loc["name"]
            X0, TOP = x0 * sc, top * sc
            if rng.random() < 0.92:
                draw_signature(rng, im, (X0 + rng.uniform(0, 1.2) * dpi / 2.54, TOP - 2.1 * dpi / 2.54,
                                         X0 + rng.uniform(3.5, 5.5) * dpi / 2.54, TOP - 0.15 * dpi / 2.54), dpi)
            if rng.random() < 0.85:
                diam = int(rng.uniform(3.3, 4.0) * dpi / 2.54)
                color, alpha = make_stamp(rng, L, diam)
                cx = X0 - rng.uniform(0.3, 1.2) * dpi / 2.54
                cy = TOP - rng.uniform(0.3, 1.0) * dpi / 2.54
                layer = Image.new("RGB", (diam, diam), color)
                # multiply-like blend
                region = im.crop((int(cx - diam / 2), int(cy - diam / 2), int(cx - diam / 2) + diam, int(cy - diam / 2) + diam))
                mul = Image.fromarray((np.array(region).astype(float) * np.array(layer).astype(float) / 255).astype("uint8"))
                blended = Image.composite(mul, region, alpha)
                im.paste(blended, (int(cx - diam / 2), int(cy - diam / 2)))
        imgs.append(im)
    out = []
    for im in imgs:
        if photo:
            im = photoify(rng, im)
        else:
            ang = rng.uniform(0.3, 2.5) * rng.choice([-1, 1])
            im = im.rotate(ang, resample=Image.BICUBIC, expand=True, fillcolor=(rng.randint(235, 255),) * 3)
            a = np.array(im).astype(float)
            tone = rng.uniform(0.93, 1.0)
            a = a * tone + np.random.default_rng(rng.randint(0, 10**6)).normal(0, rng.uniform(3, 10), a.shape)
            im = Image.fromarray(a.clip(0, 255).astype("uint8"))
            im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.2, 0.9)))
            if rng.random() < 0.25:
                im = im.convert("L").convert("RGB")
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=rng.randint(35, 85) if not photo else rng.randint(70, 90))
        buf.seek(0)
        out.append(Image.open(buf).convert("RGB"))
    if photo:
        out[0].save(out_path, "JPEG", quality=rng.randint(75, 92))
    else:
        out[0].save(out_path, "PDF", resolution=float(dpi), save_all=True, append_images=out[1:])
    for f in pages:
        os.remove(os.path.join(tmpdir, f))
    return dpi


def photoify(rng, im):
    w, h = im.size
    scale = rng.uniform(1.6, 2.2) * 1000 / max(w, h)
    im = im.resize((int(w * scale), int(h * scale)), Image.LANCZOS)
    w, h = im.size
    pad = int(w * 0.12)
    bgc = rng.choice([(120, 90, 60), (80, 80, 85), (150, 140, 120), (60, 50, 40), (200, 200, 195)])
    BW, BH = w + 2 * pad, h + 2 * pad
    bg = Image.new("RGB", (BW, BH), bgc)
    bg.paste(im, (pad, pad))
    # perspective: map output quad -> source
    j = lambda: rng.uniform(-0.045, 0.045) * w
    src = [(pad + j(), pad + j()), (pad + w + j(), pad + j()), (pad + w + j(), pad + h + j()), (pad + j(), pad + h + j())]
    m = int(w * 0.06)
    dst = [(m, m), (BW - m, m), (BW - m, BH - m), (m, BH - m)]
    # crop so that document fills most of the frame; dst corners with margins
    coeffs = _persp_coeffs(dst, src)
    out = bg.transform((BW, BH), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    ang = rng.uniform(-2.5, 2.5)
    out = out.rotate(ang, resample=Image.BICUBIC, fillcolor=bgc)
    # uneven light
    a = np.array(out).astype(float)
    yy, xx = np.mgrid[0:BH, 0:BW]
    cx, cy = rng.uniform(0.2, 0.8) * BW, rng.uniform(0.1, 0.6) * BH
    dist = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / max(BW, BH)
    light = 1.08 - rng.uniform(0.35, 0.6) * dist
    light += np.linspace(0, rng.uniform(-0.08, 0.08), BW)[None, :]
    a = a * light[..., None]
    warm = np.array([1.0, rng.uniform(0.96, 1.0), rng.uniform(0.88, 0.97)])
    a = a * warm
    a += np.random.default_rng(rng.randint(0, 10**6)).normal(0, 4, a.shape)
    out = Image.fromarray(a.clip(0, 255).astype("uint8"))
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.1)))
    return out


def _persp_coeffs(dst, src):
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y]); B.append(u)
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y]); B.append(v)
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()
