# SPDX-License-Identifier: AGPL-3.0-or-later
"""How long `paraf backup` and `paraf restore` take, and how big a backup is, for N letters.

    .venv/bin/python benchmarks/backup.py --n 500
    .venv/bin/python benchmarks/backup.py --n 500 --database postgresql+psycopg://postgres@127.0.0.1:5432/test

It registers N distinct e-mailed PDF letters (the generator of benchmarks/intake.py) through
the consumer into a fresh workspace, then times `paraf backup` and `paraf restore` as
subprocesses (interpreter start included), checks that the restored history verifies, and
prints the sizes. PostgreSQL gets a private schema and, for the restore, a new database.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def paraf(*args) -> float:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True,
                          text=True, cwd=ROOT)
    if done.returncode != 0:
        sys.exit(f"paraf {' '.join(args)} failed: {done.stderr}{done.stdout}")
    return time.monotonic() - started


def run(n: int, database: str | None) -> None:
    from intake import generated_mails
    from sqlalchemy import create_engine, text

    from pipeline.app import App
    from pipeline.core import workspace
    from pipeline.core.config import load
    tmp = Path(tempfile.mkdtemp(prefix="paraf-bench-backup-"))
    url, restore_url, admin, schema, target_db = f"sqlite:///{tmp / 'a' / 'paraf.db'}", None, \
        None, None, None
    if database:
        admin = create_engine(database, isolation_level="AUTOCOMMIT")
        schema, target_db = f"bench_{uuid.uuid4().hex[:8]}", f"bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
            conn.execute(text(f"CREATE DATABASE {target_db}"))
        url = f"{database}?options=-csearch_path%3D{schema}"
        restore_url = f"{database.rsplit('/', 1)[0]}/{target_db}?options=-csearch_path%3D{schema}"
    try:
        config = workspace.init(tmp / "a", database=url)
        app = App.open(load(config))
        started = time.monotonic()
        for raw in generated_mails(n, uuid.uuid4().hex[:6]):
            app.consumer.consume(raw, source="bench")
        fed = time.monotonic() - started
        app.close()
        t_backup = paraf("--config", str(config), "backup", str(tmp / "bk"))
        t_restore = paraf("restore", str(tmp / "bk"), str(tmp / "b"),
                          *(["--database", restore_url] if restore_url else []))
        t_verify = paraf("--config", str(tmp / "b" / "config.toml"), "audit", "verify")
        kind = "postgresql" if database else "sqlite"
        print(f"| {kind} | {n} | {fed:.1f} s | {size(tmp / 'a' / 'data'):.1f} MB | "
              f"{size(tmp / 'bk'):.1f} MB | {t_backup:.1f} s | {t_restore:.1f} s | "
              f"{t_verify:.1f} s |")
    finally:
        subprocess.run(["rm", "-rf", str(tmp)])
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
                conn.execute(text(f"DROP DATABASE {target_db} WITH (FORCE)"))
            admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[500])
    parser.add_argument("--database", help="a PostgreSQL URL (default: SQLite)")
    args = parser.parse_args()
    print("| database | letters | registering | store | backup size | backup | restore | "
          "audit verify |\n| --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in args.n:
        run(n, args.database)


if __name__ == "__main__":
    main()
