# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reasons are kept as catalogue codes and read in Indonesian, whoever wrote them and whenever."""
from __future__ import annotations

import re
import string
from datetime import datetime, timezone

import pytest
from sqlalchemy import text

from pipeline.core.db import make_engine, migrate, sessions
from pipeline.core.messages import CATALOGUE, PATTERNS, Reason, looks_english, say_text
from pipeline.core.models import AgendaEntry

# What the reader, the parser, identify() and the checks really say (their own f-strings).
SPOKEN = [
    "sender is not a known OPD: sender budi@gmail.com is not a known OPD address or domain",
    "sender is not a known OPD: the message has no sender address",
    "sender is not a known OPD: domain pekalongankota.go.id is shared by 3 OPDs and the letter "
    "does not name one",
    "automatic message (Auto-Submitted / Precedence header)",
    "delivery report from mailer-daemon@mail.example.go.id",
    "missing: surat permohonan",
    "missing: nomor surat, hal (perihal) surat",
    "already received as 0007/SM/ITDA/2026 (the same file)",
    "already received as #12 (the same OPD and letter number)",
    "attachment 'surat.pdf' refused: executable file (Windows MZ) disguised as .pdf",
    "attachment 'a.docx' refused: decompressed size exceeds 48 MB; attachment 'b.pdf' refused: "
    "corrupt PDF (PDFium: Data format error)",
    "attachment 'x.docx' refused: corrupt zip member word/document.xml: Bad CRC-32 for file "
    "'word/document.xml'",
    "empty file", "legacy or password-protected Office file (OLE2) is not supported",
    "unsupported file type (not PDF, DOCX or image) named .exe",
    "zip has 5000 entries, limit is 1000", "zip bomb: word/document.xml compresses 900:1",
    "macro-enabled document disguised as .docx", "spreadsheet (XLSX), not a letter",
    "XML with DOCTYPE/ENTITY declarations in word/document.xml (possible XXE)",
    "encrypted PDF (password required)", "PDF has 900 pages, limit is 500",
    "file is 31.2 MB, limit is 25 MB", "no readable text in the document",
    "reading needed more than 768 MB of memory", "reading took longer than 30 s",
    "reader crashed (exit status -11), treated as unsafe",
    "image has 200 megapixels, limit is 100", "corrupt image: cannot identify image file",
    "image is not shaped like a page (40 x 400000 pixels)",
    "the content is ZIP, not .pdf", "the content is not a .png image",
    "MIME nesting deeper than 8 levels", "more than 100 MIME parts",
    "message is 50,000,000 bytes; the limit is 40,000,000", "empty message",
    "no From or Message-ID header: not an e-mail message",
    "could not be recorded: UNIQUE constraint failed",
    "ValueError: something deep went wrong",
]


@pytest.mark.parametrize("spoken", SPOKEN)
def test_every_reason_the_code_gives_has_a_code_and_reads_in_indonesian(spoken):
    """GIVEN a reason as a lower layer words it WHEN coded THEN it gets a catalogue code (not
    free text) and its Indonesian wording has none of the English words."""
    reason = Reason.of(spoken)
    assert reason.code in CATALOGUE and reason.code != "text", spoken
    said = reason.say()
    assert said and not looks_english(said), said


def test_indonesian_text_is_kept_as_it_is():
    """GIVEN a clerk's own reason WHEN coded THEN it is kept word for word, as free text."""
    reason = Reason.of("Surat ditujukan kepada instansi lain.")
    assert reason == Reason("text", {"text": "Surat ditujukan kepada instansi lain."})
    assert say_text(None) == ""


def test_the_catalogue_and_the_patterns_agree():
    """GIVEN the catalogue WHEN read against the patterns THEN every pattern's code exists, and
    every parameter a wording needs is captured by the patterns that give that code."""
    for pattern, code in PATTERNS:
        assert code in CATALOGUE, code
        needed = {f for _, f, _, _ in string.Formatter().parse(CATALOGUE[code]) if f}
        captured = set(re.compile(pattern).groupindex)
        assert needed <= captured, (code, needed - captured)


def test_a_reason_is_coded_whatever_code_path_writes_it(db_url):
    """GIVEN a case written with an English reason WHEN flushed THEN it carries the code and
    its parameters, and the text a page shows is Indonesian; a change is coded again."""
    engine = make_engine(db_url)
    migrate(engine)
    with sessions(engine)() as s:
        entry = AgendaEntry(channel="letter", book="incoming", status="quarantined",
                            received_at=datetime(2026, 12, 1, tzinfo=timezone.utc),
                            reason="sender is not a known OPD: sender x@gmail.com is not a "
                                   "known OPD address or domain")
        s.add(entry)
        s.commit()
        assert entry.reason_code == "sender.unknown"
        assert entry.reason == ("Pengirim bukan OPD yang terdaftar: alamat x@gmail.com tidak "
                                "terdaftar sebagai alamat atau domain OPD")
        entry.reason = "missing: surat permohonan"
        s.commit()
        assert (entry.reason_code, entry.reason_params) == ("letter.missing",
                                                            {"items": "surat permohonan"})
        assert entry.reason == "Belum lengkap: surat permohonan"
    engine.dispose()


def test_upgrading_codes_the_reasons_earlier_versions_wrote_in_english(db_url):
    """GIVEN a database at 0005 with English reasons on a case and a refused attachment WHEN
    upgraded THEN both carry codes and read in Indonesian."""
    engine = make_engine(db_url)
    migrate(engine, "0005")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO agenda_entries (channel, book, status, received_at, reason) VALUES "
            "('letter', 'incoming', 'quarantined', :at, :reason)"),
            {"at": datetime(2026, 3, 2, tzinfo=timezone.utc),
             "reason": "attachment 'surat.pdf' refused: executable file (Windows MZ) disguised "
                       "as .pdf"})
        conn.execute(text(
            "INSERT INTO inbound_messages (sha256, source, source_ref, received_at, size, "
            "raw_path, outcome) VALUES ('ab', 'maildir', 'x', :at, 1, 'raw/ab', 'quarantined')"),
            {"at": datetime(2026, 3, 2, tzinfo=timezone.utc)})
        conn.execute(text(
            "INSERT INTO attachments (message_pk, filename, content_type, size, sha256, path, "
            "role, refused_reason) VALUES ((SELECT min(id) FROM inbound_messages), 'surat.pdf',"
            " 'application/pdf', 1, 'cd', 'att/cd', 'refused', 'empty file')"))
    migrate(engine)
    with engine.connect() as conn:
        reason, code = conn.execute(text(
            "SELECT reason, reason_code FROM agenda_entries")).one()
        refused, refused_code = conn.execute(text(
            "SELECT refused_reason, refused_code FROM attachments")).one()
    assert code == "letter.refused" and "ditolak" in reason and not looks_english(reason)
    assert (refused, refused_code) == ("berkas kosong", "file.empty")
    engine.dispose()
