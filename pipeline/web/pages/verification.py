# SPDX-License-Identifier: AGPL-3.0-or-later
"""The public verification page the signed letter's QR code leads to: `/verifikasi/<code>`.

It shows what the letter prints about itself, and checks a PDF a reader received against the
file Paraf sent. No JavaScript: a plain form with a file field. Every look-up and upload counts
against the visitor's address, known code or not, and an unknown code gets the same 404 as a
wrong tracking code, so the page is no oracle for guessing codes.
"""
from __future__ import annotations

import re
from datetime import timedelta

from starlette.exceptions import HTTPException

from pipeline.signing import lookup
from pipeline.web.page import Ctx, page
from pipeline.web.ratelimit import allow

HOUR = timedelta(hours=1)
NOT_FOUND = "Kode verifikasi tidak ditemukan. Periksa kembali kode pada surat."
TOO_MANY = "Terlalu banyak pemeriksaan dari alamat ini dalam satu jam. Silakan coba lagi nanti."
CODE_RE = re.compile(r"[A-Za-z0-9 -]{1,32}")


def _counted(ctx: Ctx) -> None:
    """Count this hit; refuse with 429 beyond the hourly limit."""
    with ctx.session() as s:
        ok = allow(s, "verify-ip", ctx.client, limit=ctx.cfg.web.verify_per_ip_hour,
                   window=HOUR, now=ctx.now)
    if not ok:
        raise HTTPException(429, TOO_MANY)


def _letter(ctx: Ctx) -> lookup.PublicLetter:
    code = ctx.request.path_params["code"]
    if not CODE_RE.fullmatch(code):
        raise HTTPException(404, NOT_FOUND)
    with ctx.read() as s:
        letter = lookup.find(s, code, lookup.officials_of(ctx.app), ctx.cfg.office.timezone)
    if letter is None:
        raise HTTPException(404, NOT_FOUND)
    return letter


@page("/verifikasi", roles=None)
def verify_form(ctx: Ctx):
    code = " ".join(ctx.request.query_params.get("kode", "").split())
    if code:
        if not CODE_RE.fullmatch(code):
            raise HTTPException(404, NOT_FOUND)
        return ctx.redirect("/verifikasi/" + code.replace(" ", ""))
    return ctx.render("public/verify_form.html")


@page("/verifikasi/{code}", roles=None, methods=("GET", "POST"), max_files=1)
def verify_letter(ctx: Ctx):
    _counted(ctx)
    letter = _letter(ctx)
    result, errors, status = None, [], 200
    if ctx.request.method == "POST":
        uploads = ctx.files.get("berkas", [])
        if not uploads:
            errors.append("Pilih berkas PDF surat yang Anda terima.")
        elif not uploads[0].data.startswith(b"%PDF") and b"%PDF" not in uploads[0].data[:1024]:
            errors.append("Berkas tersebut bukan PDF. Unggah berkas PDF surat yang Anda terima.")
        else:
            result = lookup.check(letter, uploads[0].data, lookup.trust_roots(ctx.cfg))
        status = 400 if errors else 200
    return ctx.render("public/verify.html", status=status, letter=letter, result=result,
                      errors=errors)
