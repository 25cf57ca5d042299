# SPDX-License-Identifier: AGPL-3.0-or-later
"""The backup and restore drill, while a real worker reads a real Dovecot mailbox."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from hashlib import sha256
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from pipeline.core import db
from pipeline.core.backup import check, search_path_schema, strip_url_passwords
from pipeline.core.config import load
from pipeline.core.models import AgendaEntry, Attachment, InboundMessage
from pipeline.core.workspace import init
from tests.conftest import PG_URL
from tests.mails import fields, letter_mail
from tests.ops.workspace import STRONG_SECRET

PARAF = [sys.executable, "-m", "pipeline"]
SENDERS = ["disdik@pekalongankota.go.id", "dinkes@pekalongankota.go.id",
           "kecamatan.barat@pekalongankota.go.id", "someone@gmail.example"]


def mails(n: int) -> list[bytes]:
    """Letters from several senders, DOCX and PDF, each with its own Message-ID."""
    return [letter_mail(sender=SENDERS[i % len(SENDERS)], letter=fields(500 + i),
                        kind="pdf" if i % 3 == 0 else "docx",
                        subject=f"Permohonan konsultasi {i}",
                        message_id=f"<surat-{i}-{uuid.uuid4().hex[:6]}@pekalongankota.go.id>")
            for i in range(n)]


def paraf(config: Path, *args, env) -> subprocess.CompletedProcess:
    return subprocess.run(PARAF + ["--config", str(config), *args], env=env,
                          capture_output=True, text=True, timeout=300)


def count(url: str, what=InboundMessage) -> int:
    engine = db.make_engine(url, writer=False)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(what)).scalar_one()
    finally:
        engine.dispose()


def wait_for(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


@pytest.fixture
def restore_target(db_url):
    """Where the restore goes: a SQLite file in the new folder, or a new PostgreSQL database
    (another server's, as far as Paraf can tell) with the same schema name."""
    if db_url.startswith("sqlite"):
        yield None
        return
    name = f"restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    base = PG_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}?options=-csearch_path%3D{search_path_schema(db_url)}"
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


def test_backup_during_intake_restores_a_working_office(tmp_path, db_url, dovecot,
                                                         restore_target, monkeypatch):
    """GIVEN a worker registering 30 letters from a Dovecot mailbox WHEN `paraf backup` runs
    half way and the backup is restored on another machine, whose mail server was restored
    too (every message back in the inbox, new UIDVALIDITY) THEN the manifest's sums hold, the
    audit chain verifies, every stored file matches its hash, no password is in the copied
    config, and the restored worker registers the letters the backup missed exactly once and
    the rest not again."""
    monkeypatch.setenv("PARAF_IMAP_PASSWORD", dovecot.password)
    monkeypatch.setenv("PARAF_SECRET", STRONG_SECRET)
    env = dict(os.environ)
    url_with_password = dovecot.url().replace("intake@", f"intake:{dovecot.password}@")
    config_a = init(tmp_path / "a", intake=url_with_password, database=db_url)
    url_a = load(config_a, env=env).database_url
    raws = mails(30)
    ids = {m.split(b"Message-ID: ")[1].split(b"\n")[0].strip().decode() for m in raws}
    dovecot.append_many("INBOX", raws)

    worker = subprocess.Popen(PARAF + ["--config", str(config_a), "run"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(lambda: count(url_a) >= 4, 120, "the worker to register a few letters")
        done = paraf(config_a, "backup", str(tmp_path / "backup"), env=env)
        assert done.returncode == 0, done.stderr + done.stdout
        wait_for(lambda: count(url_a) == 30, 300, "the worker to register all 30")
    finally:
        worker.terminate()
        _, err = worker.communicate(timeout=30)
    assert "Traceback" not in err.decode(), err.decode()[-2000:]

    manifest, problems = check(tmp_path / "backup")
    assert problems == [] and manifest["damaged"] == []
    assert f":{dovecot.password}@" not in (tmp_path / "backup" / "config.toml").read_text()

    args = ["restore", str(tmp_path / "backup"), str(tmp_path / "b")]
    args += ["--database", restore_target] if restore_target else []
    done = paraf(Path("unused.toml"), *args, env=env)
    assert done.returncode == 0, done.stderr + done.stdout
    config_b = tmp_path / "b" / "config.toml"
    url_b = load(config_b, env=env).database_url
    in_backup = count(url_b)
    assert 0 < in_backup < 30, f"the backup was not taken during intake ({in_backup} of 30)"

    done = paraf(config_b, "audit", "verify", env=env)
    assert done.returncode == 0 and "history intact" in done.stdout, done.stdout
    _assert_files_match(url_b, tmp_path / "b" / "data")

    with dovecot.client() as client:                  # the mail server's own restore
        client.select_folder("Paraf/Processed")
        client.copy(client.search("ALL"), "INBOX")
    dovecot.reset_uidvalidity("INBOX")
    done = paraf(config_b, "run", "--once", env=env)
    assert done.returncode == 0, done.stderr + done.stdout

    engine = db.make_engine(url_b, writer=False)
    with engine.connect() as conn:
        per_id = dict(conn.execute(select(InboundMessage.message_id, func.count())
                                   .group_by(InboundMessage.message_id)).all())
        entries = dict(conn.execute(select(AgendaEntry.message_id, func.count())
                                    .group_by(AgendaEntry.message_id)).all())
        numbers = [n for (n,) in conn.execute(select(AgendaEntry.agenda_no)) if n]
    engine.dispose()
    assert set(per_id) == ids and set(per_id.values()) == {1}
    assert set(entries) == ids and set(entries.values()) == {1}
    assert len(numbers) == len(set(numbers))
    assert dovecot.list_uids("INBOX") == []
    done = paraf(config_b, "audit", "verify", env=env)
    assert done.returncode == 0, done.stdout


def _assert_files_match(url: str, data: Path) -> None:
    engine = db.make_engine(url, writer=False)
    with engine.connect() as conn:
        rows = list(conn.execute(select(InboundMessage.raw_path, InboundMessage.sha256)))
        rows += list(conn.execute(select(Attachment.path, Attachment.sha256)))
    engine.dispose()
    assert rows
    for rel, digest in rows:
        assert sha256((data / rel).read_bytes()).hexdigest() == digest, rel


def test_a_damaged_backup_is_refused_before_anything_is_written(app, tmp_path):
    """GIVEN a backup WHEN one stored file in it is changed THEN restore names it and writes
    nothing; GIVEN a stored file damaged on the server itself WHEN backing up THEN the backup
    names it and exits 1; the copied config never keeps a password written into a URL."""
    app.consumer.consume(letter_mail(), source="file")
    from pipeline.core.backup import backup
    from pipeline.core.errors import ParafError
    from pipeline.core.restore import restore
    backup(app.cfg, tmp_path / "bk")
    victim = next(p for p in (tmp_path / "bk" / "data").rglob("*") if p.is_file())
    victim.write_bytes(victim.read_bytes() + b"x")
    with pytest.raises(ParafError, match="damaged"):
        restore(tmp_path / "bk", tmp_path / "new")
    assert not (tmp_path / "new").exists()
    victim.write_bytes(victim.read_bytes()[:-1])            # put back: the copy is intact
    (tmp_path / "ws" / "data" / victim.relative_to(tmp_path / "bk" / "data")).write_bytes(
        b"changed on the server")                             # but the server's file is not
    from click.testing import CliRunner

    from pipeline.cli.main import cli
    result = CliRunner().invoke(cli, ["--config", str(app.cfg.base_dir / "config.toml"),
                                      "backup", str(tmp_path / "bk2")])
    assert result.exit_code == 1 and "do not match their hash" in result.output
    assert str(victim.relative_to(tmp_path / "bk" / "data")) in result.output
    assert strip_url_passwords('intake = "imaps://a%40b:p4ss@mail:993/INBOX"') == \
        'intake = "imaps://a%40b@mail:993/INBOX"'
