# SPDX-License-Identifier: AGPL-3.0-or-later
"""/staf/ketidakhadiran: an official marks their own absence (cuti, dinas luar …) and who
stands in; the administrator and the Inspektur may mark or end anyone's (casework/away.py)."""
from __future__ import annotations

from datetime import date

from starlette.exceptions import HTTPException

from pipeline.casework import absences
from pipeline.casework import away as do
from pipeline.core.models_away import Absence
from pipeline.web.page import Ctx, page
from pipeline.web.pages.official import workflow

ROLES = ("official", "inspector", "clerk", "admin")
FOR_OTHERS = ("inspector", "admin")


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _save(ctx: Ctx, wf, session) -> str:
    """Record or end an absence from the form; the notice to show."""
    others = ctx.user.role in FOR_OTHERS
    if ctx.value("action") == "end":
        absence = session.get(Absence, int(ctx.value("absence") or 0))
        if absence is None or not (others or absence.official == ctx.user.official):
            raise HTTPException(403, "Anda tidak berwenang mengakhiri ketidakhadiran ini.")
        moved = do.end(wf, session, absence, by=ctx.actor, now=ctx.now)
        return f"Ketidakhadiran diakhiri; {moved} tugas dikembalikan."
    code = ctx.value("official") if others else ctx.user.official
    official, delegate = wf.by_code.get(code or ""), wf.by_code.get(ctx.value("delegate"))
    if official is None or delegate is None:
        raise do.AwayError("Pilih pejabat dan penggantinya.")
    start, end = _day(ctx.value("from")), _day(ctx.value("to"))
    if start is None or end is None:
        raise do.AwayError("Isi tanggal mulai dan tanggal akhir.")
    do.record(wf, session, official, delegate, start, end, ctx.value("reason"),
              by=ctx.actor, now=ctx.now, note=ctx.value("note") or None)
    return (f"Ketidakhadiran {official.name} tercatat; pengganti: "
            f"{delegate.name.rstrip('.')}.")


@page("/staf/ketidakhadiran", roles=ROLES, methods=("GET", "POST"))
def absences_page(ctx: Ctx):
    wf = workflow(ctx)
    others = ctx.user.role in FOR_OTHERS
    if not others and not ctx.user.official:
        raise HTTPException(403, "Akun Anda belum dihubungkan dengan jabatan pejabat.")
    error = None
    if ctx.request.method == "POST":
        try:
            with ctx.session() as s:
                notice = _save(ctx, wf, s)
            return ctx.redirect("/staf/ketidakhadiran", notice=notice)
        except do.AwayError as err:
            error = str(err)
    with ctx.read() as s:
        rows = [a for a in absences.listing(s, ctx.today)
                if others or ctx.user.official in (a.official, a.delegate)]
        rows = [{"id": a.id, "official": wf.by_code.get(a.official), "reason": a.reason,
                 "delegate": wf.by_code.get(a.delegate), "starts_on": a.starts_on,
                 "ends_on": a.ends_on, "mine": a.official == ctx.user.official} for a in rows]
    return ctx.render("staff/away.html", status=422 if error else 200, error=error, rows=rows,
                      others=others, officials=wf.officials, me=ctx.user.official,
                      reasons=do.REASONS, today=ctx.today)
