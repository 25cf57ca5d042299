# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing by reply as jobs: one job per letter, draft revision and request; any worker signs.

The Inspector's TTD reply closes the digest's step as `sign-pending` and, in that same
transaction, submits a `sign` job per letter it names (`request`): subject
`<entry>:r<revision>:s<step>`, unique, so a request is planned once however often it is read.
Any worker that can sign (sign_by_reply on, a signing passphrase in its environment: the
Inspektur's PARAF_SIGN_PASSPHRASE or a Plt.'s PARAF_SIGN_PASSPHRASE_<CODE>) claims a
job (`core.jobs`: SKIP LOCKED on PostgreSQL, the write gate on SQLite; a lease renewed while
LibreOffice and PAdES run) together with up to BATCH - 1 more never-tried ones (`Batched`:
starting LibreOffice costs seconds, converting one more letter a fraction of one), and signs
them (`sign_many`) through `Batch`: convert all in one run, sign, then book each letter in its
own transaction, in which the outgoing counter must give the number the PDF carries and the
letter must still be initialled; a job tried before runs alone, so a letter that kills its
batch cannot fail the others. So two workers on letters of one request number them without a
gap or a double (the one that commits second redoes its letter with the next number), and a job taken over from a worker that died finds its letter either booked by this
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
BATCH = 20          # letters signed together: one LibreOffice run (~2-8 s) for all of them


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
    return bool(cfg.signing.sign_by_reply and any(
        value and (name == PASSPHRASE_ENV or name.startswith(PASSPHRASE_ENV + "_"))
        for name, value in os.environ.items()))


def handlers(app, now: datetime | None = None, signed: list | None = None) -> dict:
    """{KIND: a batched handler} when this process can sign, else {}; each letter signed is
    appended to SIGNED (when given). NOW fixes the signing time (tests)."""
    if app.workflow is None or not can_sign(app.cfg):
        return {}

    def sign(claims: list[jobs.Claim]) -> list:
        outcomes = sign_many(app, claims, now)
        if signed is not None:
            signed.extend(o for o in outcomes if isinstance(o, dict) and o.get("fresh"))
        return outcomes
    return {KIND: jobs.Batched(sign, size=BATCH)}


def sign_many(app, claims: list[jobs.Claim], now: datetime | None = None) -> list:
    """Sign the letters of CLAIMS that still wait, one `Batch` (one LibreOffice run) per
    request; per claim, in order: {"agenda_no", "number"} (signed by its request),
    {"problem": Indonesian text}, or the exception its job ends with."""
    outcomes: dict[int, object] = {}
    todo: dict[str | None, list[tuple[jobs.Claim, int, str]]] = {}
    with app.session() as s:
        for job in claims:
            entry_id = int(job.payload["entry"])
            known = _already(app, s, job, entry_id)
            if known is not None:
                outcomes[job.id] = known
            else:
                agenda_no = s.get(AgendaEntry, entry_id).agenda_no
                todo.setdefault(job.payload.get("reply"), []).append((job, entry_id, agenda_no))
    if todo:
        from pipeline.signing.batch import Batch
        when = utc(now) or datetime.now(timezone.utc)
        for reply_id, group in todo.items():
            try:
                form, signer = _signer(app, group[0][0], when)
                done, failed = Batch(app, signer, when, message_id=reply_id, form=form).run(
                    [entry_id for _, entry_id, _ in group])
            except _NotToday as why:    # the absence changed since the reply: not signed
                outcomes.update((job.id, {"problem": str(why)}) for job, _, _ in group)
                continue
            except Exception as err:    # noqa: BLE001 - each job records it
                outcomes.update((job.id, err) for job, _, _ in group)
                continue
            by_number = {d.agenda_no: d for d in done}
            for job, entry_id, agenda_no in group:
                outcomes[job.id] = _outcome(by_number.get(agenda_no), failed, entry_id,
                                            agenda_no)
    return [outcomes[job.id] for job in claims]


class _NotToday(Exception):
    """The one who replied does not sign today (an absence began or ended since)."""


def _signer(app, job: jobs.Claim, when: datetime):
    """(form, signer) for the request JOB belongs to: whoever replied to the digest, asked
    again now (`who_signs`), with their own key; a Plt. never signs with the Inspektur's."""
    from pipeline.core.models import Step
    from pipeline.signing import who_signs
    wf = app.workflow
    with app.session() as s:
        step = s.get(Step, int(job.payload["step"]))
        code = step.official if step is not None else wf.inspector.code
        form, not_now = who_signs.for_official(wf, s, code, when)
    if form is None:
        raise _NotToday(not_now)
    return form, who_signs.load(app.cfg, form)


def _already(app, s, job: jobs.Claim, entry_id: int) -> dict | None:
    """JOB's result when its letter needs no signing (signed, returned, redrafted), else
    None."""
    revision, reply_id = int(job.payload.get("revision", 0)), job.payload.get("reply")
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
    return None


def _outcome(done, failed: list[str], entry_id: int, agenda_no: str):
    if done is not None:
        return {"agenda_no": done.agenda_no, "number": done.number, "fresh": True}
    why = next((p for p in failed if p.startswith((f"entry #{entry_id}:", f"{agenda_no}:"))),
               f"entry #{entry_id}: not signed")
    if any(part in why for part in RETRIED):
        return NotSigned(why)
    return {"problem": in_indonesian(why, default=why), "error": why}
