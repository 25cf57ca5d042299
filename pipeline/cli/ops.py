# SPDX-License-Identifier: AGPL-3.0-or-later
"""Running an installation: `paraf migrate`, `paraf backup`, `paraf restore`."""
from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import click

from pipeline.cli.base import cli, console, pass_ctx


def paraf_version() -> str:
    try:
        return version("paraf")
    except PackageNotFoundError:
        return ""


@cli.command()
@click.option("--revision", default="head", show_default=True, help="schema revision to reach")
@pass_ctx
def migrate(ctx, revision):
    """Bring the database schema up to this Paraf's version (the units run it before start)."""
    from pipeline.core import db
    engine = db.make_engine(ctx.cfg.database_url)
    try:
        before = db.current_revision(engine)
        db.migrate(engine, revision)
        after = db.current_revision(engine)
    finally:
        engine.dispose()
    console.print(f"database schema: {before or 'empty'} -> {after}" if before != after
                  else f"database schema already at {after}", highlight=False)


@cli.command()
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
@pass_ctx
def backup(ctx, dest):
    """Copy the database, stored files, rules and config (no secrets) into DEST, with sums.

    Safe while the worker and the web pages run."""
    import os

    from pipeline.core.backup import backup as do_backup
    from pipeline.core.config import CONFIG_ENV
    config_file = Path(ctx.config_path or os.environ.get(CONFIG_ENV) or "config.toml")
    manifest = do_backup(ctx.cfg, dest, paraf_version(), config_file)
    db = manifest["database"]
    console.print(f"Backup in {dest}: {db['kind']} database at {db['revision']}, "
                  f"{len(manifest['files'])} files with SHA-256 sums in manifest.json",
                  highlight=False)
    if manifest["damaged"]:
        damaged = manifest["damaged"]
        console.print(f"[red]{len(damaged)} stored files do not match their hash (already "
                      f"damaged on this server):[/red] {', '.join(damaged[:5])}")
        sys.exit(1)


@cli.command()
@click.argument("src", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--database", metavar="URL", help="a new, empty database to restore into "
              "(default: a SQLite file in FOLDER; required for a PostgreSQL backup)")
def restore(src, folder, database):
    """Build a working installation in FOLDER from the backup in SRC."""
    from pipeline.core.restore import restore as do_restore
    manifest = do_restore(src, folder, database)
    console.print(f"Restored {len(manifest['files'])} files into {folder}, database from "
                  f"{manifest['finished_at']}. Copy keys/ and the EnvironmentFile back, then run "
                  f"'paraf doctor' and 'paraf audit verify'.", highlight=False)


@cli.command()
@pass_ctx
def status(ctx):
    """How the office is doing: the numbers /metrics gives Prometheus, for a person."""
    from datetime import datetime, timezone

    from pipeline.books.metrics import human, snapshot
    with ctx.app.session() as session:
        snap = snapshot(session, datetime.now(timezone.utc))
    for line in human(snap):
        click.echo(line)
