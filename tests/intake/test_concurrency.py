# SPDX-License-Identifier: AGPL-3.0-or-later
"""Two workers on one mailbox and one database: nothing registered twice, no number skipped."""
from __future__ import annotations

import random

from sqlalchemy import func, select

from pipeline.core.models import InboundMessage, OutboxMail
from tests.mails import fields, letter_mail
from tests.side_by_side import side_by_side

from .helpers import agenda


def test_two_workers_consuming_the_same_mail_register_each_letter_once(app):
    """GIVEN 12 letters seen by two workers at once (each with its own connection), in
    different orders WHEN both consume all of them THEN there are 12 entries numbered 1..12,
    12 receipts, and each worker's view of every message is the same entry."""
    raws = [letter_mail(letter=fields(500 + i)) for i in range(12)]
    results: list[list] = [[], []]

    def work(i, worker):
        order = list(range(len(raws)))
        random.Random(i).shuffle(order)
        for k in order:
            results[i].append((k, worker.consumer.consume(raws[k], source="test")))
    assert side_by_side(app, work) == []
    rows = agenda(app)
    assert sorted(int(r["agenda_no"][:4]) for r in rows) == list(range(1, 13))
    by_message = [dict(r) for r in results]
    assert all(by_message[0][k].entry_id == by_message[1][k].entry_id for k in range(12))
    with app.session() as s:
        assert s.scalar(select(func.count()).select_from(OutboxMail)) == 12
        assert s.scalar(select(func.count()).select_from(InboundMessage)) == 12
