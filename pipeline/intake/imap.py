# SPDX-License-Identifier: AGPL-3.0-or-later
"""Intake from an IMAP folder: fetch unseen UIDs in chunks, then move each message away.

Who advances the ledger: this source, in settle(), right after the message was
moved out of the watched folder. The caller commits the item to its DB first and
only then calls settle(). A crash between commit and move leaves the message in
the folder with the ledger not advanced, so it is fetched again and dropped by the
caller's dedupe (content hash, Message-ID), then settled. Advancing earlier could
strand a message in the folder forever. Callers must settle every fetched item,
in the order fetched.

While fetch_new() is being iterated, the ledger write for settled items is held
back and done once per fetched chunk (when the iteration moves on to the next
chunk or ends, and on close()): the ledger may lag the moves, never lead them. A
lagging ledger only makes the next SEARCH start lower; the messages it skips were
already moved out of the folder. Outside an iteration settle() writes the ledger
before it returns.
"""
from __future__ import annotations

import contextlib
import logging
import socket
import ssl
import threading
import time
from typing import Iterator
from urllib.parse import unquote, urlsplit

from imapclient import DELETED, IMAPClient
from imapclient.exceptions import IMAPClientAbortError, IMAPClientError, LoginError

from pipeline.intake.imapwire import (fetch_present, gone, missing_folder, personal_namespace,
                                      read_ahead)
from pipeline.intake.source import FAILED, OUTCOMES, PROCESSED, Incoming, Ledger, SourceError

log = logging.getLogger(__name__)

# scheme -> (TLS from the start, STARTTLS, default port)
_SCHEMES = {"imaps": (True, False, 993), "imap+starttls": (False, True, 143),
            "imap": (False, False, 143)}
STOP_CHECK = 0.5      # how often a wait looks at the stop flag
IDLE_RENEW = 25 * 60  # RFC 2177: servers may drop an IDLE after 30 min, re-issue before


class ImapSource:
    """An IMAP folder as intake Source; see the module docstring for the ledger contract."""

    def __init__(self, url: str, password: str | None = None,
                 processed_folder: str = "Paraf/Processed", failed_folder: str = "Paraf/Failed",
                 timeout: float = 30, *, retries: int = 5, backoff: float = 1.0,
                 max_backoff: float = 60.0, poll_interval: float = 5.0,
                 ssl_context: ssl.SSLContext | None = None):
        parts = urlsplit(url)
        if parts.scheme not in _SCHEMES:
            raise ValueError(f"unsupported IMAP URL scheme {parts.scheme!r} in {url!r}")
        self._tls, self._starttls, default_port = _SCHEMES[parts.scheme]
        if not parts.hostname or not parts.username:
            raise ValueError(f"IMAP URL needs user@host: {url!r}")
        self.host, self.port = parts.hostname, parts.port or default_port
        self.user = unquote(parts.username)
        self._password = password if password is not None else unquote(parts.password or "")
        if not self._password:
            raise ValueError(f"no password for {self.user}@{self.host}")
        self.folder = unquote(parts.path.lstrip("/")) or "INBOX"
        self.folders = {PROCESSED: processed_folder, FAILED: failed_folder}
        self.name = f"imap:{self.user}@{self.host}:{self.port}/{self.folder}"
        self.timeout = timeout
        self.retries, self.backoff, self.max_backoff = retries, backoff, max_backoff
        self.poll_interval = poll_interval
        self._ssl_context = ssl_context
        self._client: IMAPClient | None = None
        self._uidvalidity: int | None = None
        self._ledger: Ledger | None = None
        self._delimiter, self._prefix = "/", ""
        self._ensured: set[str] = set()
        self._iteration: object | None = None   # the fetch_new() being iterated, if any
        self._held: tuple[Ledger, int, int] | None = None   # moved, not yet in the ledger
        self._read_below: tuple[int, int] | None = None  # (UIDVALIDITY, UIDNEXT) at the last pass
        self._stop: threading.Event | None = None
        if not (self._tls or self._starttls) and self.host not in ("127.0.0.1", "::1", "localhost"):
            log.warning("%s: plain IMAP without TLS, password goes in clear text", self.name)

    # -- connection -------------------------------------------------------
    @property
    def connected(self) -> bool:
        return self._client is not None

    def __enter__(self) -> "ImapSource":
        self.open()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def open(self) -> None:
        """Connect, log in and select the folder; retry with exponential backoff.

        Gives up after `retries` retries (SourceError). A refused login, an
        untrusted certificate or a folder the server does not have is not retried:
        waiting will not fix them, and retrying would hold up the other mailboxes.
        """
        if self._client is not None:
            return
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                self._connect()
                return
            except LoginError as err:
                raise SourceError(f"{self.name}: login refused") from err
            except ssl.SSLCertVerificationError as err:
                raise SourceError(f"{self.name}: server certificate rejected: {err}") from err
            except (OSError, IMAPClientError) as err:
                if isinstance(err, IMAPClientError) and missing_folder(err):
                    raise SourceError(f"{self.name}: the server has no folder "
                                      f"{self.folder!r}") from err
                if attempt == self.retries:
                    raise SourceError(
                        f"{self.name}: cannot connect after {attempt + 1} attempts: {err}") from err
                log.warning("%s: connect failed (%s), retry in %.1fs", self.name, err, delay)
                time.sleep(delay)
                delay = min(delay * 2, self.max_backoff)

    def close(self) -> None:
        """Log out; never raises, the connection may already be gone."""
        self._write_held(quiet=True)
        self._iteration = None
        client, self._client = self._client, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - closing a broken connection
            with contextlib.suppress(Exception):
                client.shutdown()

    def reconnect(self) -> None:
        """Drop the connection (if any) and open a fresh one."""
        self.close()
        self.open()

    def _connect(self) -> None:
        context = self._ssl_context or ssl.create_default_context()
        client = IMAPClient(self.host, self.port, ssl=self._tls,
                            ssl_context=context if self._tls else None, timeout=self.timeout)
        try:
            if self._starttls:
                client.starttls(context)
            client.login(self.user, self._password)
            self._delimiter, self._prefix = personal_namespace(client)
            info = client.select_folder(self.folder)
        except BaseException:
            with contextlib.suppress(Exception):
                client.shutdown()
            raise
        self._client = client
        self._uidvalidity = int(info[b"UIDVALIDITY"])
        self._ensured = set()
        log.info("%s: connected, UIDVALIDITY %s", self.name, self._uidvalidity)

    @contextlib.contextmanager
    def _op(self, what: str) -> Iterator[IMAPClient]:
        """Run one IMAP step; turn failures into SourceError, forget dead connections."""
        if self._client is None:
            raise SourceError(f"{self.name}: not connected ({what}); call open() or reconnect()")
        try:
            yield self._client
        except (OSError, IMAPClientAbortError) as err:
            self.close()
            raise SourceError(f"{self.name}: connection lost during {what}: {err}") from err
        except IMAPClientError as err:
            raise SourceError(f"{self.name}: {what} failed: {err}") from err

    # -- reading ------------------------------------------------------------
    def fetch_new(self, ledger: Ledger, chunk: int = 50) -> Iterator[Incoming]:
        """Yield messages above the ledger position, `chunk` bodies per FETCH.

        A UIDVALIDITY different from the ledger's means the UIDs were renumbered:
        start again from UID 1 (the caller dedupes). Bodies are fetched with
        BODY.PEEK[], so \\Seen stays untouched.
        """
        if chunk < 1:
            raise ValueError("chunk must be >= 1")
        self._write_held()
        self._ledger = ledger
        with self._op(f"select {self.folder}") as client:
            info = client.select_folder(self.folder)
        validity = int(info[b"UIDVALIDITY"])
        self._uidvalidity = validity
        known, last = ledger.position(self.folder)
        if known != validity:
            if known is not None:
                log.warning("%s: UIDVALIDITY changed %s -> %s, reading from UID 1",
                            self.name, known, validity)
            last = 0
        uidnext = info.get(b"UIDNEXT")
        self._read_below = (validity, int(uidnext)) if uidnext is not None else None
        if uidnext is not None and int(uidnext) <= last + 1:
            return  # nothing above the ledger position; skip the SEARCH
        with self._op(f"search {self.folder}") as client:
            # "N:*" always matches the highest UID, even when it is below N: filter.
            uids = sorted(u for u in client.search(["UID", f"{last + 1}:*"]) if u > last)
        self._iteration = token = object()   # a newer fetch_new() supersedes this one
        try:
            for start in range(0, len(uids), chunk):
                batch = uids[start:start + chunk]
                with self._op(f"fetch {len(batch)} from {self.folder}") as client:
                    data = fetch_present(client, batch)
                for uid in batch:
                    raw = data.pop(uid, {}).get(b"BODY[]")
                    if raw is None:  # expunged by someone else meanwhile
                        continue
                    yield Incoming(ref=f"{self.folder}:{validity}:{uid}", raw=raw,
                                   uid=uid, uidvalidity=validity)
                self._write_held()           # once per chunk
        finally:
            if self._iteration is token:
                self._iteration = None
            # Also reached by close() of an abandoned generator (the caller raised), perhaps
            # with the database away: the ledger may stay behind, it must not raise here.
            self._write_held(quiet=True)

    # -- settling -------------------------------------------------------------
    def settle(self, item: Incoming, outcome: str) -> None:
        """Move the message to the processed/failed folder, then advance the ledger.

        Uses MOVE when offered, else COPY + \\Deleted + UID EXPUNGE of just this UID.
        Without UIDPLUS a plain EXPUNGE runs only if no other message is \\Deleted;
        otherwise the message stays flagged and copied. Nothing else is deleted.
        """
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}, not {outcome!r}")
        if item.uid is None or item.uidvalidity is None or \
                item.ref.rsplit(":", 2)[0] != self.folder:
            raise ValueError(f"{item.ref!r} was not fetched from {self.name}")
        if item.uidvalidity != self._uidvalidity:
            raise SourceError(f"{self.name}: {item.ref} is stale (UIDVALIDITY now "
                              f"{self._uidvalidity}); fetch again")
        target = self._server_name(self.folders[outcome])
        with self._op(f"settle {item.ref} to {target}") as client:
            self._ensure_folder(client, target)
            try:
                if client.has_capability("MOVE"):
                    client.move([item.uid], target)
                else:
                    self._copy_delete(client, item.uid, target)
            except IMAPClientError as err:
                if not gone(err):
                    raise
                log.debug("%s: %s was already moved by another worker", self.name, item.ref)
        log.debug("%s: %s -> %s", self.name, item.ref, target)
        if self._ledger is not None:
            held = self._held
            if held is not None and (held[0] is not self._ledger or held[1] != item.uidvalidity):
                self._write_held()
                held = None
            if held is None or item.uid > held[2]:
                self._held = (self._ledger, item.uidvalidity, item.uid)
            if self._iteration is None:
                self._write_held()

    def _write_held(self, quiet: bool = False) -> None:
        """Write the held-back ledger position (only ever after its move); see the docstring."""
        held, self._held = self._held, None
        if held is None:
            return
        ledger, validity, uid = held
        try:
            known, last = ledger.position(self.folder)
            if known != validity or uid > last:
                ledger.advance(self.folder, validity, uid)
        except Exception:  # noqa: BLE001 - a lagging ledger is safe, see the module docstring
            if not quiet:
                raise
            log.warning("%s: ledger not advanced to UID %s; the next pass searches from lower",
                        self.name, uid, exc_info=True)

    def _copy_delete(self, client: IMAPClient, uid: int, target: str) -> None:
        client.copy([uid], target)
        client.add_flags([uid], [DELETED], silent=True)
        if client.has_capability("UIDPLUS"):
            client.uid_expunge([uid])
        elif set(client.search(["DELETED"])) <= {uid}:
            client.expunge()
        else:
            log.warning("%s: UID %s copied and flagged \\Deleted but not expunged: other "
                        "\\Deleted mail in the folder and no UIDPLUS", self.name, uid)

    def _ensure_folder(self, client: IMAPClient, name: str) -> None:
        if name in self._ensured:
            return
        if not client.folder_exists(name):
            try:
                client.create_folder(name)
            except IMAPClientError:
                if not client.folder_exists(name):  # lost a race with another worker?
                    raise
            with contextlib.suppress(IMAPClientError):
                client.subscribe_folder(name)
            log.info("%s: created folder %s", self.name, name)
        self._ensured.add(name)

    def _server_name(self, folder: str) -> str:
        """Map "A/B" onto the server's hierarchy delimiter and personal prefix (e.g. INBOX.)."""
        name = folder.replace("/", self._delimiter) if self._delimiter else folder
        if self._prefix and not name.startswith(self._prefix) and name.upper() != "INBOX":
            name = self._prefix + name
        return name

    # -- waiting ---------------------------------------------------------------
    def wait(self, timeout: float, stop: threading.Event | None = None) -> bool:
        """Block until the server reports new mail (True) or `timeout` passes (False).

        IDLE when the server offers it, else NOOP every `poll_interval` seconds. STOP, when
        set, ends the wait within half a second (a clean shutdown).
        """
        self._stop = stop
        with self._op(f"wait on {self.folder}") as client:
            if self._arrived_meanwhile(client):
                return True
            if not client.has_capability("IDLE"):
                return self._poll(client, timeout)
            client.idle()
            try:
                return self._idle(client, timeout)
            finally:
                with contextlib.suppress(OSError, IMAPClientError):
                    client.idle_done()

    def _arrived_meanwhile(self, client: IMAPClient) -> bool:
        """Whether mail came after the last pass's SELECT. The server announced it in answer
        to the pass's own FETCH or MOVE, where it went unread, and IDLE announces only what
        is newer still. A fresh SELECT tells by UIDNEXT, and starts IDLE's count from now."""
        if self._read_below is None:
            return False
        info = client.select_folder(self.folder)
        if info.get(b"UIDNEXT") is None:
            return False
        return (int(info[b"UIDVALIDITY"]), int(info[b"UIDNEXT"])) != self._read_below

    def _idle(self, client: IMAPClient, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        renew_at = time.monotonic() + IDLE_RENEW
        while (left := deadline - time.monotonic()) > 0 and not self._stopping():
            step = min(left, max(renew_at - time.monotonic(), 0.01), STOP_CHECK)
            if read_ahead(client):    # came with the continuation: unseen by a socket poll
                _, responses = client.idle_done()
                client.idle()
            else:
                began = time.monotonic()
                responses = client.idle_check(timeout=step)
                if not responses and time.monotonic() - began < step - 0.05:
                    _raise_if_closed(client)  # idle_check swallows EOF and returns early
            for resp in responses:
                if resp[0] == b"BYE":
                    raise ConnectionAbortedError(f"server said BYE: {resp!r}")
                if _is_new_mail(resp):
                    return True
            if time.monotonic() >= renew_at:
                _, responses = client.idle_done()
                client.idle()
                renew_at = time.monotonic() + IDLE_RENEW
                if any(_is_new_mail(resp) for resp in responses):
                    return True
        return False

    def _poll(self, client: IMAPClient, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0 and not self._stopping():
            if self._stop is not None:
                self._stop.wait(min(left, self.poll_interval))
                if self._stop.is_set():
                    return False
            else:
                time.sleep(min(left, self.poll_interval))
            _, responses = client.noop()
            if any(_is_new_mail(r) for r in responses):
                return True
        return False


    def _stopping(self) -> bool:
        return self._stop is not None and self._stop.is_set()


def _is_new_mail(resp: tuple) -> bool:
    return len(resp) >= 2 and (resp[1] == b"EXISTS" or (resp[1] == b"RECENT" and resp[0]))


def _raise_if_closed(client: IMAPClient) -> None:
    sock = client.socket()
    try:
        if sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b"":
            raise ConnectionAbortedError("server closed the connection during IDLE")
    except BlockingIOError:
        pass
