# SPDX-License-Identifier: AGPL-3.0-or-later
"""Every header Paraf writes is one line, whatever a sender or visitor typed.

Names, subjects (a letter's hal), file names and notes come from outside and reach To,
Subject and Content-Disposition. `POLICY` flattens line breaks and control characters to a
space when a header is set, so no input can add a header or break one (and no mail fails on
a stray newline); `check` in the outbox re-reads each spooled message and refuses one whose
header block differs from what was set. Every outgoing message is made by `new_message`.
"""
from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import EmailPolicy, compat32
from email.utils import formataddr

from pipeline.core.errors import ParafError

# C0 controls but tab, DEL, C1 controls (NEL), and the Unicode line and paragraph separators
BREAKS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]+")
FOLD = re.compile(r"\r?\n[ \t]")
NAME_MAX = 200           # characters of a display name, and of a parameter (a file name)


class HeaderError(ParafError):
    """A message whose header block is not what Paraf set (an injection attempt)."""


def flat(value: str) -> str:
    """VALUE on one line: every run of line breaks and control characters becomes a space."""
    return BREAKS.sub(" ", value)


ADDRESS_HEADERS = {"from", "to", "cc", "bcc", "reply-to", "sender"}


def _literal(name: str, value: str) -> str:
    """VALUE whose encoded words decode to a line break (or fail to decode), made harmless:
    unstructured text is decoded and flattened; in an address header, where decoding could
    change the addresses, the encoded-word opener is broken so the text stays literal."""
    if name.lower() not in ADDRESS_HEADERS:
        for _ in range(3):                       # double-encoded text decodes again
            try:
                value = flat(str(make_header(decode_header(value))))
            except (HeaderParseError, UnicodeError, LookupError, ValueError):
                break
            if "=?" not in value:
                return value
    return value.replace("=?", "=\u2060?")


def one_line(value: str) -> str:
    """Free text for a header set outside POLICY (compat32): flat, and no encoded word in it
    that decodes to a line break."""
    value = flat(value)
    return _literal("subject", value) if _hides_break(value) else value


def _hides_break(value: str) -> bool:
    """True when an encoded word in VALUE decodes to a line break (or does not decode)."""
    if "=?" not in value:
        return False
    try:
        return bool(BREAKS.search(str(make_header(decode_header(value)))))
    except (HeaderParseError, UnicodeError, LookupError, ValueError):
        return True


class _OneLine(EmailPolicy):
    def header_store_parse(self, name, value):
        if not isinstance(value, str):
            return super().header_store_parse(name, value)
        value = flat(value)
        if _hides_break(value):
            value = _literal(name, value)
        try:
            stored = super().header_store_parse(name, value)
        except (ValueError, HeaderParseError):   # an address part decoding to CR/LF
            stored = super().header_store_parse(name, _literal(name, value))
        text = str(stored[1])                    # decoded: a look-alike word may now show
        if BREAKS.search(text) or _hides_break(text):
            stored = super().header_store_parse(name, _literal(name, flat(text)))
        return self._short_names(name, stored)

    def fold(self, name, value):
        return self._addresses(name, value) or super().fold(name, value)

    def fold_binary(self, name, value):
        mine = self._addresses(name, value)
        return mine.encode("ascii") if mine else super().fold_binary(name, value)

    def _addresses(self, name, value) -> str | None:
        """An address header written by formataddr, which encodes a non-ASCII display name
        whole: CPython's folder leaves ',' ';' ':' of such a name bare, which turns one
        recipient's name into a group or a second address on the receiving side."""
        addresses = getattr(value, "addresses", None)
        if name.lower() not in ADDRESS_HEADERS or not addresses:
            return None
        text = ", ".join(formataddr((a.display_name or "", a.addr_spec), "utf-8")
                         for a in addresses)
        if not text.isascii() or len(text) + len(name) + 2 > 998:
            return None
        return f"{name}: {text}{self.linesep}"

    def _short_names(self, name, stored):
        """Display names past NAME_MAX are cut: the folder writes an empty line (the end of
        the headers) inside a display name longer than a line (CPython's folding)."""
        addresses = getattr(stored[1], "addresses", ())
        if not any(len(a.display_name) > NAME_MAX for a in addresses):
            return stored
        short = ", ".join(str(Address(display_name=a.display_name[:NAME_MAX],
                                      addr_spec=a.addr_spec)) for a in addresses)
        return super().header_store_parse(name, short)


POLICY = _OneLine(max_line_length=998)     # RFC 5322's limit: fold only what must be folded


def _param(value):
    return flat(value)[:NAME_MAX] if isinstance(value, str) else value


class _Message(EmailMessage):
    """Parameters (an attachment's file name) are flattened before they are encoded, where
    the policy could no longer see their line breaks; parts added to it are of this class."""

    def set_param(self, param, value, *args, **kwargs):
        return super().set_param(param, _param(value), *args, **kwargs)

    def add_header(self, _name, _value, **params):
        params = {k: _param(v) for k, v in params.items()}
        return super().add_header(_name, _value, **params)


def new_message() -> EmailMessage:
    """An outgoing message whose headers cannot carry a line break from their values."""
    return _Message(policy=POLICY)


def check(message, raw: bytes) -> None:
    """Raise HeaderError unless RAW (the serialised MESSAGE) has, part by part, exactly the
    headers MESSAGE was given, each one line once unfolded and decoded."""
    parsed = BytesParser(policy=compat32).parsebytes(raw)
    mine, theirs = list(message.walk()), list(parsed.walk())
    if len(mine) != len(theirs):
        raise HeaderError("the message's MIME parts changed when written")
    for ours, read in zip(mine, theirs):
        want = [k.lower() for k in ours.keys()]
        got = [k.lower() for k in read.keys()]
        if want != got:
            raise HeaderError(f"headers {sorted(set(got) ^ set(want))} appeared or vanished "
                              f"when the message was written")
        for key, value in read.items():
            if broken(key, value):
                raise HeaderError(f"header {key} carries a line break")


def broken(name: str, folded: str) -> bool:
    """True when a written header value, unfolded and decoded, still has a line break."""
    unfolded = FOLD.sub(" ", str(folded)).rstrip("\r\n")
    if re.search(r"[\r\n]", unfolded) or _hides_break(unfolded):
        return True
    try:
        decoded = str(POLICY.header_factory(name, unfolded))
    except Exception:                        # noqa: BLE001 - undecodable: judged as written
        return False
    return bool(BREAKS.search(decoded))
