# SPDX-License-Identifier: AGPL-3.0-or-later
"""The clerk's desk: the quarantine (release, reject, ask for what is missing) and the SLA
board of open cases against the promise.
"""
from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy import select
from starlette.exceptions import HTTPException
from starlette.responses import Response

from pipeline.books import sla
from pipeline.core.db import utc
from pipeline.core.errors import IllegalTransition
from pipeline.core.models import AgendaEntry, Attachment
from pipeline.core.workdays import Calendar
from pipeline.intake import desk
from pipeline.web.page import Ctx, page
from pipeline.web.pages.clerk import CLERK, READERS, official_names, opd_of, opds_of, registrar_of


# -- quarantine and failed --------------------------------------------------------------------
@page("/staf/karantina", roles=CLERK)
def clerk_quarantine(ctx: Ctx):
    with ctx.read() as s:
        rows = list(s.scalars(select(AgendaEntry).where(
            AgendaEntry.status.in_(desk.WAITING)).order_by(AgendaEntry.received_at.desc(),
                                                           AgendaEntry.id.desc()).limit(500)))
        refused = {}
        for att in s.scalars(select(Attachment).where(
                Attachment.entry_id.in_([e.id for e in rows]), Attachment.role == "refused")):
            refused.setdefault(att.entry_id, []).append(att)
    quarantined = [e for e in rows if e.status == "quarantined"]
    failed = [e for e in rows if e.status == "failed"]
    return ctx.render("staff/clerk/quarantine.html", quarantined=quarantined, failed=failed,
                      refused=refused, opds=opds_of(ctx), missing_choices=desk.MISSING_CHOICES)


def _desk_action(ctx: Ctx, act) -> Response:
    back = ctx.value("kembali")
    try:
        with ctx.read() as s:
            entry = s.get(AgendaEntry, ctx.request.path_params["entry_id"],
                          with_for_update=True)
            if entry is None:
                raise HTTPException(404, "Entri agenda tidak ditemukan.")
            notice = act(s, entry)
            entry_id = entry.id
    except (desk.DeskError, IllegalTransition) as err:
        return ctx.redirect("/staf/karantina", notice=f"Tidak dapat diproses: {err}")
    target = f"/staf/entri/{entry_id}" if back == "entri" else "/staf/karantina"
    return ctx.redirect(target, notice=notice)


@page("/staf/karantina/{entry_id:int}/lepas", roles=CLERK, methods=("POST",))
def clerk_release(ctx: Ctx):
    code = ctx.value("opd")
    opd = opd_of(ctx, code) if code else None

    def act(s, entry):
        desk.release(s, registrar_of(ctx), entry, actor=ctx.actor, now=ctx.now, opd=opd)
        mail = " Tanda terima dikirim ke pengirim." if entry.sender_email else ""
        return f"Dicatat dengan Nomor Agenda {entry.agenda_no}.{mail}"
    return _desk_action(ctx, act)


@page("/staf/karantina/{entry_id:int}/tolak", roles=CLERK, methods=("POST",))
def clerk_reject(ctx: Ctx):
    reason = ctx.value("alasan")[:1000]

    def act(s, entry):
        desk.reject(s, ctx.cfg, entry, reason, actor=ctx.actor, now=ctx.now)
        mail = " Alasannya dikirim ke pengirim." if entry.sender_email else ""
        return f"Surat #{entry.id} ditolak.{mail}"
    return _desk_action(ctx, act)


@page("/staf/karantina/{entry_id:int}/minta", roles=CLERK, methods=("POST",))
def clerk_ask_missing(ctx: Ctx):
    items = [m for m in ctx.values("kurang") if m in desk.MISSING_CHOICES]
    other = ctx.value("lainnya")[:300]
    if other:
        items.append(other)

    def act(s, entry):
        desk.ask_missing(s, registrar_of(ctx), entry, items, actor=ctx.actor, now=ctx.now)
        mail = " Permintaan kelengkapan dikirim ke pengirim." if entry.sender_email else ""
        return f"Dicatat sebagai belum lengkap ({entry.agenda_no}).{mail}"
    return _desk_action(ctx, act)


# -- the SLA board ----------------------------------------------------------------------------
@page("/staf/sla", roles=READERS)
def clerk_sla(ctx: Ctx):
    service = ctx.cfg.service
    with ctx.read() as s:
        rows = sla.open_cases(s, Calendar(service.extra_holidays), ctx.now,
                              service.answer_working_days, zone=ctx.cfg.office.timezone)
        complaints = complaints_of_quarter(ctx, s)
    zone = ZoneInfo(ctx.cfg.office.timezone)
    return ctx.render("staff/clerk/sla.html", rows=rows, per_official=sla.per_official(rows),
                      names=official_names(ctx), overdue=sum(r.overdue for r in rows),
                      promise=service.answer_working_days, complaints=complaints,
                      short=lambda moment: utc(moment).astimezone(zone).strftime("%d/%m/%Y %H.%M"))


def complaints_of_quarter(ctx: Ctx, session) -> dict:
    """This quarter's complaint figures (issue 20), for the SLA board."""
    from datetime import date

    from pipeline.books.complaints import complaint_figures, summary
    today = ctx.now.astimezone(ZoneInfo(ctx.cfg.office.timezone)).date()
    first = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    fig = complaint_figures(session, first, today, zone=ctx.cfg.office.timezone,
                            calendar=Calendar(ctx.cfg.service.extra_holidays))
    return {**fig, "since": first, "line": summary(fig)}
