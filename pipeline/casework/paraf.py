# SPDX-License-Identifier: AGPL-3.0-or-later
"""Paraf berjenjang on revisions: who has initialled which text, and the notes they left.

An official who sends back an edited DOCX has initialled that new text: a done "paraf" step
is recorded for them on the new revision, with their note, so they are not asked again. Every
level below them initials the new text (they have not seen it); the levels above follow as
usual. Notes given with an approval ("SETUJU, <catatan>") travel up with the draft.
"""
from __future__ import annotations

from sqlalchemy import select

from pipeline.core.models import Step


def own_paraf(desk, session, entry, step: Step, revision: int, reply, now) -> Step:
    """Record STEP's official's paraf on their own new REVISION, at their own stage."""
    done = Step(entry=entry, kind="paraf", official=step.official, revision=revision,
                stage=step.stage, status="done", outcome="approved", opened_at=now,
                closed_at=now, due_at=now, notes=reply.text or None,
                reply_message_id=reply.message_id)
    session.add(done)
    session.flush()
    return done


def initialled(session, entry, revision: int) -> set[int]:
    """The stages already initialled on REVISION."""
    return set(session.scalars(select(Step.stage).where(
        Step.entry_id == entry.id, Step.kind == "paraf", Step.revision == revision,
        Step.status == "done", Step.outcome == "approved")))


def remarks(session, entry, by_code) -> list[tuple[str, int, str]]:
    """(official's position, revision, note) of every approval that left a note, oldest first."""
    rows = session.scalars(select(Step).where(
        Step.entry_id == entry.id, Step.kind == "paraf", Step.outcome == "approved",
        Step.notes.is_not(None)).order_by(Step.closed_at, Step.id))
    out = []
    for step in rows:
        official = by_code.get(step.official)
        out.append((official.jabatan if official else step.official, step.revision,
                    step.notes))
    return out


def first_lines(text: str | None, count: int = 3, width: int = 200) -> str:
    """What was read of an unclear reply, quoted back to its sender."""
    lines = [line.strip()[:width] for line in (text or "").splitlines() if line.strip()]
    return "\n".join(f"> {line}" for line in lines[:count]) or "> (tidak ada teks)"
