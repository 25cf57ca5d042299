"""Checker: every truth value must be printed in the document's text.

Usage: python -m benchmarks.blind_letters2.check SETDIR [--work WORKDIR]
Scans are checked against their source PDF kept in the work folder (default SETDIR_work).
"""
import argparse
import glob
import json
import os
import re
import sys

import pdfplumber
from docx import Document

from .data import MONTHS


def fold(s):
    s = re.sub(r"(\w)-\s+(\w)", r"\1-\2", s)   # a line wrapped after a hyphen
    return re.sub(r"\s+", " ", s).strip().lower()


def docx_text(path):
    doc = Document(path)
    out = []

    def walk(container):
        for block in container.iter_inner_content() if hasattr(container, "iter_inner_content") else []:
            if block.__class__.__name__ == "Paragraph":
                out.append(block.text)
            else:
                for row in block.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        walk(cell)
    walk(doc)
    for s in doc.sections:
        for p in s.footer.paragraphs:
            out.append(p.text)
    return "\n".join(out)


def pdf_texts(path):
    texts = []
    with pdfplumber.open(path) as pdf:
        full = []
        for page in pdf.pages:
            full.append(page.extract_text() or "")
        texts.append("\n".join(full))
        for frac in [0.44 + 0.02 * k for k in range(14)]:
            left, right = [], []
            for page in pdf.pages:
                w = page.width
                left.append(page.crop((0, 0, w * frac, page.height)).extract_text() or "")
                right.append(page.crop((w * frac, 0, w, page.height)).extract_text() or "")
            texts += ["\n".join(left), "\n".join(right)]
    return texts


FOOTER = re.compile(r"^.*(ditandatangani secara elektronik menggunakan|diterbitkan oleh Balai Besar Sertifikasi).*$",
                    re.M | re.I)


def check_one(truth, texts):
    texts = [FOOTER.sub("", t) for t in texts]
    folded = [fold(t) for t in texts]
    raw = " ||| ".join(texts)
    digits = re.sub(r"\D", "", raw)
    errs = []

    def has(v, what):
        if v and not any(fold(v) in f for f in folded):
            errs.append(f"{what} not found: {v!r}")

    if truth["nomor"] not in re.sub(r"([/.-])\s+", r"\1", raw):   # nomor may wrap after "/"
        errs.append(f"nomor not found: {truth['nomor']!r}")
    y, m, d = map(int, truth["tanggal"].split("-"))
    cands = [f"{d} {MONTHS[m - 1]} {y}", f"{d:02d} {MONTHS[m - 1]} {y}"]
    if not any(fold(c) in f for c in cands for f in folded):
        errs.append(f"tanggal not found: {cands[0]}")
    has(truth["sifat"], "sifat")
    has(truth["lampiran"], "lampiran")
    has(truth["hal"], "hal")
    has(truth["tujuan"], "tujuan")
    pg = truth["pengirim"]
    for w in pg.split():
        if not any(fold(w) in f for f in folded):
            errs.append(f"pengirim word not found: {w!r}")
    sg = truth["penandatangan"]
    has(sg["nama"], "nama")
    has(sg["jabatan"], "jabatan")
    if sg["nip"] not in digits or not re.fullmatch(r"\d{18}", sg["nip"]):
        errs.append(f"nip not found: {sg['nip']}")
    for t in truth["tembusan"]:
        has(t, "tembusan")
    for q in truth["pertanyaan"]:
        has(q, "pertanyaan")
        if re.search(r"[;.,]$", q):
            errs.append(f"pertanyaan has trailing punctuation: {q!r}")
    return errs


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m benchmarks.blind_letters2.check")
    ap.add_argument("setdir")
    ap.add_argument("--work", default=None)
    a = ap.parse_args(argv)
    setdir = os.path.abspath(a.setdir)
    work = a.work or setdir + "_work"
    bad = 0
    files = sorted(glob.glob(os.path.join(setdir, "*.json")))
    for jp in files:
        truth = json.load(open(jp))
        stem = os.path.basename(jp)[:-5]
        num = stem.split("-")[0]
        if truth["format"] == "docx":
            texts = [docx_text(os.path.join(setdir, stem + ".docx"))]
        elif truth["format"] == "pdf":
            texts = pdf_texts(os.path.join(setdir, stem + ".pdf"))
        else:
            texts = pdf_texts(os.path.join(work, f"{num}-src.pdf"))
        errs = check_one(truth, texts)
        if errs:
            bad += 1
            print(f"{stem} ({truth['producer']}, {truth['family']}):")
            for e in errs:
                print("   ", e)
    print(f"checked {len(files)} letters, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
