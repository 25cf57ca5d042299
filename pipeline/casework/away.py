# SPDX-License-Identifier: AGPL-3.0-or-later
"""Officials away: their steps go to the delegate while they are away and come back after.

One rule does both directions. A step's *owner* is the official it was opened for
(`on_behalf_of`, or its `official` when nobody stands in); its *holder* is the owner, or the
owner's delegate when the owner is away today (a delegate away too passes it on). When holder
and `official` differ, the step is handed over: the open step closes as `moved` and, in the
same transaction, a new open step for the same hand-over (case, kind, revision, stage) opens
for the holder, keeping the opening time and due time (the clock runs on). The partial unique
index allows one open step per hand-over, so two workers moving the same step cannot both
commit; the old token names a closed step, so it no longer acts. The request is sent again to
the holder with the new token, and the history says why (`delegated` / `handed_back`).

`sweep` runs in the worker's reminder job; `StepDesk.open` asks `holder` for new steps.
The Inspektur's signing step never moves: a Plt. signs with their own certificate
(`paraf sign --as plt`, signing/signer_form.py), never with the Inspektur's key.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from pipeline.casework.absences import Holder, holder, today
from pipeline.casework.handover_mail import send
from pipeline.core import states
from pipeline.core.errors import ParafError
from pipeline.core.models import AgendaEntry, Step
from pipeline.core.models_away import Absence
from pipeline.core.models_complaint import Complaint
from pipeline.core.officials import Official

REASONS = ("cuti", "dinas luar", "sakit", "izin", "tugas belajar", "diklat")


class AwayError(ParafError):
    """An absence that cannot be recorded; the message is for the official (Indonesian)."""


def record(wf, session: Session, official: Official, delegate: Official, start: date,
           end: date, reason: str, *, by: str, now: datetime, note: str | None = None,
           message_id: str | None = None, step_id: int | None = None) -> Absence:
    """Record an absence and hand over what it concerns at once."""
    reason = reason.strip().lower()
    if reason not in REASONS:
        raise AwayError(f"Alasan '{reason}' tidak dikenal; gunakan salah satu: "
                        f"{', '.join(REASONS)}.")
    if delegate.code == official.code:
        raise AwayError("Pejabat pengganti tidak boleh pejabat yang sama.")
    if end < start:
        raise AwayError(f"Tanggal akhir ({end:%d-%m-%Y}) sebelum tanggal mulai "
                        f"({start:%d-%m-%Y}).")
    if end < today(wf.cfg, now):
        raise AwayError(f"Tanggal akhir ({end:%d-%m-%Y}) sudah lewat.")
    absence = Absence(official=official.code, delegate=delegate.code, starts_on=start,
                      ends_on=end, reason=reason, note=note, set_by=by, set_at=now,
                      message_id=message_id, step_id=step_id)
    session.add(absence)
    session.flush()
    sweep(wf, session, now)
    return absence


def end(wf, session: Session, absence: Absence, *, by: str, now: datetime) -> int:
    """The official is back before the planned end: their steps come back now."""
    if absence.ended_at is None:
        absence.ended_at = now
        absence.note = ((absence.note + "; ") if absence.note else "") + f"diakhiri oleh {by}"
    session.flush()
    return sweep(wf, session, now)


def sweep(wf, session: Session, now: datetime) -> int:
    """Move every open step whose holder changed (an absence began, ended or ran out)."""
    day = today(wf.cfg, now)
    away = {a.official for a in session.scalars(select(Absence).where(
        Absence.starts_on <= day, Absence.ends_on >= day, Absence.ended_at.is_(None)))}
    steps = list(session.scalars(select(Step).where(
        Step.status == "open", Step.kind != "signing", or_(Step.official.in_(away) if away else false(),
                                   Step.on_behalf_of.is_not(None)))
        .order_by(Step.id).with_for_update(skip_locked=True)))
    moved = 0
    for step in steps:
        owner = wf.by_code.get(step.on_behalf_of or step.official)
        if owner is None:
            continue
        held = holder(session, wf.by_code, owner, day)
        if step.kind == "complaint" and held.official.code == session.scalar(
                select(Complaint.about).where(Complaint.entry_id == step.entry_id)):
            continue            # a complaint never goes to the official it is about
        if held.official.code != step.official:
            hand_over(wf, session, step, owner, held, now)
            moved += 1
    for absence in session.scalars(select(Absence).where(
            Absence.returned_at.is_(None),
            or_(Absence.ended_at.is_not(None), Absence.ends_on < day))):
        absence.returned_at = now
    return moved


def hand_over(wf, session: Session, step: Step, owner: Official, held: Holder,
              now: datetime) -> Step:
    """Close STEP as moved and open the same hand-over for the holder; mail it to them."""
    entry = session.get(AgendaEntry, step.entry_id, with_for_update=True)
    before = step.official
    step.status, step.outcome, step.closed_at = "moved", "moved", now
    session.flush()                                 # the hand-over is free for one new step
    new = Step(entry_id=step.entry_id, kind=step.kind, revision=step.revision, stage=step.stage,
               official=held.official.code, status="open", opened_at=step.opened_at,
               due_at=step.due_at,
               on_behalf_of=owner.code if held.official.code != owner.code else None)
    session.add(new)
    session.flush()
    absence = held.absence
    back = held.official.code == owner.code
    states.note(entry, "handed_back" if back else "delegated", actor="paraf", at=now,
                data={"step": new.id, "previous_step": step.id, "kind": step.kind,
                      "from": before, "to": held.official.code, "owner": owner.code,
                      "reason": absence.reason if absence else None,
                      "until": absence.ends_on.isoformat() if absence else None})
    send(wf, session, entry, step, new, wf.by_code[before], held.official, owner, absence)
    return new


def default_delegate(wf, session: Session, official: Official) -> Official | None:
    """Who stands in when the official names nobody: the delegate of their last absence,
    else their superior; for the Inspektur, the official who may sign a.n. (the Sekretaris)."""
    from pipeline.core import signforms
    last = session.scalar(select(Absence.delegate).where(Absence.official == official.code)
                          .order_by(Absence.id.desc()).limit(1))
    if last in wf.by_code:
        return wf.by_code[last]
    if official.superior in wf.by_code:
        return wf.by_code[official.superior]
    forms = signforms.load(wf.cfg.rules_path / "officials.toml")
    return wf.by_code.get(forms.atas_nama_oleh)


def find_official(wf, text: str | None) -> Official | None:
    """An official by code or by one of their addresses."""
    text = (text or "").strip().lower()
    return wf.by_code.get(text) or next((o for o in wf.officials if text in o.emails), None)
