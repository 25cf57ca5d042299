# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the tracking link of a letter's case shows (issue 19): what a STATUS answer says, and
nothing more. Numbers, Hal, when it was received, the stage, the role (jabatan) holding it,
the due date and whether it is kept; never a person's name, mailbox, the letter's files or
the answer's text (the OPD receives the signed answer by mail). The page itself is
`/lacak/{code}` in `public.py`, which finds the case by the code's hash like a web case's.
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

from pipeline.books.progress import describe
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry
from pipeline.core.workdays import Calendar


def view(ctx, session, entry: AgendaEntry) -> dict:
    cfg = ctx.cfg
    zone = ZoneInfo(cfg.office.timezone)
    officials = ctx.app.workflow.officials if ctx.app.workflow else ()
    progress = describe(session, entry, officials, Calendar(cfg.service.extra_holidays),
                        ctx.now.astimezone(zone).date(), zone)
    letter = entry.letter or {}
    return {"agenda_no": entry.agenda_no, "nomor": letter.get("nomor") or "-",
            "hal": letter.get("hal") or entry.subject or "-", "opd": entry.opd_name,
            "received": utc(entry.received_at), "progress": progress,
            "done": entry.status in ("sent", "closed")}
