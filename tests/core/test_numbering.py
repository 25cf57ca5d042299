# SPDX-License-Identifier: AGPL-3.0-or-later
"""Agenda numbers are per year, unique and without gaps, also under concurrent registration."""
import threading
from datetime import datetime, timezone

from sqlalchemy import select

from pipeline.core import states
from pipeline.core.db import make_engine, sessions, transaction
from pipeline.core.models import AgendaEntry
from pipeline.core.numbering import format_number, next_seq

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def _register_one(factory, fail=False):
    with transaction(factory) as s:
        seq = next_seq(s, "incoming", 2026)
        entry = AgendaEntry(channel="letter", received_at=NOW, agenda_year=2026, agenda_seq=seq,
                            agenda_no=format_number("{seq:04d}/SM/ITDA/{year}", seq, 2026))
        s.add(entry)
        states.move(entry, "register", actor="test", at=NOW)
        if fail:
            raise RuntimeError("crash after taking a number")


def test_concurrent_registration_keeps_numbers_unique_and_gapless(app):
    """GIVEN 4 workers with their own connections WHEN they register 60 letters at once, some
    transactions failing after taking a number THEN the committed numbers are exactly 1..N."""
    engines = [make_engine(app.cfg.database_url) for _ in range(4)]
    errors = []

    def worker(i):
        factory = sessions(engines[i])
        for k in range(15):
            try:
                _register_one(factory, fail=(k % 5 == 4))
            except RuntimeError:
                pass
            except Exception as err:          # anything else is a real failure
                errors.append(err)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    for e in engines:
        e.dispose()
    assert errors == []
    with app.session() as s:
        seqs = sorted(s.scalars(select(AgendaEntry.agenda_seq)))
        numbers = set(s.scalars(select(AgendaEntry.agenda_no)))
    assert seqs == list(range(1, 49))
    assert len(numbers) == 48 and "0048/SM/ITDA/2026" in numbers


def test_each_year_starts_again_at_one(app):
    with app.session() as s:
        assert [next_seq(s, "incoming", 2026) for _ in range(3)] == [1, 2, 3]
        assert next_seq(s, "incoming", 2027) == 1
        assert next_seq(s, "outgoing", 2026) == 1
