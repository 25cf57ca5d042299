# SPDX-License-Identifier: AGPL-3.0-or-later
"""The shapes OPD mail really comes in, and hostile mail, through the whole intake."""
from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage

from click.testing import CliRunner

from pipeline.cli.main import cli
from pipeline.letter import specimen
from tests.mails import fields, letter_mail

from .helpers import agenda, mail_in, run_until_idle

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _message(sender: str, subject: str, body: str, html: str | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "konsultasi@inspektorat.example.go.id"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{abs(hash((sender, subject, body)))}@pekalongankota.go.id>"
    msg.set_content(body)
    if html:
        msg.add_alternative(html, subtype="html")
    return msg


def test_a_forwarded_message_with_the_letter_inside(app):
    """GIVEN a secretariat forwarding the head's message (message/rfc822) from a shared address
    WHEN it is processed THEN the letter inside is read and the OPD is found from it."""
    letter = fields(301, pengirim="Dinas Pendidikan Kota Pekalongan")
    inner = _message("disdik@pekalongankota.go.id", "Permohonan Konsultasi", "Terlampir.")
    inner.add_attachment(specimen.make_pdf(letter), maintype="application", subtype="pdf",
                         filename="surat.pdf")
    outer = _message("sekretariat.disdik@pekalongankota.go.id", "Fwd: Permohonan Konsultasi",
                     "Diteruskan surat dari kepala dinas.")
    outer.add_attachment(inner)
    mail_in(app, outer.as_bytes())
    run_until_idle(app)
    (row,) = agenda(app)
    assert row["status"] == "registered" and row["opd"] == "Dinas Pendidikan Kota Pekalongan"
    assert row["letter"]["nomor"] == letter["nomor"]


def test_a_letter_typed_in_the_body_of_an_html_only_mail(app):
    body = ("Nomor : 400.3/77/Disdik/2026<br>Sifat : Biasa<br>Lampiran : -<br>"
            "Hal : Konsultasi Dana BOS<br><br>Pekalongan, 20 November 2026<br><br>"
            "Yth. Inspektur Daerah Kota Pekalongan<br>di Pekalongan<br><br>"
            "Dengan hormat, kami mohon konsultasi sebagai berikut:<br>"
            "1. Apakah sisa dana BOS dapat digunakan untuk membayar listrik sekolah?<br>"
            "2. Bagaimana pelaporannya?<br><br>Kepala Dinas Pendidikan Kota Pekalongan,<br><br>"
            "Drs. AGUS PRASETYO, M.Pd.<br>NIP 196805121994031007")
    msg = EmailMessage()
    msg["From"] = "disdik@pekalongankota.go.id"
    msg["To"] = "konsultasi@inspektorat.example.go.id"
    msg["Subject"] = "Konsultasi Dana BOS"
    msg["Message-ID"] = "<html-body-1@pekalongankota.go.id>"
    msg.set_content(f"<html><body><p>{body}</p></body></html>", subtype="html")
    mail_in(app, msg.as_bytes())
    run_until_idle(app)
    (row,) = agenda(app)
    assert row["status"] == "registered"
    assert row["letter"]["nomor"] == "400.3/77/Disdik/2026" and row["letter"]["lampiran"] is None
    assert len(row["letter"]["pertanyaan"]) == 2


def test_a_scanned_letter_among_appendices(app):
    """GIVEN a spreadsheet, a photo and the scanned letter WHEN processed THEN the scan is the
    letter (read by OCR) and the others are kept as appendices."""
    letter = fields(410, pertanyaan=["Bagaimana prosedur penghapusan aset tetap berupa "
                                     "kendaraan dinas yang telah rusak berat?"])
    xlsx = io.BytesIO()
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    raw = letter_mail(attach_letter=False, extra=[
        ("Lampiran data temuan.xlsx", XLSX, xlsx.getvalue()),
        ("surat permohonan.pdf", "application/pdf", specimen.make_scan(letter))])
    mail_in(app, raw)
    run_until_idle(app)
    (row,) = agenda(app)
    assert row["status"] == "registered", row
    assert row["letter"]["nomor"] == letter["nomor"]
    runner = CliRunner()
    shown = runner.invoke(cli, ["--config", str(app.cfg.base_dir / "config.toml"), "show",
                                row["agenda_no"]])
    assert "[letter] surat permohonan.pdf" in shown.output
    assert "[appendix] Lampiran data temuan.xlsx" in shown.output


def test_a_hostile_letter_is_quarantined_with_its_reason_and_the_next_goes_on(app):
    """GIVEN an executable labelled as the PDF letter, then a good letter WHEN processed THEN the
    first is quarantined with the reason recorded and the second registered."""
    mail_in(app, letter_mail(attach_letter=False, extra=[
        ("surat.pdf", "application/pdf", b"MZ\x90\x00" + b"\x00" * 4000)]))
    mail_in(app, letter_mail())
    run_until_idle(app)
    first, second = agenda(app)
    assert first["status"] == "quarantined" and "surat.pdf" in first["reason"]
    assert "ditolak" in first["reason"]
    assert second["status"] == "registered"


def test_deeply_nested_mime_fails_cleanly(app):
    msg = EmailMessage()
    msg["From"] = "disdik@pekalongankota.go.id"
    msg["Message-ID"] = "<nested@pekalongankota.go.id>"
    msg["Subject"] = "nested"
    inner = "isi"
    raw = None
    for depth in range(40):
        boundary = f"b{depth}"
        inner = (f'Content-Type: multipart/mixed; boundary="{boundary}"\n\n--{boundary}\n'
                 f"{inner}\n--{boundary}--\n")
    raw = (f"From: disdik@pekalongankota.go.id\nMessage-ID: <nested@pekalongankota.go.id>\n"
           f"Subject: nested\nMIME-Version: 1.0\n{inner}").encode()
    mail_in(app, raw)
    run_until_idle(app)
    (row,) = agenda(app)
    assert row["status"] == "failed" and "susunan MIME" in row["reason"]


def test_paraf_extract_prints_the_fields_of_a_letter_and_of_a_message(tmp_path):
    """GIVEN a letter file and a saved .eml WHEN `paraf extract --json` runs THEN it prints the
    documented keys (null where absent), and for the .eml which attachment it took and why."""
    letter = fields(5, lampiran=None, tembusan=[])
    (tmp_path / "surat.docx").write_bytes(specimen.make_docx(letter))
    (tmp_path / "pesan.eml").write_bytes(letter_mail(letter=letter, kind="pdf"))
    runner = CliRunner()
    out = runner.invoke(cli, ["extract", str(tmp_path / "surat.docx"), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert list(data) == ["nomor", "tanggal", "sifat", "lampiran", "hal", "pengirim",
                          "penandatangan", "tujuan", "tembusan", "pertanyaan"]
    assert data["nomor"] == letter["nomor"] and data["lampiran"] is None
    assert data["penandatangan"]["nip"] == letter["penandatangan"]["nip"]
    out = runner.invoke(cli, ["extract", str(tmp_path / "pesan.eml"), "--json"])
    data = json.loads(out.output)
    assert data["attachment"] == "surat permohonan.pdf" and data["why"]
    assert data["letter"]["hal"] == letter["hal"]


def test_fields_read_with_low_confidence_are_flagged_for_the_clerk(app):
    """GIVEN a letter typed in the body (read with less certainty than a file) WHEN the office's
    threshold is above that certainty THEN `paraf agenda` marks those fields."""
    mail_in(app, letter_mail(attach_letter=False, body=(
        "Nomor : 400.3/78/Disdik/2026\nSifat : Biasa\nLampiran : -\nHal : Konsultasi BOS\n\n"
        "Yth. Inspektur Daerah Kota Pekalongan\n\n1. Apakah boleh?\n\n"
        "Kepala Dinas Pendidikan Kota Pekalongan\n\nAGUS\nNIP 196805121994031007")))
    run_until_idle(app)
    (row,) = agenda(app, low_confidence=1.01)
    assert "nomor" in row["flagged_fields"]
    (row,) = agenda(app, low_confidence=0.0)
    assert row["flagged_fields"] == []


def _refused_shape(shape: str) -> bytes:
    """A message whose MIME tree is refused: 40 levels deep, or 300 parts."""
    if shape == "deep":
        inner = "isi"
        for depth in range(40):
            inner = (f'Content-Type: multipart/mixed; boundary="b{depth}"\n\n--b{depth}\n'
                     f"{inner}\n--b{depth}--\n")
        body = inner
    else:
        parts = "".join(f"--w\nContent-Type: text/plain\n\nbagian {i}\n" for i in range(300))
        body = f'Content-Type: multipart/mixed; boundary="w"\n\n{parts}--w--\n'
    return ("From: =?utf-8?q?Sekretariat_Dinas_P=C3=A9ndidikan?= "
            "<sekretariat@pekalongankota.go.id>\n"
            "Subject: =?utf-8?q?Permohonan_konsultasi_=E2=80=94_dana_BOS?=\n"
            " (lanjutan)\n"
            "Date: Mon, 23 Nov 2026 09:15:00 +0700\n"
            f"Message-ID: <{shape}-parts@pekalongankota.go.id>\nMIME-Version: 1.0\n"
            f"{body}").encode()


def test_a_refused_mime_structure_keeps_whose_mail_it_was(app):
    """GIVEN a message nested 40 levels deep and one with 300 parts, each with an encoded
    From name and a folded, encoded Subject
    WHEN the worker refuses their MIME structure
    THEN each failed entry still records the sender, the decoded one-line subject, the
    Message-ID and the Date, so the clerk knows whose mail it was."""
    from sqlalchemy import select

    from pipeline.core.models import InboundMessage
    for shape in ("deep", "wide"):
        mail_in(app, _refused_shape(shape))
    run_until_idle(app)
    rows = agenda(app)
    assert [r["status"] for r in rows] == ["failed", "failed"]
    assert {("susunan MIME" in r["reason"]) or ("bagian MIME" in r["reason"])
            for r in rows} == {True}
    for row in rows:
        assert row["from"] == "sekretariat@pekalongankota.go.id"
        assert row["message_id"] in ("<deep-parts@pekalongankota.go.id>",
                                     "<wide-parts@pekalongankota.go.id>")
    with app.session() as s:
        messages = list(s.scalars(select(InboundMessage)))
        for m in messages:
            assert m.subject == "Permohonan konsultasi — dana BOS (lanjutan)"
            assert m.sent_at is not None and m.sent_at.day == 23
            assert m.entry.sender_name == "Sekretariat Dinas Péndidikan"
