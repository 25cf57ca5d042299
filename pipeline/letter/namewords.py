"""A word of a signer's name that a scan misread by a letter, spelt as the common name it is.

A stamp's ring laid over a capital turns its D or P into a B ("BARMAWAN" for "DARMAWAN"), the
signature's stroke through a small r makes an f ("Hefu"), an m under it reads as rn, rh or jh,
an I at a word's end as an L (in capitals after a consonant, where no Indonesian name ends so:
"SUKMAWATL"). Tesseract reads such a word as sure as any: its confidence cannot tell it.
What can is that names repeat: officials' names are mostly made of a few
hundred common words (NAMES, Indonesia's peoples' given and family names as the civil register
spells them). So a word of a name that is no listed name and no Indonesian word, and that one
confusion of shapes (CONFUSED) makes one listed name and no other, is that name. A name not
listed stays as read, however rare; so does a word one confusion off two listed names. No
confusion is of a vowel for a vowel: names vary their vowels (Santoso, Santosa).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.letter.lexicon import known

_NAMES = """
Abdul Abdullah Abdurrahim Abdurrahman Abidin Abraham Abu Achmad Adam Ade Adhi Adi Adiputra
Aditya Adiwijaya Adnan Adnyana Adrian Adriana Afandi Afriadi Afrizal Agung Agus Agusta Agustian
Agustina Agustini Agustinus Ahmad Ahmadi Aidil Ainun Aisyah Aji Akbar Akhirudin Akhmad Alam
Alfiah Alfian Alfons Ali Alimuddin Aliyah Amalia Amalina Amin Aminah Amir Amiruddin Amran Anak
Anang Andi Andika Andreas Andri Andriani Andrianto Angga Anggara Anggraeni Anggraini Ani Anis
Anisa Anita Anna Anshori Ansori Anton Antonius Anwar Anwari Ardi Ardiansyah Ari Ariani Arianto
Arief Arif Arifin Arifuddin Aris Ariyanto Arman Armansyah Artha Arya Asep Ashari Asih Asmara
Asmawi Asmuni Astawa Astuti Aswin Atmaja Ayu Ayub Azhar Azis Aziz Bachtiar Badrun Baginda Bagus
Bahar Baharuddin Bahri Bahtiar Bakri Bambang Baso Basri Basuki Bayu Bayuaji Benediktus Benny
Bernadus Bintang Bondan Bonifasius Budi Budiarti Budiarto Budiman Budiono Budiyanto Burhan
Burhanuddin Butet Cahya Cahyadi Cahyani Cahyono Candra Catur Cecep Chairul Cholid Cici Citra
Cokorda Cut Dadan Dadang Daeng Dahlan Damanik Daniel Danu Darma Darmadi Darmaji Darmawan Darsih
Darsono Darto Darwis Datuk Daud Debora Dede Dedi Dedy Demianus Deni Denny Dermawan Desi
Desrizal Desy Devi Dewa Dewi Dharma Dharmawan Diah Dian Diana Didik Didin Dimas Dina
Djamaluddin Djoko Djuanda Dodi Dody Dominikus Dwi Dwiyanti Dwiyanto Dyah Eddy Edi Edy Efendi
Effendi Effendy Eka Eko Elfi Elfrida Elias Elisabeth Elly Elvira Endah Endang Endro Engkos Enny
Entis Erizal Erlina Erna Ernawati Erwan Erwin Euis Eva Evi Fadil Fahmi Fahri Faisal Fajar
Fakhrudin Farida Faridah Fathoni Fathur Fatimah Fauzan Fauzi Febri Febrianti Ferdinand Feri
Ferry Fikri Filipus Firdaus Firman Firmansyah Fitri Fitria Fitriani Frans Fransiskus Fuad Gatot
Gede Ginanjar Ginting Girsang Gita Gregorius Gultom Gunadi Gunarto Gunawan Guntoro Guntur Gusti
Habibie Hadi Hadiningrat Hadisuwarno Hadiyanto Hafid Hafidz Hafiz Haji Hakim Halim Halimah
Hamdan Hamid Hamidah Hamzah Hanafi Handayani Handojo Handoko Hani Harahap Hardi Hariadi
Harianto Haris Harjono Harsono Hartanto Hartati Hartono Harun Haryadi Haryanti Haryanto Haryati
Haryono Hasan Hasanuddin Hasibuan Hasyim Hasyimi Hendra Hendri Hendrik Hendrikus Hendro Heri
Herman Hermawan Heru Hidayah Hidayat Hidayati Hidayatullah Husain Husein Husin Husni Hutabarat
Hutagalung Hutapea Ibrahim Ida Idris Idrus Ihsan Iis Ikhsan Ilham Ilyas Imam Iman Imron Indah
Indarti Indarto Indra Indriani Intan Irawan Irfan Iriani Irianto Irma Irwan Isa Ishak Iskandar
Iskandariah Ismail Istiqomah Iwan Iyan Jafar Jamal Jamaluddin Januar Jatmiko Jaya Jefri Jhon
Johan Johannes Joko Jonathan Joni Joyo Juliana Jumadi Junaedi Junaidi Jusuf Juwita Kade Kadek
Kadir Kamal Kamaruddin Kartika Kartini Kartono Karyadi Karyono Kasim Kasmuri Kerta Ketut
Khadijah Khairul Khoirul Kholil Komang Kornelis Kristina Kurnia Kurniati Kurniawan Kusnadi
Kustini Kusuma Kusumaningrum Kusumawati Laila Lambertus Lestari Lia Lie Liem Lilis Lim Lina
Lodewyk Lubis Luh Lukas Lukito Lukman Lusi Lutfi Luthfi Made Maemunah Magdalena Maharani
Mahendra Mahfud Mahmud Maimunah Mansur Mansyur Manurung Mappa Marbun Mardiana Mardiyah Maria
Markus Marlia Marlina Marpaung Marselinus Martha Marthen Marwan Marwoto Maryati Marzuki Masri
Matius Maulana Maulidia Maya Mega Melati Mertha Michael Miftah Miftahul Mira Muchtar Muh
Muhamad Muhammad Muhlis Mujiono Mujiyanto Mukhlis Mulyadi Mulyani Mulyanto Mulyono Munawar
Munawaroh Munir Munthe Mursidi Muslim Muslimin Mustafa Mustofa Nababan Nainggolan Nanang
Napitupulu Nasir Nasrudin Nasrullah Nasution Natalia Nenden Neneng Ngadiman Ngurah Nia Nikolaus
Nina Ningrum Ningsih Nining Nita Nofrizal Novi Novianti Novita Nugraha Nugroho Nur Nuraini
Nurdin Nurhadi Nurhalimah Nurhasanah Nurhayati Nurjanah Nurjannah Nurlela Nurmala Nurul
Nuryanti Nyoman Oei Oka Oktavia Oktaviani Oman Otong Panca Pandapotan Pangaribuan Panggabean
Panjaitan Pardede Pasaribu Paulus Permana Petrus Pohan Prabowo Pramono Pranoto Prasetya
Prasetyo Pratama Pratiwi Prihartini Prihatin Priyanto Puji Pujianto Pujiastuti Purba Purnama
Purnamasari Purnomo Purwadi Purwaningsih Purwanto Puspita Putra Putri Putriani Putu Rachman
Rachmat Rachmawati Rafi Rahayu Rahim Rahman Rahmat Rahmatullah Rahmawati Rahmi Raja Ramadani
Ramadhan Ramdani Ramlan Ramli Rani Rasmini Rasyid Ratih Ratna Retno Reza Ria Ridwan Rika Rina
Rini Riski Rizal Rizki Robert Robiah Rohani Rohmah Rohman Rosa Rosita Roslina Rosmiati Rosyid
Rosyidah Rudi Rudy Rusdi Ruslan Rusli Rustam Rustandi Saefudin Safitri Saiful Saifullah Salim
Samsudin Samsul Samuel Sandi Sang Santoso Saragih Sari Sarifudin Satria Sembiring Semuel
Setiabudi Setiadi Setiawan Setiawati Setyaningsih Setyawan Setyo Sholeh Sholihin Siagian
Siahaan Sianturi Sihite Sihombing Silaban Silalahi Simanjuntak Simatupang Simbolon Simon Sinaga
Sipayung Siregar Sitepu Siti Sitompul Sitorus Situmorang Slamet Sobari Sobirin Soleh Sri
Stefanus Suardana Suartana Subagyo Subekti Subroto Sudarma Sudarmo Sudarsono Sudaryanto
Sudiarta Sudirman Sugeng Sugiarto Sugiyono Suharto Suhendra Suherman Sujarwo Sujatmiko Sukadana
Sukamto Sukardi Sukarman Sukarno Sukirman Sukmana Sulaiman Sulastri Sulistiyani Sulistyo
Sulistyowati Sumarni Sumarno Sumarsono Sumiati Sunardi Sunarti Sunarto Supardi Suparman Suparno
Suparti Suprapto Supriadi Supriyadi Supriyanto Surya Suryadi Suryani Suryanto Susanti Susanto
Susilo Sutanto Sutarmi Sutarno Sutopo Sutrisno Suwandi Suwardi Suwarno Syafii Syafrizal
Syahputra Syahputri Syahrial Syahrir Syahrul Syaiful Syaifullah Syamsuddin Syamsul Syarif
Syarifuddin Syukri Tambunan Tan Tanoto Tarigan Taufik Taufiq Teguh Tetty Theresia Thomas Titus
Tjandra Tobing Tri Triana Tuti Ujang Umar Usman Utami Uun Veronika Vina Wahid Wahyu Wahyudi
Wahyuni Wati Wayan Wibisono Wibowo Widana Widayat Widi Widjaja Widodo Widya Wijaya Winarno
Windi Wirawan Wisnu Wulan Wulandari Yahya Yakob Yakobus Yani Yanti Yasa Yeremias Yoga Yohanes
Yohanis Yosef Yosua Yudha Yudi Yulia Yuliana Yuliani Yulianti Yuliarni Yuliati Yulius Yulizar
Yuni Yuniarti Yunus Yusnita Yusran Yusuf Zaenal Zainal Zainuddin Zakaria Zubaidah Zubair
Zulaikha Zulfikar Zulkarnain Zulkifli
"""
# (the short names a letter off others, listed lest a right one be read as one of those)
_SHORT = """Reni Dani Dini Heni Leni Yeni Wina Rosi Susi Nuri Nani Neni Tini Toni Tono Yuli Lili
Dodi Jodi Hadi Ruri Rury Ardy Andy Feri Heri Hery Beni Bobi Dedy Rudy Yudy Tedy Roni Doni Soni"""
NAMES = frozenset(w.lower() for w in (_NAMES + " " + _SHORT).split())

# letters OCR reads for one another where a ring or stroke crosses them: a bowl's side (B P D
# R; K R, a stem and a leg), a round letter's (D O Q, C G), a stem (I L J 1 |, f r t), a cut
# arch (n h, u n)
_CAPITALS = ("BPDR", "DOQ", "CG", "EF", "IL1|J", "UV", "KXR")
_SMALL = ("frt", "bh", "il1j|", "nhu", "ce", "gq", "vy")
CONFUSED = {c: frozenset("".join(g for g in _CAPITALS + _SMALL if c in g)) - {c}
            for c in "".join(_CAPITALS + _SMALL)}
# and a letter read as two, or two as one (printed on the right)
SPLIT = (("rn", "m"), ("rh", "m"), ("jh", "m"), ("ni", "m"), ("in", "m"), ("RN", "M"),
         ("IVI", "M"), ("VV", "W"), ("vv", "w"), ("li", "h"), ("cl", "d"), ("m", "rn"))
SHORTEST = 4  # letters: a shorter name is a letter off too many others ("Ani", "Adi")


def spelt(nama: str) -> str:
    """NAMA (titles, name, degrees after its comma) with each word of the name that a scan
    misread by a letter spelt as the listed name it is (see the module's docstring)."""
    head, comma, tail = nama.partition(",")
    return " ".join(_word(t) for t in head.split(" ")) + comma + tail


def _word(tok: str) -> str:
    if not re.fullmatch(r"[A-Za-z]+", tok) or _listed(tok):
        return tok
    if tok.isupper() and len(tok) >= 3 and re.search(r"[B-DF-HJ-NP-TV-Z]L$", tok):
        return tok[:-1] + "I"  # (no name ends in a consonant and an L: "SRL", "SUKMAWATL")
    if len(tok) < SHORTEST:
        return tok
    near = {v for v in _variants(tok) if v.lower() in NAMES}
    if len({v.lower() for v in near}) != 1:
        return tok
    name = near.pop().lower()
    return name.upper() if tok.isupper() else name.capitalize()


@lru_cache(maxsize=4096)
def _listed(tok: str) -> bool:
    """Whether TOK is a listed name or an Indonesian word (many names are: "Budi", "Wahyu")."""
    return tok.lower() in NAMES or known(tok.lower()) > 0


def _variants(tok: str) -> set[str]:
    """TOK with one of its letters, or a pair of them, read as another (CONFUSED, SPLIT)."""
    out = {tok[:k] + other + tok[k + 1:] for k, c in enumerate(tok)
           for other in CONFUSED.get(c, ())}
    for read, printed in SPLIT:
        out |= {tok[:m.start()] + printed + tok[m.end():]
                for m in re.finditer(re.escape(read), tok)}
    return out
