# SPDX-License-Identifier: AGPL-3.0-or-later
"""Build the messages OPDs send, with real letters made by `pipeline.letter.specimen`."""
from __future__ import annotations

import itertools
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from pipeline.letter import specimen

_COUNTER = itertools.count(1)


def fields(n: int | None = None, **over) -> dict:
    """A realistic letter from Dinas Pendidikan Kota Pekalongan; N makes the number unique."""
    n = n if n is not None else next(_COUNTER)
    base = {
        "nomor": f"400.3/{100 + n}/Disdik/2026",
        "tanggal": "2026-11-20",
        "sifat": "Segera",
        "lampiran": "1 (satu) berkas",
        "hal": "Permohonan Konsultasi Tindak Lanjut LHP",
        "pengirim": "Dinas Pendidikan Kota Pekalongan",
        "penandatangan": {"nama": "Drs. AGUS PRASETYO, M.Pd.", "nip": "196805121994031007",
                          "jabatan": "Kepala Dinas Pendidikan Kota Pekalongan"},
        "tujuan": "Inspektur Daerah Kota Pekalongan",
        "tembusan": ["Wali Kota Pekalongan", "Sekretaris Daerah Kota Pekalongan"],
        "pertanyaan": [
            "Apakah pengembalian kelebihan pembayaran honorarium dapat dilakukan secara "
            "bertahap?",
            "Bagaimana mekanisme pelaporan tindak lanjut atas rekomendasi yang belum selesai?",
        ],
    }
    base.update(over)
    return base


def letter_mail(sender="disdik@pekalongankota.go.id", letter: dict | None = None,
                kind: str = "docx", subject="Permohonan konsultasi", body="Terlampir surat kami.",
                extra: list[tuple[str, str, bytes]] = (), message_id: str | None = None,
                in_reply_to: str | None = None, attach_letter: bool = True) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Dinas Pendidikan <{sender}>"
    msg["To"] = "Konsultasi Inspektorat <konsultasi@inspektorat.example.go.id>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 11, 23, 2, 15, tzinfo=timezone.utc))
    msg["Message-ID"] = message_id or make_msgid(domain=sender.split("@")[1])
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(body)
    if attach_letter:
        letter = letter or fields()
        if kind == "docx":
            msg.add_attachment(specimen.make_docx(letter), maintype="application",
                               subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                               filename="surat permohonan.docx")
        else:
            msg.add_attachment(specimen.make_pdf(letter), maintype="application",
                               subtype="pdf", filename="surat permohonan.pdf")
    for name, ctype, data in extra:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def plain_mail(to: str = "warga@example.org", subject: str = "Tanda terima",
               text: str = "Tanda terima.") -> EmailMessage:
    """A short text mail for the outbox (its From, Date and Message-ID are filled in there)."""
    msg = EmailMessage()
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(text)
    return msg
