# SPDX-License-Identifier: AGPL-3.0-or-later
"""Sign by reply: the Inspector answers the signing digest with TTD SEMUA, TTD 1,3 or
TOLAK 2: <alasan> (only when `[signing] sign_by_reply = true`).

The digest opens one Step of kind "signing" for the Inspector; its token travels like a paraf
request's, and the numbered list it showed is kept in the step's notes (JSON), so "TTD 1,3"
means the letters the Inspector saw, whatever entered the batch since. A newer digest
supersedes the step, and a repeated reply finds it closed.

The reply passes Workflow.gate() like every other reply; then, in its transaction, TOLAK lines
return letters to their drafters and TTD lines are recorded as a request ("sign-pending") with
a `sign` job per letter (`signing.jobs`). Any worker signs them after that commit, since Batch
commits letter by letter in transactions of its own and must not wait on the reply's locks;
once every job of the request has ended, `settle` mails the Inspector the result. Signing
needs the key's passphrase in the worker's environment (PARAF_SIGN_PASSPHRASE): enabling this
means the server can sign, which is the trade-off an office accepts by turning it on.

While the Inspektur is away with a Plt. (issue 19), the digest's step is the Plt.'s and the
Plt.'s own key signs (`who_signs.py`); a reply from whoever does not sign today is refused.
"""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from email.utils import formataddr

from sqlalchemy import select

from pipeline.casework.replies import explain_signing, fresh_text
from pipeline.casework.replies.decision import decide_signing
from pipeline.core import jobs, states
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Step
from pipeline.core.models_jobs import Job
from pipeline.intake import notices
from pipeline.mail import outbox
from pipeline.mail.headers import new_message
from pipeline.signing import jobs as signjobs
from pipeline.signing import who_signs
from pipeline.signing.problems import in_indonesian

log = logging.getLogger(__name__)

KIND = "signing"
PENDING, RUNNING, SIGNED, RETURNED, FAILED = (
    "sign-pending", "signing", "signed", "returned", "sign-failed")


# -- the digest's step -----------------------------------------------------------------------

def enabled(cfg) -> bool:
    return bool(cfg.signing.sign_by_reply and cfg.secret)


def open_step(session, wf, entry_ids: list[int], now: datetime, signer=None
              ) -> tuple[Step, str]:
    """Supersede the previous digest's step and open one for ENTRY_IDS (in the digest's
    order) for SIGNER (the Inspektur, or their Plt.); returns it and its token. The step hangs
    on the first letter listed, since a step must belong to an entry; the list itself is in
    its notes."""
    supersede(session, now)
    first = session.get(AgendaEntry, entry_ids[0])
    step = wf.desk.open(session, first, KIND, signer or wf.inspector, now)
    step.notes = json.dumps({"entries": list(entry_ids)})
    return step, wf.desk.token(step)


def supersede(session, now: datetime) -> int:
    steps = list(session.scalars(select(Step).where(Step.kind == KIND, Step.status == "open")
                                 .with_for_update()))
    for step in steps:
        step.status, step.outcome, step.closed_at = "superseded", "superseded", now
    return len(steps)


def plan_of(step: Step) -> dict:
    try:
        plan = json.loads(step.notes or "{}")
    except ValueError:
        plan = {}
    return plan if isinstance(plan, dict) else {}


# -- the reply -------------------------------------------------------------------------------

def _read(reply) -> tuple[str, str, str | None]:
    """(fresh text, sender, Message-ID) from a workflow Reply or a ParsedMessage."""
    if hasattr(reply, "actor"):
        return reply.text or "", reply.actor, reply.message_id
    return fresh_text(reply.text, reply.html), reply.from_addr, reply.message_id


def on_reply(wf, session, entry, step, official, reply, now):
    """Workflow.reply's handler for a "signing" step (the gate has passed)."""
    fresh, actor, message_id = _read(reply)
    cfg = wf.cfg
    ids = [int(i) for i in plan_of(step).get("entries", [])]
    if not cfg.signing.sign_by_reply:
        return _unavailable(wf, session, entry, step, official, actor, message_id, now,
                            "penandatanganan melalui balasan surel tidak diaktifkan pada "
                            "konfigurasi Paraf")
    form, not_yours = who_signs.for_official(wf, session, step.official, now)
    if form is None:                    # the Inspektur away, or a Plt. no longer: refused
        states.note(entry, "refused", actor=actor or "?", at=now, message_id=message_id,
                    data={"reason": not_yours, "step": step.id})
        _tell(session, cfg, official, "signing_refused",
              "Balasan Tanda Tangan Tidak Diproses", message_id, reason=not_yours)
        return "refused", entry, not_yours
    decision = decide_signing(fresh, len(ids))
    if not decision.clear:
        states.note(entry, "unclear", actor=actor, at=now, message_id=message_id,
                    data={"step": step.id, "problems": list(decision.problems)})
        _tell(session, cfg, official, "signing_unclear", "Balasan Belum Dapat Diproses",
              message_id, choices=explain_signing().split("\n", 1)[-1],
              problems=[in_indonesian(p) for p in decision.problems])
        return "unclear", entry, None
    to_sign = [ids[n - 1] for n in decision.to_sign(len(ids))]
    if to_sign:
        why = who_signs.key_problem(cfg, form)
        if why:
            return _unavailable(wf, session, entry, step, official, actor, message_id, now, why)
    returned, problems = [], []
    for rejection in decision.reject:
        target = session.get(AgendaEntry, ids[rejection.item - 1], with_for_update=True)
        if target.status != states.Status.INITIALLED.value:
            problems.append(f"surat nomor {rejection.item} ({target.agenda_no}) tidak lagi "
                            f"menunggu tanda tangan, sehingga tidak dikembalikan")
            continue
        states.move(target, "return", actor=actor, at=now, message_id=message_id,
                    data={"notes": rejection.notes, "by": "signing reply",
                          "item": rejection.item})
        wf.request_draft(session, target, now, notes=rejection.notes, returned_by=official)
        returned.append({"item": rejection.item, "agenda_no": target.agenda_no,
                         "notes": rejection.notes})
    plan = {"entries": ids, "sign": to_sign, "returned": returned, "problems": problems,
            "signer": form.official.code, "form": form.form}
    if to_sign:         # a job per letter, planned with the request (any worker signs it)
        plan["jobs"] = signjobs.request(session, wf, step.id, to_sign, message_id)
    wf.desk.close(step, PENDING if to_sign else RETURNED, now, notes=json.dumps(plan),
                  reply_message_id=message_id)
    if not to_sign:
        _mail_result(session, wf, official, message_id, signed=[], returned=returned,
                     problems=problems)
        return "returned", entry, None
    return "sign-requested", entry, None


def _unavailable(wf, session, entry, step, official, actor, message_id, now, why):
    """Refuse a reply that cannot be carried out here; the step stays open, so the Inspector
    can sign with `paraf sign` or reply again once the office has fixed it."""
    states.note(entry, "refused", actor=actor or "?", at=now, message_id=message_id,
                data={"reason": why, "step": step.id})
    _tell(session, wf.cfg, official, "signing_unavailable",
          "Balasan Tanda Tangan Tidak Dapat Diproses", message_id, reason=why)
    return "refused", entry, why


# -- the worker's part -----------------------------------------------------------------------

def run_pending(app, now: datetime | None = None, stop=None) -> int:
    """Sign the letters replies asked for (the `sign` jobs this process may take), then
    settle the requests whose jobs have all ended; returns how many letters it signed here."""
    if app.workflow is None:
        return 0
    signed: list = []
    try:
        jobs.drain(app.factory, signjobs.handlers(app, now, signed), stop)
    finally:
        settle(app, now)
    return len(signed)


def settle(app, now: datetime | None = None) -> int:
    """Every request ("sign-pending") whose jobs have all ended: its result mailed to the
    Inspector once (the step leaves sign-pending under its lock), a failed job's reason
    recorded on its case for the clerk. Returns how many requests it settled."""
    if app.workflow is None:
        return 0
    now = utc(now) or datetime.now(timezone.utc)
    with app.session() as s:
        ids = list(s.scalars(select(Step.id).where(
            Step.kind == KIND, Step.status == "done", Step.outcome.in_((PENDING, RUNNING)))
            .order_by(Step.id)))
    settled = 0
    for step_id in ids:
        with app.session() as s:
            step = s.scalars(select(Step).where(
                Step.id == step_id, Step.outcome.in_((PENDING, RUNNING)))
                .with_for_update(skip_locked=True)).first()
            if step is not None and _settle_step(app, s, step, now):
                settled += 1
    return settled


def _settle_step(app, s, step: Step, now: datetime) -> bool:
    wf = app.workflow
    plan = plan_of(step)
    wanted = [int(i) for i in plan.get("sign", [])]
    if "jobs" not in plan:          # asked before signing went through jobs: plan them now
        plan["jobs"] = signjobs.request(s, wf, step.id, wanted, step.reply_message_id)
        step.notes = json.dumps(plan)
        return False
    subjects = [plan["jobs"][str(i)] for i in wanted]
    ended = {job.subject: job for job in s.scalars(select(Job).where(
        Job.kind == signjobs.KIND, Job.subject.in_(subjects)))}
    if any(ended.get(name) is None or ended[name].status not in ("done", "failed")
           for name in subjects):
        return False
    signed, problems, errors = [], list(plan.get("problems", [])), []
    for entry_id, name in zip(wanted, subjects):
        job = ended[name]
        result = job.result or {}
        if job.status == "done" and "number" in result:
            signed.append({"agenda_no": result["agenda_no"], "number": result["number"]})
        elif job.status == "done":
            problems.append(result.get("problem", "surat tidak ditandatangani"))
            errors += [result["error"]] if result.get("error") else []
        else:
            entry = s.get(AgendaEntry, entry_id)
            states.note(entry, "sign_failed", actor="paraf", at=now,
                        message_id=step.reply_message_id,
                        data={"reason": job.reason, "tries": job.tries, "step": step.id})
            problems.append(f"{entry.agenda_no}: server Paraf tidak dapat menandatanganinya "
                            f"setelah {job.tries} kali percobaan; rinciannya tercatat pada "
                            f"riwayat surat untuk pengelola sistem")
            errors.append(job.reason or "failed")
    failed = any(ended[name].status == "failed" for name in subjects)
    plan.update(signed=signed, problems=problems, errors=errors, finished_at=now.isoformat())
    step.outcome, step.notes = (FAILED if failed else SIGNED), json.dumps(plan)
    replier = wf.by_code.get(step.official, wf.inspector)     # the Inspektur or their Plt.
    _mail_result(s, wf, replier, step.reply_message_id, signed=signed,
                 returned=plan.get("returned", []), problems=problems)
    return True


# -- mail to the Inspector -------------------------------------------------------------------

def _mail_result(session, wf, official, answering, *, signed, returned, problems) -> None:
    _tell(session, wf.cfg, official, "signing_result", "Hasil Penandatanganan Surat", answering,
          signed=signed, returned=returned, problems=problems)


def _tell(session, cfg, official, template: str, subject: str, answering: str | None,
          **context) -> None:
    body = notices.render(cfg, template, office=cfg.office, official=official, **context)
    msg = new_message()
    msg["Subject"] = subject
    msg["From"] = formataddr((cfg.office.name, cfg.office.email))
    msg["To"] = formataddr((official.name, official.emails[0]))
    msg["Auto-Submitted"] = "auto-replied"
    if answering:
        msg["In-Reply-To"] = msg["References"] = answering
    msg.set_content(body)
    outbox.queue(session, cfg, msg, kind=f"note-{template}"[:32], entry_id=None)
