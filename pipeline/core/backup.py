# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf backup DEST`: a consistent copy of a running installation, with SHA-256 sums.

Order makes it consistent without stopping the worker. The database is copied first, as one
snapshot (SQLite's online backup API holds a read transaction for the whole copy; pg_dump
reads in one repeatable-read transaction). The content-addressed store and the outbox spool
are copied after: their files are written before the rows that name them are committed and are
never changed or removed, so every file the snapshot names is already there. Files that came
later are copied too and are harmless.

Secrets stay out: config.toml is copied with any password removed from its URLs, and keys/
(the Inspector's PKCS#12) is not copied at all; both belong in the office's key safe.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.engine import make_url

from pipeline.core import db
from pipeline.core.config import Config
from pipeline.core.errors import ParafError

MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.sql"
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s\"']+):[^@\s\"']*@", re.I)


def strip_url_passwords(text: str) -> str:
    """imap://user:secret@host -> imap://user@host, wherever a URL appears."""
    return _URL_PASSWORD.sub(r"\1@", text)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def libpq(url: str) -> tuple[str, dict]:
    """A SQLAlchemy PostgreSQL URL as a libpq URI for pg_dump/psql, password in the env."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def search_path_schema(url: str) -> str | None:
    """The schema named by `options=-csearch_path=X` in the URL, if any."""
    options = make_url(url).query.get("options", "")
    if isinstance(options, tuple):
        options = " ".join(options)
    found = re.search(r"search_path\s*=\s*([A-Za-z_][\w$]*)", options)
    return found.group(1) if found else None


def _dump_sqlite(url: str, target: Path) -> None:
    source = sqlite3.connect(make_url(url).database, timeout=db.GATE_TIMEOUT)
    copy = sqlite3.connect(target)
    try:
        with copy:
            source.backup(copy)        # all pages in one step: one read snapshot
    finally:
        copy.close()
        source.close()


def _dump_postgres(url: str, target: Path) -> None:
    exe = shutil.which("pg_dump")
    if exe is None:
        raise ParafError("pg_dump not found: install Debian's postgresql-client "
                         "(the same major version as the server, or newer)")
    uri, env = libpq(url)
    args = [exe, "--no-owner", "--no-privileges", "--format=plain", f"--file={target}"]
    schema = search_path_schema(url)
    if schema:
        args.append(f"--schema={schema}")
    done = subprocess.run(args + [f"--dbname={uri}"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise ParafError(f"pg_dump failed: {done.stderr.strip()}")


def extensions(url: str) -> list[list[str]]:
    """[name, schema] of the PostgreSQL extensions installed: a dump of one schema leaves out
    those living elsewhere (pg_trgm in public), so the restore creates them first."""
    from sqlalchemy import text
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            return [list(row) for row in conn.execute(text(
                "SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n "
                "ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1"))]
    finally:
        engine.dispose()


def _copy_tree(src: Path, dst: Path, sums: dict[str, str], prefix: str,
               content_addressed: bool = False) -> list[str]:
    """Copy SRC into DST, hashing each file; in the store a file's name is its hash, so a
    mismatch there is damage found now rather than on the day of the restore."""
    damaged = []
    if not src.is_dir():
        return damaged
    for path in sorted(src.rglob("*")):
        if not path.is_file() or path.name.startswith(".tmp-"):
            continue                           # a write in progress; its row is not committed
        rel = path.relative_to(src)
        target = dst / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        digest = file_sha256(target)
        if content_addressed and re.fullmatch(r"[0-9a-f]{64}", path.name) and digest != path.name:
            damaged.append(str(rel))
        sums[f"{prefix}/{rel.as_posix()}"] = digest
    return damaged


def backup(cfg: Config, dest: Path, version: str = "", config_file: Path | None = None) -> dict:
    """Write the backup into DEST (new or empty); returns the manifest. CONFIG_FILE is the
    config read (default: config.toml beside the workspace)."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise ParafError(f"{dest} is not empty; give a new folder for each backup")
    work = dest.with_name(dest.name + ".partial")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    url = cfg.database_url
    engine = db.make_engine(url, writer=False)
    try:
        revision = db.current_revision(engine)
    finally:
        engine.dispose()
    started = datetime.now(timezone.utc)
    if url.startswith("sqlite"):
        kind, name = "sqlite", SQLITE_FILE
        _dump_sqlite(url, work / name)
    else:
        kind, name = "postgresql", PG_FILE
        _dump_postgres(url, work / name)
    sums = {name: file_sha256(work / name)}
    damaged = _copy_tree(cfg.data_path, work / "data", sums, "data", content_addressed=True)
    _copy_tree(cfg.rules_path, work / "rules", sums, "rules")
    _copy_tree(cfg.outbox_path, work / "outbox", sums, "outbox")
    config_file = Path(config_file or cfg.base_dir / "config.toml")
    config_text = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
    (work / "config.toml").write_text(strip_url_passwords(config_text), encoding="utf-8")
    sums["config.toml"] = file_sha256(work / "config.toml")
    manifest = {"format": 1, "paraf": version, "started_at": started.isoformat(),
                "finished_at": datetime.now(timezone.utc).isoformat(),
                "database": {"kind": kind, "file": name, "revision": revision,
                             "schema": search_path_schema(url) if kind == "postgresql" else None,
                "extensions": extensions(url) if kind == "postgresql" else []},
                "damaged": damaged, "files": sums}
    (work / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    (work / SUMS).write_text("".join(f"{h}  {p}\n" for p, h in sorted(sums.items())),
                             encoding="utf-8")
    if dest.exists():
        dest.rmdir()                           # empty, checked above
    work.rename(dest)                          # a backup folder is complete or absent
    return manifest


def check(src: Path) -> tuple[dict, list[str]]:
    """Read SRC's manifest and compare every file with its sum: (manifest, problems)."""
    src = Path(src)
    try:
        manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ParafError(f"{src} has no readable {MANIFEST}: {err}") from None
    problems = []
    for rel, digest in manifest["files"].items():
        path = src / rel
        if not path.is_file():
            problems.append(f"missing: {rel}")
        elif file_sha256(path) != digest:
            problems.append(f"changed since the backup: {rel}")
    return manifest, problems
