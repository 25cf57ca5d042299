"""python -m benchmarks.blind_letters4 OUT [--n 120] [--seed 41] [--work DIR]"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pdfplumber

from . import render_docx, render_rl
from .letter import make_letter
from .scan import make_scan

KIND_SHARE = {"docx": 0.35, "pdf": 0.40, "scan": 0.25}
PHOTO_SHARE = 0.5  # of scans, when the letter fits on one page


def plan(n: int, seed: int) -> list[tuple[str, str]]:
    """(kind, producer) per letter in the set's proportions, shuffled by the seed."""
    n_docx, n_pdf = round(n * KIND_SHARE["docx"]), round(n * KIND_SHARE["pdf"])
    kinds = ["docx"] * n_docx + ["pdf"] * n_pdf + ["scan"] * (n - n_docx - n_pdf)
    rng = random.Random(f"bl4-plan-{seed}")
    rng.shuffle(kinds)
    out, count = [], Counter()
    for kind in kinds:
        side = "rl" if count[kind] % 2 == 0 else "lo"
        count[kind] += 1
        out.append((kind, {"docx": "docx", "pdf": side, "scan": f"scan-{side}"}[kind]))
    return out


def soffice(docs: list[Path], outdir: Path, work: Path) -> None:
    if not docs:
        return
    profile = (work / "lo-profile").resolve()
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
           "--convert-to", "pdf", "--outdir", str(outdir)] + [str(d) for d in docs]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    missing = [d for d in docs if not (outdir / (d.stem + ".pdf")).exists()]
    if missing:
        sys.exit(f"LibreOffice did not convert: {missing}")


def pages(pdf: Path) -> int:
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def stamp_words(L) -> tuple[str, list[str]]:
    u = L.unit
    ring = f"PEMERINTAH {u.region.full.upper()}"
    centre = {"kecamatan": u.name.upper().split(" ", 1), "kapanewon": u.name.upper().split(" ", 1),
              "biro": ["SEKRETARIAT", "DAERAH"], "setda": ["SEKRETARIAT", "DAERAH"],
              "dprd": ["SEKRETARIAT", "DPRD"], "rsud": ["RUMAH SAKIT", "UMUM DAERAH"]}
    return ring, centre.get(u.kind, [u.abbr.upper()])


def render(L, stem: str, out: Path, work: Path, seed: str) -> Path | None:
    """Write the letter; returns a DOCX that still needs LibreOffice, if any."""
    if L.producer == "docx":
        render_docx.render(L, out / f"{stem}.docx", work, seed)
    elif L.producer in ("rl", "scan-rl"):
        render_rl.render(L, (out if L.producer == "rl" else work) / f"{stem}.pdf", work, seed)
    else:
        render_docx.render(L, work / f"{stem}.docx", work, seed)
        return work / f"{stem}.docx"
    return None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.blind_letters4")
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--work", type=Path, help="intermediates (default: OUT_work)")
    args = ap.parse_args(argv)
    t0 = time.time()
    out = args.out
    work = args.work or out.parent / (out.name + "_work")
    for d in (out, work):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    letters: dict[int, tuple] = {}
    pending = list(enumerate(plan(args.n, args.seed)))
    for attempt in range(4):  # scans must fit on 2 pages; a longer draw is redrawn
        to_convert = []
        for i, (kind, producer) in pending:
            rng = random.Random(f"bl4-{args.seed}-{i}" + (f"-r{attempt}" if attempt else ""))
            L = make_letter(rng, kind, producer)
            stem = f"{i + 1:03d}-{kind}"
            doc = render(L, stem, out, work, f"{args.seed}-{i}")
            if doc:
                to_convert.append(doc)
            letters[i] = (stem, L, rng)
        soffice(to_convert, work, work)
        retry = []
        for i, (kind, producer) in pending:
            stem, L, _ = letters[i]
            if kind == "scan":
                n = pages(work / f"{stem}.pdf")
                L.truth["variant"]["source_pages"] = n
                if n > 2 and attempt < 3:
                    retry.append((i, (kind, producer)))
        pending = retry
        if not pending:
            break
    for i in sorted(letters):
        stem, L, rng = letters[i]
        if L.producer == "lo":
            shutil.move(work / f"{stem}.pdf", out / f"{stem}.pdf")
        elif L.kind == "scan":
            src = work / f"{stem}.pdf"
            photo = L.truth["variant"]["source_pages"] == 1 and rng.random() < PHOTO_SHARE
            target = out / (f"{stem}.jpg" if photo else f"{stem}.pdf")
            ring, centre = stamp_words(L)
            info = make_scan(src, target, work, L.truth, ring, centre, rng,
                             not L.style["tte"], photo)
            if photo:
                L.producer = L.producer.replace("scan", "photo")
                L.truth["producer"] = L.producer
            L.truth["variant"]["scan"] = info
        (out / f"{stem}.json").write_text(json.dumps(L.truth, indent=1, ensure_ascii=False)
                                          + "\n")
    print(f"{len(letters)} letters in {out} ({time.time() - t0:.0f} s)")
    for key in ("producer", "family"):
        c = Counter(getattr(L, key) for _, L, _ in letters.values())
        print(f"  {key}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))


if __name__ == "__main__":
    main()
