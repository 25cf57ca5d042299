# SPDX-License-Identifier: AGPL-3.0-or-later
"""The database: one case model for every channel, and the ledgers that make intake idempotent.

An `AgendaEntry` is one consultation case, whether it came as a letter by e-mail, from the web
form or from a visitor at the desk (`channel`). Its `status` moves only through `states.py`, and
every move is an `Event` in a per-entry hash chain. Messages, attachments and outgoing mail keep
their raw bytes on disk (content-addressed) and their facts here.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from pipeline.core import reasons
from pipeline.core.searchtext import on_insert, on_update


class Base(DeclarativeBase):
    type_annotation_map = {datetime: DateTime(timezone=True), dict: JSON, list: JSON}


class AgendaEntry(Base):
    """One case in the incoming agenda book (buku agenda surat masuk / konsultasi)."""
    __tablename__ = "agenda_entries"
    __table_args__ = (UniqueConstraint("book", "agenda_year", "agenda_seq"),
                      # the clerk's books: newest first within a book, by status or channel
                      Index("ix_agenda_entries_book_received", "book", "received_at", "id"),
                      Index("ix_agenda_entries_book_status_received", "book", "status",
                            "received_at"),
                      Index("ix_agenda_entries_book_channel_received", "book", "channel",
                            "received_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), default="letter")
    book: Mapped[str] = mapped_column(String(16), default="incoming")
    status: Mapped[str] = mapped_column(String(16), index=True)
    agenda_no: Mapped[str | None] = mapped_column(String(64), unique=True)
    agenda_year: Mapped[int | None]
    agenda_seq: Mapped[int | None]
    received_at: Mapped[datetime] = mapped_column(index=True)
    registered_at: Mapped[datetime | None]
    due_on: Mapped[date | None] = mapped_column(Date)
    sender_email: Mapped[str | None] = mapped_column(String(320), index=True)
    sender_name: Mapped[str | None] = mapped_column(String(320))
    requester: Mapped[dict | None]          # web / walk-in: name, institution, position, phone
    opd_code: Mapped[str | None] = mapped_column(String(64), index=True)
    opd_name: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    letter: Mapped[dict | None]             # the fields read, keys as `paraf extract --json`
    letter_meta: Mapped[dict | None]        # format, provenance, which attachment and why
    letter_nomor: Mapped[str | None] = mapped_column(String(128), index=True)
    letter_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    missing: Mapped[list | None]
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_entries.id"))
    reason: Mapped[str | None] = mapped_column(Text)       # as a user reads it (Indonesian)
    reason_code: Mapped[str | None] = mapped_column(String(64))   # core/messages.py catalogue
    reason_params: Mapped[dict | None] = mapped_column(JSON)
    checks: Mapped[list | None]             # which intake rules hit, for `paraf rules explain`
    consultation: Mapped[dict | None]       # web / walk-in: bidang, wilayah, purpose, answer
    tracking_hash: Mapped[str | None] = mapped_column(String(64), unique=True)  # sha256(code)
    event_head: Mapped[str | None] = mapped_column(String(64))
    # lowercased subject, letter fields, sender and numbers: what the book's search looks in
    # (kept current by pipeline.books.search on every flush; FTS5 / pg_trgm index from 0005)
    search_text: Mapped[str | None] = mapped_column(Text)

    duplicate_of: Mapped[AgendaEntry | None] = relationship(remote_side=[id])
    events: Mapped[list[Event]] = relationship(back_populates="entry", order_by="Event.id")
    messages: Mapped[list[InboundMessage]] = relationship(back_populates="entry",
                                                          order_by="InboundMessage.id")
    attachments: Mapped[list[Attachment]] = relationship(back_populates="entry",
                                                         order_by="Attachment.id")
    steps: Mapped[list[Step]] = relationship(order_by="Step.id", viewonly=True)


class Event(Base):
    """An append-only record of one state change; `hash` chains it to the entry's previous one.

    Events without an entry (accounts, logins, rule changes) form the office's own chain.
    """
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_entries.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(320))
    at: Mapped[datetime]
    message_id: Mapped[str | None] = mapped_column(String(998))
    data: Mapped[dict | None]
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    entry: Mapped[AgendaEntry] = relationship(back_populates="events")


class InboundMessage(Base):
    """Every message that arrived, once per distinct content, whatever became of it."""
    __tablename__ = "inbound_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(512))
    source_ref: Mapped[str | None] = mapped_column(String(512))
    from_addr: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    received_at: Mapped[datetime]
    size: Mapped[int] = mapped_column(BigInteger)
    raw_path: Mapped[str] = mapped_column(String(512))
    outcome: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_entries.id"), index=True)

    entry: Mapped[AgendaEntry | None] = relationship(back_populates="messages")


class Attachment(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("inbound_messages.id"), index=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_entries.id"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    path: Mapped[str] = mapped_column(String(512))
    role: Mapped[str] = mapped_column(String(16))        # letter | appendix | refused
    refused_reason: Mapped[str | None] = mapped_column(Text)
    refused_code: Mapped[str | None] = mapped_column(String(64))
    refused_params: Mapped[dict | None] = mapped_column(JSON)

    entry: Mapped[AgendaEntry | None] = relationship(back_populates="attachments")


class MailboxPosition(Base):
    """Where intake stopped in one folder; UIDVALIDITY is part of the position."""
    __tablename__ = "mailbox_positions"

    folder: Mapped[str] = mapped_column(String(512), primary_key=True)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime]


class IntakeTry(Base):
    """A message whose handling began and has not ended (the worker died, a child process was
    killed): after `intake.tries.LIMIT` such tries it is recorded `failed`, so one poison
    message cannot block the queue. Transient faults (disk full, database away) do not count."""
    __tablename__ = "intake_tries"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime]


class Counter(Base):
    """Per-year number sequences (incoming agenda, outgoing letters); bumped inside the
    transaction that uses the number, so a rollback gives the number back and none is skipped."""
    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class OutboxMail(Base):
    """One outgoing message: spooled to outbox/ and recorded here before any SMTP attempt."""
    __tablename__ = "outbox_mail"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(998), unique=True)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_entries.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    to_addrs: Mapped[list]
    subject: Mapped[str] = mapped_column(Text)
    spool_path: Mapped[str] = mapped_column(String(512))
    status: Mapped[str] = mapped_column(String(16), index=True)  # queued|sending|sent|failed|held
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    # What this mail is for, as "entry:purpose:step": a second mail for the same purpose (two
    # workers, a retried job) breaks this key and rolls its transaction back. NULL = no limit.
    once_key: Mapped[str | None] = mapped_column(String(200), unique=True, index=True)
    entry: Mapped[AgendaEntry | None] = relationship()


class Disposition(Base):
    """The Inspector's instruction assigning a case to an official (lembar disposisi)."""
    __tablename__ = "dispositions"
    __table_args__ = (Index("ix_dispositions_assignee_entry", "assignee", "entry_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("agenda_entries.id"), index=True)
    assignee: Mapped[str] = mapped_column(String(64))          # official code
    chain: Mapped[list]                                         # official codes, in order
    rule: Mapped[str | None] = mapped_column(String(128))
    trail: Mapped[list | None]                                  # why the rule matched
    instructions: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(320))
    decided_at: Mapped[datetime]


class DraftRevision(Base):
    """One version of the written answer; every reply with answers or a DOCX makes a new one."""
    __tablename__ = "draft_revisions"
    __table_args__ = (UniqueConstraint("entry_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("agenda_entries.id"), index=True)
    number: Mapped[int]
    author: Mapped[str] = mapped_column(String(320))
    source: Mapped[str] = mapped_column(String(16))            # template | text | docx | web
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(512))
    answers: Mapped[list | None]
    message_id: Mapped[str | None] = mapped_column(String(998))
    created_at: Mapped[datetime]


class Step(Base):
    """A hand-over waiting for one person: dispose, draft or initial one revision.

    Its e-mail carries a token bound to this step, revision and stage; a reply counts only
    while the step is open, from its official, once.
    """
    __tablename__ = "steps"
    # One open step per hand-over: a second worker opening the same one fails and rolls back.
    __table_args__ = (Index("uq_steps_open_handover", "entry_id", "kind", "revision", "stage",
                            unique=True, sqlite_where=text("status = 'open'"),
                            postgresql_where=text("status = 'open'")),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("agenda_entries.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))              # disposition | drafting | paraf
    official: Mapped[str] = mapped_column(String(64), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), index=True)  # open | done | superseded
    outcome: Mapped[str | None] = mapped_column(String(16))    # approved | returned | revised...
    notes: Mapped[str | None] = mapped_column(Text)
    opened_at: Mapped[datetime]
    due_at: Mapped[datetime] = mapped_column(index=True)
    closed_at: Mapped[datetime | None]
    mail_message_id: Mapped[str | None] = mapped_column(String(998))
    reply_message_id: Mapped[str | None] = mapped_column(String(998))
    reminded_at: Mapped[datetime | None]
    escalated_at: Mapped[datetime | None]
    on_behalf_of: Mapped[str | None] = mapped_column(String(64))   # absent official (away.py)
    entry: Mapped[AgendaEntry] = relationship()


class OutgoingLetter(Base):
    """A signed answer in the outgoing agenda book: its number, its signed PDF, its mail."""
    __tablename__ = "outgoing_letters"
    __table_args__ = (UniqueConstraint("year", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("agenda_entries.id"), unique=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    year: Mapped[int]
    seq: Mapped[int]
    signed_at: Mapped[datetime]
    signed_by: Mapped[str] = mapped_column(String(64))
    signed_as: Mapped[str | None] = mapped_column(String(8))    # None | "plt" | "an"
    revision: Mapped[int]
    pdf_sha256: Mapped[str] = mapped_column(String(64), index=True)
    pdf_path: Mapped[str] = mapped_column(String(512))
    verification_code: Mapped[str] = mapped_column(String(32), unique=True)
    mail_message_id: Mapped[str | None] = mapped_column(String(998))
    # Long-term validity (PAdES B-B, B-T, B-LT, B-LTA) of the archive copy, which may carry
    # timestamps added after the mail went out; the mailed file (pdf_*) never changes.
    pades_level: Mapped[str | None] = mapped_column(String(8), index=True)
    archive_sha256: Mapped[str | None] = mapped_column(String(64))
    archive_path: Mapped[str | None] = mapped_column(String(512))
    archived_at: Mapped[datetime | None]


class User(Base):
    """A staff account for the web pages; `official` links it to rules/officials.toml."""
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(16))        # clerk | official | inspector | admin
    official: Mapped[str | None] = mapped_column(String(64))
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(default=True)
    must_change: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    password_changed_at: Mapped[datetime]


class WebSession(Base):
    """A signed-in browser; the cookie holds a random token, only its SHA-256 is stored."""
    __tablename__ = "web_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class PendingRequest(Base):
    """A web request from an address not yet confirmed: it enters the agenda once the link
    mailed to that address is followed; its files are already in the content store."""
    __tablename__ = "pending_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(320), index=True)
    payload: Mapped[dict]
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_entries.id"))


class RateHit(Base):
    """One counted action (a form submission, a failed login) for rate limits."""
    __tablename__ = "rate_hits"
    __table_args__ = (Index("ix_rate_hits_lookup", "bucket", "key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bucket: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(320))
    at: Mapped[datetime]


event.listen(AgendaEntry, "before_insert", on_insert)     # keeps search_text current
event.listen(AgendaEntry, "before_update", on_update)
reasons.listen(AgendaEntry, "reason", "reason_code", "reason_params")
reasons.listen(Attachment, "refused_reason", "refused_code", "refused_params")


class Heartbeat(Base):
    """When a worker job last completed, by name ("intake", "replies"): `paraf status` and
    /metrics read it from another process to tell a stalled worker from a quiet mailbox."""
    __tablename__ = "heartbeats"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    at: Mapped[datetime]
    detail: Mapped[dict | None]
