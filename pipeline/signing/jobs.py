# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing by reply as jobs: one job per letter, draft revision and request; any worker signs.

The Inspector's TTD reply closes the digest's step as `sign-pending` and, in that same
transaction, submits a `sign` job per letter it names (`request`): subject
`<entry>:r<revision>:s<step>`, unique, so a request is planned once however often it is read.
Any worker that can sign (sign_by_reply on, PARAF_SIGN_PASSPHRASE in its environment) claims a
job (`core.jobs`: SKIP LOCKED on PostgreSQL, the write gate on SQLite; a lease renewed while
LibreOffice and PAdES run) and signs that one letter (`sign_one`) through `Batch`: convert,
sign, then book it in one transaction in which the outgoing counter must give the number the
PDF carries and the letter must still be initialled. So two workers on two letters of one
request number them 1 and 2 (the one that commits second redoes its letter with the next
number), and a job taken over from a worker that died finds its letter either booked by this
request (nothing more is done) or untouched (it is signed once); a PDF the dead worker staged
is quarantined (`staging.recover`), never sent.

A conversion that fails, or numbers that other signers keep taking, count as a try: after
`jobs.LIMIT` tries the job is `failed` with its reason, which `byreply.settle` records on the
case and reports to the Inspector. A letter that can no longer be signed (returned, already
signed, redrafted since the digest) is a result, not a fault.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone

from sqlalchemy import select

from pipeline.core import jobs, states
from pipeline.core.db import utc
from pipeline.core.errors import ParafError
from pipeline.core.models import AgendaEntry, Event, OutgoingLetter
from pipeline.signing.problems import in_indonesian

KIND = "sign"
RETRIED = ("LibreOffice could not convert", "other signers kept taking")


class NotSigned(ParafError):
    """The letter was not converted or not numbered this time; the job is tried again."""


def subject(entry_id: int, revision: int, step_id: int) -> str:
    return f"{entry_id}:r{revision}:s{step_id}"


def request(session, wf, step_id: int, entry_ids: list[int], reply_id: str | None
            ) -> dict[str, str]:
    """Submit a `sign` job per letter of ENTRY_IDS in SESSION's transaction (the one that
    closes the signing step STEP_ID); returns {entry id: job subject} for the step's plan."""
    planned = {}
    for entry_id in entry_ids:
        draft = wf.latest_draft(session, session.get(AgendaEntry, entry_id))
        revision = draft.number if draft is not None else 0
        planned[str(entry_id)] = name = subject(entry_id, revision, step_id)
        jobs.submit(session, KIND, name, {"entry": entry_id, "revision": revision,
                                          "step": step_id, "reply": reply_id})
    return planned


def can_sign(cfg) -> bool:
    """Whether this process may take `sign` jobs: a worker without the key's passphrase
    leaves them to one that has it."""
    from pipeline.signing.keys import PASSPHRASE_ENV
    return bool(cfg.signing.sign_by_reply and os.environ.get(PASSPHRASE_ENV))


def handlers(app, now: datetime | None = None, signed: list | None = None) -> dict:
    """{KIND: handler} when this process can sign, else {}; each letter signed is appended to
    SIGNED (when given). NOW fixes the signing time (tests)."""
    if app.workflow is None or not can_sign(app.cfg):
        return {}

    def sign(job: jobs.Claim) -> dict:
        result = sign_one(app, job, now)
        if signed is not None and result.get("fresh"):
            signed.append(result)
        return result
    return {KIND: sign}


def sign_one(app, job: jobs.Claim, now: datetime | None = None) -> dict:
    """Sign JOB's letter unless it is signed or no longer waiting; the job's result is
    {"agenda_no", "number"} (signed by this request) or {"problem": Indonesian text}."""
    entry_id, revision = int(job.payload["entry"]), int(job.payload.get("revision", 0))
    reply_id = job.payload.get("reply")
    with app.session() as s:
        entry = s.get(AgendaEntry, entry_id)
        if entry is None:
            return {"problem": f"entri #{entry_id} tidak ditemukan"}
        letter = s.scalar(select(OutgoingLetter).where(OutgoingLetter.entry_id == entry_id))
        if letter is not None and reply_id and s.scalar(select(Event.id).where(
                Event.entry_id == entry_id, Event.kind == "sign",
                Event.message_id == reply_id).limit(1)):
            # booked by this request before its worker died or lost the lease
            return {"agenda_no": entry.agenda_no, "number": letter.number}
        if letter is not None:
            return {"problem": f"{entry.agenda_no} telah ditandatangani sebelumnya dengan "
                               f"Nomor {letter.number}"}
        if entry.status != states.Status.INITIALLED.value:
            return {"problem": f"{entry.agenda_no} tidak lagi menunggu tanda tangan "
                               f"(status: {entry.status})"}
        draft = app.workflow.latest_draft(s, entry)
        if draft is None or draft.number != revision:
            return {"problem": f"konsep {entry.agenda_no} berubah setelah daftar dikirim; surat "
                               f"tetap menunggu dan dicantumkan kembali dalam daftar berikutnya"}
    from pipeline.signing.batch import Batch
    from pipeline.signing.keys import load_signer, passphrase_from
    signer = load_signer(app.cfg.path(app.cfg.signing.pkcs12), passphrase_from(os.environ))
    when = utc(now) or datetime.now(timezone.utc)
    done, failed = Batch(app, signer, when, message_id=reply_id).run([entry_id])
    if done:
        return {"agenda_no": done[0].agenda_no, "number": done[0].number, "fresh": True}
    why = failed[0] if failed else f"entry #{entry_id}: not signed"
    if any(part in why for part in RETRIED):
        raise NotSigned(why)
    return {"problem": in_indonesian(why, default=why), "error": why}
