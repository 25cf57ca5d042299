"""Realistic Indonesian official letters made from a fields dict, for tests, demo and benchmark.

The project carries its own labelled letters this way: `field_sets()` gives varied truths,
`make_docx` / `make_pdf` / `make_scan` render them in varied layouts (letterhead in the header
or the body, table or tab-aligned Nomor block, addressee below or beside it, numbered or
lettered or auto-numbered questions), so the reader is not tuned to one layout.
"""
from __future__ import annotations

import io
import random
import subprocess
import tempfile
from pathlib import Path

from pipeline.letter.specimen_data import dress, field_sets, marker, truth
from pipeline.letter.specimen_pdf import make_pdf

__all__ = ["field_sets", "make_docx", "make_pdf", "make_scan", "make_image", "truth"]


def _no_borders(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def make_docx(fields: dict) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    fields = dress(fields)
    lay, w = fields.get("_layout", {}), fields["_written"]
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    kop_home = doc.sections[0].header if lay.get("kop_in_header") else doc
    for i, text in enumerate(fields["_kop"]):
        p = kop_home.add_paragraph() if i or not lay.get("kop_in_header") else kop_home.paragraphs[0]
        run = p.add_run(text)
        run.bold, run.font.size = i < 2, Pt(14 if i < 2 else 9)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    kop_home.add_paragraph("_" * 70)
    dated = f"{w['place']}, {w['date']}"
    if not lay.get("date_on_row"):
        doc.add_paragraph(dated).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    rows = [("Nomor", fields["nomor"]), ("Sifat", fields["sifat"]),
            ("Lampiran", fields["lampiran"] or "-"), ("Hal", fields["hal"])]
    if lay.get("block") == "table":
        cols = 4 if lay.get("date_on_row") or lay.get("addressee_right") else 3
        table = doc.add_table(rows=4, cols=cols)
        _no_borders(table)
        for r, (label, value) in enumerate(rows):
            cells = table.rows[r].cells
            cells[0].text, cells[1].text, cells[2].text = label, ":", value
        if cols == 4 and lay.get("date_on_row"):
            table.rows[0].cells[3].text = dated
        elif cols == 4:
            right = table.rows[0].cells[3]
            right.text = "Kepada"
            for ln in (f"Yth. {fields['tujuan']}", "di -", f"      {w['place']}"):
                right.add_paragraph(ln)
    else:
        for label, value in rows:
            p = doc.add_paragraph(f"{label}\t: {value}")
            p.paragraph_format.tab_stops.add_tab_stop(Cm(2.5))
            if label == "Nomor" and lay.get("date_on_row"):
                p.add_run(f"\t\t{dated}")
    if not (lay.get("block") == "table" and lay.get("addressee_right") and not lay.get("date_on_row")):
        doc.add_paragraph("")
        if lay.get("addressee_right"):
            doc.add_paragraph("Kepada")
        for ln in (f"Yth. {fields['tujuan']}", "di -", f"      {w['place']}"):
            doc.add_paragraph(ln)
    doc.add_paragraph(w["intro"])
    for i, q in enumerate(fields["pertanyaan"]):
        if lay.get("numbering") == "auto":
            doc.add_paragraph(q, style="List Number")
        else:
            doc.add_paragraph(f"{marker(lay, i)} {q}").paragraph_format.left_indent = Cm(0.6)
    doc.add_paragraph("Demikian permohonan ini kami sampaikan, atas perhatian dan kerja samanya "
                      "diucapkan terima kasih.")
    sig = fields["penandatangan"]
    for text in (sig["jabatan"] + ",", "", "", "", sig["nama"], w["rank"], f"NIP. {w['nip']}"):
        p = doc.add_paragraph(text)
        p.paragraph_format.left_indent = Cm(8.5)
        p.paragraph_format.space_after = Pt(0)
    if fields["tembusan"]:
        doc.add_paragraph("")
        doc.add_paragraph("Tembusan:")
        for i, t in enumerate(fields["tembusan"]):
            mark = f"{i + 1}." if lay.get("tembusan_style") == "1." else "-"
            yth = "Yth. " if lay.get("yth_prefix") else ""
            doc.add_paragraph(f"{mark} {yth}{t};")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _scanned_pages(fields: dict, dpi: int, seed: int):
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="paraf-spec-") as tmp:
        src = Path(tmp) / "letter.pdf"
        src.write_bytes(make_pdf(fields))
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(src), str(Path(tmp) / "p")],
                       check=True, capture_output=True, timeout=60)
        pages = []
        for png in sorted(Path(tmp).glob("p*.png")):
            img = Image.open(png).convert("L")
            img = img.rotate(rng.uniform(-0.7, 0.7), resample=Image.BICUBIC, fillcolor=255)
            draw = ImageDraw.Draw(img)
            for _ in range(400):  # scanner dust
                x, y = rng.randrange(img.width), rng.randrange(img.height)
                draw.point((x, y), fill=rng.randint(60, 160))
            pages.append(img.filter(ImageFilter.GaussianBlur(0.4)).point(lambda v: min(255, v + 8)))
        return pages


def make_scan(fields: dict, dpi: int = 200, seed: int = 0) -> bytes:
    """An image-only PDF, as an office scanner would send it (slight skew, dust, JPEG)."""
    pages = _scanned_pages(fields, dpi, seed)
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", resolution=dpi, save_all=True, append_images=pages[1:], quality=55)
    return buf.getvalue()


def make_image(fields: dict, dpi: int = 200, seed: int = 0, fmt: str = "JPEG") -> bytes:
    """The first page as a photo-like JPG/PNG attachment."""
    buf = io.BytesIO()
    _scanned_pages(fields, dpi, seed)[0].save(buf, fmt, quality=60)
    return buf.getvalue()
