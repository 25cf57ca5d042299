"""A scanned signature block whose stamp left lettering on the rank's row or a line with a
comma under the post, and a post that runs long under its "a.n." (signature)."""
from __future__ import annotations

from pipeline.letter.lines import Line
from pipeline.letter.scanname import scanned_name
from pipeline.letter.signature import RING_LEFT, signature


def _block(*rows: tuple, ocr: bool = True) -> dict:
    """The signature read from a block of ROWS (text, left edge, top, and maybe right edge),
    under a closing line."""
    lines = [Line("Demikian disampaikan.", 1, 0.1, ocr=ocr, conf=0.9, top=0.8 if ocr else None),
             Line("", ocr=ocr)]
    lines += [Line(t, 1, x, ocr=ocr, conf=0.9, top=top if ocr else None, x1=(right or [None])[0])
              if t else Line("", ocr=ocr) for t, x, top, *right in rows]
    return signature(lines, 1)[0]


def test_stamp_lettering_beside_the_rank_is_not_taken_for_the_name():
    """GIVEN a scan whose stamp's lettering beside the rank was read as a line of its own
    ("NAS" left of "Pembina", on the same row), under the name
    WHEN the signature is read
    THEN the name is the line above, and a line of lettering above the rank's row, however
    short, is still the name's (a name may be short: "ANI")."""
    rows = [("Direktur Rumah Sakit Umum Daerah,", 0.62, 0.90), ("", 0, 0),
            ("EUIS KOMALASARI, S.Pt., M.P.", 0.52, 1.038), ("NAS", 0.47, 1.0585),
            ("Pembina", 0.64, 1.0625), ("NIP. 197003161998031012", 0.52, 1.085)]
    assert _block(*rows)["nama"] == "EUIS KOMALASARI, S.Pt., M.P."
    rows = [rows[0], rows[1], ("ANI", 0.52, 1.038), ("Pembina", 0.52, 1.0625),
            ("NIP. 197003161998031012", 0.52, 1.085)]
    assert _block(*rows)["nama"] == "ANI"


def test_stamp_lettering_read_with_a_comma_under_the_post_is_not_the_post():
    """GIVEN a scan whose stamp's lettering under the post was read surely as a line in small
    letters ending with a comma ("Jf sy, whos ,"), then the ring's bits
    WHEN the signature is read
    THEN the post is the printed one above, wrapped as it is."""
    sig = _block(("SEKRETARIS DPRD KABUPATEN", 0.511, 0.94, 0.832),
                 ("BULELENG,", 0.613, 0.962, 0.729), ("", 0, 0),
                 ("Jf sy, whos ,", 0.394, 1.03, 0.532), ("5. Sela an Ia", 0.402, 1.047, 0.561),
                 ("Dr. H. I KETUT WIDIANA, S.T., M.Eng.", 0.467, 1.071, 0.877),
                 ("Pembina Tk. I (IV/b)", 0.56, 1.093, 0.766),
                 ("NIP. 198303042007041010", 0.51, 1.115, 0.79))
    assert sig["jabatan"] == "SEKRETARIS DPRD KABUPATEN BULELENG"


def test_a_long_office_under_its_an_is_read_whole():
    """GIVEN a post signed for the head ("a.n.") whose office's name wraps over six lines in
    a narrow block, above the signer's own post, in a scan and in a text PDF
    WHEN the signature is read THEN the post opens with "a.n." and holds every line."""
    post = ["a.n. KEPALA DINAS PENGENDALIAN", "PENDUDUK, KELUARGA", "BERENCANA,",
            "PEMBERDAYAAN PEREMPUAN DAN", "PERLINDUNGAN ANAK KOTA", "BENGKULU", "SEKRETARIS,"]
    for ocr in (True, False):
        rows = [(t, 0.52, 0.9 + 0.02 * k) for k, t in enumerate(post)] + [
            ("", 0, 0), ("Dr. Ir. Abdul Ghani Al-Amin, S.H.", 0.52, 1.1),
            ("NIP. 197003161998031012", 0.52, 1.12)]
        assert _block(*rows, ocr=ocr)["jabatan"] == " ".join(post).rstrip(","), ocr


def test_a_posts_line_with_the_rings_bit_in_small_letters_before_it_stays_the_posts():
    """GIVEN a scan whose stamp's ring, left of the post's last line, was read as a bit in
    small letters before a mark glued to the post's word ("an \u201cKABUPATEN SUBANG,"), so
    that the line begins left of the block's column WHEN the signature is read
    THEN the post is whole, without the ring's bit; an acting mark ("an Bupati") is no
    ring's bit."""
    rows = [("KEPALA DINAS LINGKUNGAN HIDUP", 0.52, 0.879, 0.83),
            ("an \u201cKABUPATEN SUBANG,", 0.446, 0.898, 0.71), ("", 0, 0),
            ("Dr. Ir. CECEP HIDAYAT, S.STP, M.Si.", 0.52, 1.005, 0.95),
            ("Pembina Utama Madya (IV/d)", 0.52, 1.025),
            ("NIP. 197703142007011002", 0.52, 1.046)]
    assert _block(*rows)["jabatan"] == "KEPALA DINAS LINGKUNGAN HIDUP KABUPATEN SUBANG"
    rows[:2] = [("an Bupati Subang", 0.52, 0.879, 0.7), ("Kepala Dinas Lingkungan Hidup,",
                                                     0.52, 0.898, 0.8)]
    assert _block(*rows)["jabatan"] == "an Bupati Subang Kepala Dinas Lingkungan Hidup"


def test_a_title_read_with_a_comma_and_parted_from_the_name_stays_with_it():
    """GIVEN a scan whose reading parted the name's title, its dot read as a comma and the
    stamp's mark before it ("> Dr,"), from the rest of the name's line, boxed a little
    higher (its letters crossed by the stroke)
    WHEN the signature is read THEN the name is whole, with its title."""
    rows = [("Plh. Kepala Dinas Kependudukan", 0.46, 0.9625),
            ("dan Pencatatan Sipil,", 0.527, 0.981), ("", 0, 0),
            ("> Dr,", 0.4508, 1.0738, 0.5548), ("Hj. YULIANA SARI, S.E.", 0.5637, 1.0806),
            ("Pembina Utama Madya (IV/d)", 0.5097, 1.1032),
            ("NIP: 19831201 201204 2 002", 0.5286, 1.121)]
    assert scanned_name(_block(*rows)["nama"]) == "Dr. Hj. YULIANA SARI, S.E."


def test_the_signatures_scribble_read_surely_as_words_in_small_letters_is_not_the_post():
    """GIVEN a scan whose signature's scribble, between the post and the name, was read
    surely as a line of words in small letters and bits ("an \u2018 carne aan 5 S2 Aa WAT")
    WHEN the signature is read THEN the post is the line above it, which ends with its
    comma."""
    rows = [("CAMAT CIMAHI UTARA,", 0.484, 0.858), ("", 0, 0),
            ("an \u2018 carne aan 5 S2 Aa WAT", 0.444, 0.933), ("", 0, 0),
            ("Prof. Dr. Ir. H. CECEP HIDAYAT, M.Si., IPU", 0.519, 0.968),
            ("NIP 197407102000031005", 0.4935, 0.987)]
    assert _block(*rows)["jabatan"] == "CAMAT CIMAHI UTARA"


def test_a_posts_line_in_small_letters_or_a_nurses_title_alone_stays_where_it_belongs():
    """GIVEN a post whose last line was typed in small letters ("sebagai kuasa pengguna
    anggaran"), and a name whose nurse's title stands alone a line below it ("Ns.")
    WHEN the signature is read THEN the post keeps that line, and the title is the name's."""
    rows = [("KEPALA DINAS PENDIDIKAN,", 0.52, 0.90), ("sebagai kuasa pengguna anggaran", 0.52,
                                                       0.92), ("", 0, 0),
            ("YULIANA SURYADI,", 0.52, 1.0), ("", 0, 0), ("Ns.", 0.52, 1.04),
            ("NIP. 197003161995031005", 0.52, 1.08)]
    sig = _block(*rows)
    assert sig["jabatan"] == "KEPALA DINAS PENDIDIKAN, sebagai kuasa pengguna anggaran"
    assert sig["nama"] == "YULIANA SURYADI, Ns."


def test_a_post_whose_rings_bits_in_small_letters_stand_before_it_stays_the_posts():
    """GIVEN a scan whose stamp's ring, left of the block, was read as bits in small letters
    and digits before the post ("os 22 GAMAT PENEBEL,"), so that the post's line begins
    further left of the name's column than a column's tolerance
    WHEN the signature is read THEN the post is the office's, without the ring's bits; a
    wrapped post's "dan" is no ring's bit."""
    rows = [("os 22 GAMAT PENEBEL,", 0.4685, 0.88), ("", 0, 0), ("bb 4 N A", 0.46, 0.95),
            ("I GUSTI NGURAH AGUNG PUTRA,", 0.532, 1.0), ("S.KM., M.P.H.", 0.523, 1.02),
            ("NIP. 198005012010121007", 0.5318, 1.04)]
    assert _block(*rows)["jabatan"] == "CAMAT PENEBEL"
    for line in ("dan Aset Daerah,", "di Lingkungan Sekretariat", "an Bupati Gianyar"):
        assert not RING_LEFT.match(line), line
    # nor is a line in small letters above the post, left of its column, a sentence's or a
    # date's, the post's (an adversarial review's cases)
    block = [("", 0, 0), ("Drs. ASEP SUHERMAN", 0.52, 1.0), ("NIP. 197003161998031012", 0.52, 1.02)]
    for above in ("ini kami sampaikan untuk menjadi perhatian", "tgl 3 Maret 2026",
                  "itu diucapkan terima kasih", "pkl 09.00 WIB", "se Kabupaten Bogor"):
        assert _block((above, 0.44, 0.86), ("KEPALA DINAS SOSIAL,", 0.52, 0.9), *block)[
            "jabatan"] == "KEPALA DINAS SOSIAL", above
