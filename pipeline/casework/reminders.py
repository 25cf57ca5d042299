# SPDX-License-Identifier: AGPL-3.0-or-later
"""Overdue steps: the owner is reminded once at the target; the superior is told when the step
is late by `escalate_after` times its target. Each mail has its once-key, and a step another
worker has locked is skipped, so two workers never remind twice."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.casework.steps import words
from pipeline.core import states
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Step
from pipeline.mail import outbox


def remind(wf, session: Session, now: datetime) -> int:
    """Remind the owner of each overdue step once; tell the superior at escalate_after."""
    sent = 0
    overdue = session.scalars(select(Step).where(Step.status == "open", Step.due_at <= now)
                              .order_by(Step.id).with_for_update(skip_locked=True))
    for step in overdue:
        entry = session.get(AgendaEntry, step.entry_id)
        owner = wf.by_code[step.official]
        target = utc(step.due_at) - utc(step.opened_at)
        late_for = now - utc(step.opened_at)
        context = dict(kind=words(step.kind), owner=owner,
                       due=wf.desk.due_text(utc(step.due_at)))
        if step.reminded_at is None:
            wf.desk.tell(session, entry, owner, "step_reminder", "Pengingat",
                           once=outbox.once_key(entry.id, "reminder", step.id),
                           escalation=False, **context)
            step.reminded_at = now
            states.note(entry, "reminded", actor="paraf", at=now,
                        data={"step": step.id, "official": owner.code})
            sent += 1
        elif (step.escalated_at is None and owner.superior
              and late_for >= target * wf.cfg.workflow.escalate_after):
            superior = wf.by_code[owner.superior]
            wf.desk.tell(session, entry, superior, "step_reminder", "Eskalasi",
                           once=outbox.once_key(entry.id, "escalation", step.id),
                           escalation=True, **context)
            step.escalated_at = now
            states.note(entry, "escalated", actor="paraf", at=now,
                        data={"step": step.id, "to": superior.code})
            sent += 1
    return sent
