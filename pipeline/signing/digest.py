# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Inspector's digest: the letters waiting for signature, mailed with a PDF preview of each.

It sits apart from the batch and from signing by reply because it uses both: the batch's list
of ready letters, and (with sign-by-reply on) a "signing" step whose numbers the Inspector's
TTD/TOLAK reply refers to. While the Inspektur is away with a Plt., it goes to the Plt.
(`who_signs.py`), and its step is theirs.
"""
from __future__ import annotations

from datetime import datetime
from email.utils import formataddr
from zoneinfo import ZoneInfo

from pipeline.casework.absences import current, today
from pipeline.casework.replies import reply_address, subject_tag
from pipeline.core import naskah
from pipeline.core.models import AgendaEntry
from pipeline.intake import notices
from pipeline.mail import outbox
from pipeline.mail.headers import new_message
from pipeline.signing import byreply as signreply
from pipeline.signing import who_signs
from pipeline.signing.batch import ready
from pipeline.signing.previews import previews


def digest(app, now: datetime, slot: str | None = None) -> int:
    """Mail the Inspector the signing batch with a PDF preview of each letter (those made for
    the paraf requests are reused; one LibreOffice run for the rest); returns how many letters
    it listed. With sign-by-reply on, the mail opens a "signing" step (superseding the previous
    digest's) and its numbers are what TTD/TOLAK replies refer to. SLOT names the scheduled
    digest ("08:00"): each worker's scheduler fires it, and only one digest per day and slot is
    mailed."""
    by_reply = signreply.enabled(app.cfg)
    with app.session() as s:
        rows = ready(s)
        drafts = [app.store.get(app.workflow.latest_draft(s, s.get(AgendaEntry, r["id"])).sha256,
                                "draft") for r in rows]
        if not rows and by_reply:
            signreply.supersede(s, now)         # nothing left to answer
    if not rows:
        return 0
    inspector = app.workflow.inspector
    with app.session() as s:            # the Inspektur, or their Plt. while they are away
        form, _ = who_signs.today_form(app.workflow, s, now)
        absence = current(s, inspector.code, today(app.cfg, now)) if form and form.form else None
        away = (f"sedang {absence.reason} s.d. {naskah.tanggal(absence.ends_on)}"
                if absence else "")
    signer = form.official if form else inspector
    for row in rows:
        row["waiting"] = notices.local_time(app.cfg, row["waiting_since"]) \
            if row["waiting_since"] else "-"
    body = notices.render(app.cfg, "signing_digest", office=app.cfg.office, inspector=inspector,
                          letters=rows, by_reply=by_reply, signer=signer,
                          plt=bool(form and form.form == "plt"), away=away)
    msg = new_message()
    local_day = now.astimezone(ZoneInfo(app.cfg.office.timezone)).date()
    subject = f"{len(rows)} Surat Menunggu Tanda Tangan ({naskah.tanggal(local_day)})"
    msg["From"] = formataddr((app.cfg.office.name, app.cfg.office.email))
    msg["To"] = formataddr((signer.name, signer.emails[0]))
    msg.set_content(body)
    for row, pdf in zip(rows, previews(app.store, app.cfg, drafts)):
        if pdf:
            msg.add_attachment(pdf, maintype="application", subtype="pdf",
                               filename=f"{row['agenda_no'].replace('/', '-')}.pdf")
    once = outbox.once_key(None, "signing-digest", f"{local_day} {slot}") if slot else None
    with app.session() as s:
        if outbox.planned_once(s, once) is not None:
            return 0                            # another worker mailed this one
        step = None
        if by_reply:
            step, token = signreply.open_step(s, app.workflow, [r["id"] for r in rows], now,
                                              signer)
            subject = f"{subject_tag(token)} {subject}"
            msg["Reply-To"] = reply_address(app.cfg.office.email, token)
        msg["Subject"] = subject
        queued = outbox.queue(s, app.cfg, msg, kind="signing-digest", entry_id=None,
                              once=once)
        if step is not None:
            step.mail_message_id = queued.message_id
    return len(rows)
