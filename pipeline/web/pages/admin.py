# SPDX-License-Identifier: AGPL-3.0-or-later
"""The administrator's pages: staff accounts and roles, and the rules files.

Accounts change through `pipeline.web.accounts` (each change an office-chain event). A rules file is
replaced only after the folder, with the candidate in its place, passes the same checks as
`paraf rules check`; the old file is kept as .bak and the event records both SHA-256.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

from sqlalchemy import select
from starlette.exceptions import HTTPException

from pipeline.core.models import User
from pipeline.core.rulecheck import check_candidate
from pipeline.web import accounts
from pipeline.web.page import Ctx, page

NAME_RE = re.compile(r"^[a-z][a-z0-9_-]*\.toml$")
MAX_RULES_BYTES = 60_000          # the form's field limit is 64 KiB


def users(ctx: Ctx) -> list[dict]:
    with ctx.session() as s:
        return [{"username": u.username, "name": u.name, "role": u.role, "official": u.official,
                 "active": u.active, "must_change": u.must_change,
                 "locked": bool(u.locked_until and u.locked_until.replace(tzinfo=None)
                                > ctx.now.replace(tzinfo=None)),
                 "created_at": u.created_at}
                for u in s.scalars(select(User).order_by(User.role, User.username))]


def official_codes(ctx: Ctx) -> list[dict]:
    wf = ctx.app.workflow
    return [{"code": o.code, "name": o.name} for o in wf.officials] if wf else []


def render_users(ctx: Ctx, status: int = 200, error: str | None = None,
                 shown: dict | None = None, confirm: dict | None = None):
    response = ctx.render("staff/admin/users.html", status=status, users=users(ctx),
                          roles=accounts.ROLES, officials=official_codes(ctx), error=error,
                          shown=shown, confirm=confirm, form=ctx.form)
    if shown:
        response.headers["Cache-Control"] = "no-store"
    return response


# Actions that lock someone out or change their password ask once more before acting.
CONFIRM = {
    "disable": {"question": "Nonaktifkan akun {username}? Pemiliknya tidak dapat masuk lagi "
                            "sampai kata sandinya diatur ulang.",
                "button": "Ya, nonaktifkan", "danger": True},
    "reset": {"question": "Atur ulang kata sandi akun {username}? Semua sesi masuknya diakhiri "
                          "dan kata sandi sekali pakai yang baru ditampilkan di sini.",
              "button": "Ya, atur ulang sandi", "danger": False},
}


@page("/staf/admin", roles=("admin",))
def admin_users(ctx: Ctx):
    return render_users(ctx)


@page("/staf/admin/pengguna", roles=("admin",), methods=("POST",))
def admin_user_action(ctx: Ctx):
    action, username = ctx.value("action"), ctx.value("username").lower()
    role, official = ctx.value("role"), ctx.value("official") or None
    codes = {o["code"] for o in official_codes(ctx)}
    if action in CONFIRM and ctx.value("confirm") != "ya":     # one click never acts
        return render_users(ctx, confirm={"username": username, "action": action,
                                          **CONFIRM[action]})
    try:
        if official and codes and official not in codes:
            raise accounts.AccountError(f"kode pejabat '{official}' tidak ada dalam daftar "
                                        "pejabat kantor")
        if action in ("disable", "role") and username == ctx.user.username:
            raise accounts.AccountError("akun Anda sendiri tidak dapat dinonaktifkan atau "
                                        "diubah perannya dari sini")
        with ctx.session() as s:
            if action == "add":
                password = accounts.one_time_password()
                user = accounts.add(s, username, ctx.value("name") or username, role, password,
                                    official=official, actor=ctx.actor, now=ctx.now)
                user.must_change = True
                shown = {"username": user.username, "password": password, "why": "dibuat"}
            elif action == "reset":
                password = accounts.one_time_password()
                accounts.reset(s, username, password, actor=ctx.actor, now=ctx.now)
                shown = {"username": username, "password": password, "why": "diatur ulang"}
            elif action == "disable":
                accounts.disable(s, username, actor=ctx.actor, now=ctx.now)
                shown = None
            elif action == "role":
                accounts.change_role(s, username, role, official=official, actor=ctx.actor,
                                     now=ctx.now)
                shown = None
            else:
                raise accounts.AccountError("tindakan tidak dikenal")
    except accounts.AccountError as err:
        return render_users(ctx, status=400, error=f"Tidak dapat diproses: {err}.")
    if shown:                      # the password is shown in this response only, never stored
        return render_users(ctx, shown=shown)
    words = {"disable": "dinonaktifkan", "role": "diubah perannya"}[action]
    return ctx.redirect("/staf/admin", notice=f"Akun {username} {words}.")


# -- rules files ------------------------------------------------------------------------------

def rules_files(ctx: Ctx) -> list[str]:
    folder = ctx.cfg.rules_path
    return sorted(p.name for p in folder.glob("*.toml") if NAME_RE.match(p.name))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def render_rules(ctx: Ctx, name: str | None, text: str | None = None, status: int = 200,
                 problems=None, error: str | None = None):
    files = rules_files(ctx)
    if name is not None and name not in files:
        raise HTTPException(404, "Berkas aturan tidak ditemukan.")
    current = (ctx.cfg.rules_path / name).read_bytes() if name else b""
    shown = text if text is not None else current.decode("utf-8", "replace")
    return ctx.render("staff/admin/rules.html", status=status, files=files, name=name,
                      text=shown, base=sha(current) if name else "", problems=problems or [],
                      error=error, lines=shown.count("\n") + 2,
                      contents={f: (ctx.cfg.rules_path / f).read_text("utf-8", "replace")
                                for f in files} if name is None else {})


@page("/staf/admin/aturan", roles=("admin",), methods=("GET", "POST"))
def admin_rules(ctx: Ctx):
    if ctx.request.method == "GET":
        name = ctx.request.query_params.get("berkas") or None
        return render_rules(ctx, name)
    name = ctx.value("berkas")
    if name not in rules_files(ctx):
        raise HTTPException(404, "Berkas aturan tidak ditemukan.")
    text = ctx.form.get("content", [""])[0].replace("\r\n", "\n")
    if len(text.encode()) > MAX_RULES_BYTES:
        return render_rules(ctx, name, text, 400, error="Berkas terlalu besar untuk disunting "
                                                        "di sini.")
    live = ctx.cfg.rules_path / name
    before = live.read_bytes()
    if sha(before) != ctx.value("base"):
        return render_rules(ctx, name, text, 409, error=(
            "Berkas ini telah diubah orang lain sejak Anda membukanya. Salin perubahan Anda, "
            "muat ulang, lalu terapkan lagi. Tidak ada yang diubah."))
    problems = check_candidate(ctx.cfg.rules_path, name, text)
    if problems:
        ctx.audit("rules_refused", file=name, sha256_before=sha(before),
                  sha256_candidate=sha(text.encode()), problems=len(problems))
        return render_rules(ctx, name, text, 400, problems=problems, error=(
            f"{len(problems)} masalah ditemukan; berkas aktif tidak diubah."))
    replace_file(live, text.encode())
    ctx.audit("rules_changed", file=name, sha256_before=sha(before),
              sha256_after=sha(text.encode()))
    for cached in ("rules", "workflow", "consumer"):   # the next request reads the new rules
        ctx.app.__dict__.pop(cached, None)
    return ctx.redirect(f"/staf/admin/aturan?berkas={name}",
                        notice=f"{name} diperiksa dan diterapkan; versi lama disimpan sebagai "
                               f"{name}.bak.")


def replace_file(live: Path, data: bytes) -> None:
    """Keep the old file as NAME.bak, then swap the new one in with one rename."""
    tmp = live.with_name(f".{live.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    shutil.copy2(live, live.with_name(live.name + ".bak"))
    os.replace(tmp, live)
    fd = os.open(live.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
