# SPDX-License-Identifier: AGPL-3.0-or-later
"""The satisfaction survey (SKM, PermenPANRB 14/2017): asked once, when the answer is delivered.

`invite` runs in the transaction that delivers a case's answer (the signed letter sent, a
direct answer on the web, a walk-in visitor's completed form): one invitation per case (a
unique key on the case), one short mail (a unique planned-mail key), and the link for the
walk-in form's QR code. The link carries a 128-bit token of which only the hash is stored;
`submit` takes the nine answers once, before the link expires, in one conditional UPDATE, so
two submits racing each other cannot both count.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pipeline.consult.request import mail_requester, thread_of
from pipeline.consult.survey_models import SurveyInvitation
from pipeline.consult.survey_rules import load as load_rules
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Disposition
from pipeline.intake import notices
from pipeline.mail import outbox

MAX_COMMENT = 2000
PURPOSE = "survey"


@dataclass(frozen=True)
class Element:
    """One unsur of the guideline: its short name, the question, the four answers (1..4)."""
    code: str
    name: str
    question: str
    labels: tuple[str, str, str, str]


SESUAI = ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")
# The nine elements and the sample questionnaire's answers, PermenPANRB 14/2017, Lampiran.
ELEMENTS = (
    Element("u1", "Persyaratan", "Bagaimana pendapat Saudara tentang kesesuaian persyaratan "
            "pelayanan dengan jenis pelayanannya?", SESUAI),
    Element("u2", "Sistem, mekanisme, dan prosedur", "Bagaimana pemahaman Saudara tentang "
            "kemudahan prosedur pelayanan di unit ini?",
            ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    Element("u3", "Waktu penyelesaian", "Bagaimana pendapat Saudara tentang kecepatan waktu "
            "dalam memberikan pelayanan?",
            ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    Element("u4", "Biaya/tarif", "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif "
            "dalam pelayanan?", ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    Element("u5", "Produk spesifikasi jenis pelayanan", "Bagaimana pendapat Saudara tentang "
            "kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan "
            "hasil yang diberikan?", SESUAI),
    Element("u6", "Kompetensi pelaksana", "Bagaimana pendapat Saudara tentang kompetensi/"
            "kemampuan petugas dalam pelayanan?",
            ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")),
    Element("u7", "Perilaku pelaksana", "Bagaimana pendapat Saudara tentang perilaku petugas "
            "dalam pelayanan terkait kesopanan dan keramahan?",
            ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah",
             "Sangat sopan dan ramah")),
    Element("u8", "Penanganan pengaduan, saran, dan masukan", "Bagaimana pendapat Saudara "
            "tentang penanganan pengaduan pengguna layanan?",
            ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal",
             "Dikelola dengan baik")),
    Element("u9", "Sarana dan prasarana", "Bagaimana pendapat Saudara tentang kualitas sarana "
            "dan prasarana?", ("Buruk", "Cukup", "Baik", "Sangat baik")),
)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link(cfg, token: str) -> str:
    return f"{cfg.web.base_url.rstrip('/')}/survei/{token}"


def answering_official(session: Session, app, entry: AgendaEntry) -> tuple[str | None, str]:
    """(code, unit) of the official the case was disposed to, who wrote its answer."""
    code = session.scalar(select(Disposition.assignee).where(Disposition.entry_id == entry.id)
                          .order_by(Disposition.id.desc()).limit(1))
    official = app.workflow.by_code.get(code) if app.workflow and code else None
    return code, (official.unit or official.jabatan) if official else ""


def invite(session: Session, app, entry: AgendaEntry, now: datetime) -> str | None:
    """Invite ENTRY's requester, once: returns the survey link, or None when already invited.
    The mail goes to the requester's address when there is one."""
    if session.scalar(select(SurveyInvitation.id).where(
            SurveyInvitation.entry_id == entry.id)) is not None:
        return None
    days = load_rules(app.cfg.rules_path).valid_days
    token = secrets.token_urlsafe(16)                   # 128 bits
    code, unit = answering_official(session, app, entry)
    session.add(SurveyInvitation(
        entry_id=entry.id, token_hash=token_hash(token), channel=entry.channel, official=code,
        unit=unit or None, created_at=now, expires_at=now + timedelta(days=days)))
    url = link(app.cfg, token)
    if entry.sender_email:
        who = entry.requester or {}
        body = notices.render(app.cfg, "survey", **notices.case_context(app.cfg, entry),
                              recipient=who.get("name") or entry.opd_name or entry.sender_name
                              or entry.sender_email, person=bool(who.get("name")),
                              link=url, days=days)
        msg = mail_requester(app, entry, (who.get("name") or entry.sender_name or "",
                                          entry.sender_email),
                             notices.SUBJECTS["survey"].format(agenda_no=entry.agenda_no),
                             body, thread=thread_of(session, entry) or entry.message_id)
        outbox.queue(session, app.cfg, msg, kind="survey", entry_id=entry.id, now=now,
                     once=outbox.once_key(entry.id, PURPOSE))
    session.flush()
    return url


def state_of(session: Session, token: str, now: datetime) -> str:
    """'open', 'used', 'expired' or 'unknown' for the link's TOKEN."""
    row = session.scalar(select(SurveyInvitation).where(
        SurveyInvitation.token_hash == token_hash(token or "")))
    if row is None:
        return "unknown"
    if row.answered_at is not None:
        return "used"
    return "expired" if utc(row.expires_at) <= utc(now) else "open"


def read_answers(form: dict[str, str]) -> tuple[list[int], list[str]]:
    """The nine values from a posted form, and what is missing or wrong, in Indonesian."""
    values, errors = [], []
    for i, element in enumerate(ELEMENTS, 1):
        raw = form.get(element.code, "")
        if raw not in ("1", "2", "3", "4"):
            errors.append(f"Pertanyaan {i} ({element.name}) belum dijawab.")
            values.append(0)
        else:
            values.append(int(raw))
    return values, errors


def submit(session: Session, token: str, values: list[int], comment: str,
           now: datetime) -> str:
    """Record the answers once: 'saved', or why not ('used', 'expired', 'unknown')."""
    if len(values) != len(ELEMENTS) or any(v not in (1, 2, 3, 4) for v in values):
        raise ValueError("nine answers from 1 to 4 are needed")
    comment = " ".join((comment or "").split())[:MAX_COMMENT] or None
    done = session.execute(update(SurveyInvitation).where(
        SurveyInvitation.token_hash == token_hash(token or ""),
        SurveyInvitation.answered_at.is_(None), SurveyInvitation.expires_at > now)
        .values(answered_at=now, answers=list(values), comment=comment))
    if done.rowcount == 1:
        return "saved"
    return state_of(session, token, now)
