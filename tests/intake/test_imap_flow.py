# SPDX-License-Identifier: AGPL-3.0-or-later
"""Intake on real servers: Dovecot (IMAP) in, aiosmtpd (SMTP) out, SQLite and PostgreSQL."""
from __future__ import annotations

import email
import os
import subprocess
import sys
import time
from email import policy

import pytest

from pipeline.intake.imap import ImapSource
from tests.conftest import make_workspace
from tests.mails import fields, letter_mail

from .helpers import agenda, run_until_idle


@pytest.fixture
def imap_app(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    monkeypatch.setenv("PARAF_IMAP_PASSWORD", dovecot.password)
    app = make_workspace(tmp_path / "ws", db_url, intake=dovecot.url(), smtp=smtp_server.url())
    yield app
    app.close()


def receipts(smtp_server):
    return [email.message_from_bytes(m.raw, policy=policy.default) for m in smtp_server.messages]


def test_a_letter_over_imap_is_registered_once_and_receipted_once(imap_app, dovecot,
                                                                  smtp_server):
    """GIVEN a letter in the IMAP inbox WHEN the worker runs, twice THEN one entry, one receipt
    delivered over SMTP to the OPD, and the message moved to the processed folder."""
    dovecot.append("INBOX", letter_mail(letter=fields(21)))
    run_until_idle(imap_app)
    run_until_idle(imap_app)
    (row,) = agenda(imap_app)
    assert row["status"] == "registered" and row["letter"]["nomor"] == "400.3/121/Disdik/2026"
    (receipt,) = receipts(smtp_server)
    assert smtp_server.messages[0].rcpt_tos == ["disdik@pekalongankota.go.id"]
    assert row["agenda_no"] in receipt.get_content()
    assert dovecot.list_uids("INBOX") == [] and len(dovecot.list_uids("Paraf/Processed")) == 1


def test_a_crash_before_the_imap_move_registers_nothing_twice(imap_app, dovecot, smtp_server,
                                                              monkeypatch):
    dovecot.append("INBOX", letter_mail())

    def killed(self, item, outcome):
        raise SystemExit("killed between commit and move")
    monkeypatch.setattr(ImapSource, "settle", killed)
    with pytest.raises(SystemExit):
        run_until_idle(imap_app)
    monkeypatch.undo()
    run_until_idle(imap_app)
    assert [r["status"] for r in agenda(imap_app)] == ["registered"]
    assert len(smtp_server.messages) == 1
    assert dovecot.list_uids("INBOX") == []


def test_a_uidvalidity_reset_registers_nothing_twice(imap_app, dovecot, smtp_server):
    """GIVEN three letters processed WHEN the mailbox is restored from a backup into the inbox
    and the server renumbers it (new UIDVALIDITY) THEN they are moved again, not registered."""
    raws = [letter_mail(letter=fields(30 + i)) for i in range(3)]
    for raw in raws:
        dovecot.append("INBOX", raw)
    run_until_idle(imap_app)
    for raw in raws:
        dovecot.append("INBOX", raw)
    dovecot.reset_uidvalidity("INBOX")
    dovecot.append("INBOX", letter_mail(letter=fields(40)))
    run_until_idle(imap_app)
    rows = agenda(imap_app)
    assert [r["letter"]["nomor"].split("/")[1] for r in rows] == ["130", "131", "132", "140"]
    assert len(smtp_server.messages) == 4
    assert dovecot.list_uids("INBOX") == []


def test_the_server_going_away_mid_pass_loses_and_doubles_nothing(imap_app, dovecot,
                                                                  smtp_server):
    """GIVEN five letters WHEN the IMAP server dies after the second is committed THEN the pass
    stops cleanly; once the server is back, all five are registered exactly once."""
    for i in range(5):
        dovecot.append("INBOX", letter_mail(letter=fields(60 + i)))
    consume = imap_app.consumer.consume
    calls = []

    def consume_then_crash_server(raw, **kw):
        outcome = consume(raw, **kw)
        calls.append(outcome)
        if len(calls) == 2:
            dovecot.stop()
        return outcome
    imap_app.consumer.consume = consume_then_crash_server
    from pipeline.worker import run_once
    report, _ = run_once(imap_app)
    assert report is None                     # the pass gave up; the worker lives on
    dovecot.start()
    imap_app.consumer.consume = consume
    run_until_idle(imap_app)
    rows = agenda(imap_app)
    assert sorted(r["letter"]["nomor"] for r in rows) == [
        f"400.3/{160 + i}/Disdik/2026" for i in range(5)]
    assert len({r["agenda_no"] for r in rows}) == 5 and len(smtp_server.messages) == 5


def test_an_undecodable_message_goes_to_the_failed_folder(imap_app, dovecot):
    dovecot.append("INBOX", b"\x00\xff\xfe not mail at all")
    dovecot.append("INBOX", letter_mail())
    run_until_idle(imap_app)
    assert len(dovecot.list_uids("Paraf/Failed")) == 1
    assert len(dovecot.list_uids("Paraf/Processed")) == 1
    assert [r["status"] for r in agenda(imap_app)] == ["failed", "registered"]


def test_idle_picks_a_letter_up_within_seconds(imap_app, dovecot):
    """GIVEN `paraf run` waiting on IMAP IDLE (poll interval 60 s) WHEN a letter arrives THEN it
    is in the agenda within a few seconds."""
    config = imap_app.cfg.base_dir / "config.toml"
    env = {**os.environ, "PARAF_IMAP_PASSWORD": dovecot.password}
    worker = subprocess.Popen([sys.executable, "-m", "pipeline", "--config", str(config), "run"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        dovecot.append("INBOX", letter_mail())          # proves the worker is up
        assert wait_for_entries(imap_app, 1, 30)
        time.sleep(0.5)                                  # it is back in IDLE now
        sent = time.monotonic()
        dovecot.append("INBOX", letter_mail())
        assert wait_for_entries(imap_app, 2, 30)
        took = time.monotonic() - sent
    finally:
        worker.terminate()
        output = worker.communicate(timeout=10)[0].decode(errors="replace")
    assert took < 5, f"took {took:.1f} s\n{output}"


def wait_for_entries(app, count: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if len(agenda(app)) >= count:
            return True
        time.sleep(0.05)
    return False


def test_a_letter_pdf_with_javascript_over_imap_is_kept_only_cleaned(imap_app, dovecot,
                                                                     smtp_server):
    """GIVEN a letter over IMAP whose PDF opens with JavaScript and launches a program
    WHEN the worker reads it
    THEN it is registered from the cleaned copy, which is all the letter row points to, and
    the original is kept as refused evidence with the Indonesian reason."""
    from sqlalchemy import select

    from pipeline.core.models import Attachment
    from pipeline.letter import specimen
    from tests import hostile_files as H
    bad = H.pdf_launch(specimen.make_pdf(fields(22)))
    dovecot.append("INBOX", letter_mail(letter=fields(22), attach_letter=False,
                                        extra=[("surat.pdf", "application/pdf", bad)]))
    run_until_idle(imap_app)
    (row,) = agenda(imap_app)
    assert row["status"] == "registered" and row["letter"]["nomor"] == "400.3/122/Disdik/2026"
    with imap_app.session() as s:
        kept = {a.role: a for a in s.scalars(select(Attachment))}
    assert set(kept) == {"letter", "refused"}
    assert "isi aktif dihapus" in kept["refused"].refused_reason
    assert imap_app.store.get(kept["refused"].sha256, "att") == bad
    assert H.active_left(imap_app.store.get(kept["letter"].sha256, "att")) == set()
    assert len(receipts(smtp_server)) == 1
