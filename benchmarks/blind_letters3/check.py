"""Confirm every truth value is printed: python -m benchmarks.blind_letters3.check OUT"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import docx
import pdfplumber


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts: list[str] = []

    def blocks(container):
        for p in container.paragraphs:
            parts.append(p.text)
        for t in container.tables:
            for row in t.rows:
                for c in row.cells:
                    blocks(c)
    blocks(d)
    for s in d.sections:
        for h in (s.header, s.first_page_header, s.footer, s.first_page_footer):
            blocks(h)
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def missing(truth: dict, text: str) -> list[str]:
    flat = fold(text.replace("\t", " "))
    joined = fold(re.sub(r"-\n", "-", text.replace("\t", " ")))
    sig = truth["penandatangan"]
    want = [truth["nomor"], truth["hal"], truth["tujuan"], sig["nama"], sig["jabatan"]]
    want += [v for v in (truth["sifat"], truth["lampiran"]) if v]
    want += truth["tembusan"] + truth["pertanyaan"]
    out = [w for w in want if fold(w) not in flat and fold(w) not in joined]
    digits = re.sub(r"\D", "", text)
    if sig["nip"] not in digits:
        out.append(sig["nip"])
    return out


def main() -> None:
    out = Path(sys.argv[1])
    work = out.parent / (out.name + "_work")
    bad = 0
    for tj in sorted(out.glob("*.json")):
        truth = json.loads(tj.read_text())
        doc = next(p for p in out.glob(tj.stem + ".*") if p.suffix != ".json")
        if doc.suffix == ".docx":
            text = docx_text(doc)
        else:
            text = pdf_text(work / doc.name if truth["format"] == "scan" else doc)
        miss = missing(truth, text)
        if miss:
            bad += 1
            print(f"{tj.stem}: not printed: {miss}")
    print(f"{bad} letters with a value not found")


if __name__ == "__main__":
    main()
