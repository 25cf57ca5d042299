"""Scoring a reading against a generated (or labelled) truth, as benchmarks/extraction.py does.

Text fields compare with whitespace folded and case ignored; nomor, tanggal, nip and pengantar
exactly; the questions as a list (same count, each expected one read); Tembusan in order.
"""
from __future__ import annotations

import re

FIELDS = ["nomor", "tanggal", "sifat", "lampiran", "hal", "pengirim", "nama", "nip", "jabatan",
          "tujuan", "tembusan", "pertanyaan", "pengantar"]
EXACT = {"nomor", "tanggal", "nip", "pengantar"}


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


def compare(got: dict, truth: dict) -> dict[str, bool]:
    """Field -> read right; `pengantar` only where the truth has a cover letter."""
    want, have = flat(truth), flat(got)
    return {f: same(f, have.get(f), want.get(f)) for f in FIELDS
            if f != "pengantar" or "pengantar" in truth}
