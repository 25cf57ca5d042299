"""Picking the letter among an e-mail's attachments, its body, or a forwarded message."""
from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage

from pipeline.letter import choose_letter, specimen


def _xlsx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return buf.getvalue()


def _photo() -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 160, 90)).save(buf, "JPEG")
    return buf.getvalue()


def test_letter_among_spreadsheet_annex_and_photos(fields):
    """GIVEN a spreadsheet, two photos, an annex PDF and the letter DOCX
    WHEN choosing
    THEN the letter is picked by its letter score and the why says so."""
    atts = [("Lampiran data.xlsx", "application/vnd.ms-excel", _xlsx()),
            ("foto1.jpg", "image/jpeg", _photo()), ("foto2.jpg", "image/jpeg", _photo()),
            ("surat.docx", "application/octet-stream", specimen.make_docx(fields[0]))]
    c = choose_letter(atts, "Terlampir surat kami.")
    assert c.filename == "surat.docx" and c.reading.nomor == fields[0]["nomor"]
    assert c.why == "highest letter score among 3 attachments" and c.refused == []


def test_single_pdf(fields):
    """GIVEN one PDF attachment
    WHEN choosing
    THEN it is the letter, as the only PDF/DOCX attachment."""
    c = choose_letter([("Surat.pdf", "application/pdf", specimen.make_pdf(fields[1]))], "")
    assert (c.filename, c.why) == ("Surat.pdf", "only PDF/DOCX attachment")


def test_letter_in_body():
    """GIVEN no attachment and a letter typed in the body
    WHEN choosing
    THEN the body is read as the letter."""
    body = ("Nomor : 400/12/Dinkes/2026\nSifat : Biasa\nLampiran : -\nHal : Konsultasi BOK\n\n"
            "Tegal, 2 Maret 2026\n\nYth. Inspektur Daerah Kota Tegal\ndi -\n  Tegal\n\n"
            "Mohon penjelasan:\n1. Apakah dana BOK dapat untuk honor kader?\n\n"
            "Demikian, terima kasih.\n\nKepala Dinas Kesehatan Kota Tegal,\n\n"
            "BUDI, S.KM.\nNIP 197001012000031001\n")
    c = choose_letter([], body)
    assert c.filename is None and c.why == "letter typed in the e-mail body"
    assert c.reading.pengirim == "Dinas Kesehatan Kota Tegal" and c.reading.tembusan == []


def test_forwarded_eml(fields):
    """GIVEN a raw forwarded .eml whose attachment is the letter PDF
    WHEN choosing
    THEN the inner PDF is picked under its own file name."""
    inner = EmailMessage()
    inner["Subject"] = "Permohonan Konsultasi"
    inner.set_content("Terlampir.")
    inner.add_attachment(specimen.make_pdf(fields[3]), maintype="application", subtype="pdf",
                         filename="08-pdf.pdf")
    c = choose_letter([("forward.eml", "message/rfc822", inner.as_bytes())], "Diteruskan.")
    assert c.filename == "08-pdf.pdf" and c.reading.nomor == fields[3]["nomor"]


def test_no_letter_and_hostile_listed():
    """GIVEN only a photo, a spreadsheet and an executable named .pdf, and a chatty body
    WHEN choosing
    THEN no letter is found and only the executable is listed as refused."""
    atts = [("a.jpg", "image/jpeg", _photo()), ("b.xlsx", "application/vnd.ms-excel", _xlsx()),
            ("surat.pdf", "application/pdf", b"MZ\x90\x00" + b"\0" * 512)]
    c = choose_letter(atts, "Selamat pagi, mohon info.")
    assert c.reading is None and c.filename is None and c.why.startswith("no letter found")
    assert [name for name, _ in c.refused] == ["surat.pdf"]
