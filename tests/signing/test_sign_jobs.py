# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing by reply through the job table: any worker signs, each letter numbered once.

Each test asks for signing the way the Inspector does (the digest, a TTD SEMUA reply read from
Dovecot), so the `sign` jobs are the ones the reply's transaction planned; then workers race
on them (two threads, each its own App, as two worker processes would), or are SIGKILLed
mid-job as real processes, or meet a letter LibreOffice cannot convert.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, update

from pipeline.core import jobs
from pipeline.core.models import AgendaEntry, Event, OutboxMail, OutgoingLetter
from pipeline.core.models_jobs import Job
from pipeline.signing import jobs as signjobs
from pipeline.signing.byreply import run_pending
from pipeline.signing.convert import soffice
from pipeline.signing.verify import verify_pdf
from pipeline.worker import IntakeWatcher, mailboxes, run_once
from tests.side_by_side import side_by_side
from tests.signing.test_batch_flow import ready_letters
from tests.signing.test_sign_by_reply import PASSPHRASE, body, numbers, office, send_digest  # noqa: F401

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")

WORKER = textwrap.dedent("""
    import sys
    from pipeline.app import App
    from pipeline.core import jobs
    from pipeline.core.config import load
    from pipeline.signing import jobs as signjobs
    app = App.open(load(sys.argv[1]), migrate=False)
    jobs.run_one(app.factory, signjobs.handlers(app), lease=float(sys.argv[2]))
""")
LEASE = 2.0         # the killed workers' lease, so the test need not wait 20 s


def ask_to_sign(app, dovecot, mailroom, count: int) -> None:
    """COUNT initialled letters, the digest, and the Inspector's TTD SEMUA read and recorded:
    the `sign` jobs wait, nothing is signed yet."""
    ready_letters(app, dovecot, mailroom, count)
    mailroom.reply(send_digest(app, mailroom), app.workflow.inspector.emails[0], "TTD SEMUA")
    for url in mailboxes(app):
        watcher = IntakeWatcher(app, url=url)
        try:
            assert watcher(wait=False) is not None
        finally:
            watcher.close()
    with app.session() as s:
        assert s.scalar(select(func.count()).select_from(Job).where(
            Job.kind == signjobs.KIND, Job.status == "pending")) == count
    assert numbers(app) == {}


def sign_jobs(app) -> list[Job]:
    with app.session() as s:
        return list(s.scalars(select(Job).where(Job.kind == signjobs.KIND).order_by(Job.id)))


def signed_mails(app) -> Counter:
    with app.session() as s:
        return Counter(s.scalars(select(OutboxMail.entry_id).where(
            OutboxMail.kind == "signed-letter")))


def test_two_workers_racing_on_one_request_sign_and_number_each_letter_once(
        office, dovecot, monkeypatch):
    """GIVEN the Inspector's TTD SEMUA for four letters WHEN two workers take the sign jobs at
    the same moment THEN both work, yet the letters are numbered 700/1..4 once each with no
    gap, each signed PDF validates and carries its own number, each OPD mail is queued once,
    and the Inspector gets one result mail listing all four."""
    import pypdfium2 as pdfium
    app, mailroom = office
    monkeypatch.setenv("PARAF_SIGN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(signjobs, "BATCH", 2)       # four letters: work for both workers
    ask_to_sign(app, dovecot, mailroom, 4)
    taken = [[], []]

    def work(i, worker):
        signing = signjobs.handlers(worker)[signjobs.KIND]

        def sign(claims):                   # which worker took which letters
            taken[i].extend(c.subject for c in claims)
            return signing.run(claims)
        handlers = {signjobs.KIND: jobs.Batched(sign, signing.size)}
        while jobs.run_one(worker.factory, handlers) is not None:
            pass
    assert side_by_side(app, work) == []
    assert taken[0] and taken[1]                        # both workers signed
    assert sorted(taken[0] + taken[1]) == sorted(j.subject for j in sign_jobs(app))
    assert {j.status for j in sign_jobs(app)} == {"done"}

    trust = app.cfg.path(app.cfg.signing.trust_pem).read_bytes()
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)).all()
    assert [l.number for l in letters] == [f"700/{n}/ITDA/2026" for n in range(1, 5)]
    assert len({l.entry_id for l in letters}) == 4
    for letter in letters:
        pdf = app.store.get(letter.pdf_sha256, "signed")
        assert verify_pdf(pdf, [trust]).ok
        text = pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range()
        assert letter.number in text
        assert all(o.number not in text for o in letters if o is not letter)
    assert signed_mails(app) == Counter({l.entry_id: 1 for l in letters})

    run_once(app)                       # settles the request, sends the mails
    inspector = app.workflow.inspector.emails[0]
    results = [m for m in mailroom.to(inspector) if "Hasil Penandatanganan" in str(m["Subject"])]
    assert len(results) == 1
    assert all(f"700/{n}/ITDA/2026" in body(results[0]) for n in range(1, 5))
    run_once(app)
    assert len([m for m in mailroom.to(inspector)
                if "Hasil Penandatanganan" in str(m["Subject"])]) == 1


def spawn(app, pause: str) -> subprocess.Popen:
    config = app.cfg.base_dir / "config.toml"
    return subprocess.Popen([sys.executable, "-c", WORKER, str(config), str(LEASE)],
                            env={**os.environ, pause: "120"}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)


def kill_when(proc: subprocess.Popen, ready, what: str, seconds: float = 240) -> None:
    """SIGKILL PROC (and its LibreOffice) once READY() is true; fail if PROC ends first."""
    deadline = time.monotonic() + seconds
    try:
        while not ready():
            assert proc.poll() is None, proc.communicate()[0].decode(errors="replace")
            assert time.monotonic() < deadline, what
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    time.sleep(LEASE + 0.5)             # its lease runs out


def test_workers_killed_mid_job_leave_the_letter_to_another_signed_once(
        office, dovecot, monkeypatch):
    """GIVEN the Inspector's TTD SEMUA for two letters WHEN a worker that took both (one batch)
    is SIGKILLed with the first letter's signed PDF staged and its transaction open, then the
    worker that takes the first over (alone, as it was tried before) is SIGKILLed right after
    committing it, and a third worker runs THEN the first letter is 700/1 and the second 700/2,
    each booked and mailed once; the first worker's PDF (signed, never booked) is quarantined,
    not sent; the first job ended on its third try, the second on its second, and the
    Inspector's result mail reports both letters as signed."""
    app, mailroom = office
    monkeypatch.setenv("PARAF_SIGN_PASSPHRASE", PASSPHRASE)
    ask_to_sign(app, dovecot, mailroom, 2)
    staging = app.store.root / "signed-staging"

    first = spawn(app, "PARAF_TEST_PAUSE_STAGED")
    kill_when(first, lambda: any((staging / str(first.pid)).glob("[0-9a-f]*")),
              "the first worker never staged a PDF")
    assert numbers(app) == {}
    assert [(j.status, j.tries) for j in sign_jobs(app)] == [("running", 1), ("running", 1)]

    second = spawn(app, "PARAF_TEST_PAUSE_AFTER_COMMIT")
    kill_when(second, lambda: numbers(app), "the second worker never committed")
    assert numbers(app) == {"0001/SM/ITDA/2026": "700/1/ITDA/2026"}
    assert [(j.status, j.tries) for j in sign_jobs(app)] == [("running", 2), ("running", 1)]

    assert run_pending(app) == 1                 # the second letter; the first was booked
    assert numbers(app) == {"0001/SM/ITDA/2026": "700/1/ITDA/2026",
                            "0002/SM/ITDA/2026": "700/2/ITDA/2026"}
    assert [(j.status, j.tries) for j in sign_jobs(app)] == [("done", 3), ("done", 2)]
    with app.session() as s:
        booked = set(s.scalars(select(OutgoingLetter.pdf_sha256)))
        assert s.scalar(select(func.count()).select_from(Event).where(
            Event.kind == "sign")) == 2
    orphans = [p.name for p in (app.store.root / "quarantine" / "signed").iterdir()]
    assert len(orphans) == 1 and not booked & set(orphans)
    assert sorted(signed_mails(app).values()) == [1, 1]

    run_once(app)
    result = body(mailroom.last_to(app.workflow.inspector.emails[0]))
    assert "700/1/ITDA/2026" in result and "700/2/ITDA/2026" in result
    assert "Yang tidak dapat dilaksanakan" not in result


def test_a_letter_that_cannot_be_converted_fails_after_three_tries_and_the_clerk_sees_why(
        office, dovecot, monkeypatch):
    """GIVEN the Inspector's TTD SEMUA for one letter WHEN LibreOffice fails on its draft every
    time THEN the job is tried three times, then `failed` with the reason; the case stays
    waiting for signature with a 'sign_failed' line in its history that says why, nothing is
    numbered, and the Inspector's result mail says it could not be signed."""
    from pipeline.signing import convert
    app, mailroom = office
    monkeypatch.setenv("PARAF_SIGN_PASSPHRASE", PASSPHRASE)
    ask_to_sign(app, dovecot, mailroom, 1)
    monkeypatch.setattr(convert, "to_pdf", lambda docxs, timeout=300: [None] * len(docxs))
    for _ in range(jobs.LIMIT):
        assert run_pending(app) == 0
        with app.session() as s:                 # the pause before the next try is over
            s.execute(update(Job).values(due_at=datetime.now(timezone.utc)
                                         - timedelta(seconds=1)))
    [job] = sign_jobs(app)
    assert (job.status, job.tries) == ("failed", jobs.LIMIT)
    assert "LibreOffice could not convert" in job.reason
    with app.session() as s:
        entry = s.scalars(select(AgendaEntry)).one()
        failed = [e for e in entry.events if e.kind == "sign_failed"]
        assert entry.status == "initialled"
        assert len(failed) == 1 and "LibreOffice" in failed[0].data["reason"]
    assert numbers(app) == {}
    run_once(app)
    result = body(mailroom.last_to(app.workflow.inspector.emails[0]))
    assert "Yang tidak dapat dilaksanakan" in result
    assert "tidak dapat menandatanganinya setelah 3 kali percobaan" in result
