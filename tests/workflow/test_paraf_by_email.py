# SPDX-License-Identifier: AGPL-3.0-or-later
"""Disposition, drafting and three levels of paraf, all by e-mail reply, on real servers."""
from __future__ import annotations

import io

import docx
from sqlalchemy import select

from pipeline.books.views import find
from pipeline.core.events import verify
from pipeline.core.models import AgendaEntry, DraftRevision, Step
from pipeline.worker import run_once
from tests.mails import fields, letter_mail

INSPEKTUR = "inspektur@inspektorat.example.go.id"


def emails(app, code):
    return app.workflow.by_code[code].emails[0]


def status(app):
    """The status of the one case these tests drive."""
    with app.session() as s:
        return s.scalars(select(AgendaEntry.status)).one()


def open_steps(app):
    with app.session() as s:
        return [(st.kind, st.official, st.revision, st.stage)
                for st in s.scalars(select(Step).where(Step.status == "open"))]


def register_letter(app, dovecot):
    dovecot.append("INBOX", letter_mail(letter=fields(801)))
    run_once(app)


def to_drafting(app, dovecot, mailroom):
    register_letter(app, dovecot)
    mailroom.reply(mailroom.last_to(INSPEKTUR), INSPEKTUR, "SETUJU")
    run_once(app)
    drafter = emails(app, "auditor-3a")
    request = mailroom.last_to(drafter)
    mailroom.reply(request, drafter, "Jawaban kami:\n\n1. Dapat, sepanjang disepakati dalam "
                   "surat pernyataan.\n\n2. Dilaporkan melalui aplikasi tindak lanjut.\n\n"
                   "Salam,\nAuditor")
    run_once(app)


def approve(app, mailroom, code, word="SETUJU"):
    who = emails(app, code)
    mailroom.reply(mailroom.last_to(who), who, word)
    run_once(app)


def test_a_letter_goes_from_disposition_to_ready_to_sign_by_reply(wf, dovecot, mailroom):
    """GIVEN a registered letter WHEN the Inspector accepts the disposition, the drafter answers
    by numbered reply and three officials initial by reply THEN the case is ready to sign, with
    one revision and its full, verifiable history."""
    register_letter(wf, dovecot)
    sheet = mailroom.last_to(INSPEKTUR)
    assert "LEMBAR DISPOSISI" in sheet.get_body(("plain",)).get_content()
    assert any(p.get_filename() == "surat permohonan.docx" for p in sheet.iter_attachments())
    assert open_steps(wf) == [("disposition", "inspektur", 0, 0)]

    mailroom.reply(sheet, INSPEKTUR, "SETUJU")
    run_once(wf)
    request = mailroom.last_to(emails(wf, "auditor-3a"))
    names = [p.get_filename() for p in request.iter_attachments()]
    assert "konsep-jawaban.docx" in names and "surat permohonan.docx" in names
    assert status(wf) == "disposed"

    mailroom.reply(request, emails(wf, "auditor-3a"),
                   "1. Dapat, sepanjang disepakati dalam surat pernyataan.\n"
                   "2. Dilaporkan melalui aplikasi tindak lanjut.")
    run_once(wf)
    assert status(wf) == "drafted"
    assert open_steps(wf) == [("paraf", "irban-3", 1, 0)]
    paraf_mail = mailroom.last_to(emails(wf, "irban-3"))
    draft = next(p for p in paraf_mail.iter_attachments()).get_content()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(draft)).paragraphs)
    assert "Dapat, sepanjang disepakati dalam surat pernyataan." in text

    approve(wf, mailroom, "irban-3", "SETUJU")
    approve(wf, mailroom, "kasubag-umum", "ok setuju")
    assert status(wf) == "drafted"
    approve(wf, mailroom, "sekretaris", "Setuju.")
    assert status(wf) == "initialled" and open_steps(wf) == []
    with wf.session() as s:
        entry = find(s, "0001/SM/ITDA/2026")
        kinds = [e.kind for e in entry.events]
        assert kinds.count("paraf") == 3 and kinds[-1] == "initial"
        assert verify(s) == []


def test_a_return_with_notes_then_a_revised_docx_restarts_the_chain(wf, dovecot, mailroom):
    """GIVEN a draft at its first paraf WHEN the Irban returns it with notes THEN the drafter is
    asked again with the notes; a revised DOCX from the drafter becomes revision 2 and the
    chain starts again at the first level."""
    to_drafting(wf, dovecot, mailroom)
    approve(wf, mailroom, "irban-3", "REVISI: jawaban nomor 2 mohon dilengkapi dasar hukumnya")
    assert status(wf) == "disposed"
    again = mailroom.last_to(emails(wf, "auditor-3a"))
    assert "dasar hukumnya" in again.get_body(("plain",)).get_content()
    edited = docx.Document(io.BytesIO(next(
        p for p in again.iter_attachments() if p.get_filename() == "konsep-jawaban.docx"
    ).get_content()))
    edited.add_paragraph("Dasar hukum: Permendagri Nomor 77 Tahun 2020.")
    buf = io.BytesIO()
    edited.save(buf)
    mailroom.reply(again, emails(wf, "auditor-3a"), "Terlampir perbaikannya.",
                   attach=buf.getvalue())
    run_once(wf)
    assert status(wf) == "drafted"
    assert open_steps(wf) == [("paraf", "irban-3", 2, 0)]
    with wf.session() as s:
        assert [r.source for r in s.scalars(select(DraftRevision).order_by(
            DraftRevision.number))] == ["text", "docx"]


def test_an_initialling_official_may_send_back_an_edited_docx(wf, dovecot, mailroom):
    to_drafting(wf, dovecot, mailroom)
    approve(wf, mailroom, "irban-3")
    edited = docx.Document(io.BytesIO(next(mailroom.last_to(
        emails(wf, "kasubag-umum")).iter_attachments()).get_content()))
    edited.add_paragraph("Perbaikan redaksi.")
    buf = io.BytesIO()
    edited.save(buf)
    who = emails(wf, "kasubag-umum")
    mailroom.reply(mailroom.last_to(who), who, "Sudah saya perbaiki redaksinya.",
                   attach=buf.getvalue())
    run_once(wf)
    assert open_steps(wf) == [("paraf", "irban-3", 2, 0)]


def test_a_setuju_that_carries_a_refused_draft_is_not_read(wf, dovecot, mailroom):
    """GIVEN a paraf request WHEN the official answers SETUJU with an edited DOCX that carries a
    macro (refused as unsafe) THEN nothing is initialled: the step stays open on the same
    revision, and the official is told in Indonesian that the file was refused and why."""
    from tests.hostile_files import docx_macro
    to_drafting(wf, dovecot, mailroom)
    who = emails(wf, "irban-3")
    request = mailroom.last_to(who)
    draft = next(request.iter_attachments()).get_content()
    mailroom.reply(request, who, "SETUJU", attach=docx_macro(draft))
    run_once(wf)
    assert status(wf) == "drafted" and open_steps(wf) == [("paraf", "irban-3", 1, 0)]
    told = mailroom.last_to(who)
    assert "Belum Dapat Diproses" in str(told["Subject"])
    text = told.get_body(("plain",)).get_content()
    assert "ditolak karena tidak aman" in text and "konsep-jawaban-perbaikan.docx" in text


def test_quoted_history_never_counts(wf, dovecot, mailroom):
    """GIVEN a paraf request whose instructions say SETUJU WHEN the official writes REVISI above
    the quoted request (Gmail, Indonesian) or an unclear line above it (Outlook) THEN the
    quote is ignored: a return, then an explanation, never an approval."""
    to_drafting(wf, dovecot, mailroom)
    who = emails(wf, "irban-3")
    mailroom.reply(mailroom.last_to(who), who, "Mohon dicek lagi ya", quote="outlook")
    run_once(wf)
    assert status(wf) == "drafted" and open_steps(wf) == [("paraf", "irban-3", 1, 0)]
    assert "Belum Dapat Diproses" in str(mailroom.last_to(who)["Subject"])
    request = [m for m in mailroom.to(who) if "Mohon Paraf" in str(m["Subject"])][-1]
    mailroom.reply(request, who, "REVISI: salah ketik pada paragraf kedua", quote="gmail-id")
    run_once(wf)
    assert status(wf) == "disposed"


def test_replies_may_come_to_a_mailbox_of_their_own(tmp_path, db_url, dovecot, smtp_server,
                                                    monkeypatch, mailroom):
    """GIVEN an office that keeps officials' replies in a second mailbox WHEN the Inspector's
    reply lands there THEN it disposes the case just the same."""
    from .conftest import workspace
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch,
                    replies=dovecot.url("Balasan"))
    try:
        register_letter(app, dovecot)
        raw = mailroom.reply(mailroom.last_to(INSPEKTUR), INSPEKTUR, "SETUJU", send=False)
        dovecot.append("Balasan", raw)
        run_once(app)
        assert status(app) == "disposed"
        assert dovecot.list_uids("Balasan") == []
    finally:
        app.close()
