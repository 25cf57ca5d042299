# SPDX-License-Identifier: AGPL-3.0-or-later
"""The public side of seed 1: the consultation form, the confirmation of an unknown address,
the receipt, and the tracking page with the printable request.

Nothing here needs JavaScript. Every value a visitor typed is shown through autoescaped
templates only. A wrong or expired tracking code gets a plain 404 after the same lookups as a
right one. A letter's case (issue 19) has a link too: its page shows the stage, the role
holding it and the due date (`track_letter.py`).
"""
from __future__ import annotations

import re
from datetime import timedelta

from starlette.exceptions import HTTPException

from pipeline.books import tracklink
from pipeline.consult import flow
from pipeline.core.db import utc
from pipeline.core.rules import EMAIL_RE
from pipeline.web.page import Ctx, download, page
from pipeline.web.pages import track_letter
from pipeline.web.ratelimit import allow, record, within

QUESTION_SLOTS = 5
OTHER = "lainnya"
LIMITS = {"name": 200, "institution": 300, "position": 200, "email": 254, "phone": 30,
          "purpose": 4000, "question": 4000}
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()./-]{5,28}$")
HOUR = timedelta(hours=1)
NOT_FOUND = "Kode pelacakan tidak ditemukan atau sudah tidak berlaku."


def _form(ctx: Ctx, values: dict | None = None, errors: list[str] | None = None,
          status: int = 200):
    rules = flow.rules_of(ctx.app)
    values = {**dict.fromkeys(("name", "opd", "institution_other", "position", "email",
                                "phone", "bidang", "wilayah", "purpose"), ""), **(values or {})}
    questions = list(values.get("questions") or [])
    questions += [""] * (QUESTION_SLOTS - len(questions))
    return ctx.render("public/form.html", status=status, values=values,
                      questions=questions[:max(QUESTION_SLOTS, len(questions))],
                      errors=errors or [], opds=ctx.app.rules.opds, rules=rules,
                      max_files=ctx.cfg.web.max_files,
                      max_mb=f"{ctx.cfg.web.max_file_bytes / 1e6:.0f}")


@page("/", roles=None)
def public_form(ctx: Ctx):
    return _form(ctx)


def _read(ctx: Ctx) -> tuple[dict, list[str]]:
    """The form's values and what is wrong with them, in Indonesian."""
    rules = flow.rules_of(ctx.app)
    v = {k: ctx.value(k) for k in ("name", "opd", "institution_other", "position", "email",
                                   "phone", "bidang", "wilayah", "purpose")}
    for key in ("name", "institution_other", "position", "email", "phone"):
        v[key] = " ".join(v[key].split())        # one line: these go into mail headers too
    v["email"] = v["email"].lower()
    v["questions"] = flow.parse_questions(ctx.form.get("pertanyaan", []))
    errors = []
    for key, label in (("name", "Nama"), ("position", "Jabatan"), ("email", "Surel"),
                       ("phone", "Nomor telepon"), ("purpose", "Maksud dan tujuan")):
        if not v[key]:
            errors.append(f"{label} wajib diisi.")
        elif len(v[key]) > LIMITS[key]:
            errors.append(f"{label} paling panjang {LIMITS[key]} karakter.")
    if v["email"] and not EMAIL_RE.match(v["email"]):
        errors.append("Alamat surel tidak valid.")
    if v["phone"] and not PHONE_RE.match(v["phone"]):
        errors.append("Nomor telepon hanya boleh berisi angka, spasi, +, -, titik dan kurung.")
    opd = next((o for o in ctx.app.rules.opds if o.code == v["opd"]), None)
    if opd is not None:
        v["institution"], v["opd_code"] = opd.name, opd.code
    elif v["opd"] == OTHER and v["institution_other"]:
        v["institution"], v["opd_code"] = v["institution_other"], None
        if len(v["institution"]) > LIMITS["institution"]:
            errors.append(f"Nama instansi paling panjang {LIMITS['institution']} karakter.")
    else:
        errors.append("Pilih instansi/OPD, atau pilih «Lainnya» dan tuliskan nama instansi.")
    if v["bidang"] not in rules.bidang:
        errors.append("Pilih bidang dari daftar.")
    if v["wilayah"] not in rules.wilayah:
        errors.append("Pilih wilayah dari daftar.")
    if not v["questions"]:
        errors.append("Tuliskan paling sedikit satu pertanyaan.")
    if any(len(q) > LIMITS["question"] for q in v["questions"]):
        errors.append(f"Setiap pertanyaan paling panjang {LIMITS['question']} karakter.")
    if len(ctx.form.get("pertanyaan", [])) > 20:
        errors.append("Terlalu banyak pertanyaan dalam satu permohonan.")
    uploads = ctx.files.get("berkas", [])
    if len(uploads) > ctx.cfg.web.max_files:
        errors.append(f"Paling banyak {ctx.cfg.web.max_files} berkas pendukung.")
    return v, errors


@page("/permohonan", roles=None, methods=("GET", "POST"), max_files=50)
def public_submit(ctx: Ctx):
    if ctx.request.method == "GET":
        return ctx.redirect("/")
    if ctx.value("situs"):                      # the honeypot: only robots fill it
        return ctx.render("public/thanks.html")
    values, errors = _read(ctx)
    if errors:
        return _form(ctx, values, errors + _files_dropped(ctx), status=400)
    web, email = ctx.cfg.web, values["email"]
    limits = (("form-ip", ctx.client, web.requests_per_ip_hour),
              ("form-address", email, web.requests_per_address_hour))
    with ctx.read() as s:
        ok = all(within(s, bucket, key, limit=limit, window=HOUR, now=ctx.now)
                 for bucket, key, limit in limits)
        known = flow.is_known(s, ctx.app, email)
    if not ok:
        return _form(ctx, values, ["Terlalu banyak permohonan dalam satu jam dari alamat ini. "
                                   "Silakan coba lagi nanti."], status=429)
    uploads = ctx.files.get("berkas", [])
    if uploads:                 # checking files is costly: the hit counts before it starts
        with ctx.session() as s:
            _count(s, limits, ctx.now)
    files, refused = [], []
    for upload in uploads:
        try:
            files.append((upload.data, flow.check_upload(ctx.cfg, upload.data, upload.filename)))
        except flow.UploadRefused as err:
            refused.append(str(err))
    if refused:
        return _form(ctx, values, refused + ["Permohonan belum dikirim. Hapus atau ganti berkas "
                                             "tersebut, lalu kirim kembali."], status=400)
    payload = {k: values[k] for k in ("name", "institution", "opd_code", "position", "email",
                                      "phone", "bidang", "wilayah", "purpose", "questions")}
    payload["attachments"] = [flow.store_upload(ctx.app, data, meta) for data, meta in files]
    payload["ip"] = ctx.client
    keep = None if known else flow.hold(ctx.app, payload, ctx.now)

    def write(session):          # the hits and the registration (or the held request), batched
        if not uploads:
            _count(session, limits, ctx.now)
        return keep(session) if keep else flow.register_request(ctx.app, session, payload,
                                                                 ctx.now)
    result = ctx.app.group_commit.run(write)
    if keep:
        return ctx.render("public/confirm_sent.html", email=email, hours=flow.CONFIRM_HOURS)
    flow.spool_receipt(ctx.app, result, ctx.now)
    return ctx.render("public/receipt.html", **_receipt(ctx, result.entry, result.code))


def _files_dropped(ctx: Ctx) -> list[str]:
    """A browser never refills a file field: say which files must be chosen again."""
    names = [u.filename for u in ctx.files.get("berkas", []) if u.filename]
    if not names:
        return []
    return [f"Berkas yang Anda pilih ({', '.join(names)}) belum terkirim karena formulir belum "
            "lengkap; pilih kembali berkas tersebut sebelum mengirim."]


def _count(session, limits, now) -> None:
    for bucket, key, _limit in limits:
        record(session, bucket, key, now)


def _receipt(ctx: Ctx, entry, code: str) -> dict:
    return {"agenda_no": entry.agenda_no, "received": utc(entry.received_at),
            "due_on": entry.due_on, "email": entry.sender_email,
            "tracking": flow.tracking_url(ctx.cfg, code), "code": code}


@page("/permohonan/konfirmasi/{token}", roles=None, methods=("GET", "POST"))
def public_confirm(ctx: Ctx):
    token = ctx.request.path_params["token"]
    if ctx.request.method == "GET":
        with ctx.session() as s:
            row = flow.pending_for(s, token, ctx.now)
            if row is None:
                raise HTTPException(404, "Tautan konfirmasi tidak ditemukan atau sudah "
                                         "kedaluwarsa. Silakan ajukan permohonan kembali.")
            done, name = row.entry_id is not None, row.payload.get("name")
        return ctx.render("public/confirm.html", token=token, done=done, name=name)
    outcome, entry, code = flow.confirm(ctx.app, token, ctx.now)
    if outcome == "missing":
        raise HTTPException(404, "Tautan konfirmasi tidak ditemukan atau sudah kedaluwarsa. "
                                 "Silakan ajukan permohonan kembali.")
    if outcome == "done":
        return ctx.render("public/confirm.html", token=token, done=True, name=None)
    return ctx.render("public/receipt.html", **_receipt(ctx, entry, code))


# -- tracking ---------------------------------------------------------------------------------
@page("/lacak", roles=None)
def public_track_form(ctx: Ctx):
    code = "".join(ctx.request.query_params.get("kode", "").split())
    if code:
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", code):
            raise HTTPException(404, NOT_FOUND)
        return ctx.redirect(f"/lacak/{code}")
    return ctx.render("public/track_form.html")


def _tracked(ctx: Ctx, s):
    code = ctx.request.path_params["code"]
    entry = flow.find_by_code(s, code, ctx.cfg, ctx.now)
    if entry is None:
        raise HTTPException(404, NOT_FOUND)
    return entry, code


@page("/lacak/{code}", roles=None)
def public_track(ctx: Ctx, errors: list[str] | None = None, status: int = 200):
    with ctx.read() as s:
        code = ctx.request.path_params["code"]
        entry = flow.find_case(s, code, ctx.cfg, ctx.now)
        if entry is not None and entry.channel != "web":   # a letter's link (issue 19)
            if not tracklink.matches(ctx.cfg, entry, code):
                raise HTTPException(404, NOT_FOUND)
            return ctx.render("public/track_letter.html", view=track_letter.view(ctx, s, entry))
        if entry is None:
            raise HTTPException(404, NOT_FOUND)
        c = entry.consultation or {}
        view = {"agenda_no": entry.agenda_no, "status": flow.PUBLIC_STATUS.get(entry.status,
                                                                              "Dalam proses"),
                "received": utc(entry.received_at), "due_on": entry.due_on,
                "bidang": c.get("bidang"), "wilayah": c.get("wilayah"),
                "purpose": c.get("purpose"),
                "questions": (entry.letter or {}).get("pertanyaan") or [],
                "files": [f.get("filename") for f in c.get("attachments", [])],
                "missing": entry.missing if entry.status == "incomplete" else None,
                "answer": (c.get("answer") or {}).get("text"),
                "stages": flow.timeline(ctx.app, s, entry, ctx.now)}
        from pipeline.consult import complaint          # issue 20: complaints about it
        view["complaints"], view["nonce"] = complaint.shown(s, entry), complaint.nonce()
        view["complaint_days"] = complaint.working_days(ctx.cfg)
    return ctx.render("public/track.html", status=status, code=code, view=view,
                      errors=errors or [], max_files=ctx.cfg.web.max_files,
                      max_mb=f"{ctx.cfg.web.max_file_bytes / 1e6:.0f}")


@page("/lacak/{code}/permohonan.pdf", roles=None)
def public_request_pdf(ctx: Ctx):
    from pipeline.consult.requestpdf import request_pdf
    with ctx.read() as s:
        entry, _ = _tracked(ctx, s)
        pdf, name = request_pdf(ctx.cfg, entry), flow.pdf_name(entry)
    return download(pdf, name, "application/pdf")


@page("/lacak/{code}/lengkapi", roles=None, methods=("POST",), max_files=50)
def public_track_add(ctx: Ctx):
    """The requester adds what the clerk asked for; the check opens again."""
    uploads = ctx.files.get("berkas", [])
    errors = []
    if not uploads:
        errors.append("Pilih paling sedikit satu berkas.")
    if len(uploads) > ctx.cfg.web.max_files:
        errors.append(f"Paling banyak {ctx.cfg.web.max_files} berkas sekaligus.")
    with ctx.session() as s:
        entry, _ = _tracked(ctx, s)
        if entry.status != "incomplete":
            errors.append("Permohonan ini tidak sedang menunggu kelengkapan.")
        if not errors and not allow(s, "track-upload", ctx.client,
                                    limit=ctx.cfg.web.requests_per_ip_hour, window=HOUR,
                                    now=ctx.now):
            errors.append("Terlalu banyak unggahan dalam satu jam. Silakan coba lagi nanti.")
    checked = []
    if not errors:
        for upload in uploads:
            try:
                checked.append((upload.data, flow.check_upload(ctx.cfg, upload.data,
                                                               upload.filename)))
            except flow.UploadRefused as err:
                errors.append(str(err))
    if errors:
        return public_track(ctx, errors=errors, status=400)
    files = [flow.store_upload(ctx.app, data, meta) for data, meta in checked]
    with ctx.session() as s:
        entry, code = _tracked(ctx, s)
        entry = s.get(type(entry), entry.id, with_for_update=True)
        if entry.status == "incomplete":
            flow.complete(ctx.app, s, entry, files, "web:pemohon", ctx.now)
    return ctx.redirect(f"/lacak/{code}", notice="Terima kasih, kelengkapan telah kami terima "
                                                 "dan akan diperiksa kembali.")
