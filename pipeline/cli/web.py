# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf web` and the staff accounts it signs in (`paraf users`)."""
from __future__ import annotations

import secrets
from datetime import datetime, timezone

import click
from rich.table import Table

from pipeline.cli.base import cli, console, pass_ctx
from pipeline.core.errors import ParafError


@cli.command()
@click.option("--listen", metavar="HOST:PORT", help="address to serve on (default from config)")
@click.option("--workers", type=int, help="server processes (default from config)")
@pass_ctx
def web(ctx, listen, workers):
    """Serve the consultation form, tracking pages and the staff's pages."""
    import os

    import uvicorn

    from pipeline.core.config import CONFIG_ENV
    from pipeline.web import create_app
    app = ctx.app                      # migrates the database once, before any worker starts
    cfg = app.cfg
    host, _, port = (listen or cfg.web.listen).rpartition(":")
    workers = workers or cfg.web.workers
    console.print(f"Paraf web: {cfg.web.base_url} (listening on {host}:{port}, "
                  f"{workers} process{'es' if workers > 1 else ''})")
    options = dict(host=host or "127.0.0.1", port=int(port), log_level="warning",
                   proxy_headers=False)
    if workers == 1:
        uvicorn.run(create_app(app), **options)
        return
    app.close()
    from pathlib import Path

    from pipeline.web import serve
    os.environ[CONFIG_ENV] = str(Path(ctx.config_path or os.environ.get(CONFIG_ENV)
                                      or "config.toml").resolve())
    options.pop("host"), options.pop("port")
    serve.run(host or "127.0.0.1", int(port), workers, options)


@cli.group()
def users():
    """Staff accounts for the web pages."""


def _password(given: str | None) -> tuple[str, bool]:
    if given:
        return given, False
    return secrets.token_urlsafe(12), True


@users.command("add")
@click.argument("username")
@click.option("--name", required=True, help="full name, as shown on the pages")
@click.option("--role", required=True, type=click.Choice(["clerk", "official", "inspector",
                                                          "admin"]))
@click.option("--official", metavar="CODE", help="their code in rules/officials.toml")
@click.option("--password-stdin", is_flag=True, help="read the password from standard input")
@pass_ctx
def users_add(ctx, username, name, role, official, password_stdin):
    """Create an account; prints a one-time password unless --password-stdin."""
    from pipeline.web import accounts
    app = ctx.app
    if official and app.workflow is not None and official not in app.workflow.by_code:
        raise ParafError(f"no official '{official}' in rules/officials.toml")
    password, generated = _password(click.get_text_stream("stdin").readline().strip()
                                    if password_stdin else None)
    now = datetime.now(timezone.utc)
    with app.session() as s:
        accounts.add(s, username, name, role, password, official=official, actor="cli", now=now)
        if generated:
            accounts.get(s, username).must_change = True
    console.print(f"User {username} ({role}) created."
                  + (f" One-time password: {password}" if generated else ""))


@users.command("list")
@pass_ctx
def users_list(ctx):
    """Every account, its role and whether it can sign in."""
    from sqlalchemy import select

    from pipeline.core.db import utc
    from pipeline.core.models import User
    now = datetime.now(timezone.utc)
    table = Table(title="Pengguna")
    for col in ("Username", "Nama", "Peran", "Pejabat", "Status"):
        table.add_column(col)
    with ctx.app.session() as s:
        for u in s.scalars(select(User).order_by(User.username)):
            state = ("nonaktif" if not u.active else "terkunci"
                     if u.locked_until and utc(u.locked_until) > now else "aktif")
            table.add_row(u.username, u.name, u.role, u.official or "-", state)
    console.print(table)


@users.command("disable")
@click.argument("username")
@pass_ctx
def users_disable(ctx, username):
    """Stop an account from signing in; ends its sessions at once."""
    from pipeline.web import accounts
    with ctx.app.session() as s:
        accounts.disable(s, username, actor="cli", now=datetime.now(timezone.utc))
    console.print(f"User {username} disabled.")


@users.command("reset")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="read the new password from standard input")
@pass_ctx
def users_reset(ctx, username, password_stdin):
    """A new one-time password (changed at the next login); unlocks and re-enables."""
    from pipeline.web import accounts
    password, generated = _password(click.get_text_stream("stdin").readline().strip()
                                    if password_stdin else None)
    with ctx.app.session() as s:
        accounts.reset(s, username, password, actor="cli", now=datetime.now(timezone.utc),
                       must_change=True)
    console.print(f"User {username} reset." + (f" One-time password: {password}"
                                               if generated else ""))
