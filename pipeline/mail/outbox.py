# SPDX-License-Identifier: AGPL-3.0-or-later
"""The outbox: outgoing mail is spooled and recorded first, then sent by the worker.

`queue` writes the message to outbox/spool and adds a row in the caller's transaction, so a
receipt exists exactly when the registration that caused it does. A busy page can do the two
halves apart: `spool` before its transaction, outside the write lock, then `enqueue` in it; or,
when the text depends on what the transaction decides (an agenda number), `enqueue` a planned
row in it and `spool` right after the commit: a row whose file is not there yet is not due, and
the file's owner writes it again if the process stopped in between. `deliver_due` moves a row
queued -> sending (committed) -> sent, one short transaction each side of the SMTP conversation:
a crash after the server accepted a message leaves it in `sending`, and `recover` then sends it
again only if the transport can prove it did not leave. When nobody can know, the row is `held`
for a person to check, because a citizen receiving a letter twice is worse than a short delay.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.core import wake
from pipeline.core.db import transaction, utc
from pipeline.core.errors import NotFound, ParafError
from pipeline.core.models import OutboxMail
from pipeline.core.store import atomic_write
from pipeline.mail import headers
from pipeline.mail.transport import Transport, TransportError, open_transport, safe_name

MAX_BACKOFF = timedelta(days=1)
SPOOL_WAIT = timedelta(hours=1)    # how long a planned row waits for its file before it fails
UNCERTAIN = ("delivery uncertain after an interruption: check the recipient's mailbox, "
             "then 'paraf outbox release {id}' to send again")
STATUSES = ("queued", "sending", "sent", "failed", "held")


class OutboxError(ParafError):
    """An outbox operation that cannot be done as asked; the message says why."""


@dataclass
class DeliveryReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    held: int = 0


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def recipients(message: EmailMessage) -> list[str]:
    """To + Cc + Bcc, each address once, in order."""
    fields = [str(v) for name in ("To", "Cc", "Bcc") for v in message.get_all(name, [])]
    seen: dict[str, str] = {}
    for _name, addr in getaddresses(fields):
        if addr and "@" in addr:
            seen.setdefault(addr.lower(), addr)
    return list(seen.values())


@dataclass(frozen=True)
class Spooled:
    """A message written to outbox/spool and not yet recorded: `enqueue` makes it mail."""
    message_id: str
    to_addrs: list[str]
    subject: str
    spool_path: str
    written: bool = True             # False: planned, its writer wakes the outbox after it


def new_message_id(cfg) -> str:
    return make_msgid(domain=cfg.office.email.rpartition("@")[2] or None)


def spool_path(message_id: str) -> str:
    return f"spool/{safe_name(message_id)}.eml"


def planned(message_id: str, to_addrs: list[str], subject: str) -> Spooled:
    """A mail to be spooled after the commit that records it (see the module's notes)."""
    return Spooled(message_id, to_addrs, subject, spool_path(message_id), written=False)


def spool(cfg, message: EmailMessage, now: datetime | None = None) -> Spooled:
    """Write MESSAGE to outbox/spool, durably, without touching the database.

    Message-ID, Date and From are filled in when missing (on MESSAGE itself, so the caller can
    read them); Bcc stays in the envelope only. A spool file no row points to is inert, so this
    can run before the transaction that records it, outside any lock.
    """
    now = utc(now) or utcnow()
    if message["Message-ID"] is None:
        message["Message-ID"] = new_message_id(cfg)
    if message["Date"] is None:
        message["Date"] = format_datetime(now)
    if message["From"] is None:
        user, _, domain = cfg.office.email.partition("@")
        message["From"] = Address(cfg.office.name, user, domain)
    message_id = str(message["Message-ID"]).strip()
    to_addrs = recipients(message)
    if not to_addrs:
        raise OutboxError(f"mail {message_id} has no recipient in To, Cc or Bcc")
    relative = spool_path(message_id)
    bcc = message.get_all("Bcc", [])
    del message["Bcc"]
    try:
        raw = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
        headers.check(message, raw)                 # the one guard every outgoing mail passes
    except headers.HeaderError as err:
        raise OutboxError(f"mail {message_id} refused: {err}") from err
    finally:
        for value in bcc:
            message["Bcc"] = value
    try:
        atomic_write(cfg.outbox_path / relative, raw)
    except OSError as err:
        raise OutboxError(f"cannot spool mail {message_id} to {cfg.outbox_path}: {err}") from err
    return Spooled(message_id, to_addrs, str(message["Subject"] or ""), relative)


def once_key(entry_id: int | None, purpose: str, step: object = None) -> str:
    """The key of a mail that must go once: one per (case, purpose, step). A long STEP (a
    Message-ID) is replaced by its hash, so the key fits its column."""
    part = "-" if step is None else str(step)
    if len(part) > 64:
        part = hashlib.sha256(part.encode()).hexdigest()[:40]
    return f"{entry_id if entry_id is not None else '-'}:{purpose[:60]}:{part}"


def planned_once(session: Session, key: str | None) -> OutboxMail | None:
    """The mail already planned under KEY, if any (seen by this transaction)."""
    if key is None:
        return None
    return session.scalar(select(OutboxMail).where(OutboxMail.once_key == key))


def enqueue(session: Session, spooled: Spooled, *, kind: str, entry_id: int | None = None,
            entry=None, now: datetime | None = None, once: str | None = None) -> OutboxMail:
    """Add the row for SPOOLED to SESSION; the caller's commit is what queues it. ENTRY may
    be given instead of ENTRY_ID for a case not yet flushed. ONCE (see `once_key`) makes a
    second mail for the same purpose impossible: a concurrent transaction planning it too
    fails on the unique key and rolls back with everything it decided."""
    now = utc(now) or utcnow()
    row = OutboxMail(message_id=spooled.message_id, entry_id=entry_id, kind=kind,
                     to_addrs=spooled.to_addrs, subject=spooled.subject,
                     spool_path=spooled.spool_path, status="queued", attempts=0,
                     next_attempt_at=now, created_at=now, once_key=once)
    if entry is not None:
        row.entry = entry
    session.add(row)
    if spooled.written:
        wake.after_commit(session, wake.OUTBOX)      # send it right after the commit
    return row


def queue(session: Session, cfg, message: EmailMessage, *, kind: str,
          entry_id: int | None, now: datetime | None = None,
          once: str | None = None) -> OutboxMail:
    """Spool MESSAGE and add its row to SESSION: a receipt exists exactly when the
    registration that caused it does. With ONCE, a mail already planned for that purpose is
    returned instead of a second one."""
    already = planned_once(session, once)
    if already is not None:
        return already
    given = message["Message-ID"]
    if given is not None and session.scalar(select(OutboxMail.id).where(
            OutboxMail.message_id == str(given).strip())):
        raise OutboxError(f"mail {str(given).strip()} is already in the outbox")
    return enqueue(session, spool(cfg, message, now), kind=kind, entry_id=entry_id, now=now,
                   once=once)


def _claim(factory: sessionmaker[Session], now: datetime, skip: set[int]) -> OutboxMail | None:
    """Take the oldest due row: queued -> sending, committed before any byte goes out.

    The state is read under a row lock (SKIP LOCKED on PostgreSQL; SQLite's BEGIN IMMEDIATE
    serializes writers), so two workers never take the same row.
    """
    with transaction(factory) as s:
        query = (select(OutboxMail)
                 .where(OutboxMail.status == "queued", OutboxMail.next_attempt_at <= now)
                 .order_by(OutboxMail.id).limit(1)
                 .with_for_update(skip_locked=True))
        if skip:
            query = query.where(OutboxMail.id.not_in(skip))
        row = s.scalar(query)
        if row is None:
            return None
        row.status = "sending"
        row.attempts += 1
        row.next_attempt_at = utcnow()      # while sending: when it was claimed
        return row


def _record_sent(factory: sessionmaker[Session], outbox_id: int, note: str | None) -> None:
    with transaction(factory) as s:
        row = s.get(OutboxMail, outbox_id)
        row.status, row.sent_at, row.last_error = "sent", utcnow(), note


def _record_failure(factory: sessionmaker[Session], cfg, outbox_id: int, err: TransportError,
                    now: datetime, report: DeliveryReport) -> None:
    with transaction(factory) as s:
        row = s.get(OutboxMail, outbox_id)
        row.last_error = str(err)
        if err.temporary and row.attempts < cfg.outbox.max_attempts:
            delay = timedelta(seconds=cfg.outbox.retry_base_seconds * 2 ** (row.attempts - 1))
            row.status, row.next_attempt_at = "queued", now + min(delay, MAX_BACKOFF)
            report.retried += 1
        else:
            if err.temporary:
                row.last_error = f"gave up after {row.attempts} attempts: {err}"
            row.status = "failed"
            report.failed += 1


def _not_yet(factory: sessionmaker[Session], outbox_id: int, now: datetime) -> None:
    with transaction(factory) as s:
        row = s.get(OutboxMail, outbox_id)
        row.status, row.attempts = "queued", row.attempts - 1
        row.next_attempt_at = now + timedelta(minutes=1)


def _hold(factory: sessionmaker[Session], outbox_id: int, reason: str) -> None:
    with transaction(factory) as s:
        row = s.get(OutboxMail, outbox_id)
        row.status = "held"
        row.last_error = f"{reason}: " + UNCERTAIN.format(id=outbox_id)


def deliver_due(factory: sessionmaker[Session], cfg, now: datetime | None = None,
                limit: int = 100, transport: Transport | None = None) -> DeliveryReport:
    """Send up to LIMIT due messages over one connection; each row is tried once per call."""
    now = utc(now) or utcnow()
    report = DeliveryReport()
    own = transport is None
    transport = transport or open_transport(cfg)
    done: set[int] = set()
    try:
        while len(done) < limit:
            row = _claim(factory, now, done)
            if row is None:
                break
            done.add(row.id)
            try:
                raw = (cfg.outbox_path / row.spool_path).read_bytes()
            except FileNotFoundError as err:
                if utc(row.created_at) > now - SPOOL_WAIT:       # planned, not written yet
                    _not_yet(factory, row.id, now)
                    continue
                failure = TransportError(f"spool file missing: {err}", temporary=False)
                _record_failure(factory, cfg, row.id, failure, now, report)
                continue
            except OSError as err:
                failure = TransportError(f"spool file unreadable: {err}", temporary=False)
                _record_failure(factory, cfg, row.id, failure, now, report)
                continue
            try:
                refused = transport.send(raw, cfg.office.email, list(row.to_addrs))
            except TransportError as err:
                if err.uncertain:
                    _settle_uncertain(factory, cfg, transport, row, err, now, report)
                else:
                    _record_failure(factory, cfg, row.id, err, now, report)
                continue
            note = ("refused by the server: " + "; ".join(f"{a}: {r}" for a, r in refused.items())
                    if refused else None)
            _record_sent(factory, row.id, note)
            report.sent += 1
    finally:
        if own:
            transport.close()
    return report


def _settle_uncertain(factory, cfg, transport: Transport, row: OutboxMail, err: TransportError,
                      now: datetime, report: DeliveryReport) -> None:
    """The server may have the message: believe only the transport's own evidence."""
    known = transport.already_sent(row.message_id)
    if known:
        _record_sent(factory, row.id, None)
        report.sent += 1
    elif known is False:
        _record_failure(factory, cfg, row.id, err, now, report)
    else:
        _hold(factory, row.id, str(err))
        report.held += 1


def recover(factory: sessionmaker[Session], cfg, transport: Transport | None = None,
            stale_after: timedelta = timedelta(0)) -> DeliveryReport:
    """Settle rows a crash left in `sending`; call at worker start, before `deliver_due`.

    Only rows claimed more than STALE_AFTER ago are touched, so several workers can share a
    database by giving a grace longer than a send can take.
    """
    report = DeliveryReport()
    own = transport is None
    transport = transport or open_transport(cfg)
    cutoff = utcnow() - stale_after
    try:
        with factory() as s:
            ids = s.scalars(select(OutboxMail.id)
                            .where(OutboxMail.status == "sending",
                                   OutboxMail.next_attempt_at <= cutoff)
                            .order_by(OutboxMail.id)).all()
        for outbox_id in ids:
            with transaction(factory) as s:
                row = s.scalar(select(OutboxMail).where(OutboxMail.id == outbox_id,
                                                        OutboxMail.status == "sending")
                               .with_for_update(skip_locked=True))
                if row is None:
                    continue
                known = transport.already_sent(row.message_id)
                if known:
                    row.status, row.sent_at = "sent", utcnow()
                    report.sent += 1
                elif known is False:
                    row.status, row.next_attempt_at = "queued", utcnow()
                    report.retried += 1
                else:
                    row.status = "held"
                    row.last_error = UNCERTAIN.format(id=row.id)
                    report.held += 1
    finally:
        if own:
            transport.close()
    return report


def release(factory: sessionmaker[Session], outbox_id: int) -> OutboxMail:
    """An operator's decision to send a held or failed mail (again): back to queued, fresh count."""
    with transaction(factory) as s:
        row = s.scalar(select(OutboxMail).where(OutboxMail.id == outbox_id).with_for_update())
        if row is None:
            raise NotFound(f"no outgoing mail with id {outbox_id}")
        if row.status not in ("held", "failed"):
            raise OutboxError(f"mail {outbox_id} is {row.status}; only held or failed mail "
                              f"can be released")
        row.status, row.attempts, row.next_attempt_at = "queued", 0, utcnow()
        return row


def listing(session: Session, status: str | None = None) -> list[OutboxMail]:
    """Outgoing mail, oldest first, optionally of one status."""
    if status is not None and status not in STATUSES:
        raise OutboxError(f"unknown status '{status}'; use one of {', '.join(STATUSES)}")
    query = select(OutboxMail).order_by(OutboxMail.id)
    if status is not None:
        query = query.where(OutboxMail.status == status)
    return list(session.scalars(query))
