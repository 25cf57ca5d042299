# SPDX-License-Identifier: AGPL-3.0-or-later
"""The walk-in desk (seed 2, "secara langsung"): the clerk records visitors and prints their
consultation forms; the assigned official writes the summary of the answer.

Pages: `/staf/datang` (today's visitors, open cases against the same-day target, and the form
for a new visitor), `/staf/datang/<id>` (one case, its forms as PDF), `/staf/datang/<id>/jawab`
(the answer, only for the official holding the case's open drafting step) and
`/staf/datang/tugas` (an official's walk-ins waiting for an answer).
"""
from __future__ import annotations

from sqlalchemy import select
from starlette.exceptions import HTTPException

from pipeline.consult import walkin
from pipeline.consult.walkinform import nip_text
from pipeline.core.db import utc
from pipeline.core.models import Disposition, Step
from pipeline.web.page import Ctx, download, page

DESK_ROLES = ("clerk", "inspector")
EVENT_WORDS = {
    "register": "Dicatat dalam buku agenda konsultasi", "dispose": "Didisposisikan",
    "answer": "Ringkasan jawaban ditulis", "notified": "Salinan dikirim lewat surel",
    "archived": "Formulir asli diarsipkan", "close": "Selesai", "printed": "Dicetak",
    "reminded": "Pengingat dikirim", "escalated": "Dieskalasi", "linked": "Surel terkait",
    "refused": "Balasan ditolak", "unclear": "Balasan tidak jelas",
}
STEP_WORDS = {"disposition": "disposisi", "drafting": "jawaban", "paraf": "paraf"}
FIELDS = ("name", "nip", "position", "institution", "phone", "email", "purpose")


def _names(ctx: Ctx) -> dict[str, str]:
    wf = ctx.app.workflow
    return {o.code: o.name for o in wf.officials} if wf else {}


def _row(entry, step, names, now) -> dict:
    who = entry.requester or {}
    return {"id": entry.id, "agenda_no": entry.agenda_no, "received_at": entry.received_at,
            "name": who.get("name"), "institution": entry.opd_name or who.get("institution"),
            "purpose": (entry.consultation or {}).get("purpose"), "status": entry.status,
            "target": walkin.target_of(entry), "answered": walkin.answered_at(entry),
            "on_time": walkin.on_time(entry, now),
            "waiting": f"{STEP_WORDS.get(step.kind, step.kind)} — "
                       f"{names.get(step.official, step.official)}" if step else None}


def _desk(ctx: Ctx, *, values=None, questions=None, errors=None, status=200):
    with ctx.session() as s:
        today, earlier = walkin.desk(s, ctx.cfg, ctx.now)
        steps = walkin.waiting_on(s, today + earlier)
        names = _names(ctx)
        rows_today = [_row(e, steps.get(e.id), names, ctx.now) for e in today]
        rows_open = [_row(e, steps.get(e.id), names, ctx.now) for e in earlier]
    opds = [o.name for o in ctx.app.rules.opds]
    met = sum(1 for r in rows_today if r["on_time"] is True)
    return ctx.render("staff/walkin/desk.html", status=status, today=rows_today,
                      earlier=rows_open, opds=opds, values=values or {},
                      questions=(questions or []) + [""] * (3 - len(questions or [])),
                      errors=errors or {}, met=met,
                      answered=sum(1 for r in rows_today if r["answered"]),
                      target=walkin.target_for(ctx.cfg, ctx.now))


@page("/staf/datang", roles=("clerk",), methods=("GET", "POST"))
def walkin_desk(ctx: Ctx):
    if ctx.request.method == "GET":
        return _desk(ctx)
    values = {k: ctx.value(k) for k in FIELDS}
    values["purpose"] = ctx.form.get("purpose", [""])[0]
    questions = [q for q in ctx.form.get("question", []) if q.strip()]
    visit = walkin.Visit(name=values["name"], institution=values["institution"],
                         purpose=values["purpose"], questions=tuple(questions),
                         position=values["position"], phone=values["phone"],
                         email=values["email"], nip=values["nip"])
    _, errors = walkin.clean(visit)
    if errors:
        return _desk(ctx, values=values, questions=questions, errors=errors, status=400)
    with ctx.session() as s:
        entry = walkin.register(s, ctx.app, visit, ctx.now, actor=ctx.actor)
        entry_id, agenda_no = entry.id, entry.agenda_no
    return ctx.redirect(f"/staf/datang/{entry_id}",
                        notice=f"Pengunjung dicatat dengan Nomor Agenda {agenda_no}. Cetak "
                               f"formulir konsultasi untuk ditandatangani pengunjung.")


def _case(s, ctx: Ctx, entry) -> dict:
    names = _names(ctx)
    disp = s.scalars(select(Disposition).where(Disposition.entry_id == entry.id)
                     .order_by(Disposition.id.desc()).limit(1)).first()
    steps = list(s.scalars(select(Step).where(Step.entry_id == entry.id).order_by(Step.id)))
    events = [{"at": ev.at, "kind": ev.kind, "words": _event_words(ev),
               "actor": ev.actor,
               "to": (ev.data or {}).get("to") if ev.kind == "notified" else None}
              for ev in entry.events]
    c = entry.consultation or {}
    requester = dict(entry.requester or {})
    requester["nip"] = nip_text(requester.get("nip") or "")
    return {"id": entry.id, "agenda_no": entry.agenda_no, "status": entry.status,
            "received_at": entry.received_at, "requester": requester,
            "opd_name": entry.opd_name if entry.opd_code else None,
            "purpose": c.get("purpose") or "", "questions": (entry.letter or {}).get(
                "pertanyaan") or [], "answer": c.get("answer"),
            "answered": walkin.answered_at(entry), "has_copy": bool(
                c.get("copy_sha256")), "target": walkin.target_of(entry),
            "on_time": walkin.on_time(entry, ctx.now), "email": entry.sender_email,
            "disposition": {"to": names.get(disp.assignee, disp.assignee),
                            "instructions": disp.instructions, "at": disp.decided_at,
                            "by": disp.decided_by} if disp else None,
            "steps": [{"kind": STEP_WORDS.get(st.kind, st.kind), "official":
                       names.get(st.official, st.official), "status": st.status,
                       "opened": st.opened_at, "due": st.due_at, "closed": st.closed_at,
                       "late": (utc(st.closed_at or ctx.now) > utc(st.due_at))}
                      for st in steps],
            "events": events}


def _event_words(ev) -> str:
    if ev.kind == "printed":
        return {"formulir": "Formulir dicetak", "salinan": "Salinan dicetak"}.get(
            (ev.data or {}).get("form"), "Dicetak")
    return EVENT_WORDS.get(ev.kind, ev.kind)


def _entry_or_404(s, entry_id: int):
    entry = walkin.get(s, entry_id)
    if entry is None:
        raise HTTPException(404, "Konsultasi langsung tidak ditemukan.")
    return entry


@page("/staf/datang/{entry_id:int}", roles=DESK_ROLES)
def walkin_case(ctx: Ctx):
    with ctx.session() as s:
        case = _case(s, ctx, _entry_or_404(s, ctx.request.path_params["entry_id"]))
    return ctx.render("staff/walkin/case.html", case=case)


@page("/staf/datang/{entry_id:int}/formulir.pdf", roles=DESK_ROLES)
def walkin_form_pdf(ctx: Ctx):
    with ctx.session() as s:
        entry = _entry_or_404(s, ctx.request.path_params["entry_id"])
        data = walkin.form_pdf(s, ctx.app, entry, completed=False, now=ctx.now)
        walkin.note_printed(entry, "formulir", actor=ctx.actor, now=ctx.now)
        name = f"formulir-konsultasi-{walkin.file_slug(entry)}.pdf"
    return download(data, name, "application/pdf")


@page("/staf/datang/{entry_id:int}/salinan.pdf", roles=DESK_ROLES)
def walkin_copy_pdf(ctx: Ctx):
    with ctx.session() as s:
        entry = _entry_or_404(s, ctx.request.path_params["entry_id"])
        data = walkin.copy_pdf(ctx.app, entry)
        if data is None:
            raise HTTPException(404, "Konsultasi ini belum dijawab; salinan belum tersedia.")
        walkin.note_printed(entry, "salinan", actor=ctx.actor, now=ctx.now)
        name = f"salinan-formulir-konsultasi-{walkin.file_slug(entry)}.pdf"
    return download(data, name, "application/pdf")


@page("/staf/datang/{entry_id:int}/jawab", roles=("official", "inspector"),
      methods=("GET", "POST"))
def walkin_answer(ctx: Ctx):
    entry_id = ctx.request.path_params["entry_id"]
    code = ctx.user.official
    summary, error = "", None
    if ctx.request.method == "POST":
        summary = ctx.form.get("summary", [""])[0]
        with ctx.session() as s:
            entry = _entry_or_404(s, entry_id)
            if not walkin.may_answer(s, entry, code):
                raise HTTPException(403, "Hanya pejabat yang ditugasi menjawab konsultasi ini "
                                         "yang dapat menulis ringkasan jawabannya.")
            try:
                walkin.answer(s, ctx.app, entry, code, summary, ctx.now, actor=ctx.actor)
                agenda_no, mailed = entry.agenda_no, entry.sender_email
            except walkin.NotAllowed:
                raise HTTPException(403, "Konsultasi ini tidak lagi menunggu jawaban Anda.")
            except walkin.WalkinError as err:
                error = str(err)
        if error is None:
            sent = " Salinan formulir telah dikirim ke surel pengunjung." if mailed else ""
            return ctx.redirect("/staf/datang/tugas",
                                notice=f"Jawaban atas {agenda_no} tersimpan; kasus selesai."
                                       + sent)
    with ctx.session() as s:
        entry = _entry_or_404(s, entry_id)
        if not walkin.may_answer(s, entry, code):
            raise HTTPException(403, "Hanya pejabat yang ditugasi menjawab konsultasi ini "
                                     "yang dapat menulis ringkasan jawabannya.")
        case = _case(s, ctx, entry)
    return ctx.render("staff/walkin/answer.html", status=400 if error else 200, case=case,
                      summary=summary, error=error, due=case["target"])


@page("/staf/datang/tugas", roles=("official", "inspector"))
def walkin_tasks(ctx: Ctx):
    """The signed-in official's walk-ins waiting for an answer."""
    from pipeline.core.models import AgendaEntry
    rows = []
    with ctx.session() as s:
        if ctx.user.official:
            found = s.execute(select(Step, AgendaEntry).join(
                AgendaEntry, AgendaEntry.id == Step.entry_id).where(
                Step.status == "open", Step.kind == "drafting",
                Step.official == ctx.user.official, AgendaEntry.channel == walkin.CHANNEL)
                .order_by(Step.due_at))
            names = _names(ctx)
            rows = [_row(e, st, names, ctx.now) | {"due": st.due_at} for st, e in found]
    return ctx.render("staff/walkin/tasks.html", rows=rows)
