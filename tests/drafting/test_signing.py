"""Setting the outgoing number and date at signing, on fresh and on hand-edited drafts."""
from __future__ import annotations

import io

import pytest
from docx import Document

from pipeline.casework import drafting
from pipeline.letter import read_letter_inprocess
from tests.drafting import ANSWERS, INSPECTOR, OFFICE, entry, texts

NOMOR = "700/123/ITDA/XI/2026"


@pytest.fixture(scope="module")
def draft() -> bytes:
    ctx = drafting.context_for(entry(), OFFICE, INSPECTOR, ANSWERS)
    return drafting.render(drafting.default_template(), ctx)


def nomor_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "Nomor")


def _save(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_fresh_draft(draft):
    """GIVEN a fresh draft WHEN signed THEN Nomor and the Indonesian date are set, read back
    by the letter reader, and nothing else changes."""
    signed = drafting.fill_signing(draft, NOMOR, "2026-11-25")
    r = read_letter_inprocess(signed, "x.docx")
    assert (r.nomor, r.tanggal) == (NOMOR, "2026-11-25")
    lines = texts(signed)
    assert "Pekalongan, 25 November 2026" in lines
    assert lines[lines.index("Nomor") + 2] == NOMOR
    before, after = texts(draft), lines
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after) and len(changed) == 2


def test_number_keeps_the_label_font(draft):
    """GIVEN the empty Nomor cell WHEN signed THEN the number is in a run (not bare text)."""
    doc = Document(io.BytesIO(drafting.fill_signing(draft, NOMOR, "2026-11-25")))
    cell = nomor_table(doc).rows[0].cells[2]
    assert cell.paragraphs[0].runs[0].text == NOMOR


def test_edited_draft(draft):
    """GIVEN a draft an official edited in Word (answer text changed, a paragraph added,
    the date line rewritten with tabs, a placeholder typed in the Nomor cell)
    WHEN signed THEN the number and date land in the right places and the edits survive."""
    doc = Document(io.BytesIO(draft))
    body = [p for p in doc.paragraphs]
    ans = next(p for p in body if p.text.startswith("Jawaban: Penghapusan"))
    ans.runs[-1].text = " Penghapusan dilakukan setelah penilaian oleh tim."
    ans.insert_paragraph_before("Catatan tambahan dari Irban.")
    date_p = next(p for p in body if p.text.startswith("Pekalongan,"))
    for run in date_p.runs:
        run.text = ""
    date_p.runs[0].text = "Pekalongan,"
    date_p.add_run("\t\t")
    date_p.add_run("November 2026")
    nomor_table(doc).rows[0].cells[2].paragraphs[0].add_run("700/      /ITDA/2026")
    nomor_table(doc).rows[0].cells[2].add_paragraph("(diisi oleh TU)")
    signed = drafting.fill_signing(_save(doc), NOMOR, "2026-11-30")
    lines = texts(signed)
    assert "Pekalongan, 30 November 2026" in lines
    assert "Catatan tambahan dari Irban." in lines
    assert "Jawaban: Penghapusan dilakukan setelah penilaian oleh tim." in lines
    assert "(diisi oleh TU)" not in lines
    r = read_letter_inprocess(signed, "x.docx")
    assert (r.nomor, r.tanggal) == (NOMOR, "2026-11-30")


def test_resigning_replaces(draft):
    """GIVEN a signed draft WHEN signed again with another number and date THEN both are replaced."""
    once = drafting.fill_signing(draft, NOMOR, "2026-11-25")
    twice = drafting.fill_signing(once, "700/124/ITDA/XII/2026", "2026-12-01")
    r = read_letter_inprocess(twice, "x.docx")
    assert (r.nomor, r.tanggal) == ("700/124/ITDA/XII/2026", "2026-12-01")


def test_paragraph_layout_without_table():
    """GIVEN a draft retyped without a table ("Nomor\t: ...", date beside another city)
    WHEN signed with the office's city THEN the Nomor line and date line are filled."""
    doc = Document()
    doc.add_paragraph("Batang, ………")
    doc.add_paragraph("Pekalongan, ……… 2026")
    doc.add_paragraph("Nomor\t: ")
    doc.add_paragraph("Hal\t: Jawaban atas Permohonan Konsultasi")
    signed = drafting.fill_signing(_save(doc), NOMOR, "2026-01-05", city="Pekalongan")
    assert texts(signed)[:3] == ["Batang, ………", "Pekalongan, 5 Januari 2026", f"Nomor\t: {NOMOR}"]


@pytest.mark.parametrize("paras, message", [
    (["Pekalongan, ………", "Hal : x"], "Nomor"),
    (["Nomor : ", "Hal : x"], "place-and-date"),
])
def test_missing_fields_raise(paras, message):
    """GIVEN a document without a Nomor field or a date line WHEN signed THEN it refuses, naming it."""
    doc = Document()
    for text in paras:
        doc.add_paragraph(text)
    with pytest.raises(drafting.DraftError, match=message):
        drafting.fill_signing(_save(doc), NOMOR, "2026-01-05")


def test_bad_input_raises(draft):
    """GIVEN an empty number or a malformed date WHEN signing THEN it refuses."""
    with pytest.raises(drafting.DraftError):
        drafting.fill_signing(draft, "  ", "2026-01-05")
    with pytest.raises(ValueError):
        drafting.fill_signing(draft, NOMOR, "5 Januari 2026")
