# SPDX-License-Identifier: AGPL-3.0-or-later
"""One message through the pipeline, exactly once: store → parse → read → decide → register.

The raw bytes are stored (content-addressed, fsynced) before anything else. The content hash
and the Message-ID are checked before any work and again inside the write transaction, so a
message seen twice (a crash before the IMAP move, a UIDVALIDITY reset, a second worker) is
never registered twice. Anything that goes wrong becomes a `failed` entry with its reason;
the only exception that escapes is the database being unreachable, and then nothing was
recorded and the message stays where it is for the next pass.
"""
from __future__ import annotations

import dataclasses
import hashlib
import html
import logging
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from pipeline import letter as letters
from pipeline.consult import complaint_mail
from pipeline.core import senderauth, states
from pipeline.core.config import Config
from pipeline.core.db import transaction
from pipeline.core.errors import Transient
from pipeline.core.models import AgendaEntry, Attachment, InboundMessage, OutboxMail
from pipeline.core.rules import Rules
from pipeline.core.store import ContentStore
from pipeline.intake import tries, unzip
from pipeline.intake.chain import decide
from pipeline.intake.checks import Intake, Prior
from pipeline.intake.checks.auto_reply import machine
from pipeline.intake.followup import follows_up as _follows_up, link as _link_follow_up
from pipeline.intake.identify import identify
from pipeline.intake.parse import ParsedMessage, Unparseable, parse
from pipeline.intake.register import ACTOR, Registrar
from pipeline.intake.status_answer import StatusDesk

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outcome:
    status: str            # what the message became: registered, incomplete, ..., known
    settle: str            # where the source should put it: "processed" or "failed"
    entry_id: int | None = None
    agenda_no: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class LetterFound:
    reading: object | None
    filename: str | None
    why: str
    refused: tuple[tuple[str, str], ...]
    sha256: str | None
    aside: tuple = ()      # (original part, reason): refused or cleaned files, kept as evidence
    seconds: float = 0.0            # how long reading took (OCR included), for /metrics


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def html_to_text(markup: str) -> str:
    text = re.sub(r"(?is)<(script|style).*?</\1>", " ", markup)
    text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>", "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


class Consumer:
    def __init__(self, cfg: Config, factory: sessionmaker[Session], rules: Rules,
                 clock: Callable[[], datetime] = utcnow, workflow=None):
        self.cfg, self.factory, self.rules, self.clock = cfg, factory, rules, clock
        self.workflow = workflow
        self.store = ContentStore(cfg.data_path)
        self.registrar = Registrar(cfg, rules)
        lim = cfg.limits
        self.letter_limits = letters.Limits(
            max_bytes=lim.max_attachment_bytes, max_pages=lim.max_pages,
            max_decompressed=lim.max_decompressed_bytes, seconds=lim.seconds_per_document,
            memory_mb=lim.memory_mb)
        self.opd_names = [o.name for o in rules.opds]
        self.trust = senderauth.Trust.from_config(cfg.workflow)
        self.status = StatusDesk(cfg, rules, self.trust,
                                 getattr(workflow, "officials", ()) if workflow else ())

    # -- the one entry point ------------------------------------------------------------------
    def consume(self, raw: bytes, *, source: str, ref: str | None = None) -> Outcome:
        digest, path = self.store.put(raw, "raw")
        with transaction(self.factory) as session:
            known = _known(session, digest)
        if known:
            return known
        now = self.clock()
        earlier, last_error = tries.begin(self.factory, digest, now)
        if earlier >= self.cfg.mailbox.poison_tries:    # it must not block the queue
            return self._fail(digest, path, raw, source, ref, now,
                              tries.poison_reason(earlier, last_error),
                              _headers(raw, self.cfg.limits))
        try:
            parsed = parse(raw, self.cfg.limits)
        except Unparseable as err:
            return self._fail(digest, path, raw, source, ref, now, str(err), err.partial)
        try:
            parsed, found = self._read_letter(parsed)
            with transaction(self.factory) as session:
                tries.end(session, digest)
                return self._record(session, parsed, found, digest, path, raw, source, ref, now)
        except IntegrityError as err:
            with transaction(self.factory) as session:
                known = _known(session, digest)
            if known:                    # another worker recorded it first
                return known
            try:                         # ...or another copy of it: decide again, seeing that
                with transaction(self.factory) as session:
                    tries.end(session, digest)
                    return self._record(session, parsed, found, digest, path, raw, source,
                                        ref, now)
            except IntegrityError:
                pass
            return self._fail(digest, path, raw, source, ref, now,
                              f"could not be recorded: {err.orig}", parsed)
        except Exception as err:         # one bad message must never stop the worker
            if tries.is_transient(err):  # ...nor a full disk fail it: leave it for later
                tries.after_fault(self.factory, digest, err)
                if isinstance(err, OperationalError):
                    raise
                raise Transient(f"{type(err).__name__}: {err}") from err
            log.exception("message %s failed", parsed.message_id)
            return self._fail(digest, path, raw, source, ref, now,
                              f"{type(err).__name__}: {err}", parsed)

    # -- reading ------------------------------------------------------------------------------
    def _read_letter(self, parsed: ParsedMessage) -> tuple[ParsedMessage, LetterFound]:
        """Files with active content are set aside first: nothing after this sees them."""
        started = time.monotonic()
        opened, closed = unzip.expand(parsed.attachments, self.letter_limits,
                                      self.cfg.limits.max_parts)
        safe, aside = letters.screen(opened, self.letter_limits)
        parsed = dataclasses.replace(parsed, attachments=tuple(safe))
        body = parsed.text or html_to_text(parsed.html)
        choice = letters.choose_letter(
            [(p.filename, p.content_type, p.payload) for p in parsed.attachments], body,
            limits=self.letter_limits, opd_names=self.opd_names)
        sha = None
        if choice.reading is not None:
            chosen = next((p for p in parsed.attachments if p.filename == choice.filename), None)
            data = chosen.payload if chosen else " ".join(body.split()).encode()
            sha = hashlib.sha256(data).hexdigest()
        kept = {p.filename for p in parsed.attachments}
        refused = [(p.filename, why) for p, why in aside if p.filename not in kept]
        refused += [(name, why) for name, why in closed if name not in dict(refused)]
        return parsed, LetterFound(choice.reading, choice.filename, choice.why,
                                   tuple(refused + choice.refused), sha, tuple(aside),
                                   round(time.monotonic() - started, 3))

    # -- recording ----------------------------------------------------------------------------
    def _record(self, session, parsed, found, digest, path, raw, source, ref, now) -> Outcome:
        known = _known(session, digest)
        if known:
            return known
        message = InboundMessage(
            sha256=digest, message_id=parsed.message_id, in_reply_to=" ".join(parsed.thread_ids)
            or None, source=source, source_ref=ref, from_addr=parsed.from_addr,
            subject=parsed.subject, sent_at=parsed.sent_at, received_at=now, size=len(raw),
            raw_path=self.store.relative(path), outcome="new")
        session.add(message)
        same_id = _by_message_id(session, parsed.message_id)
        if same_id is not None:          # the same message delivered again, bytes changed:
            return self._link(session, message, same_id, now, "redelivered", parsed,  # once
                              found)
        if self.workflow is not None:             # a reply to a disposition, draft or paraf
            refused = tuple((p.filename, why) for p, why in found.aside
                            if p.filename not in {a.filename for a in parsed.attachments})
            acted = self.workflow.reply(session, parsed, message, now, refused)
            if acted is not None:
                status, entry, reason = acted
                session.flush()
                message.outcome, message.error = status, reason
                if entry is not None:
                    message.entry_id = entry.id
                    self._keep_attachments(session, message, entry, parsed, None, found.aside)
                return Outcome(status, "processed", entry.id if entry else None,
                               entry.agenda_no if entry else None, reason)
        threaded = _thread_entry(session, parsed.thread_ids)
        filed = complaint_mail.by_mail(self.workflow, session, parsed, threaded, now) \
            if threaded is not None and self.workflow is not None else None
        if filed is not None:                    # PENGADUAN: in a case's thread (issue 20)
            status, reason, entry = filed
            message.entry_id, message.outcome, message.error = entry.id, status, reason
            return Outcome(status, "processed", entry.id, entry.agenda_no, reason)
        ask = self.status.recognise(parsed, threaded)
        if ask is not None:                       # "where is our letter?": never a new case
            status, entry, reason = self.status.answer(session, parsed, message, ask,
                                                       threaded, now)
            message.outcome, message.error = status, reason
            message.entry_id = entry.id if entry is not None else None
            return Outcome(status, "processed", message.entry_id,
                           entry.agenda_no if entry else None, reason)
        reading = found.reading
        who = identify(self.rules.opds, parsed.from_addr,
                       getattr(reading, "pengirim", None) if reading else None,
                       shared=tuple(self.cfg.workflow.shared_domains))

        follows = None
        if threaded is not None and _follows_up(threaded, reading):
            follows, threaded = threaded, None       # a new letter, booked on its own
        elif threaded is not None and not _completes(threaded, parsed, who):
            return self._link(session, message, threaded, now, "linked", parsed, found)
        entry = threaded or AgendaEntry(channel="letter", book="incoming", received_at=now,
                                        status=states.Status.NEW.value)
        prior = _prior(session, entry, who, reading, found.sha256)
        verdict = decide(Intake(parsed, reading, found.filename, found.refused, who,
                                _as_prior(prior, found.sha256),
                                senderauth.check(parsed.trace, parsed.from_addr, self.trust)))
        if threaded is not None and verdict.action in ("quarantine", "reject"):
            # What would have completed the case cannot be taken (its file refused, its
            # sender not proven): it is held on its own, and the incomplete case stays as it
            # was, still waiting for the letter.
            states.note(threaded, "linked", actor=ACTOR, at=now, message_id=parsed.message_id,
                        data={"how": "completion_held", "reason": verdict.reason})
            threaded = None
            entry = AgendaEntry(channel="letter", book="incoming", received_at=now,
                                status=states.Status.NEW.value)
        if threaded is None:
            session.add(entry)
        entry.sender_email = parsed.from_addr
        entry.sender_name = parsed.from_name
        entry.subject = entry.subject or parsed.subject
        entry.message_id = entry.message_id or parsed.message_id
        if who.opd:
            entry.opd_code, entry.opd_name = who.opd.code, who.opd.name
        if reading is not None:
            entry.letter = reading.to_json()
            entry.letter_meta = {**reading.meta(), "attachment": found.filename,
                                 "why": found.why, "read_seconds": found.seconds}
            entry.letter_nomor, entry.letter_sha256 = reading.nomor, found.sha256
        session.flush()
        self.registrar.apply(session, entry, verdict, now, message_id=parsed.message_id,
                             references=parsed.references, original=prior)
        self._keep_attachments(session, message, entry, parsed, found, found.aside)
        if follows is not None:
            _link_follow_up(entry, follows, now, parsed.message_id)
        message.entry_id = entry.id
        message.outcome = "completed" if threaded is not None else entry.status
        return Outcome(entry.status, "processed", entry.id, entry.agenda_no, verdict.reason)

    def _link(self, session, message, entry, now, how, parsed, found) -> Outcome:
        message.entry_id, message.outcome = entry.id, how
        states.note(entry, "linked", actor=parsed.from_addr or ACTOR, at=now,
                    message_id=parsed.message_id, data={"how": how, "subject": parsed.subject})
        self._keep_attachments(session, message, entry, parsed, None, found.aside)
        return Outcome(how, "processed", entry.id, entry.agenda_no)

    def _keep_attachments(self, session, message, entry, parsed, found, aside=()) -> None:
        session.flush()
        refused = dict(found.refused) if found else {}
        for part, why in aside:                  # evidence: stored, listed, never served
            digest, path = self.store.put(part.payload, "att")
            session.add(Attachment(
                message_pk=message.id, entry_id=entry.id if entry else None,
                filename=part.filename, content_type=part.content_type, size=len(part.payload),
                sha256=digest, path=self.store.relative(path), role="refused",
                refused_reason=why))
        for part in parsed.attachments:
            digest, path = self.store.put(part.payload, "att")
            role = ("letter" if found and part.filename == found.filename else
                    "refused" if part.filename in refused else "appendix")
            session.add(Attachment(
                message_pk=message.id, entry_id=entry.id if entry else None,
                filename=part.filename, content_type=part.content_type, size=len(part.payload),
                sha256=digest, path=self.store.relative(path), role=role,
                refused_reason=refused.get(part.filename)))

    def _fail(self, digest, path, raw, source, ref, now, reason, parsed) -> Outcome:
        with transaction(self.factory) as session:
            known = _known(session, digest)
            if known:
                return known
            tries.end(session, digest)
            entry = AgendaEntry(channel="letter", book="incoming", received_at=now,
                                status=states.Status.NEW.value, reason=reason, sender_email=parsed.from_addr if parsed else None,
                                sender_name=parsed.from_name if parsed else None,
                                subject=parsed.subject if parsed else None,
                                message_id=parsed.message_id if parsed else None)
            session.add(entry)
            states.move(entry, "fail", actor=ACTOR, at=now,
                        message_id=entry.message_id, data={"reason": reason})
            session.flush()
            session.add(InboundMessage(
                sha256=digest, message_id=entry.message_id, source=source, source_ref=ref,
                from_addr=entry.sender_email, subject=entry.subject, received_at=now,
                sent_at=parsed.sent_at if parsed else None,
                size=len(raw), raw_path=self.store.relative(path), outcome="failed",
                error=reason, entry_id=entry.id))
            return Outcome("failed", "failed", entry.id, None, reason)


def _headers(raw: bytes, limits) -> ParsedMessage | None:
    """The parsed message for a `failed` entry's sender and subject, if parsing works."""
    try:
        return parse(raw, limits)
    except Exception:                # noqa: BLE001 - a poison message may break the parser
        return None


# -- look-ups -------------------------------------------------------------------------------
def _known(session: Session, digest: str) -> Outcome | None:
    row = session.scalar(select(InboundMessage).where(InboundMessage.sha256 == digest))
    if row is None:
        return None
    entry = session.get(AgendaEntry, row.entry_id) if row.entry_id else None
    return Outcome("known", "failed" if row.outcome == "failed" else "processed",
                   row.entry_id, entry.agenda_no if entry else None, row.error)


def _by_message_id(session: Session, message_id: str | None) -> AgendaEntry | None:
    if not message_id:
        return None
    row = session.scalar(select(InboundMessage).where(InboundMessage.message_id == message_id,
                                                      InboundMessage.entry_id.is_not(None))
                         .order_by(InboundMessage.id).limit(1))
    return session.get(AgendaEntry, row.entry_id) if row else None


def _thread_entry(session: Session, thread_ids: tuple[str, ...]) -> AgendaEntry | None:
    """The case this message answers: one of its messages, or a notice Paraf sent about it."""
    if not thread_ids:
        return None
    ids = list(thread_ids)
    entry_id = session.scalar(select(OutboxMail.entry_id).where(
        OutboxMail.message_id.in_(ids), OutboxMail.entry_id.is_not(None)).limit(1))
    if entry_id is None:
        entry_id = session.scalar(select(InboundMessage.entry_id).where(
            InboundMessage.message_id.in_(ids), InboundMessage.entry_id.is_not(None),
            InboundMessage.outcome != "failed").limit(1))
    return session.get(AgendaEntry, entry_id, with_for_update=True) if entry_id else None


def _completes(entry: AgendaEntry, parsed: ParsedMessage, who) -> bool:
    """Only the sender of an incomplete request (or its OPD) can complete it; an out-of-office
    answer to the notice asking for the letter completes nothing (it is linked, unanswered)."""
    if entry.status != states.Status.INCOMPLETE or entry.channel == "web":
        return False         # a web request is completed by consultflow.reopen_replied
    if machine(parsed):
        return False
    return parsed.from_addr == entry.sender_email or (
        who.opd is not None and who.opd.code == entry.opd_code)


def _prior(session, entry, who, reading, sha) -> AgendaEntry | None:
    """The first booked case with the same letter file, or the same OPD and letter number."""
    if reading is None:
        return None
    match = []
    if sha:
        match.append(AgendaEntry.letter_sha256 == sha)
    if who.opd and reading.nomor:
        match.append((AgendaEntry.opd_code == who.opd.code)
                     & (AgendaEntry.letter_nomor == reading.nomor))
    if not match:
        return None
    query = select(AgendaEntry).where(or_(*match), AgendaEntry.agenda_no.is_not(None))
    if entry.id is not None:
        query = query.where(AgendaEntry.id != entry.id)
    return session.scalar(query.order_by(AgendaEntry.id).limit(1))


def _as_prior(entry: AgendaEntry | None, sha: str | None) -> Prior | None:
    if entry is None:
        return None
    by = "file" if sha and entry.letter_sha256 == sha else "number"
    return Prior(entry.id, entry.agenda_no, entry.received_at.isoformat(), by)
