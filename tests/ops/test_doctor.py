# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf doctor` against real servers: Dovecot, aiosmtpd, SQLite and PostgreSQL."""
from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from pipeline.cli.doctor import run_checks
from pipeline.cli.main import cli
from pipeline.core import db
from pipeline.signing.keys import create_test_pkcs12
from tests.ops.workspace import env_for, server_workspace, set_keys
from tests.servers.smtp import running_smtp_server

AUTHSERV = "mx.inspektorat.test"


def stamped(n: int, header: bool = True) -> list[bytes]:
    out = []
    for i in range(n):
        auth = (f"Authentication-Results: {AUTHSERV}; dkim=pass header.d=dinas.go.id; "
                "spf=pass smtp.mailfrom=dinas.go.id\r\n") if header else ""
        head = (f"{auth}From: tu@dinas.go.id\r\nTo: konsultasi@inspektorat.test\r\n"
                f"Subject: Surat {i}\r\nMessage-ID: <d{i}@dinas.go.id>\r\n")
        out.append((head + "\r\nIsi.\r\n").encode())
    return out


@pytest.fixture
def smtp_login():
    with running_smtp_server(user="paraf", password="smtp-secret") as server:
        yield server


def doctor(config, env, *extra):
    result = CliRunner().invoke(cli, ["--config", str(config), "doctor", *extra], env=env)
    lines = {line.split("]", 1)[1].split(":", 1)[0].strip(): line
             for line in result.output.splitlines() if line.startswith("[")}
    return result.exit_code, lines, result.output


def healthy(tmp_path, db_url, dovecot, smtp, monkeypatch, cert_days=3650):
    env = env_for(dovecot)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    config = server_workspace(tmp_path / "ws", db_url, dovecot, smtp)
    set_keys(config, authserv_id=AUTHSERV, auth_policy="require", sent_folder="Sent")
    dovecot.append("Sent", stamped(1)[0])
    dovecot.append_many("INBOX", stamped(3))
    create_test_pkcs12(tmp_path / "ws" / "keys" / "inspektur.p12", b"kunci", "Dr. Inspektur",
                       "196801011990031001", "Inspektur", days=cert_days)
    return config, env


def test_a_ready_server_passes_every_check(tmp_path, db_url, dovecot, smtp_login, monkeypatch):
    """GIVEN a workspace on a real IMAP and SMTP server, a migrated database, a strong secret, a
    valid key and a mail server that stamps Authentication-Results WHEN `paraf doctor` runs
    THEN every line is OK (the clock may only warn on SQLite) and it exits 0."""
    config, env = healthy(tmp_path, db_url, dovecot, smtp_login, monkeypatch)
    code, lines, out = doctor(config, env)
    assert code == 0, out
    assert "FAIL" not in out
    for name in ("config", "rules", "database", "PARAF_SECRET", "OCR", "LibreOffice",
                 "certificate", "disk", "intake", "smtp", "Authentication-Results"):
        assert lines[name].startswith("[ OK ]"), lines[name]
    assert "(head)" in lines["database"]
    assert "3 of the 3" in lines["Authentication-Results"]
    if db_url.startswith("postgresql"):
        assert lines["clock"].startswith("[ OK ]") and "PostgreSQL" in lines["clock"]


def test_each_broken_part_is_named_with_its_fix(tmp_path, db_url, dovecot, smtp_login,
                                                monkeypatch):
    """GIVEN the ready workspace WHEN, one at a time, the IMAP password is wrong, the SMTP
    server is gone, the database is two revisions behind, the secret is a repeated word, the
    tools are not on PATH and no message carries our Authentication-Results (with policy
    require) THEN each shows as FAIL with a fix and the command exits 1; a few unstamped
    messages among stamped ones only warn."""
    config, env = healthy(tmp_path, db_url, dovecot, smtp_login, monkeypatch)

    code, lines, out = doctor(config, {**env, "PARAF_IMAP_PASSWORD": "wrong"})
    assert code == 1 and lines["intake"].startswith("[FAIL]") and "PARAF_IMAP_PASSWORD" in out

    code, lines, out = doctor(config, {**env, "PARAF_SMTP_PASSWORD": "wrong"})
    assert code == 1 and lines["smtp"].startswith("[FAIL]") and "fix:" in lines["smtp"]

    code, lines, out = doctor(config, {**env, "PARAF_SECRET": "rahasia1" * 4})
    assert code == 1 and lines["PARAF_SECRET"].startswith("[FAIL]")
    assert "secrets.token_urlsafe" in lines["PARAF_SECRET"]

    empty = tmp_path / "empty-bin"
    empty.mkdir()
    code, lines, out = doctor(config, {**env, "PATH": str(empty)})
    assert code == 1 and lines["OCR"].startswith("[FAIL]")
    assert lines["LibreOffice"].startswith("[FAIL]") and "apt-get install" in lines["OCR"]

    dovecot.append_many("INBOX", stamped(2, header=False))      # some arrive unstamped:
    code, lines, out = doctor(config, env)                         # a warning, work goes on
    assert code == 0 and lines["Authentication-Results"].startswith("[WARN]"), out
    assert "3 of the 5" in lines["Authentication-Results"]

    engine = db.make_engine(_url(config, env))
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0003'")
    engine.dispose()
    code, lines, out = doctor(config, env)
    assert code == 1 and lines["database"].startswith("[FAIL]")
    assert "0003" in lines["database"] and "paraf migrate" in lines["database"]


def _url(config, env):
    from pipeline.core.config import load
    return load(config, env=env).database_url


def test_mail_that_is_never_stamped_stops_replies_under_require(tmp_path, db_url, dovecot,
                                                                smtp_login, monkeypatch):
    """GIVEN auth_policy require and a mailbox whose messages carry no Authentication-Results
    from our server (only a forged one from elsewhere) WHEN doctor runs THEN that line fails:
    every official's reply would be refused."""
    env = env_for(dovecot)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    config = server_workspace(tmp_path / "ws", db_url, dovecot, smtp_login)
    set_keys(config, authserv_id=AUTHSERV, auth_policy="require")
    forged = [m.replace(AUTHSERV.encode(), b"mx.elsewhere.test") for m in stamped(2)]
    dovecot.append_many("INBOX", forged + stamped(1, header=False))
    code, lines, out = doctor(config, env)
    assert code == 1
    assert lines["Authentication-Results"].startswith("[FAIL]"), out
    assert "0 of the 3" in lines["Authentication-Results"]


def test_certificate_expiry_and_clock_skew(tmp_path, db_url, dovecot, smtp_login, monkeypatch):
    """GIVEN a signing certificate that ends in 10 days WHEN doctor runs THEN it warns (30 days
    ahead) without failing; GIVEN the machine's clock 10 minutes off the PostgreSQL server's
    THEN the clock fails; GIVEN the certificate already expired THEN that fails."""
    config, env = healthy(tmp_path, db_url, dovecot, smtp_login, monkeypatch, cert_days=10)
    results = {r.name: r for r in run_checks(config, env)}
    assert results["certificate"].level == "warn", results["certificate"]     # the CA's end
    env = {**env, "PARAF_SIGN_PASSPHRASE": "kunci"}                         # and the leaf's
    results = {r.name: r for r in run_checks(config, env)}
    assert "Dr. Inspektur" in results["certificate"].detail
    assert results["certificate"].level == "warn", results["certificate"]
    assert "Dr. Inspektur expires" in results["certificate"].detail
    assert "in 8 days" in results["certificate"].detail      # made a day back, for 10 days
    late = lambda: datetime.now(timezone.utc) + timedelta(days=40)   # noqa: E731
    results = {r.name: r for r in run_checks(config, env, now=late)}
    assert results["certificate"].level == "fail" and "expired" in results["certificate"].detail
    if db_url.startswith("postgresql"):
        assert results["clock"].level == "fail" and "ahead of the PostgreSQL" in \
            results["clock"].detail
        skewed = lambda: datetime.now(timezone.utc) - timedelta(minutes=10)   # noqa: E731
        results = {r.name: r for r in run_checks(config, env, now=skewed)}
        assert results["clock"].level == "fail" and "behind" in results["clock"].detail


def test_a_missing_config_is_one_clear_line(tmp_path):
    """GIVEN no config.toml WHEN doctor runs THEN it says so with the fix, still checks the
    tools, and exits 1."""
    code, lines, out = doctor(tmp_path / "nowhere.toml", {"PATH": os.environ["PATH"]})
    assert code == 1
    assert lines["config"].startswith("[FAIL]") and "paraf init" in lines["config"]
    assert "OCR" in lines


def test_a_missing_watched_folder_and_an_open_key_file(tmp_path, db_url, dovecot, smtp_login,
                                                       monkeypatch):
    """GIVEN the intake URL naming a folder the server does not have, and the PKCS#12 left
    readable by everyone WHEN doctor runs THEN the mailbox fails with 'create the folder' and
    the key file warns with the chmod that fixes it."""
    config, env = healthy(tmp_path, db_url, dovecot, smtp_login, monkeypatch)
    set_keys(config, intake=dovecot.url("Surat/Masuk"))
    (tmp_path / "ws" / "keys" / "inspektur.p12").chmod(0o644)
    code, lines, out = doctor(config, env)
    assert code == 1
    assert lines["intake"].startswith("[FAIL]") and "Surat/Masuk" in lines["intake"], out
    assert "create the folder" in lines["intake"]
    assert lines["certificate"].startswith("[WARN]") and "chmod 600" in lines["certificate"]


def test_ocr_warns_where_tesseract_cannot_run_in_process(monkeypatch):
    """GIVEN tesseract and its Indonesian data but no loadable libtesseract WHEN the OCR check
    runs THEN it warns that scans read slower, with the package to install, and fails nothing;
    with the library it says the models are loaded once."""
    import shutil

    from pipeline.cli.checks import OK, WARN, check_tesseract
    from pipeline.letter import tessapi

    if shutil.which("tesseract") is None or not tessapi.available():
        pytest.skip("tesseract and its library are needed")
    ready = check_tesseract()
    assert ready.level == OK and "in-process" in ready.detail
    monkeypatch.setattr(tessapi, "_libs", [None])
    slow = check_tesseract()
    assert slow.level == WARN and "libtesseract5" in slow.fix
