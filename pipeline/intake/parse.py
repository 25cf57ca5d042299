# SPDX-License-Identifier: AGPL-3.0-or-later
"""Stage 2: raw message bytes in, plain `ParsedMessage` out (mail-parser underneath).

Nothing here touches the disk or the database. Attachment names are decoded and sanitised so
they are safe to show; they are never used as paths (files are stored by content hash).
"""
from __future__ import annotations

import base64
import email
import email.errors
import email.policy
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.header import Header, decode_header
from email.utils import getaddresses, parseaddr

import mailparser

from pipeline.core.config import Limits


class Unparseable(Exception):
    """The message cannot be read as e-mail; `str()` says why, for the failed folder.
    `partial` holds what its top header block still tells (From, Subject, Date, Message-ID),
    so the clerk knows whose mail was refused; None when not even that is readable."""
    partial: "ParsedMessage | None" = None


@dataclass(frozen=True)
class Part:
    filename: str
    content_type: str
    payload: bytes


@dataclass(frozen=True)
class ParsedMessage:
    message_id: str | None
    from_addr: str | None
    from_name: str | None
    subject: str
    sent_at: datetime | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    text: str
    html: str
    attachments: tuple[Part, ...] = field(default=())
    auto_submitted: bool = False
    recipients: tuple[str, ...] = ()          # To, Cc, Delivered-To, X-Original-To
    auth_results: tuple[str, ...] = ()        # Authentication-Results, topmost first
    trace: tuple[tuple[str, str], ...] = ()   # TRACE headers (name, value), topmost first

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Every Message-ID this message says it answers, nearest first."""
        return tuple(dict.fromkeys(self.in_reply_to + tuple(reversed(self.references))))


# What pipeline.core.senderauth reads to decide who sent a message, in header order.
TRACE = frozenset({"received", "authentication-results", "arc-seal",
                   "arc-authentication-results", "from", "sender"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_MSGID = re.compile(r"<[^<>\s]+>")


def safe_filename(name: str | None, fallback: str = "lampiran") -> str:
    """A display name with no path, no control or bidi characters, and a sane length."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = _CONTROL.sub("", name).strip().lstrip(".").strip()
    if len(name) > 150:
        stem, dot, ext = name.rpartition(".")
        name = (stem[:140] + dot + ext[:9]) if dot and len(ext) < 10 else name[:150]
    return name or fallback


def _ids(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, (list, tuple)):
        value = " ".join(value)
    return tuple(_MSGID.findall(str(value)))


def _mime_shape_ok(message, limits: Limits) -> None:
    """Refuse absurd nesting or part counts, walking the tree without recursion."""
    stack, count = [(message, 1)], 0
    while stack:
        part, depth = stack.pop()
        count += 1
        if depth > limits.max_mime_depth:
            raise Unparseable(f"MIME nesting deeper than {limits.max_mime_depth} levels")
        if count > limits.max_parts:
            raise Unparseable(f"more than {limits.max_parts} MIME parts")
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list):
            stack.extend((child, depth + 1) for child in payload)


def parse(raw: bytes, limits: Limits = Limits()) -> ParsedMessage:
    try:
        return _parse(raw, limits)
    except Unparseable as err:
        err.partial = headers_only(raw)
        raise


HEAD_BYTES = 256 * 1024
HEADER_CHARS = 4096


def headers_only(raw: bytes) -> ParsedMessage | None:
    """The top header block alone, never the MIME tree: what a refused message still says."""
    from email.parser import BytesHeaderParser
    from email.utils import parsedate_to_datetime
    block = re.split(rb"\r?\n\r?\n", raw[:HEAD_BYTES], maxsplit=1)[0]
    try:
        head = BytesHeaderParser(policy=email.policy.compat32).parsebytes(block + b"\n\n")
    except Exception:                            # noqa: BLE001 - nothing readable at all
        return None
    text = {k: _one_line(head, k) for k in ("From", "Subject", "Date", "Message-ID")}
    name, addr = parseaddr(text["From"])
    try:
        sent_at = parsedate_to_datetime(text["Date"]) if text["Date"] else None
    except (TypeError, ValueError, IndexError):
        sent_at = None
    if sent_at is not None and sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=timezone.utc)
    if not (addr or text["Message-ID"] or text["Subject"]):
        return None
    return ParsedMessage(message_id=(_ids(text["Message-ID"]) or (None,))[0],
                         from_addr=addr.lower()[:320] or None, from_name=name[:200] or None,
                         subject=text["Subject"][:998], sent_at=sent_at, in_reply_to=(),
                         references=(), text="", html="")


def _one_line(head, name: str) -> str:
    """A header's value decoded (RFC 2047), unfolded, with no control characters; only its
    first HEADER_CHARS are decoded (the decoder is slow on thousands of encoded words)."""
    try:
        raw = re.sub(r"\r?\n(?=[ \t])", "", str(head.get(name) or ""))[:HEADER_CHARS]
        value = str(email.policy.default.header_factory(name, raw))
    except Exception:                            # noqa: BLE001 - a malformed header
        value = ""
    return _CONTROL.sub(" ", value).strip()


def _parse(raw: bytes, limits: Limits) -> ParsedMessage:
    if len(raw) > limits.max_message_bytes:
        raise Unparseable(f"message is {len(raw):,} bytes; the limit is "
                          f"{limits.max_message_bytes:,}")
    if not raw.strip():
        raise Unparseable("empty message")
    try:
        mail = mailparser.parse_from_bytes(raw)
    except RecursionError:
        raise Unparseable(f"MIME nesting deeper than {limits.max_mime_depth} levels") from None
    except Exception as err:                     # mail-parser raises many kinds
        raise Unparseable(f"not readable as e-mail: {type(err).__name__}: {err}") from err
    _mime_shape_ok(mail.message, limits)
    headers = {k.lower(): v for k, v in (mail.headers or {}).items()}
    if not headers.get("from") and not headers.get("message-id"):
        raise Unparseable("no From or Message-ID header: not an e-mail message")

    name, addr = parseaddr(str(headers.get("from", "")))
    if not addr and mail.from_:
        name, addr = mail.from_[0]
    sent_at = mail.date if isinstance(mail.date, datetime) else None
    if sent_at is not None and sent_at.tzinfo is None:
        sent_at = sent_at.replace(tzinfo=timezone.utc)

    parts = []
    for att in mail.attachments[: limits.max_parts]:
        ctype = (att.get("mail_content_type") or "application/octet-stream").lower()
        if ctype == "message/rfc822":
            continue          # mail-parser already lists the forwarded message's own parts
        payload = att["payload"]
        try:
            data = (base64.b64decode(payload) if att.get("binary")
                    else payload.encode(att.get("charset") or "utf-8", "replace"))
        except (ValueError, LookupError) as err:
            raise Unparseable(f"attachment {safe_filename(att.get('filename'))!r} is not "
                              f"decodable: {err}") from err
        parts.append(Part(safe_filename(att.get("filename")), ctype, data))

    raw_headers = mail.message
    recipients = tuple(dict.fromkeys(a.lower() for _, a in getaddresses(
        [str(v) for name in ("To", "Cc", "Delivered-To", "X-Original-To")
         for v in raw_headers.get_all(name, [])]) if a))
    auth_results = tuple(str(v) for v in raw_headers.get_all("Authentication-Results", []))
    trace = tuple((k.lower(), _text(v)) for k, v in raw_headers.items()[:400]
                  if k.lower() in TRACE)
    auto = str(headers.get("auto-submitted", "no")).lower() not in ("", "no") or \
        str(headers.get("precedence", "")).lower() in ("bulk", "junk", "auto_reply")
    return ParsedMessage(
        message_id=(_ids(headers.get("message-id")) or (None,))[0],
        from_addr=addr.lower() or None, from_name=name or None,
        subject=(mail.subject or "").strip(), sent_at=sent_at,
        in_reply_to=_ids(headers.get("in-reply-to")), references=_ids(headers.get("references")),
        text="\n".join(mail.text_plain), html="\n".join(mail.text_html),
        attachments=tuple(parts), auto_submitted=auto, recipients=recipients,
        auth_results=auth_results, trace=trace)


def _text(value) -> str:
    """A raw header value as text: 8-bit (SMTPUTF8) bytes read as UTF-8, not as escapes.
    Encoded words stay encoded, so a comma in a display name never splits an address list."""
    if isinstance(value, Header):
        return "".join(part.decode("utf-8", "replace") if isinstance(part, bytes) else part
                       for part, _ in decode_header(value))
    return str(value)


def addresses(value: str) -> list[str]:
    return [a.lower() for _, a in getaddresses([value]) if a]
