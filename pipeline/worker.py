# SPDX-License-Identifier: AGPL-3.0-or-later
"""The worker: watch the mailboxes, and run each job the moment there is work for it.

Each mailbox has its own thread, waiting on IMAP IDLE (or polling), held by one worker at a
time (`intake.holder`). Every other job is a lane (`core.lanes`) that runs when a commit wakes
it (`core.wake`: in this process at once, from other processes by NOTIFY on PostgreSQL or a
datagram on SQLite). APScheduler 3 kicks each lane every few minutes as a safety net for what
a crash left behind, and fires the Inspector's digest. Lost connections are retried with a
growing pause; no single message can stop the worker. SIGTERM or Ctrl-C stops it within
seconds: waits end, a message being read is finished or left where it is for the next start.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
import time
from datetime import datetime, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.exc import IntegrityError, OperationalError

from pipeline.app import App
from pipeline.core import trustnotes, wake
from pipeline.core.errors import Transient
from pipeline.core.heartbeat import beat
from pipeline.core.lanes import Lane, Lanes
from pipeline.core.stopsignals import note_signals
from pipeline.intake.holder import RETRY, MailboxHolder
from pipeline.intake.ledger import DbLedger
from pipeline.intake.runner import PassReport, open_source, run_pass
from pipeline.intake.source import SourceError
from pipeline.mail import outbox

log = logging.getLogger(__name__)
MAX_BACKOFF = 300
BATCH = 100          # mails per SMTP connection
LINGER = 1.0         # seconds the SMTP connection waits for more mail before it closes
STOP_GRACE = 2.5     # seconds a running job gets to finish after SIGTERM (all: < 5 s)
PAUSE = 0.1          # seconds between the main thread's looks for a stop
STOP_DEADLINE = 4.5  # seconds after SIGTERM when the process ends whatever still runs


class IntakeWatcher:
    def __init__(self, app: App, sleep=time.sleep, url: str | None = None,
                 stop: threading.Event | None = None):
        self.app, self.sleep, self.url, self.stop = app, sleep, url, stop
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
            report = run_pass(self.source, self.app.consumer, self.ledger, cfg.mailbox.chunk,
                              self.stop)
            self.failures = 0
            beat(self.app.factory, self.job, datetime.now(timezone.utc), {"seen": report.seen})
            if wait and not self.stopping:
                self.source.wait(cfg.mailbox.poll_seconds if cfg.mailbox.idle
                                 else cfg.worker.intake_seconds, self.stop)
            return report
        except (SourceError, OperationalError, OSError, Transient) as err:
            self.failures += 1
            pause = min(MAX_BACKOFF, 2 ** self.failures)
            if not self.stopping:
                log.warning("intake: %s; retrying in %s s", err, pause)
            self.close()
            if wait:
                self.pause(pause)
            return None

    @property
    def stopping(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    def pause(self, seconds: float) -> None:
        if self.stop is not None:
            self.stop.wait(seconds)
        else:
            self.sleep(seconds)

    def close(self) -> None:
        if self.source is not None:
            try:
                self.source.close()
            except Exception:          # already broken; we are discarding it
                pass
            self.source = None

    def watch(self, holder: MailboxHolder | None = None) -> None:
        """Until stopped: hold the mailbox (or wait for it), read it, wait for mail."""
        while not self.stopping:
            if holder is not None and not holder.hold():
                self.close()
                self.pause(RETRY)
                continue
            try:
                self()
            except Exception:          # noqa: BLE001 - a bug must not end the mailbox's thread
                log.exception("intake: unexpected error; reading again in %s s", RETRY)
                self.close()
                self.pause(RETRY)
        self.close()
        if holder is not None:
            holder.release()


def deliver(app: App, lane: Lane | None = None) -> outbox.DeliveryReport | None:
    """Everything that is due now, in batches of BATCH over one connection. In the worker
    (LANE given) the connection stays open LINGER seconds for mail queued meanwhile, so a
    burst of letters still goes out over one connection."""
    from pipeline.mail.transport import open_transport
    total = outbox.DeliveryReport()
    transport = open_transport(app.cfg)
    try:
        while True:
            report = outbox.deliver_due(app.factory, app.cfg, limit=BATCH, transport=transport)
            for name in ("sent", "retried", "failed", "held"):
                setattr(total, name, getattr(total, name) + getattr(report, name))
            if report.sent + report.retried + report.failed + report.held >= BATCH:
                continue
            if lane is None or not lane.wait_for_more(LINGER):
                return total
    except OperationalError as err:
        log.warning("outbox: database unavailable: %s", err)
        return None
    finally:
        transport.close()
        if total.sent:
            wake.fire({wake.CLOSE})            # signed letters that went out can be closed


def signing_digest(app: App, slot: str | None = None) -> int:
    """The Inspector's digest of letters waiting for signature, on working days only."""
    from pipeline.core.workdays import Calendar
    from pipeline.signing.digest import digest
    now = datetime.now(timezone.utc)
    local = now.astimezone(ZoneInfo(app.cfg.office.timezone)).date()
    if app.workflow is None or not Calendar(app.cfg.service.extra_holidays).is_working_day(local):
        return 0
    return digest(app, now, slot)


def sign_requested(app: App, settle_only: bool = False) -> int:
    """Letters the Inspector signed by replying to the digest (sign_by_reply): their jobs,
    then the result mail of each request whose jobs have all ended."""
    from pipeline.signing.byreply import run_pending, settle
    if app.workflow is None or not app.cfg.signing.sign_by_reply:
        return 0
    try:
        return settle(app) if settle_only else run_pending(app)
    except (OperationalError, OSError, Transient) as err:
        log.warning("signing: %s; tried again later", err)
        return 0


def close_sent(app: App) -> int:
    """Signed letters whose mail went out are sent, then closed."""
    from pipeline.signing.batch import settle_sent
    return settle_sent(app, datetime.now(timezone.utc))


def timestamp_letters(app: App) -> int:
    """Letters signed while the TSA was unreachable get their timestamp now."""
    from pipeline.signing.archive import timestamp_pending
    return timestamp_pending(app, datetime.now(timezone.utc))


def read_jobs(app: App, stop: threading.Event | None = None) -> int:
    """The job table until none is due: letters other workers' mailboxes handed over
    (`intake.readjobs`), and letters the Inspector signed by reply when this process holds the
    key's passphrase (`signing.jobs`), whose requests are then settled. A transient fault
    leaves the job for later, quietly."""
    from pipeline.core import jobs
    from pipeline.intake import readjobs
    from pipeline.signing import jobs as signjobs
    signs = signjobs.handlers(app)
    try:
        return jobs.drain(app.factory, {**readjobs.handlers(app.consumer), **signs}, stop)
    except (OperationalError, OSError, Transient) as err:
        log.warning("jobs: %s; the job is tried again later", err)
        return 0
    finally:
        if signs:
            sign_requested(app, settle_only=True)


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
    """Start the workflow of newly registered cases, each in its own transaction; a case
    another worker is starting, or has started, is left alone."""
    if app.workflow is None:
        return 0
    from pipeline.casework.queue import cases_to_start, claim_to_start
    if not app.cfg.secret:
        log.warning("dispatch: PARAF_SECRET is not set, so no disposition or paraf request "
                    "can be sent; registered letters wait")
        return 0
    now = now or datetime.now(timezone.utc)
    with app.session() as session:
        waiting = cases_to_start(session)
    started = 0
    for entry_id in waiting:
        try:
            with app.session() as session:
                entry = claim_to_start(session, entry_id)
                if entry is None:
                    continue
                app.workflow.start(session, entry, now)
                started += 1
        except IntegrityError:       # the unique open step: another worker was first
            log.info("dispatch: case #%s was started by another worker", entry_id)
    return started


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


def run_forever(app: App, stop: threading.Event | None = None) -> None:
    """The worker, until SIGTERM/SIGINT (or STOP is set)."""
    stop = stop or threading.Event()
    signalled, restore = note_signals()
    outbox.recover(app.factory, app.cfg)
    lanes = Lanes(stop)
    lanes.add(wake.OUTBOX, lambda lane: deliver(app, lane))
    lanes.add(wake.DISPATCH, lambda lane: dispatch(app))
    lanes.add(wake.SIGNING, lambda lane: sign_requested(app))
    lanes.add(wake.CLOSE, lambda lane: close_sent(app))
    lanes.add("remind", lambda lane: remind(app))
    lanes.add("consultations", lambda lane: consultations(app))
    lanes.add("timestamp", lambda lane: timestamp_letters(app))
    lanes.add("jobs", lambda lane: read_jobs(app, stop))
    unlisten = wake.listen(lanes.kick)
    listener = wake.Listener(app.cfg.database_url, lanes.kick).start()
    watchers = [IntakeWatcher(app, url=url, stop=stop) for url in mailboxes(app)]
    threads = [threading.Thread(target=w.watch, name=f"paraf-intake-{i}", daemon=True,
                                args=(MailboxHolder(app.cfg.database_url, url_name(url)),))
               for i, (w, url) in enumerate(zip(watchers, mailboxes(app)))]
    scheduler = BackgroundScheduler(timezone=app.cfg.office.timezone)
    every = max(app.cfg.worker.outbox_seconds, 1)
    for name, lane in lanes.items():
        scheduler.add_job(lane.kick, "interval", seconds=600 if name in ("remind", "timestamp") else
                          20 if name == "jobs" else every,
                          id=f"safety-{name}", coalesce=True)
    for i, at in enumerate(app.cfg.signing.digest_times):
        hour, minute = at.split(":")
        scheduler.add_job(signing_digest, "cron", args=[app, at], day_of_week="mon-fri",
                          hour=int(hour), minute=int(minute), id=f"digest-{i}", coalesce=True)
    lanes.start()
    lanes.kick(list(lanes))                  # whatever waited while the worker was down
    for thread in threads:
        thread.start()
    scheduler.start()
    log.info("paraf worker started: intake %s", app.cfg.intake)
    for line in trustnotes.for_folder(app.cfg.workflow, app.cfg.rules_path):
        log.warning("sender check: %s", line)
    try:
        while not (signalled or stop.is_set()):
            time.sleep(PAUSE)
    except KeyboardInterrupt:
        pass
    stop.set()
    log.info("paraf worker stopping")
    _end_by(STOP_DEADLINE)
    scheduler.shutdown(wait=False)
    busy = lanes.halt(STOP_GRACE)
    end = time.monotonic() + STOP_GRACE / 2
    for thread in threads:
        thread.join(max(0.0, end - time.monotonic()))
    busy += [t.name for t in threads if t.is_alive()]
    listener.stop()
    unlisten()
    restore()
    if busy:       # left for the next start: nothing is settled before it is committed
        log.info("paraf worker stopped; unfinished work is picked up at the next start (%s)",
                 ", ".join(busy))
        logging.shutdown()
        os._exit(0)
    log.info("paraf worker stopped")


def _end_by(seconds: float) -> None:
    """End the process SECONDS from now if stopping has not ended it: whatever still runs
    then (a lock, a library's thread, a child that hangs) is left for the next start, as after
    a crash; nothing is settled before it is committed. Written straight to stderr, since a
    logging lock may be what it waits for."""
    def end() -> None:
        names = {t.ident: t.name for t in threading.enumerate()}
        where = [f"{names.get(ident, ident)} in {frame.f_code.co_name}"
                 f" ({os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno})"
                 for ident, frame in sys._current_frames().items()
                 if ident != threading.get_ident()]
        os.write(2, (f"paraf worker: stopping took over {seconds} s; ending now, the rest is "
                     f"picked up at the next start ({'; '.join(where)})\n").encode())
        os._exit(0)
    timer = threading.Timer(seconds, end)
    timer.daemon = True            # a stop that ends in time is not held up by it
    timer.start()


def url_name(url: str) -> str:
    """A mailbox's name for its lock: the URL without any password."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return f"{parts.scheme}://{parts.username or ''}@{host}:{parts.port or ''}{parts.path}"
