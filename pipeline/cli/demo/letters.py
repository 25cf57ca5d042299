# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the OPDs send the demo, and what the drafters know to answer.

The letters are made on the spot (DOCX and PDF specimens): a letter as DOCX, one as PDF, one
from a shared office address, a request without its letter and the reply that completes it, a
letter sent twice, a stranger's mail and a broken message.
"""
from __future__ import annotations

from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from pipeline.letter import specimen

OFFICE = "Konsultasi Inspektorat <konsultasi@inspektorat.example.go.id>"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# (question, the drafter's answer, the legal basis the drafter adds when asked to)
KNOWLEDGE = [
    ("Apakah pengembalian kelebihan pembayaran perjalanan dinas dapat dilakukan secara bertahap "
     "melalui pemotongan tambahan penghasilan pegawai?",
     "Dapat, sepanjang pengembalian secara bertahap dituangkan dalam surat pernyataan "
     "kesanggupan yang ditandatangani pegawai yang bersangkutan dan diketahui atasan "
     "langsungnya, serta dilunasi dalam jangka waktu yang ditetapkan dalam rekomendasi LHP.",
     "Hal ini sejalan dengan Peraturan Pemerintah Nomor 38 Tahun 2016 tentang Tata Cara "
     "Tuntutan Ganti Kerugian Negara/Daerah."),
    ("Bagaimana mekanisme pelaporan tindak lanjut apabila pihak ketiga yang bertanggung jawab "
     "telah dinyatakan pailit?",
     "Tindak lanjut dilaporkan dengan melampirkan salinan putusan pernyataan pailit, dan "
     "piutang daerah didaftarkan kepada kurator sebagai tagihan; rekomendasi dicatat sebagai "
     "tidak dapat ditindaklanjuti dengan alasan yang sah.",
     "Dasar hukumnya adalah Undang-Undang Nomor 37 Tahun 2004 tentang Kepailitan dan Penundaan "
     "Kewajiban Pembayaran Utang."),
    ("Dokumen apa saja yang harus dilampirkan sebagai bukti tindak lanjut atas rekomendasi "
     "pemulihan kerugian daerah?",
     "Bukti setor ke Rekening Kas Umum Daerah yang telah divalidasi bank, surat keterangan "
     "tanggung jawab mutlak apabila pengembalian belum lunas, dan rekapitulasi pengembalian "
     "yang ditandatangani kepala OPD.",
     "Ketentuan ini mengacu pada Peraturan Menteri Dalam Negeri Nomor 133 Tahun 2018."),
    ("Siapa yang berwenang menetapkan status penggunaan tanah yang dipakai bersama oleh dua OPD?",
     "Status penggunaan barang milik daerah berupa tanah ditetapkan oleh Wali Kota selaku "
     "pemegang kekuasaan pengelolaan barang milik daerah, atas usul pengguna barang melalui "
     "pengelola barang.",
     "Hal ini diatur dalam Peraturan Menteri Dalam Negeri Nomor 19 Tahun 2016 tentang Pedoman "
     "Pengelolaan Barang Milik Daerah."),
]
QUESTIONS = [q for q, _, _ in KNOWLEDGE]
GENERAL = ("Hal tersebut dilaksanakan sesuai ketentuan peraturan perundang-undangan yang "
           "berlaku dan dikoordinasikan dengan Inspektorat Daerah.",
           "Rujukannya adalah peraturan perundang-undangan yang berlaku.")


def answer_for(question: str) -> tuple[str, str]:
    """The drafter's answer and legal basis for a question as Paraf read it from the letter."""
    words = set(question.lower().split())
    best = max(KNOWLEDGE, key=lambda k: len(words & set(k[0].lower().split())))
    if len(words & set(best[0].lower().split())) < max(3, len(words) // 2):
        return GENERAL
    return best[1], best[2]


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
    msg["To"] = OFFICE
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
                             "Permohonan konsultasi (kirim ulang)",
                             "Mohon maaf, kami kirim ulang.",
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
