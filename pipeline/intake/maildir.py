# SPDX-License-Identifier: AGPL-3.0-or-later
"""A local Maildir as the intake mailbox: the embedded default and the demo's, no server needed.

Handled messages move to Maildir++ sub-folders (`.Paraf.Processed`, `.Paraf.Failed`), the
same layout Dovecot uses, so nothing is ever deleted.
"""
from __future__ import annotations

import mailbox
import time
from pathlib import Path
from typing import Iterator

from pipeline.intake.source import Incoming, Ledger


class MaildirSource:
    def __init__(self, root: Path, processed_folder: str = "Paraf/Processed",
                 failed_folder: str = "Paraf/Failed"):
        self.root = Path(root)
        self.name = f"maildir://{self.root}"
        self.folders = {"processed": processed_folder.replace("/", "."),
                        "failed": failed_folder.replace("/", ".")}
        self.box: mailbox.Maildir | None = None

    def open(self) -> None:
        self.box = mailbox.Maildir(self.root, factory=None, create=True)

    def close(self) -> None:
        self.box = None

    def fetch_new(self, ledger: Ledger | None = None, chunk: int = 50) -> Iterator[Incoming]:
        """Every message in new/ and cur/, oldest first; one in memory at a time."""
        assert self.box is not None, "open() first"
        keys = sorted(self.box.iterkeys(), key=self._age)
        for key in keys:
            try:
                with self.box.get_file(key) as fh:
                    raw = fh.read()
            except KeyError:           # gone meanwhile (another worker settled it)
                continue
            yield Incoming(ref=key, raw=raw)

    def _age(self, key: str) -> tuple[float, str]:
        try:
            return (Path(self.root, self.box._lookup(key)).stat().st_mtime, key)
        except (KeyError, OSError):
            return (time.time(), key)

    def settle(self, item: Incoming, outcome: str) -> None:
        assert self.box is not None, "open() first"
        target = self.box.add_folder(self.folders[outcome])
        try:
            message = self.box.get_message(item.ref)
        except KeyError:
            return
        target.add(message)
        self.box.discard(item.ref)

    def wait(self, timeout: float, stop=None) -> bool:
        """Sleep TIMEOUT seconds, or less when STOP (a threading.Event) is set meanwhile."""
        if stop is not None:
            stop.wait(timeout)
        else:
            time.sleep(timeout)
        return False

    def count(self, folder: str | None = None) -> int:
        box = self.box if folder is None else self.box.get_folder(self.folders[folder])
        return len(box)


def deliver(root: Path, raw: bytes) -> str:
    """Drop RAW into a Maildir as a mail server would (used by the demo and tests)."""
    return mailbox.Maildir(root, factory=None, create=True).add(raw)
