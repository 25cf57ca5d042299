"""Confirm every truth value is printed: python -m benchmarks.blind_letters4.check OUT

DOCX: body, tables (nested), headers and footers. PDF: pdfplumber text. Scans and photos are
checked through the text PDF they were made from (in OUT_work). A kop drawn as a picture is
checked through the lines recorded in the variant (`kop_image_text`).
Prints each letter with a value not found; exits 1 if there is any.
"""
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
    """Page text, then every table cell's text (side-by-side cells interleave in lines)."""
    parts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            parts.append(page.extract_text() or "")
            for table in page.extract_tables():
                parts += [c for row in table for c in row if c]
    return "\n".join(parts)


def missing(truth: dict, text: str) -> list[str]:
    v = truth["variant"]
    text = text.replace("\t", " ")
    kop = " ".join(v.get("kop_image_text", []))
    flat = fold(text + "\n" + kop)
    sig = truth["penandatangan"]
    want = [truth["nomor"], truth["hal"], truth["tujuan"], sig["nama"], sig["jabatan"],
            v["date_text"]]
    want += [x for x in (truth["sifat"], truth["lampiran"]) if x]
    want += truth["tembusan"] + truth["pertanyaan"]
    joined = fold(re.sub(r"-\n", "-", text + "\n" + kop))
    out = [w for w in want if fold(w) not in flat and fold(w) not in joined
           and fold(w) not in re.sub(r"\s*/\s*", "/", flat)]  # (a number's blank-fill spaces)
    # pengirim: the unit's own name and its region (or, for a sub-district, the name)
    unit_part = truth["pengirim"]
    for sep in (" Kabupaten ", " Kota ", " Provinsi "):
        if sep in f" {unit_part} " and v["unit_kind"] not in ("kecamatan", "kapanewon"):
            head, _, reg = unit_part.rpartition(sep.strip())
            if fold(sep.strip() + " " + reg) not in flat:
                out.append(f"pengirim region: {sep.strip()} {reg}")
            unit_part = head.strip()
            break
    for piece in unit_part.split(" Sekretariat Daerah"):
        if piece and fold(piece) not in flat and fold(piece) not in joined:
            out.append(f"pengirim unit: {piece}")
    if truth["nomor"] != truth["nomor"].strip() or not re.fullmatch(r"\d{18}", sig["nip"]):
        out.append("format: nomor/nip")
    digits = re.sub(r"\D", "", text)
    if sig["nip"] not in digits:
        out.append(sig["nip"])
    return out


def main() -> None:
    out = Path(sys.argv[1])
    work = out.parent / (out.name + "_work")
    bad = n = 0
    for tj in sorted(out.glob("*.json")):
        n += 1
        truth = json.loads(tj.read_text())
        doc = next(p for p in out.glob(tj.stem + ".*") if p.suffix != ".json")
        if doc.suffix == ".docx":
            text = docx_text(doc)
        else:
            text = pdf_text(work / (doc.stem + ".pdf") if truth["format"] == "scan" else doc)
        miss = missing(truth, text)
        if miss:
            bad += 1
            print(f"{tj.stem}: not printed: {miss}")
    print(f"{bad} of {n} letters with a value not found")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
