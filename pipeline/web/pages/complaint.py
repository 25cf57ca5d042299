# SPDX-License-Identifier: AGPL-3.0-or-later
"""Complaints on the web (issue 20): the requester files one from the tracking page, the
clerk files one for a visitor at the desk. Both go through `consult.complaint.file`, once per
form (its nonce); the superior answers on /staf/tugas like any other step.
"""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException

from pipeline.consult.complaint import ComplaintRefused, file, nonce, shown
from pipeline.core.models import AgendaEntry
from pipeline.core.models_complaint import Complaint
from pipeline.web.page import Ctx, page
from pipeline.web.pages.public import _tracked, public_track
from pipeline.web.ratelimit import allow

HOUR = timedelta(hours=1)
NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _file(ctx: Ctx, session, entry: AgendaEntry, via: str, actor: str) -> tuple:
    """(complaint, None) or (None, the error to show)."""
    key = ctx.value("nonce")
    if not NONCE.fullmatch(key):
        return None, "Formulir tidak lengkap; muat ulang halaman."
    if ctx.app.workflow is None:
        raise HTTPException(404, "Penanganan pengaduan belum diatur oleh administrator.")
    try:
        complaint, _ = file(session, ctx.app.workflow, entry, ctx.value("pengaduan"), via=via,
                            actor=actor, now=ctx.now, once=f"{via}:{entry.id}:{key}")
    except ComplaintRefused as err:
        return None, str(err)
    return complaint, None


def _concurrent(ctx: Ctx, entry_id: int, via: str) -> str | None:
    """The number of the complaint a concurrent post of the same form filed (it won the unique
    once key, this one rolled back), or None."""
    with ctx.read() as s:
        return s.scalar(select(AgendaEntry.agenda_no).join(
            Complaint, Complaint.entry_id == AgendaEntry.id).where(
            Complaint.once_key == f"{via}:{entry_id}:{ctx.value('nonce')}"))


@page("/lacak/{code}/pengaduan", roles=None, methods=("POST",))
def public_complaint(ctx: Ctx):
    try:
        with ctx.session() as s:
            entry, code = _tracked(ctx, s)
            entry = s.get(AgendaEntry, entry.id, with_for_update=True)
            if not allow(s, "complaint", ctx.client, limit=ctx.cfg.web.requests_per_ip_hour,
                         window=HOUR, now=ctx.now):
                error = "Terlalu banyak pengaduan dalam satu jam. Silakan coba lagi nanti."
            else:
                complaint, error = _file(ctx, s, entry, "web", "web:pemohon")
            number = None if error else complaint.entry.agenda_no
    except IntegrityError:
        number, error = _concurrent(ctx, entry.id, "web"), None
        if number is None:
            raise
    if error:
        return public_track(ctx, errors=[error], status=400)
    return ctx.redirect(f"/lacak/{code}#pengaduan",
                        notice=f"Pengaduan Anda telah kami terima dengan Nomor Pengaduan "
                               f"{number}. Tanggapannya akan dikirim melalui surel dan "
                               f"ditampilkan di halaman ini.")


@page("/staf/pengaduan/{entry_id:int}", roles=("clerk",), methods=("GET", "POST"))
def desk_complaint(ctx: Ctx):
    """The clerk records a complaint a visitor makes at the desk about their case."""
    entry_id = ctx.request.path_params["entry_id"]
    error, number = None, None
    if ctx.request.method == "POST":
        try:
            with ctx.session() as s:
                entry = s.get(AgendaEntry, entry_id, with_for_update=True)
                if entry is None or entry.book == "complaint":
                    raise HTTPException(404, "Kasus tidak ditemukan.")
                complaint, error = _file(ctx, s, entry, "desk", ctx.actor)
                number = None if error else complaint.entry.agenda_no
        except IntegrityError:
            number = _concurrent(ctx, entry_id, "desk")
            if number is None:
                raise
        if not error:
            return ctx.redirect(f"/staf/pengaduan/{entry_id}",
                                notice=f"Pengaduan tercatat dengan Nomor Pengaduan {number}.")
    with ctx.read() as s:
        entry = s.get(AgendaEntry, entry_id)
        if entry is None or entry.book == "complaint":
            raise HTTPException(404, "Kasus tidak ditemukan.")
        view = {"id": entry.id, "agenda_no": entry.agenda_no, "subject": entry.subject,
                "requester": entry.sender_name or entry.opd_name or "-"}
        complaints = shown(s, entry)
    return ctx.render("staff/complaint_desk.html", status=400 if error else 200, case=view,
                      complaints=complaints, error=error, nonce=nonce(),
                      text=ctx.value("pengaduan") if error else "")
