"""Consultation topics: the subject (Hal) and real questions. {ta} is the budget year."""
from __future__ import annotations

TOPICS = {
    "blud": (
        "Permohonan Konsultasi Pengelolaan Keuangan Badan Layanan Umum Daerah Tahun {ta}",
        ["Apakah pendapatan jasa layanan BLUD yang belum digunakan sampai akhir tahun dapat"
         " langsung dianggarkan kembali sebagai SiLPA BLUD tanpa perubahan RBA?",
         "Bagaimana mekanisme pengadaan obat dan bahan medis habis pakai yang dananya bersumber"
         " dari pendapatan BLUD, apakah wajib melalui katalog elektronik?",
         "Apakah pegawai non-ASN yang diangkat oleh Direktur BLUD dapat diberikan remunerasi"
         " yang lebih tinggi dari standar biaya umum daerah?",
         "Berapa batas ambang nilai persediaan yang wajib dilaporkan dalam laporan keuangan BLUD"
         " yang dikonsolidasikan ke laporan keuangan pemerintah daerah?",
         "Apakah investasi jangka pendek dalam bentuk deposito atas kas BLUD memerlukan"
         " persetujuan kepala daerah terlebih dahulu?",
         "Bagaimana perlakuan akuntansi atas klaim BPJS Kesehatan yang sudah diverifikasi"
         " tetapi belum dibayarkan sampai tanggal pelaporan?",
         "Apakah Dewan Pengawas BLUD dapat dibayarkan honorarium dari pendapatan BLUD pada"
         " bulan yang sama dengan penetapannya?",
         "Apakah pembayaran jasa pelayanan kepada tenaga medis yang berstatus kontrak dapat"
         " dilakukan melalui rekening pribadi bendahara penerimaan?"]),
    "pbj": (
        "Konsultasi Pelaksanaan Pengadaan Barang/Jasa Pemerintah Tahun Anggaran {ta}",
        ["Apakah paket pekerjaan konstruksi dengan nilai di bawah Rp200.000.000,00 dapat"
         " dilaksanakan melalui pengadaan langsung oleh Pejabat Pengadaan?",
         "Bagaimana ketentuan pemberian uang muka kepada penyedia usaha kecil yang belum"
         " memiliki jaminan uang muka dari bank umum?",
         "Apakah kontrak yang ditandatangani pada bulan Desember dapat diperpanjang ke tahun"
         " anggaran berikutnya apabila pekerjaan belum selesai?",
         "Dalam hal penyedia terlambat menyelesaikan pekerjaan, bagaimana cara menghitung denda"
         " keterlambatan untuk kontrak dengan harga satuan?",
         "Apakah penyesuaian harga dapat diberlakukan untuk kontrak tahun tunggal yang"
         " masa pelaksanaannya kurang dari dua belas bulan?",
         "Apakah pengadaan melalui e-purchasing wajib didahului dengan reviu harga pasar oleh"
         " Pejabat Pembuat Komitmen?",
         "Bagaimana prosedur addendum kontrak apabila terdapat pekerjaan tambah akibat kondisi"
         " lapangan yang berbeda dengan gambar rencana?",
         "Siapa yang berwenang menetapkan sanksi daftar hitam terhadap penyedia yang"
         " mengundurkan diri setelah ditetapkan sebagai pemenang?"]),
    "aset": (
        "Permohonan Konsultasi Penatausahaan Barang Milik Daerah",
        ["Bagaimana prosedur penghapusan kendaraan dinas roda dua yang hilang dan telah"
         " dilaporkan kepada pihak kepolisian?",
         "Apakah tanah yang telah dikuasai dan digunakan sejak tahun 1998 tetapi belum"
         " bersertifikat dapat dicatat dalam Kartu Inventaris Barang A?",
         "Apakah aset tetap hasil hibah dari pemerintah pusat yang belum disertai berita acara"
         " serah terima dapat dicatat sebagai aset daerah?",
         "Bagaimana mekanisme pemanfaatan gedung kantor yang tidak digunakan dalam bentuk sewa"
         " kepada pihak ketiga?",
         "Berapa nilai satuan minimum kapitalisasi untuk peralatan dan mesin yang berlaku pada"
         " pemerintah daerah kami?",
         "Apakah barang rusak berat yang masih tercatat dalam neraca dapat direklasifikasi ke"
         " aset lainnya sebelum dilakukan penghapusan?",
         "Bagaimana tindak lanjut atas selisih hasil inventarisasi fisik dengan saldo aset"
         " pada laporan keuangan?"]),
    "pegawai": (
        "Permohonan Penjelasan terkait Manajemen Kepegawaian",
        ["Apakah tambahan penghasilan pegawai dapat tetap dibayarkan kepada ASN yang sedang"
         " menjalani tugas belajar dengan biaya sendiri?",
         "Bagaimana mekanisme pemberian sanksi disiplin kepada PNS yang tidak masuk kerja"
         " selama sepuluh hari kerja secara kumulatif?",
         "Apakah PPPK dapat diangkat sebagai bendahara pengeluaran pembantu?",
         "Apakah pegawai yang diberhentikan sementara karena menjadi tersangka masih berhak"
         " atas uang makan?",
         "Bagaimana ketentuan pembayaran gaji ketiga belas bagi pegawai yang pensiun pada"
         " bulan Mei?",
         "Apakah honorarium tim pelaksana kegiatan dapat diberikan kepada pegawai yang sama"
         " pada lebih dari tiga tim dalam satu tahun anggaran?",
         "Bagaimana prosedur pengembalian kelebihan pembayaran tunjangan keluarga yang baru"
         " diketahui setelah dua tahun?"]),
    "dana_desa": (
        "Konsultasi Pengelolaan Dana Desa dan Alokasi Dana Kampung Tahun {ta}",
        ["Apakah Dana Desa dapat digunakan untuk membayar insentif kader posyandu yang"
         " ditetapkan dengan keputusan kepala kampung?",
         "Bagaimana mekanisme pertanggungjawaban Bantuan Langsung Tunai Dana Desa yang"
         " penerimanya telah meninggal dunia sebelum pencairan?",
         "Apakah sisa lebih perhitungan anggaran kampung tahun lalu dapat digunakan untuk"
         " penyertaan modal BUMDes?",
         "Apakah pengadaan material bangunan di kampung wajib menggunakan penyedia yang"
         " memiliki Nomor Induk Berusaha?",
         "Bagaimana kewenangan distrik dalam melakukan evaluasi rancangan APBKam sebelum"
         " ditetapkan?",
         "Apakah pajak atas belanja modal kampung dapat disetor secara kolektif pada akhir"
         " tahun?",
         "Bagaimana tata cara penyaluran Dana Desa tahap ketiga apabila laporan realisasi"
         " tahap kedua belum mencapai enam puluh persen?"]),
    "hibah": (
        "Permohonan Konsultasi Belanja Hibah dan Bantuan Sosial",
        ["Apakah hibah kepada organisasi kemasyarakatan dapat dicairkan sebelum Naskah"
         " Perjanjian Hibah Daerah ditandatangani kedua belah pihak?",
         "Bagaimana mekanisme pengembalian dana hibah yang tidak digunakan oleh penerima"
         " sampai batas waktu pertanggungjawaban?",
         "Apakah lembaga keagamaan yang belum berbadan hukum dapat menerima hibah uang dari"
         " pemerintah daerah?",
         "Apakah bantuan sosial kepada korban bencana dapat diberikan dalam bentuk barang"
         " tanpa melalui usulan tertulis?",
         "Siapa yang bertanggung jawab melakukan monitoring dan evaluasi atas penggunaan hibah"
         " yang disalurkan melalui perangkat daerah kami?",
         "Apakah penerima hibah tahun sebelumnya yang belum menyampaikan laporan dapat"
         " diusulkan kembali pada tahun anggaran berjalan?"]),
    "perjadin": (
        "Konsultasi Pertanggungjawaban Perjalanan Dinas",
        ["Apakah biaya penginapan dapat dibayarkan secara lumpsum sebesar tiga puluh persen"
         " apabila pelaksana perjalanan dinas tidak menginap di hotel?",
         "Bagaimana pertanggungjawaban tiket pesawat perintis yang tidak menerbitkan boarding"
         " pass elektronik?",
         "Apakah perjalanan dinas menggunakan kapal laut antarpulau dapat diberikan uang harian"
         " selama waktu tunggu keberangkatan?",
         "Apakah uang representasi dapat dibayarkan kepada pejabat eselon III yang ditunjuk"
         " sebagai pelaksana tugas kepala perangkat daerah?",
         "Bagaimana ketentuan perjalanan dinas dalam kota yang lebih dari delapan jam ke"
         " distrik yang hanya dapat dijangkau dengan kendaraan sewa?",
         "Apakah sewa kendaraan roda empat untuk perjalanan dinas ke wilayah pegunungan dapat"
         " dipertanggungjawabkan dengan kuitansi perorangan?"]),
    "pajak": (
        "Permohonan Konsultasi Pemungutan Pajak Daerah dan Retribusi Daerah",
        ["Apakah penetapan nilai jual objek pajak bumi dan bangunan dapat dilakukan tanpa"
         " penilaian ulang setelah tiga tahun?",
         "Bagaimana mekanisme penghapusan piutang pajak daerah yang wajib pajaknya sudah tidak"
         " diketahui keberadaannya?",
         "Apakah insentif pemungutan pajak dapat dibayarkan apabila target penerimaan triwulan"
         " tidak tercapai?",
         "Apakah retribusi pelayanan pasar yang dipungut oleh petugas harian wajib disetor ke"
         " kas daerah paling lambat satu hari kerja?",
         "Bagaimana perlakuan atas pembayaran pajak restoran yang disetor melalui rekening"
         " pribadi petugas pemungut?",
         "Apakah keberatan wajib pajak atas ketetapan pajak dapat diajukan setelah lewat tiga"
         " bulan karena kendala jaringan di wilayah kepulauan?"]),
    "tik": (
        "Konsultasi Belanja Teknologi Informasi dan Layanan Internet",
        ["Apakah langganan layanan internet satelit untuk kantor distrik dapat dibayarkan"
         " untuk dua belas bulan di muka?",
         "Bagaimana ketentuan pencatatan lisensi perangkat lunak yang berlaku lebih dari satu"
         " tahun, apakah sebagai aset tak berwujud atau beban?",
         "Apakah pembangunan aplikasi oleh tenaga ahli perorangan memerlukan reviu oleh"
         " Aparat Pengawasan Intern Pemerintah sebelum kontrak ditandatangani?",
         "Apakah belanja pemeliharaan pusat data dapat digabung dengan pengadaan perangkat"
         " keras dalam satu paket pekerjaan?",
         "Bagaimana mekanisme serah terima data statistik sektoral yang dihimpun oleh pihak"
         " ketiga kepada pemerintah daerah?",
         "Apakah pengadaan nama domain dan sertifikat elektronik dapat dilakukan dengan kartu"
         " kredit pemerintah daerah?"]),
    "kesbang": (
        "Permohonan Konsultasi Penyaluran Bantuan Keuangan kepada Partai Politik",
        ["Apakah bantuan keuangan partai politik dapat disalurkan apabila laporan"
         " pertanggungjawaban tahun sebelumnya belum diaudit oleh BPK?",
         "Bagaimana perhitungan besaran bantuan per suara sah bagi partai politik yang"
         " kepengurusannya sedang bersengketa?",
         "Apakah penyaluran bantuan dapat dilakukan melalui rekening pengurus partai di"
         " tingkat provinsi?",
         "Apakah biaya fasilitasi forum kewaspadaan dini masyarakat dapat dibebankan pada"
         " sub kegiatan pembinaan ideologi Pancasila?",
         "Bagaimana ketentuan pengembalian bantuan keuangan yang digunakan tidak sesuai dengan"
         " peruntukannya?"]),
    "kas": (
        "Konsultasi Penatausahaan Kas dan Pertanggungjawaban Bendahara",
        ["Apakah saldo uang persediaan yang belum dipertanggungjawabkan pada akhir tahun wajib"
         " disetor ke kas daerah sebelum tanggal 31 Desember?",
         "Bagaimana mekanisme pergantian bendahara pengeluaran di tengah tahun anggaran,"
         " apakah cukup dengan berita acara pemeriksaan kas?",
         "Apakah bendahara pengeluaran pembantu dapat menyimpan uang tunai di brankas kantor"
         " melebihi batas yang ditetapkan kepala daerah?",
         "Apakah pembayaran belanja di atas Rp50.000.000,00 wajib dilakukan melalui mekanisme"
         " langsung?",
         "Bagaimana penyelesaian kas tekor yang ditemukan pada saat pemeriksaan kas mendadak?",
         "Apakah bunga jasa giro rekening bendahara dapat digunakan untuk membayar biaya"
         " administrasi bank?"]),
}
