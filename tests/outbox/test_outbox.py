# SPDX-License-Identifier: AGPL-3.0-or-later
"""The outbox against a real SMTP server (aiosmtpd), on SQLite and on PostgreSQL."""
from __future__ import annotations

import threading
from datetime import timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest
from sqlalchemy import select

from pipeline.core.config import Config, Outbox
from pipeline.core.db import make_engine, migrate, sessions, transaction, utc
from pipeline.core.models import OutboxMail
from pipeline.mail import outbox
from pipeline.mail.transport import open_transport
from tests.servers.smtp import WorkerCrash, crash_after_send, running_smtp_server

OFFICE = "konsultasi@inspektorat.example.go.id"


@pytest.fixture
def factory(db_url):
    """A session factory on a freshly migrated database (SQLite, and PostgreSQL)."""
    engine = make_engine(db_url)
    migrate(engine)
    yield sessions(engine)
    engine.dispose()


def make_cfg(tmp_path, smtp: str, password: str | None = None, **outbox_opts) -> Config:
    opts = dict(max_attempts=4, retry_base_seconds=60) | outbox_opts
    return Config(smtp=smtp, base_dir=tmp_path, outbox=Outbox(**opts), smtp_password=password)


def letter(subject: str = "Tanda terima konsultasi", bcc: str | None = "arsip@example.go.id"):
    msg = EmailMessage()
    msg["To"] = "Budi Santoso <budi@opd.example.go.id>"
    msg["Cc"] = "sekretariat@opd.example.go.id"
    if bcc:
        msg["Bcc"] = bcc
    msg["Subject"] = subject
    msg.set_content("Surat Saudara telah kami terima dan dicatat dalam buku agenda.\n"
                    "Terima kasih — Inspektorat.\n.\nBaris yang diawali titik.\n")
    return msg


def queue_one(factory, cfg, msg=None, now=None) -> OutboxMail:
    with transaction(factory) as s:
        return outbox.queue(s, cfg, msg or letter(), kind="receipt", entry_id=None, now=now)


def row_of(factory, outbox_id) -> OutboxMail:
    with factory() as s:
        return s.get(OutboxMail, outbox_id)


def test_queued_mail_is_delivered_once_with_envelope_and_headers(factory, tmp_path, smtp_server):
    """GIVEN a receipt with To, Cc and Bcc queued in a committed transaction
    WHEN the worker delivers due mail twice
    THEN the server received it once, from the office, for all three addresses, with
    Message-ID, Date and From set, the body intact and no Bcc header."""
    cfg = make_cfg(tmp_path, smtp_server.url())
    row = queue_one(factory, cfg)

    first = outbox.deliver_due(factory, cfg)
    second = outbox.deliver_due(factory, cfg)

    assert (first.sent, second.sent) == (1, 0)
    assert len(smtp_server.messages) == 1
    got = smtp_server.messages[0]
    assert got.mail_from == OFFICE
    assert got.rcpt_tos == ["budi@opd.example.go.id", "sekretariat@opd.example.go.id",
                            "arsip@example.go.id"]
    mail = message_from_bytes(got.raw, policy=default_policy)
    assert mail["Message-ID"].strip() == row.message_id and row.message_id.endswith(
        "@inspektorat.example.go.id>")
    assert mail["Date"] and mail["From"].addresses[0].addr_spec == OFFICE
    assert mail["Bcc"] is None and b"arsip@" not in got.raw
    assert ".\nBaris yang diawali titik." in mail.get_content().replace("\r\n", "\n")
    stored = row_of(factory, row.id)
    assert (stored.status, stored.attempts, stored.last_error) == ("sent", 1, None)
    assert utc(stored.sent_at) >= utc(stored.created_at)


def test_spool_file_exists_before_any_smtp_attempt(factory, tmp_path, smtp_server):
    """GIVEN a registration transaction that queues a receipt
    WHEN the row is added (before commit) and when such a transaction is rolled back
    THEN the spool file is already on disk without the Bcc, nothing reached the server, and a
    spool file whose row was rolled back is never sent."""
    cfg = make_cfg(tmp_path, smtp_server.url())
    with transaction(factory) as s:
        row = outbox.queue(s, cfg, letter(), kind="receipt", entry_id=None)
        spooled = cfg.outbox_path / row.spool_path
        assert spooled.is_file() and b"Bcc:" not in spooled.read_bytes()
        assert smtp_server.messages == []

    class Abort(Exception):
        pass
    with pytest.raises(Abort), transaction(factory) as s:
        orphan = outbox.queue(s, cfg, letter("Dibatalkan"), kind="receipt", entry_id=None)
        raise Abort
    assert (cfg.outbox_path / orphan.spool_path).is_file()

    report = outbox.deliver_due(factory, cfg)
    assert report.sent == 1
    assert [message_from_bytes(m.raw)["Subject"] for m in smtp_server.messages] == [
        "Tanda terima konsultasi"]


def test_temporary_refusal_is_retried_with_backoff(factory, tmp_path, smtp_server):
    """GIVEN a queued mail and a server that answers the next DATA with 451
    WHEN the worker runs now, before the backoff ends and after it
    THEN the mail is requeued for now+60 s with the reason, skipped early, then sent once."""
    cfg = make_cfg(tmp_path, smtp_server.url())
    t0 = outbox.utcnow()
    row = queue_one(factory, cfg, now=t0)
    smtp_server.fail_next(1, 451)

    first = outbox.deliver_due(factory, cfg, now=t0)
    stored = row_of(factory, row.id)
    assert first.retried == 1 and stored.status == "queued" and stored.attempts == 1
    assert utc(stored.next_attempt_at) == t0 + timedelta(seconds=60)
    assert "451" in stored.last_error

    assert outbox.deliver_due(factory, cfg, now=t0 + timedelta(seconds=30)).sent == 0
    assert outbox.deliver_due(factory, cfg, now=t0 + timedelta(seconds=61)).sent == 1
    assert len(smtp_server.messages) == 1
    assert row_of(factory, row.id).status == "sent"


def test_permanent_refusal_fails_at_once(factory, tmp_path, smtp_server):
    """GIVEN a server that answers DATA with 550
    WHEN the worker delivers
    THEN the mail is failed after one attempt with the server's reason, and not retried."""
    cfg = make_cfg(tmp_path, smtp_server.url())
    row = queue_one(factory, cfg)
    smtp_server.fail_next(1, 550)

    report = outbox.deliver_due(factory, cfg)
    later = outbox.deliver_due(factory, cfg, now=outbox.utcnow() + timedelta(days=2))

    stored = row_of(factory, row.id)
    assert (report.failed, later.sent, stored.status, stored.attempts) == (1, 0, "failed", 1)
    assert "550 Mailbox unavailable" in stored.last_error
    assert smtp_server.messages == []


def test_max_attempts_ends_in_failed_with_doubling_backoff(factory, tmp_path, smtp_server):
    """GIVEN max_attempts = 3 and a server that keeps answering 451
    WHEN the worker runs each time the mail is due
    THEN the waits are 60 s then 120 s, and the third refusal marks it failed."""
    cfg = make_cfg(tmp_path, smtp_server.url(), max_attempts=3)
    t = outbox.utcnow()
    row = queue_one(factory, cfg, now=t)
    smtp_server.fail_next(5, 451)

    waits = []
    for _ in range(3):
        outbox.deliver_due(factory, cfg, now=t)
        stored = row_of(factory, row.id)
        if stored.status != "queued":
            break
        waits.append(utc(stored.next_attempt_at) - t)
        t = utc(stored.next_attempt_at)

    assert waits == [timedelta(seconds=60), timedelta(seconds=120)]
    assert (stored.status, stored.attempts) == ("failed", 3)
    assert "gave up after 3 attempts" in stored.last_error and "451" in stored.last_error


def test_crash_after_acceptance_with_file_transport_is_marked_sent_not_resent(
        factory, tmp_path, monkeypatch):
    """GIVEN the file transport and a worker that dies after writing the message
    WHEN the next worker starts with recover() and then delivers
    THEN the row was left in `sending`, recover sees the file and marks it sent, and no second
    copy is written."""
    cfg = make_cfg(tmp_path, "file://outbox/sent")
    row = queue_one(factory, cfg)
    with monkeypatch.context() as m:
        crash_after_send(m)
        with pytest.raises(WorkerCrash):
            outbox.deliver_due(factory, cfg)
    assert row_of(factory, row.id).status == "sending"

    recovered = outbox.recover(factory, cfg)
    again = outbox.deliver_due(factory, cfg)

    assert (recovered.sent, again.sent) == (1, 0)
    assert row_of(factory, row.id).status == "sent"
    assert len(list((tmp_path / "outbox" / "sent").glob("*.eml"))) == 1


def test_crash_after_acceptance_over_smtp_is_held_not_resent(
        factory, tmp_path, smtp_server, monkeypatch):
    """GIVEN SMTP (which cannot check a Sent folder) and a worker that dies after the server
    accepted the message
    WHEN the next worker runs recover() and delivers
    THEN the mail is held with instructions and not sent again, until an operator releases it."""
    cfg = make_cfg(tmp_path, smtp_server.url())
    row = queue_one(factory, cfg)
    with monkeypatch.context() as m:
        crash_after_send(m)
        with pytest.raises(WorkerCrash):
            outbox.deliver_due(factory, cfg)

    recovered = outbox.recover(factory, cfg)
    again = outbox.deliver_due(factory, cfg, now=outbox.utcnow() + timedelta(days=2))

    stored = row_of(factory, row.id)
    assert (recovered.held, again.sent, stored.status) == (1, 0, "held")
    assert f"paraf outbox release {row.id}" in stored.last_error
    assert len(smtp_server.messages) == 1
    with factory() as s:
        assert [r.id for r in outbox.listing(s, "held")] == [row.id]

    outbox.release(factory, row.id)
    assert outbox.deliver_due(factory, cfg).sent == 1
    assert len(smtp_server.messages) == 2          # the operator chose to send it again


def test_connection_lost_after_the_final_dot_is_held(factory, tmp_path, smtp_server):
    """GIVEN a server that keeps the message but drops the connection instead of replying
    WHEN the worker delivers, and later runs again
    THEN the outcome is uncertain, so the mail is held rather than retried."""
    cfg = make_cfg(tmp_path, smtp_server.url())
    row = queue_one(factory, cfg)
    smtp_server.drop_after_accepting()

    report = outbox.deliver_due(factory, cfg)
    later = outbox.deliver_due(factory, cfg, now=outbox.utcnow() + timedelta(days=2))

    stored = row_of(factory, row.id)
    assert (report.held, later.sent, stored.status) == (1, 0, "held")
    assert "before the server answered" in stored.last_error
    assert len(smtp_server.messages) == 1


def test_auth_with_the_password_from_config(factory, tmp_path):
    """GIVEN a server that requires AUTH and an smtp URL naming the user
    WHEN the worker delivers with the right password, and with a wrong one
    THEN the right one delivers as that user; the wrong one is a temporary error, not a
    failed mail."""
    with running_smtp_server("paraf", "rahasia-123") as server:
        good = make_cfg(tmp_path, server.url(), password="rahasia-123")
        bad = make_cfg(tmp_path, server.url(), password="salah")
        row = queue_one(factory, good)

        refused = outbox.deliver_due(factory, bad)
        stored = row_of(factory, row.id)
        assert (refused.retried, stored.status) == (1, "queued")
        assert "535" in stored.last_error

        delivered = outbox.deliver_due(factory, good, now=outbox.utcnow() + timedelta(hours=1))
        assert delivered.sent == 1
        assert [m.login for m in server.messages] == ["paraf"]


def test_file_transport_writes_eml_files(factory, tmp_path):
    """GIVEN smtp = "file://outbox/sent" (relative to the config file)
    WHEN two mails are delivered
    THEN each is written whole as <message-id>.eml, and the transport knows it was sent."""
    cfg = make_cfg(tmp_path, "file://outbox/sent")
    rows = [queue_one(factory, cfg, letter(f"Surat {n}")) for n in (1, 2)]

    assert outbox.deliver_due(factory, cfg).sent == 2

    transport = open_transport(cfg)
    for row in rows:
        path = transport.path_for(row.message_id)
        assert path.parent == tmp_path / "outbox" / "sent" and path.suffix == ".eml"
        assert path.read_bytes() == (cfg.outbox_path / row.spool_path).read_bytes()
        assert transport.already_sent(row.message_id) is True
    assert transport.already_sent("<never@example>") is False


def test_two_workers_never_send_the_same_mail(factory, tmp_path, smtp_server):
    """GIVEN ten queued mails
    WHEN two workers deliver at the same time
    THEN every mail reached the server exactly once."""
    cfg = make_cfg(tmp_path, smtp_server.url())
    ids = [queue_one(factory, cfg, letter(f"Surat {n}")).id for n in range(10)]
    reports, errors = [], []

    def work():
        try:
            reports.append(outbox.deliver_due(factory, cfg))
        except Exception as err:    # surfaced below; a thread cannot fail the test itself
            errors.append(err)
    workers = [threading.Thread(target=work) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)

    assert errors == []
    assert sum(r.sent for r in reports) == 10
    subjects = sorted(message_from_bytes(m.raw)["Subject"] for m in smtp_server.messages)
    assert subjects == sorted(f"Surat {n}" for n in range(10))
    with factory() as s:
        assert set(s.scalars(select(OutboxMail.status).where(OutboxMail.id.in_(ids)))) == {"sent"}


def test_a_planned_mail_waits_for_its_file_and_then_goes_once(factory, tmp_path, smtp_server):
    """GIVEN a row planned in a committed transaction whose text is spooled only afterwards
    (a receipt that carries the agenda number) WHEN the worker runs before the file is there
    THEN nothing is sent and nothing counts as a failed attempt; once the file is written
    the mail goes out once, as spooled."""
    cfg = make_cfg(tmp_path, smtp_server.url())
    t0 = outbox.utcnow()
    message_id = outbox.new_message_id(cfg)
    with transaction(factory) as s:
        row = outbox.enqueue(s, outbox.planned(message_id, ["budi@opd.example.go.id"],
                                               "Tanda terima 0001/KONS/ITDA/2026"),
                             kind="consult-receipt", now=t0)

    early = outbox.deliver_due(factory, cfg, now=t0)
    assert (early.sent, early.failed, early.retried) == (0, 0, 0)
    waiting = row_of(factory, row.id)
    assert (waiting.status, waiting.attempts, waiting.last_error) == ("queued", 0, None)
    assert smtp_server.messages == []

    msg = letter("Tanda terima 0001/KONS/ITDA/2026", bcc=None)
    msg["Message-ID"] = message_id
    assert outbox.spool(cfg, msg, t0).spool_path == row.spool_path
    assert outbox.deliver_due(factory, cfg, now=t0 + timedelta(minutes=2)).sent == 1
    assert outbox.deliver_due(factory, cfg, now=t0 + timedelta(minutes=4)).sent == 0
    (got,) = smtp_server.messages
    assert message_from_bytes(got.raw, policy=default_policy)["Message-ID"].strip() == message_id
    assert row_of(factory, row.id).attempts == 1


def test_a_planned_mail_whose_file_never_came_fails_with_the_reason(factory, tmp_path):
    cfg = make_cfg(tmp_path, "file://outbox/sent")
    t0 = outbox.utcnow() - outbox.SPOOL_WAIT - timedelta(minutes=1)
    with transaction(factory) as s:
        row = outbox.enqueue(s, outbox.planned(outbox.new_message_id(cfg), ["a@b.go.id"], "x"),
                             kind="consult-receipt", now=t0)
    assert outbox.deliver_due(factory, cfg).failed == 1
    stored = row_of(factory, row.id)
    assert stored.status == "failed" and "spool file missing" in stored.last_error
