# SPDX-License-Identifier: AGPL-3.0-or-later
"""The staff side of seed 1: the clerk's completeness check of web requests, and the
official's short direct answer where rules/consultation.toml allows it."""
from __future__ import annotations

from sqlalchemy import select
from starlette.exceptions import HTTPException

from pipeline.consult import flow
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Step
from pipeline.web.page import Ctx, download, page

STAFF = ("clerk", "official", "inspector", "admin")
ANSWER_ROLES = ("official", "inspector")


def _row(entry: AgendaEntry, step: Step | None, now) -> dict:
    r = entry.requester or {}
    c = entry.consultation or {}
    due = utc(step.due_at) if step else None
    return {"id": entry.id, "agenda_no": entry.agenda_no, "status": entry.status,
            "received": utc(entry.received_at), "name": r.get("name"),
            "institution": r.get("institution"), "bidang": c.get("bidang"),
            "wilayah": c.get("wilayah"), "hal": (entry.letter or {}).get("hal"),
            "due": due, "late": bool(due and due < now), "files": len(c.get("attachments", []))}


@page("/staf/konsultasi", roles=STAFF)
def consult_queue(ctx: Ctx):
    with ctx.session() as s:
        open_by_entry: dict[int, list[Step]] = {}
        for step in s.scalars(select(Step).join(AgendaEntry, AgendaEntry.id == Step.entry_id)
                              .where(Step.status == "open", AgendaEntry.channel == "web")
                              .order_by(Step.due_at)):
            open_by_entry.setdefault(step.entry_id, []).append(step)
        entries = {e.id: e for e in s.scalars(select(AgendaEntry).where(
            AgendaEntry.channel == "web", AgendaEntry.agenda_no.is_not(None))
            .order_by(AgendaEntry.id.desc()).limit(200))}
        for entry_id in open_by_entry:
            if entry_id not in entries:
                entries[entry_id] = s.get(AgendaEntry, entry_id)
        check = lambda e: next((x for x in open_by_entry.get(e.id, []) if x.kind == "check"),
                               None)  # noqa: E731
        to_check = sorted((_row(e, check(e), ctx.now) for e in entries.values() if check(e)),
                          key=lambda r: r["due"])
        waiting = [_row(e, None, ctx.now) for e in entries.values() if e.status == "incomplete"]
        mine = []
        if ctx.user.official:
            for e in entries.values():
                step = next((x for x in open_by_entry.get(e.id, []) if x.kind == "drafting"
                             and x.official == ctx.user.official), None)
                if step:
                    mine.append(_row(e, step, ctx.now))
        recent = [_row(e, None, ctx.now) for e in sorted(entries.values(), key=lambda e: -e.id)
                  if not check(e) and e.status != "incomplete"][:30]
    return ctx.render("staff/consultation/queue.html", to_check=to_check, waiting=waiting,
                      mine=mine, recent=recent)


def _load(ctx: Ctx, s, entry_id: int) -> AgendaEntry:
    entry = s.get(AgendaEntry, entry_id)
    if entry is None or entry.channel != "web" or not entry.agenda_no:
        raise HTTPException(404, "Permohonan tidak ditemukan.")
    return entry


def _detail(ctx: Ctx, entry_id: int, *, error: str | None = None, status: int = 200,
            answer: str = ""):
    with ctx.session() as s:
        entry = _load(ctx, s, entry_id)
        check = flow.open_check(s, entry)
        drafting = flow.drafting_step(s, entry)
        c = entry.consultation or {}
        view = {**_row(entry, check or drafting, ctx.now), "requester": entry.requester or {},
                "purpose": c.get("purpose"), "files": c.get("attachments", []),
                "questions": (entry.letter or {}).get("pertanyaan") or [],
                "missing": entry.missing, "answer": (c.get("answer") or {}).get("text"),
                "due_on": entry.due_on, "stages": flow.timeline(ctx.app, s, entry, ctx.now)}
        can_check = check is not None and ctx.user.role == "clerk"
        can_answer = (drafting is not None and ctx.user.role in ANSWER_ROLES
                      and drafting.official == ctx.user.official)
    rules = flow.rules_of(ctx.app)
    return ctx.render("staff/consultation/detail.html", status=status, view=view,
                      can_check=can_check, can_answer=can_answer and rules.direct_answers,
                      answer_possible=can_answer, rules=rules, error=error, answer=answer)


@page("/staf/konsultasi/{entry_id:int}", roles=STAFF)
def consult_detail(ctx: Ctx):
    return _detail(ctx, ctx.request.path_params["entry_id"])


@page("/staf/konsultasi/{entry_id:int}/terima", roles=("clerk",), methods=("POST",))
def consult_accept(ctx: Ctx):
    entry_id = ctx.request.path_params["entry_id"]
    try:
        entry = flow.accept(ctx.app, entry_id, ctx.actor, ctx.now)
    except flow.ConsultError as err:
        return _detail(ctx, entry_id, error=str(err), status=409)
    return ctx.redirect("/staf/konsultasi", notice=f"Permohonan {entry.agenda_no} lengkap dan "
                                                   f"diteruskan untuk disposisi.")


@page("/staf/konsultasi/{entry_id:int}/kurang", roles=("clerk",), methods=("POST",))
def consult_missing(ctx: Ctx):
    entry_id = ctx.request.path_params["entry_id"]
    rules = flow.rules_of(ctx.app)
    items = [m for m in ctx.values("kurang") if m in rules.missing]
    items += [line for line in ctx.value("lainnya").splitlines() if line.strip()]
    try:
        entry = flow.ask_missing(ctx.app, entry_id, items, ctx.actor, ctx.now)
    except flow.ConsultError as err:
        return _detail(ctx, entry_id, error=str(err), status=400)
    return ctx.redirect("/staf/konsultasi", notice=f"Pemohon {entry.agenda_no} diminta "
                                                   f"melengkapi permohonan.")


@page("/staf/konsultasi/{entry_id:int}/jawab", roles=ANSWER_ROLES, methods=("GET", "POST"))
def consult_answer(ctx: Ctx):
    entry_id = ctx.request.path_params["entry_id"]
    with ctx.session() as s:
        entry = _load(ctx, s, entry_id)
        step = flow.drafting_step(s, entry)
        if step is None or step.official != ctx.user.official:
            raise HTTPException(403, "Permohonan ini tidak sedang menunggu jawaban Anda.")
    if ctx.request.method == "GET":
        return _detail(ctx, entry_id)
    text = ctx.form.get("jawaban", [""])[0]
    try:
        entry = flow.answer_directly(ctx.app, entry_id, ctx.user.official, text, ctx.actor,
                                     ctx.now)
    except PermissionError:
        raise HTTPException(403, "Permohonan ini tidak sedang menunggu jawaban Anda.") from None
    except flow.ConsultError as err:
        return _detail(ctx, entry_id, error=str(err), status=400, answer=text)
    # back to the official's own queue (in their menu), not the clerk's list of requests
    return ctx.redirect("/staf/tugas", notice=f"Jawaban {entry.agenda_no} telah dikirim "
                                              f"kepada pemohon.")


@page("/staf/konsultasi/{entry_id:int}/berkas/{index:int}", roles=STAFF)
def consult_file(ctx: Ctx):
    entry_id, index = ctx.request.path_params["entry_id"], ctx.request.path_params["index"]
    with ctx.session() as s:
        files = (_load(ctx, s, entry_id).consultation or {}).get("attachments", [])
    if not 0 <= index < len(files):
        raise HTTPException(404, "Berkas tidak ditemukan.")
    meta = files[index]
    data = ctx.app.store.get(meta["sha256"], "att")
    return download(data, flow.clean_filename(meta["filename"]), meta.get("type"))
