"""Shared sample case, office and Inspector for the drafting tests, and a text dump helper."""
from __future__ import annotations

import copy
import io

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

QUESTIONS = [
    "Apakah sisa dana BOS tahun sebelumnya dapat digunakan untuk membayar tagihan listrik sekolah?",
    "Bagaimana prosedur penghapusan aset tetap berupa kendaraan dinas yang telah rusak berat?",
    "Siapa yang berwenang menetapkan status penggunaan tanah yang dipakai bersama oleh dua OPD?",
]
ENTRY = {
    "agenda_no": "2026/KONS/0042",
    "opd_name": "Dinas Pendidikan Kota Pekalongan",
    "tempat": "Pekalongan",                      # the OPD directory's place of the addressee
    "letter": {
        "nomor": "800/1234/Disdik/XI/2026", "tanggal": "2026-11-20", "sifat": "Segera",
        "lampiran": None, "hal": "Permohonan Konsultasi Pengelolaan Dana BOS",
        "pengirim": "Dinas Pendidikan Kota Pekalongan",
        "penandatangan": {"nama": "Dra. ENDANG SUSILOWATI, M.Pd.", "nip": "196805121994032004",
                          "jabatan": "Kepala Dinas Pendidikan Kota Pekalongan"},
        "tujuan": "Inspektur Daerah Kota Pekalongan", "tembusan": [],
        "pertanyaan": QUESTIONS,
    },
}
OFFICE = {"name": "Inspektorat Daerah Kota Pekalongan", "short_name": "Inspektorat",
          "city": "Pekalongan", "address": "Jl. Mataram No. 1, Pekalongan 51119",
          "email": "konsultasi@inspektorat.example.go.id", "pemda": "Kota Pekalongan",
          "phone": "(0285) 421093"}
INSPECTOR = {"name": "Drs. BAMBANG HARYANTO, M.Si.", "nip": "197003151995031002",
             "jabatan": "Inspektur Daerah Kota Pekalongan", "pangkat": "Pembina Utama Muda (IV/c)"}
ANSWERS = [
    "Sisa dana BOS tahun sebelumnya dapat digunakan pada tahun berjalan.\n"
    "Pembayaran langganan daya dan jasa termasuk komponen yang diperbolehkan.",
    "Penghapusan diusulkan kepada Wali Kota melalui pengelola barang setelah penilaian.",
    "Status penggunaan ditetapkan oleh Wali Kota selaku pemegang kekuasaan pengelolaan BMD.",
]


def entry(**letter_changes) -> dict:
    e = copy.deepcopy(ENTRY)
    e["letter"].update(letter_changes)
    return e


def texts(docx: bytes) -> list[str]:
    """Every paragraph's visible text in document order, table cells included."""
    from docx import Document

    body = Document(io.BytesIO(docx)).element.body
    out = []
    for p in body.iter(f"{W}p"):
        parts = [(el.text or "") if el.tag == f"{W}t" else "\t"
                 for el in p.iter(f"{W}t", f"{W}tab") if el.getparent().tag == f"{W}r"]
        out.append("".join(parts))
    return out
