# SPDX-License-Identifier: AGPL-3.0-or-later
"""A complaint by mail: `PENGADUAN: <isi>` in a reply in the thread of a case.

It counts only from the case's own requester address, or an address of the case's OPD,
authenticated by `core.senderauth` under the office's policy; anything else files nothing (the
message is kept, linked to the case as refused, and the refusal noted in its history). The
message's Message-ID is the complaint's once key, so a redelivered copy files nothing more.
"""
from __future__ import annotations

import hashlib
import re
from datetime import datetime

from pipeline.casework.replies import fresh_text
from pipeline.consult.complaint import BOOK, ComplaintRefused, file
from pipeline.core import senderauth, states
from pipeline.core.messages import say
from pipeline.core.models import AgendaEntry
from pipeline.intake.identify import identify
from pipeline.intake.parse import ParsedMessage

ASKS = re.compile(r"^\s*PENGADUAN\s*:\s*(.*)\Z", re.IGNORECASE | re.DOTALL)


def asked(parsed: ParsedMessage) -> str | None:
    """The complaint's text when the fresh part of the message starts with PENGADUAN:."""
    match = ASKS.match(fresh_text(parsed.text, parsed.html) or "")
    return match.group(1).strip() if match else None


def by_mail(wf, session, parsed: ParsedMessage, case: AgendaEntry, now: datetime
            ) -> tuple[str, str | None, AgendaEntry] | None:
    """(outcome, reason, the case the message belongs to), or None when it is no complaint."""
    text = asked(parsed)
    if text is None or case.book == BOOK or not case.agenda_no:
        return None
    sender = (parsed.from_addr or "").lower()
    who = identify(wf.rules.opds, sender, None, shared=tuple(wf.cfg.workflow.shared_domains))
    own = sender and (sender == (case.sender_email or "").lower()
                      or (who.opd is not None and who.opd.code == case.opd_code))
    why = None
    if not own:
        why = say("complaint.sender", {"sender": sender or "?"})
    else:
        result = senderauth.check(parsed.trace, parsed.from_addr, wf.trust)
        if not result.ok:
            why = say("complaint.unauthenticated", {"why": result.reason})
    if why is None:
        once = "mail:" + (parsed.message_id or "")[:180] if parsed.message_id else \
            "mail-sha:" + hashlib.sha256(text.encode()).hexdigest()
        try:
            complaint, _ = file(session, wf, case, text, via="mail", actor=sender, now=now,
                                once=once, message_id=parsed.message_id)
        except ComplaintRefused as err:
            why = str(err)
        else:
            return "complaint", None, complaint.entry
    states.note(case, "refused", actor=sender or "?", at=now, message_id=parsed.message_id,
                data={"reason": why, "complaint": True})
    return "refused", why, case
