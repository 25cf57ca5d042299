# SPDX-License-Identifier: AGPL-3.0-or-later
"""The agenda clerk's pages: the three books, one case, the quarantine and the SLA board.

The Inspector may read the books and the case pages too. Every change (release, reject, ask
for what is missing, correct a field) goes through `pipeline.intake.desk`, the same functions as the
CLI, inside one transaction, with `ctx.actor` as the actor, so each is an event in the case's
hash chain. Files a sender mailed are only ever served as downloads, with their stored type.
"""
from __future__ import annotations

import email
import subprocess
import tempfile
from datetime import date
from email import policy
from pathlib import Path
from urllib.parse import urlencode

from markupsafe import Markup
from sqlalchemy import select
from starlette.exceptions import HTTPException
from starlette.responses import Response

from pipeline.books import xlsx
from pipeline.books.search import BOOKS, Filters, book_page, book_rows
from pipeline.core.db import utc
from pipeline.core.models import (
    AgendaEntry,
    Attachment,
    Disposition,
    DraftRevision,
    InboundMessage,
    OutboxMail,
    OutgoingLetter,
    Step,
)
from pipeline.core.store import atomic_write
from pipeline.intake import desk
from pipeline.intake.register import Registrar
from pipeline.web.page import Ctx, download, page
from pipeline.web.render import CHANNEL_WORDS, STATUS_WORDS, clean_html

READERS = ("clerk", "inspector")
CLERK = ("clerk",)
BOOK_TITLES = {"masuk": "Buku Agenda Surat Masuk", "keluar": "Buku Agenda Surat Keluar",
               "konsultasi": "Buku Agenda Konsultasi"}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW_PAGES = 1
MAX_EXPORT = 200_000
FIELD_LABELS = {"nomor": "Nomor surat", "tanggal": "Tanggal surat", "sifat": "Sifat",
                "lampiran": "Lampiran", "hal": "Hal", "pengirim": "Pengirim",
                "tujuan": "Tujuan (Yth.)", "tembusan": "Tembusan",
                "penandatangan": "Penandatangan", "pertanyaan": "Pertanyaan",
                "jabatan_penandatangan": "Jabatan penandatangan"}
EVENT_WORDS = {
    "register": "Dicatat dalam buku agenda", "incomplete": "Dinyatakan belum lengkap",
    "duplicate": "Dinyatakan duplikat", "quarantine": "Dikarantina", "fail": "Gagal diproses",
    "reject": "Ditolak", "dispose": "Didisposisikan", "draft": "Konsep jawaban dibuat",
    "revise": "Konsep direvisi", "return": "Dikembalikan untuk perbaikan",
    "initial": "Diparaf lengkap", "sign": "Ditandatangani", "send": "Dikirim",
    "answer": "Dijawab langsung", "close": "Selesai", "receipted": "Tanda terima dikirim",
    "notified": "Pemberitahuan dikirim", "reminded": "Pengingat dikirim",
    "escalated": "Dieskalasi ke atasan", "linked": "Surel terkait diterima",
    "corrected": "Data surat dikoreksi", "mail_failed": "Surel gagal dikirim",
    "paraf": "Paraf", "refused": "Balasan ditolak", "unclear": "Balasan tidak jelas",
    "assigned": "Ditugaskan", "accepted": "Diterima", "reported": "Laporan dibuat",
    "archived": "Diarsipkan", "printed": "Dicetak", "viewed": "Dilihat", "audit": "Audit",
    "status_query": "OPD menanyakan perkembangan",
    "sign_failed": "Penandatanganan gagal",
}


# -- helpers ----------------------------------------------------------------------------------
def official_names(ctx: Ctx) -> dict[str, str]:
    workflow = ctx.app.workflow
    return {o.code: o.name for o in workflow.officials} if workflow else {}


def opds_of(ctx: Ctx) -> list:
    return sorted(ctx.app.rules.opds, key=lambda o: o.name.lower())


def opd_of(ctx: Ctx, code: str):
    return next((o for o in ctx.app.rules.opds if o.code == code), None)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _filters(ctx: Ctx) -> Filters:
    q = ctx.request.query_params
    book = q.get("buku", "masuk")
    if book not in BOOKS:
        book = "masuk"
    status = q.get("status", "")
    channel = q.get("saluran", "")
    return Filters(book=book, since=_day(q.get("dari", "")), until=_day(q.get("sampai", "")),
                   opd=q.get("opd") or None,
                   status=status if status in STATUS_WORDS else None,
                   official=q.get("pejabat") or None,
                   channel=channel if channel in CHANNEL_WORDS else None,
                   q=" ".join(q.get("q", "").split())[:200] or None)


def _query_string(f: Filters, **extra) -> str:
    params = {"buku": f.book, "dari": f.since.isoformat() if f.since else "",
              "sampai": f.until.isoformat() if f.until else "", "opd": f.opd or "",
              "status": f.status or "", "pejabat": f.official or "",
              "saluran": f.channel or "", "q": f.q or "", **extra}
    return urlencode({k: v for k, v in params.items() if v not in ("", None)})


def entry_of(s, ctx: Ctx) -> AgendaEntry:
    entry = s.get(AgendaEntry, ctx.request.path_params["entry_id"])
    if entry is None:
        raise HTTPException(404, "Entri agenda tidak ditemukan.")
    return entry


def _flagged(entry: AgendaEntry, threshold: float) -> set[str]:
    provenance = (entry.letter_meta or {}).get("provenance") or {}
    return {k for k, p in provenance.items()
            if isinstance(p, dict) and p.get("confidence", 1) < threshold}


def _show(value) -> str:
    if value is None or value == "" or value == []:
        return "-"
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v)
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _body(ctx: Ctx, message: InboundMessage | None) -> tuple[str, Markup | None]:
    """The mail's text, and its HTML reduced by clean_html (None when there is none)."""
    if message is None:
        return "", None
    try:
        raw = (ctx.cfg.data_path / message.raw_path).read_bytes()
        msg = email.message_from_bytes(raw, policy=policy.default)
        text_part = msg.get_body(("plain",))
        html_part = msg.get_body(("html",))
        text = text_part.get_content() if text_part is not None else ""
        markup = html_part.get_content() if html_part is not None else ""
    except Exception:                     # an odd message must not break the page
        return "", None
    cleaned = Markup(clean_html(markup)) if markup.strip() else None
    return text[:100_000], cleaned


def registrar_of(ctx: Ctx) -> Registrar:
    return Registrar(ctx.cfg, ctx.app.rules)


# -- the books --------------------------------------------------------------------------------
@page("/staf/agenda", roles=READERS)
def clerk_book(ctx: Ctx):
    f = _filters(ctx)
    try:
        number = max(1, min(int(ctx.request.query_params.get("hal", "1")), 100_000))
    except ValueError:
        number = 1
    names = official_names(ctx)
    with ctx.read() as s:
        rows, more = book_page(s, f, number, zone=ctx.cfg.office.timezone, names=names)
    columns = xlsx.OUTGOING_COLUMNS if f.book == "keluar" else xlsx.INCOMING_COLUMNS
    return ctx.render(
        "staff/clerk/book.html", f=f, rows=rows, columns=columns, page=number, more=more,
        title=BOOK_TITLES[f.book], books=BOOK_TITLES, opds=opds_of(ctx), officials=names,
        statuses=STATUS_WORDS, channels=CHANNEL_WORDS, per_page=50,
        first=(number - 1) * 50 + 1,
        prev_url=f"?{_query_string(f, hal=number - 1)}" if number > 1 else None,
        next_url=f"?{_query_string(f, hal=number + 1)}" if more else None,
        export_url=f"/staf/agenda.xlsx?{_query_string(f)}",
        tab_url=lambda book: "?" + urlencode({"buku": book}))


@page("/staf/agenda.xlsx", roles=READERS)
def clerk_book_xlsx(ctx: Ctx):
    f = _filters(ctx)
    with ctx.read() as s:
        rows = book_rows(s, f, zone=ctx.cfg.office.timezone, names=official_names(ctx),
                         limit=MAX_EXPORT)
    columns = xlsx.OUTGOING_COLUMNS if f.book == "keluar" else list(xlsx.INCOMING_COLUMNS)
    if f.book == "konsultasi":
        columns = columns[:-1] + [("channel", "Saluran"), columns[-1]]
        for row in rows:
            row["channel"] = CHANNEL_WORDS.get(row["channel"], row["channel"])
    if f.book != "keluar":
        for row in rows:
            row["status"] = STATUS_WORDS.get(row["status"], row["status"])
    with tempfile.TemporaryDirectory() as folder:
        path = xlsx.export(rows, columns, Path(folder) / "buku.xlsx", BOOK_TITLES[f.book])
        data = path.read_bytes()
    name = f"{BOOK_TITLES[f.book].lower().replace(' ', '-')}-{ctx.local_now:%Y%m%d}.xlsx"
    return download(data, name, XLSX_TYPE)


# -- one case ---------------------------------------------------------------------------------
@page("/staf/entri/{entry_id:int}", roles=READERS)
def clerk_entry(ctx: Ctx):
    names = official_names(ctx)
    with ctx.read() as s:
        entry = entry_of(s, ctx)
        flagged = _flagged(entry, ctx.cfg.service.low_confidence)
        messages = list(entry.messages)
        attachments = list(entry.attachments)
        first = messages[0] if messages else None
        text, html = _body(ctx, first)
        letter_att = next((a for a in attachments if a.role == "letter"), None)
        previews = []
        if letter_att is not None and _is_pdf(letter_att):
            previews = [f"/staf/entri/{entry.id}/pratinjau/{letter_att.id}/{n}.png"
                        for n in range(1, PREVIEW_PAGES + 1)]
        context = dict(
            entry=entry, letter=entry.letter or {}, flagged=flagged,
            original=(entry.letter_meta or {}).get("original") or {},
            meta=entry.letter_meta or {}, messages=messages, attachments=attachments,
            body_text=text, body_html=html, previews=previews,
            events=list(entry.events),
            dispositions=list(s.scalars(select(Disposition).where(
                Disposition.entry_id == entry.id).order_by(Disposition.id))),
            drafts=list(s.scalars(select(DraftRevision).where(
                DraftRevision.entry_id == entry.id).order_by(DraftRevision.number))),
            steps=list(s.scalars(select(Step).where(Step.entry_id == entry.id)
                                 .order_by(Step.id))),
            outgoing=s.scalar(select(OutgoingLetter).where(OutgoingLetter.entry_id == entry.id)),
            mails=list(s.scalars(select(OutboxMail).where(OutboxMail.entry_id == entry.id)
                                 .order_by(OutboxMail.id))),
            duplicate_of=entry.duplicate_of,
        )
        disp = context["dispositions"][-1] if context["dispositions"] else None
    return ctx.render(
        "staff/clerk/entry.html", **context, names=names, latest=disp, show=_show,
        labels=FIELD_LABELS, event_words=EVENT_WORDS, opds=opds_of(ctx),
        correctable=desk.CORRECTABLE, can_edit=ctx.user.role == "clerk",
        waiting=entry.status in desk.WAITING, missing_choices=desk.MISSING_CHOICES,
        now=ctx.now, aware=utc)


def _is_pdf(att: Attachment) -> bool:
    return att.content_type == "application/pdf" or att.filename.lower().endswith(".pdf")


@page("/staf/entri/{entry_id:int}/berkas/{attachment_id:int}", roles=READERS)
def clerk_attachment(ctx: Ctx):
    with ctx.read() as s:
        entry = entry_of(s, ctx)
        att = s.get(Attachment, ctx.request.path_params["attachment_id"])
        if att is None or att.entry_id != entry.id:
            raise HTTPException(404, "Berkas tidak ditemukan.")
        if att.role == "refused":            # kept as evidence, never handed out
            raise HTTPException(403, "Berkas ini ditolak karena tidak aman dan tidak dapat "
                                     "diunduh.")
        filename, ctype, rel = att.filename, att.content_type, att.path
    return download((ctx.cfg.data_path / rel).read_bytes(), filename, ctype)


@page("/staf/entri/{entry_id:int}/pratinjau/{attachment_id:int}/{number:int}.png",
      roles=READERS)
def clerk_preview(ctx: Ctx):
    """A page of the letter as PNG, drawn by pdftoppm in a child process with a time limit,
    kept in the content store so it is drawn once."""
    number = ctx.request.path_params["number"]
    with ctx.read() as s:
        entry = entry_of(s, ctx)
        att = s.get(Attachment, ctx.request.path_params["attachment_id"])
        if att is None or att.entry_id != entry.id or not _is_pdf(att) or att.role == "refused" \
                or not 1 <= number <= PREVIEW_PAGES:
            raise HTTPException(404, "Pratinjau tidak tersedia.")
        sha, rel = att.sha256, att.path
    cache = ctx.app.store.path_for(f"{sha}-{number}", "preview")
    if not cache.exists():
        png = _render_page(ctx.cfg.data_path / rel, number)
        if png is None:
            raise HTTPException(404, "Pratinjau tidak tersedia.")
        atomic_write(cache, png)
    return Response(cache.read_bytes(), media_type="image/png",
                    headers={"cache-control": "private, max-age=3600"})


def _render_page(pdf: Path, number: int) -> bytes | None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "halaman"
        try:
            done = subprocess.run(
                ["pdftoppm", "-png", "-r", "80", "-f", str(number), "-l", str(number),
                 "-singlefile", str(pdf), str(out)], capture_output=True, timeout=20,
                check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        png = out.with_suffix(".png")
        if done.returncode != 0 or not png.exists():
            return None
        data = png.read_bytes()
    return data if data.startswith(b"\x89PNG") else None


@page("/staf/entri/{entry_id:int}/konsep/{revision_id:int}", roles=READERS)
def clerk_draft(ctx: Ctx):
    with ctx.read() as s:
        entry = entry_of(s, ctx)
        rev = s.get(DraftRevision, ctx.request.path_params["revision_id"])
        if rev is None or rev.entry_id != entry.id:
            raise HTTPException(404, "Konsep tidak ditemukan.")
        label = (entry.agenda_no or f"entri-{entry.id}").replace("/", "-")
        name, rel = f"konsep-{label}-rev{rev.number}.docx", rev.path
    return download((ctx.cfg.data_path / rel).read_bytes(), name,
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@page("/staf/entri/{entry_id:int}/surat-keluar", roles=READERS)
def clerk_outgoing_pdf(ctx: Ctx):
    with ctx.read() as s:
        entry = entry_of(s, ctx)
        out = s.scalar(select(OutgoingLetter).where(OutgoingLetter.entry_id == entry.id))
        if out is None:
            raise HTTPException(404, "Belum ada surat keluar.")
        name, rel = f"surat-{out.number.replace('/', '-')}.pdf", out.pdf_path
    return download((ctx.cfg.data_path / rel).read_bytes(), name, "application/pdf")


@page("/staf/entri/{entry_id:int}/koreksi", roles=CLERK, methods=("POST",))
def clerk_correct(ctx: Ctx):
    changes: dict = {f: ctx.value(f) for f in desk.CORRECTABLE if f in ctx.form}
    if "opd" in ctx.form:
        code = ctx.value("opd")
        opd = opd_of(ctx, code) if code else None
        if code and opd is None:
            raise HTTPException(400, "OPD tidak dikenal.")
        changes["opd"] = opd
    with ctx.session() as s:
        entry = entry_of(s, ctx)
        if "opd" in changes and changes["opd"] is None and entry.opd_code is None:
            changes.pop("opd")
        changed = desk.correct(s, entry, changes, actor=ctx.actor, now=ctx.now)
        entry_id = entry.id
    notice = ("Koreksi disimpan: " + ", ".join(FIELD_LABELS.get(k, k.upper()) for k in changed)
              if changed else "Tidak ada yang berubah.")
    return ctx.redirect(f"/staf/entri/{entry_id}", notice=notice)
