# SPDX-License-Identifier: AGPL-3.0-or-later
"""An official's own queue: the dispositions, drafts and initials waiting for them, and the
same actions as an e-mail reply, through `Workflow.act` (the same handlers, states and checks).

Every form carries the step, revision and stage it was drawn for; the server refuses it when
the step is no longer open for exactly those (a stale page), or belongs to someone else.
"""
from __future__ import annotations

import io
import zipfile

from sqlalchemy import select
from starlette.exceptions import HTTPException

from pipeline.casework.actions import DOCX, ActionRefused, NotYours, StaleStep
from pipeline.casework import precedents
from pipeline.casework.steps import words
from pipeline.core.db import utc
from pipeline.core.errors import NotFound
from pipeline.core.models import AgendaEntry, Attachment, Disposition, DraftRevision, Step
from pipeline.letter import Refused, disarm
from pipeline.web.page import Ctx, download, page

ROLES = ("official", "inspector", "clerk")       # and only with an official code
ACTION_WORDS = {"approve": "disetujui", "dispose": "didisposisikan", "draft": "dikirim",
                "upload": "diunggah", "return": "dikembalikan kepada konseptor"}
OUTCOME_WORDS = {"disposed": "Disposisi tercatat.", "drafted": "Konsep jawaban tercatat.",
                 "initialled": "Paraf tercatat.", "returned": "Konsep dikembalikan kepada "
                 "konseptor dengan catatan.", "revised": "Revisi konsep tercatat; paraf "
                 "dimulai lagi dari awal.", "responded": "Tanggapan atas pengaduan "
                 "tercatat dan dikirim kepada pengadu."}


STEP_OUTCOMES = {"disposed": "didisposisikan", "drafted": "konsep dikirim",
                 "approved": "diparaf", "returned": "dikembalikan", "revised": "direvisi",
                 "superseded": "diganti revisi baru", "signed": "ditandatangani",
                 "moved": "dialihkan"}


def people(session, wf) -> dict[str, str]:
    """How actors read in the history: addresses and "web:username" as the official's name."""
    from pipeline.core.models import User
    names = {e.lower(): o.name for o in wf.officials for e in o.emails}
    for username, code, name in session.execute(select(User.username, User.official,
                                                       User.name)):
        names[f"web:{username}"] = wf.by_code[code].name if code in wf.by_code else name
    return names


def workflow(ctx: Ctx):
    wf = ctx.app.workflow
    if wf is None:
        raise HTTPException(404, "Alur disposisi dan paraf belum diatur oleh administrator.")
    return wf


def my_code(ctx: Ctx) -> str:
    if not ctx.user.official:
        raise HTTPException(403, "Akun Anda belum dihubungkan dengan jabatan pejabat; "
                                 "mintalah administrator menghubungkannya.")
    return ctx.user.official


KINDS = ("disposition", "drafting", "paraf", "complaint")   # "signing": /staf/tandatangan


def open_steps_of(session, code: str, kinds=KINDS) -> list[tuple[Step, AgendaEntry]]:
    query = (select(Step, AgendaEntry).join(AgendaEntry, AgendaEntry.id == Step.entry_id)
             .where(Step.status == "open", Step.official == code, Step.kind.in_(kinds))
             .order_by(Step.due_at, Step.id))
    return [tuple(row) for row in session.execute(query)]


def step_row(ctx: Ctx, step: Step, entry: AgendaEntry) -> dict:
    letter = entry.letter or {}
    return {"id": step.id, "kind": step.kind, "kind_words": words(step.kind),
            "agenda_no": entry.agenda_no or f"#{entry.id}", "opd": entry.opd_name or
            entry.sender_name or entry.sender_email or "-",
            "hal": letter.get("hal") or entry.subject or "-", "sifat": letter.get("sifat"),
            "revision": step.revision, "stage": step.stage, "opened_at": utc(step.opened_at),
            "due_at": utc(step.due_at), "overdue": utc(step.due_at) <= ctx.now,
            "direct": direct_answer_page(ctx, step, entry)}


def direct_answer_page(ctx: Ctx, step: Step, entry: AgendaEntry) -> str | None:
    """Where a consultation without a letter may be answered directly instead of by a draft:
    a walk-in always (seed 2), a web request when rules/consultation.toml allows it."""
    if step.kind != "drafting":
        return None
    if entry.channel == "walk-in":
        return f"/staf/datang/{entry.id}/jawab"
    if entry.channel == "web":
        from pipeline.consult.flow import rules_of
        if rules_of(ctx.app).direct_answers:
            return f"/staf/konsultasi/{entry.id}/jawab"
    return None


@page("/staf/tugas", roles=ROLES)
def my_tasks(ctx: Ctx):
    code = my_code(ctx)
    with ctx.session() as s:
        rows = [step_row(ctx, step, entry) for step, entry in open_steps_of(s, code)]
    return ctx.render("staff/official/queue.html", rows=rows,
                      overdue=sum(r["overdue"] for r in rows))


def load_step(ctx: Ctx, session, step_id: int) -> tuple[Step, AgendaEntry]:
    step = session.get(Step, step_id)
    if step is None:
        raise HTTPException(404, "Tugas tidak ditemukan.")
    if step.official != my_code(ctx):
        raise HTTPException(403, "Tugas ini milik pejabat lain.")
    return step, session.get(AgendaEntry, step.entry_id)


def uploads_of(entry: AgendaEntry) -> list[dict]:
    """The files a web requester uploaded: kept on the case, since no message carried them;
    each is served by the consultation file page to any staff member."""
    files = (entry.consultation or {}).get("attachments") or []
    return [{"href": f"/staf/konsultasi/{entry.id}/berkas/{i}", "filename": f["filename"],
             "size": f.get("size") or 0} for i, f in enumerate(files)]


def case_view(ctx: Ctx, session, wf, step: Step, entry: AgendaEntry) -> dict:
    """What the step page shows about the case: letter, questions, disposition, drafts."""
    letter = entry.letter or {}
    attachments = session.scalars(select(Attachment).where(
        Attachment.entry_id == entry.id, Attachment.role.in_(("letter", "appendix")))
        .order_by(Attachment.id)).all()
    disp = session.scalars(select(Disposition).where(Disposition.entry_id == entry.id)
                           .order_by(Disposition.id.desc()).limit(1)).first()
    drafts = session.scalars(select(DraftRevision).where(DraftRevision.entry_id == entry.id)
                             .order_by(DraftRevision.number)).all()
    history = session.scalars(select(Step).where(Step.entry_id == entry.id)
                              .order_by(Step.id)).all()
    returned = next((h for h in reversed(history) if h.outcome == "returned"), None)
    name = lambda code: wf.by_code[code].name if code in wf.by_code else code  # noqa: E731
    actors = people(session, wf)
    view = {
        "agenda_no": entry.agenda_no or f"#{entry.id}", "entry_id": entry.id,
        "status": entry.status, "opd": entry.opd_name or entry.sender_name or "-",
        "sender": entry.sender_email, "hal": letter.get("hal") or entry.subject or "-",
        "nomor": letter.get("nomor"), "tanggal": letter.get("tanggal"),
        "sifat": letter.get("sifat"), "received_at": utc(entry.received_at),
        "due_on": entry.due_on, "questions": letter.get("pertanyaan") or [],
        "attachments": [{"id": a.id, "filename": a.filename, "size": a.size,
                         "role": a.role} for a in attachments],
        "uploads": uploads_of(entry),
        "drafts": [{"number": d.number, "author": d.author, "source": d.source,
                    "created_at": utc(d.created_at)} for d in drafts],
        "disposition": None, "chain": [], "returned": None,
        "steps": [{"kind_words": words(h.kind), "official": name(h.official),
                   "revision": h.revision, "stage": h.stage, "status": h.status,
                   "outcome": STEP_OUTCOMES.get(h.outcome, h.outcome), "notes": h.notes,
                   "opened_at": utc(h.opened_at),
                   "closed_at": utc(h.closed_at) if h.closed_at else None} for h in history],
    }
    if disp is not None:
        by = actors.get((disp.decided_by or "").lower(), disp.decided_by)
        if by.startswith("paraf"):
            by = "aturan penugasan (otomatis)"
        view["disposition"] = {"assignee": name(disp.assignee), "by": by,
                               "instructions": disp.instructions,
                               "at": utc(disp.decided_at)}
        approved = {(h.official, h.stage) for h in history
                    if h.kind == "paraf" and h.outcome == "approved"
                    and h.revision == (drafts[-1].number if drafts else 0)}
        view["chain"] = [{"name": name(c), "code": c, "done": (c, i) in approved,
                          "current": step.kind == "paraf" and step.stage == i
                          and step.status == "open"}
                         for i, c in enumerate(disp.chain)]
    if returned is not None and step.kind == "drafting":
        view["returned"] = {"by": name(returned.official), "notes": returned.notes}
    return view


def proposal(wf, entry) -> dict:
    """The routing rule's proposal for a disposition step, as the Inspector sees it."""
    decided = wf.route(entry)
    return {"assignee": decided.assignee.code, "assignee_name": decided.assignee.name,
            "chain": [o.name for o in decided.chain if o.code != decided.assignee.code],
            "rule": decided.rule, "trail": list(decided.trail or [])}


def officials_choice(wf) -> list[dict]:
    return [{"code": o.code, "name": o.name, "jabatan": o.jabatan} for o in wf.officials
            if not o.is_inspector]


@page("/staf/tugas/{step_id:int}", roles=ROLES, methods=("GET", "POST"), max_files=1)
def my_task(ctx: Ctx):
    wf = workflow(ctx)
    step_id = ctx.request.path_params["step_id"]
    error, status = None, 200
    with ctx.session() as s:
        step, _ = load_step(ctx, s, step_id)
        if step.kind not in KINDS:
            return ctx.redirect("/staf/tandatangan" if step.kind == "signing" else "/staf/tugas")
    if ctx.request.method == "POST":
        outcome, error = act_on(ctx, wf, step_id)
        if error is None:
            return ctx.redirect(back_to(ctx), notice=OUTCOME_WORDS.get(outcome, "Tercatat."))
        status = 409 if isinstance(error, StaleStep) else 400
        error = str(error)
    return render_step(ctx, wf, step_id, error, status)


BACK = ("/staf/tugas", "/staf/inspektur")


def render_step(ctx: Ctx, wf, step_id: int, error: str | None = None, status: int = 200):
    with ctx.session() as s:
        step, entry = load_step(ctx, s, step_id)
        view = case_view(ctx, s, wf, step, entry)
        row = step_row(ctx, step, entry)
        row["status"] = step.status
        prop = proposal(wf, entry) if step.kind == "disposition" else None
        complaint = complaint_of(s, wf, entry) if step.kind == "complaint" else None
        found = (precedents.for_drafter(s, entry, ctx.cfg.signing.verify_url)
                 if step.kind == "drafting" and step.status == "open" else [])
    from pipeline.signing.convert import soffice
    return ctx.render("staff/official/step.html", status=status, step=row, case=view,
                      has_preview=soffice() is not None,
                      proposal=prop, officials=officials_choice(wf), error=error,
                      precedents=found, back=back_to(ctx), complaint=complaint)


def complaint_of(session, wf, entry: AgendaEntry) -> dict:
    """What the handler of a complaint sees about it: the case and the official concerned."""
    from pipeline.consult.complaint import of_entry
    from pipeline.core.messages import COMPLAINT_VIA
    c = of_entry(session, entry.id)
    about = wf.by_code.get(c.about)
    return {"original_id": c.original_id, "original_no": c.original.agenda_no,
            "about": about.label() if about else None,
            "via": COMPLAINT_VIA.get(c.via, c.via)}


def back_to(ctx: Ctx) -> str:
    """Where the step page leads back to: the queue, or the Inspector's dispositions."""
    back = ctx.value("back") or ctx.request.query_params.get("back", "")
    return back if back in BACK else "/staf/tugas"


def act_on(ctx: Ctx, wf, step_id: int):
    """Run the form's action; (outcome, None) or (None, the error to show)."""
    try:
        revision, stage = int(ctx.value("revision")), int(ctx.value("stage"))
    except ValueError:
        return None, ActionRefused("Formulir tidak lengkap; muat ulang halaman.")
    action = ctx.value("action")
    docx = None
    if action == "upload":
        upload = (ctx.files.get("docx") or [None])[0]
        if upload is None:
            return None, ActionRefused("Pilih berkas DOCX konsep yang telah diperbaiki.")
        if not is_docx(upload.data):
            return None, ActionRefused(f"Berkas '{upload.filename}' bukan dokumen Word (DOCX).")
        try:                                      # the next levels open it: no active content
            disarm(upload.data, upload.filename)
        except Refused as err:
            return None, ActionRefused(f"Berkas '{upload.filename}' ditolak karena tidak aman "
                                       f"({err.reason}).")
        docx = upload.data
    try:
        with ctx.session() as s:
            outcome, _, _ = wf.act(
                s, step_id, revision, stage, ctx.user.official, action, ctx.now,
                actor=ctx.actor, text=ctx.form.get("notes", [""])[0], docx=docx,
                target=ctx.value("target") or None,
                answers=ctx.form.get("answer") if action == "draft" else None)
    except NotFound:
        raise HTTPException(404, "Tugas tidak ditemukan.")
    except NotYours:
        raise HTTPException(403, "Tugas ini milik pejabat lain.")
    except ActionRefused as err:
        return None, err
    return outcome, None


def is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


# -- files ------------------------------------------------------------------------------------

def draft_bytes(wf, store, session, entry) -> tuple[bytes, int]:
    latest = wf.latest_draft(session, entry)
    if latest is None:
        return wf.render(entry, None), 0
    return store.get(latest.sha256, "draft"), latest.number


def preview_of(app, docx: bytes) -> bytes | None:
    """The draft as PDF (LibreOffice), kept next to the drafts by the draft's own hash so a
    second look costs nothing; None where LibreOffice is not installed."""
    from pipeline.signing.previews import preview
    return preview(app.store, app.cfg, docx)


@page("/staf/tugas/{step_id:int}/surat/{att_id:int}", roles=ROLES)
def my_task_attachment(ctx: Ctx):
    with ctx.session() as s:
        step, entry = load_step(ctx, s, ctx.request.path_params["step_id"])
        att = s.get(Attachment, ctx.request.path_params["att_id"])
        if att is None or att.entry_id != entry.id or att.role not in ("letter", "appendix"):
            raise HTTPException(404, "Berkas tidak ditemukan.")
        return download(ctx.app.store.get(att.sha256, "att"), att.filename, att.content_type)


@page("/staf/tugas/{step_id:int}/konsep.docx", roles=ROLES)
def my_task_draft(ctx: Ctx):
    wf = workflow(ctx)
    with ctx.session() as s:
        step, entry = load_step(ctx, s, ctx.request.path_params["step_id"])
        data, number = draft_bytes(wf, ctx.app.store, s, entry)
        label = (entry.agenda_no or str(entry.id)).replace("/", "-")
    return download(data, f"konsep-{label}-r{number}.docx", DOCX)


@page("/staf/tugas/{step_id:int}/pratinjau.pdf", roles=ROLES)
def my_task_preview(ctx: Ctx):
    wf = workflow(ctx)
    with ctx.session() as s:
        step, entry = load_step(ctx, s, ctx.request.path_params["step_id"])
        data, number = draft_bytes(wf, ctx.app.store, s, entry)
        label = (entry.agenda_no or str(entry.id)).replace("/", "-")
    pdf = preview_of(ctx.app, data)
    if pdf is None:
        raise HTTPException(404, "Pratinjau PDF tidak tersedia (LibreOffice belum terpasang).")
    return download(pdf, f"pratinjau-{label}-r{number}.pdf", "application/pdf")
