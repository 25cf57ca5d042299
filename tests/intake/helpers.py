# SPDX-License-Identifier: AGPL-3.0-or-later
"""Small helpers for the intake tests: deliver, run the worker until the queues are empty."""
from __future__ import annotations

import email
from email import policy

from pipeline.books.views import agenda_rows
from pipeline.intake.maildir import MaildirSource, deliver
from pipeline.worker import run_once


def mail_in(app, raw: bytes) -> str:
    return deliver(app.cfg.url_path(app.cfg.intake), raw)


def run_until_idle(app, passes: int = 3):
    """Run the worker until a pass finds nothing to do."""
    reports = []
    for _ in range(passes):
        report, sent = run_once(app)
        reports.append((report, sent))
        if report.seen == 0 and sent.sent == 0:
            break
    return reports


def agenda(app, **kw) -> list[dict]:
    with app.session() as s:
        return agenda_rows(s, **kw)


def sent_mail(app) -> list[email.message.EmailMessage]:
    folder = app.cfg.url_path(app.cfg.smtp)
    return [email.message_from_bytes(p.read_bytes(), policy=policy.default)
            for p in sorted(folder.glob("*.eml"))]


def maildir(app) -> MaildirSource:
    source = MaildirSource(app.cfg.url_path(app.cfg.intake))
    source.open()
    return source
