# SPDX-License-Identifier: AGPL-3.0-or-later
"""One intake pass: every new message from the source through the consumer, then settled.

A message is settled (moved out of the inbox) only after its outcome is committed; if the
database is away, the pass stops and the message stays for the next one.
"""
from __future__ import annotations

import itertools
import logging
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.core import jobs
from pipeline.core.config import Config
from pipeline.core.db import transaction
from pipeline.intake.consume import Consumer
from pipeline.intake.ledger import DbLedger
from pipeline.intake import readjobs
from pipeline.intake.maildir import MaildirSource
from pipeline.intake.source import Source

log = logging.getLogger(__name__)
WAIT = jobs.LEASE + 10.0    # seconds a pass waits for a job another worker holds
POLL = 0.1                  # seconds between looks at the jobs the others hold


@dataclass
class PassReport:
    seen: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    def add(self, status: str, count: int = 1) -> None:
        self.seen += count
        self.outcomes[status] = self.outcomes.get(status, 0) + count

    def merge(self, other: "PassReport") -> "PassReport":
        for status, count in other.outcomes.items():
            self.add(status, count)
        return self


def open_source(cfg: Config, url: str | None = None) -> Source:
    """The intake mailbox, or URL (the replies mailbox) on the same account settings."""
    url = url or cfg.intake
    scheme = urlsplit(url).scheme
    if scheme == "maildir":
        return MaildirSource(cfg.url_path(url), cfg.mailbox.processed_folder,
                             cfg.mailbox.failed_folder)
    from pipeline.intake.imap import ImapSource
    return ImapSource(url, cfg.imap_password, processed_folder=cfg.mailbox.processed_folder,
                      failed_folder=cfg.mailbox.failed_folder)


def run_pass(source: Source, consumer: Consumer, ledger: DbLedger, chunk: int,
             stop: threading.Event | None = None, wait: float = WAIT) -> PassReport:
    """Every new message, each settled after its outcome is committed; when STOP is set the
    pass ends after the message in hand, and the rest wait in the mailbox.

    The messages of a chunk are stored and submitted as `intake` jobs in one transaction; this
    worker then does jobs itself while the others take theirs, and settles the chunk in UID
    order as outcomes arrive. When WAIT seconds pass with no job done here and no message
    settled (the next message's worker died and its lease has not run out yet), the pass
    ends: it and those after it stay in the inbox, and the next pass finds their jobs (one per
    message) done or does them."""
    report = PassReport()
    items = source.fetch_new(ledger, chunk=chunk)
    while not (stop is not None and stop.is_set()):
        group = list(itertools.islice(items, max(1, chunk)))
        if not group:
            break
        if not _settle_group(source, consumer, group, stop, wait, report):
            break
    return report


def _settle_group(source, consumer, group, stop, wait, report) -> bool:
    """Submit GROUP, help with the jobs, settle in order; False if the pass must end."""
    factory = consumer.factory
    pending = []
    for item in group:
        digest, _ = consumer.store.put(item.raw, "raw")
        pending.append((item, digest))
    with transaction(factory) as session:
        for item, digest in pending:
            jobs.submit(session, readjobs.KIND, digest, {"source": source.name,
                                                          "ref": item.ref})
    handlers = readjobs.handlers(consumer)
    deadline = time.monotonic() + wait
    while pending:
        known = jobs.state(factory, readjobs.KIND, [d for _, d in pending])
        while pending and known.get(pending[0][1], ("pending",))[0] in ("done", "failed"):
            deadline = time.monotonic() + wait               # progress: wait afresh
            item, digest = pending.pop(0)
            status, result, _ = known[digest]
            outcome = (readjobs.outcome_of(result) if status == "done" else
                       # a job that killed its workers: consume now records it as poison
                       consumer.consume(item.raw, source=source.name, ref=item.ref))
            source.settle(item, outcome.settle)
            report.add(outcome.status)
            log.info("%s -> %s %s", item.ref, outcome.status,
                     outcome.agenda_no or outcome.reason or "")
        if not pending:
            return True
        if (stop is not None and stop.is_set()) or time.monotonic() > deadline:
            return False
        if jobs.run_one(factory, handlers) is not None:  # work done here is not waiting
            deadline = time.monotonic() + wait
        elif stop is not None:                           # the others have the rest in hand
            stop.wait(POLL)
        else:
            time.sleep(POLL)
    return True
