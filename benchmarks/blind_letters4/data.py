"""Regions, sending units, personal names, titles and ranks for set 4.

Regions are real (Java, Bali, West/South Sumatra, Bengkulu, Lampung, Jambi, Gorontalo), chosen
to avoid the eastern and northern regions of set 3. People, numbers and streets are invented.
"""
from __future__ import annotations

# (region name, level, seat used in the date line, area code, culture, kecamatan-like units)
# level: "kab", "kota" or "prov". For DIY regencies the sub-district is a Kapanewon.
REGIONS = [
    ("Garut", "kab", "Garut", "0262", "sunda", ["Bayongbong", "Cibatu", "Samarang"]),
    ("Tasikmalaya", "kab", "Singaparna", "0265", "sunda", ["Cigalontang", "Manonjaya"]),
    ("Kuningan", "kab", "Kuningan", "0232", "sunda", ["Cilimus", "Luragung"]),
    ("Subang", "kab", "Subang", "0260", "sunda", ["Pagaden", "Kalijati"]),
    ("Cimahi", "kota", "Cimahi", "022", "sunda", ["Cimahi Tengah", "Cimahi Utara"]),
    ("Jawa Barat", "prov", "Bandung", "022", "sunda", []),
    ("Banyumas", "kab", "Purwokerto", "0281", "jawa", ["Sokaraja", "Kembaran", "Ajibarang"]),
    ("Wonosobo", "kab", "Wonosobo", "0286", "jawa", ["Kertek", "Garung"]),
    ("Klaten", "kab", "Klaten", "0272", "jawa", ["Wedi", "Delanggu"]),
    ("Rembang", "kab", "Rembang", "0295", "jawa", ["Lasem", "Sulang"]),
    ("Purbalingga", "kab", "Purbalingga", "0281", "jawa", ["Bukateja", "Kutasari"]),
    ("Salatiga", "kota", "Salatiga", "0298", "jawa", ["Sidorejo", "Tingkir"]),
    ("Jawa Tengah", "prov", "Semarang", "024", "jawa", []),
    ("Gunungkidul", "kab", "Wonosari", "0274", "jawa", ["Playen", "Semanu"]),
    ("Kulon Progo", "kab", "Wates", "0274", "jawa", ["Pengasih", "Sentolo"]),
    ("Jember", "kab", "Jember", "0331", "jawa", ["Kaliwates", "Ambulu", "Balung"]),
    ("Ponorogo", "kab", "Ponorogo", "0352", "jawa", ["Babadan", "Jetis"]),
    ("Lumajang", "kab", "Lumajang", "0334", "jawa", ["Tempeh", "Pasirian"]),
    ("Tulungagung", "kab", "Tulungagung", "0355", "jawa", ["Ngunut", "Kedungwaru"]),
    ("Madiun", "kota", "Madiun", "0351", "jawa", ["Manguharjo", "Taman"]),
    ("Jawa Timur", "prov", "Surabaya", "031", "jawa", []),
    ("Pandeglang", "kab", "Pandeglang", "0253", "sunda", ["Labuan", "Menes"]),
    ("Cilegon", "kota", "Cilegon", "0254", "sunda", ["Citangkil", "Purwakarta"]),
    ("Tabanan", "kab", "Tabanan", "0361", "bali", ["Kediri", "Marga", "Penebel"]),
    ("Gianyar", "kab", "Gianyar", "0361", "bali", ["Ubud", "Sukawati"]),
    ("Buleleng", "kab", "Singaraja", "0362", "bali", ["Sawan", "Seririt"]),
    ("Denpasar", "kota", "Denpasar", "0361", "bali", ["Denpasar Barat", "Denpasar Selatan"]),
    ("Bali", "prov", "Denpasar", "0361", "bali", []),
    ("Agam", "kab", "Lubuk Basung", "0752", "minang", ["Tanjung Raya", "Baso"]),
    ("Tanah Datar", "kab", "Batusangkar", "0752", "minang", ["Lima Kaum", "Pariangan"]),
    ("Payakumbuh", "kota", "Payakumbuh", "0752", "minang", ["Payakumbuh Barat"]),
    ("Sumatera Barat", "prov", "Padang", "0751", "minang", []),
    ("Ogan Komering Ilir", "kab", "Kayuagung", "0712", "sumsel", ["Tanjung Lubuk", "Lempuing"]),
    ("Muara Enim", "kab", "Muara Enim", "0734", "sumsel", ["Lawang Kidul", "Gelumbang"]),
    ("Prabumulih", "kota", "Prabumulih", "0713", "sumsel", ["Prabumulih Timur"]),
    ("Lubuklinggau", "kota", "Lubuklinggau", "0733", "sumsel", ["Lubuklinggau Barat I"]),
    ("Rejang Lebong", "kab", "Curup", "0732", "sumsel", ["Curup Tengah", "Bermani Ulu"]),
    ("Bengkulu", "kota", "Bengkulu", "0736", "sumsel", ["Ratu Agung", "Gading Cempaka"]),
    ("Bengkulu", "prov", "Bengkulu", "0736", "sumsel", []),
    ("Lampung Tengah", "kab", "Gunung Sugih", "0725", "lampung", ["Terbanggi Besar"]),
    ("Pringsewu", "kab", "Pringsewu", "0729", "lampung", ["Gadingrejo", "Pagelaran"]),
    ("Metro", "kota", "Metro", "0725", "lampung", ["Metro Pusat", "Metro Barat"]),
    ("Lampung", "prov", "Bandar Lampung", "0721", "lampung", []),
    ("Kerinci", "kab", "Siulak", "0748", "sumsel", ["Gunung Kerinci", "Air Hangat"]),
    ("Boalemo", "kab", "Tilamuta", "0443", "gorontalo", ["Paguyaman", "Botumoito"]),
    ("Bone Bolango", "kab", "Suwawa", "0435", "gorontalo", ["Kabila", "Tapa"]),
    ("Gorontalo", "kota", "Gorontalo", "0435", "gorontalo", ["Kota Tengah", "Dungingi"]),
    ("Gorontalo", "prov", "Gorontalo", "0435", "gorontalo", []),
]

LEVEL_WORD = {"kab": "Kabupaten", "kota": "Kota", "prov": "Provinsi"}
DIY = {"Gunungkidul", "Kulon Progo"}

# Kabupaten/kota units: (full name, abbreviation, head title). Long names wrap in the kop.
OPD = [
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "Kepala"),
    ("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida", "Kepala"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda", "Kepala"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "Kepala"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "Kepala"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "Kepala"),
    ("Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan "
     "Perlindungan Anak", "DPPKBP3A", "Kepala"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "Kepala"),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", "Kepala"),
    ("Dinas Koperasi, Usaha Kecil dan Menengah", "Dinkop UKM", "Kepala"),
    ("Dinas Pariwisata dan Kebudayaan", "Disparbud", "Kepala"),
    ("Dinas Ketahanan Pangan dan Pertanian", "DKPP", "Kepala"),
    ("Dinas Lingkungan Hidup", "DLH", "Kepala"),
    ("Dinas Perhubungan", "Dishub", "Kepala"),
    ("Dinas Pendidikan dan Kebudayaan", "Disdikbud", "Kepala"),
    ("Satuan Polisi Pamong Praja dan Pemadam Kebakaran", "Satpol PP dan Damkar", "Kepala"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "Kepala Pelaksana"),
]

# Provincial units besides the OPDs: Biro of the Setda, listed as (Biro name, abbreviation).
BIRO = [
    ("Biro Hukum", "Ro.Hukum"),
    ("Biro Pengadaan Barang dan Jasa", "Ro.PBJ"),
    ("Biro Organisasi", "Ro.Org"),
    ("Biro Perekonomian dan Administrasi Pembangunan", "Ro.Perek"),
    ("Biro Umum", "Ro.Umum"),
]

UPTD = [  # (UPTD name, parent Dinas)
    ("UPTD Laboratorium Kesehatan Daerah", "Dinas Kesehatan"),
    ("UPTD Balai Latihan Kerja", "Dinas Tenaga Kerja"),
    ("UPTD Pengelolaan Sampah", "Dinas Lingkungan Hidup"),
    ("UPTD Pengelolaan Pasar", "Dinas Perdagangan"),
    ("UPTD Instalasi Farmasi", "Dinas Kesehatan"),
]

STREETS = ["Jalan Ahmad Yani", "Jalan Jenderal Sudirman", "Jalan Diponegoro", "Jalan Veteran",
           "Jalan Pahlawan", "Jalan Merdeka", "Jalan Gatot Subroto", "Jalan Pemuda",
           "Jalan Kartini", "Jalan Soekarno-Hatta", "Jalan Pangeran Antasari",
           "Jalan Raya Timur", "Jalan Kapten Tendean", "Jl. Letjen Suprapto", "Jl. Bhayangkara"]

MALE = {
    "jawa": ["Bambang Sutrisno", "Agus Riyanto", "Sugiyono", "Eko Prasetyo Wibowo", "Suparman",
             "Hadi Purnomo", "Wahyu Adi Nugroho", "Joko Santoso", "Mulyadi", "Teguh Hartono",
             "Danang Setiawan", "Slamet Raharjo", "Muhammad Al-Fatih Ramadhan"],
    "sunda": ["Asep Saepudin", "Dadang Supriatna", "Ujang Sutisna", "Cecep Hidayat", "Deden Ruhiat",
              "Yayan Sopyan", "Endang Kurnia", "Ade Sumpena", "Iwan Gunawan"],
    "bali": ["I Made Sudarsana", "I Gusti Ngurah Agung Putra", "I Ketut Widiana",
             "Anak Agung Gde Rai Sudarma", "I Wayan Suarjana", "I Nyoman Arta Wijaya",
             "Ida Bagus Komang Mahendra"],
    "minang": ["Afrizal", "Hendri Yuliandi", "Rahmat Hidayat", "Yusnaldi Datuk Bandaro",
               "Syafrizal Chaniago", "Zulkifli"],
    "sumsel": ["M. Yusuf Effendi", "Kgs. Ahmad Rizal", "Herman Deru Saputra", "Firdaus",
               "Rusli Hamzah", "Abdul Ghani Al-Amin"],
    "lampung": ["Ahmad Syahputra", "Hermansyah Gelar Sutan Raja", "Rudi Marzuki", "Budiman",
                "Iskandar Zulkarnain"],
    "gorontalo": ["Ismail Pakaya", "Ronal Hulalata", "Arfan Mohammad Lahay", "Rahmat Mooduto",
                  "Yusuf Polapa", "Sofyan Puhi"],
}
FEMALE = {
    "jawa": ["Sri Wahyuni", "Endang Lestari", "Dwi Astuti Rahayu", "Retno Kusumawardani",
             "Tri Handayani", "Siti Nur Aini"],
    "sunda": ["Neneng Rosita", "Euis Komalasari", "Yuyun Yuniarsih", "Rina Marlina"],
    "bali": ["Ni Luh Putu Ariani", "Ni Made Suryani", "I Gusti Ayu Kade Sri Wahyuni",
             "Desak Putu Eka Pratiwi"],
    "minang": ["Yulia Fitri", "Nofriyanti", "Desi Ratnasari", "Elfina Rosa"],
    "sumsel": ["Nyimas Rohani", "Yuliana Sari", "Maryati"],
    "lampung": ["Mega Puspita", "Reni Anggraini", "Linda Setiawati"],
    "gorontalo": ["Fatma Katili", "Nurlela Hasan", "Sri Wahyuni Dunggio"],
}

FRONT_M = ["", "", "", "Drs.", "Ir.", "H.", "Drs. H.", "Dr.", "Dr. Ir.", "dr.", "Dr. H.",
           "Prof. Dr. Ir. H.", "Ir. H.", "drg."]
FRONT_F = ["", "", "", "Dra.", "Ir.", "Hj.", "Dr.", "dr.", "Dra. Hj.", "Dr. Hj.", "Ns."]
BACK = ["S.E.", "S.H.", "S.Sos.", "S.Kom.", "S.T.", "S.Pd.", "S.STP", "S.IP", "S.E., M.Si.",
        "S.H., M.H.", "S.T., M.T.", "S.Sos., M.A.P.", "M.Si.", "M.M.", "S.E., M.Ak., CA",
        "S.Pt., M.P.", "M.Kes.", "S.Kep., M.Kes.", "S.STP, M.Si.", "S.T., M.Eng.", "M.Si., IPU",
        "S.E., M.M., Ak.", "S.KM., M.P.H."]
BACK_DR = ["Sp.PD", "M.Kes.", "MARS", "Sp.OG", "M.Kes., Sp.KKLP"]

RANKS = [("Pembina Utama Madya", "IV/d"), ("Pembina Utama Muda", "IV/c"),
         ("Pembina Tingkat I", "IV/b"), ("Pembina", "IV/a"), ("Penata Tingkat I", "III/d")]
