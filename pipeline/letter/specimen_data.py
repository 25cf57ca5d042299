"""Varied, realistic field sets for specimen letters (different OPDs, numbers, layouts)."""
from __future__ import annotations

import random

from pipeline.letter.dates import ROMAN
from pipeline.letter.letterhead import title

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
REGIONS = [("KOTA", "PEKALONGAN", "Wali Kota"), ("KABUPATEN", "BATANG", "Bupati"),
           ("KOTA", "SEMARANG", "Wali Kota"), ("KABUPATEN", "KENDAL", "Bupati"),
           ("KOTA", "TEGAL", "Wali Kota"), ("KABUPATEN", "BANJARNEGARA", "Bupati"),
           ("KABUPATEN", "PURBALINGGA", "Bupati")]
UNITS = [("DINAS KESEHATAN", "Dinkes", "Kepala"), ("DINAS PENDIDIKAN DAN KEBUDAYAAN", "Disdikbud", "Kepala"),
         ("BADAN PERENCANAAN PEMBANGUNAN DAERAH", "Bappeda", "Kepala"),
         ("SEKRETARIAT DPRD", "Setwan", "Sekretaris"),
         ("DINAS PEKERJAAN UMUM DAN PENATAAN RUANG", "DPUPR", "Kepala"),
         ("BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH", "BPKAD", "Kepala"),
         ("DINAS KOMUNIKASI DAN INFORMATIKA", "Diskominfo", "Kepala"),
         ("SATUAN POLISI PAMONG PRAJA", "Satpolpp", "Kepala"),
         ("KECAMATAN SUKAMAJU", "Kec.Skj", "Camat")]
NAMES = ["HERU SETIAWAN, S.Sos., M.Si.", "Ir. AGUS PRASETYO, M.Si.", "dr. ANITA KUSUMAWATI, M.Kes.",
         "SRI WAHYUNI, S.E., M.M.", "Drs. MOHAMMAD RIDWAN", "RATNA DEWI LESTARI, S.H., M.H.",
         "BAMBANG HARYANTO, S.T., M.T.", "Dra. ENDANG SUSILOWATI, M.Pd."]
RANKS = ["Pembina", "Pembina Tingkat I", "Pembina Utama Muda", "Penata Tingkat I"]
HALS = ["Permohonan Konsultasi Tindak Lanjut LHP", "Konsultasi Pengelolaan Barang Milik Daerah",
        "Permohonan Konsultasi Pengadaan Barang/Jasa",
        "Permohonan Pendampingan Penyusunan Laporan Keuangan dan Reviu Rencana Kerja Anggaran",
        "Konsultasi Pelaksanaan Belanja Hibah dan Bantuan Sosial Tahun Anggaran 2026"]
QUESTIONS = [
    "Apakah pengembalian kelebihan pembayaran perjalanan dinas dapat dilakukan secara bertahap melalui pemotongan tambahan penghasilan pegawai?",
    "Bagaimana mekanisme pelaporan tindak lanjut apabila pihak ketiga yang bertanggung jawab telah dinyatakan pailit?",
    "Siapa yang berwenang menetapkan status penggunaan tanah yang dipakai bersama oleh dua OPD?",
    "Apakah pengadaan langsung untuk paket di bawah Rp200.000.000,00 dapat dilaksanakan melalui e-katalog lokal?",
    "Bagaimana prosedur penghapusan aset tetap berupa kendaraan dinas yang telah rusak berat?",
    "Apakah honorarium narasumber dari instansi vertikal dapat dibayarkan sesuai standar harga satuan daerah?",
    "Dokumen apa saja yang harus dilampirkan sebagai bukti tindak lanjut atas rekomendasi pemulihan kerugian daerah?",
    "Apakah sisa dana BOS tahun sebelumnya dapat digunakan untuk membayar tagihan listrik sekolah?",
    "Bagaimana perlakuan akuntansi atas aset yang diserahkan oleh pengembang perumahan?",
    "Apakah pejabat pengadaan dapat merangkap sebagai pejabat pembuat komitmen pada kegiatan yang sama?",
]
INTROS = ["Sehubungan dengan pelaksanaan kegiatan Tahun Anggaran 2026, bersama ini kami mohon "
          "konsultasi atas beberapa permasalahan sebagai berikut:",
          "Menindaklanjuti hasil reviu Inspektorat Daerah Nomor 700/12/ITDA/2026 tanggal "
          "3 Februari 2026, dengan hormat kami sampaikan pertanyaan sebagai berikut:"]


def _nip(rng: random.Random) -> tuple[str, str]:
    born = f"{rng.randint(1962, 1988)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    tmt = f"{rng.randint(1985, 2012)}{rng.randint(1, 12):02d}"
    tail = f"{rng.randint(1, 2)}{rng.randint(1, 15):03d}"
    return born + tmt + tail, f"{born} {tmt} {tail[0]} {tail[1:]}"


def field_sets(n: int = 6, seed: int = 7) -> list[dict]:
    """`n` letters' fields (the truth) plus `_kop`, `_written` and `_layout` to render them."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind, place, head = REGIONS[i % len(REGIONS)]
        unit, abbr, post = UNITS[(i * 5 + seed) % len(UNITS)]
        region = f"{kind.title()} {place.title()}"
        pengirim = title(unit) if unit.startswith("KECAMATAN") else f"{title(unit)} {region}"
        jabatan = (f"Camat {title(unit[10:])}" if post == "Camat" else
                   f"Sekretaris DPRD {region}" if post == "Sekretaris" else f"Kepala {pengirim}")
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), 2026
        seq, klas = rng.randint(10, 999), rng.choice(["400.3", "700", "900.1.3", "000.9", "800.1.2"])
        nomor = rng.choice([f"{klas}/{seq}/{abbr}/{year}", f"B-{seq}/{abbr}/{klas}/{month:02d}/{year}",
                            f"{klas}/{seq}/{abbr}/{ROMAN[month - 1]}/{year}"])
        date_style = i % 4
        written_date = [f"{day} {MONTHS[month - 1]} {year}", f"{day:02d}-{month:02d}-{year}",
                        f"{day} {MONTHS[month - 1][:3]} {year}", f"{day} {MONTHS[month - 1]} {year}"][date_style]
        lampiran = rng.choice([None, "1 (satu) berkas", "2 (dua) lembar", "1 (satu) bendel"])
        nip, nip_written = _nip(rng)
        tembusan = [f"{head} {place.title()}", f"Sekretaris Daerah {region}",
                    f"Kepala Badan Pengelolaan Keuangan dan Aset Daerah {region}"][:rng.randint(0, 3)]
        qs = rng.sample(QUESTIONS, rng.randint(2, 5))
        out.append({
            "nomor": nomor, "tanggal": f"{year}-{month:02d}-{day:02d}",
            "sifat": rng.choice(["Biasa", "Segera", "Penting"]), "lampiran": lampiran,
            "hal": rng.choice(HALS), "pengirim": pengirim,
            "penandatangan": {"nama": rng.choice(NAMES), "nip": nip, "jabatan": jabatan},
            "tujuan": f"Inspektur Daerah {region}", "tembusan": tembusan, "pertanyaan": qs,
            "_kop": [f"PEMERINTAH {kind} {place}", unit,
                     f"Jalan Pemuda No. {rng.randint(1, 120)} {place.title()} Telepon (0285) {rng.randint(400000, 499999)}",
                     f"Laman: {abbr.lower()}.{place.lower()}{'kota' if kind == 'KOTA' else 'kab'}.go.id"],
            "_written": {"place": place.title(), "date": written_date, "nip": nip_written,
                         "rank": rng.choice(RANKS), "intro": rng.choice(INTROS)},
            "_layout": {"kop_in_header": i % 2 == 0, "block": ["table", "tabs"][i % 2],
                        "numbering": ["1.", "a.", "1)", "auto"][i % 4],
                        "addressee_right": i % 3 == 1, "date_on_row": i % 3 == 2,
                        "tembusan_style": ["1.", "-"][i % 2], "yth_prefix": i % 3 == 0},
        })
    return out


def truth(fields: dict, fmt: str) -> dict:
    """The labelled JSON for a specimen, in the layout of the shared samples."""
    return {**{k: v for k, v in fields.items() if not k.startswith("_")}, "format": fmt}


def marker(layout: dict, i: int) -> str:
    style = layout.get("numbering", "1.")
    if style == "a.":
        return f"{'abcdefghij'[i]}."
    if style == "1)":
        return f"{i + 1})"
    return f"{i + 1}."


def dress(fields: dict, layout: dict | None = None) -> dict:
    """Plain truth fields plus what rendering needs (letterhead, written forms, a layout), derived
    from the fields themselves; fields that already carry them are returned unchanged."""
    if "_written" in fields:
        return fields
    unit, _, region = fields["pengirim"].partition(" Kota ")
    kind = "KOTA"
    if not region:
        unit, _, region = fields["pengirim"].partition(" Kabupaten ")
        kind = "KABUPATEN"
    place = region or "Pekalongan"
    year, month, day = (int(x) for x in fields["tanggal"].split("-"))
    nip = fields["penandatangan"]["nip"]
    return {**fields,
            "_kop": [f"PEMERINTAH {kind} {place.upper()}", unit.upper(),
                     f"Jalan Pemuda No. 1 {place} Telepon (0285) 421000",
                     f"Laman: {place.lower()}{'kota' if kind == 'KOTA' else 'kab'}.go.id"],
            "_written": {"place": place, "date": f"{day} {MONTHS[month - 1]} {year}",
                         "nip": f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}",
                         "rank": "Pembina", "intro": INTROS[0]},
            "_layout": layout or {"kop_in_header": False, "block": "table", "numbering": "1.",
                                  "addressee_right": False, "date_on_row": False,
                                  "tembusan_style": "1.", "yth_prefix": True}}
