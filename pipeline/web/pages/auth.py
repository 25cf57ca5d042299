# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing in and out, and changing one's own password."""
from __future__ import annotations

from pipeline.core.events import append_office_event
from pipeline.web import accounts, throttle
from pipeline.web.page import Ctx, login, logout, page

HOME = {"clerk": "/staf/agenda", "official": "/staf/tugas", "inspector": "/staf/inspektur",
        "admin": "/staf/admin"}


@page("/masuk", roles=None, methods=("GET", "POST"))
def login_page(ctx: Ctx):
    target = ctx.request.query_params.get("next", "")
    if not target.startswith("/") or target.startswith("//"):
        target = ""                          # never redirect off-site
    if ctx.request.method == "GET":
        return ctx.render("staff/login.html", next=target, error=None)
    username, password = ctx.value("username"), ctx.form.get("password", [""])[0]
    keys = throttle.Keys.of(username, ctx.client)
    with ctx.session() as s:
        wait = throttle.wait(s, keys, ctx.cfg.web, ctx.now)
        if wait:
            user, why = None, f"throttled for {wait} s"
        else:
            user, why = accounts.authenticate(s, username, password, now=ctx.now)
            if user is None:
                throttle.failed(s, keys, ctx.cfg.web, ctx.now)
            else:
                throttle.succeeded(s, keys)
        append_office_event(s, "login" if user else "login_failed",
                            actor=f"web:{username[:64] or '?'}", at=ctx.now,
                            data={"ip": ctx.client, **({"why": why} if why else {})})
    if wait:
        response = ctx.render("staff/login.html", status=429, next=target,
                              error=f"Terlalu banyak percobaan masuk yang gagal. Silakan coba "
                                    f"lagi dalam {wait} detik.")
        response.headers["retry-after"] = str(wait)
        return response
    if user is None:
        return ctx.render("staff/login.html", status=401, next=target,
                          error="Nama pengguna atau kata sandi salah.")
    login(ctx, user)
    return ctx.redirect(target or HOME[user.role])


@page("/keluar", roles=(), methods=("POST",))
def logout_page(ctx: Ctx):
    logout(ctx)
    return ctx.redirect("/masuk", notice="Anda telah keluar.")


@page("/staf", roles=())
def staff_home(ctx: Ctx):
    return ctx.redirect(HOME[ctx.user.role])


@page("/kata-sandi", roles=(), methods=("GET", "POST"))
def change_password(ctx: Ctx):
    if ctx.request.method == "GET":
        return ctx.render("staff/password.html", error=None)
    old, new, again = (ctx.form.get(k, [""])[0] for k in ("old", "new", "again"))
    error = None
    with ctx.session() as s:
        user, _ = accounts.authenticate(s, ctx.user.username, old, now=ctx.now)
        if user is None:
            error = "Kata sandi lama salah."
        elif new != again:
            error = "Kata sandi baru dan ulangannya tidak sama."
        else:
            try:
                accounts.reset(s, user.username, new, actor=ctx.actor, now=ctx.now,
                               must_change=False)
            except accounts.AccountError:
                error = f"Kata sandi baru minimal {accounts.MIN_PASSWORD} karakter."
    if error:
        return ctx.render("staff/password.html", status=400, error=error)
    fresh = accounts_user(ctx)
    login(ctx, fresh)
    return ctx.redirect(HOME[fresh.role], notice="Kata sandi telah diganti.")


def accounts_user(ctx: Ctx):
    with ctx.session() as s:
        user = accounts.get(s, ctx.user.username)
        s.expunge(user)
        return user
