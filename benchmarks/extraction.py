"""Field-extraction benchmark: per-field exact-match accuracy by format, and speed.

    python benchmarks/extraction.py [--samples DIR] [--bare]

DIR holds NN-kind.{docx,pdf} with NN-kind.json truths (default: tests/fixtures/letters).
Scoring: text fields compare with whitespace folded and case ignored; nomor, tanggal and nip
exactly; each expected question must match one read question. Letters are read through the
sandbox (`read_letter`) unless --bare is given.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.letter import Refused, read_letter, read_letter_inprocess  # noqa: E402

FIELDS = ["nomor", "tanggal", "sifat", "lampiran", "hal", "pengirim", "nama", "nip", "jabatan",
          "tujuan", "tembusan", "pertanyaan"]
EXACT = {"nomor", "tanggal", "nip"}


def fold(v):
    return re.sub(r"\s+", " ", v).strip().lower() if isinstance(v, str) else v


def same(field: str, got, want) -> bool:
    if field in EXACT:
        return got == want
    if field == "pertanyaan":
        got_f = [fold(q) for q in got or []]
        return len(got_f) == len(want or []) and all(fold(q) in got_f for q in want or [])
    if field == "tembusan":
        return [fold(t) for t in got or []] == [fold(t) for t in want or []]
    return fold(got) == fold(want)


def flat(d: dict | None) -> dict:
    d = dict(d or {})
    sig = d.pop("penandatangan", None) or {}
    return {**d, "nama": sig.get("nama"), "nip": sig.get("nip"), "jabatan": sig.get("jabatan")}


def run(samples: Path, bare: bool) -> int:
    read = read_letter_inprocess if bare else read_letter
    hits: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    times: dict[str, list[float]] = defaultdict(list)
    page_times: list[float] = []
    for truth_path in sorted(samples.glob("*.json")):
        truth = json.loads(truth_path.read_text())
        doc = next((p for p in samples.glob(truth_path.stem + ".*") if p.suffix != ".json"), None)
        if doc is None:
            continue
        fmt = truth.get("format", doc.suffix.lstrip("."))
        t0 = time.perf_counter()
        try:
            got = read(doc.read_bytes(), doc.name).to_dict()
        except Refused as e:
            print(f"  {doc.name}: refused: {e.reason}")
            got = {}
        dt = time.perf_counter() - t0
        times[fmt].append(dt)
        if fmt == "scan":
            page_times.append(dt / max(got.get("pages_read") or 1, 1))
        want, have = flat(truth), flat(got)
        for f in FIELDS:
            ok = same(f, have.get(f), want.get(f))
            hits[fmt][f].append(ok)
            if not ok:
                print(f"  {doc.name}: {f}: got {have.get(f)!r}, want {want.get(f)!r}")
    print(f"\nsamples: {samples}  ({'in-process' if bare else 'sandboxed'})")
    print(f"{'field':<11}" + "".join(f"{fmt:>9}" for fmt in sorted(hits)))
    for f in FIELDS:
        print(f"{f:<11}" + "".join(f"{100 * sum(hits[fmt][f]) / len(hits[fmt][f]):>8.1f}%"
                                   for fmt in sorted(hits)))
    print(f"{'letters':<11}" + "".join(f"{len(times[fmt]):>9}" for fmt in sorted(hits)))
    print(f"{'median s':<11}" + "".join(f"{statistics.median(times[fmt]):>9.3f}" for fmt in sorted(hits)))
    if page_times:
        print(f"median s per scanned page: {statistics.median(page_times):.2f}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=Path, default=ROOT / "tests" / "fixtures" / "letters")
    ap.add_argument("--bare", action="store_true", help="read in-process, without the sandbox")
    args = ap.parse_args()
    return run(args.samples, args.bare)


if __name__ == "__main__":
    raise SystemExit(main())
