# SPDX-License-Identifier: AGPL-3.0-or-later
"""What every intake source (IMAP, Maildir, files) hands to the worker, and how.

The worker only sees this protocol, so mail can come from anywhere without the
pipeline knowing. Positions are persisted by the caller through a Ledger, so a
source itself keeps no state across restarts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Protocol, runtime_checkable

from pipeline.core.errors import ParafError

PROCESSED = "processed"
FAILED = "failed"
OUTCOMES = (PROCESSED, FAILED)


class SourceError(ParafError):
    """The source cannot be reached or refused an operation; reopen and retry.

    Raised `from` the low-level error, with the operation and mailbox in the message.
    """


@dataclass(frozen=True)
class Incoming:
    """One raw message as found in a source, plus the handle to settle it later."""

    ref: str  # source-specific handle, e.g. "INBOX:uidvalidity:uid"
    raw: bytes = field(repr=False)
    uid: int | None = None
    uidvalidity: int | None = None


class Ledger(Protocol):
    """Per-folder read position, persisted by the caller (DB).

    Sources only read and write it through these two calls.
    """

    def position(self, folder: str) -> tuple[int | None, int]:
        """(uidvalidity, last_uid); (None, 0) when the folder was never read."""
        ...

    def advance(self, folder: str, uidvalidity: int, last_uid: int) -> None:
        ...


@runtime_checkable
class Source(Protocol):
    """A mailbox-like place messages come from.

    Usage: open(); loop { for item in fetch_new(ledger): handle, then
    settle(item, "processed"|"failed") }; wait(timeout); close().
    On SourceError the caller reopens (reconnect()/open()) and fetches again;
    duplicates are removed downstream by content hash and Message-ID.
    """

    name: str

    def open(self) -> None: ...

    def close(self) -> None: ...

    def fetch_new(self, ledger: Ledger, chunk: int = 50) -> Iterator[Incoming]: ...

    def settle(self, item: Incoming, outcome: str) -> None: ...

    def wait(self, timeout: float, stop=None) -> bool:
        """Until new mail, TIMEOUT, or STOP (a threading.Event) is set."""
        ...
