# SPDX-License-Identifier: AGPL-3.0-or-later
"""Deliver a generated mailbox to a running Paraf, one mail and one worker pass at a time,
and compare what each message became with its truth."""
from __future__ import annotations

import re

from sqlalchemy import select

from pipeline.core.models import AgendaEntry, InboundMessage


def _norm(nomor):
    return re.sub(r"\s+", "", nomor or "").lower()


def got(session, mail) -> dict:
    row = session.scalar(select(InboundMessage).where(
        InboundMessage.message_id == mail.message_id))
    if row is None:
        return {"outcome": None}
    entry = session.get(AgendaEntry, row.entry_id) if row.entry_id else None
    return {"outcome": row.outcome, "entry": row.entry_id,
            "status": entry.status if entry else None,
            "nomor": entry.letter_nomor if entry else None,
            "follows": (entry.letter_meta or {}).get("follows_id") if entry else None}


def right(mail, seen: dict, entries: list) -> bool:
    """Whether SEEN (from `got`) is the outcome MAIL must get; ENTRIES are the earlier mails'
    case ids, for the follow-up link."""
    if seen["outcome"] != mail.outcome or seen["status"] != mail.status:
        return False
    if mail.nomor and mail.outcome != "duplicate" and _norm(seen["nomor"]) != _norm(mail.nomor):
        return False
    if mail.follows is not None:
        return seen["follows"] == entries[mail.follows] and seen["entry"] != entries[mail.follows]
    return True


def run(app, mails, deliver, settle) -> list[tuple[object, dict, bool]]:
    """DELIVER(app, raw) each mail and SETTLE(app) the worker; the verdict per mail."""
    results, entries = [], []
    for mail in mails:
        deliver(app, mail.raw)
        settle(app)
        with app.session() as s:
            seen = got(s, mail)
        entries.append(seen.get("entry"))
        results.append((mail, seen, right(mail, seen, entries)))
    return results
