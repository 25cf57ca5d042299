# SPDX-License-Identifier: AGPL-3.0-or-later
"""The superior's answer to a complaint: by a reply to the step's mail or on the web, through
`Workflow.reply`/`Workflow.act` (token, open step, its official, authenticated), once.

The answer is kept on the complaint, the case moves `respond` then `close`, and the
complainant gets it by mail (once) and on the tracking page.
"""
from __future__ import annotations

from datetime import datetime

from pipeline.consult.complaint import of_entry, tell_complainant
from pipeline.core import states
from pipeline.core.messages import say


def on_reply(wf, session, entry, step, official, reply, now: datetime):
    """The step handler for kind 'complaint' (see Workflow.reply and Workflow.act)."""
    text = (reply.text or "").strip()
    if not text:
        return wf.unclear(session, entry, step, official, reply, now,
                          choices=say("complaint.answer_mail"),
                          web=say("complaint.answer_empty"))
    complaint = of_entry(session, entry.id)
    wf.desk.close(step, "responded", now, notes=text[:500],
                  reply_message_id=reply.message_id)
    complaint.answer, complaint.answered_by, complaint.answered_at = text, official.code, now
    states.move(entry, "respond", actor=reply.actor, at=now, message_id=reply.message_id,
                data={"official": official.code, "chars": len(text)})
    tell_complainant(session, wf, complaint, "complaint_answer", now)
    states.move(entry, "close", actor=reply.actor, at=now)
    return "responded", entry, None
