# SPDX-License-Identifier: AGPL-3.0-or-later
"""The walk-in desk (seed 2, "secara langsung"): a visitor consults in person.

1. The clerk records the visitor (identity, OPD, purpose, summary of the questions) in the
   consultation book: `register()`, a `walk-in` case through `consult.register`, with the
   clerk as actor, and the pre-filled consultation form (`walkinform`) to sign.
2. The Inspector (or a senior official) disposes it to an official: `Workflow.start` opens the
   Inspector's disposition step (confirm mode: the disposition e-mail, as for letters) or
   disposes by rule (auto); `dispose()` is the same decision taken at the desk or on a page.
3. The assigned official writes the summary of the answer: `answer()` closes their drafting
   step, moves the case `answer` (DISPOSED -> SENT, a direct answer), keeps the summary with who
   and when, stores the completed copy (`salinan`), mails it to the visitor where an address was
   given, notes the original as archived and closes the case.

The service target is the same working day: `due_on` is the day of the visit (the next working
day when the visit falls outside office hours) and the target moment is the office's closing
time that day; the officials' steps are held to it too.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from email.message import EmailMessage
from email.utils import formataddr
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pipeline.casework.steps import open_steps
from pipeline.consult import register as consult
from pipeline.consult import survey
from pipeline.consult.visit import (  # noqa: F401
    EMAIL_RE,
    LIMITS,
    MAX_QUESTIONS,
    Visit,
    clean,
    match_opd,
    one_line,
    paragraph,
)
from pipeline.core import naskah, states
from pipeline.core.db import utc
from pipeline.core.errors import ParafError
from pipeline.core.models import AgendaEntry, Disposition, Step
from pipeline.core.workdays import Calendar, OfficeHours
from pipeline.intake import notices
from pipeline.intake.register import Registrar
from pipeline.mail import outbox
from pipeline.mail.headers import new_message

CHANNEL = "walk-in"
OPEN = tuple(s.value for s in states.OPEN)
COPY_KIND = "walkin"          # the content-store folder of completed copies


class WalkinError(ParafError):
    """A walk-in request that cannot be done as asked; the message (Indonesian) says why."""


class NotAllowed(WalkinError):
    """The person asking may not do this to this case."""


# -- time ----------------------------------------------------------------------------------
def _hours(cfg) -> OfficeHours:
    return OfficeHours(Calendar(cfg.service.extra_holidays), cfg.office.timezone,
                       cfg.workflow.office_hours)


def target_for(cfg, visited: datetime) -> datetime:
    """The office's closing time on the working day of the visit (the next working day when
    the visit is on a day off or after closing)."""
    hours = _hours(cfg)
    local = utc(visited).astimezone(hours.zone)
    day = local.date()
    while not hours.calendar.is_working_day(day) or \
            (day == local.date() and local.time() >= hours.close):
        day += timedelta(days=1)
        local = datetime.combine(day, time.min, hours.zone)
    return datetime.combine(day, hours.close, hours.zone).astimezone(timezone.utc)


def target_of(entry: AgendaEntry) -> datetime | None:
    at = (entry.consultation or {}).get("target_at")
    return datetime.fromisoformat(at) if at else None


def answered_at(entry: AgendaEntry) -> datetime | None:
    at = ((entry.consultation or {}).get("answer") or {}).get("at")
    return datetime.fromisoformat(at) if at else None


def on_time(entry: AgendaEntry, now: datetime) -> bool | None:
    """True when answered by the target, False when answered late or still open past it,
    None while open and not yet late."""
    target = target_of(entry)
    if target is None:
        return None
    done = answered_at(entry)
    if done is not None:
        return done <= target
    return False if utc(now) > target else None


# -- 1. register ----------------------------------------------------------------------------
def register(session: Session, app, visit: Visit, now: datetime, *, actor: str
             ) -> AgendaEntry:
    """Record VISIT in the consultation book as a walk-in case and start its disposition.

    Raises WalkinError with every problem when the visit is not complete."""
    visit, errors = clean(visit)
    if errors:
        raise WalkinError("; ".join(f"{k}: {v}" for k, v in errors.items()))
    opd = match_opd(app.rules.opds, visit.institution)
    hal = visit.purpose.split("\n")[0]
    hal = hal if len(hal) <= 160 else hal[:157].rstrip() + "..."
    # The visitor is at the desk and takes the signed form home: consult.register mails no
    # receipt; the address is kept for the completed copy.
    request = consult.ConsultationRequest(
        channel=CHANNEL, requester=consult.Requester(
            name=visit.name, institution=visit.institution, position=visit.position,
            email=visit.email or "", phone=visit.phone, nip=visit.nip),
        subject=hal, purpose=visit.purpose, questions=visit.questions,
        opd_code=opd.code if opd else None)
    entry, _code = consult.register(session, Registrar(app.cfg, app.rules), request, now,
                                    opd_name=opd.name if opd else None, actor=actor)
    target = target_for(app.cfg, now)
    entry.due_on = target.astimezone(ZoneInfo(app.cfg.office.timezone)).date()
    entry.consultation = {**(entry.consultation or {}), "target": "same-day",
                          "target_at": target.isoformat(), "clerk": actor}
    session.flush()
    start(session, app, entry, now)
    return entry


def start(session: Session, app, entry: AgendaEntry, now: datetime) -> bool:
    """Open the disposition (confirm) or dispose by rule (auto), as for letters; False when
    it must wait for the worker (no officials/routing, or no PARAF_SECRET to sign tokens)."""
    if app.workflow is None or not app.cfg.secret or entry.status != "registered":
        return False
    app.workflow.start(session, entry, now)
    return True


# -- 2. dispose -----------------------------------------------------------------------------
def may_dispose(workflow, by_code: str, assignee_code: str) -> bool:
    """The Inspector, or an official above the assignee in the hierarchy."""
    by = workflow.by_code.get(by_code)
    if by is None:
        return False
    if by.is_inspector:
        return True
    cur = workflow.by_code.get(assignee_code)
    seen = set()
    while cur is not None and cur.superior and cur.code not in seen:
        seen.add(cur.code)
        if cur.superior == by.code:
            return True
        cur = workflow.by_code.get(cur.superior)
    return False


def dispose(session: Session, app, entry: AgendaEntry, assignee_code: str, *, by_code: str,
            instructions: str | None, now: datetime, actor: str) -> Disposition:
    """The Inspector (or a senior official, BY_CODE) assigns ENTRY to ASSIGNEE_CODE, taking
    the place of the disposition reply; the assignee is asked to answer (drafting step)."""
    wf = _workflow(app)
    _require_walkin(entry)
    session.refresh(entry, with_for_update=True)       # one decision at a time
    if entry.status != states.Status.REGISTERED.value:
        raise WalkinError(f"{entry.agenda_no}: sudah didisposisikan atau sudah selesai")
    target = wf.by_code.get(assignee_code)
    if target is None:
        raise WalkinError(f"tidak ada pejabat dengan kode '{assignee_code}'")
    if target.is_inspector:
        raise WalkinError("disposisi ditujukan kepada pejabat di bawah Inspektur")
    if not may_dispose(wf, by_code, assignee_code):
        raise NotAllowed(f"{by_code} tidak berwenang mendisposisikan kepada {assignee_code}")
    instructions = paragraph(instructions)[:LIMITS["instructions"]] or None
    decided = wf.route(entry)
    chain = decided.chain if target.code == decided.assignee.code \
        else wf.chain_for(decided.rule, target)
    for step in open_steps(session, entry):
        if step.kind == "disposition":
            wf.desk.close(step, "disposed", now, notes=instructions)
    wf.dispose(session, entry, target, chain, rule=decided.rule, trail=decided.trail,
               instructions=instructions, by=actor, now=now)
    return wf.disposition(session, entry)


# -- 3. answer, copy, archive ---------------------------------------------------------------
def drafting_step(session: Session, entry: AgendaEntry) -> Step | None:
    return next((s for s in open_steps(session, entry) if s.kind == "drafting"), None)


def may_answer(session: Session, entry: AgendaEntry, official_code: str | None) -> bool:
    """Only the official who owns the open drafting step of this walk-in case."""
    if entry.channel != CHANNEL or entry.status != states.Status.DISPOSED.value:
        return False
    step = drafting_step(session, entry)
    return bool(official_code) and step is not None and step.official == official_code


def answer(session: Session, app, entry: AgendaEntry, official_code: str, summary: str,
           now: datetime, *, actor: str) -> bytes:
    """The official's direct answer: close the drafting step, move `answer`, keep the summary,
    store and mail the completed copy, archive the original and close. Returns the copy."""
    wf = _workflow(app)
    _require_walkin(entry)
    session.refresh(entry, with_for_update=True)       # a second submit finds it answered
    if not may_answer(session, entry, official_code):
        raise NotAllowed(f"{official_code or '?'} tidak memegang tugas menjawab "
                         f"{entry.agenda_no}")
    summary = paragraph(summary)
    if not summary:
        raise WalkinError("Ringkasan jawaban wajib diisi.")
    if len(summary) > LIMITS["summary"]:
        raise WalkinError(f"Ringkasan jawaban paling banyak {LIMITS['summary']} karakter.")
    official = wf.by_code[official_code]
    step = drafting_step(session, entry)
    wf.desk.close(step, "answered", now)
    wf.desk.supersede(session, entry, now)           # nothing else waits on a direct answer
    entry.consultation = {**(entry.consultation or {}), "answer": {
        "summary": summary, "official": official.code, "name": official.name,
        "jabatan": official.jabatan, "nip": official.nip, "at": now.isoformat(),
        "by": actor}}
    states.move(entry, "answer", actor=actor, at=now,
                data={"official": official.code, "direct": True, "step": step.id})
    session.flush()
    survey_url = survey.invite(session, app, entry, now) or ""     # the QR on the copy
    copy = form_pdf(session, app, entry, completed=True, now=now, survey_url=survey_url)
    digest, path = app.store.put(copy, COPY_KIND)
    entry.consultation = {**entry.consultation, "copy_sha256": digest}
    if entry.sender_email:
        mail = _copy_mail(app.cfg, entry, copy)
        queued = outbox.queue(session, app.cfg, mail, kind="walkin-copy", entry_id=entry.id,
                              now=now)
        states.note(entry, "notified", actor="paraf", at=now, message_id=queued.message_id,
                    data={"mail": "walkin_copy", "to": entry.sender_email})
    states.note(entry, "archived", actor=actor, at=now,
                data={"copy_sha256": digest, "copy": app.store.relative(path),
                      "original": "formulir asli bertanda tangan disimpan di arsip"})
    states.move(entry, "close", actor=actor, at=now, data={"walk_in": True})
    return copy


def copy_pdf(app, entry: AgendaEntry) -> bytes | None:
    """The completed copy as stored when the answer was written."""
    digest = (entry.consultation or {}).get("copy_sha256")
    return app.store.get(digest, COPY_KIND) if digest else None


def note_printed(entry: AgendaEntry, which: str, *, actor: str, now: datetime) -> None:
    states.note(entry, "printed", actor=actor, at=now, data={"form": which})


def _copy_mail(cfg, entry: AgendaEntry, pdf: bytes) -> EmailMessage:
    who = entry.requester or {}
    ans = (entry.consultation or {}).get("answer") or {}
    body = notices.render(cfg, "walkin_copy", **notices.case_context(cfg, entry),
                          visitor=who, answer=ans,
                          answered=notices.local_time(cfg, datetime.fromisoformat(ans["at"])))
    msg = new_message()
    msg["Subject"] = notices.SUBJECTS["walkin_copy"].format(agenda_no=entry.agenda_no)
    msg["From"] = formataddr((cfg.office.name, cfg.office.email))
    msg["To"] = formataddr((who.get("name") or "", entry.sender_email))
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Paraf-Agenda"] = entry.agenda_no
    msg.set_content(body)
    msg.add_attachment(pdf, maintype="application", subtype="pdf",
                       filename=f"salinan-formulir-konsultasi-{file_slug(entry)}.pdf")
    return msg


def file_slug(entry: AgendaEntry) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", entry.agenda_no or f"{entry.id}").strip("-").lower()


# -- the form -------------------------------------------------------------------------------
def form_pdf(session: Session, app, entry: AgendaEntry, *, completed: bool,
             now: datetime | None = None, survey_url: str = "") -> bytes:
    from pipeline.consult import walkinform
    info = replace(form_info(session, app, entry, now=now), survey_url=survey_url)
    return walkinform.build(info, completed=completed)


def form_info(session: Session, app, entry: AgendaEntry, *, now: datetime | None = None):
    from pipeline.consult import walkinform
    cfg = app.cfg
    who = entry.requester or {}
    c = entry.consultation or {}
    disp = session.scalars(select(Disposition).where(Disposition.entry_id == entry.id)
                           .order_by(Disposition.id.desc()).limit(1)).first()
    names = app.workflow.by_code if app.workflow else {}
    assignee = names.get(disp.assignee) if disp else None
    ans = c.get("answer") or {}
    target = target_of(entry)
    zone = ZoneInfo(cfg.office.timezone)
    answered = answered_at(entry)
    return walkinform.FormInfo(
        office_government=cfg.office.government, office_name=cfg.office.name,
        office_address=cfg.office.address, office_email=cfg.office.email,
        office_city=cfg.office.city, agenda_no=entry.agenda_no or f"#{entry.id}",
        visited=notices.local_time(cfg, entry.received_at),
        visited_day=naskah.hari_tanggal(utc(entry.received_at).astimezone(zone).date()),
        name=who.get("name") or "", nip=who.get("nip") or "",
        position=who.get("position") or "", institution=who.get("institution") or "",
        opd_name=entry.opd_name if entry.opd_code else "",
        phone=who.get("phone") or "", email=who.get("email") or "",
        purpose=c.get("purpose") or "",
        questions=tuple((entry.letter or {}).get("pertanyaan") or ()),
        target=notices.local_time(cfg, target) if target else "-",
        disposed_to=assignee.label() if assignee else (disp.assignee if disp else ""),
        disposed_by=_by_label(session, app, disp.decided_by) if disp else "",
        disposed_at=notices.local_time(cfg, disp.decided_at) if disp else "",
        instructions=(disp.instructions or "") if disp else "",
        answer=ans.get("summary") or "", answered_by=ans.get("name") or "",
        answered_jabatan=ans.get("jabatan") or "", answered_nip=ans.get("nip") or "",
        answered_at=notices.local_time(cfg, answered) if answered else "",
        on_time=(answered <= target) if answered and target else None,
        printed=notices.local_time(cfg, now or datetime.now(timezone.utc)),
        sign_date=naskah.tanggal((answered or utc(entry.received_at)).astimezone(zone).date()))


def _by_label(session: Session, app, decided_by: str) -> str:
    """'web:bambang', 'inspektur@…' or a code, as the official's name where it is known."""
    wf = app.workflow
    if wf is None:
        return decided_by
    key = decided_by.split(":", 1)[-1].lower()
    if decided_by.startswith("web:"):          # a staff account: its official code
        from pipeline.core.models import User
        key = session.scalar(select(User.official).where(User.username == key)) or key
    for o in wf.officials:
        if key == o.code or key in o.emails:
            return o.label()
    return decided_by


# -- lists ----------------------------------------------------------------------------------
def desk(session: Session, cfg, now: datetime) -> tuple[list[AgendaEntry], list[AgendaEntry]]:
    """(today's visitors, walk-in cases still open from earlier days), newest first."""
    zone = ZoneInfo(cfg.office.timezone)
    start_of_day = datetime.combine(utc(now).astimezone(zone).date(), time.min, zone) \
        .astimezone(timezone.utc)
    rows = list(session.scalars(select(AgendaEntry).where(
        AgendaEntry.channel == CHANNEL,
        or_(AgendaEntry.received_at >= start_of_day, AgendaEntry.status.in_(OPEN)))
        .order_by(AgendaEntry.received_at.desc(), AgendaEntry.id.desc())))
    today = [e for e in rows if utc(e.received_at) >= start_of_day]
    earlier = [e for e in rows if utc(e.received_at) < start_of_day]
    return today, earlier


def waiting_on(session: Session, entries) -> dict[int, Step]:
    """The open step each entry waits on."""
    ids = [e.id for e in entries]
    if not ids:
        return {}
    found: dict[int, Step] = {}
    for step in session.scalars(select(Step).where(Step.entry_id.in_(ids),
                                                   Step.status == "open").order_by(Step.id)):
        found.setdefault(step.entry_id, step)
    return found


def get(session: Session, entry_id: int) -> AgendaEntry | None:
    entry = session.get(AgendaEntry, entry_id)
    return entry if entry is not None and entry.channel == CHANNEL else None


def _require_walkin(entry: AgendaEntry) -> None:
    if entry.channel != CHANNEL:
        raise WalkinError(f"{entry.agenda_no or entry.id} bukan konsultasi langsung")


def _workflow(app):
    if app.workflow is None:
        raise WalkinError("instalasi ini belum memiliki officials.toml dan routing.toml")
    if not app.cfg.secret:
        raise WalkinError("PARAF_SECRET belum diatur; permintaan kepada pejabat tidak dapat "
                          "dikirim")
    return app.workflow


def today_local(cfg, now: datetime) -> date:
    return utc(now).astimezone(ZoneInfo(cfg.office.timezone)).date()
