"""Each format is read into the same fields, through the sandbox."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pipeline.letter import Refused, read_letter, read_letter_inprocess, specimen
from pipeline.letter.specimen_data import QUESTIONS
from tests.letter.conftest import assert_fields

FIXTURES = Path(__file__).parents[1] / "fixtures" / "letters"


@pytest.mark.parametrize("i", range(6))
def test_docx_fields(fields, i):
    """GIVEN a generated DOCX letter in one of several layouts
    WHEN it is read in the sandbox
    THEN every field equals the truth and the format is docx."""
    r = read_letter(specimen.make_docx(fields[i]), "surat.docx")
    assert_fields(r, fields[i])
    assert r.format == "docx" and r.missing() == []


@pytest.mark.parametrize("i", range(6))
def test_text_pdf_fields(fields, i):
    """GIVEN a generated text PDF (two-column header block, date on the right)
    WHEN it is read
    THEN every field equals the truth and provenance says page 1, not OCR."""
    r = read_letter(specimen.make_pdf(fields[i]), "surat.pdf")
    assert_fields(r, fields[i])
    assert r.format == "pdf"
    assert r.provenance["nomor"] == {"page": 1, "ocr": False, "confidence": 1.0}


def test_scan_fields(fields):
    """GIVEN a skewed, dusty image-only PDF
    WHEN it is read
    THEN OCR recovers every field, marks ocr=True and lowers confidence below 1."""
    r = read_letter(specimen.make_scan(fields[4], seed=3), "scan.pdf")
    assert_fields(r, fields[4])
    assert r.format == "scan"
    assert r.provenance["nomor"]["ocr"] is True and r.provenance["nomor"]["confidence"] < 1.0


def test_photo_jpg(fields):
    """GIVEN the letter as a JPG photo attachment
    WHEN it is read
    THEN the key fields are read and the format is image."""
    r = read_letter(specimen.make_image(fields[0], seed=5), "foto.jpg")
    assert r.format == "image"
    assert (r.nomor, r.tanggal, r.hal) == (fields[0]["nomor"], fields[0]["tanggal"], fields[0]["hal"])


def test_questions_continue_on_next_page(one):
    """GIVEN a letter whose question list runs onto page 2
    WHEN it is read
    THEN all questions are read, with the signature, from two pages."""
    long = {**one, "pertanyaan": [q + " Mohon penjelasan beserta dasar hukumnya secara rinci."
                                  for q in QUESTIONS]}
    r = read_letter(specimen.make_pdf(long), "long.pdf")
    # each item's closing "." is list punctuation, not the question's ("?" stays)
    assert r.pertanyaan == [q.rstrip(".") for q in long["pertanyaan"]]
    assert r.pages_read == 2 and r.penandatangan["nip"] == one["penandatangan"]["nip"]


def test_a_300_page_appendix_costs_about_what_the_letter_costs(one):
    """GIVEN a 1-page letter followed by a 300-page appendix in the same PDF
    WHEN it is read
    THEN only the letter's pages are read, at about the cost of the letter alone."""
    letter = specimen.make_pdf(one)
    data = _with_appendix(letter, 300)
    t = time.perf_counter()
    read_letter(letter, "letter.pdf")
    alone = time.perf_counter() - t
    t = time.perf_counter()
    r = read_letter(data, "with-appendix.pdf")
    together = time.perf_counter() - t
    assert r.pages_read <= 2 and r.nomor == one["nomor"]
    assert together < 3 * alone + 0.3


def _with_appendix(letter: bytes, pages: int) -> bytes:
    import io

    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n in range(pages):
        for k in range(40):
            c.drawString(60, 780 - 18 * k, f"Lampiran data temuan baris {n}-{k} Rp{n * k:,}")
        c.showPage()
    c.save()
    doc = pdfium.PdfDocument(letter)
    doc.import_pages(pdfium.PdfDocument(buf.getvalue()))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_committed_fixtures_read_correctly():
    """GIVEN the committed labelled fixtures (DOCX and text PDF)
    WHEN read in-process
    THEN nomor, tanggal and nip match the JSON truth exactly."""
    docs = [p for p in sorted(FIXTURES.iterdir()) if p.suffix != ".json" and "scan" not in p.name]
    assert len(docs) >= 10
    for p in docs:
        truth = json.loads(p.with_suffix(".json").read_text())
        r = read_letter_inprocess(p.read_bytes(), p.name)
        assert (r.nomor, r.tanggal) == (truth["nomor"], truth["tanggal"]), p.name
        assert r.penandatangan["nip"] == truth["penandatangan"]["nip"], p.name


def test_json_shapes(one):
    """GIVEN a reading
    WHEN serialised
    THEN to_json has exactly the ten field keys and meta has format/provenance/pages_read."""
    r = read_letter(specimen.make_docx(one), "a.docx")
    assert list(r.to_json()) == ["nomor", "tanggal", "sifat", "lampiran", "hal", "pengirim",
                                 "penandatangan", "tujuan", "tembusan", "pertanyaan"]
    assert set(r.meta()) == {"format", "provenance", "pages_read"}
    json.dumps(r.to_json()), json.dumps(r.meta())


def test_empty_pdf_text_refused():
    """GIVEN a file with no content at all
    WHEN read
    THEN it is refused as empty."""
    with pytest.raises(Refused, match="empty"):
        read_letter(b"", "kosong.pdf")
