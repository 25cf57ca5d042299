"""Regions, units, people and ranks. Regions are real; people and numbers are invented."""
from __future__ import annotations

# (kind, name, seat, domain slug, area code, postal code, papua?)
REGIONS = [
    ("Provinsi", "Papua", "Jayapura", "papua.go.id", "0967", "99112", True),
    ("Kota", "Jayapura", "Jayapura", "jayapurakota.go.id", "0967", "99221", True),
    ("Kabupaten", "Jayapura", "Sentani", "jayapurakab.go.id", "0967", "99352", True),
    ("Kabupaten", "Biak Numfor", "Biak", "biaknumforkab.go.id", "0981", "98111", True),
    ("Kabupaten", "Merauke", "Merauke", "merauke.go.id", "0971", "99611", True),
    ("Kabupaten", "Mimika", "Timika", "mimikakab.go.id", "0901", "99910", True),
    ("Kabupaten", "Jayawijaya", "Wamena", "jayawijayakab.go.id", "0969", "99511", True),
    ("Kabupaten", "Nabire", "Nabire", "nabirekab.go.id", "0984", "98811", True),
    ("Kabupaten", "Manokwari", "Manokwari", "manokwarikab.go.id", "0986", "98311", True),
    ("Kota", "Sorong", "Sorong", "sorongkota.go.id", "0951", "98411", True),
    ("Kabupaten", "Fakfak", "Fakfak", "fakfakkab.go.id", "0956", "98611", True),
    ("Provinsi", "Maluku", "Ambon", "malukuprov.go.id", "0911", "97128", False),
    ("Kota", "Ambon", "Ambon", "ambon.go.id", "0911", "97126", False),
    ("Kabupaten", "Maluku Tengah", "Masohi", "malukutengahkab.go.id", "0914", "97511", False),
    ("Kabupaten", "Kepulauan Aru", "Dobo", "arukab.go.id", "0917", "97662", False),
    ("Kota", "Tual", "Tual", "tualkota.go.id", "0916", "97611", False),
    ("Kabupaten", "Buru", "Namlea", "burukab.go.id", "0913", "97571", False),
    ("Kota", "Ternate", "Ternate", "ternatekota.go.id", "0921", "97714", False),
    ("Kabupaten", "Halmahera Utara", "Tobelo", "halmaherautarakab.go.id", "0924", "97762", False),
    ("Provinsi", "Nusa Tenggara Timur", "Kupang", "nttprov.go.id", "0380", "85111", False),
    ("Kota", "Kupang", "Kupang", "kupangkota.go.id", "0380", "85228", False),
    ("Kabupaten", "Alor", "Kalabahi", "alorkab.go.id", "0386", "85811", False),
    ("Kabupaten", "Sikka", "Maumere", "sikkakab.go.id", "0382", "86111", False),
    ("Kabupaten", "Ende", "Ende", "endekab.go.id", "0381", "86312", False),
    ("Kabupaten", "Manggarai Barat", "Labuan Bajo", "manggaraibaratkab.go.id", "0385", "86554",
     False),
    ("Kabupaten", "Sumba Timur", "Waingapu", "sumbatimurkab.go.id", "0387", "87112", False),
    ("Kabupaten", "Belu", "Atambua", "belukab.go.id", "0389", "85711", False),
    ("Kabupaten", "Timor Tengah Selatan", "Soe", "ttskab.go.id", "0388", "85511", False),
    ("Kabupaten", "Bima", "Woha", "bimakab.go.id", "0374", "84171", False),
    ("Kabupaten", "Sumbawa", "Sumbawa Besar", "sumbawakab.go.id", "0371", "84311", False),
    ("Kabupaten", "Poso", "Poso", "posokab.go.id", "0452", "94619", False),
    ("Kabupaten", "Banggai", "Luwuk", "banggaikab.go.id", "0461", "94711", False),
    ("Kota", "Kendari", "Kendari", "kendarikota.go.id", "0401", "93111", False),
    ("Kabupaten", "Buton", "Pasarwajo", "butonkab.go.id", "0402", "93754", False),
    ("Kota", "Bitung", "Bitung", "bitungkota.go.id", "0438", "95512", False),
    ("Kabupaten", "Minahasa", "Tondano", "minahasa.go.id", "0431", "95612", False),
    ("Provinsi", "Gorontalo", "Gorontalo", "gorontaloprov.go.id", "0435", "96115", False),
    ("Kabupaten", "Mamuju", "Mamuju", "mamujukab.go.id", "0426", "91511", False),
    ("Kabupaten", "Bulungan", "Tanjung Selor", "bulungan.go.id", "0552", "77212", False),
    ("Kota", "Tarakan", "Tarakan", "tarakankota.go.id", "0551", "77111", False),
    ("Kabupaten", "Kapuas Hulu", "Putussibau", "kapuashulukab.go.id", "0567", "78711", False),
    ("Kota", "Palangka Raya", "Palangka Raya", "palangkaraya.go.id", "0536", "73112", False),
    ("Kabupaten", "Samosir", "Pangururan", "samosirkab.go.id", "0626", "22392", False),
    ("Kabupaten", "Toba", "Balige", "tobakab.go.id", "0632", "22312", False),
    ("Kabupaten", "Natuna", "Ranai", "natunakab.go.id", "0773", "29783", False),
    ("Kabupaten", "Belitung", "Tanjung Pandan", "belitungkab.go.id", "0719", "33411", False),
    ("Kabupaten", "Aceh Tengah", "Takengon", "acehtengahkab.go.id", "0643", "24511", False),
    ("Kota", "Langsa", "Langsa", "langsakota.go.id", "0641", "24411", False),
]
ACEH = {"Aceh Tengah", "Langsa"}

# unit name, short code for the nomor, head's post (None: "Kepala " + name), kind
DINAS = [
    ("Badan Pendapatan Daerah", "Bapenda", None),
    ("Dinas Komunikasi, Informatika dan Statistik", "Diskominfostat", None),
    ("Kantor Kesatuan Bangsa dan Politik", "Kesbangpol", None),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", None),
    ("Dinas Pemberdayaan Masyarakat dan Kampung", "DPMK", None),
    ("Dinas Kelautan dan Perikanan", "DKP", None),
    ("Dinas Pariwisata dan Ekonomi Kreatif", "Disparekraf", None),
    ("Dinas Ketahanan Pangan", "DKP", None),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "Kepala Pelaksana Badan Penanggulangan"
     " Bencana Daerah"),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", None),
    ("Dinas Pemuda dan Olahraga", "Dispora", None),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Dukcapil", None),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", None),
    ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", None),
    ("Dinas Perhubungan", "Dishub", None),
    ("Dinas Lingkungan Hidup", "DLH", None),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip", None),
]
RSUD_PEOPLE = ["dr. Johannes Rumbiak", "dr. Marthen Latumahina", "Dr. Ben Mboi Lelo",
               "dr. Agustinus Wenda", "H. Andi Makkasau Lamusu", "dr. Frans Sopacua",
               "Prof. Dr. W. Z. Tanjaya", "dr. Gerrit Rumengan"]
BAGIAN = ["Bagian Pengadaan Barang dan Jasa", "Bagian Hukum", "Bagian Umum",
          "Bagian Organisasi", "Bagian Kesejahteraan Rakyat", "Bagian Perekonomian"]
KECAMATAN = ["Kota Raja", "Nusaniwe", "Kelapa Lima", "Teluk Mutiara", "Alok", "Kambera",
             "Atambua Barat", "Mandonga", "Matuari", "Balige", "Bebesen", "Langsa Kota"]
KELURAHAN = ["Oesapa", "Batu Merah", "Kalabahi Kota", "Kota Uneng", "Lambara", "Soasio",
             "Madidir Ure", "Pardomuan", "Kampung Baru", "Lampahan"]
DISTRIK = ["Sentani Timur", "Abepura", "Heram", "Wamena Kota", "Mimika Baru", "Semangga",
           "Biak Kota", "Nabire Barat", "Manokwari Barat", "Sorong Manoi", "Fakfak Tengah"]
STREETS = ["Jalan Pattimura", "Jalan Soekarno-Hatta", "Jl. Ahmad Yani", "Jalan Raya Sentani",
           "Jl. El Tari", "Jalan Trikora", "Jl. Sam Ratulangi", "Jalan Diponegoro",
           "Jalan Frans Seda", "Jl. Yos Sudarso", "Jalan Samratulangi", "Jalan Cenderawasih"]

# names: (given names, family names, muslim?)
NAME_GROUPS = [
    (["Yohanis", "Markus", "Agustina", "Paulus", "Yulianus", "Elisabeth", "Fransiskus",
      "Naftali", "Ferdinand", "Yosina"],
     ["Wenda", "Kogoya", "Rumbiak", "Wanggai", "Mandowen", "Mayor", "Kambu", "Mirino",
      "Rumaropen", "Wonda", "Yoku", "Sawaki"], False),
    (["Ronny", "Jacob", "Marthen", "Nus", "Semuel", "Fientje", "Johan", "Carolina"],
     ["Pattipeilohy", "Leiwakabessy", "Sopacua", "Latuconsina", "Tuhumury", "Matulessy",
      "Pattiasina", "Huwae"], False),
    (["Abdul Rahman", "Fatima", "Hasan", "Said", "Nurlela", "Ismail"],
     ["Ohorella", "Tuasikal", "Marasabessy", "Latuconsina", "Tuankotta", "Umasugi"], True),
    (["Yoseph", "Maria Goreti", "Stefanus", "Aplonia", "Yohanes Bosco", "Dominggus",
      "Theresia", "Blasius"], ["Lelo", "Bere", "Nahak", "Ndun", "Lado", "Tefa", "Kolo",
                               "Tallo", "Seran", "Manafe"], False),
    (["Rudolf", "Tiurma", "Benny", "Lamhot", "Rosmawati", "Hotman", "Sondang", "Parlindungan"],
     ["Simanjuntak", "Sihombing", "Hutagalung", "Pardede", "Nainggolan", "Sitorus",
      "Panjaitan", "Manurung"], False),
    (["I Gusti Ngurah", "Ni Made", "I Wayan", "Ni Luh Putu", "Anak Agung Gde", "I Ketut"],
     ["Oka", "Sukerti", "Sudarma", "Ariani", "Raka", "Suardana", "Widiastuti"], False),
    (["Hendra", "Lie Siu", "Yohanes Gunawan", "Steven", "Lanny", "Budi", "Fransisca"],
     ["Tanjaya", "Lan", "Tjandra", "Wijaya Kusuma", "Halim", "Santoso", "Gunadi"], False),
    (["Andi Muhammad", "Hasnawati", "Muh. Ilham", "Sitti", "Arfah", "Rahmat"],
     ["Arfah", "Mappiasse", "Lamusu", "Mokodompit", "Hasan", "Daeng Masiga"], True),
    (["Jeffry", "Vonny", "Stenly", "Meiske", "Recky"],
     ["Rumengan", "Wowor", "Pangemanan", "Tumbelaka", "Mandagi", "Lengkong"], False),
    (["Teuku", "Cut", "Muhammad", "Zulfikar", "Nurhayati", "Safrizal"],
     ["Zulfikar", "Nurhayati", "Ibrahim", "Hasballah", "Yusuf", "Mahmud"], True),
]
FRONT = ["Dr.", "dr.", "Ir.", "Drs.", "Prof. Dr.", "Prof. Dr. dr.", "Dra."]
DEGREES = ["S.E., M.Si.", "S.H., M.H.", "S.Sos., M.AP.", "S.Kom., M.T.", "S.T., M.Eng.",
           "S.Pd., M.Pd.", "S.E., Ak., CA", "S.STP., M.Si.", "M.Kes.", "S.IP., M.A.P.",
           "S.Hut., M.Sc.", "M.M.", "S.E., M.M.", "S.Pi., M.Si.", "Sp.PD", "S.H.",
           "S.Sos.", "S.Kep., Ns., M.Kep.", "S.I.Kom., M.I.Kom."]
RANKS = ["Pembina Utama Muda (IV/c)", "Pembina Utama Muda", "Pembina Tk. I (IV/b)",
         "Pembina Tingkat I", "Pembina (IV/a)", "Penata Tk. I (III/d)", "Pembina Utama Madya",
         "Pembina"]
HIJRI_MONTHS = ["Muharram", "Safar", "Rabiul Awal", "Rabiul Akhir", "Jumadil Awal",
                "Jumadil Akhir", "Rajab", "Syakban", "Ramadhan", "Syawal", "Zulkaidah",
                "Zulhijjah"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
OLD_MONTHS = {2: "Pebruari", 11: "Nopember"}
CODES = ["000.2.3", "700.1.2", "900.1.1", "800.1.11.2", "400.14.1", "500.6.2", "100.3.4",
         "000.1.4", "700.1.1.1", "900.1.13.2"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
