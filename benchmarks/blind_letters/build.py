"""Driver: draw N letters, pick each one's producer and layout, render, finalize (copy, scan or
photo) and write NNN-KIND.{docx,pdf,jpg}, NNN-KIND.json (truth) and manifest.csv.

Two passes so LibreOffice converts all its DOCX in a few batches. Per-letter renderers get their
own seeded rng, so one letter's drawing does not shift the next letter's content.
"""
import csv
import json
import os
import random
import re
import shutil
import subprocess
import tempfile

import numpy as np
import pdfplumber

from benchmarks.blind_letters.common import ws
from benchmarks.blind_letters.docx_out import render_docx
from benchmarks.blind_letters.kop import make_logo
from benchmarks.blind_letters.letter import date_line, make_letter
from benchmarks.blind_letters.pdf_out import render_rl
from benchmarks.blind_letters.scan_out import scanify
from benchmarks.blind_letters.signer import jab_lines
from benchmarks.blind_letters.style import choose_style, fit_style


def _strip_end(x):
    return re.sub(r"[;.,]+$", "", ws(x)).strip()


def truth(L, fmt):
    """The expected reading: values as printed, list numbering and end punctuation removed."""
    tem = [_strip_end(it) for it in L["tembusan"]]
    return {
        "nomor": ws(L["nomor"]),
        "tanggal": L["date"].isoformat(),
        "sifat": L["sifat"],
        "lampiran": L["lampiran"],
        "hal": ws(L["hal"]),
        "pengirim": L["pengirim"],
        "penandatangan": {"nama": L["name"], "nip": L["nip"], "jabatan": L["jabatan"]},
        "tujuan": L["tujuan"],
        "tembusan": tem,
        "pertanyaan": [_strip_end(q) for q in L["questions"]],
        "format": fmt,
        "layout": L["layout"],
    }


def lo_convert(files, outdir, tmpdir):
    """DOCX -> PDF with LibreOffice, 40 per call, in a private profile (no clash with a running soffice)."""
    prof = "file://" + os.path.join(tmpdir, "lo_profile")
    for i in range(0, len(files), 40):
        subprocess.run(["soffice", "-env:UserInstallation=" + prof, "--headless", "--convert-to", "pdf", "--outdir", outdir]
                       + files[i:i + 40], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)


def build(out, n=120, seed=11):
    """Write n letters to out; the same n and seed give the same letters and truth."""
    rng = random.Random(seed)
    np.random.seed(seed)
    os.makedirs(out, exist_ok=True)
    have_lo = shutil.which("soffice") is not None
    nscan = n // 5
    ndocx = (n - nscan) // 2
    kinds = ["scan"] * nscan + ["docx"] * ndocx + ["pdf"] * (n - nscan - ndocx)
    rng.shuffle(kinds)
    tmp = tempfile.mkdtemp(prefix="blind_letters_")
    letters = []
    for i, kind in enumerate(kinds, 1):
        L = make_letter(rng, i, kind)
        L["style"] = choose_style(rng, L)
        L["jab_lines"] = jab_lines(L)
        if kind == "docx":
            L["producer"] = "docx"
        else:
            L["producer"] = "lo" if (have_lo and rng.random() < 0.4) else "rl"
        L["photo"] = kind == "scan" and rng.random() < 0.35
        fit_style(L, L["style"], L["producer"])
        L["layout"] = f"{L['family']}-{L['producer']}"
        logo = os.path.join(tmp, "logo%03d.png" % i)
        make_logo(rng, logo)
        L["logo"] = logo
        letters.append(L)
    # pass 1: produce sources
    lo_jobs = []
    for L in letters:
        base = "%03d-%s" % (L["idx"], L["kind"])
        L["base"] = base
        lrng = random.Random(seed * 100003 + L["idx"])
        if L["producer"] == "docx":
            render_docx(L, lrng, os.path.join(out, base + ".docx"), L["logo"])
        elif L["producer"] == "lo":
            dpath = os.path.join(tmp, base + ".docx")
            render_docx(L, lrng, dpath, L["logo"])
            lo_jobs.append(dpath)
            L["src_pdf"] = os.path.join(tmp, base + ".pdf")
        else:
            p = os.path.join(tmp, base + ".pdf")
            render_rl(L, lrng, p, L["logo"])
            L["src_pdf"] = p
    if lo_jobs:
        lo_convert(lo_jobs, tmp, tmp)
    # pass 2: finalize
    rows = []
    for L in letters:
        base = L["base"]
        srng = random.Random(seed * 7919 + L["idx"])
        out_name = base + ".docx"
        npages = None
        if L["kind"] == "pdf":
            out_name = base + ".pdf"
            shutil.copy(L["src_pdf"], os.path.join(out, out_name))
        elif L["kind"] == "scan":
            with pdfplumber.open(L["src_pdf"]) as P:
                npages = len(P.pages)
            photo = L["photo"] and npages == 1
            L["photo"] = photo
            out_name = base + (".jpg" if photo else ".pdf")
            L["dpi"] = scanify(srng, L, L["src_pdf"], os.path.join(out, out_name), tmp, photo)
        if L.get("src_pdf") and npages is None:
            with pdfplumber.open(L["src_pdf"]) as P:
                npages = len(P.pages)
        t = truth(L, L["kind"])
        with open(os.path.join(out, base + ".json"), "w") as f:
            json.dump(t, f, ensure_ascii=False, indent=2)
        st = L["style"]
        rows.append({"file": out_name, "kind": L["kind"], "layout": L["layout"], "family": L["family"],
                     "producer": L["producer"], "paper": st["paper"], "size": st["size"],
                     "font": st["docx_font"] if L["producer"] in ("docx", "lo") else st["rl_font"],
                     "pages": npages if npages is not None else "", "date_printed": date_line(L),
                     "blank_day_handwritten": int(L["blank_day"]), "photo_jpg": int(L["photo"]),
                     "dpi": L.get("dpi", ""), "qnum": L["qnum"], "q_end": L["q_end"], "context_list": int(bool(L["context"])),
                     "docx_autonum": int(st["docx_autonum"] and L["producer"] in ("docx", "lo")),
                     "long": int(L["long"]), "hal_label": L["hal_label"], "di_style": L["di_style"],
                     "tem_head": L["tem_head"], "tem_yth": int(L["tem_yth"]), "plt": int(L["jabatan"].startswith("Plt.")),
                     "topic": L["topic"], "printed_nip": L["nip_print"]})
    with open(os.path.join(out, "manifest.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader(); w.writerows(rows)
    shutil.rmtree(tmp, ignore_errors=True)
    print("wrote", len(rows), "letters to", out)
