# SPDX-License-Identifier: AGPL-3.0-or-later
"""The crash suite's parts: an office on real servers, officials who answer by mail, a killer
that SIGKILLs real `paraf run` processes at random moments, and the invariants checked after.

The letters go through intake, routing (disposition request), reply handling (the Inspector's
SETUJU, the drafter's numbered answers, one level of paraf) and sending, so a kill can land in
any of them, or in the middle of an SMTP conversation.
"""
from __future__ import annotations

import email
import random
import threading
import time
from collections import Counter
from email import policy

from sqlalchemy import func, select

from pipeline.core.events import verify
from pipeline.core.models import AgendaEntry, InboundMessage, OutboxMail, Step
from pipeline.core.models_jobs import Job
from tests.mails import fields, letter_mail
from tests.worker.live import Worker, office, until
from tests.workflow.conftest import Mailroom

ROUTING = '''
[[rule]]
name = "Semua"
default = true
assignee = "auditor-3a"
chain = ["superior"]
'''
ANSWERS = ("Jawaban kami:\n\n1. Dapat dilakukan bertahap sesuai surat pernyataan.\n\n"
           "2. Dilaporkan melalui aplikasi tindak lanjut.\n\nSalam")


def crash_office(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    """The office of the crash suite. It kills a worker every 0.5-4 s, far more often than
    any office restarts one, and a reply whose handling renders a LibreOffice preview (3-5 s
    on this machine) would be killed three times in a row and set `failed` as a poison
    message; so the poison limit is off here (tests/intake/test_transient.py tests it)."""
    return office(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing=ROUTING,
                  poison_tries=1000)


class Officials(threading.Thread):
    """Answer every request Paraf mails, once, as the official it was sent to would."""

    def __init__(self, smtp_server, dovecot):
        super().__init__(daemon=True)
        self.smtp, self.mailroom = smtp_server, Mailroom(smtp_server, dovecot)
        self.stop = threading.Event()
        self.answered = 0

    def run(self) -> None:
        seen = 0
        while not self.stop.is_set():
            while seen < len(self.smtp.messages):
                got = self.smtp.messages[seen]
                seen += 1
                msg = email.message_from_bytes(got.raw, policy=policy.default)
                subject = str(msg["Subject"] or "")
                if msg["Reply-To"] is None or "+" not in str(msg["Reply-To"]):
                    continue
                to = got.rcpt_tos[0]
                if "Disposisi" in subject or "Mohon Paraf" in subject:
                    self.mailroom.reply(msg, to, "SETUJU")
                elif "Susun Jawaban" in subject:
                    self.mailroom.reply(msg, to, ANSWERS)
                else:
                    continue
                self.answered += 1
            time.sleep(0.1)


def deliver_letters(dovecot, count: int, base: int) -> list[str]:
    """COUNT letters appended to the inbox; returns their Message-IDs."""
    ids = []
    for n in range(count):
        raw = letter_mail(letter=fields(base + n))
        ids.append(str(email.message_from_bytes(raw, policy=policy.default)["Message-ID"]))
        dovecot.append("INBOX", raw)
    return ids


def kill_at_random(app, rng: random.Random, kills: int, workers: int = 1,
                   window: tuple[float, float] = (0.5, 4.0)) -> list[Worker]:
    """Run WORKERS processes; KILLS times, SIGKILL one of them after a random moment and
    start it again. Returns the running workers."""
    running = [Worker(app, name=f"w{i}") for i in range(workers)]
    for k in range(kills):
        victim = rng.randrange(workers)
        time.sleep(rng.uniform(*window))
        running[victim].kill()
        running[victim] = Worker(app, name=f"w{victim}.{k}")
    return running


def kill_during_jobs(app, rng: random.Random, kills: int, workers: int = 1) -> list[Worker]:
    """As `kill_at_random`, but each SIGKILL lands while a job (reading and registering a
    letter) is claimed, so claims die half way and are taken over after their lease."""
    running = [Worker(app, name=f"w{i}") for i in range(workers)]
    for k in range(kills):
        time.sleep(rng.uniform(0.0, 0.5))
        until(lambda: _claimed(app), timeout=8, step=0.02)
        victim = rng.randrange(workers)
        running[victim].kill()
        running[victim] = Worker(app, name=f"w{victim}.{k}")
    return running


def _claimed(app) -> bool:
    with app.session() as s:
        return bool(s.scalar(select(func.count()).select_from(Job).where(
            Job.status == "running")))


def settle(app, dovecot, smtp_server, officials, letters: list[str], timeout: float = 240):
    """Wait until nothing moves any more: the inbox empty, no mail queued or being sent, and
    no new mail at the sink for a few seconds."""
    last, still_since = -1, time.monotonic()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with app.session() as s:
            pending = s.scalar(select(func.count()).select_from(OutboxMail).where(
                OutboxMail.status.in_(("queued", "sending"))))
        moving = (pending, len(smtp_server.messages), len(dovecot.list_uids("INBOX")))
        if moving != last:
            last, still_since = moving, time.monotonic()
        elif moving[0] == 0 and moving[2] == 0 and time.monotonic() - still_since > 4:
            return
        time.sleep(0.25)
    raise AssertionError(f"the office never settled: {last}")


def check_invariants(app, smtp_server, letters: list[str]) -> dict:
    """The crash suite's invariants; returns a few counts for the report."""
    with app.session() as s:
        entries = s.scalars(select(AgendaEntry)).all()
        failed = [(m.subject, m.error) for m in s.scalars(select(InboundMessage).where(
            InboundMessage.outcome == "failed"))]
        per_letter = Counter(e.message_id for e in entries if e.message_id in set(letters))
        assert sorted(per_letter) == sorted(letters), f"a letter has no entry; {failed}"
        assert set(per_letter.values()) == {1}, f"a letter has two entries: {per_letter}"
        assert s.scalar(select(func.count()).select_from(InboundMessage).where(
            InboundMessage.outcome == "failed")) == 0, f"a crash made `failed`: {failed}"
        seqs = sorted(e.agenda_seq for e in entries if e.book == "incoming" and e.agenda_seq)
        assert seqs == list(range(1, len(seqs) + 1)), f"numbers with a gap: {seqs}"
        keys = Counter(s.execute(select(Step.entry_id, Step.kind, Step.revision, Step.stage)))
        assert max(keys.values(), default=1) == 1, f"a hand-over opened twice: {keys}"
        open_per_case = Counter(s.scalars(select(Step.entry_id).where(Step.status == "open")))
        assert max(open_per_case.values(), default=1) == 1, "two open steps on one case"
        rows = s.scalars(select(OutboxMail)).all()
        statuses = Counter(r.status for r in rows)
        assert set(statuses) <= {"sent", "held"}, statuses
        purposes = Counter((r.entry_id, r.kind) for r in rows if r.kind == "receipt")
        assert max(purposes.values(), default=1) == 1, "two receipts for one case"
        steps_mailed = Counter(r.once_key for r in rows if r.kind.startswith("step-"))
        assert max(steps_mailed.values(), default=1) == 1
        assert verify(s) == [], "the audit chain is broken"
        jobs = s.scalars(select(Job)).all()      # every reading job ended once, as `done`
        assert Counter(j.status for j in jobs) == Counter({"done": len(jobs)}), \
            [(j.subject, j.status, j.reason) for j in jobs if j.status != "done"]
        stored = set(s.scalars(select(InboundMessage.sha256)))
        assert {j.subject for j in jobs if j.kind == "intake"} <= stored
        taken_over = sum(1 for j in jobs if j.tries > 1)
        done = Counter(e.status for e in entries)
    received = Counter(email.message_from_bytes(m.raw, policy=policy.default)["Message-ID"]
                       for m in smtp_server.messages)
    twice = [mid for mid, n in received.items() if n > 1]
    assert twice == [], f"mail sent twice: {twice}"
    return {"cases": dict(done), "mail": dict(statuses), "jobs": len(jobs),
            "jobs taken over": taken_over}


def crash_run(app, dovecot, smtp_server, *, seed: int, kills: int, letters: int,
              workers: int = 1, during_jobs: bool = False) -> dict:
    """One seed: letters in, officials answering, KILLS random SIGKILLs, then a calm run to
    the end and the invariants."""
    rng = random.Random(seed)
    officials = Officials(smtp_server, dovecot)
    officials.start()
    ids = deliver_letters(dovecot, letters, base=1000 * seed)
    running = (kill_during_jobs if during_jobs else kill_at_random)(app, rng, kills, workers)
    try:
        settle(app, dovecot, smtp_server, officials, ids)
    finally:
        officials.stop.set()
        for worker in running:
            worker.stop()
    report = check_invariants(app, smtp_server, ids)
    for worker in running:
        assert "Traceback" not in worker.output, worker.output
    return report


__all__ = ["crash_office", "crash_run", "until"]
