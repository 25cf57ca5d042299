# SPDX-License-Identifier: AGPL-3.0-or-later
"""The scheduled worker: watch the intake mailbox, deliver the outbox (APScheduler 3).

The intake job waits on IMAP IDLE between passes when the server has it, so a letter is picked
up within seconds; otherwise it polls. Lost connections are retried with a growing pause. No
single message can stop the worker: the consumer turns its failure into a `failed` entry.
"""
from __future__ import annotations

import logging
import time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy.exc import OperationalError

from pipeline.app import App
from pipeline.core import trustnotes
from pipeline.core.heartbeat import beat
from pipeline.core.models import AgendaEntry
from pipeline.intake.ledger import DbLedger
from pipeline.intake.runner import PassReport, open_source, run_pass
from pipeline.intake.source import SourceError
from pipeline.mail import outbox

log = logging.getLogger(__name__)
MAX_BACKOFF = 300
BATCH = 100          # mails per SMTP connection


class IntakeWatcher:
    def __init__(self, app: App, sleep=time.sleep, url: str | None = None):
        self.app, self.sleep, self.url = app, sleep, url
        self.source = None
        self.failures = 0
        self.ledger: DbLedger | None = None
        self.job = "replies" if url and url == app.cfg.replies else "intake"

    def __call__(self, wait: bool = True) -> PassReport | None:
        cfg = self.app.cfg
        try:
            if self.source is None:
                self.source = open_source(cfg, self.url)
                self.source.open()
                self.ledger = DbLedger(self.app.factory, scope=self.source.name)
            report = run_pass(self.source, self.app.consumer, self.ledger, cfg.mailbox.chunk)
            self.failures = 0
            beat(self.app.factory, self.job, datetime.now(timezone.utc), {"seen": report.seen})
            if wait:
                self.source.wait(cfg.mailbox.poll_seconds if cfg.mailbox.idle
                                 else cfg.worker.intake_seconds)
            return report
        except (SourceError, OperationalError, OSError) as err:
            self.failures += 1
            pause = min(MAX_BACKOFF, 2 ** self.failures)
            log.warning("intake: %s; retrying in %s s", err, pause)
            self.close()
            if wait:
                self.sleep(pause)
            return None

    def close(self) -> None:
        if self.source is not None:
            try:
                self.source.close()
            except Exception:          # already broken; we are discarding it
                pass
            self.source = None


def deliver(app: App) -> outbox.DeliveryReport | None:
    """Everything that is due now, in batches (one connection each)."""
    total = outbox.DeliveryReport()
    try:
        while True:
            report = outbox.deliver_due(app.factory, app.cfg, limit=BATCH)
            for name in ("sent", "retried", "failed", "held"):
                setattr(total, name, getattr(total, name) + getattr(report, name))
            if report.sent + report.retried + report.failed + report.held < BATCH:
                return total
    except OperationalError as err:
        log.warning("outbox: database unavailable: %s", err)
        return None


def signing_digest(app: App) -> int:
    """The Inspector's digest of letters waiting for signature, on working days only."""
    from pipeline.core.workdays import Calendar
    from pipeline.signing.digest import digest
    now = datetime.now(timezone.utc)
    local = now.astimezone(ZoneInfo(app.cfg.office.timezone)).date()
    if app.workflow is None or not Calendar(app.cfg.service.extra_holidays).is_working_day(local):
        return 0
    return digest(app, now)


def sign_requested(app: App) -> int:
    """Letters the Inspector signed by replying to the digest (sign_by_reply)."""
    from pipeline.signing.byreply import run_pending
    if app.workflow is None or not app.cfg.signing.sign_by_reply:
        return 0
    return run_pending(app)


def close_sent(app: App) -> int:
    """Signed letters whose mail went out are sent, then closed."""
    from pipeline.signing.batch import settle_sent
    return settle_sent(app, datetime.now(timezone.utc))


def timestamp_letters(app: App) -> int:
    """Letters signed while the TSA was unreachable get their timestamp now."""
    from pipeline.signing.archive import timestamp_pending
    return timestamp_pending(app, datetime.now(timezone.utc))


def consultations(app: App) -> int:
    """Web consultations: receipts a crash left unwritten, replies that complete a request, reports
    of answered ones, and requests whose address never confirmed (seed 1); old rate-limit hits
    go too."""
    from pipeline.consult import flow as consultflow
    from pipeline.web import ratelimit
    now = datetime.now(timezone.utc)
    with app.session() as s:
        ratelimit.prune(s, now)
    return (consultflow.respool_receipts(app, now)
            + consultflow.reopen_replied(app, now) + consultflow.file_reports(app, now)
            + consultflow.expire_pending(app, now))


def mailboxes(app: App) -> list[str]:
    """The intake mailbox, and the replies mailbox when the office keeps one apart."""
    return [app.cfg.intake] + ([app.cfg.replies] if app.cfg.replies else [])


def dispatch(app: App, now=None) -> int:
    """Start the workflow of newly registered cases, each in its own transaction."""
    if app.workflow is None:
        return 0
    from pipeline.casework.workflow import cases_to_start
    if not app.cfg.secret:
        log.warning("dispatch: PARAF_SECRET is not set, so no disposition or paraf request "
                    "can be sent; registered letters wait")
        return 0
    now = now or datetime.now(timezone.utc)
    with app.session() as session:
        waiting = cases_to_start(session)
    for entry_id in waiting:
        with app.session() as session:
            entry = session.get(AgendaEntry, entry_id, with_for_update=True)
            if entry.status == "registered":
                app.workflow.start(session, entry, now)
    return len(waiting)


def remind(app: App, now=None) -> int:
    if app.workflow is None:
        return 0
    with app.session() as session:
        return app.workflow.remind(session, now or datetime.now(timezone.utc))


def run_once(app: App) -> tuple[PassReport | None, outbox.DeliveryReport | None]:
    """One pass of every job, then return (for cron and tests)."""
    outbox.recover(app.factory, app.cfg)
    reports = []
    for url in mailboxes(app):
        watcher = IntakeWatcher(app, url=url)
        try:
            reports.append(watcher(wait=False))
        finally:
            watcher.close()
    dispatch(app)
    remind(app)
    sign_requested(app)
    sent = deliver(app)
    close_sent(app)
    timestamp_letters(app)
    consultations(app)
    if any(r is None for r in reports):          # a mailbox could not be read: say so
        return None, sent
    report = PassReport()
    for passed in reports:
        report.merge(passed)
    return report, sent


def run_forever(app: App) -> None:
    outbox.recover(app.factory, app.cfg)
    watchers = [IntakeWatcher(app, url=url) for url in mailboxes(app)]
    scheduler = BlockingScheduler(timezone=app.cfg.office.timezone)
    for i, watcher in enumerate(watchers):
        scheduler.add_job(watcher, "interval", seconds=1, id=f"intake-{i}", max_instances=1,
                          coalesce=True)
    scheduler.add_job(deliver, "interval", args=[app], seconds=app.cfg.worker.outbox_seconds,
                      id="outbox", max_instances=1, coalesce=True)
    scheduler.add_job(dispatch, "interval", args=[app], seconds=app.cfg.worker.outbox_seconds,
                      id="dispatch", max_instances=1, coalesce=True)
    scheduler.add_job(remind, "interval", args=[app], minutes=10, id="remind",
                      max_instances=1, coalesce=True)
    scheduler.add_job(sign_requested, "interval", args=[app],
                      seconds=app.cfg.worker.outbox_seconds, id="sign-requested",
                      max_instances=1, coalesce=True)
    scheduler.add_job(close_sent, "interval", args=[app], seconds=app.cfg.worker.outbox_seconds,
                      id="close-sent", max_instances=1, coalesce=True)
    scheduler.add_job(timestamp_letters, "interval", args=[app], minutes=10,
                      id="timestamp-letters", max_instances=1, coalesce=True)
    scheduler.add_job(consultations, "interval", args=[app],
                      seconds=app.cfg.worker.outbox_seconds, id="consultations",
                      max_instances=1, coalesce=True)
    for i, at in enumerate(app.cfg.signing.digest_times):
        hour, minute = at.split(":")
        scheduler.add_job(signing_digest, "cron", args=[app], day_of_week="mon-fri",
                          hour=int(hour), minute=int(minute), id=f"digest-{i}", coalesce=True)
    log.info("paraf worker started: intake %s", app.cfg.intake)
    for line in trustnotes.for_folder(app.cfg.workflow, app.cfg.rules_path):
        log.warning("sender check: %s", line)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        watcher.close()
