# SPDX-License-Identifier: AGPL-3.0-or-later
"""Stage 'sign': the Inspector signs the ready letters in one batch (seed 2, steps 4-5).

Phase A touches no database: it peeks at the next outgoing numbers, writes them and the date
into each draft, converts the whole batch with one LibreOffice process and signs each PDF
(PAdES, visible block, QR verification code). Phase B commits each letter in its own
transaction: the counter is bumped, and only if it gives the number the letter already carries
are the PDF, the outgoing-book row, the state change and the mail to the OPD committed;
otherwise (another signer took the number) that one letter is redone alone. A crash at any
point leaves every letter either signed, numbered and queued, or untouched: never a number
without its letter, never a gap.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import datetime
from email.utils import formataddr
from zoneinfo import ZoneInfo

from sqlalchemy import select

from pipeline.casework import confirm, precedents, tembusan
from pipeline.casework.drafting import fill_signing
from pipeline.consult import survey
from pipeline.core import naskah, states
from pipeline.core.models import AgendaEntry, OutboxMail, OutgoingLetter
from pipeline.core.numbering import current, format_number, next_seq
from pipeline.intake import notices
from pipeline.mail import outbox
from pipeline.mail.headers import new_message
from pipeline.casework.signer_block import set_signer
from pipeline.signing import certcheck, convert, lookup, signer_form, staging
from pipeline.signing.ltv import LongTermSigner
from pipeline.signing.sign import verification_code
from pipeline.signing.signer_form import SignerForm

RETRIES = 10        # renumbering rounds when other signers keep taking the next number


@dataclass
class Prepared:
    entry_id: int
    seq: int
    docx: bytes
    pdf: bytes | None = None
    code: str = ""
    tembusan: list[str] | None = None       # the names printed on the letter; None: no list
    level: str = "B-B"                      # the PAdES level the signature reached


@dataclass(frozen=True)
class Signed:
    agenda_no: str
    number: str
    pdf_sha256: str


def ready(session) -> list[dict]:
    """The signing batch: initialled cases, who initialled them, and since when they wait."""
    out = []
    for entry in session.scalars(select(AgendaEntry).where(
            AgendaEntry.status == states.Status.INITIALLED.value).order_by(AgendaEntry.id)):
        parafs = [e.actor for e in entry.events if e.kind == "paraf"]
        since = next((e.at for e in reversed(entry.events) if e.kind == "initial"), None)
        out.append({"id": entry.id, "agenda_no": entry.agenda_no, "opd": entry.opd_name,
                    "hal": (entry.letter or {}).get("hal") or entry.subject,
                    "initialled_by": parafs, "waiting_since": since})
    return out


class Batch:
    def __init__(self, app, signer, now: datetime, message_id: str | None = None,
                 form: SignerForm | None = None):
        self.app, self.cfg, self.signer, self.now = app, app.cfg, signer, now
        self.message_id = message_id        # the Inspector's reply, when signed by reply
        self.wf = app.workflow
        self.inspector = self.wf.inspector
        # Who signs and how: the Inspektur, a Plt. or a.n. (signer_form.py)
        self.form = form or SignerForm(self.inspector, self.inspector)
        self.by = self.form.official
        self.zone = ZoneInfo(self.cfg.office.timezone)
        self.today = now.astimezone(self.zone).date()
        self.fmt = app.rules.numbering.outgoing
        self.copies = tembusan.load(self.cfg.rules_path)    # a broken file stops before signing
        self.trust = lookup.trust_roots(self.cfg)
        self.ltv = LongTermSigner(self.cfg, self.trust)

    def number(self, seq: int) -> str:
        return format_number(self.fmt, seq, self.today.year)

    def prepare(self, items: list[Prepared]) -> None:
        """Fill, convert (one LibreOffice run) and sign; no database writes."""
        filled = [fill_signing(it.docx, self.number(it.seq), self.today.isoformat(),
                               self.cfg.office.city) for it in items]
        if self.form.form:
            filled = [set_signer(docx, self.inspector, self.by, self.form.heading())
                      for docx in filled]
        for it, pdf in zip(items, convert.to_pdf(filled)):
            if pdf is None:
                continue
            it.code = verification_code()
            it.pdf, it.level = self.ltv.sign(
                pdf, self.signer, name=self.by.name, jabatan=self.form.stamp_jabatan(),
                nip=self.by.nip, verification_code=it.code,
                verify_url=self.cfg.signing.verify_url, location=self.cfg.office.city,
                font=self.cfg.signing.stamp_font or None)

    def run(self, entry_ids: list[int] | None = None) -> tuple[list[Signed], list[str]]:
        # An expired or revoked certificate signs nothing (SigningError, in Indonesian).
        certcheck.check_signer(self.signer, self.trust, self.now)
        signer_form.check_certificate(self.signer, self.form)    # a Plt. signs with their own
        staging.recover(self.app)           # what a killed signer left half-stored
        with self.app.session() as s:
            query = select(AgendaEntry).where(
                AgendaEntry.status == states.Status.INITIALLED.value).order_by(AgendaEntry.id)
            if entry_ids:
                query = query.where(AgendaEntry.id.in_(entry_ids))
            entries = list(s.scalars(query))
            refused = [why for why in (signer_form.refusal(self.wf, self.form, e)
                                       for e in entries) if why]
            entries = [e for e in entries if not signer_form.refusal(self.wf, self.form, e)]
            base = current(s, "outgoing", self.today.year)
            items = [Prepared(e.id, base + i + 1,
                              self.app.store.get(self.wf.latest_draft(s, e).sha256, "draft"))
                     for i, e in enumerate(entries)]
        for it in items:
            it.tembusan = _tembusan_names(it.docx)
        self.prepare(items)
        signed, problems = [], list(refused)
        for it in items:
            if it.pdf is None:
                problems.append(f"entry #{it.entry_id}: LibreOffice could not convert the draft")
                continue
            result = self.attempt(it)
            for _ in range(RETRIES):
                if result is not None:
                    break
                with self.app.session() as s:       # the number was taken meanwhile: redo
                    it.seq = current(s, "outgoing", self.today.year) + 1
                self.prepare([it])
                if it.pdf is None:
                    result = f"entry #{it.entry_id}: LibreOffice could not convert the draft"
                    break
                result = self.attempt(it)
            if result is None:
                result = (f"entry #{it.entry_id}: other signers kept taking its number; "
                          f"it is still waiting, sign it again")
            if isinstance(result, Signed):
                signed.append(result)
                _test_pause("PARAF_TEST_PAUSE_AFTER_COMMIT")
            elif result is not None:
                problems.append(result)
        return signed, problems

    def attempt(self, it: Prepared) -> Signed | str | None:
        """Commit IT, or None when its tentative number was taken (rolled back)."""
        try:
            return self.commit(it)
        except _Renumber:
            return None

    def commit(self, it: Prepared) -> Signed | str:
        """Book IT in one transaction; its PDF enters the signed store only once booked."""
        staged: list[str] = []
        try:
            with self.app.session() as s:
                result = self._book(s, it, staged)
        except BaseException:
            for digest in staged:           # rolled back: the staged file is nobody's
                staging.discard(self.app.store, digest)
            raise
        for digest in staged:
            staging.promote(self.app.store, digest)
        return result

    def _book(self, s, it: Prepared, staged: list[str]) -> Signed | str:
        entry = s.get(AgendaEntry, it.entry_id, with_for_update=True)
        if entry.status != states.Status.INITIALLED.value:
            return f"{entry.agenda_no}: no longer waiting for signature ({entry.status})"
        seq = next_seq(s, "outgoing", self.today.year)
        if seq != it.seq:
            raise _Renumber()
        number = self.number(seq)
        digest, path = staging.stage(self.app.store, it.pdf)
        staged.append(digest)
        _test_pause("PARAF_TEST_PAUSE_STAGED")
        revision = self.wf.latest_draft(s, entry).number
        copies = self.copies.copies(it.tembusan)
        letter = OutgoingLetter(entry_id=entry.id, number=number, year=self.today.year,
                                seq=seq, signed_at=self.now, signed_by=self.by.code,
                                signed_as=self.form.form,
                                revision=revision, pdf_sha256=digest,
                                pdf_path=self.app.store.relative(path),
                                verification_code=it.code, pades_level=it.level)
        s.add(letter)
        data = {"number": number, "revision": revision, "pdf_sha256": digest,
                "pades_level": it.level, "tembusan": copies.as_data()}
        if copies.unaddressed:          # shown by `paraf show`: send these another way
            data["how"] = ("tembusan without an address in rules/tembusan.toml: "
                           + "; ".join(copies.unaddressed))
        if self.form.form:
            data["signed_as"] = signer_form.LABELS[self.form.form]
        states.move(entry, "sign", actor=self.by.emails[0], at=self.now,
                    message_id=self.message_id, data=data)
        s.flush()
        precedents.index_after_signing(s, self.app.store, entry, letter)
        letter.mail_message_id = self.mail(s, entry, letter, it.pdf, copies)
        confirm.tell(self.wf.desk, s, entry, self.by, "signed",
                     f"kunci tanda tangan {signer_form.LABELS[self.form.form]} "
                     f"(surat keluar nomor {number})",
                     self.now, answering=self.message_id, revision=revision)
        return Signed(entry.agenda_no, number, digest)

    def mail(self, session, entry, letter: OutgoingLetter, pdf: bytes,
             copies: tembusan.Copies | None = None) -> str:
        """The signed answer to the OPD, threaded to their original message; the tembusan
        that have an address get it in Cc (the others are in the 'sign' event's data)."""
        copies = copies or tembusan.Copies()
        body = notices.render(self.cfg, "signed_letter", **notices.case_context(self.cfg, entry),
                              recipient=entry.opd_name or entry.sender_name or entry.sender_email,
                              outgoing=letter, signed_on=naskah.tanggal(self.today),
                              signer=self.form.signer_line(), verify_url=self.cfg.signing.verify_url,
                              tembusan=[tembusan.display(n) for n in copies.names])
        msg = new_message()
        msg["Subject"] = f"Surat Jawaban Nomor {letter.number} [{entry.agenda_no}]"
        msg["From"] = formataddr((self.cfg.office.name, self.cfg.office.email))
        msg["To"] = formataddr((entry.sender_name or "", entry.sender_email))
        cc = [formataddr((name, address)) for name, address in copies.addresses
              if address.lower() != (entry.sender_email or "").lower()]
        if cc:
            msg["Cc"] = ", ".join(cc)
        if entry.message_id:
            msg["In-Reply-To"] = entry.message_id
            msg["References"] = entry.message_id
        msg.set_content(body)
        msg.add_attachment(pdf, maintype="application", subtype="pdf",
                           filename=f"surat-{letter.number.replace('/', '-')}.pdf")
        return outbox.queue(session, self.cfg, msg, kind="signed-letter", entry_id=entry.id,
                            once=outbox.once_key(entry.id, "signed-letter", letter.number)
                            ).message_id


def _test_pause(variable: str) -> None:
    """Tests only: hold still so a test can kill the process at that moment: after a letter
    committed (PARAF_TEST_PAUSE_AFTER_COMMIT=seconds), or with its PDF staged and its
    transaction open (PARAF_TEST_PAUSE_STAGED). Unset in production."""
    pause = os.environ.get(variable)
    if pause:
        time.sleep(float(pause))


def _tembusan_names(docx: bytes) -> list[str] | None:
    try:
        return tembusan.names_from_docx(docx)
    except Exception:               # a draft Word cannot read fails at conversion anyway
        return None


class _Renumber(Exception):
    """The tentative number was taken by another signer; the transaction rolls back."""


def sign_batch(app, signer, now: datetime, entry_ids=None, form: SignerForm | None = None
               ) -> tuple[list[Signed], list[str]]:
    return Batch(app, signer, now, form=form).run(entry_ids)


def settle_sent(app, now: datetime) -> int:
    """Signed letters whose mail the server accepted: sent, then closed and archived."""
    moved = 0
    with app.session() as s:
        rows = s.execute(select(AgendaEntry, OutboxMail).join(
            OutgoingLetter, OutgoingLetter.entry_id == AgendaEntry.id).join(
            OutboxMail, OutboxMail.message_id == OutgoingLetter.mail_message_id).where(
            AgendaEntry.status == states.Status.SIGNED.value, OutboxMail.status == "sent")
            .with_for_update(of=AgendaEntry, skip_locked=True))    # one worker moves each
        for entry, mail in rows:
            states.move(entry, "send", actor="paraf", at=now, message_id=mail.message_id)
            states.move(entry, "close", actor="paraf", at=now)
            survey.invite(s, app, entry, now)          # the answer is delivered: ask once
            moved += 1
    return moved
