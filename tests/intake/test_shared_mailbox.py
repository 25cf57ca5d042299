# SPDX-License-Identifier: AGPL-3.0-or-later
"""Several workers on one mailbox (issue 16): a message another worker already moved is skipped
quietly, and one worker at a time holds the mailbox, taken over when its holder dies."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter

from sqlalchemy import select

from pipeline.app import App
from pipeline.core.models import AgendaEntry, InboundMessage
from pipeline.intake.holder import MailboxHolder
from pipeline.worker import run_once
from tests.conftest import make_workspace
from tests.mails import fields, letter_mail
from tests.worker.live import Worker, office, until

LETTERS = 30


def _imap_office(tmp_path, db_url, dovecot, monkeypatch):
    monkeypatch.setenv("PARAF_IMAP_PASSWORD", dovecot.password)
    return make_workspace(tmp_path / "ws", db_url, intake=dovecot.url())


def test_two_workers_passing_over_one_mailbox_at_once_both_succeed(tmp_path, db_url, dovecot,
                                                                   monkeypatch):
    """GIVEN 30 letters in one IMAP inbox and two workers (own connections) WHEN both run a
    pass at the same moment THEN neither fails (no EXPUNGEISSUED), every letter is registered
    once with numbers 1..30, and the inbox is empty."""
    app = _imap_office(tmp_path, db_url, dovecot, monkeypatch)
    dovecot.append_many("INBOX", [letter_mail(letter=fields(300 + n)) for n in range(LETTERS)])
    workers = [App.open(app.cfg, migrate=False) for _ in range(2)]
    reports, barrier = [None, None], threading.Barrier(2)

    def work(i):
        barrier.wait()
        reports[i] = run_once(workers[i])[0]
    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    [w.close() for w in workers]
    assert all(r is not None for r in reports), reports
    with app.session() as s:
        seqs = sorted(s.scalars(select(AgendaEntry.agenda_seq)))
        messages = s.scalar(select(InboundMessage.id).order_by(InboundMessage.id.desc()))
    assert seqs == list(range(1, LETTERS + 1))
    assert messages == LETTERS
    assert dovecot.list_uids("INBOX") == []
    app.close()


def test_two_paraf_run_once_processes_on_one_mailbox_exit_0(tmp_path, db_url, dovecot,
                                                           monkeypatch):
    """GIVEN 30 letters WHEN two `paraf run --once` processes start together THEN both exit 0
    and each letter has one entry."""
    app = _imap_office(tmp_path, db_url, dovecot, monkeypatch)
    dovecot.append_many("INBOX", [letter_mail(letter=fields(400 + n)) for n in range(LETTERS)])
    config = str(app.cfg.base_dir / "config.toml")
    procs = [subprocess.Popen([sys.executable, "-m", "pipeline", "--config", config, "run",
                               "--once"], env=dict(os.environ), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT) for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0].decode(errors="replace") for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert not any("Traceback" in o or "EXPUNGEISSUED" in o for o in outputs), outputs
    with app.session() as s:
        per_message = Counter(s.scalars(select(AgendaEntry.message_id)))
    assert len(per_message) == LETTERS and set(per_message.values()) == {1}
    app.close()


def test_one_holder_per_mailbox_and_the_lock_goes_with_its_connection(db_url):
    """GIVEN two workers asking for the same mailbox WHEN the first holds it THEN the second
    is refused; WHEN the first lets go (its connection or process ends) THEN the second gets
    it; another mailbox is free all along."""
    first = MailboxHolder(db_url, "imap://intake@mail:143/INBOX")
    second = MailboxHolder(db_url, "imap://intake@mail:143/INBOX")
    other = MailboxHolder(db_url, "imap://replies@mail:143/INBOX")
    try:
        assert first.hold() and first.hold()         # asking again keeps it
        assert not second.hold()
        assert other.hold()
        first.release()
        assert second.hold()
    finally:
        for holder in (first, second, other):
            holder.release()


def test_a_second_worker_takes_the_mailbox_over_within_a_minute_when_the_holder_dies(
        tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    """GIVEN two running workers on one mailbox WHEN the one holding it is SIGKILLed and a
    letter arrives THEN the other registers it (and sends its receipt) within a minute, once."""
    app = office(tmp_path, db_url, dovecot, smtp_server, monkeypatch)
    a = Worker(app, name="a")
    a.wait_for("holds the mailbox")
    b = Worker(app, name="b")
    try:
        b.wait_for("paraf worker started")
        a.kill()
        dovecot.append("INBOX", letter_mail(letter=fields(555)))
        assert until(lambda: [m for m in smtp_server.messages
                              if "disdik@pekalongankota.go.id" in m.rcpt_tos], 60), b.output
        assert "holds the mailbox" in b.output
    finally:
        b.stop()
        a.kill()
    with app.session() as s:
        assert len(s.scalars(select(AgendaEntry.id)).all()) == 1
    app.close()
