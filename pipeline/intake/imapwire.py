# SPDX-License-Identifier: AGPL-3.0-or-later
"""Small IMAP exchanges the source needs: fetching what is still there, the namespace."""
from __future__ import annotations

import logging

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

log = logging.getLogger(__name__)


def gone(err: Exception) -> bool:
    """The server says the message was expunged meanwhile (another worker moved it)."""
    text = str(err).upper()
    return "EXPUNGEISSUED" in text or "NO LONGER EXIST" in text or "NONEXISTENT" in text


def missing_folder(err: Exception) -> bool:
    """The server says the folder to select does not exist (RFC 5530's NONEXISTENT; servers
    without response codes say it in words)."""
    text = str(err).upper()
    return "SELECT" in text and ("NONEXISTENT" in text or "EXIST" in text or "NOT FOUND" in text)


def fetch_present(client: IMAPClient, uids: list[int]) -> dict:
    """Bodies of UIDS; messages another session expunged meanwhile are left out quietly."""
    try:
        return client.fetch(uids, ["BODY.PEEK[]"])
    except IMAPClientError as err:
        if not gone(err):
            raise
    client.noop()                           # take in the EXPUNGE news, then one by one
    found = {}
    for uid in uids:
        try:
            found.update(client.fetch([uid], ["BODY.PEEK[]"]))
        except IMAPClientError as err:
            if not gone(err):
                raise
    return found


def personal_namespace(client: IMAPClient) -> tuple[str, str]:
    """(delimiter, prefix) of the personal namespace; ("/", "") when unknown."""
    try:
        if client.has_capability("NAMESPACE"):
            personal = client.namespace().personal
            if personal:
                prefix, delim = personal[0]
                return delim or "", prefix or ""
        listing = client.list_folders("", "")
        if listing and listing[0][1]:
            delim = listing[0][1]
            return (delim.decode() if isinstance(delim, bytes) else delim), ""
    except IMAPClientError as err:
        log.debug("namespace lookup failed: %s", err)
    return "/", ""


def read_ahead(client: IMAPClient) -> bool:
    """Lines the client has already read from the socket but not yet handed out.

    imaplib reads through a buffered file. When the server sends `+ idling` and `* 1 EXISTS`
    together (Dovecot does, for mail that came between the last SELECT and IDLE), reading the
    continuation pulls both into the buffer, and imapclient's idle_check, which polls the
    socket, never sees the EXISTS: the mail would wait for the next timeout. A non-blocking
    peek shows what is buffered without waiting for, or consuming, anything."""
    reader = getattr(client._imap, "file", None)
    if reader is None or not hasattr(reader, "peek"):
        return False
    sock = client.socket()
    timeout = sock.gettimeout()
    sock.setblocking(False)
    try:
        return bool(reader.peek(1))
    except OSError:          # nothing there (TLS says "want read"), or a closing socket
        return False
    finally:
        sock.settimeout(timeout)
