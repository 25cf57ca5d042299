# SPDX-License-Identifier: AGPL-3.0-or-later
"""Fresh text: the quoted request always contains SETUJU and REVISI, so a stripper that lets
any of the quote through would hand the decision reader the wrong words."""
import pytest

from pipeline.casework.replies import decide, fresh_text

REQUEST = """Yth. Bapak Budi Santoso,

Mohon paraf konsep jawaban terlampir (revisi 2, tahap 1 dari 3).
SETUJU
REVISI: <catatan>
Balas dengan SETUJU untuk memberi paraf, atau REVISI: <catatan> untuk mengembalikan
kepada konseptor; atau lampirkan berkas DOCX yang telah diperbaiki.

-- 
Paraf - Inspektorat Kabupaten"""


def quoted(text: str, prefix: str = "> ") -> str:
    return "\n".join((prefix + line).rstrip() for line in text.split("\n"))


def assert_clean(fresh: str) -> None:
    assert "<catatan>" not in fresh and "konseptor" not in fresh and "Mohon paraf" not in fresh


GMAIL_EN_WRAPPED = f"""REVISI: nomor surat pada kop salah.
Mohon juga lampiran II diperbarui.

On Mon, 23 Nov 2026 at 09:15, Paraf Inspektorat <
konsultasi+p-abcdefghijabcdefghijabcdefghij7@inspektorat.example.go.id> wrote:

{quoted(REQUEST)}
"""

GMAIL_ID = f"""Setuju.

Pada tanggal Sen, 23 Nov 2026 pukul 09.15 Paraf Inspektorat <konsultasi@inspektorat.example.go.id> menulis:

{quoted(REQUEST)}
"""

GMAIL_ID_SHORT = f"""TOLAK: dasar hukum belum mencantumkan Perbup 12/2025.

Pada Sen, 23 Nov 2026 09.15, Paraf Inspektorat <konsultasi@inspektorat.example.go.id>
menulis:
{quoted(REQUEST)}
"""

OUTLOOK_EN = f"""Approved

-----Original Message-----
From: Paraf Inspektorat <konsultasi@inspektorat.example.go.id>
Sent: Monday, November 23, 2026 9:15 AM
To: Budi Santoso <budi@inspektorat.example.go.id>
Subject: [PARAF p-abc] Permohonan paraf: konsep jawaban

{REQUEST}
"""

OUTLOOK_EN_UNDERSCORE = f"""revisi: perbaiki tanggal surat

________________________________
From: Paraf Inspektorat <konsultasi@inspektorat.example.go.id>
Sent: Monday, November 23, 2026 9:15 AM
To: Budi Santoso
Subject: Permohonan paraf

{REQUEST}
"""

OUTLOOK_ID = f"""OK

Dari: Paraf Inspektorat <konsultasi@inspektorat.example.go.id>
Dikirim: Senin, 23 November 2026 09.15
Kepada: Budi Santoso <budi@inspektorat.example.go.id>
Subjek: [PARAF p-abc] Permohonan paraf

{REQUEST}
"""

OUTLOOK_ID_PESAN_ASLI = f"""KEMBALIKAN: nomor agenda tidak sesuai register.

-----Pesan Asli-----
Dari: Paraf Inspektorat <konsultasi@inspektorat.example.go.id>
Dikirim: Senin, 23 November 2026 09.15
Kepada: Budi Santoso
Perihal: Permohonan paraf

{REQUEST}
"""

OUTLOOK_NO_SEPARATOR = f"""Setuju, lanjut

From: Paraf Inspektorat <konsultasi@inspektorat.example.go.id>
Sent: Monday, November 23, 2026 9:15 AM
To: Budi Santoso
Subject: Permohonan paraf
{REQUEST}
"""

THUNDERBIRD = f"""PERBAIKI: salah ketik pada alinea kedua ("Inspektorak").

On 23/11/2026 09.15, Paraf Inspektorat wrote:
{quoted(REQUEST)}
"""

APPLE_MAIL = f"""Disetujui

Sent from my iPhone

On 23 Nov 2026, at 09:15, Paraf Inspektorat <konsultasi@inspektorat.example.go.id> wrote:

{quoted(REQUEST)}
"""

APPLE_MAIL_ID = f"""REVISI: tembusan kepada Sekda ditambahkan.

Pada 23 Nov 2026, pukul 09.15, Paraf Inspektorat <konsultasi@inspektorat.example.go.id> menulis:

{quoted(REQUEST)}
"""

YAHOO_ANDROID = f"""REVISI: ganti penandatangan menjadi Plt. Inspektur

Dikirim dari Yahoo Mail di Android

  Pada Sen, 23 Nov 2026 pada 9:15, Paraf Inspektorat<konsultasi@inspektorat.example.go.id> menulis:
{REQUEST}
"""

PHONE_ID = f"""setuju

Dikirim dari ponsel saya

{REQUEST}
"""


@pytest.mark.parametrize("body, fresh, kind", [
    (GMAIL_EN_WRAPPED, "REVISI: nomor surat pada kop salah.\nMohon juga lampiran II "
                       "diperbarui.", "return"),
    (GMAIL_ID, "Setuju.", "approve"),
    (GMAIL_ID_SHORT, "TOLAK: dasar hukum belum mencantumkan Perbup 12/2025.", "return"),
    (OUTLOOK_EN, "Approved", "approve"),
    (OUTLOOK_EN_UNDERSCORE, "revisi: perbaiki tanggal surat", "return"),
    (OUTLOOK_ID, "OK", "approve"),
    (OUTLOOK_ID_PESAN_ASLI, "KEMBALIKAN: nomor agenda tidak sesuai register.", "return"),
    (OUTLOOK_NO_SEPARATOR, "Setuju, lanjut", "approve"),
    (THUNDERBIRD, 'PERBAIKI: salah ketik pada alinea kedua ("Inspektorak").', "return"),
    (APPLE_MAIL, "Disetujui", "approve"),
    (APPLE_MAIL_ID, "REVISI: tembusan kepada Sekda ditambahkan.", "return"),
    (YAHOO_ANDROID, "REVISI: ganti penandatangan menjadi Plt. Inspektur", "return"),
    (PHONE_ID, "setuju", "approve"),
], ids=["gmail-en-wrapped", "gmail-id", "gmail-id-short", "outlook-en", "outlook-underscore",
        "outlook-id", "outlook-pesan-asli", "outlook-bare-header", "thunderbird", "apple-mail",
        "apple-mail-id", "yahoo-android", "dikirim-dari-ponsel"])
def test_top_posted_reply_keeps_only_the_fresh_part(body, fresh, kind):
    """GIVEN a top-posted reply whose quoted part holds SETUJU and REVISI WHEN the fresh text is
    taken THEN only the typed lines remain and they decide the reply."""
    got = fresh_text(body)
    assert got == fresh
    assert_clean(got)
    assert decide(got).kind == kind


@pytest.mark.parametrize("separator", [
    "-------- Original Message --------", "-------- Pesan Asli --------",
    "-------- Forwarded Message --------", "-------- Pesan Terusan --------",
    "---------- Forwarded message ---------", "Begin forwarded message:",
])
def test_thunderbird_and_forward_separators_end_the_fresh_text(separator):
    """GIVEN a Thunderbird-style separator above unquoted history WHEN stripped THEN the history
    (which begins with SETUJU) is gone."""
    body = f"Belum bisa, REVISI: lampiran kurang.\n\n{separator}\nSubject: paraf\n{REQUEST}"
    assert fresh_text(body) == "Belum bisa, REVISI: lampiran kurang."
    assert decide(fresh_text(body)).kind == "unclear"


@pytest.mark.parametrize("attribution", [
    "On Mon, 23 Nov 2026 at 09:15, Paraf Inspektorat <konsultasi@x.go.id> wrote:",
    "On Mon, 23 Nov 2026 at 09:15, Paraf Inspektorat <konsultasi@x.go.id>\nwrote:",
    "Pada tanggal Sen, 23 Nov 2026 pukul 09.15 Paraf <konsultasi@x.go.id> menulis:",
    "Pada Sen, 23 Nov 2026 09.15, Paraf <\nkonsultasi@x.go.id> menulis:",
    "On 23/11/2026 09.15, Paraf Inspektorat wrote:",
    "Paraf Inspektorat <konsultasi@x.go.id> wrote:",
])
def test_an_attribution_line_ends_the_fresh_text_even_without_quote_marks(attribution):
    """GIVEN a client that does not prefix the history with '>' WHEN stripped THEN the
    attribution line alone cuts it off, wrapped or not."""
    body = f"REVISI: judul surat\n\n{attribution}\n{REQUEST}"
    assert fresh_text(body) == "REVISI: judul surat"


def test_bottom_post_below_quoted_lines():
    """GIVEN a bottom-posted reply (attribution, '>'-quoted request, then the answer and a
    signature) WHEN stripped THEN the answer below the quote is the fresh text."""
    body = ("On Mon, 23 Nov 2026 at 09:15, Paraf Inspektorat <konsultasi@x.go.id> wrote:\n"
            f"{quoted(REQUEST)}\n\nREVISI: paragraf 3 terlalu panjang,\nmohon diringkas.\n\n"
            "-- \nBudi Santoso\nInspektur Pembantu Wilayah I\n")
    got = fresh_text(body)
    assert got == "REVISI: paragraf 3 terlalu panjang,\nmohon diringkas."
    assert decide(got).notes == "paragraf 3 terlalu panjang,\nmohon diringkas."


def test_bottom_post_without_attribution_and_nested_quotes():
    """GIVEN '>' and '>>' quoted lines (with SETUJU) and an answer below WHEN stripped THEN only
    the answer is left."""
    body = f"{quoted(quoted(REQUEST), '>')}\n> SETUJU\n\nTOLAK: belum ada nomor agenda\n"
    assert fresh_text(body) == "TOLAK: belum ada nomor agenda"


def test_inline_text_below_a_quote_is_kept_so_contradictions_are_seen():
    """GIVEN SETUJU on top and REVISI typed under the quoted request WHEN read THEN both are in
    the fresh text and the reply is unclear rather than an approval."""
    body = ("SETUJU\n\nOn Mon, 23 Nov 2026 at 09:15, Paraf <konsultasi@x.go.id> wrote:\n"
            f"{quoted(REQUEST)}\n\nREVISI: tanggal salah\n")
    got = fresh_text(body)
    assert got == "SETUJU\n\nREVISI: tanggal salah"
    assert decide(got).kind == "unclear"


@pytest.mark.parametrize("footer", ["Sent from my iPhone", "Dikirim dari ponsel saya",
                                    "Dikirim dari Yahoo Mail di Android",
                                    "Get Outlook for Android", "Dikirim dari iPhone saya"])
def test_mobile_footers_end_the_fresh_text(footer):
    """GIVEN a phone reply with the client's footer above the raw history WHEN stripped THEN
    the footer and all below it are gone."""
    body = f"OKE\n\n{footer}\n\nREVISI: ini kutipan\n{REQUEST}"
    assert fresh_text(body) == "OKE"


def test_signature_ends_the_fresh_text():
    """GIVEN a reply with a '-- ' signature whose tagline mentions REVISI WHEN stripped THEN the
    signature is gone."""
    body = "Setuju\n-- \nBudi Santoso\nREVISI: selalu cantumkan NIP\n"
    assert fresh_text(body) == "Setuju"


def test_ordinary_words_that_look_like_markers_are_kept():
    """GIVEN fresh text with 'Dari:' and 'Pada ...' sentences that are not headers WHEN
    stripped THEN nothing is cut."""
    body = ("REVISI: Pada prinsipnya sudah baik.\nDari: Bagian Umum perlu paraf juga.\n"
            "Tolong dicek.")
    assert fresh_text(body) == body


def test_a_reply_with_nothing_typed_is_empty():
    """GIVEN a reply that only quotes the request WHEN stripped THEN nothing is fresh."""
    body = f"\n\nOn 23/11/2026 09.15, Paraf wrote:\n{quoted(REQUEST)}\n"
    assert fresh_text(body) == ""
    assert decide(fresh_text(body)).kind == "unclear"
    assert fresh_text(f"-----Original Message-----\nFrom: x\n{REQUEST}") == ""


def test_windows_line_endings_and_nbsp():
    """GIVEN CRLF line ends and non-breaking spaces WHEN stripped THEN they do not matter."""
    body = ("Setuju\xa0\r\n\r\nOn Mon, 23 Nov 2026 at 09:15, Paraf <k@x.go.id> wrote:\r\n"
            + quoted(REQUEST).replace("\n", "\r\n"))
    assert fresh_text(body) == "Setuju"
