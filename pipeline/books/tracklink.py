# SPDX-License-Identifier: AGPL-3.0-or-later
"""The tracking link of a case that did not come through the web form (issue 19): a letter
by mail, a visitor at the desk, a complaint. The OPD gets the same kind of link a web requester
gets, `<base_url>/lacak/<code>`, in the receipt and in every answer to STATUS.

A web requester's code is random and shown once, so only its hash is kept. A letter's code
must be given again in every STATUS answer, yet still never be stored: it is derived, the
first 128 bits of HMAC-SHA256 under PARAF_SECRET over a domain prefix and the case's id,
base64url (22 characters). The database holds only its SHA-256 in `agenda_entries.
tracking_hash` (unique, the same column and hash as the web codes), written the first time
the link is given; every later time computes the same code and the same hash, so giving it
is idempotent, and two workers writing it at once write the same value. Without PARAF_SECRET
there is no link. A new secret makes new links (the hash is rewritten when next given), as it
makes new reply tokens.

The page behind the link (`web/pages/track_letter.py`) shows what a STATUS answer says and
nothing more: numbers, Hal, stage, the role holding it, the due date.
"""
from __future__ import annotations

import base64
import hmac
from hashlib import sha256

from pipeline.consult.register import tracking_hash
from pipeline.core.models import AgendaEntry

_DOMAIN = b"paraf/case-tracking/v1\x00"
WEB = "web"                     # the web form's cases carry their own random code


def code_for(secret: bytes, entry_id: int) -> str:
    mac = hmac.new(secret, _DOMAIN + str(entry_id).encode(), sha256).digest()[:16]
    return base64.urlsafe_b64encode(mac).decode("ascii").rstrip("=")


def url(cfg, code: str) -> str:
    return f"{cfg.web.base_url.rstrip('/')}/lacak/{code}"


def link(cfg, entry: AgendaEntry) -> str | None:
    """ENTRY's tracking link, its hash recorded on ENTRY in the caller's transaction; None for
    a web case (its requester has the code) or without a secret. ENTRY must have its id."""
    if entry.channel == WEB or not cfg.secret or entry.id is None:
        return None
    code = code_for(cfg.secret, entry.id)
    digest = tracking_hash(code)
    if entry.tracking_hash != digest:
        entry.tracking_hash = digest
    return url(cfg, code)


def matches(cfg, entry: AgendaEntry, code: str) -> bool:
    """CODE is ENTRY's derived code (the hash lookup found it; this proves the secret made it)."""
    if entry.channel == WEB or not cfg.secret:
        return False
    return hmac.compare_digest(code_for(cfg.secret, entry.id).encode(), (code or "").encode())
