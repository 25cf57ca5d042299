# SPDX-License-Identifier: AGPL-3.0-or-later
"""Watching a running office: /healthz, /metrics (Prometheus), `paraf status`, JSON logs."""
from __future__ import annotations

import dataclasses
import json
import mailbox
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import httpx2 as httpx
import pytest
from click.testing import CliRunner
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import create_engine, func, select
from starlette.testclient import TestClient

from pipeline.cli.main import cli
from pipeline.core.heartbeat import beat
from pipeline.core.models import AgendaEntry, InboundMessage, OutboxMail, Step
from pipeline.web import create_app
from pipeline.worker import IntakeWatcher, deliver, dispatch
from tests.conftest import make_workspace
from tests.mails import fields, letter_mail
from tests.ops.workspace import STRONG_SECRET
from tests.web.live import LiveServer

SENDERS = ["disdik@pekalongankota.go.id", "dinkes@pekalongankota.go.id", "orang@gmail.example"]


@pytest.fixture
def office(tmp_path, db_url, monkeypatch):
    """An office whose worker read six letters (one from an unknown address) and sent the
    disposition requests two weeks ago, so they are overdue now, on any weekday and past a
    holiday week (two days ago, from a Friday afternoon, they are due on Monday)."""
    monkeypatch.setenv("PARAF_SECRET", STRONG_SECRET)
    monkeypatch.delenv("PARAF_METRICS_TOKEN", raising=False)
    app = make_workspace(tmp_path / "ws", db_url)
    box = mailbox.Maildir(app.cfg.url_path(app.cfg.intake), create=True)
    for i in range(6):
        box.add(letter_mail(sender=SENDERS[i % 3] if i != 5 else SENDERS[2],
                            letter=fields(700 + i), kind="pdf" if i % 2 else "docx",
                            subject=f"Konsultasi rahasia nomor {i}"))
    watcher = IntakeWatcher(app)
    assert watcher(wait=False) is not None
    watcher.close()
    dispatch(app, now=datetime.now(timezone.utc) - timedelta(days=14))
    deliver(app)
    yield app
    app.close()


def scrape(text: str) -> dict[tuple, float]:
    """Parsed by Prometheus's own parser: a malformed line fails here."""
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


def grouped(app, column, *where):
    with app.session() as s:
        query = select(column, func.count()).group_by(column)
        for clause in where:
            query = query.where(clause)
        return dict(s.execute(query).all())


def test_metrics_count_what_the_database_holds_and_nothing_personal(office):
    """GIVEN a worker that read six letters and opened overdue steps WHEN Prometheus scrapes
    /metrics from the machine itself THEN the families parse, each count equals the database's,
    the intake lag is the seconds since that pass, letter-reading time covers each letter read,
    and no address, subject, agenda number or OPD name appears anywhere in the text."""
    with LiveServer(create_app(office)) as server:
        base = f"http://127.0.0.1:{server.port}"
        assert httpx.get(f"{base}/healthz").text == "ok\n"
        reply = httpx.get(f"{base}/metrics")
        assert reply.status_code == 200 and reply.headers["content-type"].startswith("text/plain")
        proxied = httpx.get(f"{base}/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
        assert proxied.status_code == 403
    m = scrape(reply.text)
    for outcome, n in grouped(office, InboundMessage.outcome).items():
        assert m[("paraf_messages_total", (("outcome", outcome),))] == n
    for status, n in grouped(office, OutboxMail.status).items():
        assert m[("paraf_outbox_mails", (("status", status),))] == n
    overdue = grouped(office, Step.kind, Step.status == "open")
    assert overdue and all(m[("paraf_steps_overdue", (("kind", k),))] == n
                           for k, n in overdue.items())
    statuses = grouped(office, AgendaEntry.status)
    assert m[("paraf_held", ())] == statuses.get("quarantined", 0) + \
        grouped(office, OutboxMail.status).get("held", 0)
    assert m[("paraf_signing_queue", ())] == statuses.get("initialled", 0)
    assert 0 <= m[("paraf_intake_lag_seconds", (("job", "intake"),))] < 120
    with office.session() as s:
        read = [e.letter_meta for e in s.scalars(select(AgendaEntry)) if e.letter_meta]
        private = [v for e in s.scalars(select(AgendaEntry))
                   for v in (e.sender_email, e.subject, e.agenda_no, e.opd_name) if v]
    assert m[("paraf_letter_read_seconds_count", ())] == len(read) > 0
    assert m[("paraf_letter_read_seconds", (("quantile", "0.5"),))] > 0
    assert private and not [v for v in private if v in reply.text]


def test_metrics_need_the_token_when_one_is_set(office, monkeypatch):
    """GIVEN PARAF_METRICS_TOKEN WHEN /metrics is asked without it, with a wrong one, or
    with it THEN only the last gets the numbers; /healthz answers anyone."""
    monkeypatch.setenv("PARAF_METRICS_TOKEN", "t" * 40)
    with TestClient(create_app(office), base_url="https://testserver") as client:
        assert client.get("/metrics").status_code == 403
        assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code \
            == 403
        good = client.get("/metrics", headers={"Authorization": "Bearer " + "t" * 40})
        assert good.status_code == 200 and "paraf_up 1" in good.text
        assert client.get("/healthz").status_code == 200


def test_healthz_says_503_when_the_database_is_gone(office):
    """GIVEN the web process whose database stops answering WHEN /healthz is asked THEN 503,
    so the load balancer or systemd's watchdog script takes it out."""
    dead = dataclasses.replace(office, engine=create_engine(
        "postgresql+psycopg://nobody@127.0.0.1:1/none", connect_args={"connect_timeout": 2}))
    with TestClient(create_app(dead), base_url="https://testserver") as client:
        reply = client.get("/healthz")
    assert reply.status_code == 503 and "database" in reply.text


def test_status_prints_the_same_numbers_for_a_person(office):
    """GIVEN the office WHEN `paraf status` runs THEN it shows messages by outcome, overdue
    steps, the signing queue and when intake last ran; GIVEN no intake pass for 20 minutes
    THEN it asks whether the worker is running."""
    out = CliRunner().invoke(cli, ["--config", str(office.cfg.base_dir / "config.toml"),
                                   "status"])
    assert out.exit_code == 0, out.output
    for outcome, n in grouped(office, InboundMessage.outcome).items():
        assert f"{outcome} {n}" in out.output
    overdue = grouped(office, Step.kind, Step.status == "open")
    assert "overdue steps:   " + ", ".join(f"{k} {v}" for k, v in sorted(overdue.items())) \
        in out.output
    assert "to sign:" in out.output and "last intake pass:" in out.output
    assert "s ago" in out.output and "is the worker running?" not in out.output
    beat(office.factory, "intake", datetime.now(timezone.utc) - timedelta(minutes=20))
    out = CliRunner().invoke(cli, ["--config", str(office.cfg.base_dir / "config.toml"),
                                   "status"])
    assert re.search(r"\(12\d\d s ago\)", out.output), out.output      # 20 min, give or take
    assert "is the worker running?" in out.output


def test_json_logs_are_one_object_per_line(office):
    """GIVEN `--log-format json -v` WHEN the worker runs a pass THEN every log line on stderr
    is a JSON object with time, level, logger and message."""
    env = {**os.environ, "PARAF_SECRET": STRONG_SECRET}
    done = subprocess.run([sys.executable, "-m", "pipeline", "--log-format", "json", "-v",
                           "--config", str(office.cfg.base_dir / "config.toml"), "run", "--once"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines
    for line in lines:
        doc = json.loads(line)
        assert {"time", "level", "logger", "message"} <= set(doc)


@pytest.mark.parametrize("category, level", [
    ("type('LibDeprecationWarning', (UserWarning,), {})", "info"),
    ("PendingDeprecationWarning", "info"),
    ("RuntimeWarning", "warning")])
def test_a_library_warning_is_a_json_log_line_and_a_deprecation_is_only_info(category, level):
    """GIVEN `--log-format json` WHEN a library warns THEN the warning is one JSON log line;
    a deprecation notice (cryptography's subclasses UserWarning) is INFO, for whoever upgrades
    the code, and any other warning stays WARNING, for the operator."""
    code = ("import warnings, logging; from pipeline.cli.logs import setup; "
            f"setup(logging.INFO, 'json'); warnings.warn('lib says so', {category})")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "PYTHONWARNINGS": "default"})
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    doc = json.loads(lines[0])
    assert doc["level"] == level and "lib says so" in doc["message"], doc
