"""Consultation topics: subject line, classification code, legal basis, facts and questions.

Each question is (issue, text, mood). `issue` is the short problem statement used in the
`No | Permasalahan | Pertanyaan` table; `mood` is "q" (ends with "?") or "req" (a request such
as "Mohon penjelasan ..." that ends with "." or ";"). Texts carry no final punctuation.
"""
from __future__ import annotations

TOPICS = [
    dict(
        key="tpp", klas="900.1.3.2",
        hal="Permohonan Konsultasi Pemberian Tambahan Penghasilan Pegawai bagi ASN yang Sedang "
            "Menjalani Tugas Belajar",
        dasar=["Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
               "Keputusan Menteri Dalam Negeri Nomor 900.1-4700 Tahun 2020 tentang Tata Cara "
               "Persetujuan Menteri Dalam Negeri terhadap Tambahan Penghasilan Pegawai ASN"],
        facts=["Terdapat 4 (empat) orang ASN yang sejak bulan Agustus 2024 menjalani tugas "
               "belajar jenjang S2 dengan biaya dari pemerintah daerah",
               "Peraturan Kepala Daerah tentang TPP belum mengatur secara rinci besaran TPP "
               "bagi pegawai yang menjalani tugas belajar",
               "Pembayaran TPP kepada pegawai tersebut sampai saat ini ditunda"],
        qa=[("Besaran TPP selama tugas belajar",
             "Apakah ASN yang sedang menjalani tugas belajar masih berhak menerima TPP secara "
             "penuh atau hanya sebagian dari besaran TPP jabatannya", "q"),
            ("Dasar perhitungan kinerja",
             "Penilaian kinerja bulanan tidak dapat diisi oleh pegawai yang tugas belajar di luar "
             "daerah. Bagaimana mekanisme perhitungan komponen kinerja TPP bagi pegawai tersebut",
             "q"),
            ("TPP yang telah ditunda",
             "Apakah TPP yang telah ditunda sejak bulan Agustus 2024 dapat dibayarkan sekaligus "
             "pada tahun anggaran berjalan", "q"),
            ("Tugas belajar biaya mandiri",
             "Mohon penjelasan mengenai perlakuan TPP bagi pegawai yang menjalani izin belajar "
             "dengan biaya sendiri di luar jam kerja", "req"),
            ("Pengembalian kelebihan bayar",
             "Apabila di kemudian hari terdapat kelebihan pembayaran, bagaimana tata cara "
             "pengembalian ke kas daerah", "q")]),
    dict(
        key="honor", klas="900.1.1",
        hal="Konsultasi Pembayaran Honorarium Tim Pelaksana Kegiatan",
        dasar=["Peraturan Presiden Nomor 33 Tahun 2020 tentang Standar Harga Satuan Regional",
               "Peraturan Bupati tentang Standar Harga Satuan Tahun Anggaran 2025"],
        facts=["Kegiatan penyusunan dokumen rencana strategis melibatkan tim dari beberapa "
               "perangkat daerah",
               "Surat keputusan tim ditetapkan oleh kepala perangkat daerah pada bulan Februari",
               "Anggaran honorarium tim telah tersedia dalam DPA tahun berjalan"],
        qa=[("Honorarium bagi pejabat eselon",
             "Apakah pejabat struktural yang menjadi pengarah dalam tim dapat menerima "
             "honorarium sesuai standar harga satuan", "q"),
            ("Batas jumlah tim",
             "Berapa jumlah maksimal tim yang dapat diikuti oleh seorang pegawai dalam satu "
             "tahun anggaran", "q"),
            ("Honorarium narasumber internal",
             "Mohon petunjuk terkait pemberian honorarium narasumber yang berasal dari "
             "lingkungan perangkat daerah sendiri", "req"),
            ("Pajak atas honorarium",
             "Bagaimana perlakuan PPh Pasal 21 atas honorarium yang dibayarkan kepada anggota "
             "tim non-ASN", "q"),
            ("SK tim berlaku surut",
             "Apakah surat keputusan tim yang berlaku surut dapat dijadikan dasar pembayaran "
             "honorarium untuk bulan Januari", "q")]),
    dict(
        key="pbj", klas="000.3.2",
        hal="Permohonan Konsultasi Pelaksanaan Pengadaan Langsung Melalui Katalog Elektronik",
        dasar=["Peraturan Presiden Nomor 46 Tahun 2025 tentang Perubahan Kedua atas Peraturan "
               "Presiden Nomor 16 Tahun 2018 tentang Pengadaan Barang/Jasa Pemerintah",
               "Peraturan Lembaga Kebijakan Pengadaan Barang/Jasa Pemerintah Nomor 12 Tahun 2021"],
        facts=["Pengadaan peralatan kantor senilai Rp187.500.000,00 direncanakan pada triwulan II",
               "Penyedia yang tayang di katalog elektronik lokal baru berjumlah 2 (dua) penyedia",
               "Harga pada katalog lebih tinggi dari survei harga pasar"],
        qa=[("Pemecahan paket",
             "Apakah pembagian pengadaan menjadi 2 (dua) paket karena perbedaan lokasi "
             "pengiriman termasuk pemecahan paket yang dilarang", "q"),
            ("Negosiasi harga katalog",
             "Bagaimana prosedur negosiasi harga apabila harga di katalog elektronik lebih "
             "tinggi dari harga pasar", "q"),
            ("Penyedia lokal",
             "Mohon penjelasan mengenai kewajiban menggunakan produk usaha mikro dan kecil "
             "serta koperasi dari dalam daerah", "req"),
            ("Uang muka",
             "Apakah pembayaran uang muka dapat diberikan untuk pengadaan melalui e-purchasing", "q"),
            ("Dokumentasi pemeriksaan",
             "Dokumen apa saja yang wajib disiapkan PPK sebagai bukti pemeriksaan barang "
             "sebelum pembayaran", "q")]),
    dict(
        key="tlhp", klas="700.1.2.2",
        hal="Konsultasi Tindak Lanjut Rekomendasi Hasil Pemeriksaan BPK atas Kelebihan "
            "Pembayaran Pekerjaan Konstruksi",
        dasar=["Undang-Undang Nomor 15 Tahun 2004 tentang Pemeriksaan Pengelolaan dan "
               "Tanggung Jawab Keuangan Negara",
               "Peraturan BPK Nomor 2 Tahun 2017 tentang Pemantauan Pelaksanaan Tindak Lanjut "
               "Rekomendasi Hasil Pemeriksaan"],
        facts=["LHP BPK mengungkapkan kekurangan volume pekerjaan rehabilitasi gedung sebesar "
               "Rp64.215.300,00",
               "Penyedia telah menyetor sebagian sebesar Rp20.000.000,00 ke kas daerah",
               "Badan usaha penyedia saat ini sudah tidak beroperasi"],
        qa=[("Penyedia tidak beroperasi",
             "Langkah apa yang dapat ditempuh apabila penyedia jasa sudah tidak dapat dihubungi "
             "untuk menyelesaikan sisa kerugian", "q"),
            ("Jaminan pemeliharaan",
             "Apakah jaminan pemeliharaan yang masih berlaku dapat dicairkan untuk menutup sisa "
             "kelebihan pembayaran", "q"),
            ("Tanggung jawab PPK",
             "Sejauh mana tanggung jawab PPK dan pengawas lapangan atas kekurangan volume "
             "tersebut", "q"),
            ("Status tindak lanjut",
             "Mohon penjelasan mengenai dokumen pendukung yang diperlukan agar status "
             "rekomendasi dapat dinyatakan selesai", "req"),
            ("Angsuran",
             "Apakah penyetoran sisa kerugian dapat dilakukan secara angsuran dan berapa lama "
             "jangka waktu yang diperkenankan", "q")]),
    dict(
        key="sppd", klas="000.1.2.3",
        hal="Konsultasi Pertanggungjawaban Biaya Perjalanan Dinas",
        dasar=["Peraturan Menteri Keuangan tentang Perjalanan Dinas Dalam Negeri",
               "Peraturan Kepala Daerah tentang Perjalanan Dinas Tahun 2025"],
        facts=["Beberapa pegawai melaksanakan perjalanan dinas dengan kendaraan dinas dan "
               "tidak menggunakan tiket angkutan umum",
               "Penginapan di lokasi tujuan tidak menerbitkan bukti pembayaran yang lengkap"],
        qa=[("Biaya transportasi",
             "Apakah biaya bahan bakar kendaraan dinas dapat dipertanggungjawabkan sebagai "
             "biaya transportasi perjalanan dinas", "q"),
            ("Bukti penginapan",
             "Bagaimana pertanggungjawaban biaya penginapan apabila hotel tidak menerbitkan "
             "kuitansi resmi", "q"),
            ("Lumpsum",
             "Apakah pegawai yang tidak menginap dapat diberikan 30% dari tarif hotel sebagai "
             "biaya penginapan", "q"),
            ("Perjalanan dalam kota",
             "Mohon petunjuk mengenai batas jarak perjalanan dinas dalam kota yang dapat "
             "dibayarkan uang transport", "req")]),
    dict(
        key="bmd", klas="000.2.3",
        hal="Permohonan Konsultasi Penghapusan Barang Milik Daerah Berupa Kendaraan Dinas",
        dasar=["Peraturan Pemerintah Nomor 27 Tahun 2014 tentang Pengelolaan Barang Milik "
               "Negara/Daerah",
               "Peraturan Menteri Dalam Negeri Nomor 7 Tahun 2024 tentang Perubahan atas "
               "Permendagri Nomor 19 Tahun 2016"],
        facts=["Terdapat 6 (enam) unit kendaraan roda dua dalam kondisi rusak berat",
               "Dua unit kendaraan tidak diketahui keberadaannya sejak tahun 2019",
               "Nilai buku kendaraan dalam KIB B masih tercatat"],
        qa=[("Kendaraan hilang",
             "Bagaimana prosedur penghapusan kendaraan yang tidak diketahui keberadaannya dan "
             "apakah diperlukan tuntutan ganti rugi", "q"),
            ("Penilaian",
             "Apakah penilaian kendaraan rusak berat wajib dilakukan oleh penilai dari KPKNL", "q"),
            ("Pemindahtanganan",
             "Mohon penjelasan mengenai mekanisme lelang kendaraan dibandingkan dengan "
             "pemusnahan", "req"),
            ("Pencatatan",
             "Sampai kapan kendaraan yang diusulkan dihapus tetap dicatat dalam neraca "
             "perangkat daerah", "q")]),
    dict(
        key="nonasn", klas="800.1.2.5",
        hal="Konsultasi Pembayaran Honorarium Pegawai Non-ASN Tahun Anggaran 2025",
        dasar=["Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
               "Surat Edaran Menteri PANRB tentang Status Kepegawaian di Lingkungan Instansi "
               "Pemerintah"],
        facts=["Terdapat 23 (dua puluh tiga) orang tenaga non-ASN yang belum lulus seleksi PPPK",
               "Anggaran belanja pegawai non-ASN dialokasikan pada belanja jasa",
               "Sebagian tenaga non-ASN telah diangkat menjadi PPPK paruh waktu"],
        qa=[("Dasar pembayaran",
             "Apakah honorarium tenaga non-ASN yang belum diangkat menjadi PPPK paruh waktu "
             "masih dapat dibayarkan sampai dengan bulan Desember", "q"),
            ("Rekening belanja",
             "Pada kode rekening belanja apa honorarium PPPK paruh waktu dianggarkan", "q"),
            ("Kontrak kerja",
             "Mohon petunjuk terkait bentuk perjanjian kerja bagi tenaga non-ASN selama masa "
             "transisi", "req"),
            ("Jaminan sosial",
             "Apakah iuran BPJS Ketenagakerjaan bagi tenaga non-ASN dapat dibebankan pada APBD",
             "q")]),
    dict(
        key="hibah", klas="400.8",
        hal="Permohonan Konsultasi Penyaluran dan Pertanggungjawaban Belanja Hibah",
        dasar=["Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020 tentang Pedoman Teknis "
               "Pengelolaan Keuangan Daerah",
               "Peraturan Kepala Daerah tentang Tata Cara Penganggaran, Pelaksanaan dan "
               "Pertanggungjawaban Hibah dan Bantuan Sosial"],
        facts=["Sebanyak 14 (empat belas) lembaga penerima hibah belum menyampaikan laporan "
               "penggunaan hibah tahun lalu",
               "Salah satu penerima hibah berbadan hukum yang masa berlakunya telah habis"],
        qa=[("Penerima belum melapor",
             "Apakah penerima hibah yang belum menyampaikan laporan pertanggungjawaban tahun "
             "sebelumnya dapat diberikan hibah kembali pada tahun ini", "q"),
            ("Badan hukum",
             "Bagaimana status penerima hibah yang surat keterangan terdaftarnya telah habis "
             "masa berlakunya", "q"),
            ("Perubahan NPHD",
             "Mohon penjelasan mengenai prosedur perubahan rincian penggunaan hibah setelah NPHD "
             "ditandatangani", "req"),
            ("Sisa dana hibah",
             "Kapan batas waktu penyetoran sisa dana hibah yang tidak digunakan ke kas daerah",
             "q")]),
    dict(
        key="retribusi", klas="900.1.13",
        hal="Konsultasi Pemanfaatan Aset Daerah dan Pemungutan Retribusi Sewa Kios",
        dasar=["Undang-Undang Nomor 1 Tahun 2022 tentang Hubungan Keuangan antara Pemerintah "
               "Pusat dan Pemerintahan Daerah",
               "Peraturan Daerah tentang Pajak Daerah dan Retribusi Daerah"],
        facts=["Sebanyak 37 (tiga puluh tujuh) kios milik pemerintah daerah disewakan kepada "
               "pedagang",
               "Beberapa penyewa menunggak pembayaran retribusi lebih dari 12 (dua belas) bulan",
               "Perjanjian sewa lama belum disesuaikan dengan peraturan daerah yang baru"],
        qa=[("Tunggakan retribusi",
             "Apakah tunggakan retribusi dapat dihapuskan bagi pedagang yang kiosnya terdampak "
             "kebakaran", "q"),
            ("Perjanjian lama",
             "Bagaimana status perjanjian sewa yang ditandatangani sebelum berlakunya peraturan "
             "daerah yang baru", "q"),
            ("Pengalihan kios",
             "Apakah penyewa diperbolehkan mengalihkan kios kepada pihak lain tanpa "
             "persetujuan perangkat daerah", "q"),
            ("Penagihan",
             "Mohon petunjuk mengenai tahapan penagihan dan pemberian sanksi administratif "
             "kepada penunggak retribusi", "req")]),
    dict(
        key="blud", klas="400.7.1",
        hal="Permohonan Konsultasi Pembagian Jasa Pelayanan pada BLUD",
        dasar=["Peraturan Menteri Dalam Negeri Nomor 79 Tahun 2018 tentang Badan Layanan Umum "
               "Daerah",
               "Peraturan Kepala Daerah tentang Remunerasi pada BLUD"],
        facts=["Pendapatan jasa layanan tahun 2024 meningkat 18% dibandingkan tahun sebelumnya",
               "Peraturan tentang remunerasi belum mengatur jasa pelayanan bagi tenaga "
               "non-ASN"],
        qa=[("Porsi jasa pelayanan",
             "Berapa batas maksimal porsi jasa pelayanan terhadap pendapatan operasional BLUD",
             "q"),
            ("Tenaga non-ASN",
             "Apakah tenaga non-ASN yang bekerja pada BLUD dapat menerima jasa pelayanan dengan "
             "formula yang sama dengan ASN", "q"),
            ("Pejabat pengelola",
             "Mohon penjelasan mengenai besaran remunerasi pejabat pengelola BLUD yang juga "
             "menerima TPP", "req"),
            ("Sisa kas",
             "Apakah sisa kas BLUD pada akhir tahun dapat langsung digunakan pada tahun "
             "berikutnya tanpa melalui perubahan anggaran", "q")]),
]
