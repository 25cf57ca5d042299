"""Write N generated letters and truths to a folder; LibreOffice converts in one batch."""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.letters_gen import compose, docx_out, pdf_out, scan_out
from tests.letters_gen.specs import make_spec, truth

# producer -> (truth format, extension); the cycle gives 1/3 DOCX, 1/3 reportlab, 1/6 LO, 1/6 scans
FORMATS = {"docx": ("docx", "docx"), "reportlab": ("pdf", "pdf"), "libreoffice": ("pdf", "pdf"),
           "scan": ("scan", "pdf"), "photo": ("scan", "jpg"), "loscan": ("scan", "pdf")}
CYCLE = ["docx", "reportlab", "docx", "reportlab", "libreoffice", "scan",
         "docx", "reportlab", "docx", "reportlab", "libreoffice", "loscan",
         "docx", "reportlab", "docx", "reportlab", "libreoffice", "photo"]


def producer(i: int) -> str:
    # family is i % 8; stepping 5 (coprime with 18) makes every family meet every producer
    return CYCLE[(i % 8 + 5 * (i // 8)) % len(CYCLE)]


def soffice_batch(docx_files: list[Path], out: Path) -> None:
    """One LibreOffice run for all files (its start-up is the slow part), private profile."""
    if not docx_files:
        return
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is needed for the LibreOffice-exported letters")
    with tempfile.TemporaryDirectory(prefix="paraf-gen-lo-") as prof:
        subprocess.run([exe, f"-env:UserInstallation=file://{prof}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(out)] + [str(p) for p in docx_files],
                       check=True, capture_output=True, timeout=60 + 3 * len(docx_files))


def _pages(pdf: bytes) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def generate(n: int, seed: int, out: Path, producers: set[str] | None = None) -> list[Path]:
    """Write letters 0..n-1 (only those whose producer is in `producers`, when given)."""
    out.mkdir(parents=True, exist_ok=True)
    specs = [(i, make_spec(i, seed), producer(i)) for i in range(n)]
    specs = [s for s in specs if producers is None or s[2] in producers]
    lo_dir = out / "_lo"
    lo_dir.mkdir(exist_ok=True)
    written, via_lo = [], []
    for i, spec, prod in specs:
        blocks = compose.compose(spec)
        fmt, ext = FORMATS[prod]
        stem = f"{i:03d}-{spec['family']}-{prod}"
        if prod in ("docx", "libreoffice", "loscan"):
            data = docx_out.render(blocks, spec)
            if prod == "docx":
                (out / f"{stem}.docx").write_bytes(data)
            else:
                (lo_dir / f"{stem}.docx").write_bytes(data)
                via_lo.append((stem, spec, prod))
        else:
            pdf = pdf_out.render(blocks, spec)
            if prod == "photo" and _pages(pdf) > 1:  # a phone photo shows one page: scan it all
                prod, (fmt, ext) = "scan", FORMATS["scan"]
                stem = f"{i:03d}-{spec['family']}-{prod}"
            if prod == "reportlab":
                (out / f"{stem}.pdf").write_bytes(pdf)
            else:
                photo = prod == "photo"
                (out / f"{stem}.{ext}").write_bytes(
                    scan_out.scan(pdf, spec["penandatangan"]["nama"], seed * 7919 + i, photo))
        (out / f"{stem}.json").write_text(json.dumps(truth(spec, fmt, prod), indent=1,
                                                     ensure_ascii=False))
        written.append(out / f"{stem}.{ext}")
    soffice_batch(sorted(lo_dir.glob("*.docx")), lo_dir)
    for stem, spec, prod in via_lo:
        pdf = (lo_dir / f"{stem}.pdf").read_bytes()
        if prod == "loscan":
            pdf = scan_out.scan(pdf, spec["penandatangan"]["nama"], seed * 7919 + int(stem[:3]))
        (out / f"{stem}.pdf").write_bytes(pdf)
    shutil.rmtree(lo_dir)
    return written
