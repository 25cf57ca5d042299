"""Vocabulary for generated letters: regions, units, names, wordings (none taken from samples)."""
from __future__ import annotations

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
MONTHS_OLD = ["Januari", "Pebruari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "Nopember", "Desember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
KLASIFIKASI = ["400.3", "700", "900.1.3", "000.9", "800.1.2", "600.1", "100.3.1", "500.6"]

REGIONS = [("KABUPATEN", "WONOSOBO", "Bupati"), ("KOTA", "MAGELANG", "Wali Kota"),
           ("KABUPATEN", "GROBOGAN", "Bupati"), ("KOTA", "SURAKARTA", "Wali Kota"),
           ("KABUPATEN", "KARANGANYAR", "Bupati"), ("KOTA", "SALATIGA", "Wali Kota"),
           ("KABUPATEN", "BOYOLALI", "Bupati"), ("KABUPATEN", "REMBANG", "Bupati"),
           ("KABUPATEN", "LAMPUNG SELATAN", "Bupati"), ("KOTA", "BANJAR", "Wali Kota"),
           ("KABUPATEN", "HULU SUNGAI TENGAH", "Bupati"), ("KOTA", "PAREPARE", "Wali Kota")]

# (letterhead lines of the unit, its name, head's post, abbreviation)
UNITS = [
    (["DINAS KESEHATAN"], "Dinas Kesehatan", "Kepala", "Dinkes"),
    (["DINAS PENDIDIKAN DAN KEBUDAYAAN"], "Dinas Pendidikan dan Kebudayaan", "Kepala", "Disdikbud"),
    (["BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN", "DAN PENGEMBANGAN DAERAH"],
     "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah", "Kepala", "Bappelitbangda"),
    (["SEKRETARIAT DPRD"], "Sekretariat DPRD", "Sekretaris", "Setwan"),
    (["DINAS PEKERJAAN UMUM DAN PENATAAN RUANG"], "Dinas Pekerjaan Umum dan Penataan Ruang",
     "Kepala", "DPUPR"),
    (["DINAS PEMBERDAYAAN PEREMPUAN, PERLINDUNGAN ANAK,", "PENGENDALIAN PENDUDUK",
      "DAN KELUARGA BERENCANA"],
     "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana",
     "Kepala", "DP3AP2KB"),
    (["RUMAH SAKIT UMUM DAERAH", "dr. H. SOEMARNO SOSROATMODJO"],
     "Rumah Sakit Umum Daerah dr. H. Soemarno Sosroatmodjo", "Direktur", "RSUD"),
    (["DINAS PENANAMAN MODAL DAN", "PELAYANAN TERPADU SATU PINTU"],
     "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Kepala", "DPMPTSP"),
    (["BADAN KESATUAN BANGSA DAN POLITIK"], "Badan Kesatuan Bangsa dan Politik", "Kepala", "Kesbangpol"),
    (["DINAS LINGKUNGAN HIDUP"], "Dinas Lingkungan Hidup", "Kepala", "DLH"),
    (["SATUAN POLISI PAMONG PRAJA"], "Satuan Polisi Pamong Praja", "Kepala", "Satpolpp"),
    (["KECAMATAN SIDOREJO"], "Kecamatan Sidorejo", "Camat", "Kec.Sdr"),
    (["DINAS KETAHANAN PANGAN, PERTANIAN", "DAN PERIKANAN"],
     "Dinas Ketahanan Pangan, Pertanian dan Perikanan", "Kepala", "DKPPP"),
]
BAGIAN = ["Hukum", "Organisasi", "Umum", "Pengadaan Barang dan Jasa", "Perekonomian",
          "Kesejahteraan Rakyat", "Tata Pemerintahan"]

NAMES = ["YULIANTO NUGROHO, S.Sos.", "Ir. DWI HARTONO, M.T.", "dr. LAILA MAGHFIROH",
         "SUTRISNO, S.E., M.Si.", "Drs. WAHYU TRIATMOJO", "NUR HIDAYATI, S.H."]
NAMES_LONG = ["Dr. H. AHMAD FAUZI RAHMATULLAH, S.Psi., M.A.P.",
              "Hj. SITI ROCHMAH KURNIAWATI, S.T., M.T.",
              "dr. H. MUHAMMAD IQBAL SYAHPUTRA, Sp.PD., M.Kes.",
              "Dra. Hj. ENDANG PURWANINGSIH, M.Si.",
              "Ir. H. BAMBANG SUSILO WIBOWO, S.T., M.T., IPM.",
              "H. SUPRIYADI WIDYA ATMAJA, S.Sos., M.A.P."]
RANKS = ["Pembina", "Pembina Tingkat I", "Pembina Utama Muda", "Penata Tingkat I",
         "Pembina Tk. I (IV/b)", "Pembina Utama Madya (IV/d)"]
STREETS = ["Pahlawan", "Diponegoro", "Ahmad Yani", "Veteran", "Sudirman", "Gatot Subroto",
           "Kartini", "Slamet Riyadi"]
HALS = ["Permohonan Konsultasi", "Konsultasi Penatausahaan Aset",
        "Permohonan Penjelasan Ketentuan Perjalanan Dinas", "Konsultasi Tindak Lanjut Temuan"]
HALS_LONG = ["Permohonan Konsultasi terkait Mekanisme Penyelesaian Kerugian Daerah atas Kelebihan "
             "Pembayaran Pekerjaan Konstruksi Tahun Anggaran 2025",
             "Konsultasi Penerapan Standar Biaya Masukan dalam Pelaksanaan Kegiatan Fasilitasi "
             "dan Pembinaan Kelompok Masyarakat",
             "Permohonan Pendampingan dan Konsultasi Penyusunan Dokumen Pengadaan Barang/Jasa "
             "melalui Tender Cepat"]
QUESTIONS = [
    "Apakah tunjangan kinerja pegawai yang sedang menjalani tugas belajar tetap dapat dibayarkan penuh?",
    "Bagaimana mekanisme penyetoran kembali sisa uang persediaan yang terlambat disetor ke kas daerah?",
    "Apakah penyedia yang terlambat menyelesaikan pekerjaan dapat diberikan perpanjangan waktu tanpa denda apabila keterlambatan disebabkan oleh bencana alam?",
    "Siapa pejabat yang berwenang menandatangani berita acara serah terima barang hibah kepada masyarakat?",
    "Apakah belanja makan minum rapat koordinasi dapat dibebankan pada kegiatan lain yang masih memiliki pagu?",
    "Bagaimana tata cara pencatatan aset tak berwujud berupa aplikasi yang dibangun oleh pihak ketiga?",
    "Apakah kelebihan pembayaran gaji pegawai yang telah pensiun dapat dikompensasikan dengan hak pensiunnya?",
    "Dokumen apa saja yang diperlukan untuk mengajukan penghapusan piutang retribusi yang sudah kedaluwarsa?",
    "Apakah perangkat daerah dapat melakukan pengadaan langsung kepada penyedia yang sama untuk dua paket pekerjaan sejenis dalam satu tahun anggaran?",
    "Bagaimana perlakuan atas denda keterlambatan yang belum dibayar oleh penyedia sampai dengan akhir tahun anggaran?",
    "Apakah honorarium tim pelaksana kegiatan dapat diberikan kepada pegawai non-ASN?",
    "Bagaimana langkah yang harus ditempuh apabila barang milik daerah hilang dan pelakunya tidak diketahui?",
]
INTROS = ["Sehubungan dengan pelaksanaan program dan kegiatan pada {unit}, dengan ini kami "
          "mohon penjelasan atas beberapa hal sebagai berikut:",
          "Menindaklanjuti Laporan Hasil Pemeriksaan Inspektorat Daerah tanggal {bdate}, bersama "
          "ini kami sampaikan permohonan konsultasi mengenai hal-hal berikut:",
          "Dalam rangka tertib administrasi pengelolaan keuangan daerah, kami mohon arahan atas "
          "pertanyaan berikut:"]
CLOSINGS = ["Demikian permohonan ini kami sampaikan, atas perhatian dan kerja samanya diucapkan "
            "terima kasih.",
            "Untuk koordinasi lebih lanjut dapat menghubungi Sekretaris pada nomor telepon "
            "0812 2345 6789.",
            "Sebagai bahan pertimbangan, bersama ini kami lampirkan dokumen pendukung terkait.",
            "Selanjutnya kami mohon arahan dan petunjuk Bapak Inspektur atas permasalahan tersebut.",
            "Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih."]
ENCLOSURES = ["Salinan Laporan Hasil Pemeriksaan;", "Fotokopi kontrak pekerjaan;",
              "Rekapitulasi realisasi anggaran;", "Berita acara pemeriksaan barang;",
              "Daftar nominatif pegawai;"]
MEETING = ("Hal tersebut juga telah dibahas dalam rapat koordinasi pada tanggal {mdate} "
           "bertempat di ruang rapat {unit}.")


def cap(place: str) -> str:
    return " ".join(w.capitalize() for w in place.split())


def cap_words(text: str) -> str:
    return " ".join(w if w.lower() in ("dan",) else w.capitalize() for w in text.lower().split())
