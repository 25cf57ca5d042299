# SPDX-License-Identifier: AGPL-3.0-or-later
"""Intake to agenda on the embedded defaults (Maildir in, .eml out), on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from pipeline.cli.main import cli
from pipeline.core.events import verify
from pipeline.core.models import InboundMessage
from tests.mails import fields, letter_mail

from .helpers import agenda, mail_in, maildir, run_until_idle, sent_mail


def test_a_letter_is_registered_once_and_receipted_once(app):
    """GIVEN a letter from a known OPD in the mailbox WHEN the worker runs twice THEN it is in the
    agenda once, with its fields, and its sender got one threaded receipt in Indonesian."""
    raw = letter_mail(letter=fields(7))
    mail_in(app, raw)
    run_until_idle(app)
    run_until_idle(app)
    rows = agenda(app)
    assert len(rows) == 1
    row = rows[0]
    assert row["status"] == "registered"
    assert re.fullmatch(r"0001/SM/ITDA/\d{4}", row["agenda_no"])
    assert row["opd"] == "Dinas Pendidikan Kota Pekalongan"
    assert row["letter"]["nomor"] == "400.3/107/Disdik/2026"
    assert row["letter"]["hal"] == "Permohonan Konsultasi Tindak Lanjut LHP"
    mails = sent_mail(app)
    assert len(mails) == 1
    receipt = mails[0]
    assert receipt["To"].addresses[0].addr_spec == "disdik@pekalongankota.go.id"
    assert receipt["In-Reply-To"] == row["message_id"]
    body = receipt.get_content()
    assert row["agenda_no"] in body and "400.3/107/Disdik/2026" in body
    assert "Tanda Terima" in receipt["Subject"] and "hari kerja" in body
    assert maildir(app).count() == 0 and maildir(app).count("processed") == 1


def test_a_crash_between_commit_and_move_does_not_register_twice(app, monkeypatch):
    """GIVEN a message whose outcome is committed WHEN the worker dies before moving it THEN the
    next pass moves it without registering or receipting it again."""
    mail_in(app, letter_mail())
    from pipeline.intake import maildir as md

    def die(self, item, outcome):
        raise SystemExit("killed before the move")
    monkeypatch.setattr(md.MaildirSource, "settle", die)
    with pytest.raises(SystemExit):
        run_until_idle(app)
    monkeypatch.undo()
    run_until_idle(app)
    assert [r["status"] for r in agenda(app)] == ["registered"]
    assert len(sent_mail(app)) == 1
    assert maildir(app).count() == 0


def test_a_crash_inside_the_transaction_loses_nothing_and_skips_no_number(app, monkeypatch):
    """GIVEN a crash after the agenda number was taken but before commit WHEN the worker runs
    again THEN the letter is registered with number 1 and nothing is left half-done."""
    mail_in(app, letter_mail())
    from pipeline.intake import register

    def die(*a, **k):
        raise KeyboardInterrupt("power cut")
    monkeypatch.setattr(register.Registrar, "_notify", die)
    with pytest.raises(KeyboardInterrupt):
        run_until_idle(app)
    assert agenda(app) == [] and maildir(app).count() == 1
    monkeypatch.undo()
    run_until_idle(app)
    rows = agenda(app)
    assert [r["agenda_no"][:4] for r in rows] == ["0001"] and len(sent_mail(app)) == 1


def test_an_undecodable_message_fails_and_the_next_is_still_registered(app):
    """GIVEN garbage followed by a good letter WHEN the worker runs THEN the garbage is a failed
    entry with its reason, in the failed folder, raw bytes kept; the letter is registered."""
    mail_in(app, b"\x00\x01\x02 garbage, not a message \xff")
    mail_in(app, letter_mail())
    run_until_idle(app)
    failed = agenda(app, status="failed")
    assert len(failed) == 1 and "bukan surel" in failed[0]["reason"]
    assert len(agenda(app, status="registered")) == 1
    assert maildir(app).count("failed") == 1
    with app.session() as s:
        row = s.scalar(select(InboundMessage).where(InboundMessage.outcome == "failed"))
        assert app.store.get(row.sha256).startswith(b"\x00\x01\x02 garbage")


def test_an_unknown_sender_is_quarantined_without_number_or_receipt(app):
    mail_in(app, letter_mail(sender="promo@diskon.example.com"))
    run_until_idle(app)
    (row,) = agenda(app)
    assert row["status"] == "quarantined" and row["agenda_no"] is None
    assert "bukan OPD yang terdaftar" in row["reason"]
    assert sent_mail(app) == []


def test_a_request_without_letter_is_completed_by_the_reply_in_its_thread(app):
    """GIVEN a message with no letter WHEN the OPD answers the notice with the letter THEN the
    same agenda entry (same number) becomes registered and a receipt follows."""
    mail_in(app, letter_mail(attach_letter=False, message_id="<ask-1@pekalongankota.go.id>"))
    run_until_idle(app)
    (row,) = agenda(app)
    assert row["status"] == "incomplete" and row["missing"] == ["surat permohonan"]
    (notice,) = sent_mail(app)
    assert "surat permohonan" in notice.get_content() and row["agenda_no"] in notice["Subject"]
    mail_in(app, letter_mail(letter=fields(55), in_reply_to=notice["Message-ID"],
                             subject="Re: " + notice["Subject"]))
    run_until_idle(app)
    (after,) = agenda(app)
    assert after["agenda_no"] == row["agenda_no"] and after["status"] == "registered"
    assert after["letter"]["nomor"] == "400.3/155/Disdik/2026" and after["due_on"]
    assert "Tanda Terima" in sent_mail(app)[-1]["Subject"]


def test_the_same_letter_twice_is_linked_to_the_first(app):
    """GIVEN a letter already registered WHEN the OPD sends the same file again, and later the
    same number as PDF THEN neither is registered; each sender is told the first number."""
    letter = fields(9)
    mail_in(app, letter_mail(letter=letter))
    run_until_idle(app)
    mail_in(app, letter_mail(letter=letter, subject="kirim ulang"))
    mail_in(app, letter_mail(letter=letter, kind="pdf", subject="versi PDF"))
    run_until_idle(app)
    rows = agenda(app)
    first = rows[0]["agenda_no"]
    assert [r["status"] for r in rows] == ["registered", "duplicate", "duplicate"]
    assert rows[1]["duplicate_of"] == first and rows[2]["duplicate_of"] == first
    notices = sent_mail(app)
    assert len(notices) == 3
    assert sum(first in m.get_content() and "sebelumnya" in m.get_content()
               for m in notices) == 2


def test_a_follow_up_in_the_thread_is_linked_not_registered(app):
    mail_in(app, letter_mail())
    run_until_idle(app)
    (receipt,) = sent_mail(app)
    mail_in(app, letter_mail(attach_letter=False, in_reply_to=receipt["Message-ID"],
                             body="Terima kasih, kami tunggu jawabannya."))
    run_until_idle(app)
    (row,) = agenda(app)
    assert row["status"] == "registered" and len(sent_mail(app)) == 1


def test_auto_replies_are_recorded_and_never_answered(app):
    raw = letter_mail(attach_letter=False, subject="Out of office").replace(
        b"MIME-Version", b"Auto-Submitted: auto-replied\nMIME-Version", 1)
    mail_in(app, raw)
    run_until_idle(app)
    (row,) = agenda(app)
    assert row["status"] == "rejected" and "Pesan otomatis" in row["reason"]
    assert sent_mail(app) == []


def test_hostile_attachment_names_cannot_escape_the_store(app):
    mail_in(app, letter_mail(extra=[("../../../etc/passwd\x07.pdf", "application/pdf", b"x")]))
    run_until_idle(app)
    with app.session() as s:
        from pipeline.core.models import Attachment
        names = set(s.scalars(select(Attachment.filename)))
        paths = list(s.scalars(select(Attachment.path)))
    assert "passwd.pdf" in names
    assert all(not p.startswith("/") and ".." not in p for p in paths)
    assert not (app.cfg.data_path.parent / "etc").exists()


def test_the_clerk_reads_the_agenda_and_an_entry(app):
    """GIVEN registered and quarantined mail WHEN the clerk runs `paraf agenda --json`,
    `--status` and `paraf show` THEN they see the fields, attachments and history."""
    mail_in(app, letter_mail(letter=fields(3)))
    mail_in(app, letter_mail(sender="stranger@example.com"))
    run_until_idle(app)
    runner = CliRunner()
    cfg = ["--config", str(app.cfg.base_dir / "config.toml")]
    out = runner.invoke(cli, cfg + ["agenda", "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert {"agenda_no", "status", "message_id", "from", "opd", "received_at",
            "letter"} <= set(rows[0])
    only = json.loads(runner.invoke(cli, cfg + ["agenda", "--json", "--status",
                                                "quarantined"]).output)
    assert [r["from"] for r in only] == ["stranger@example.com"]
    shown = runner.invoke(cli, cfg + ["show", rows[0]["agenda_no"]])
    assert shown.exit_code == 0
    for words in ("400.3/103/Disdik/2026", "surat permohonan.docx", "register", "receipted"):
        assert words in shown.output
    assert runner.invoke(cli, cfg + ["show", "9999/SM/ITDA/2026"]).exit_code != 0
    assert runner.invoke(cli, cfg + ["audit", "verify"]).exit_code == 0
    with app.session() as s:
        assert verify(s) == []
        assert s.scalar(select(func.count()).select_from(InboundMessage)) == 2
