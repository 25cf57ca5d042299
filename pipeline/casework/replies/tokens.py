# SPDX-License-Identifier: AGPL-3.0-or-later
"""Per-step reply tokens: which step, revision and stage a reply answers, unforgeably.

A token is lowercase base32 (no padding) of varint(step_id) varint(revision) varint(stage)
followed by the first 16 bytes (128 bits) of HMAC-SHA256 over a domain-separation prefix and
those varints. It travels in the Reply-To plus-address and in a subject tag, so it must be
short, case-insensitive and safe in an e-mail local part and a URL. Every value has exactly one
valid token: non-canonical varints or base32 padding bits are refused.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import typing
from dataclasses import dataclass

from pipeline.core.errors import ConfigError

MAC_BYTES = 16
MAX_VALUE = 2**63 - 1
MAX_TOKEN_CHARS = 64
MIN_SECRET_CHARS = 32
_DOMAIN = b"paraf/reply-token/v1\x00"
_TOKEN_CHARS = r"[a-z2-7]{31,64}"
_PLUS = re.compile(rf"\+p-({_TOKEN_CHARS})@", re.I)
_TAG = re.compile(rf"\[\s*paraf\s+p-({_TOKEN_CHARS})\s*\]", re.I)
MAX_CANDIDATES = 20


@dataclass(frozen=True)
class StepRef:
    step_id: int
    revision: int
    stage: int


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _read_varint(data: bytes, pos: int) -> tuple[int, int] | None:
    value = shift = 0
    for i in range(pos, min(len(data), pos + 9)):
        value |= (data[i] & 0x7F) << shift
        shift += 7
        if not data[i] & 0x80:
            return value, i + 1
    return None


def _mac(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, _DOMAIN + payload, hashlib.sha256).digest()[:MAC_BYTES]


def make_token(secret: bytes, step_id: int, revision: int, stage: int) -> str:
    """The token for one step at one revision and stage."""
    if not secret:
        raise ValueError("make_token needs a secret")
    for name, value in (("step_id", step_id), ("revision", revision), ("stage", stage)):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_VALUE:
            raise ValueError(f"{name} must be an integer from 0 to 2**63-1, not {value!r}")
    payload = _varint(step_id) + _varint(revision) + _varint(stage)
    raw = payload + _mac(secret, payload)
    return base64.b32encode(raw).decode("ascii").rstrip("=").lower()


def read_token(secret: bytes, token: str) -> StepRef | None:
    """The step a token names, or None when it is forged, altered, truncated or garbled."""
    if not secret or not isinstance(token, str) or not 0 < len(token) <= MAX_TOKEN_CHARS:
        return None
    token = token.strip().lower()
    if not re.fullmatch(r"[a-z2-7]+", token):
        return None
    try:
        raw = base64.b32decode(token.upper() + "=" * (-len(token) % 8))
    except (binascii.Error, ValueError):
        return None
    if base64.b32encode(raw).decode("ascii").rstrip("=").lower() != token:
        return None                               # non-canonical: stray padding bits
    values, pos = [], 0
    for _ in range(3):
        read = _read_varint(raw, pos)
        if read is None:
            return None
        value, pos = read
        values.append(value)
    payload, mac = raw[:pos], raw[pos:]
    if len(mac) != MAC_BYTES or not hmac.compare_digest(mac, _mac(secret, payload)):
        return None
    if payload != b"".join(_varint(v) for v in values) or max(values) > MAX_VALUE:
        return None
    return StepRef(*values)


def reply_address(mailbox: str, token: str) -> str:
    """konsultasi@x.go.id -> konsultasi+p-<token>@x.go.id (an existing +tag is replaced)."""
    local, at, domain = (mailbox or "").strip().rpartition("@")
    if not at or not local or not domain:
        raise ValueError(f"not an e-mail address: {mailbox!r}")
    if not re.fullmatch(_TOKEN_CHARS, token):
        raise ValueError("not a token made by make_token")
    return f"{local.split('+', 1)[0]}+p-{token}@{domain}"


def subject_tag(token: str) -> str:
    """The tag put in the subject, for replies whose client drops the Reply-To address."""
    return f"[PARAF p-{token}]"


def find_tokens(to_addrs: list[str], subject: str) -> list[str]:
    """Candidate tokens from recipient addresses (To, Cc, Delivered-To, X-Original-To) and the
    subject tag; unverified, so pass each through read_token."""
    found: list[str] = []
    for addr in (to_addrs or [])[:50]:
        found += [m.lower() for m in _PLUS.findall(str(addr)[:4000])]
    found += [m.lower() for m in _TAG.findall((subject or "")[:4000])]
    return list(dict.fromkeys(found))[:MAX_CANDIDATES]


def secret_from_env(env: typing.Mapping[str, str]) -> bytes:
    """The token secret from PARAF_SECRET, refusing a missing or short one by name."""
    value = env.get("PARAF_SECRET") or ""       # used as is, like config.load does
    if not value.strip():
        raise ConfigError("the environment variable PARAF_SECRET is not set; it must hold at "
                          f"least {MIN_SECRET_CHARS} random characters (it signs reply tokens)")
    if len(value) < MIN_SECRET_CHARS:
        raise ConfigError(f"the environment variable PARAF_SECRET has {len(value)} characters; "
                          f"it must have at least {MIN_SECRET_CHARS}")
    return value.encode("utf-8")
