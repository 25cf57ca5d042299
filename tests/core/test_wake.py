# SPDX-License-Identifier: AGPL-3.0-or-later
"""Wake-ups after commit (issue 25): the job that takes the work hears of it when, and only
when, the transaction that made the work commits, in this process and in others."""
from __future__ import annotations

import threading

import pytest

from pipeline.core import wake
from pipeline.mail import outbox
from tests.mails import plain_mail


@pytest.fixture
def heard():
    got: list[set[str]] = []
    undo = wake.listen(got.append)
    yield got
    undo()


def test_queued_mail_wakes_the_outbox_after_commit_not_before(app, heard):
    """GIVEN a transaction that queues a mail WHEN it is still open THEN nobody was woken;
    WHEN it commits THEN the outbox is woken once."""
    with app.session() as s:
        outbox.queue(s, app.cfg, plain_mail(), kind="test", entry_id=None)
        assert heard == []
    assert heard == [{wake.OUTBOX}]


def test_a_rolled_back_transaction_wakes_nobody(app, heard):
    """GIVEN a transaction that queues a mail WHEN it rolls back THEN nobody is woken, and the
    next transaction that commits without work wakes nobody either."""
    with pytest.raises(RuntimeError):
        with app.session() as s:
            outbox.queue(s, app.cfg, plain_mail(), kind="test", entry_id=None)
            raise RuntimeError("changed my mind")
    with app.session() as s:
        s.info.get("nothing")
    assert heard == []


def test_another_process_hears_the_wake_up(app, heard):
    """GIVEN a listener for this database (as a worker runs one: a loopback datagram on
    SQLite, LISTEN on PostgreSQL) WHEN another connection commits queued mail THEN the listener
    hears `outbox` within a second."""
    got = threading.Event()
    topics: list[set[str]] = []

    def hear(t):
        topics.append(t)
        got.set()
    listener = wake.Listener(app.cfg.database_url, hear).start()
    try:
        if app.cfg.database_url.startswith("sqlite"):
            # This process's own datagrams are skipped (it hears them directly); stand for
            # another process by listening under another pid's name.
            folder = wake.wake_dir(app.cfg.database_url)
            own = folder / str(__import__("os").getpid())
            (folder / "1").write_text(own.read_text())
            own.unlink()
        with app.session() as s:
            outbox.queue(s, app.cfg, plain_mail(), kind="test", entry_id=None)
        assert got.wait(2), topics
        assert {wake.OUTBOX} in topics
    finally:
        listener.stop()


def test_a_planned_mail_wakes_when_its_file_is_written(app, heard):
    """GIVEN a mail planned in a transaction, its text written after the commit (as the web
    form does) WHEN the transaction commits THEN the outbox is not woken yet (its file is not
    there); WHEN the file is written and `ring` is called THEN it is."""
    with app.session() as s:
        outbox.enqueue(s, outbox.planned("<p1@example.org>", ["warga@example.org"], "T"),
                       kind="test")
    assert heard == []
    wake.ring(app.engine, wake.OUTBOX)
    assert heard == [{wake.OUTBOX}]
