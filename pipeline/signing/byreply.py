# SPDX-License-Identifier: AGPL-3.0-or-later
"""Sign by reply: the Inspector answers the signing digest with TTD SEMUA, TTD 1,3 or
TOLAK 2: <alasan> (only when `[signing] sign_by_reply = true`).

The digest opens one Step of kind "signing" for the Inspector; its token travels like a paraf
request's, and the numbered list it showed is kept in the step's notes (JSON), so "TTD 1,3"
means the letters the Inspector saw, whatever entered the batch since. A newer digest
supersedes the step, and a repeated reply finds it closed.

The reply passes Workflow.gate() like every other reply; then, in its transaction, TOLAK lines
return letters to their drafters and TTD lines are recorded as a request ("sign-pending").
The signing itself runs after that commit, in the worker (`run_pending`), because Batch commits
letter by letter in transactions of its own and must not wait on the reply's locks. Signing
needs the key's passphrase in the worker's environment (PARAF_SIGN_PASSPHRASE): enabling this
means the server can sign, which is the trade-off an office accepts by turning it on.

While the Inspektur is away with a Plt. (issue 19), the digest's step is the Plt.'s and the
Plt.'s own key signs (`who_signs.py`); a reply from whoever does not sign today is refused.
"""
from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta, timezone
from email.utils import formataddr

from sqlalchemy import select

from pipeline.casework.replies import explain_signing, fresh_text
from pipeline.casework.replies.decision import decide_signing
from pipeline.core import states, wake
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Event, OutgoingLetter, Step
from pipeline.intake import notices
from pipeline.mail import outbox
from pipeline.mail.headers import new_message
from pipeline.signing import who_signs

log = logging.getLogger(__name__)

KIND = "signing"
PENDING, RUNNING, SIGNED, RETURNED, FAILED = (
    "sign-pending", "signing", "signed", "returned", "sign-failed")
STALE = timedelta(minutes=15)       # a claimed request not finished by then was interrupted


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
    wf.desk.close(step, PENDING if to_sign else RETURNED, now, notes=json.dumps(plan),
                  reply_message_id=message_id)
    if not to_sign:
        _mail_result(session, wf, official, message_id, signed=[], returned=returned,
                     problems=problems)
        return "returned", entry, None
    wake.after_commit(session, wake.SIGNING)          # sign them right after this commit
    return "sign-requested", entry, None


def _unavailable(wf, session, entry, step, official, actor, message_id, now, why):
    """Refuse a reply that cannot be carried out here; the step stays open, so the Inspector
    can sign with `paraf sign` or reply again once the office has fixed it."""
    states.note(entry, "refused", actor=actor or "?", at=now, message_id=message_id,
                data={"reason": why, "step": step.id})
    _tell(session, wf.cfg, official, "signing_unavailable",
          "Balasan Tanda Tangan Tidak Dapat Diproses", message_id, reason=why)
    return "refused", entry, why


_PROBLEMS = [
    (r"the reply has no TTD or TOLAK line", "balasan tidak memuat baris TTD atau TOLAK"),
    (r"first line is not a command: (.*)", "baris pertama bukan perintah: {0}"),
    (r"TTD SEMUA together with TOLAK.*", "TTD SEMUA tidak dapat digabung dengan TOLAK; sebutkan "
                                         "nomor urut surat yang ditandatangani"),
    (r"items both signed and rejected: (.*)", "nomor urut {0} diminta ditandatangani sekaligus "
                                              "dikembalikan"),
    (r"TOLAK (\d+) has no notes", "TOLAK {0} tidak disertai alasan"),
    (r"TOLAK needs item numbers: (.*)", "TOLAK harus diikuti nomor urut surat: {0}"),
    (r"no such item \(the batch has (\d+)\): (.*)", "nomor urut {1} tidak ada dalam daftar "
                                                    "(daftar memuat {0} surat)"),
    (r"cannot read which items to sign: ('.*') \(.*", "nomor urut surat yang akan "
                                                     "ditandatangani tidak terbaca: {0}"),
    (r"a line after TTD may change its meaning: (.*)", "baris setelah perintah TTD dapat "
                                                       "mengubah maksudnya: {0}"),
    (r"a line is too long to be a command", "baris terlalu panjang untuk sebuah perintah"),
    # Batch.run's problems
    (r"entry #(\d+): LibreOffice could not convert the draft",
     "konsep surat entri #{0} tidak dapat diubah menjadi PDF; surat tetap menunggu"),
    (r"(.*): no longer waiting for signature \((.*)\)",
     "{0} tidak lagi menunggu tanda tangan (status: {1})"),
    (r"entry #(\d+): other signers kept taking its number.*",
     "nomor surat untuk entri #{0} terus terpakai oleh penandatanganan lain; surat tetap "
     "menunggu"),
]


def in_indonesian(problem: str) -> str:
    """decide_signing's problem (English, for logs) as the Inspector reads it."""
    import re
    for pattern, text in _PROBLEMS:
        match = re.fullmatch(pattern, problem, re.S)
        if match:
            return text.format(*match.groups())
    return "perintah tidak dapat dibaca dengan pasti"


# -- the worker's part -----------------------------------------------------------------------

def run_pending(app, now: datetime | None = None) -> int:
    """Sign what replies asked for, one request at a time; returns how many letters it
    signed. Safe to run again after a crash: Batch leaves each letter signed or untouched,
    and a request interrupted for longer than STALE is taken up again."""
    wf = app.workflow
    if wf is None:
        return 0
    count = 0
    while True:
        now_ = utc(now) or datetime.now(timezone.utc)
        claimed = _claim(app, now_)
        if claimed is None:
            return count
        step_id, plan, reply_id = claimed
        count += _carry_out(app, step_id, plan, reply_id, now_)


def _claim(app, now: datetime):
    with app.session() as s:
        rows = s.scalars(select(Step).where(
            Step.kind == KIND, Step.status == "done", Step.outcome.in_((PENDING, RUNNING)))
            .order_by(Step.id).with_for_update(skip_locked=True))
        for step in rows:
            plan = plan_of(step)
            if step.outcome == RUNNING:
                claimed_at = datetime.fromisoformat(plan.get("claimed_at", now.isoformat()))
                if now - claimed_at < STALE:
                    continue
            plan["claimed_at"] = now.isoformat()
            step.outcome, step.notes = RUNNING, json.dumps(plan)
            return step.id, plan, step.reply_message_id
    return None


def _carry_out(app, step_id: int, plan: dict, reply_id: str | None, now: datetime) -> int:
    from pipeline.core.errors import ParafError
    from pipeline.signing.batch import Batch
    from pipeline.signing.errors import SigningError
    wf = app.workflow
    wanted = [int(i) for i in plan.get("sign", [])]
    problems = list(plan.get("problems", []))
    signed: list[dict] = []
    with app.session() as s:
        replier = wf.by_code.get(s.get(Step, step_id).official, wf.inspector)
        form, not_now = who_signs.for_official(wf, s, replier.code, now)
        waiting = []
        for entry_id in wanted:
            entry = s.get(AgendaEntry, entry_id)
            done = s.scalar(select(OutgoingLetter).where(OutgoingLetter.entry_id == entry_id))
            if entry.status == states.Status.INITIALLED.value:
                waiting.append(entry_id)
            elif done is not None and reply_id and s.scalar(select(Event.id).where(
                    Event.entry_id == entry_id, Event.kind == "sign",
                    Event.message_id == reply_id)):   # by this reply, in a run cut short
                signed.append({"agenda_no": entry.agenda_no, "number": done.number})
            elif done is not None:
                problems.append(f"{entry.agenda_no} telah ditandatangani sebelumnya dengan "
                                f"Nomor {done.number}")
            else:
                problems.append(f"{entry.agenda_no} tidak lagi menunggu tanda tangan "
                                f"(status: {entry.status})")
    outcome = SIGNED
    if waiting and form is None:        # the absence changed between the reply and now
        outcome, plan["errors"] = FAILED, [not_now]
        problems.append(not_now)
    elif waiting:
        try:
            signer = who_signs.load(app.cfg, form)
            done_now, failed = Batch(app, signer, now, message_id=reply_id,
                                     form=form).run(waiting)
            signed += [{"agenda_no": d.agenda_no, "number": d.number} for d in done_now]
            problems += [in_indonesian(p) for p in failed]
            plan["errors"] = failed
        except Exception as err:        # the worker goes on; the Inspector and the log know
            log.warning("sign by reply: step %s: %s", step_id, err,
                        exc_info=not isinstance(err, (SigningError, ParafError)))
            outcome = FAILED
            plan["errors"] = [str(err)]
            problems.append("server Paraf tidak dapat menandatangani (kunci tanda tangan tidak "
                            "dapat dibuka atau aturan kantor tidak terbaca); rinciannya tercatat "
                            "untuk pengelola sistem")
    with app.session() as s:
        step = s.get(Step, step_id, with_for_update=True)
        plan.update(signed=signed, problems=problems, finished_at=now.isoformat())
        step.outcome, step.notes = outcome, json.dumps(plan)
        _mail_result(s, wf, replier, reply_id, signed=signed,
                     returned=plan.get("returned", []), problems=problems)
    return len(signed)


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
