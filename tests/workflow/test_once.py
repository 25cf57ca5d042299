# SPDX-License-Identifier: AGPL-3.0-or-later
"""Every side effect once: two workers over copies of the same mail open one step per hand-over
and plan one mail per purpose (issue 16)."""
from __future__ import annotations

import dataclasses
import shutil
import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from pipeline.app import App
from pipeline.core.db import utc
from pipeline.core.models import OutboxMail, Step
from pipeline.intake.maildir import deliver
from pipeline.mail import outbox
from pipeline.worker import remind, run_once
from tests.mails import fields, letter_mail, plain_mail
from tests.workflow.conftest import SECRET

LETTERS = 12


@pytest.fixture
def two(tmp_path, db_url, monkeypatch):
    """Two workers on one database, each reading its own copy of the same mailbox (as after a
    restore, or a second mailbox rule delivering the same mail twice)."""
    from tests.conftest import make_workspace
    monkeypatch.setenv("PARAF_SECRET", SECRET)
    first = make_workspace(tmp_path / "ws", db_url)
    inbox = first.cfg.url_path(first.cfg.intake)
    for n in range(LETTERS):
        deliver(inbox, letter_mail(letter=fields(900 + n)))
    shutil.copytree(inbox, inbox.with_name("intake-copy"))
    cfg = dataclasses.replace(first.cfg, intake="maildir://intake-copy")
    second = App.open(cfg, migrate=False)
    yield first, second
    first.close()
    second.close()


def _counts(app):
    with app.session() as s:
        steps = Counter(s.execute(select(Step.entry_id, Step.kind).where(Step.status == "open")))
        mails = Counter(s.scalars(select(OutboxMail.kind)))
    return steps, mails


def _race(*jobs):
    errors = []
    barrier = threading.Barrier(len(jobs))

    def run(job):
        barrier.wait()
        try:
            job()
        except Exception as err:            # surfaced by the assertion below
            errors.append(err)
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert errors == []


def test_two_workers_over_copies_of_the_mailbox_ask_the_inspector_once_per_case(two):
    """GIVEN 12 letters in two copies of the mailbox and two workers WHEN both run a pass at
    the same moment THEN each case is registered once, has exactly one open disposition step,
    and got one receipt and one disposition request."""
    first, second = two
    _race(lambda: run_once(first), lambda: run_once(second))
    steps, mails = _counts(first)
    assert len(steps) == LETTERS
    assert set(steps.values()) == {1}
    assert {kind for _entry, kind in steps} == {"disposition"}
    assert mails["receipt"] == LETTERS
    assert mails["step-disposition"] == LETTERS


def test_a_second_request_for_the_same_hand_over_is_refused_by_the_database(two):
    """GIVEN a case with its open disposition step WHEN code tries to open the same step again
    (revision and stage alike) THEN the database refuses it and nothing is added."""
    first, _ = two
    run_once(first)
    wf = first.workflow
    with pytest.raises(IntegrityError):
        with first.session() as s:
            step = s.scalars(select(Step)).first()
            wf.desk.open(s, step.entry, "disposition", wf.inspector, step.opened_at)
    with first.session() as s:
        assert s.scalar(select(func.count()).select_from(Step)) == LETTERS


def test_one_planned_mail_per_purpose_even_when_asked_twice(two):
    """GIVEN a reminder already planned for a step WHEN the same reminder is queued again THEN
    the outbox keeps the first and plans no second one."""
    first, _ = two
    run_once(first)
    key = outbox.once_key(1, "reminder", 1)
    with first.session() as s:
        a = outbox.queue(s, first.cfg, _note(), kind="note-step_reminder", entry_id=1, once=key)
    with first.session() as s:
        b = outbox.queue(s, first.cfg, _note(), kind="note-step_reminder", entry_id=1, once=key)
        assert b.id == a.id
        assert s.scalar(select(func.count()).select_from(OutboxMail)
                        .where(OutboxMail.once_key == key)) == 1


def test_two_workers_reminding_at_once_send_one_reminder_per_late_step(two):
    """GIVEN 12 disposition steps all overdue WHEN two workers run the reminder job at the
    same moment THEN each late step gets one reminder, not two."""
    first, second = two
    run_once(first)
    with first.session() as s:
        opened = s.scalar(select(func.max(Step.opened_at)))
    late = utc(opened) + timedelta(days=14)  # past the due time from any weekday or holiday
    _race(lambda: remind(first, late), lambda: remind(second, late))
    _steps, mails = _counts(first)
    assert mails["note-step_reminder"] == LETTERS


def _note():
    return plain_mail("inspektur@inspektorat.example.go.id", "Pengingat", "Pengingat.")
