# SPDX-License-Identifier: AGPL-3.0-or-later
"""One state machine for every channel; every move is a hash-chained event."""
from datetime import datetime, timezone

import pytest
from sqlalchemy import update

from pipeline.core import states
from pipeline.core.errors import IllegalTransition
from pipeline.core.events import verify
from pipeline.core.models import AgendaEntry, Event

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("channel", ["letter", "web", "walk-in"])
def test_a_case_of_any_channel_walks_the_whole_way(channel):
    """GIVEN a new case WHEN it goes registered → ... → closed THEN each step is an event."""
    entry = AgendaEntry(channel=channel, received_at=NOW)
    for action in ("register", "dispose", "draft", "initial", "sign", "send", "close"):
        states.move(entry, action, actor="test", at=NOW)
    assert entry.status == "closed"
    assert [e.to_status for e in entry.events] == [
        "registered", "disposed", "drafted", "initialled", "signed", "sent", "closed"]
    assert entry.events[-1].prev_hash == entry.events[-2].hash


@pytest.mark.parametrize("start, action", [
    ("registered", "sign"), ("quarantined", "send"), ("closed", "register"),
    ("duplicate", "register"), ("sent", "initial"),
])
def test_an_illegal_transition_is_an_error_not_a_no_op(start, action):
    entry = AgendaEntry(channel="letter", received_at=NOW, status=start)
    with pytest.raises(IllegalTransition):
        states.move(entry, action, actor="test", at=NOW)
    assert entry.status == start and entry.events == []


def test_returning_a_draft_goes_back_to_the_drafter():
    entry = AgendaEntry(channel="letter", received_at=NOW, status="initialled")
    states.move(entry, "return", actor="kasubag@example.go.id", at=NOW, data={"note": "revisi"})
    assert entry.status == "disposed"


def test_an_edited_history_is_detected(app):
    """GIVEN a stored case with history WHEN an event is edited in the database THEN verify
    reports it; untouched, it reports nothing."""
    with app.session() as s:
        entry = AgendaEntry(channel="letter", received_at=NOW)
        s.add(entry)
        states.move(entry, "register", actor="paraf", at=NOW)
        states.move(entry, "dispose", actor="inspektur@example.go.id", at=NOW)
    with app.session() as s:
        assert verify(s) == []
        s.execute(update(Event).where(Event.kind == "dispose").values(actor="someone-else"))
    with app.session() as s:
        problems = verify(s)
    assert len(problems) == 1 and "dispose" in problems[0]


def test_a_status_changed_behind_the_machines_back_is_detected(app):
    with app.session() as s:
        entry = AgendaEntry(channel="letter", received_at=NOW)
        s.add(entry)
        states.move(entry, "register", actor="paraf", at=NOW)
    with app.session() as s:
        s.execute(update(AgendaEntry).values(status="signed"))
    with app.session() as s:
        assert any("changed outside the history" in p for p in verify(s))
