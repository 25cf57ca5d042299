"""The reply draft rendered from the committed template: content, layout facts, safety."""
from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document

from pipeline.casework import drafting
from pipeline.letter import read_letter_inprocess
from tests.drafting import ANSWERS, INSPECTOR, OFFICE, QUESTIONS, entry, texts


def render(answers=None, case=None, office=OFFICE, **kw) -> bytes:
    ctx = drafting.context_for(case or entry(), office, INSPECTOR, answers, **kw)
    return drafting.render(drafting.default_template(), ctx)


@pytest.fixture(scope="module")
def draft() -> bytes:
    return render(ANSWERS)


def test_draft_reads_back_as_a_letter(draft):
    """GIVEN a draft for a three-question letter WHEN the letter reader reads it
    THEN Hal, addressee, signer, tembusan come back, Nomor and date are still blank,
    and the three numbered items start with the questions in order."""
    r = read_letter_inprocess(draft, "x.docx")
    assert r.nomor is None and r.tanggal is None
    assert r.hal == "Jawaban atas Permohonan Konsultasi Pengelolaan Dana BOS"
    assert r.sifat == "Segera"
    assert r.tujuan == "Kepala Dinas Pendidikan Kota Pekalongan"
    assert r.pengirim == "Inspektorat Daerah Kota Pekalongan"
    assert r.penandatangan == {"nama": "Drs. BAMBANG HARYANTO, M.Si.", "nip": "197003151995031002",
                               "jabatan": "INSPEKTUR DAERAH KOTA PEKALONGAN"}
    assert r.tembusan == ["Wali Kota Pekalongan (sebagai laporan)"]  # as printed
    assert len(r.pertanyaan) == 3
    for got, want in zip(r.pertanyaan, QUESTIONS):
        assert got.startswith(want)


def test_text_in_order_with_citation_and_signature(draft):
    """GIVEN the rendered draft WHEN its paragraphs are read in order
    THEN kop, date placeholder, blank Nomor, the citation with the Indonesian date,
    each question followed by its answer, the closing, the signature with spaced NIP and
    the tembusan appear in that order."""
    lines = texts(draft)
    joined = "\n".join(lines)
    assert lines[:6] == ["", "PEMERINTAH KOTA PEKALONGAN", "INSPEKTORAT DAERAH",
                         "Jl. Mataram No. 1, Pekalongan 51119", "Telepon (0285) 421093",
                         "Pos-el konsultasi@inspektorat.example.go.id"]   # "" holds the emblem
    assert lines[lines.index("Nomor") + 2] == ""          # label, ":", empty value
    assert any(ln.startswith("Pekalongan, \u2026") for ln in lines)
    assert "Yth.\tKepala Dinas Pendidikan Kota Pekalongan\ndi Pekalongan" in joined
    assert ("Menindaklanjuti surat Saudara Nomor 800/1234/Disdik/XI/2026 tanggal 20 November 2026 "
            "hal Permohonan Konsultasi Pengelolaan Dana BOS, dengan ini kami sampaikan jawaban "
            "atas pertanyaan Saudara sebagai berikut:") in lines
    order = []
    for i, q in enumerate(QUESTIONS):
        order.append(lines.index(f"{i + 1}.\t{q}"))
        first, *rest = ANSWERS[i].split("\n")
        order.append(lines.index(f"Jawaban: {first}"))
        order.extend(lines.index(r) for r in rest)
    closing = lines.index("Demikian disampaikan, atas perhatian dan kerja sama Saudara "
                          "diucapkan terima kasih.")
    sig = [lines.index(s) for s in ("INSPEKTUR DAERAH KOTA PEKALONGAN,",
                                    "Drs.\u00a0BAMBANG HARYANTO,\u00a0M.Si.", "Pembina Utama Muda (IV/c)",
                                    "NIP. 19700315 199503 1 002", "Tembusan:",
                                    "1.\tYth. Wali Kota Pekalongan (sebagai laporan)")]
    assert order + [closing] + sig == sorted(order + [closing] + sig)
    assert "{{" not in joined and "{%" not in joined


def test_missing_answers_show_placeholder_and_layout_is_a4():
    """GIVEN no answers yet WHEN the draft is rendered THEN each item says the answer is
    missing, and the page is A4 with official-letter margins in Arial 12 pt."""
    out = render(None)
    assert texts(out).count("Jawaban: [jawaban belum diisi]") == 3
    doc = Document(io.BytesIO(out))
    sec = doc.sections[0]
    assert (round(sec.page_width.cm, 1), round(sec.page_height.cm, 1)) == (21.0, 29.7)
    assert round(sec.left_margin.cm, 1) == 3.0
    assert doc.styles["Normal"].font.name == "Arial" and doc.styles["Normal"].font.size.pt == 12
    assert doc.core_properties.subject == "Agenda 2026/KONS/0042"


def test_hostile_text_is_literal():
    """GIVEN user text with XML specials and Jinja syntax in every free field
    WHEN rendered THEN the DOCX is valid and shows the text literally, evaluating nothing."""
    evil = "<b>x</b> & {{ 7*7 }} {% if true %}Y{% endif %} ]]> \x0b\x07"
    case = entry(nomor="1/2&<3>", hal=evil, pertanyaan=[evil, "{{ inspektur }}?"],
                 penandatangan={"jabatan": "Kepala <Dinas> & Co {{x}}"})
    out = render([evil, "{%p endfor %}"], case)
    zipfile.ZipFile(io.BytesIO(out)).testzip()
    lines = texts(out)
    shown = "<b>x</b> & {{ 7*7 }} {% if true %}Y{% endif %} ]]>"
    assert f"1.\t{shown}" in lines and f"Jawaban: {shown}" in lines
    assert "2.\t{{ inspektur }}?" in lines and "Jawaban: {%p endfor %}" in lines
    assert "Yth.\tKepala <Dinas> & Co {{x}}" in lines
    assert not any("49" in ln for ln in lines)
    assert read_letter_inprocess(out, "x.docx").hal.startswith("Jawaban atas <b>x</b> &")


def test_letter_without_number_or_questions():
    """GIVEN a case from the web form (no letter number, no questions, one answer)
    WHEN rendered THEN the opening cites the request without a number and one item shows."""
    case = {"agenda_no": "2026/KONS/7", "opd_name": "Kecamatan Pekalongan Utara",
            "subject": "Konsultasi pengadaan", "letter": {"tanggal": "2026-03-02"}}
    lines = texts(render(["Dapat, sepanjang sesuai ketentuan."], case, tembusan=[]))
    assert ("Menindaklanjuti permohonan konsultasi Saudara tanggal 2 Maret 2026 hal Konsultasi "
            "pengadaan, dengan ini kami sampaikan jawaban atas pertanyaan Saudara sebagai "
            "berikut:") in lines
    assert "1.\t[uraian pertanyaan]" in lines
    assert "Yth.\tKecamatan Pekalongan Utara" in lines
    assert "Tembusan:" not in lines


def test_unknown_place_is_left_out_and_noted():
    """GIVEN a case whose addressee's place the OPD directory does not know
    WHEN the draft is rendered THEN there is no "di ..." line (never the office's own city
    as a guess), and the draft's notes (context and the DOCX's comments) say so."""
    case = entry()
    del case["tempat"]
    ctx = drafting.context_for(case, OFFICE, INSPECTOR, ANSWERS)
    out = drafting.render(drafting.default_template(), ctx)
    lines = texts(out)
    yth = lines.index("Yth.\tKepala Dinas Pendidikan Kota Pekalongan")
    assert not any(ln.startswith("di ") for ln in lines)
    assert lines[yth + 1] == ""
    assert len(ctx["catatan"]) == 1 and "belum tercatat di direktori OPD" in ctx["catatan"][0]
    assert "Kepala Dinas Pendidikan Kota Pekalongan" in ctx["catatan"][0]
    assert "direktori OPD" in Document(io.BytesIO(out)).core_properties.comments
    with_place = drafting.context_for(entry(), OFFICE, INSPECTOR, ANSWERS)
    assert with_place["tempat"] == "Pekalongan" and with_place["catatan"] == ()


@pytest.mark.parametrize("name, want", [
    ("Drs. BAMBANG HARYANTO, M.Si.", "Drs.~BAMBANG HARYANTO,~M.Si."),
    ("Dr. Ir. H. ANI, S.H., M.M.", "Dr.~Ir.~H.~ANI,~S.H.,~M.M."),
    ("SITI AMINAH", "SITI AMINAH"),
    ("  dr.  RINA   KARTIKA ,  Sp.A. ", "dr.~RINA KARTIKA,~Sp.A."),
    ("", ""),
])
def test_signer_titles_never_break(name, want):
    """GIVEN a signer's name with front and back titles WHEN prepared for print
    THEN the titles are joined to the name by non-breaking spaces: a line may break between
    the words of the name only."""
    from pipeline.casework.layout import keep_titles
    assert keep_titles(name).replace("\u00a0", "~") == want


@pytest.mark.parametrize("letter, want", [
    ({"penandatangan": {"jabatan": "Kepala Dinas Pendidikan Kota Pekalongan,"}},
     "Kepala Dinas Pendidikan Kota Pekalongan"),
    ({"penandatangan": {"jabatan": "KEPALA DINAS KESEHATAN KOTA PEKALONGAN"}},
     "Kepala Dinas Kesehatan Kota Pekalongan"),
    ({"penandatangan": {"jabatan": "Plt. Kepala Badan Perencanaan Pembangunan Daerah"}},
     "Kepala Badan Perencanaan Pembangunan Daerah"),
    ({"penandatangan": {"jabatan": "a.n. Kepala Dinas Sosial Kota Pekalongan Sekretaris"}},
     "Kepala Dinas Sosial Kota Pekalongan"),
    ({"pengirim": "Dinas Perhubungan Kota Pekalongan"}, "Kepala Dinas Perhubungan Kota Pekalongan"),
    ({"pengirim": "Kecamatan Pekalongan Barat"}, "Camat Pekalongan Barat"),
    ({"pengirim": "Sekretariat DPRD Kota Pekalongan"}, "Sekretaris DPRD Kota Pekalongan"),
    ({}, ""),
])
def test_tujuan_for(letter, want):
    """GIVEN the incoming letter's signer or sender WHEN the reply's addressee is derived
    THEN it is the head of that unit."""
    assert drafting.tujuan_for(letter) == want


def test_nip_spaced():
    """GIVEN an 18-digit NIP WHEN spaced THEN it is grouped 8-6-1-3; others are left alone."""
    assert drafting.nip_spaced("197003151995031002") == "19700315 199503 1 002"
    assert drafting.nip_spaced("19700315 199503 1 002") == "19700315 199503 1 002"
    assert drafting.nip_spaced("-") == "-"


def test_template_is_built_by_the_script(tmp_path):
    """GIVEN the template builder WHEN run THEN it writes the committed
    rules/templates/jawaban.docx: the same paragraphs, body, headers and styles, so a layout change in the script cannot be forgotten in the committed file."""
    from pipeline.casework import template
    out = tmp_path / "t.docx"
    template.main(["x", str(out)])
    assert texts(out.read_bytes()) == texts(drafting.default_template())
    built = zipfile.ZipFile(out)
    committed = zipfile.ZipFile(io.BytesIO(drafting.default_template()))
    ours = [n for n in built.namelist() if n.startswith(("word/document", "word/header"))]
    assert len(ours) >= 3
    for name in ours:                     # the parts the script writes, byte for byte
        assert built.read(name) == committed.read(name), name
    for name in ("Normal", "Pertanyaan", "Jawaban", "Tanda Tangan"):   # and its styles
        want = Document(io.BytesIO(drafting.default_template())).styles[name].element.xml
        assert Document(out).styles[name].element.xml == want, name


def test_emblem_is_drawn_by_the_script_and_placed_in_the_kop(tmp_path):
    """GIVEN the emblem script WHEN run THEN it draws the committed example emblem (same size,
    pixels within rounding); and a draft for an office with `emblem` set carries it as a picture
    in the kop, while an office without one gets no picture and no error."""
    from PIL import Image, ImageChops

    from pipeline.casework import emblem
    out = tmp_path / "e.png"
    emblem.main(["x", str(out)])
    drawn, committed = Image.open(out).convert("RGBA"), Image.open(emblem.OUT).convert("RGBA")
    assert drawn.size == committed.size == emblem.SIZE
    diff = ImageChops.difference(drawn, committed).convert("L")
    changed = diff.point(lambda v: 255 if v > 40 else 0).histogram()[255]
    assert changed < drawn.width * drawn.height // 100
    with_emblem = render(ANSWERS, office=dict(OFFICE, emblem=str(emblem.OUT)))
    without = render(ANSWERS)
    pics = lambda docx: [n for n in zipfile.ZipFile(io.BytesIO(docx)).namelist()
                         if n.startswith("word/media/")]
    assert len(pics(with_emblem)) == 1 and pics(without) == []
