# SPDX-License-Identifier: AGPL-3.0-or-later
"""A generated history of consultation questions and answers, and reworded near-duplicates.

Ten topics an inspectorate is asked about every year; each question is a frame ("Apakah …
dapat …?", "Bagaimana ketentuan …") around a topic, an object and a circumstance, so 5,000
cases hold many questions on the same topic and object that differ in the circumstance, as
real ones do. `reword` makes the planted near-duplicate: synonyms swapped, clauses in another
order, another OPD and year; the benchmark asks whether the original comes back in the top 3.
"""
from __future__ import annotations

import functools
import random
import re

OPDS = [("disdik", "Dinas Pendidikan"), ("dinkes", "Dinas Kesehatan"),
        ("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa"), ("bpkad", "Badan Pengelolaan "
        "Keuangan dan Aset Daerah"), ("dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang"),
        ("dinsos", "Dinas Sosial"), ("bkpsdm", "Badan Kepegawaian dan Pengembangan SDM"),
        ("setda", "Sekretariat Daerah"), ("kec-utara", "Kecamatan Pekalongan Utara"),
        ("kec-barat", "Kecamatan Pekalongan Barat"), ("rsud", "RSUD Bendan"),
        ("dishub", "Dinas Perhubungan"), ("disperkim", "Dinas Perumahan dan Permukiman")]

# topic: (hal, source of money or matter, objects, circumstances, answer gist)
TOPICS = {
    "bos": ("Penggunaan Dana BOS", "dana BOS", [
        "honor guru honorer", "pembelian laptop untuk laboratorium komputer",
        "rehabilitasi ringan ruang kelas", "langganan internet sekolah",
        "pembelian buku teks pelajaran", "honor operator Dapodik", "biaya ujian sekolah",
        "pengadaan alat kebersihan", "transport kegiatan ekstrakurikuler",
        "pembayaran tagihan listrik sekolah", "pembelian seragam siswa miskin",
        "perbaikan sanitasi toilet siswa"],
        "Penggunaan dana BOS mengikuti petunjuk teknis BOS Reguler; belanja dicatat di RKAS."),
    "dana_desa": ("Penggunaan Dana Desa", "dana desa", [
        "pembangunan jalan usaha tani", "bantuan langsung tunai desa", "penyertaan modal BUMDes",
        "insentif kader posyandu", "pembangunan gedung PAUD", "penanganan stunting",
        "pengadaan mobil siaga desa", "perbaikan saluran irigasi", "pelatihan perangkat desa",
        "pembangunan embung desa", "honor tim pengelola kegiatan"],
        "Dana desa digunakan sesuai prioritas penggunaan dana desa dan APBDes yang ditetapkan."),
    "hibah": ("Pemberian Hibah", "belanja hibah", [
        "hibah kepada organisasi kemasyarakatan", "hibah kepada rumah ibadah",
        "hibah kepada KONI", "hibah kepada Pramuka", "hibah barang kepada kelompok tani",
        "hibah kepada instansi vertikal", "hibah kepada yayasan pendidikan",
        "hibah uang kepada PMI", "hibah kepada partai politik", "hibah kepada KPU"],
        "Hibah diberikan berdasarkan NPHD dan wajib dipertanggungjawabkan oleh penerima."),
    "kapitasi": ("Penggunaan Dana Kapitasi JKN", "dana kapitasi JKN", [
        "jasa pelayanan tenaga kesehatan", "pembelian obat dan bahan medis habis pakai",
        "pembelian alat kesehatan puskesmas", "honor tenaga kontrak puskesmas",
        "perbaikan ringan gedung puskesmas", "pengadaan ambulans", "kegiatan promosi kesehatan",
        "sisa dana kapitasi akhir tahun", "pembagian jasa pelayanan dokter",
        "pembelian komputer untuk pelayanan"],
        "Dana kapitasi dibagi untuk jasa pelayanan dan dukungan biaya operasional sesuai "
        "Perpres JKN."),
    "temuan": ("Tindak Lanjut Temuan Pemeriksaan", "tindak lanjut temuan BPK", [
        "pengembalian kelebihan pembayaran honorarium", "kekurangan volume pekerjaan fisik",
        "denda keterlambatan pekerjaan", "penyetoran ke kas daerah secara bertahap",
        "temuan pegawai yang sudah pensiun", "temuan atas rekanan yang pailit",
        "pemutakhiran data tindak lanjut", "temuan perjalanan dinas fiktif",
        "tuntutan ganti kerugian daerah", "rekomendasi yang tidak dapat ditindaklanjuti"],
        "Tindak lanjut dilaporkan dengan bukti setor dan dimutakhirkan bersama BPK."),
    "pengadaan": ("Pengadaan Barang dan Jasa", "pengadaan barang/jasa", [
        "pengadaan langsung konsultan perencana", "e-purchasing melalui katalog elektronik",
        "swakelola tipe tiga", "penunjukan langsung keadaan darurat", "adendum kontrak",
        "pemutusan kontrak penyedia", "uang muka pekerjaan konstruksi",
        "jaminan pelaksanaan", "pengadaan kendaraan dinas", "tender ulang karena gagal tender"],
        "Pengadaan mengikuti Perpres pengadaan barang/jasa pemerintah dan peraturan LKPP."),
    "perjadin": ("Perjalanan Dinas", "perjalanan dinas", [
        "uang harian perjalanan dinas dalam kota", "biaya penginapan tanpa kuitansi hotel",
        "perjalanan dinas luar negeri", "tiket pesawat kelas bisnis", "sewa kendaraan dinas",
        "perjalanan dinas pegawai non-ASN", "biaya representasi pejabat",
        "pembatalan perjalanan dinas", "perjalanan dinas pada hari libur",
        "uang transport lokal"],
        "Perjalanan dinas dibayar sesuai standar harga satuan dan dipertanggungjawabkan secara "
        "riil."),
    "tpp": ("Tambahan Penghasilan Pegawai", "tambahan penghasilan pegawai (TPP)", [
        "pemotongan TPP karena tidak masuk kerja", "TPP pegawai yang sedang tugas belajar",
        "TPP bagi CPNS", "TPP pegawai yang cuti melahirkan", "TPP pejabat Plt",
        "TPP guru sertifikasi", "TPP pegawai yang dijatuhi hukuman disiplin",
        "pembayaran TPP bulan ketiga belas", "TPP pegawai yang diperbantukan",
        "TPP berdasarkan kinerja"],
        "TPP diberikan sesuai peraturan kepala daerah dengan persetujuan Menteri Dalam Negeri."),
    "aset": ("Pengelolaan Barang Milik Daerah", "barang milik daerah", [
        "penghapusan kendaraan dinas rusak berat", "pemanfaatan tanah dengan sewa",
        "pinjam pakai gedung kepada instansi vertikal", "aset yang hilang dicuri",
        "kapitalisasi biaya pemeliharaan", "penatausahaan aset tak berwujud",
        "pemindahtanganan melalui lelang", "sertifikasi tanah pemerintah daerah",
        "aset yang dikuasai pihak ketiga", "inventarisasi aset rusak"],
        "Pengelolaan barang milik daerah mengikuti Permendagri tentang pengelolaan BMD."),
    "blud": ("Pengelolaan Keuangan BLUD", "pendapatan BLUD", [
        "remunerasi pegawai BLUD", "pengadaan obat oleh BLUD", "sisa kas BLUD akhir tahun",
        "pegawai BLUD non-PNS", "tarif layanan BLUD", "investasi jangka pendek BLUD",
        "kerja sama operasional BLUD", "pinjaman BLUD ke bank"],
        "Pengelolaan keuangan BLUD mengikuti Permendagri tentang BLUD dan peraturan kepala "
        "daerah."),
}

CIRCUMSTANCES = [
    "yang belum dianggarkan dalam DPA", "setelah perubahan APBD", "pada akhir tahun anggaran",
    "tanpa persetujuan kepala daerah", "yang melebihi pagu anggaran", "dengan mekanisme GU",
    "untuk tahun anggaran berikutnya", "yang dilaksanakan oleh pihak ketiga",
    "dalam keadaan darurat bencana", "yang bukti pertanggungjawabannya belum lengkap",
    "apabila terjadi keterlambatan", "yang sudah dibayarkan sebagian"]

DETAILS = [
    "untuk peringatan hari jadi kota", "bagi warga terdampak banjir rob", "di wilayah pesisir",
    "bagi sekolah di daerah terpencil", "selama masa tanggap darurat", "pada kegiatan batik "
    "festival", "untuk pelatihan kader", "bagi penyandang disabilitas", "di kelurahan "
    "percontohan", "untuk penanganan kemiskinan ekstrem", "bagi lansia terlantar",
    "pada program kota layak anak", "untuk revitalisasi pasar tradisional",
    "bagi nelayan kecil", "di kawasan kumuh", "untuk pencegahan demam berdarah",
    "bagi UMKM binaan", "pada kegiatan Musrenbang", "untuk gerakan literasi",
    "bagi atlet berprestasi", "di daerah rawan longsor", "untuk vaksinasi massal",
    "pada pemilihan kepala daerah", "bagi korban kebakaran", "untuk penghijauan taman kota",
    "pada kegiatan bulan bakti gotong royong", "bagi tenaga honorer kategori dua",
    "untuk digitalisasi layanan publik", "bagi anak putus sekolah", "di pondok pesantren",
    "pada pelaksanaan reformasi birokrasi", "untuk pembinaan karang taruna",
    "bagi pedagang kaki lima", "untuk penguatan ketahanan pangan", "pada masa pandemi",
    "bagi peserta magang", "untuk pengelolaan sampah terpadu", "di rumah susun sewa",
    "bagi ibu hamil berisiko tinggi", "untuk sertifikasi halal usaha mikro"]

FRAMES = [
    "Apakah {obj} {det} dapat dibiayai dari {src} {cir}?",
    "Bagaimana ketentuan {obj} {det} yang bersumber dari {src} {cir}?",
    "Mohon penjelasan mengenai {obj} {det} menggunakan {src} {cir}.",
    "Bolehkah {src} digunakan untuk {obj} {det} {cir}?",
]
REFRAMES = [               # how another OPD asks the same thing, clauses in another order
    "{cir_cap}, bolehkah {obj} {det} dibayar memakai {src}?",
    "Kami mohon petunjuk: {src} untuk {obj} {det} {cir}, apakah diperkenankan?",
    "Mohon arahan apakah {obj} {det} {cir} boleh didanai {src}.",
    "Dapatkah {obj} {det} {cir} dibebankan pada {src}?",
]
SYNONYMS = [(r"\bpembelian\b", "pengadaan"), (r"\bhonor\b", "honorarium"),
            (r"\bperbaikan\b", "pemeliharaan"), (r"\bbelum\b", "tidak"),
            (r"\bdana BOS\b", "dana Bantuan Operasional Sekolah"),
            (r"\bdana desa\b", "DD"), (r"\bpembangunan\b", "pendirian"),
            (r"\bpegawai\b", "ASN"), (r"\bkendaraan\b", "mobil"), (r"\bsisa\b", "silpa"),
            (r"\bbiaya\b", "ongkos"), (r"\bkepala daerah\b", "wali kota"),
            (r"\bpihak ketiga\b", "penyedia"), (r"\btahun anggaran\b", "TA")]


class Case:
    __slots__ = ("topic", "obj", "det", "cir", "opd", "year", "hal", "question", "answer")

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


@functools.cache
def keys() -> tuple[tuple[str, str, str, str], ...]:
    """Every (topic, object, detail, circumstance) the generator can ask about; built once
    (rebuilding the product for every case made generating 100,000 cases take half an hour)."""
    return tuple([(t, o, d, c) for t, (_, _, objects, _) in TOPICS.items() for o in objects
            for d in DETAILS for c in CIRCUMSTANCES])


def case(rng: random.Random, key: tuple[str, str, str, str] | None = None) -> Case:
    """One answered question; KEY fixes what it is about (the benchmark keeps them distinct)."""
    topic, obj, det, cir = key or rng.choice(keys())
    hal, src, objects, gist = TOPICS[topic]
    opd = rng.choice(OPDS)
    question = rng.choice(FRAMES).format(obj=obj, det=det, src=src, cir=cir)
    answer = (f"{gist} Untuk {obj} {det} {cir}, dapat dilaksanakan sepanjang memenuhi "
              f"ketentuan dan didukung bukti yang sah; {opd[1]} agar berkoordinasi dengan BPKAD.")
    return Case(topic=topic, obj=obj, det=det, cir=cir, opd=opd, year=rng.randint(2019, 2025),
                hal=f"Permohonan Konsultasi {hal}", question=question, answer=answer)


def reword(original: Case, rng: random.Random) -> Case:
    """The same question as another OPD asks it in another year, in other words."""
    _, src, _, _ = TOPICS[original.topic]
    cir = original.cir
    text = rng.choice(REFRAMES).format(obj=original.obj, det=original.det, src=src, cir=cir,
                                       cir_cap=cir[0].upper() + cir[1:])
    for pattern, synonym in rng.sample(SYNONYMS, k=len(SYNONYMS)):
        if rng.random() < 0.7:
            text = re.sub(pattern, synonym, text)
    opd = rng.choice([o for o in OPDS if o != original.opd])
    year = rng.choice([y for y in range(2019, 2027) if y != original.year])
    return Case(topic=original.topic, obj=original.obj, det=original.det, cir=cir, opd=opd,
                year=year,
                hal=f"Konsultasi {TOPICS[original.topic][0]} Tahun {year}", question=text,
                answer="")
