# SPDX-License-Identifier: AGPL-3.0-or-later
"""Answered cases for the survey tests: walk-in visits registered, disposed and answered
through the same functions the desk and the officials' pages call, and the survey link read
back from the mail the requester got."""
from __future__ import annotations

import email
import re
from datetime import datetime, timezone
from email import policy

from sqlalchemy import select

from pipeline.consult import walkin
from pipeline.consult.visit import Visit
from pipeline.core.models import OutboxMail

LINK = re.compile(r"https?://\S+/survei/([A-Za-z0-9_-]+)")


def answered_walkin(app, n: int, *, email_addr: str | None = None) -> int:
    """Visitor N came, was disposed to auditor-1a and answered; returns the case's id."""
    now = datetime.now(timezone.utc)
    visit = Visit(name=f"Pengunjung Uji {n}", institution="Dinas Pendidikan Kota Pekalongan",
                  purpose=f"Konsultasi tindak lanjut LHP nomor {n}",
                  questions=(f"Bagaimana menindaklanjuti rekomendasi {n}?",),
                  position="Kepala Subbagian Keuangan", phone="0812-2345-6789",
                  email=email_addr if email_addr is not None else f"pengunjung{n}@example.id")
    with app.session() as s:
        entry = walkin.register(s, app, visit, now, actor="web:dewi")
        entry_id = entry.id
    with app.session() as s:
        entry = walkin.get(s, entry_id)
        walkin.dispose(s, app, entry, "auditor-1a", by_code="inspektur", instructions=None,
                       now=now, actor="web:bambang")
    with app.session() as s:
        walkin.answer(s, app, walkin.get(s, entry_id), "auditor-1a",
                      "Kelebihan bayar disetor ke kas daerah.", now, actor="web:rina")
    return entry_id


def survey_mails(app, entry_id: int | None = None) -> list[OutboxMail]:
    with app.session() as s:
        query = select(OutboxMail).where(OutboxMail.kind == "survey").order_by(OutboxMail.id)
        if entry_id is not None:
            query = query.where(OutboxMail.entry_id == entry_id)
        return list(s.scalars(query))


def mail_text(app, row: OutboxMail) -> tuple[str, str]:
    """(subject, plain body) of a spooled mail."""
    raw = (app.cfg.outbox_path / row.spool_path).read_bytes()
    msg = email.message_from_bytes(raw, policy=policy.default)
    return str(msg["Subject"]), msg.get_body(("plain",)).get_content().replace("\r\n", "\n")


def token_of(app, entry_id: int) -> str:
    """The token in the one survey mail of the case."""
    [row] = survey_mails(app, entry_id)
    _, body = mail_text(app, row)
    return LINK.search(body).group(1)
