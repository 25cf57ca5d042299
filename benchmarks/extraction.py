"""Field-extraction benchmark: exact-match accuracy per field, per format and per layout family,
and reading time against a bare extraction of the same files.

    python benchmarks/extraction.py                       # 306 generated letters (tests/letters_gen)
    python benchmarks/extraction.py --n 60 --seed 3       # another generated set
    python benchmarks/extraction.py --producers scan,loscan,photo   # the scans only
    python benchmarks/extraction.py --samples DIR         # NN-kind.{docx,pdf} + NN-kind.json
    python benchmarks/extraction.py --sandbox             # through the sandbox, as the worker reads
    python benchmarks/extraction.py --samples DIR --rounds 3   # memory: the same letters again

Scoring: text fields compare with whitespace folded and case ignored; nomor, tanggal and nip
exactly; the questions as a list (same count, each expected one read). `pengantar` (a cover
letter's own number) is scored only where the truth has one.
Bare baseline, same files, same run: pdfplumber's text of every page (text PDFs), the paragraph
and table text of python-docx (DOCX), and pdftoppm + one full-page tesseract pass per page
(scans), i.e. getting the text out without reading any field.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.letter import Refused, read_letter, read_letter_inprocess  # noqa: E402
from tests.letters_gen.score import FIELDS, compare, flat  # noqa: E402


def bare(path: Path, fmt: str) -> int:
    """The text of the file without any reading of fields; returns the pages it took."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        import docx

        d = docx.Document(io.BytesIO(data))
        "\n".join([p.text for p in d.paragraphs] +
                  [c.text for t in d.tables for r in t.rows for c in r.cells])
        return 1
    if fmt != "scan":
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
            return len(pdf.pages)
    with tempfile.TemporaryDirectory(prefix="paraf-bench-") as tmp:
        if path.suffix == ".pdf":
            subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(path), f"{tmp}/p"],
                           check=True, capture_output=True)
            pngs = sorted(Path(tmp).glob("p*.png"))
        else:
            pngs = [path]
        for png in pngs:
            subprocess.run(["tesseract", str(png), "-", "-l", "ind+eng", "--psm", "6"],
                           check=True, capture_output=True)
        return len(pngs)


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def pct(xs: list[bool]) -> str:
    return f"{100 * sum(xs) / len(xs):6.1f}%" if xs else "      -"


def table(title: str, hits: dict[str, dict[str, list[bool]]]) -> None:
    keys = sorted(hits)
    print(f"\n{title}\n{'field':<11}" + "".join(f"{k[:10]:>11}" for k in keys))
    for f in FIELDS:
        if any(hits[k][f] for k in keys):
            print(f"{f:<11}" + "".join(f"{pct(hits[k][f]):>11}" for k in keys))
    print(f"{'all fields':<11}" + "".join(
        f"{pct([x for f in FIELDS for x in hits[k][f]]):>11}" for k in keys))
    print(f"{'letters':<11}" + "".join(f"{len(hits[k]['nomor']):>11}" for k in keys))


def run(folder: Path, sandbox: bool, baseline: bool, show: int) -> dict:
    read = read_letter if sandbox else read_letter_inprocess
    by_fmt: dict = defaultdict(lambda: defaultdict(list))
    by_family: dict = defaultdict(lambda: defaultdict(list))
    by_producer: dict = defaultdict(lambda: defaultdict(list))
    times: dict[str, list[float]] = defaultdict(list)
    bare_times: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    shown = 0
    for truth_path in sorted(folder.glob("*.json")):
        truth = json.loads(truth_path.read_text())
        doc = next((p for p in folder.glob(truth_path.stem + ".*") if p.suffix != ".json"), None)
        if doc is None:
            continue
        fmt = truth.get("format", doc.suffix.lstrip("."))
        t0, c0 = time.perf_counter(), _cpu()
        try:
            got = read(doc.read_bytes(), doc.name).to_dict()
        except Refused as e:
            print(f"  {doc.name}: refused: {e.reason}")
            got = {}
        dt = time.perf_counter() - t0
        pages = max(got.get("pages_read") or 1, 1)
        times[fmt].append(dt / pages if fmt == "scan" else dt)
        cpu[fmt].append((_cpu() - c0) / (pages if fmt == "scan" else 1))
        if baseline:
            t0 = time.perf_counter()
            n = bare(doc, fmt)
            bare_times[fmt].append((time.perf_counter() - t0) / (n if fmt == "scan" else 1))
        for f, ok in compare(got, truth).items():
            for group, key in ((by_fmt, fmt), (by_family, truth.get("family", "samples")),
                               (by_producer, truth.get("producer", doc.suffix.lstrip(".")))):
                group[key][f].append(ok)
            if not ok and shown < show:
                shown += 1
                print(f"  {doc.name}: {f}: got {flat(got).get(f)!r}, want {flat(truth).get(f)!r}")
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\nletters: {folder}  ({'sandboxed' if sandbox else 'in-process'})")
    table("per format", by_fmt)
    if len(by_family) > 1:
        table("per layout family", by_family)
        table("per producer", by_producer)
    text = times["docx"] + times["pdf"]
    print("\ntiming (median)              paraf      bare")
    for label, xs, bs in (("per DOCX letter", times["docx"], bare_times["docx"]),
                          ("per text-PDF letter", times["pdf"], bare_times["pdf"]),
                          ("per text letter", text, bare_times["docx"] + bare_times["pdf"]),
                          ("per scanned page", times["scan"], bare_times["scan"])):
        if xs:
            b = f"{statistics.median(bs):9.3f} s" if bs else "         -"
            print(f"  {label:<24}{statistics.median(xs):9.3f} s{b}")
    if cpu["scan"]:  # wall time suffers when the machine is shared; CPU time does not
        print(f"  {'CPU per scanned page':<24}{statistics.median(cpu['scan']):9.3f} s"
              "  (this process + tesseract, one thread)")
    print(f"peak RSS: {rss0 / 1024:.0f} MB before, {rss1 / 1024:.0f} MB after")
    return {"format": by_fmt, "family": by_family}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=Path, help="a folder of labelled letters instead")
    ap.add_argument("--n", type=int, default=306, help="generated letters (default 306)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    ap.add_argument("--producers", help="only these producers of the generated set, comma-separated "
                    "(docx, reportlab, libreoffice, scan, loscan, photo); e.g. scan,loscan,photo")
    ap.add_argument("--sandbox", action="store_true", help="read through the sandbox")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--show", type=int, default=40, help="mismatches to print")
    ap.add_argument("--rounds", type=int, default=1,
                    help="read the letters this many times in one process (peak RSS per round)")
    args = ap.parse_args()
    if args.samples:
        for k in range(args.rounds):
            if k:
                print(f"\n--- round {k + 1} of {args.rounds} ---")
            run(args.samples, args.sandbox, not args.no_baseline and k == 0, args.show if not k else 0)
        return 0
    from tests.letters_gen import generate

    with tempfile.TemporaryDirectory(prefix="paraf-letters-") as tmp:
        folder = args.keep or Path(tmp)
        if not any(folder.glob("*.json")):
            t0 = time.perf_counter()
            only = set(args.producers.split(",")) if args.producers else None
            generate(args.n, args.seed, folder, only)
            print(f"generated {args.n} letters (seed {args.seed}) in {time.perf_counter() - t0:.0f} s")
        run(folder, args.sandbox, not args.no_baseline, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
