"""python -m benchmarks.blind_letters3 OUT [--n 120] [--seed 31] [--work DIR]"""
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

from . import render_docx, render_rl
from .letter import make_letter
from .scan import make_scan

KIND_SHARE = {"docx": 0.35, "pdf": 0.40, "scan": 0.25}


def plan(n: int, seed: int) -> list[tuple[str, str]]:
    """(kind, producer) per letter, in the set's proportions, shuffled by the seed."""
    n_docx, n_pdf = round(n * KIND_SHARE["docx"]), round(n * KIND_SHARE["pdf"])
    kinds = ["docx"] * n_docx + ["pdf"] * n_pdf + ["scan"] * (n - n_docx - n_pdf)
    rng = random.Random(f"bl3-plan-{seed}")
    rng.shuffle(kinds)
    out = []
    for k, kind in enumerate(kinds):
        side = "rl" if k % 2 == 0 else "lo"
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


def stamp_text(letter) -> str:
    u = letter.unit
    if u.kind in ("kecamatan", "kelurahan", "distrik"):
        return f"{u.region.full} - {u.name}"
    return f"{u.region.full} - {u.short}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.blind_letters3")
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--work", type=Path, help="intermediates (default: OUT_work)")
    args = ap.parse_args(argv)
    t0 = time.time()
    out = args.out
    work = args.work or out.parent / (out.name + "_work")
    for d in (out, work):
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
    letters, to_convert = [], []
    for i, (kind, producer) in enumerate(plan(args.n, args.seed)):
        rng = random.Random(f"bl3-{args.seed}-{i}")
        L = make_letter(rng, kind, producer)
        stem = f"{i + 1:03d}-{kind}"
        seed = f"{args.seed}-{i}"
        if producer == "docx":
            render_docx.render(L, out / f"{stem}.docx", work, seed)
        elif producer == "rl":
            render_rl.render(L, out / f"{stem}.pdf", work, seed)
        elif producer == "scan-rl":
            render_rl.render(L, work / f"{stem}.pdf", work, seed)
        else:
            render_docx.render(L, work / f"{stem}.docx", work, seed)
            to_convert.append(work / f"{stem}.docx")
        letters.append((stem, L, rng))
    soffice(to_convert, work, work)
    for stem, L, rng in letters:
        if L.producer == "lo":
            shutil.move(work / f"{stem}.pdf", out / f"{stem}.pdf")
        elif L.kind == "scan":
            info = make_scan(work / f"{stem}.pdf", out / f"{stem}.pdf", work,
                             L.truth["penandatangan"], stamp_text(L), rng, not L.style["tte"])
            L.truth["variant"]["scan"] = info
        (out / f"{stem}.json").write_text(json.dumps(L.truth, indent=1, ensure_ascii=False)
                                          + "\n")
    print(f"{len(letters)} letters in {out} ({time.time() - t0:.0f} s)")
    for key in ("producer", "family"):
        c = Counter(getattr(L, key) for _, L, _ in letters)
        print(f"  {key}: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))


if __name__ == "__main__":
    main()
