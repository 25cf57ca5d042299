# SPDX-License-Identifier: AGPL-3.0-or-later
"""How an outgoing message leaves: SMTP (implicit TLS, STARTTLS, plain for loopback) or a folder.

The transport only moves bytes; the outbox decides when and how often. A failure says whether it
is worth retrying (`temporary`) and whether the server may have taken the message anyway
(`uncertain`: the connection broke after the whole message went out but before the reply), because
resending in that case could deliver it twice.
"""
from __future__ import annotations

import hashlib
import re
import smtplib
import ssl
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from pathlib import Path
from typing import Callable, Protocol
from urllib.parse import unquote, urlsplit

from pipeline.core.errors import ConfigError, ParafError
from pipeline.core.store import atomic_write

SMTP_TIMEOUT = 60           # seconds per socket operation
DEFAULT_PORTS = {"smtps": 465, "smtp+starttls": 587, "smtp": 25}


class TransportError(ParafError):
    """Delivery failed. `temporary`: try again later; `uncertain`: the server may have it."""

    def __init__(self, message: str, *, temporary: bool, uncertain: bool = False):
        super().__init__(message)
        self.temporary = temporary
        self.uncertain = uncertain


class Transport(Protocol):
    def send(self, raw: bytes, from_addr: str, to_addrs: list[str]) -> dict[str, str]:
        """Deliver RAW; returns the recipients the server refused while taking the rest."""

    def already_sent(self, message_id: str) -> bool | None:
        """Whether the message demonstrably left; None when this transport cannot tell."""

    def close(self) -> None: ...


def safe_name(message_id: str) -> str:
    """A file name for a Message-ID: readable, no path tricks, and distinct for distinct IDs."""
    core = message_id.strip().strip("<>")
    name = re.sub(r"[^A-Za-z0-9._@+=-]", "_", core)[:150].lstrip(".") or "message"
    if name != core:
        name += "-" + hashlib.sha256(message_id.encode("utf-8", "replace")).hexdigest()[:12]
    return name


def message_id_of(raw: bytes) -> str:
    headers = BytesHeaderParser(policy=default_policy).parsebytes(raw)
    mid = str(headers.get("Message-ID") or "").strip()
    if not mid:
        raise TransportError("message has no Message-ID", temporary=False)
    return mid


@dataclass
class FileTransport:
    """Writes each message as <message-id>.eml into a folder: for tests, demos and air gaps."""
    folder: Path

    def path_for(self, message_id: str) -> Path:
        return self.folder / f"{safe_name(message_id)}.eml"

    def send(self, raw: bytes, from_addr: str, to_addrs: list[str]) -> dict[str, str]:
        try:
            atomic_write(self.path_for(message_id_of(raw)), raw)
        except OSError as err:
            raise TransportError(f"cannot write to {self.folder}: {err}", temporary=True) from err
        return {}

    def already_sent(self, message_id: str) -> bool | None:
        return self.path_for(message_id).exists()

    def close(self) -> None:
        pass


def _crlf(raw: bytes) -> bytes:
    return re.sub(rb"\r?\n", b"\r\n", raw)


def _code_error(what: str, code: int, resp: bytes | str) -> TransportError:
    text = resp.decode("utf-8", "replace") if isinstance(resp, bytes) else str(resp)
    return TransportError(f"{what}: {code} {text}".strip(), temporary=400 <= code < 500)


@dataclass
class SmtpTransport:
    """One connection, opened on the first send and reused for the rest of the batch."""
    scheme: str
    host: str
    port: int
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = SMTP_TIMEOUT
    # Hook: something that can look for a Message-ID in the Sent folder (e.g. over IMAP).
    sent_checker: Callable[[str], bool | None] | None = None
    _conn: smtplib.SMTP | None = field(default=None, init=False, repr=False)

    def _connect(self) -> smtplib.SMTP:
        """Connection and login problems are never the message's fault, so they are temporary."""
        where = f"{self.scheme}://{self.host}:{self.port}"
        context = ssl.create_default_context()
        conn = None
        try:
            if self.scheme == "smtps":
                conn = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
            else:
                conn = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            conn.ehlo()
            if self.scheme == "smtp+starttls":
                conn.starttls(context=context)
                conn.ehlo()
            if self.user:
                conn.login(self.user, self.password or "")
        except (OSError, smtplib.SMTPException) as err:
            if conn is not None:
                conn.close()
            raise TransportError(f"cannot open {where}: {err}", temporary=True) from err
        return conn

    def _connection(self) -> smtplib.SMTP:
        """Reuse the open connection if it still answers; a NOOP is safe to lose, DATA is not."""
        if self._conn is not None:
            try:
                if self._conn.noop()[0] == 250:
                    return self._conn
            except (OSError, smtplib.SMTPException):
                pass
            self.close()
        self._conn = self._connect()
        return self._conn

    def send(self, raw: bytes, from_addr: str, to_addrs: list[str]) -> dict[str, str]:
        conn = self._connection()
        try:
            return self._transaction(conn, _crlf(raw), from_addr, to_addrs)
        except TransportError:
            raise
        except (OSError, smtplib.SMTPException) as err:
            # Broke before the end of DATA: the server cannot have accepted it.
            self.close()
            raise TransportError(f"connection lost: {err}", temporary=True) from err

    def _transaction(self, conn: smtplib.SMTP, raw: bytes, from_addr: str,
                     to_addrs: list[str]) -> dict[str, str]:
        """sendmail() spelled out, to tell "refused" from "lost after the final dot"."""
        options = []
        if any(b > 127 for b in raw) and conn.has_extn("8bitmime"):
            options.append("BODY=8BITMIME")
        code, resp = conn.mail(from_addr, options)
        if code != 250:
            self._reset(conn)
            raise _code_error(f"sender {from_addr} refused", code, resp)
        refused: dict[str, tuple[int, bytes]] = {}
        for addr in to_addrs:
            code, resp = conn.rcpt(addr)
            if code not in (250, 251):
                refused[addr] = (code, resp)
        if len(refused) == len(to_addrs):
            self._reset(conn)
            temporary = any(400 <= c < 500 for c, _ in refused.values())
            detail = "; ".join(f"{a}: {c} {r.decode('utf-8', 'replace')}"
                               for a, (c, r) in refused.items())
            raise TransportError(f"all recipients refused: {detail}", temporary=temporary)
        code, resp = conn.docmd("DATA")
        if code != 354:
            self._reset(conn)
            raise _code_error("DATA refused", code, resp)
        body = re.sub(rb"(?m)^\.", b"..", raw)
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        conn.send(body + b".\r\n")
        try:
            code, resp = conn.getreply()
        except (OSError, smtplib.SMTPException) as err:
            self.close()
            raise TransportError(f"connection lost after the message was sent, before the "
                                 f"server answered: {err}", temporary=True, uncertain=True) from err
        if code != 250:
            self._reset(conn)
            raise _code_error("message refused", code, resp)
        return {a: f"{c} {r.decode('utf-8', 'replace')}" for a, (c, r) in refused.items()}

    def _reset(self, conn: smtplib.SMTP) -> None:
        try:
            conn.rset()
        except (OSError, smtplib.SMTPException):
            self.close()

    def already_sent(self, message_id: str) -> bool | None:
        return self.sent_checker(message_id) if self.sent_checker else None

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            conn.quit()
        except (OSError, smtplib.SMTPException):
            conn.close()


def open_transport(cfg) -> Transport:
    """The transport named by cfg.smtp; nothing connects until the first send."""
    parts = urlsplit(cfg.smtp)
    if parts.scheme == "file":
        return FileTransport(cfg.url_path(cfg.smtp))
    if parts.scheme not in DEFAULT_PORTS:
        raise ConfigError(f"config: 'smtp' has an unknown scheme '{parts.scheme}'")
    if not parts.hostname:
        raise ConfigError("config: 'smtp' must name a host, e.g. smtps://user@mail.example:465")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as err:
        raise ConfigError(f"config: 'smtp' has an invalid port: {err}") from err
    user = unquote(parts.username) if parts.username else None
    transport = SmtpTransport(parts.scheme, parts.hostname, port, user, cfg.smtp_password)
    if cfg.outbox.sent_folder and urlsplit(cfg.intake).scheme.startswith("imap"):
        from pipeline.mail.sentcheck import ImapSentFolder
        transport.sent_checker = ImapSentFolder(cfg.intake, cfg.imap_password,
                                                cfg.outbox.sent_folder)
    return transport
