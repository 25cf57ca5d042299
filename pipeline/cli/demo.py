# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf demo`: the intake slice end to end on embedded defaults, with no server at all.

A temporary workspace (Maildir intake, SQLite, outgoing mail written as .eml files) receives a
handful of OPD messages made on the spot: letters as DOCX and PDF, a letter from a shared
office address, a request without its letter and the reply that completes it, a letter sent
twice, a stranger's mail and a broken message.
"""
from __future__ import annotations

import os
import secrets
import tempfile
from datetime import datetime, timezone
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

from rich.console import Console

from pipeline.app import App
from pipeline.books.views import agenda_rows, print_agenda
from pipeline.core.config import load
from pipeline.core.workspace import init
from pipeline.intake.maildir import deliver
from pipeline.letter import specimen
from pipeline.worker import run_once

QUESTIONS = [
    "Apakah pengembalian kelebihan pembayaran perjalanan dinas dapat dilakukan secara bertahap "
    "melalui pemotongan tambahan penghasilan pegawai?",
    "Bagaimana mekanisme pelaporan tindak lanjut apabila pihak ketiga yang bertanggung jawab "
    "telah dinyatakan pailit?",
    "Dokumen apa saja yang harus dilampirkan sebagai bukti tindak lanjut atas rekomendasi "
    "pemulihan kerugian daerah?",
    "Siapa yang berwenang menetapkan status penggunaan tanah yang dipakai bersama oleh dua OPD?",
]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _letter(unit: str, code: str, n: int, hal: str, signer: str, nip: str, questions) -> dict:
    return {"nomor": f"700/{n}/{code}/2026", "tanggal": "2026-11-20", "sifat": "Segera",
            "lampiran": "1 (satu) berkas", "hal": hal, "pengirim": unit,
            "penandatangan": {"nama": signer, "nip": nip, "jabatan": f"Kepala {unit}"},
            "tujuan": "Inspektur Daerah Kota Pekalongan",
            "tembusan": ["Wali Kota Pekalongan", "Sekretaris Daerah Kota Pekalongan"],
            "pertanyaan": list(questions)}


def _mail(sender: str, name: str, subject: str, body: str, attachments=(), reply_to=None,
          message_id=None) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender}>"
    msg["To"] = "Konsultasi Inspektorat <konsultasi@inspektorat.example.go.id>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.now(timezone.utc))
    msg["Message-ID"] = message_id or make_msgid(domain=sender.split("@")[1])
    if reply_to:
        msg["In-Reply-To"] = msg["References"] = reply_to
    msg.set_content(body)
    for filename, ctype, data in attachments:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def sample_messages() -> list[tuple[str, bytes]]:
    """(what it shows, raw message) in arrival order; the completing reply comes later."""
    disdik = _letter("Dinas Pendidikan Kota Pekalongan", "Disdik", 412,
                     "Permohonan Konsultasi Tindak Lanjut LHP", "Drs. AGUS PRASETYO, M.Pd.",
                     "196805121994031007", QUESTIONS[:2])
    dinkes = _letter("Dinas Kesehatan Kota Pekalongan", "Dinkes", 88,
                     "Konsultasi Pengelolaan Dana BOK", "dr. SRI WAHYUNI, M.Kes.",
                     "197203151998032004", QUESTIONS[1:4])
    bpkad = _letter("Badan Pengelolaan Keuangan dan Aset Daerah Kota Pekalongan", "BPKAD", 35,
                    "Konsultasi Penatausahaan Aset Tetap", "HENDRA WIJAYA, S.E., M.Si.",
                    "197510102000031002", QUESTIONS[3:])
    disdik_docx = specimen.make_docx(disdik)
    return [
        ("letter as DOCX", _mail("disdik@pekalongankota.go.id", "Dinas Pendidikan",
                                 "Permohonan konsultasi", "Terlampir surat kami.",
                                 [("surat-konsultasi.docx", DOCX, disdik_docx)])),
        ("letter as PDF", _mail("dinkes@pekalongankota.go.id", "Dinas Kesehatan",
                                "Surat 700/88/Dinkes/2026", "Dengan hormat, terlampir.",
                                [("surat.pdf", "application/pdf", specimen.make_pdf(dinkes))])),
        ("shared office address", _mail("sekretariat.bpkad@pekalongankota.go.id",
                                        "Sekretariat BPKAD", "Konsultasi aset",
                                        "Mohon arahan.",
                                        [("surat bpkad.pdf", "application/pdf",
                                          specimen.make_pdf(bpkad))])),
        ("no letter attached", _mail("setwan@pekalongankota.go.id", "Sekretariat DPRD",
                                     "Konsultasi", "Kami ingin berkonsultasi mengenai "
                                     "pertanggungjawaban reses.",
                                     message_id="<demo-setwan-1@pekalongankota.go.id>")),
        ("sent twice", _mail("disdik@pekalongankota.go.id", "Dinas Pendidikan",
                             "Permohonan konsultasi (kirim ulang)", "Mohon maaf, kami kirim ulang.",
                             [("surat-konsultasi.docx", DOCX, disdik_docx)])),
        ("unknown sender", _mail("promo@diskon.example.com", "Promo Hebat",
                                 "Penawaran kerja sama", "Dapatkan diskon!")),
        ("broken message", b"\x00\x01 this is not an e-mail message \xff\xfe"),
    ]


def completing_reply() -> bytes:
    setwan = _letter("Sekretariat DPRD Kota Pekalongan", "Setwan", 17,
                     "Konsultasi Pertanggungjawaban Dana Reses", "Ir. BAMBANG SUTRISNO, M.M.",
                     "196907071995031003", QUESTIONS[:1])
    return _mail("setwan@pekalongankota.go.id", "Sekretariat DPRD", "Re: Konsultasi",
                 "Berikut surat permohonan kami.",
                 [("surat setwan.docx", DOCX, specimen.make_docx(setwan))],
                 reply_to="<demo-setwan-1@pekalongankota.go.id>")


def demo_accounts(app: App) -> str:
    """A clerk and an Inspector account for trying the web pages; one shared password."""
    from pipeline.web import accounts
    password = secrets.token_urlsafe(9)
    now = datetime.now(timezone.utc)
    with app.session() as s:
        accounts.add(s, "agendaris", "Dewi Lestari, A.Md.", "clerk", password,
                     official="agendaris", actor="demo", now=now)
        accounts.add(s, "inspektur", "Dr. Bambang Suryanto, S.H., M.Si.", "inspector", password,
                     official="inspektur", actor="demo", now=now)
    return password


def run_demo(console: Console, keep: Path | None = None, picture: Path | None = None) -> Path:
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="paraf-demo-"))
    # The demo signs its approval tokens with a throwaway secret; an office sets PARAF_SECRET.
    secret = os.environ.get("PARAF_SECRET") or secrets.token_urlsafe(32)
    cfg = load(init(folder), env={**os.environ, "PARAF_SECRET": secret})
    app = App.open(cfg)
    intake = cfg.url_path(cfg.intake)
    console.print(f"[bold]Paraf demo[/bold] in {folder}\n")
    for label, raw in sample_messages():
        deliver(intake, raw)
        console.print(f"  mailed to the intake Maildir: {label}")
    report, sent = run_once(app)
    console.print(f"\nFirst pass: {report.seen} messages, {report.outcomes}; "
                  f"{sent.sent} mails written to the outbox.")
    deliver(intake, completing_reply())
    report, sent = run_once(app)
    console.print(f"Second pass: the Sekretariat DPRD replied with its letter: {report.outcomes};"
                  f" {sent.sent} more mails.\n")
    with app.session() as session:
        print_agenda(agenda_rows(session), console)
    sent_dir = cfg.url_path(cfg.smtp)
    console.print(f"\nReceipts and notices (.eml) are in {sent_dir}:")
    for path in sorted(sent_dir.glob("*.eml"), key=lambda p: p.stat().st_mtime):
        mail = message_from_bytes(path.read_bytes(), policy=policy.default)
        console.print(f"  to {mail['To'].addresses[0].addr_spec:<40} {mail['Subject']}",
                      highlight=False)
    console.print(f"\nLook closer: paraf --config {folder / 'config.toml'} show 0001/SM/ITDA/"
                  f"{datetime.now().year}\n            paraf --config {folder / 'config.toml'} "
                  f"agenda --json", highlight=False)
    from pipeline.casework import picture as letter_picture
    made = letter_picture.write(app, picture or folder / "jawaban-contoh.png", dpi=80)
    if made:
        console.print(f"\nThe first answer as the OPD receives it (page 1): {made}", highlight=False)
    password = demo_accounts(app)
    console.print(f"\nThe web pages (consultation form, tracking, the staff's pages):\n"
                  f"  PARAF_SECRET={secret} paraf --config {folder / 'config.toml'} web\n"
                  f"  then open {cfg.web.base_url}/ (the public form) or {cfg.web.base_url}/masuk"
                  f" and sign in as 'agendaris' (clerk) or 'inspektur' with the password "
                  f"{password}", highlight=False)
    app.close()
    return folder
