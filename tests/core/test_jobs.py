# SPDX-License-Identifier: AGPL-3.0-or-later
"""The job table (core.jobs): claimed once, taken over after a lease, poison and full disks."""
import errno
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from pipeline.core import jobs
from pipeline.core.db import transaction
from pipeline.core.models_jobs import Job


def submit(app, kind, *subjects):
    with transaction(app.factory) as session:
        for subject in subjects:
            jobs.submit(session, kind, subject, {"n": subject})


def row(app, subject, kind="read") -> Job:
    with transaction(app.factory) as session:
        return session.scalars(select(Job).where(Job.kind == kind,
                                                 Job.subject == subject)).one()


def make_due(app):
    with transaction(app.factory) as session:
        session.execute(update(Job).values(due_at=datetime.now(timezone.utc)
                                           - timedelta(seconds=1)))


def test_a_job_is_planned_once_claimed_once_and_taken_over_after_its_lease(app):
    """GIVEN a job submitted twice WHEN one worker claims it THEN there is one job, nobody else
    can claim it while the lease runs, another takes it over once the lease ran out, and only
    the new owner can record the result."""
    submit(app, "read", "abc")
    submit(app, "read", "abc")
    now = datetime.now(timezone.utc)
    first = jobs.claim(app.factory, ["read"], lease=30, now=now)
    assert first is not None and first.payload == {"n": "abc"} and first.tries == 1
    assert jobs.claim(app.factory, ["read"], lease=30, now=now + timedelta(seconds=29)) is None
    second = jobs.claim(app.factory, ["read"], lease=30, now=now + timedelta(seconds=31))
    assert second is not None and second.id == first.id and second.token != first.token
    with transaction(app.factory) as session:
        assert jobs.finish(session, first, {"who": "first"}) is False   # lost its lease
    with transaction(app.factory) as session:
        assert jobs.finish(session, second, {"who": "second"}) is True
    job = row(app, "abc")
    assert (job.status, job.result, job.tries) == ("done", {"who": "second"}, 2)
    assert jobs.claim(app.factory, ["read"], now=now + timedelta(hours=1)) is None


def test_a_poison_job_fails_after_three_tries_with_its_reason(app):
    """GIVEN a job whose handler raises every time WHEN it is run again and again THEN it is
    tried 3 times, then `failed` with the error as its reason, and the next job still runs."""
    submit(app, "read", "poison", "good")
    calls = []

    def handler(job):
        calls.append(job.subject)
        if job.subject == "poison":
            raise ValueError("halaman 3 rusak")
        return {"ok": True}

    for _ in range(6):
        jobs.run_one(app.factory, {"read": handler})
        make_due(app)
    assert calls.count("poison") == 3 and calls.count("good") == 1
    poison = row(app, "poison")
    assert poison.status == "failed" and "halaman 3 rusak" in poison.reason
    assert row(app, "good").status == "done"


def test_a_job_that_kills_its_worker_every_time_fails_on_the_fourth_claim(app):
    """GIVEN a job whose worker died during each of 3 claims (the lease ran out each time)
    WHEN it is claimed again THEN it is `failed` with a reason instead of run a 4th time."""
    submit(app, "read", "killer")
    now = datetime.now(timezone.utc)
    for i in range(3):
        assert jobs.claim(app.factory, ["read"], lease=1, now=now + timedelta(seconds=2 * i))
    assert jobs.claim(app.factory, ["read"], lease=1, now=now + timedelta(seconds=10)) is None
    job = row(app, "killer")
    assert job.status == "failed" and "3 times" in job.reason


def test_a_full_disk_during_a_job_leaves_it_for_later_uncounted(app):
    """GIVEN a job WHEN its handler meets ENOSPC THEN the fault is raised to the caller, the job
    is pending again with its try not counted, and once space is back it is done."""
    submit(app, "read", "scan")

    def full(job):
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        jobs.run_one(app.factory, {"read": full})
    job = row(app, "scan")
    assert (job.status, job.tries) == ("pending", 0) and "No space" in job.reason
    make_due(app)
    jobs.run_one(app.factory, {"read": lambda job: {"pages": 2}})
    assert (row(app, "scan").status, row(app, "scan").result) == ("done", {"pages": 2})


def test_a_batched_handler_takes_fresh_jobs_together_and_a_retried_one_alone(app):
    """GIVEN five jobs of a kind whose handler works in batches of up to three WHEN a worker
    runs them, and one letter of the first batch makes its handler fail THEN the first run
    takes three jobs together and records each outcome on its own job; the failed one runs
    alone when it is tried again, then is done, and nothing is done twice."""
    submit(app, "sign", "a", "b", "c", "d", "e")
    batches = []

    def sign(claims):
        batches.append([c.subject for c in claims])
        return [ValueError("LibreOffice could not convert") if c.subject == "b" and c.tries == 1
                else {"signed": c.subject} for c in claims]

    handlers = {"sign": jobs.Batched(sign, size=3)}
    while jobs.run_one(app.factory, handlers) is not None:
        pass
    make_due(app)
    while jobs.run_one(app.factory, handlers) is not None:
        pass
    assert batches == [["a", "b", "c"], ["d", "e"], ["b"]]
    assert {s: (row(app, s, "sign").status, row(app, s, "sign").tries) for s in "abcde"} == {
        "a": ("done", 1), "b": ("done", 2), "c": ("done", 1), "d": ("done", 1), "e": ("done", 1)}
    assert row(app, "b", "sign").result == {"signed": "b"}


DRAIN = textwrap.dedent("""
    import os, sys, time
    from pipeline.core import jobs
    from pipeline.core.db import make_engine, sessions
    factory = sessions(make_engine(sys.argv[1]))
    log = sys.argv[2]
    def work(job):
        with open(log, "a") as out:
            out.write(f"{job.subject} {os.getpid()}\\n")
        time.sleep(0.01)
        return {"pid": os.getpid()}
    sys.stdin.readline()                       # start together
    print(jobs.drain(factory, {"read": work}))
""")


def test_two_processes_draining_one_queue_never_both_do_a_job(app, db_url, tmp_path):
    """GIVEN 60 jobs WHEN two worker processes drain the table at once THEN every job is done
    exactly once, and both processes did some of them."""
    subjects = [f"m{i:03d}" for i in range(60)]
    submit(app, "read", *subjects)
    log = tmp_path / "done.log"
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    procs = [subprocess.Popen([sys.executable, "-c", DRAIN, db_url, str(log)], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    counts = [int(proc.communicate(timeout=120)[0].strip()) for proc in procs]
    lines = log.read_text().split()
    done = lines[0::2]
    assert sorted(done) == subjects                     # each once, none lost
    assert sum(counts) == 60 and min(counts) > 0, counts
    with transaction(app.factory) as session:
        statuses = set(session.scalars(select(Job.status)))
    assert statuses == {"done"}
