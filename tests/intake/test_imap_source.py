# SPDX-License-Identifier: AGPL-3.0-or-later
"""ImapSource against a real Dovecot on loopback (tests/servers/dovecot.py), no mocks."""
from __future__ import annotations

import threading
import time

import pytest

from pipeline.intake.imap import ImapSource
from pipeline.intake.source import Incoming, Source, SourceError
from tests.servers.dovecot import Dovecot


class DictLedger:
    """In-memory Ledger, as the DB-backed one behaves."""

    def __init__(self):
        self.rows: dict[str, tuple[int | None, int]] = {}

    def position(self, folder):
        return self.rows.get(folder, (None, 0))

    def advance(self, folder, uidvalidity, last_uid):
        self.rows[folder] = (uidvalidity, last_uid)


def mail(n: int) -> bytes:
    return (f"From: a@example.org\r\nTo: intake@example.org\r\nMessage-ID: <m{n}@example.org>\r\n"
            f"Subject: message {n}\r\n\r\nbody {n}\r\n").encode()


def source_for(server: Dovecot, **kw) -> ImapSource:
    kw.setdefault("retries", 0)
    src = ImapSource(server.url(), server.password, timeout=5, **kw)
    src.open()
    return src


def spy_fetch(src: ImapSource) -> list[list[int]]:
    """Record the UID sets the source asks bodies for; the real FETCH still runs."""
    calls: list[list[int]] = []
    real = src._client.fetch

    def fetch(messages, data, modifiers=None):
        calls.append(list(messages))
        return real(messages, data, modifiers)

    src._client.fetch = fetch
    return calls


def test_fetches_large_mailbox_in_bounded_chunks(dovecot):
    """GIVEN 120 messages in INBOX
    WHEN fetch_new runs with chunk=50
    THEN all 120 arrive in UID order, in FETCHes of 50, 50 and 20 bodies."""
    dovecot.append_many("INBOX", [mail(i) for i in range(120)])
    src = source_for(dovecot)
    calls = spy_fetch(src)
    items = list(src.fetch_new(DictLedger(), chunk=50))
    assert isinstance(src, Source)
    assert [i.raw for i in items] == [mail(i) for i in range(120)]
    assert [i.uid for i in items] == list(range(1, 121))
    assert [len(c) for c in calls] == [50, 50, 20]
    assert items[0].ref == f"INBOX:{items[0].uidvalidity}:1"
    src.close()


def test_settle_moves_to_processed_and_failed_and_advances_ledger(dovecot):
    """GIVEN two messages and no Paraf folders yet
    WHEN one is settled "processed" and the other "failed"
    THEN they sit in Paraf/Processed and Paraf/Failed, INBOX is empty,
    the ledger points at the last UID, and a second fetch yields nothing."""
    dovecot.append_many("INBOX", [mail(1), mail(2)])
    src, ledger = source_for(dovecot), DictLedger()
    first, second = src.fetch_new(ledger)
    src.settle(first, "processed")
    assert ledger.position("INBOX") == (first.uidvalidity, 1)
    src.settle(second, "failed")
    assert dovecot.messages("Paraf/Processed") == [mail(1)]
    assert dovecot.messages("Paraf/Failed") == [mail(2)]
    assert dovecot.list_uids("INBOX") == []
    assert ledger.position("INBOX") == (first.uidvalidity, 2)
    assert list(src.fetch_new(ledger)) == []
    with pytest.raises(ValueError):
        src.settle(first, "archived")
    src.close()


def test_settle_without_move_capability_copies_and_expunges_only_that_uid():
    """GIVEN a server that does not advertise MOVE, and a message someone else flagged \\Deleted
    WHEN a message is settled
    THEN it is copied, and only its UID is expunged (UID EXPUNGE); MOVE is never sent."""
    with Dovecot(disable_move=True) as server:
        server.append_many("INBOX", [mail(1), mail(2)])
        with server.client() as other:
            other.select_folder("INBOX")
            other.add_flags([2], [b"\\Deleted"])
        src = source_for(server)
        assert not src._client.has_capability("MOVE")
        src._client.move = None  # any MOVE attempt would now raise TypeError
        item = next(src.fetch_new(DictLedger()))
        src.settle(item, "processed")
        assert server.messages("Paraf/Processed") == [mail(1)]
        assert server.list_uids("INBOX") == [2]
        src.close()


def test_uidvalidity_change_refetches_from_the_start(dovecot):
    """GIVEN a ledger that has seen all three messages
    WHEN the server renumbers the folder (new UIDVALIDITY)
    THEN fetch_new yields all three again, with the new UIDVALIDITY,
    and settling an item from before the change is refused."""
    dovecot.append_many("INBOX", [mail(1), mail(2), mail(3)])
    src, ledger = source_for(dovecot), DictLedger()
    old = list(src.fetch_new(ledger))
    ledger.advance("INBOX", old[0].uidvalidity, 3)
    assert list(src.fetch_new(ledger)) == []
    src.close()
    new_validity = dovecot.reset_uidvalidity("INBOX")
    src.open()
    again = list(src.fetch_new(ledger))
    assert [i.raw for i in again] == [mail(1), mail(2), mail(3)]
    assert {i.uidvalidity for i in again} == {new_validity}
    with pytest.raises(SourceError, match="stale"):
        src.settle(old[0], "processed")
    src.settle(again[0], "processed")
    assert ledger.position("INBOX") == (new_validity, again[0].uid)
    src.close()


def test_server_restart_raises_source_error_then_reconnect_resumes(dovecot):
    """GIVEN a source in the middle of a run
    WHEN the server goes away and comes back on the same port
    THEN settle raises SourceError, later calls too, and after reconnect()
    the unsettled message is fetched again and can be settled."""
    dovecot.append_many("INBOX", [mail(1), mail(2)])
    src, ledger = source_for(dovecot), DictLedger()
    items = src.fetch_new(ledger)
    src.settle(next(items), "processed")
    second = next(items)
    dovecot.stop()
    with pytest.raises(SourceError, match="connection lost"):
        src.settle(second, "processed")
    with pytest.raises(SourceError, match="not connected"):
        list(src.fetch_new(ledger))
    dovecot.start()
    src.reconnect()
    refetched = list(src.fetch_new(ledger))
    assert [i.raw for i in refetched] == [mail(2)]
    src.settle(refetched[0], "processed")
    assert dovecot.messages("Paraf/Processed") == [mail(1), mail(2)]
    src.close()


def test_open_retries_with_backoff_until_server_is_back(dovecot):
    """GIVEN the server is down
    WHEN open() is called with retries and it comes back 0.5 s later
    THEN open() succeeds; with too few retries it raises SourceError."""
    dovecot.stop()
    src = ImapSource(dovecot.url(), dovecot.password, timeout=2, retries=1, backoff=0.05)
    with pytest.raises(SourceError, match="2 attempts"):
        src.open()
    threading.Timer(0.5, dovecot.start).start()
    src = ImapSource(dovecot.url(), dovecot.password, timeout=2, retries=6, backoff=0.1)
    src.open()
    assert src.connected
    src.close()
    bad = ImapSource(dovecot.url(), "wrong", retries=3)
    with pytest.raises(SourceError, match="login refused"):
        bad.open()


def test_a_folder_the_server_lacks_is_reported_at_once_not_retried(dovecot):
    """GIVEN a source set to read a folder the server does not have (a replies mailbox not yet
    made, a misspelt name) WHEN it is opened with retries THEN it fails at once, naming the
    folder, rather than holding up the worker's other mailboxes through its backoff; once the
    folder exists, it opens."""
    src = ImapSource(dovecot.url("Balasan"), dovecot.password, timeout=2, retries=5, backoff=1)
    t0 = time.monotonic()
    with pytest.raises(SourceError, match="no folder 'Balasan'"):
        src.open()
    assert time.monotonic() - t0 < 1
    dovecot.append("Balasan", mail(1))
    src.open()
    assert src.connected
    src.close()


def test_idle_wakes_up_when_another_client_appends(dovecot):
    """GIVEN a source idling on an empty INBOX
    WHEN another client appends a message 0.3 s later
    THEN wait() returns True within 2 s and the message can be fetched;
    without new mail wait() returns False after its timeout."""
    src = source_for(dovecot)
    assert list(src.fetch_new(DictLedger())) == []
    began = time.monotonic()
    assert src.wait(0.3) is False
    assert 0.25 < time.monotonic() - began < 1.5
    threading.Timer(0.3, dovecot.append, ("INBOX", mail(1))).start()
    began = time.monotonic()
    assert src.wait(10) is True
    assert time.monotonic() - began < 2
    assert [i.raw for i in src.fetch_new(DictLedger())] == [mail(1)]
    src.close()


def test_mail_that_came_between_the_pass_and_idle_wakes_the_wait_at_once(dovecot):
    """GIVEN a pass that found INBOX empty WHEN a letter arrives before the source enters IDLE
    (Dovecot then announces it with the IDLE continuation, in one read) THEN wait() returns
    True at once, not when its timeout ends; and again for a second letter in the same gap."""
    src = source_for(dovecot)
    seen = []
    for n in (1, 2):
        seen += [i.raw for i in src.fetch_new(DictLedger())][len(seen):]
        assert seen == [mail(k) for k in range(1, n)]       # the pass before the gap
        dovecot.append("INBOX", mail(n))
        began = time.monotonic()
        assert src.wait(8) is True
        assert time.monotonic() - began < 1.5
    src.close()


def test_mail_that_came_during_a_pass_wakes_the_wait_at_once(dovecot):
    """GIVEN a pass reading two letters WHEN two more arrive while it settles them (the server
    announces them in answer to the pass's own MOVE, not in IDLE) THEN the wait that follows
    the pass returns True at once, and the next pass reads the two."""
    dovecot.append_many("INBOX", [mail(1), mail(2)])
    src = source_for(dovecot)
    ledger = DictLedger()
    for n, item in enumerate(src.fetch_new(ledger), start=3):
        dovecot.append("INBOX", mail(n))
        src.settle(item, "processed")
    began = time.monotonic()
    assert src.wait(8) is True
    assert time.monotonic() - began < 1.5
    assert [i.raw for i in src.fetch_new(ledger)] == [mail(3), mail(4)]
    began = time.monotonic()
    assert src.wait(0.6) is False                   # nothing new: a real wait again
    assert time.monotonic() - began > 0.5
    src.close()


def test_idle_notices_server_going_away(dovecot):
    """GIVEN a source idling
    WHEN the server dies
    THEN wait() raises SourceError quickly instead of sleeping out its timeout."""
    src = source_for(dovecot)
    threading.Timer(0.3, dovecot.stop).start()
    began = time.monotonic()
    with pytest.raises(SourceError):
        src.wait(10)
    assert time.monotonic() - began < 3
    assert not src.connected


def test_wait_polls_when_server_has_no_idle():
    """GIVEN a server without IDLE
    WHEN another client appends during wait()
    THEN the NOOP poll notices it and wait() returns True."""
    with Dovecot(disable_idle=True) as server:
        src = source_for(server, poll_interval=0.2)
        assert not src._client.has_capability("IDLE")
        threading.Timer(0.3, server.append, ("INBOX", mail(1))).start()
        began = time.monotonic()
        assert src.wait(10) is True
        assert time.monotonic() - began < 2
        src.close()


def test_ledger_position_skips_seen_uids_without_fetching_their_bodies(dovecot):
    """GIVEN five messages and a ledger at UID 3 for the current UIDVALIDITY
    WHEN fetch_new runs
    THEN only UIDs 4 and 5 are fetched and yielded; at UID 5 nothing is fetched."""
    dovecot.append_many("INBOX", [mail(i) for i in range(1, 6)])
    ledger = DictLedger()
    ledger.advance("INBOX", dovecot.uidvalidity("INBOX"), 3)
    src = source_for(dovecot)
    calls = spy_fetch(src)
    assert [i.uid for i in src.fetch_new(ledger)] == [4, 5]
    assert calls == [[4, 5]]
    ledger.advance("INBOX", dovecot.uidvalidity("INBOX"), 5)
    assert list(src.fetch_new(ledger)) == []
    assert calls == [[4, 5]]
    src.close()


@pytest.mark.parametrize("url, tls, starttls, port, user, folder", [
    ("imaps://intake%40example.org@mail.example.org/INBOX", True, False, 993,
     "intake@example.org", "INBOX"),
    ("imap+starttls://u@mail.example.org/Lists/Intake", False, True, 143, "u", "Lists/Intake"),
    ("imap://u@127.0.0.1:1143", False, False, 1143, "u", "INBOX"),
])
def test_url_parsing(url, tls, starttls, port, user, folder):
    """GIVEN an intake URL WHEN an ImapSource is built THEN transport, port, user, folder follow it."""
    src = ImapSource(url, "pw")
    assert (src._tls, src._starttls, src.port, src.user, src.folder) == (
        tls, starttls, port, user, folder)
    assert "pw" not in src.name


def test_url_without_password_or_with_bad_scheme_is_rejected():
    """GIVEN a URL without any password, or a pop3 URL WHEN built THEN ValueError."""
    with pytest.raises(ValueError):
        ImapSource("imaps://u@host/INBOX", None)
    with pytest.raises(ValueError):
        ImapSource("pop3://u@host/INBOX", "pw")
    assert Incoming(ref="x", raw=b"y").uid is None
