# SPDX-License-Identifier: AGPL-3.0-or-later
"""`paraf sign` killed with SIGKILL in the middle of a batch, as a real process.

The in-process crash test (test_batch_flow) raises inside Python; this one gives the kernel's
answer: no `finally`, no rollback handler, no flush. The process is paused after its first
letter committed (PARAF_TEST_PAUSE_AFTER_COMMIT, a hook for tests only) so the kill lands
between two letters every time, then killed, then run again.

A kill in the middle of a send is covered where the outbox lives, not repeated here:
tests/outbox/test_outbox.py::test_crash_after_acceptance_with_file_transport_is_marked_sent_not_resent,
::test_crash_after_acceptance_over_smtp_is_held_not_resent,
::test_connection_lost_after_the_final_dot_is_held and
tests/outbox/test_sent_check.py (the server's Sent folder decides). The signed letter is an
outbox row like any other mail, so those guarantees are the ones it gets.
"""
from __future__ import annotations

import email
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from email import policy
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from sqlalchemy import func, select

from pipeline.core.models import AgendaEntry, OutboxMail, OutgoingLetter
from pipeline.signing.convert import soffice
from pipeline.signing.verify import verify_pdf
from pipeline.worker import run_once
from tests.signing.test_batch_flow import office, ready_letters  # noqa: F401  (fixture)
from tests.workflow.conftest import Mailroom

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
LETTERS = 4


def paraf_sign(app, passphrase: list[str], **env) -> subprocess.Popen:
    config = app.cfg.base_dir / "config.toml"
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "--config", str(config), "sign", "--all", *passphrase],
        env={**os.environ, **env}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True)


def wait_for(proc: subprocess.Popen, ready, what: str, seconds: float = 240):
    """Poll READY() until it gives something true (returned); fail if PROC ends first."""
    deadline = time.monotonic() + seconds
    while not (found := ready()):
        assert proc.poll() is None, proc.communicate()[0].decode(errors="replace")
        assert time.monotonic() < deadline, what
        time.sleep(0.05)
    return found


def committed(app) -> int:
    with app.session() as s:
        return s.scalar(select(func.count()).select_from(OutgoingLetter))


def test_sigkill_in_the_middle_of_a_batch_then_signing_again(office, dovecot,  # noqa: F811
                                                            smtp_server):
    """GIVEN four initialled letters WHEN `paraf sign --all` is SIGKILLed after the first letter
    committed, and run again THEN the numbers are 1..4 with no gap and no double, every signed
    PDF validates and carries its own number, and each OPD mail is queued (and sent) once."""
    app, _, passphrase = office
    mailroom = Mailroom(smtp_server, dovecot)
    originals = ready_letters(app, dovecot, mailroom, LETTERS)

    first = paraf_sign(app, passphrase, PARAF_TEST_PAUSE_AFTER_COMMIT="60")
    try:
        wait_for(first, lambda: committed(app), "the first letter never committed")
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL

    with app.session() as s:
        assert [l.seq for l in s.scalars(select(OutgoingLetter))] == [1]
        assert Counter(s.scalars(select(AgendaEntry.status))) == {"signed": 1,
                                                                  "initialled": LETTERS - 1}
        assert s.scalar(select(func.count()).select_from(OutboxMail).where(
            OutboxMail.kind == "signed-letter")) == 1

    second = paraf_sign(app, passphrase)
    output = second.communicate(timeout=300)[0].decode(errors="replace")
    assert second.returncode == 0, output
    assert output.count("signed 0") == LETTERS - 1 and "not signed" not in output

    trust = app.cfg.path(app.cfg.signing.trust_pem).read_bytes()
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)).all()
        queued = s.scalars(select(OutboxMail.entry_id).where(
            OutboxMail.kind == "signed-letter")).all()
    assert [l.seq for l in letters] == list(range(1, LETTERS + 1))
    assert [l.number for l in letters] == [f"700/{n}/ITDA/2026" for n in range(1, LETTERS + 1)]
    assert len({l.entry_id for l in letters}) == LETTERS
    for letter in letters:
        pdf = app.store.get(letter.pdf_sha256, "signed")
        assert verify_pdf(pdf, [trust]).ok
        text = pdfium.PdfDocument(pdf)[0].get_textpage().get_text_range()
        assert letter.number in text
        assert all(other.number not in text for other in letters if other is not letter)
    assert sorted(queued) == sorted(l.entry_id for l in letters)      # one mail per letter

    run_once(app)
    run_once(app)
    sent = [email.message_from_bytes(m.raw, policy=policy.default) for m in smtp_server.messages
            if "disdik@pekalongankota.go.id" in m.rcpt_tos and b"Surat Jawaban" in m.raw]
    assert sorted(str(m["In-Reply-To"]) for m in sent) == sorted(originals)
    with app.session() as s:
        assert set(s.scalars(select(AgendaEntry.status))) == {"closed"}


def _children_named(parent: int, word: str) -> list[int]:
    """PIDs of live processes whose parent is PARENT and whose command line holds WORD."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == parent and fields[0] != "Z" and word in cmdline:
            found.append(int(proc.name))
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def test_sigkill_of_paraf_alone_while_libreoffice_converts(office, dovecot,  # noqa: F811
                                                             smtp_server):
    """GIVEN three letters being converted by LibreOffice WHEN `paraf sign` alone (not its
    process group) is SIGKILLed THEN LibreOffice dies with it, no draft was ever written to the
    system temp directory, and the next run sweeps the workspace's scratch and signs all."""
    app, _, passphrase = office
    ready_letters(app, dovecot, Mailroom(smtp_server, dovecot), 3)
    shared = app.cfg.base_dir.parent / "system-tmp"     # its TMPDIR: what would land in /tmp
    shared.mkdir()
    first = paraf_sign(app, passphrase, TMPDIR=str(shared))
    try:
        office_pids = wait_for(first, lambda: _children_named(first.pid, "soffice"),
                               "LibreOffice never started")
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(_running(p) for p in office_pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_running(p) for p in office_pids), "LibreOffice outlived paraf sign"
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert list(shared.rglob("*.docx")) == [] and not list(shared.glob("paraf-*"))
    scratch = app.cfg.base_dir / "tmp"
    assert any(scratch.iterdir())           # the killed run's drafts: in the workspace only
    second = paraf_sign(app, passphrase)
    output = second.communicate(timeout=300)[0].decode(errors="replace")
    assert second.returncode == 0 and output.count("signed 0") == 3, output
    assert not any(scratch.iterdir())
    assert committed(app) == 3


def test_sigkill_between_storing_the_pdf_and_the_commit(office, dovecot,  # noqa: F811
                                                        smtp_server):
    """GIVEN two letters WHEN `paraf sign` is SIGKILLed with the first letter's signed PDF
    written but its transaction not committed THEN the signed store shows nothing; the next
    run quarantines that orphan (another number's code, never booked, never mailed), signs
    both letters, and the store holds exactly the booked PDFs."""
    from pipeline.signing.staging import ORPHANS, STAGING
    app, _, passphrase = office
    ready_letters(app, dovecot, Mailroom(smtp_server, dovecot), 2)
    first = paraf_sign(app, passphrase, PARAF_TEST_PAUSE_STAGED="60")
    staging = app.store.root / STAGING
    try:
        wait_for(first, lambda: [f for f in staging.glob("*/*") if not f.name.startswith(".tmp-")],
                 "no PDF was ever staged")
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    orphan = next(f.name for f in staging.glob("*/*") if not f.name.startswith(".tmp-"))
    signed_dir = app.store.root / "signed"
    assert committed(app) == 0
    assert not [f for f in signed_dir.glob("*/*")] if signed_dir.exists() else True
    second = paraf_sign(app, passphrase)
    output = second.communicate(timeout=300)[0].decode(errors="replace")
    assert second.returncode == 0 and output.count("signed 0") == 2, output
    with app.session() as s:
        booked = set(s.scalars(select(OutgoingLetter.pdf_sha256)))
        mails = s.scalar(select(func.count()).select_from(OutboxMail).where(
            OutboxMail.kind == "signed-letter"))
    assert orphan not in booked and mails == 2
    assert (app.store.root / ORPHANS / orphan).exists()
    assert {f.name for f in signed_dir.glob("*/*")} == booked
    assert not list(staging.glob("*/*"))
