# SPDX-License-Identifier: AGPL-3.0-or-later
"""The job table: costly work that any worker may take, each job done once.

`submit` plans a job once per (kind, subject) inside the caller's transaction and wakes the
`jobs` lane of every worker at commit. `claim` takes the oldest job that is due, or one whose
lease ran out (its worker died), with `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL (on
SQLite the write gate, `BEGIN IMMEDIATE`, serialises claims), and gives it a fresh owner token
and a lease. `finish` records the result only while the token still owns the job, so a worker
that lost its lease cannot record a second result. Faults follow docs/worker.md: a transient
one (full disk, database away, a killed helper) puts the job back for later and is not
counted; any other error counts, and the job is `failed` with its reason after `LIMIT` tries;
a job claimed `LIMIT` times without an end (it killed its worker each time) fails on the next
claim, so a poison job cannot block the queue. A `Batched` handler (signing: one LibreOffice run
for many letters) takes, with the job it claimed, more of its kind that were never tried; a job
that was tried before runs alone, so a letter that kills its batch cannot fail the others.
"""
from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterable

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from pipeline.core import wake
from pipeline.core.db import transaction, upsert
from pipeline.core.errors import is_transient
from pipeline.core.models_jobs import Job

log = logging.getLogger(__name__)
TOPIC = "jobs"          # the lane every worker runs, woken when a job is submitted
LIMIT = 3               # tries before a job is failed (as `[mailbox] poison_tries`)
LEASE = 20.0            # seconds a claim holds a job unless renewed (every LEASE / 4 while it
                        # runs): a dead worker's job is taken over within LEASE seconds
BACKOFF = 300           # the longest pause before a transient fault is tried again


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Claim:
    id: int
    kind: str
    subject: str
    payload: dict
    tries: int
    token: str


@dataclass(frozen=True)
class Batched:
    """A handler that does up to SIZE due jobs of its kind at once; RUN returns one result
    (or the exception that job ended with) per claim, in order."""
    run: Callable[[list[Claim]], list]
    size: int = 20


def submit(session: Session, kind: str, subject: str, payload: dict | None = None,
           now: datetime | None = None) -> None:
    """Plan KIND for SUBJECT in SESSION's transaction; a second submit is a no-op."""
    now = now or utcnow()
    stmt = upsert(session, Job).values(
        kind=kind, subject=subject, status="pending", payload=payload or {}, tries=0,
        due_at=now, created_at=now, updated_at=now)
    session.execute(stmt.on_conflict_do_nothing(index_elements=[Job.kind, Job.subject]))
    wake.after_commit(session, TOPIC)


def state(factory: sessionmaker[Session], kind: str, subjects: Iterable[str]) -> dict:
    """{subject: (status, result, reason)} of KIND's jobs for SUBJECTS."""
    subjects = list(subjects)
    with transaction(factory) as session:
        rows = session.execute(select(Job.subject, Job.status, Job.result, Job.reason).where(
            Job.kind == kind, Job.subject.in_(subjects))).all()
    return {r.subject: (r.status, r.result, r.reason) for r in rows}


def claim(factory: sessionmaker[Session], kinds: Iterable[str], lease: float = LEASE,
          now: datetime | None = None, fresh: bool = False) -> Claim | None:
    """The next due job of KINDS, now ours for LEASE seconds; None when there is none. FRESH:
    only a job never tried (to join a batch)."""
    now = now or utcnow()
    kinds = list(kinds)
    with transaction(factory) as session:
        due = [Job.kind.in_(kinds),
               or_(and_(Job.status == "pending", Job.due_at <= now),
                   and_(Job.status == "running", Job.lease_until < now))]
        if fresh:
            due.append(Job.tries == 0)
        stmt = select(Job).where(*due).order_by(Job.due_at, Job.id).limit(1)
        if session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        while True:
            job = session.scalars(stmt).first()
            if job is None:
                return None
            if job.tries < LIMIT:
                break
            # claimed LIMIT times and never ended (it killed its worker each time): poison
            job.status, job.owner, job.lease_until, job.updated_at = "failed", None, None, now
            job.reason = (f"stopped {job.tries} times without an end (its worker died); "
                          f"last: {job.reason or 'unknown'}")[:2000]
            log.warning("job %s %s failed: %s", job.kind, job.subject, job.reason)
            session.flush()
        job.status, job.tries, job.updated_at = "running", job.tries + 1, now
        job.owner = secrets.token_hex(16)
        job.lease_until = now + timedelta(seconds=lease)
        return Claim(job.id, job.kind, job.subject, dict(job.payload or {}), job.tries,
                     job.owner)


def finish(session: Session, claim: Claim, result: dict | None, now: datetime | None = None
           ) -> bool:
    """Record CLAIM's result in SESSION's transaction (with the job's effect, where it has
    one); False, and nothing recorded, when the claim was lost (its lease ran out and another
    worker took the job)."""
    done = session.execute(update(Job).where(
        Job.id == claim.id, Job.owner == claim.token, Job.status == "running").values(
        status="done", result=result, owner=None, lease_until=None, reason=None,
        updated_at=now or utcnow()))
    return done.rowcount == 1


def fault(factory: sessionmaker[Session], claim: Claim, err: BaseException,
          now: datetime | None = None) -> str:
    """CLAIM ended with ERR: back to `pending` (transient, not counted; or a counted try left)
    or `failed` with the reason. Returns the job's new status."""
    now = now or utcnow()
    reason = f"{type(err).__name__}: {err}"[:2000]
    with transaction(factory) as session:
        job = session.get(Job, claim.id, with_for_update=True)
        if job is None or job.owner != claim.token or job.status != "running":
            return job.status if job is not None else "gone"
        transient = is_transient(err)
        if transient:
            job.tries = max(job.tries - 1, 0)
        job.owner, job.lease_until, job.reason, job.updated_at = None, None, reason, now
        if not transient and job.tries >= LIMIT:
            job.status = "failed"
            log.warning("job %s %s failed after %s tries: %s", job.kind, job.subject,
                        job.tries, reason)
        else:
            job.status = "pending"
            pause = min(BACKOFF, 2 ** max(claim.tries, 1))
            job.due_at = now + timedelta(seconds=pause)
        return job.status


def run_one(factory: sessionmaker[Session], handlers: dict[str, Callable[[Claim], dict] | Batched],
            lease: float = LEASE) -> Claim | None:
    """Claim one job of the HANDLERS' kinds (with a `Batched` handler, up to its size of
    never-tried ones) and do it; returns the first claim, None when idle. A handler returns
    the result to record; a transient fault is raised again after the jobs went back, so the
    caller can pause."""
    job = claim(factory, handlers, lease)
    if job is None:
        return None
    handler = handlers[job.kind]
    group = [job]
    if isinstance(handler, Batched) and job.tries == 1:
        while len(group) < handler.size and (
                more := claim(factory, [job.kind], lease, fresh=True)) is not None:
            group.append(more)
    renewing = threading.Event()
    renewer = threading.Thread(target=_renew, args=(factory, group, lease, renewing),
                               name="paraf-job-lease", daemon=True)
    renewer.start()
    try:
        try:
            outcomes = handler.run(group) if isinstance(handler, Batched) else [handler(job)]
        except Exception as err:        # noqa: BLE001 - recorded on the jobs, never lost
            outcomes = [err] * len(group)
    finally:
        renewing.set()
        renewer.join()
    transient = None
    for claimed, outcome in zip(group, outcomes):
        if isinstance(outcome, Exception):
            status = fault(factory, claimed, outcome)
            log.info("job %s %s: %s (%s)", claimed.kind, claimed.subject, status, outcome)
            transient = transient or (outcome if is_transient(outcome) else None)
            continue
        with transaction(factory) as session:
            if not finish(session, claimed, outcome):
                log.info("job %s %s was taken over; its result stands", claimed.kind,
                         claimed.subject)
    if transient is not None:
        raise transient
    return job


def drain(factory: sessionmaker[Session], handlers: dict[str, Callable[[Claim], dict]],
          stop=None, lease: float = LEASE) -> int:
    """Do jobs until none is due (or STOP is set); returns how many were taken."""
    count = 0
    while stop is None or not stop.is_set():
        if run_one(factory, handlers, lease) is None:
            return count
        count += 1
    return count


def _renew(factory: sessionmaker[Session], group: list[Claim], lease: float,
           done: threading.Event) -> None:
    """Keep the GROUP's leases while its handler runs (a long OCR or LibreOffice run outlives
    one lease)."""
    while not done.wait(lease / 4):
        try:
            with transaction(factory) as session:
                until = utcnow() + timedelta(seconds=lease)
                for job in group:
                    session.execute(update(Job).where(Job.id == job.id, Job.owner == job.token)
                                    .values(lease_until=until))
        except Exception:                # noqa: BLE001 - the claim may lapse; finish says so
            log.debug("jobs %s: lease not renewed", [j.id for j in group], exc_info=True)
