# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reading the decision: approval is strict, a return needs notes, the rest is unclear."""
import pytest

from pipeline.casework.replies import decide, explain_choices

APPROVALS = ["SETUJU", "setuju", "Setuju.", "PARAF", "OK", "ok", "OKE", "Oke!", "ok setuju",
             "OK, setuju", "setuju, lanjut", "Setuju, lanjutkan", "disetujui", "Disetujui.",
             "ACC", "acc 👍", "approved", "Approved!", "approve", "yes, approved",
             "Yes, approved.", "*SETUJU*", "👍 Setuju 🙏", "Setuju, terima kasih",
             "OK pak, terima kasih", "  \n\n  SETUJU  \n"]


@pytest.mark.parametrize("fresh", APPROVALS)
def test_every_approval_form_approves(fresh):
    """GIVEN a reply whose first line is an approval phrase WHEN read THEN it approves."""
    decision = decide(fresh)
    assert decision.kind == "approve" and decision.notes == ""


def test_an_approval_followed_by_a_closing_still_approves():
    """GIVEN SETUJU then greetings and a name WHEN read THEN it approves."""
    assert decide("Setuju.\n\nSalam,\nBudi Santoso\nInspektur Pembantu I").kind == "approve"


@pytest.mark.parametrize("fresh", [
    "tidak setuju", "Tidak setuju.", "belum setuju", "Belum OK", "not approved", "Not approved.",
    "gak setuju", "ok?", "setuju?", "Setujukah?", "", "OK??? 🤔", "   ", "👍", "Terima kasih",
    "Sudah saya baca", "Nanti saya cek dulu", "Setuju sebagian", "OK saja kalau Irban setuju",
    "Assalamualaikum\nSetuju", "tolaknya nanti saja", "Revisinya sudah saya lihat",
    "SETUJU\nREVISI: tanggal", "OK\nkecuali lampiran 2", "Setuju\ntapi nomor diganti",
    "setuju\n\ntidak setuju", "Approved\nnot approved yet",
])
def test_negations_and_other_text_are_unclear(fresh):
    """GIVEN a reply that negates, hedges, contradicts itself or says something else WHEN read
    THEN it is unclear, never an approval."""
    assert decide(fresh).kind == "unclear"


@pytest.mark.parametrize("fresh, notes", [
    ("REVISI: nomor surat salah", "nomor surat salah"),
    ("revisi : nomor surat salah", "nomor surat salah"),
    ("Revisi - nomor surat salah", "nomor surat salah"),
    ("REVISI\nNomor surat salah.\nTanggal juga.", "Nomor surat salah.\nTanggal juga."),
    ("REVISI:\n\n1. kop surat\n\n2. tembusan", "1. kop surat\n\n2. tembusan"),
    ("TOLAK: bukan kewenangan kita", "bukan kewenangan kita"),
    ("KEMBALIKAN: lampiran kurang\ndan salah urut", "lampiran kurang\ndan salah urut"),
    ("PERBAIKI: alinea 2", "alinea 2"),
    ("Perbaiki paragraf terakhir", "paragraf terakhir"),
    ("REVISE: wrong date", "wrong date"),
    ("Reject: not our remit", "not our remit"),
    ("*REVISI*: ejaan", "ejaan"),
    ("✏️ REVISI: ejaan", "ejaan"),
    ("\n\nREVISI: a\n  b\n\n", "a\n  b"),
])
def test_every_return_form_keeps_its_notes(fresh, notes):
    """GIVEN a return keyword with notes on the same or following lines WHEN read THEN it is a
    return and the notes are everything after the keyword."""
    decision = decide(fresh)
    assert (decision.kind, decision.notes) == ("return", notes)


@pytest.mark.parametrize("fresh", ["REVISI", "REVISI:", "revisi.", "TOLAK", "KEMBALIKAN:\n\n",
                                   "PERBAIKI -", "REVISE:", "reject"])
def test_a_return_without_notes_is_unclear(fresh):
    """GIVEN a return keyword with no notes WHEN read THEN it is unclear (the drafter would not
    know what to fix)."""
    decision = decide(fresh)
    assert decision.kind == "unclear" and "notes" in decision.reason


@pytest.mark.parametrize("fresh, notes", [
    ("OK tapi perbaiki paragraf 2", "perbaiki paragraf 2"),
    ("Setuju, namun tanggal diganti\nmenjadi 24 November", "tanggal diganti\nmenjadi 24 November"),
    ("Approved but fix the date", "fix the date"),
    ("OK pak, tetapi nomornya salah", "nomornya salah"),
    ("OK tapi kenapa nomornya 12?", "kenapa nomornya 12?"),
])
def test_an_approval_with_a_condition_is_a_return(fresh, notes):
    """GIVEN 'OK tapi ...' WHEN read THEN it is a return with the words after the conjunction
    as notes: the official wants a change before approving."""
    decision = decide(fresh)
    assert (decision.kind, decision.notes) == ("return", notes)


def test_an_approval_with_an_empty_condition_is_unclear():
    """GIVEN 'OK tapi' with nothing after it WHEN read THEN it is unclear."""
    assert decide("OK tapi").kind == "unclear"


def test_the_explanation_names_both_answers_and_the_docx_route():
    """GIVEN an unclear reply WHEN Paraf explains THEN the text shows SETUJU, REVISI and DOCX."""
    text = explain_choices()
    assert "SETUJU" in text and "REVISI: <catatan>" in text and "DOCX" in text


@pytest.mark.parametrize("fresh, note", [
    ("SETUJU, mohon tanggal surat disesuaikan", "mohon tanggal surat disesuaikan"),
    ("Setuju. Redaksi sudah baik.", "Redaksi sudah baik."),
    ("setuju: perhatikan lampiran\nterutama halaman 2", "perhatikan lampiran\nterutama halaman 2"),
    ("OK - sudah sesuai SOP", "sudah sesuai SOP"),
])
def test_an_approval_with_a_note_approves_and_keeps_the_note(fresh, note):
    """GIVEN 'SETUJU, <catatan>' or 'Setuju. <catatan>' WHEN read THEN it approves and the note
    is kept word for word (to be shown to the next level)."""
    decision = decide(fresh)
    assert (decision.kind, decision.notes) == ("approve", note)


@pytest.mark.parametrize("fresh, notes", [
    ("TIDAK SETUJU dasar hukum belum ada", "dasar hukum belum ada"),
    ("Tidak setuju: jawaban 2 keliru", "jawaban 2 keliru"),
    ("TOLAK: kurang lengkap", "kurang lengkap"),
    ("Setuju, tapi paragraf 2 diubah", "paragraf 2 diubah"),
])
def test_a_refusal_with_reasons_is_a_return_never_an_approval(fresh, notes):
    """GIVEN TIDAK SETUJU / TOLAK with reasons, or an approval with a condition WHEN read THEN
    it is a return carrying the reasons."""
    decision = decide(fresh)
    assert (decision.kind, decision.notes) == ("return", notes)


@pytest.mark.parametrize("fresh", ["Setuju, tidak setuju", "SETUJU, apakah sudah dicek?",
                                   "Setuju sekali", "Setuju. Tapi"])
def test_a_note_that_contradicts_or_asks_is_unclear(fresh):
    """GIVEN an approval whose note contradicts it or asks a question WHEN read THEN unclear."""
    assert decide(fresh).kind != "approve"


def test_the_explanation_lists_each_choice_on_its_own_line_in_indonesian():
    """GIVEN an unclear reply WHEN the choices are explained THEN each is one line, and the note
    and refusal forms are among them."""
    lines = explain_choices().splitlines()
    assert any(line.strip().startswith("- SETUJU, <catatan>") for line in lines)
    assert any("TIDAK SETUJU <alasan>" in line for line in lines)
    assert not any(w in explain_choices().lower() for w in (" the ", " reply ", " approve"))
