# SPDX-License-Identifier: AGPL-3.0-or-later
"""`CUTI s.d. 12 Desember` replied to any Paraf mail: the sender's absence, recorded only when
the reply carries a token Paraf issued and comes, authenticated, from an official's own
registered address; the confirmation goes to that registered address."""
from __future__ import annotations

from datetime import datetime

from pipeline.casework import away
from pipeline.casework.absences import today
from pipeline.casework.away_words import read
from pipeline.casework.replies import read_token
from pipeline.core import naskah, senderauth
from pipeline.core.models import AgendaEntry, Step
from pipeline.core.officials import by_email


def declared(wf, text: str, now: datetime):
    return read(text, today(wf.cfg, now))


def on_reply(wf, session, parsed, tokens, words, now: datetime):
    """Record the absence WORDS declare for the reply's sender; refuse anything else."""
    refs = [r for r in (read_token(wf.cfg.secret, t) for t in tokens) if r]
    step = session.get(Step, refs[0].step_id) if refs and wf.cfg.secret else None
    if step is None:
        return "refused", None, "tokennya tidak diterbitkan oleh Paraf (palsu atau rusak)"
    entry = session.get(AgendaEntry, step.entry_id, with_for_update=True)
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
