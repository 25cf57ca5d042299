# SPDX-License-Identifier: AGPL-3.0-or-later
"""What phone photos and scans of blind sets read for the first time (seeds 24, 26, 44, 46)
still misread in the signature block: a NIP whose label and first digit the stamp's ring ate,
the signature's strokes read as a line above the name, a picture's edge read before a front
title, a name's J read small, the stamp's marks glued to a post's words, and degrees read apart
at their dots or behind a mark. Each line here is as the page's reading gave it."""
from __future__ import annotations

from pipeline.letter.degrees import closed
from pipeline.letter.lines import Line, Word
from pipeline.letter.marks import RANK
from pipeline.letter.nip import nip_digits, nip_match
from pipeline.letter.scanname import scanned_name
from pipeline.letter.scanpost import scanned_post
from pipeline.letter.signature import signature
from pipeline.letter.signblock import tidied


def signed(*rows: tuple[str, float, float, float, float]) -> dict:
    """The signer read from a block's lines as OCR gives them (text, top, left edge, right
    edge, confidence), under a closing sentence."""
    head = [Line("Demikian kami sampaikan, atas perhatiannya diucapkan terima kasih.", 1, 0.14,
                 ocr=True, conf=0.95, x1=0.85, top=0.80), Line("", ocr=True)]
    return signature(head + [Line(t, 1, x0, ocr=True, conf=c, x1=x1, top=top) if t
                             else Line("", ocr=True) for t, top, x0, x1, c in rows], 1)[0]


def test_a_nip_whose_label_and_first_digit_the_ring_ate_is_read():
    # (the ring crosses "NIP." and the birth year's 1, read "LA . Y9740…"; 1974 is the only
    # year a digit there makes, and the rest is a NIP's shape)
    sig = signed(("oe ti Kepala Biro Organisasi,", 0.874, 0.465, 0.75, 0.72),
                 ("Sy", 0.902, 0.45, 0.48, 0.05), ("", 0, 0, 0, 0),
                 ("TN Drs. H. joko Santoso, M.Si.", 0.974, 0.454, 0.80, 0.63),
                 ("LA . Y97407041996041010", 0.995, 0.501, 0.79, 0.34))
    assert sig["nip"] == "197407041996041010"
    assert sig["nama"] == "Drs. H. Joko Santoso, M.Si."
    assert sig["jabatan"] == "Kepala Biro Organisasi"
    # (a letter before eighteen digits that make no NIP, whatever digit it stands for, is none)
    assert nip_match("Kode Y91713991996041010") is None
    # (a label's last letter glued before a whole NIP still reads as before)
    assert nip_digits(nip_match("| Sp99710315 200012 2 001").group(1), True) == \
        "197103152000122001"


def test_the_signature_read_as_words_above_the_name_is_no_line_of_it():
    sig = signed(("Malang, 28 Juni 2024", 0.906, 0.580, 0.743, 0.92),
                 ("Kepala Dinas Pariwisata", 0.924, 0.567, 0.791, 0.84), ("", 0, 0, 0, 0),
                 ("va wae JERKS.", 0.987, 0.652, 0.784, 0.41),
                 ("Siti Wardana Setiawan, S.Si., M.M.", 1.011, 0.581, 0.847, 0.93),
                 ("NIP. 196902221994022003", 1.030, 0.573, 0.795, 0.53))
    assert sig["nama"] == "Siti Wardana Setiawan, S.Si., M.M."
    assert sig["jabatan"] == "Kepala Dinas Pariwisata"
    # (nor is it the post's last line, where the room to sign stands between them)
    sig = signed(("Kepala Bagian Perekonomian dan", 0.797, 0.543, 0.808, 0.96),
                 ("Sumber Daya Alam Kabupaten Lombok Barat", 0.815, 0.541, 0.802, 0.96),
                 ("", 0, 0, 0, 0), ("tanita,", 0.947, 0.628, 0.713, 0.0),
                 ("Dr. ANI SIMANJUNTAK, S.Kom.", 0.956, 0.535, 0.809, 0.85),
                 ("NIP. 196703221992122002", 0.998, 0.533, 0.748, 0.90))
    assert (sig["nama"], sig["jabatan"]) == ("Dr. ANI SIMANJUNTAK, S.Kom.", "Kepala Bagian "
                                             "Perekonomian dan Sumber Daya Alam Kabupaten "
                                             "Lombok Barat")
    # a name wrapped over two lines is still read whole, its particle in small letters too
    sig = signed(("Kepala Dinas Kesehatan,", 0.90, 0.55, 0.80, 0.93), ("", 0, 0, 0, 0),
                 ("Prof. Dr. H. Ahmad Fauzi bin", 0.98, 0.55, 0.84, 0.90),
                 ("Abdullah, S.Ag., M.Pd.", 1.00, 0.55, 0.76, 0.91),
                 ("NIP. 196902221994021003", 1.02, 0.55, 0.79, 0.93))
    assert sig["nama"] == \
        "Prof. Dr. H. Ahmad Fauzi bin Abdullah, S.Ag., M.Pd."


def test_a_word_read_before_a_front_title_is_no_part_of_the_name():
    # (the e-signature's QR code beside the name read as a word)
    assert scanned_name("Insan Dr. Endang Sulistyo, S.Pd., M.AP.") == \
        "Dr. Endang Sulistyo, S.Pd., M.AP."
    # (or a short word in small letters after its capital, before a name in capitals)
    assert scanned_name("Si TEGUH ANGGRAINI, S.Kom.") == "TEGUH ANGGRAINI, S.Kom."
    assert scanned_name("Ni LUH PUTU SARI, S.E.") == "Ni LUH PUTU SARI, S.E."
    assert scanned_name("Mhd YUSUF ANWAR, S.E.") == "Mhd YUSUF ANWAR, S.E."
    # but the titles and nobility that stand before a doctorate stay
    assert scanned_name("KH. Dr. Ahmad Dahlan, M.Ag.") == "KH. Dr. Ahmad Dahlan, M.Ag."
    assert scanned_name("Andi Dr. Muhammad Ramli, S.E.") == "Andi Dr. Muhammad Ramli, S.E."


def test_a_name_word_read_with_a_small_letter_is_capitalised():
    assert scanned_name("Drs. H. joko Santoso, M.Si.") == "Drs. H. Joko Santoso, M.Si."
    assert scanned_name("Ahmad bin Salim, S.H.") == "Ahmad bin Salim, S.H."
    assert scanned_name("dr. Rina Kusuma") == "dr. Rina Kusuma"


def test_the_stamps_marks_glued_to_a_posts_words_go():
    assert scanned_post("LS /KEPALA DINAS PARIWISATA DAN KEBUDAYAAN") == \
        "KEPALA DINAS PARIWISATA DAN KEBUDAYAAN"
    assert scanned_post("Lo :Kepala Dinas Lingkungan Hidup") == "Kepala Dinas Lingkungan Hidup"
    assert scanned_post("KEPALA DINAS PENDIDIKAN #75 \u00b0DAN KEBUDAYAAN PROVINSI LAMPUNG") == \
        "KEPALA DINAS PENDIDIKAN DAN KEBUDAYAAN PROVINSI LAMPUNG"
    # (the acting mark's dot read as a colon, in capitals too)
    assert scanned_post("PLT: SEKRETARIS DPRD KABUPATEN SUBANG") == \
        "PLT. SEKRETARIS DPRD KABUPATEN SUBANG"
    # a post's own digits and acronyms stay
    assert scanned_post("Kepala UPT SMP Negeri 2 Kota Batu") == "Kepala UPT SMP Negeri 2 Kota Batu"


def test_degrees_read_apart_or_behind_a_mark_stay_the_names():
    sig = signed(("KEPALA DINAS KEBUDAYAAN,", 0.86, 0.50, 0.80, 0.95), ("", 0, 0, 0, 0),
                 ("Drs. H. I GUSTI NGURAH AGUNG PUTRA,", 0.940, 0.495, 0.84, 0.90),
                 ("M. Si,", 0.957, 0.494, 0.545, 0.78),
                 ("Pembina Utama Madya", 0.985, 0.50, 0.662, 0.94),
                 ("NIP. 196604071995031004", 1.006, 0.50, 0.691, 0.93))
    assert sig["nama"] == "Drs. H. I GUSTI NGURAH AGUNG PUTRA, M.Si."
    sig = signed(("KEPALA RUMAH SAKIT UMUM DAERAH,", 0.80, 0.52, 0.85, 0.95),
                 ("", 0, 0, 0, 0), ("dr. HARTATI NASUTION,", 0.84, 0.52, 0.80, 0.90),
                 ("\u201c Sp.PD.", 0.860, 0.519, 0.625, 0.40),
                 ("NIP. 19790909 200412 2 001", 0.899, 0.55, 0.854, 0.96))
    assert sig["nama"] == "dr. HARTATI NASUTION, Sp.PD."
    assert scanned_name("SITI NUR AINI, M,Si") == "SITI NUR AINI, M.Si."
    assert scanned_name("Ns, SRI WAHYUNI, S.STP, M.Si.") == "Ns. SRI WAHYUNI, S.STP, M.Si."
    # (halves that make no listed degree are a name's initials and titles)
    assert closed("H. I GUSTI") == "H. I GUSTI" and closed("M. Nur Hadi") == "M. Nur Hadi"


def test_an_underlined_line_of_degrees_boxed_with_its_rule_is_print():
    """GIVEN the page's words of a scanned block (seed 27) whose name and the rest of its
    degrees under it are underlined, the rule boxed into "M.Si," (as tall as two lines, as the
    signature's scribble read as a word is) WHEN the block is tidied of the stamp's and the
    signature's debris THEN the degrees stay."""
    words = [Word(t, x0, x1, top, bottom, conf, ("1", "17", row))
             for t, x0, x1, top, bottom, conf, row in [
                 ("H.Irwan", 240, 508, 290, 358, 0.2, "5"),
                 ("Rahayu,", 536, 741, 290, 358, 0.93, "5"),
                 ("S.T.,", 768, 922, 290, 358, 0.86, "5"),
                 ("M.Si,", 259, 410, 350, 423, 0.84, "6"),
                 ("SSIRAGHARTS", 600, 900, 240, 330, 0.3, "4"),
                 ("Pembina", 266, 485, 431, 471, 0.97, "7"),
                 ("Utama", 505, 673, 432, 471, 0.96, "7"),
                 ("NIP.", 266, 374, 500, 539, 0.9, "8"),
                 ("197804082003041006", 400, 973, 500, 540, 0.9, "8")]]
    nip = words[-2:]
    kept = [w.text for w in tidied(words, nip, 39.5, None)]
    assert "M.Si," in kept and "SSIRAGHARTS" not in kept


def test_a_centred_post_is_read_where_the_stamp_widened_the_name_and_nip_lines():
    """GIVEN a centred block whose name and NIP lines begin where the stamp's specks before them
    do (so their axis stands left of the post's), as seeds 44 and 47 read WHEN the signature is
    read THEN the post is its two lines, the stamp's bits beside them left out."""
    sig = signed(("Kepala Dinas Pekerjaan Umum", 1.063, 0.531, 0.819, 0.96),
                 ("dan Penataan Ruang,", 1.086, 0.574, 0.775, 0.96), ("", 0, 0, 0, 0),
                 ("Dr. MEGA PUSPITA, S.E.", 1.195, 0.483, 0.804, 0.71),
                 ("Tes NIP. 197308232002032009", 1.229, 0.483, 0.800, 0.42))
    assert sig["jabatan"] == "Kepala Dinas Pekerjaan Umum dan Penataan Ruang"
    sig = signed(("... Plt. Sekretaris DPRD Provinsi Jawa", 0.933, 0.494, 0.827, 0.85),
                 ("Tel Mn", 0.954, 0.467, 0.585, 0.15), ("Timur,", 0.953, 0.647, 0.703, 0.97),
                 ("", 0, 0, 0, 0),
                 ("Slamet Raharjo, S.Kep., M.Kes.", 1.058, 0.455, 0.832, 0.77),
                 ("NIP. 197411181998041002", 1.078, 0.463, 0.798, 0.63))
    assert sig["jabatan"] == "Plt. Sekretaris DPRD Provinsi Jawa Timur"
    # (a line of another column, beside the block, is still no part of the post)
    sig = signed(("Tembusan disampaikan kepada Yth.,", 0.90, 0.12, 0.40, 0.95),
                 ("Kepala Dinas Kesehatan,", 0.93, 0.55, 0.80, 0.95), ("", 0, 0, 0, 0),
                 ("Dr. MEGA PUSPITA, S.E.", 1.0, 0.52, 0.82, 0.9),
                 ("NIP. 197308232002032009", 1.02, 0.52, 0.80, 0.9))
    assert sig["jabatan"] == "Kepala Dinas Kesehatan"


def test_a_nip_whose_birth_year_reads_29_is_a_1_misread():
    assert nip_digits(nip_match("Nips 297009171993112006").group(1), True) == \
        "197009171993112006"
    assert nip_digits(nip_match("NIP. 200101012020121001").group(1), True) == \
        "200101012020121001"


def test_two_list_numbers_the_ring_put_before_a_post_line_go():
    sig = signed(("Jember, 30 November 2024", 0.084, 0.531, 0.798, 0.96),
                 ("a.n. Kepala UPTD Balai Latihan Kerja", 0.107, 0.533, 0.885, 0.96),
                 ("2. 1. Kepala Subbagian Tata Usaha,", 0.130, 0.467, 0.826, 0.61),
                 ("", 0, 0, 0, 0), ("Mama Setan Banana", 0.188, 0.435, 0.75, 0.12),
                 ("", 0, 0, 0, 0), ("Dra. Hj. Siti Nur Aini", 0.242, 0.533, 0.75, 0.96),
                 ("\"MP: 19660914 199603 2 005", 0.265, 0.479, 0.82, 0.82))
    assert sig["jabatan"] == \
        "a.n. Kepala UPTD Balai Latihan Kerja Kepala Subbagian Tata Usaha"


def test_a_rank_a_speck_marked_and_a_names_misread_stops_are_told():
    """Seed 48: the rank read after a stamp's bit with a stop ("so. Pembina") is the rank, not
    the name; a comma a speck put between a name's words goes (PUEBI sets one only before the
    degrees); "Irs" before a name is "Ir." with its dot read as an s (no title is "Irs")."""
    sig = signed(("KEPALA DINAS PERHUBUNGAN", 0.744, 0.519, 0.825, 0.95),
                 ("TANAH DATAR,", 0.786, 0.519, 0.663, 0.96), ("", 0, 0, 0, 0),
                 ("Dra. Elfina Rosa, M.Si.", 0.891, 0.519, 0.744, 0.93),
                 ("so. Pembina", 0.908, 0.449, 0.608, 0.36),
                 ("NIP. 197801272001122010", 0.932, 0.52, 0.77, 0.89))
    assert (sig["nama"], sig["jabatan"]) == ("Dra. Elfina Rosa, M.Si.",
                                             "KEPALA DINAS PERHUBUNGAN TANAH DATAR")
    assert scanned_name("NYIMAS, ROHANI, M.Si., IPU") == "NYIMAS ROHANI, M.Si., IPU"
    assert scanned_name("BUDI, SE, M.M.") == "BUDI, S.E., M.M."
    assert scanned_name("Irs Eko Prasetyo Wibowo, S.T.") == "Ir. Eko Prasetyo Wibowo, S.T."


def test_what_these_rules_must_leave_alone():
    """An adversarial review of the rules above: names, posts and degrees as offices print them,
    which none of them may change."""
    for name in ("BAMBANG H. SUSILO, S.H.", "Teungku H. MUHAMMAD YUSUF", "Habib Dr. ALWI SHIHAB",
                 "Kolonel Dr. BUDI SANTOSO", "Tb. ACHMAD ZAKI ISKANDAR", "AGUS NS, S.Pd.",
                 "Jan van den Berg", "Ahmad ibn Hanbal", "dr. BUDI, SpPD, FINASIM"):
        assert scanned_name(name) == name
    # (degrees written without dots after the name's comma are degrees, not the name's words)
    assert scanned_name("BUDI SANTOSO, SKom, MM") == "BUDI SANTOSO, S.Kom., M.M."
    for post in ("Inspektur Pembantu Wilayah |V", "Kepala SMP Negeri 2", "Kepala Dinas P3A"):
        assert scanned_post(post) == post
    assert scanned_post("Kepala SMP Negeri 2\u00bb") == "Kepala SMP Negeri 2"
    # (a name's initials may spell a degree: only the degrees' part, or a line of them, joins)
    assert closed("M. T. HUTAPEA") == "M. T. HUTAPEA"
    assert closed("ROBERT S. E. PURBA") == "ROBERT S. E. PURBA"
    assert closed("S. Pd., M. Si.") == "S.Pd., M.Si."
    # (a post signed for another is no rank: "an. Pembina Yayasan …")
    assert not RANK.search("an. Pembina Yayasan Pendidikan")


def test_a_posts_line_in_small_letters_right_above_the_name_is_still_the_post():
    """GIVEN a block no generator here writes: an electronic signature's block with no room to
    sign, its post typed partly in small letters ("dan kebudayaan,") on the line right above
    the name WHEN the signature is read THEN that line is the post's, not the signature's
    strokes read as words: its small words are Indonesian."""
    sig = signed(("Kepala Dinas Pendidikan", 0.90, 0.55, 0.80, 0.95),
                 ("dan kebudayaan,", 0.92, 0.55, 0.70, 0.93),
                 ("Dr. RINA MARLINA, M.Pd.", 0.94, 0.55, 0.78, 0.92),
                 ("NIP. 197801272001122010", 0.96, 0.55, 0.77, 0.93))
    assert (sig["nama"], sig["jabatan"]) == ("Dr. RINA MARLINA, M.Pd.",
                                             "Kepala Dinas Pendidikan dan kebudayaan")


def test_the_stamps_lettering_under_a_posts_comma_is_no_line_of_the_post():
    # (a phone photo: three lines of the stamp's lettering, read unsure, between the post's
    # closing comma and the name; the middle one holds a word, "arung", among bits)
    sig = signed(("Singaraja, 23 Mei 2025", 0.900, 0.520, 0.684, 0.97),
                 (",Birektur Rumah Sakit Umum", 0.920, 0.514, 0.726, 0.92),
                 ("Daerah,", 0.940, 0.517, 0.570, 0.97),
                 ("\u201cof BU mna \\ 3 (AD IN / }", 0.975, 0.441, 0.721, 0.37),
                 ("ad arung yi de / f", 0.993, 0.446, 0.633, 0.44),
                 ("PREM fy / 3 Se LA oe _> oo", 1.005, 0.506, 0.771, 0.31),
                 ("Dr. H. Anak Agung Gde Rai Sudarma, S.Pd.", 1.042, 0.510, 0.844, 0.95),
                 ('"NIP. 19690721 199803 1 010', 1.062, 0.475, 0.717, 0.85))
    assert sig["jabatan"] == "Direktur Rumah Sakit Umum Daerah"
    assert sig["nama"] == "Dr. H. Anak Agung Gde Rai Sudarma, S.Pd."
    # (a chain's next post under the comma, however unsure, is the post's: its words are)
    sig = signed(("a.n. BUPATI SLEMAN", 0.90, 0.52, 0.80, 0.90),
                 ("SEKRETARIS DAERAH,", 0.92, 0.52, 0.75, 0.90),
                 ("u.b.", 0.94, 0.52, 0.56, 0.60),
                 ("KEPALA BAGIAN HUKUM,", 0.96, 0.52, 0.78, 0.45), ("", 0, 0, 0, 0),
                 ("HARTONO, S.H.", 1.00, 0.52, 0.70, 0.90),
                 ("NIP. 197001011995031001", 1.02, 0.52, 0.75, 0.90))
    assert sig["jabatan"] == "a.n. BUPATI SLEMAN SEKRETARIS DAERAH, u.b. KEPALA BAGIAN HUKUM"


def test_the_stamps_bits_between_a_posts_words_go():
    assert scanned_post("KEPALA PELAKSANA BADAN 0... PENANGGULANGAN No BENCANA DAERAH") == \
        "KEPALA PELAKSANA BADAN PENANGGULANGAN BENCANA DAERAH"
    # (seeds 20 and 40: bits of two letters, a capital and a digit, a bracket never closed)
    assert scanned_post("Plt. Kepala Satuan Polisi Pamong Praja (ss dan Pemadam Kebakaran "
                        "Kabupaten Wonosobo") == \
        "Plt. Kepala Satuan Polisi Pamong Praja dan Pemadam Kebakaran Kabupaten Wonosobo"
    assert scanned_post("a.n. KEPALA DINAS LINGKUNGAN HIDUP H1 SEKRETARIS") == \
        "a.n. KEPALA DINAS LINGKUNGAN HIDUP SEKRETARIS"
    assert scanned_post("Kepala Dinas Pekerjaan Umum Kabupaten (Kampar") == \
        "Kepala Dinas Pekerjaan Umum Kabupaten Kampar"
    assert scanned_post("Kepala UPTD Balai Latihan 0 1 Kerja") == "Kepala UPTD Balai Latihan Kerja"
    # (a ring's bracket before the post's first word goes with the bits it opens)
    assert scanned_post('(CA "Kepala UPTD Puskesmas Mekarsari') == \
        "Kepala UPTD Puskesmas Mekarsari"
    # (a post's own small words, and a post typed in small letters, stay)
    for post in ("DIREKTUR RSUD dr. SOETOMO", "Kepala Bidang Tata Ruang dan Bangunan",
                 "KEPALA SMP NEGERI 2 KOTA BATU", "SEKRETARIS DAERAH, ub KEPALA BAGIAN UMUM",
                 "Kepala UPT Puskesmas di Kota Batu", "Kepala Dinas P3A (DP3A) Kota Batu",
                 "Camat Tanjung Priok II", "Kepala KB dan TK Negeri 1",
                 # (an adversarial review's: places and abbreviations of two letters)
                 "Keuchik Gampong Ie Masen Kaye Adang", "Kepala Distrik Oe", "Camat Tj Priok",
                 "Direktur RSUD Dr Soetomo", "Ketua Rt 01 Rw 02", "KEPALA SMP N 1 KOTA BATU"):
        assert scanned_post(post) == post


def test_a_nip_with_one_digit_misread_out_of_its_shape_is_set_right():
    # (a birth month 83: the month's 0 read as an 8; a birth year 1881: its 9 read as an 8)
    assert nip_digits("19798325 200910 1 013", True) == "197903252009101013"
    assert nip_digits("18810608 200512 1 012", True) == "198106082005121012"
    # (a NIP of its shape stays as read; so does one that two look-alikes could mend)
    assert nip_digits("19840702 200810 2 005", True) == "198407022008102005"
    assert nip_digits("19790025 200910 1 013", True) == "197900252009101013"  # (06, 08, 09)
