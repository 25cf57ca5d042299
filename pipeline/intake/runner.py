# SPDX-License-Identifier: AGPL-3.0-or-later
"""One intake pass: every new message from the source through the consumer, then settled.

A message is settled (moved out of the inbox) only after its outcome is committed; if the
database is away, the pass stops and the message stays for the next one.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.core.config import Config
from pipeline.intake.consume import Consumer
from pipeline.intake.ledger import DbLedger
from pipeline.intake.maildir import MaildirSource
from pipeline.intake.source import Source

log = logging.getLogger(__name__)


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
             stop: threading.Event | None = None) -> PassReport:
    """Every new message, each settled after its outcome is committed; when STOP is set the
    pass ends after the message in hand, and the rest wait in the mailbox."""
    report = PassReport()
    for item in source.fetch_new(ledger, chunk=chunk):
        if stop is not None and stop.is_set():
            break
        outcome = consumer.consume(item.raw, source=source.name, ref=item.ref)
        source.settle(item, outcome.settle)
        report.add(outcome.status)
        log.info("%s -> %s %s", item.ref, outcome.status, outcome.agenda_no or outcome.reason or "")
    return report
