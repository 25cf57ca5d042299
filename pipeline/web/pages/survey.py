# SPDX-License-Identifier: AGPL-3.0-or-later
"""The satisfaction survey's public page (`/survei/<token>`): no account, no JavaScript.

The link is the only credential. A link already used, expired or unknown shows a plain
Indonesian page and changes nothing; a form with a missing answer comes back with what it
had, saying which question is missing.
"""
from __future__ import annotations

from pipeline.consult import survey
from pipeline.web.page import Ctx, page

GONE = {
    "used": ("Survei sudah diisi",
             "Survei untuk layanan ini sudah diisi sebelumnya. Setiap tautan survei hanya "
             "dapat digunakan satu kali; jawaban yang telah tercatat tidak diubah."),
    "expired": ("Tautan survei sudah tidak berlaku",
                "Masa berlaku tautan survei ini telah habis, sehingga survei tidak dapat diisi "
                "lagi. Terima kasih atas perhatian Anda."),
    "unknown": ("Tautan survei tidak dikenal",
                "Tautan survei ini tidak ditemukan. Periksa kembali alamat yang Anda buka; "
                "gunakan tautan lengkap dari surel atau kode QR yang Anda terima."),
}
STATUS = {"used": 409, "expired": 410, "unknown": 404}


def _gone(ctx: Ctx, state: str):
    heading, message = GONE[state]
    return ctx.render("public/survey_done.html", status=STATUS[state], heading=heading,
                      message=message, ok=False)


def _form(ctx: Ctx, token: str, values: dict, errors: list[str], status: int = 200):
    return ctx.render("public/survey.html", status=status, token=token, values=values,
                      errors=errors, elements=survey.ELEMENTS, max_comment=survey.MAX_COMMENT)


@page("/survei/{token}", roles=None, methods=("GET", "POST"))
def public_survey(ctx: Ctx):
    token = ctx.request.path_params["token"]
    if ctx.request.method == "GET":
        with ctx.read() as s:
            state = survey.state_of(s, token, ctx.now)
        return _form(ctx, token, {}, []) if state == "open" else _gone(ctx, state)
    values = {e.code: ctx.value(e.code) for e in survey.ELEMENTS}
    values["komentar"] = ctx.value("komentar")[:survey.MAX_COMMENT]
    answers, errors = survey.read_answers(values)
    with ctx.session() as s:
        state = survey.state_of(s, token, ctx.now)
        if state != "open":
            return _gone(ctx, state)
        if errors:
            return _form(ctx, token, values, errors, status=400)
        outcome = survey.submit(s, token, answers, values["komentar"], ctx.now)
    if outcome != "saved":
        return _gone(ctx, outcome)
    return ctx.render("public/survey_done.html", heading="Terima kasih", ok=True,
                      message="Jawaban survei Anda telah kami terima. Masukan Anda membantu "
                              f"kami memperbaiki layanan {ctx.cfg.office.name}.")
