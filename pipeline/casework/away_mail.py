# SPDX-License-Identifier: AGPL-3.0-or-later
"""`CUTI s.d. 12 Desember` replied to any Paraf mail: the sender's absence, recorded only when
the reply carries a token Paraf issued (or answers a Paraf mail without one: a reminder, a
confirmation) and comes, authenticated, from an official's own registered address; the
confirmation goes to that registered address."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from pipeline.casework import away
from pipeline.casework.absences import today
from pipeline.casework.away_words import read
from pipeline.casework.replies import read_token
from pipeline.core import naskah, senderauth
from pipeline.core.models import AgendaEntry, OutboxMail, Step
from pipeline.core.officials import by_email


def declared(wf, text: str, now: datetime):
    return read(text, today(wf.cfg, now))


def answered_case(session, parsed) -> AgendaEntry | None:
    """The case of the Paraf mail (without a token) that PARSED replies to, if any."""
    ids = list(parsed.thread_ids)
    if not ids:
        return None
    entry_id = session.scalar(select(OutboxMail.entry_id).where(
        OutboxMail.message_id.in_(ids), OutboxMail.entry_id.is_not(None)).limit(1))
    return session.get(AgendaEntry, entry_id, with_for_update=True) if entry_id else None


def on_reply(wf, session, parsed, tokens, words, now: datetime):
    """Record the absence WORDS declare for the reply's sender; refuse anything else."""
    refs = [r for r in (read_token(wf.cfg.secret, t) for t in tokens) if r]
    step = session.get(Step, refs[0].step_id) if refs and wf.cfg.secret else None
    if step is not None:
        entry = session.get(AgendaEntry, step.entry_id, with_for_update=True)
    elif tokens:
        return "refused", None, "tokennya tidak diterbitkan oleh Paraf (palsu atau rusak)"
    else:                   # no token: only an official's reply to a Paraf mail is ours
        entry = answered_case(session, parsed)          # a reminder, a confirmation …
        if entry is None or by_email(wf.officials, parsed.from_addr) is None:
            return None
    if step is None:
        step = session.scalar(select(Step).where(Step.entry_id == entry.id)
                              .order_by(Step.id.desc()).limit(1))
        if step is None:
            return None
    official = by_email(wf.officials, parsed.from_addr)
    if official is None:
        return wf.refuse(session, parsed, entry, step, f"dikirim dari {parsed.from_addr}, yang "
                         f"bukan alamat terdaftar pejabat mana pun", now)
    sender = senderauth.check(parsed.trace, parsed.from_addr, wf.trust, own_domain=True)
    if not sender.ok:
        return wf.refuse(session, parsed, entry, step, sender.reason, now)
    delegate = (away.find_official(wf, words.delegate) if words.delegate
                else away.default_delegate(wf, session, official))
    try:
        if delegate is None:
            raise away.AwayError(f"Pejabat pengganti '{words.delegate or '-'}' tidak dikenal; "
                                 f"tulis kodenya, misalnya: CUTI s.d. 12 Desember, Plt. "
                                 f"sekretaris.")
        absence = away.record(wf, session, official, delegate,
                              words.start or today(wf.cfg, now), words.end, words.reason,
                              by=parsed.from_addr, now=now, message_id=parsed.message_id,
                              step_id=step.id)
    except away.AwayError as err:
        wf.desk.tell(session, entry, official, "away_confirm", "Ketidakhadiran Tidak Dicatat",
                     answering=parsed.message_id, recorded=False, why=str(err))
        return "unclear", entry, str(err)
    wf.desk.tell(session, entry, official, "away_confirm", "Ketidakhadiran Dicatat",
                 answering=parsed.message_id, recorded=True, why="",
                 reason=absence.reason, start=naskah.tanggal(absence.starts_on),
                 end=naskah.tanggal(absence.ends_on), delegate=delegate)
    return "away", entry, None
