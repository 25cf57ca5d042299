# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Inspector's pages: dispositions to confirm, the signing batch, the period report.

Dispositions are acted on through the officials' step page (`Workflow.act`, the same checks as
a reply). Signing calls `signbatch.Batch` as `paraf sign` does; the key's passphrase is typed
for this one request, used to open the PKCS#12 and dropped: never stored, logged or echoed.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from starlette.exceptions import HTTPException
from starlette.responses import Response

from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Step
from pipeline.signing import batch as signbatch
from pipeline.signing.errors import SigningError
from pipeline.web.page import Ctx, download, page
from pipeline.web.pages.official import (
    officials_choice,
    people,
    preview_of,
    proposal,
    step_row,
    workflow,
)
from pipeline.web.ratelimit import allow

SIGN_TRIES = 10            # passphrase attempts per account and quarter hour


@page("/staf/inspektur", roles=("inspector",))
def inspector_dispositions(ctx: Ctx):
    wf = workflow(ctx)
    with ctx.session() as s:
        rows = []
        for step, entry in s.execute(
                select(Step, AgendaEntry).join(AgendaEntry, AgendaEntry.id == Step.entry_id)
                .where(Step.status == "open", Step.kind == "disposition",
                       Step.official == wf.inspector.code)
                .order_by(Step.due_at, Step.id)):
            row = step_row(ctx, step, entry)
            row["proposal"] = proposal(wf, entry)
            row["questions"] = (entry.letter or {}).get("pertanyaan") or []
            rows.append(row)
    mine = ctx.user.official == wf.inspector.code
    return ctx.render("staff/inspector/dispositions.html", rows=rows,
                      officials=officials_choice(wf), mine=mine)


# -- signing ----------------------------------------------------------------------------------

def batch_rows(ctx: Ctx) -> list[dict]:
    wf = workflow(ctx)
    with ctx.session() as s:
        rows = signbatch.ready(s)
        names = people(s, wf)
    for row in rows:
        row["initialled_names"] = [names.get((a or "").lower(), a) for a in row["initialled_by"]]
        row["waiting_since"] = utc(row["waiting_since"]) if row["waiting_since"] else None
    return rows


@page("/staf/tandatangan", roles=("inspector",), methods=("GET", "POST"))
def inspector_signing(ctx: Ctx):
    if ctx.request.method == "GET":
        return ctx.render("staff/inspector/signing.html", rows=batch_rows(ctx), error=None,
                          chosen=[])
    rows = batch_rows(ctx)
    ready_ids = {r["id"] for r in rows}
    sign_all = ctx.value("scope") == "all"
    try:
        chosen = sorted({int(v) for v in ctx.values("entry")})
    except ValueError:
        chosen = []
    passphrase = ctx.form.get("passphrase", [""])[0]     # as typed: spaces count
    ctx.form.pop("passphrase", None)

    def refuse(message: str, status: int = 400):
        return ctx.render("staff/inspector/signing.html", status=status, rows=rows,
                          error=message, chosen=chosen)
    if not rows:
        return refuse("Tidak ada surat yang menunggu tanda tangan.", 409)
    if not sign_all and not chosen:
        return refuse("Pilih surat yang akan ditandatangani, atau tekan \u201cTandatangani "
                      "semua\u201d.")
    if not sign_all and not set(chosen) <= ready_ids:
        return refuse("Sebagian surat yang dipilih sudah tidak menunggu tanda tangan; muat "
                      "ulang halaman. Tidak ada yang ditandatangani.", 409)
    if not passphrase:
        return refuse("Ketik kata sandi kunci tanda tangan.")
    with ctx.session() as s:
        if not allow(s, "sign-passphrase", ctx.user.username, limit=SIGN_TRIES,
                     window=timedelta(minutes=15), now=ctx.now, count=False):
            return refuse("Terlalu banyak percobaan kata sandi kunci; tunggu 15 menit.", 429)
    from pipeline.signing.keys import load_signer
    cfg = ctx.cfg
    try:
        signer = load_signer(cfg.path(cfg.signing.pkcs12), passphrase.encode())
    except SigningError:
        with ctx.session() as s:
            allow(s, "sign-passphrase", ctx.user.username, limit=SIGN_TRIES,
                  window=timedelta(minutes=15), now=ctx.now)
        ctx.audit("signing_refused", why="the key did not open (wrong passphrase or file)")
        return refuse("Kata sandi kunci salah, atau berkas kunci tidak dapat dibuka. Tidak ada "
                      "surat yang ditandatangani.")
    finally:
        del passphrase
    ids = [r["id"] for r in rows] if sign_all else chosen
    try:
        signed, problems = signbatch.Batch(ctx.app, signer, ctx.now).run(ids)
    except SigningError as err:         # an expired or revoked certificate signs nothing
        ctx.audit("signing_refused", why=str(err))
        return refuse(str(err))
    finally:
        del signer
    ctx.audit("batch_signed", signed=[{"agenda_no": x.agenda_no, "number": x.number}
                                      for x in signed], problems=problems or None)
    parts = []
    if signed:
        parts.append(f"{len(signed)} surat ditandatangani: "
                     + ", ".join(f"{x.agenda_no} nomor {x.number}" for x in signed) + ".")
    if problems:
        parts.append(f"{len(problems)} belum: " + "; ".join(problems))
    notice = " ".join(parts) or "Tidak ada yang ditandatangani."
    # the notice travels in a cookie: plain ASCII only
    return ctx.redirect("/staf/tandatangan", notice=notice.encode("ascii", "replace").decode())


@page("/staf/tandatangan/{entry_id:int}/pratinjau.pdf", roles=("inspector",))
def inspector_signing_preview(ctx: Ctx):
    wf = workflow(ctx)
    with ctx.session() as s:
        entry = s.get(AgendaEntry, ctx.request.path_params["entry_id"])
        latest = wf.latest_draft(s, entry) if entry is not None else None
        if latest is None:
            raise HTTPException(404, "Konsep tidak ditemukan.")
        docx = ctx.app.store.get(latest.sha256, "draft")
        label = f"{(entry.agenda_no or str(entry.id)).replace('/', '-')}-r{latest.number}"
    pdf = preview_of(ctx.app, docx)
    if pdf is None:
        raise HTTPException(404, "Pratinjau PDF tidak tersedia (LibreOffice belum terpasang).")
    return download(pdf, f"pratinjau-{label}.pdf", "application/pdf")


# -- the period report ------------------------------------------------------------------------

def period(ctx: Ctx) -> tuple[date, date, str | None]:
    today = ctx.today
    default_from = today.replace(day=1) - timedelta(days=62)
    default_from = default_from.replace(day=1)
    raw_quarter = ctx.request.query_params.get("triwulan", "")
    if raw_quarter:                     # the quarterly evaluation of the service standard
        from pipeline.books.evaluation import quarter
        from pipeline.core.errors import ParafError
        try:
            return (*quarter(raw_quarter), None)
        except ParafError:
            return default_from, today, "Triwulan tidak sah; tulis seperti 2026Q4."
    raw_from = ctx.request.query_params.get("dari", "")
    raw_to = ctx.request.query_params.get("sampai", "")
    try:
        since = date.fromisoformat(raw_from) if raw_from else default_from
        until = date.fromisoformat(raw_to) if raw_to else today
    except ValueError:
        return default_from, today, "Tanggal tidak sah; gunakan format TTTT-BB-HH."
    if until < since:
        return since, until, "Tanggal akhir sebelum tanggal awal."
    if (until - since).days > 3 * 366:
        return since, until, "Periode paling panjang tiga tahun."
    return since, until, None


def build_report(ctx: Ctx, since: date, until: date):
    from pipeline.books import evaluation
    from pipeline.books.sections import extra_sections
    with ctx.session() as s:
        figures = evaluation.gather(s, ctx.cfg, since, until,
                                    officials=tuple(workflow(ctx).officials))
        docx, png = evaluation.document(ctx.cfg, figures,
                                        extra_sections(s, ctx.cfg, since, until))
    return figures, docx, png


@page("/staf/laporan", roles=("inspector",))
def inspector_report(ctx: Ctx):
    since, until, error = period(ctx)
    result = figures = chart = None
    if error is None:
        from pipeline.books import evaluation, ikm_chart
        with ctx.read() as s:
            figures = evaluation.gather(s, ctx.cfg, since, until)
        result, chart = figures.sla, ikm_chart.svg(figures.ikm.overall)
    names = {o.code: o.name for o in workflow(ctx).officials}
    return ctx.render("staff/inspector/report.html", status=400 if error else 200,
                      since=since, until=until, error=error, result=result, names=names,
                      figures=figures, ikm_svg=chart, year=ctx.today.year,
                      query=f"dari={since.isoformat()}&sampai={until.isoformat()}")


@page("/staf/laporan/grafik.png", roles=("inspector",))
def inspector_report_chart(ctx: Ctx):
    since, until, error = period(ctx)
    if error:
        raise HTTPException(400, error)
    _, _, png = build_report(ctx, since, until)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, no-store"})


@page("/staf/laporan/laporan.docx", roles=("inspector",))
def inspector_report_docx(ctx: Ctx):
    since, until, error = period(ctx)
    if error:
        raise HTTPException(400, error)
    _, docx, _ = build_report(ctx, since, until)
    ctx.audit("reported", period=[since.isoformat(), until.isoformat()])
    return download(docx, f"laporan-{since.isoformat()}-{until.isoformat()}.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
