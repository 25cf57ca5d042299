# SPDX-License-Identifier: AGPL-3.0-or-later
"""Group commit: many threads' form registrations share transactions, stay gapless and
complete, and one failing request does not sink the others. SQLite and PostgreSQL."""
from __future__ import annotations

import threading
from datetime import datetime, timezone

from sqlalchemy import event, func, select

from pipeline.consult import flow as consultflow
from pipeline.core import events
from pipeline.core.models import AgendaEntry, Event, OutboxMail, Step

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=timezone.utc)


def payload(i: int) -> dict:
    return {"name": f"Pemohon {i}", "institution": "Dinas Pendidikan Kota Pekalongan",
            "opd_code": "disdik-kota-pekalongan", "position": "Bendahara",
            "email": f"pemohon{i}@pekalongankota.go.id", "phone": "0285 421234",
            "bidang": "Keuangan dan Aset Daerah", "wilayah": "Kecamatan Pekalongan Utara",
            "purpose": f"Penjelasan nomor {i}", "questions": [f"Pertanyaan {i}?"],
            "attachments": []}


def test_concurrent_registrations_are_batched_gapless_and_complete(app):
    """GIVEN 40 page threads posting at the same moment WHEN each registers through the group
    commit THEN they take fewer transactions than requests, the numbers are 1..40, and each
    case has its clerk's check, its planned receipt and an intact history."""
    commits = []
    event.listen(app.engine, "commit", lambda conn: commits.append(1))
    start = threading.Barrier(40)
    results, errors = {}, []

    def post(i):
        start.wait()
        try:
            results[i] = app.group_commit.run(
                lambda s: consultflow.register_request(app, s, payload(i), NOW))
        except Exception as err:                         # a real failure
            errors.append(err)

    threads = [threading.Thread(target=post, args=(i,)) for i in range(40)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert errors == []
    assert len(commits) < 40
    with app.session() as s:
        assert sorted(s.scalars(select(AgendaEntry.agenda_seq))) == list(range(1, 41))
        assert s.scalar(select(func.count()).select_from(Step).where(Step.kind == "check")) == 40
        receipts = set(s.scalars(select(OutboxMail.message_id)
                                 .where(OutboxMail.kind == "consult-receipt")))
        assert receipts == {r.receipt for r in results.values()}
        kinds = list(s.scalars(select(Event.kind).where(Event.entry_id == results[7].entry.id)
                               .order_by(Event.id)))
        assert kinds == ["register", "receipted"]
        assert events.verify(s) == []
    assert {r.entry.agenda_no for r in results.values()} == {
        f"{n:04d}/KONS/ITDA/2026" for n in range(1, 41)}


def test_a_failing_request_fails_alone_and_the_batch_around_it_commits(app):
    """GIVEN three requests queued behind a busy writer, the middle one broken WHEN the writer
    takes them as one batch THEN the broken one gets its own error and the two others are
    registered, numbered 2 and 3 after the first."""
    writing, release = threading.Event(), threading.Event()

    def slow(s):
        writing.set()
        release.wait(10)
        return consultflow.register_request(app, s, payload(0), NOW)

    def broken(s):
        consultflow.register_request(app, s, payload(1), NOW)
        raise ValueError("a bug in one request")

    outcome = {}

    def run(name, job):
        try:
            outcome[name] = app.group_commit.run(job).entry.agenda_seq
        except ValueError as err:
            outcome[name] = err

    first = threading.Thread(target=run, args=("first", slow))
    first.start()
    assert writing.wait(10)
    others = [threading.Thread(target=run, args=(name, job)) for name, job in
              (("a", lambda s: consultflow.register_request(app, s, payload(2), NOW)),
               ("broken", broken),
               ("b", lambda s: consultflow.register_request(app, s, payload(3), NOW)))]
    [t.start() for t in others]
    while app.group_commit._jobs.qsize() < 3:            # all three wait behind the first
        threading.Event().wait(0.01)
    release.set()
    [t.join(10) for t in [first, *others]]
    assert outcome["first"] == 1
    assert isinstance(outcome["broken"], ValueError)
    assert sorted([outcome["a"], outcome["b"]]) == [2, 3]
    with app.session() as s:
        assert s.scalar(select(func.count()).select_from(AgendaEntry)) == 3
        assert events.verify(s) == []
