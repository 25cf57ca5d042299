# SPDX-License-Identifier: AGPL-3.0-or-later
"""Transient or permanent (issue 16): a full disk or a killed reader leaves the message where it
was, to be read again; only its own content makes it `failed`; a poison message that keeps
killing its reader is `failed` after three tries, with the reason, and the queue moves on."""
from __future__ import annotations

import errno
import os
import signal

import pytest
from sqlalchemy import select

from pipeline.core.models import AgendaEntry, IntakeTry
from pipeline.core.store import ContentStore
from pipeline.intake import tries
from pipeline.letter import sandbox
from pipeline.mail import outbox
from pipeline.worker import run_once
from tests.mails import fields, letter_mail

from .helpers import mail_in, maildir, sent_mail


def _full(*_args, **_kw):
    raise OSError(errno.ENOSPC, "No space left on device")


def _fill_disk(monkeypatch, stage):
    """Make STAGE's write fail as on a full disk (the raw message, an attachment, the spooled
    receipt, or a temporary file inside the letter reader)."""
    if stage in ("raw", "att"):
        put = ContentStore.put

        def put_or_full(self, data, kind="raw"):
            if kind == stage:
                _full()
            return put(self, data, kind)
        monkeypatch.setattr(ContentStore, "put", put_or_full)
    elif stage == "spool":
        monkeypatch.setattr(outbox, "atomic_write", _full)
    elif stage == "reader":                  # runs in the forked child, which inherits it
        monkeypatch.setattr(sandbox, "read_letter_inprocess", _full)


def _statuses(app):
    with app.session() as s:
        return list(s.scalars(select(AgendaEntry.status)))


@pytest.mark.parametrize("stage", ["raw", "att", "spool", "reader"])
def test_a_full_disk_at_any_stage_leaves_the_letter_to_be_read_again(app, monkeypatch, stage):
    """GIVEN a letter in the inbox WHEN the disk is full while its STAGE is written THEN
    nothing is recorded, the letter stays in the inbox, and it is not counted as a try; WHEN
    space comes back THEN the next pass registers it and sends one receipt."""
    mail_in(app, letter_mail(letter=fields(41)))
    with monkeypatch.context() as m:
        _fill_disk(m, stage)
        report, _ = run_once(app)
    assert report is None                           # the pass says it could not finish
    assert _statuses(app) == []
    assert maildir(app).count() == 1
    with app.session() as s:
        assert all(t.tries == 0 for t in s.scalars(select(IntakeTry)))
    report, _ = run_once(app)
    assert report.outcomes == {"registered": 1}
    assert _statuses(app) == ["registered"]
    assert maildir(app).count() == 0
    assert [m["Subject"] for m in sent_mail(app)].__len__() == 1


def test_a_reader_killed_from_outside_is_tried_again(app, monkeypatch):
    """GIVEN a letter WHEN its reader process is killed by someone else (not by its own time
    or memory limit) THEN the letter stays in the inbox; the next pass registers it."""
    def killed(*_args, **_kw):
        os.kill(os.getpid(), signal.SIGKILL)
    mail_in(app, letter_mail(letter=fields(42)))
    with monkeypatch.context() as m:
        m.setattr(sandbox, "read_letter_inprocess", killed)
        assert run_once(app)[0] is None
    assert _statuses(app) == [] and maildir(app).count() == 1
    assert run_once(app)[0].outcomes == {"registered": 1}


def test_a_poison_message_is_failed_after_three_tries_and_does_not_block_the_queue(
        app, monkeypatch):
    """GIVEN a letter whose reader is killed every time, and a good letter after it WHEN the
    worker passes over the inbox again and again THEN the poison letter stays for three tries,
    then becomes `failed` with an Indonesian reason and goes to the Failed folder, and the
    good letter is registered."""
    poison = letter_mail(letter=fields(43), subject="Racun")
    mail_in(app, poison)

    def killed(data, filename, *args, **kw):
        os.kill(os.getpid(), signal.SIGKILL)
    monkeypatch.setattr(sandbox, "read_letter_inprocess", killed)
    for _ in range(tries.LIMIT):
        assert run_once(app)[0] is None
        assert _statuses(app) == []
    report, _ = run_once(app)
    assert report.outcomes == {"failed": 1}
    with app.session() as s:
        entry = s.scalars(select(AgendaEntry)).one()
    assert entry.status == "failed"
    assert "3 kali gagal diproses" in entry.reason and "signal 9" in entry.reason
    assert maildir(app).count() == 0
    monkeypatch.undo()
    mail_in(app, letter_mail(letter=fields(44)))
    assert run_once(app)[0].outcomes == {"registered": 1}
