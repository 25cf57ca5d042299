# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf restore SRC DIR`: a working installation from a backup, checked before and after.

Every file is compared with the manifest first, so a damaged backup is refused before anything
is written. The database goes into a SQLite file in DIR or into an empty PostgreSQL database
(`--database`); then the schema is migrated to this Paraf's head, so a backup from an older
version restores into a newer one. The mailbox ledger comes back as it was at the backup: the
worker then meets mail it already registered, and the content hash and Message-ID guards drop it.
"""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy import inspect, text

from pipeline.core import backup as bk
from pipeline.core import db
from pipeline.core.backup import search_path_schema
from pipeline.core.errors import ParafError
from pipeline.core.workspace import set_key


def _restore_postgres(dump: Path, url: str, extensions: list[list[str]]) -> None:
    engine = db.make_engine(url)
    try:
        if inspect(engine).get_table_names():
            raise ParafError("the target database is not empty; restore into a new database "
                             "(createdb) so nothing is overwritten")
        with engine.begin() as conn:
            for name, schema in extensions:
                if schema == search_path_schema(url):
                    continue                   # the dump of that schema creates it itself
                conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
                conn.execute(text(f'CREATE EXTENSION IF NOT EXISTS "{name}" SCHEMA "{schema}"'))
    finally:
        engine.dispose()
    exe = shutil.which("psql")
    if exe is None:
        raise ParafError("psql not found: install Debian's postgresql-client")
    uri, env = bk.libpq(url)
    done = subprocess.run([exe, "--quiet", "--no-psqlrc", "--set=ON_ERROR_STOP=1",
                           "--single-transaction", f"--file={dump}", f"--dbname={uri}"],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise ParafError(f"psql could not load {dump.name}: {done.stderr.strip()}")


def _restore_sqlite(copy: Path, target: Path) -> None:
    if target.exists():
        raise ParafError(f"{target} already exists; restore into a new folder")
    source, dest = sqlite3.connect(copy), sqlite3.connect(target)
    try:
        with dest:
            source.backup(dest)
    finally:
        source.close()
        dest.close()


def restore(src: Path, folder: Path, database: str | None = None) -> dict:
    """Build the installation in FOLDER from the backup in SRC; returns the manifest."""
    src, folder = Path(src), Path(folder)
    manifest, problems = bk.check(src)
    if problems:
        raise ParafError(f"the backup in {src} is damaged ({len(problems)} files): "
                         + "; ".join(problems[:5]))
    if folder.exists() and any(folder.iterdir()):
        raise ParafError(f"{folder} is not empty; restore into a new folder")
    kind = manifest["database"]["kind"]
    if database is None and kind != "sqlite":
        raise ParafError("this backup holds a PostgreSQL database: give --database with the "
                         "URL of a new, empty one")
    if database is not None and not database.startswith(kind):
        raise ParafError(f"this backup holds a {kind} database; --database must be one too")
    folder.mkdir(parents=True, exist_ok=True)
    for part in ("data", "rules", "outbox"):
        if (src / part).is_dir():
            shutil.copytree(src / part, folder / part)
        else:
            (folder / part).mkdir()
    url = database or "sqlite:///paraf.db"
    text = (src / "config.toml").read_text(encoding="utf-8")
    for key, value in (("database", url), ("data_dir", "data"), ("rules_dir", "rules"),
                       ("outbox_dir", "outbox")):
        text = set_key(text, key, value)
    (folder / "config.toml").write_text(text, encoding="utf-8")
    dump = src / manifest["database"]["file"]
    if kind == "sqlite":
        target = folder / "paraf.db" if database is None else Path(
            database.removeprefix("sqlite:///"))
        _restore_sqlite(dump, target if target.is_absolute() else folder / target)
        url = "sqlite:///" + str(target if target.is_absolute() else folder / target)
    else:
        _restore_postgres(dump, url, manifest["database"].get("extensions", []))
    engine = db.make_engine(url)
    try:
        db.migrate(engine)
    finally:
        engine.dispose()
    return manifest
