# SPDX-License-Identifier: AGPL-3.0-or-later
"""Two workers on one mailbox and one database: nothing registered twice, no number skipped."""
from __future__ import annotations

import random
import threading

from sqlalchemy import func, select

from pipeline.app import App
from pipeline.core.models import InboundMessage, OutboxMail
from tests.mails import fields, letter_mail

from .helpers import agenda


def test_two_workers_consuming_the_same_mail_register_each_letter_once(app):
    """GIVEN 12 letters seen by two workers at once (each with its own connection), in
    different orders WHEN both consume all of them THEN there are 12 entries numbered 1..12,
    12 receipts, and each worker's view of every message is the same entry."""
    raws = [letter_mail(letter=fields(500 + i)) for i in range(12)]
    workers = [App.open(app.cfg, migrate=False) for _ in range(2)]
    results: list[list] = [[], []]
    errors = []

    def work(i):
        order = list(range(len(raws)))
        random.Random(i).shuffle(order)
        try:
            for k in order:
                results[i].append((k, workers[i].consumer.consume(raws[k], source="test")))
        except Exception as err:          # surfaced below with the assertion
            errors.append(err)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    [w.close() for w in workers]
    assert errors == []
    rows = agenda(app)
    assert sorted(int(r["agenda_no"][:4]) for r in rows) == list(range(1, 13))
    by_message = [dict(r) for r in results]
    assert all(by_message[0][k].entry_id == by_message[1][k].entry_id for k in range(12))
    with app.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMail)) == 12
        assert s.scalar(select(func.count()).select_from(InboundMessage)) == 12
