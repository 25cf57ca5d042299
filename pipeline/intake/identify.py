# SPDX-License-Identifier: AGPL-3.0-or-later
"""Which OPD sent this? An exact address wins; a known domain needs the letter to name the unit.

Several units of one local government share a mail domain, so a domain alone identifies a unit
only when exactly one OPD uses it, or when the letter's sending unit matches one of them. A
domain many unrelated people share (free mail, or one the office lists as shared) never
identifies anyone: an OPD there is known by its exact registered address only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.maildomains import shared as is_shared
from pipeline.core.rules import Opd


@dataclass(frozen=True)
class Identification:
    opd: Opd | None
    how: str          # "address", "domain", "domain+letter", or why not


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.lower())).strip()


def _names(opd: Opd) -> set[str]:
    return {_norm(n) for n in (opd.name, *opd.aliases) if n}


def match_unit(opds: tuple[Opd, ...] | list[Opd], unit: str | None) -> Opd | None:
    """The OPD whose name or alias is the unit named in a letter, if exactly one is."""
    if not unit:
        return None
    wanted = _norm(unit)
    hits = [o for o in opds if wanted in _names(o)]
    return hits[0] if len(hits) == 1 else None


def identify(opds: tuple[Opd, ...], email: str | None, letter_unit: str | None,
             shared: tuple[str, ...] = ()) -> Identification:
    if not email or "@" not in email:
        return Identification(None, "the message has no sender address")
    email = email.lower()
    exact = [o for o in opds if email in (e.lower() for e in o.emails)]
    if len(exact) == 1:
        return Identification(exact[0], "address")
    domain = email.rsplit("@", 1)[1]
    if is_shared(domain, shared) and not exact:
        return Identification(None, f"alamat {email} tidak terdaftar; {domain} adalah domain "
                                    f"surel bersama, sehingga OPD di sana dikenali hanya dari "
                                    f"alamat terdaftarnya")
    same_domain = exact or [o for o in opds if domain in (d.lower() for d in o.domains)]
    if not same_domain:
        return Identification(None, f"sender {email} is not a known OPD address or domain")
    by_letter = match_unit(same_domain, letter_unit)
    if by_letter:
        return Identification(by_letter, "domain+letter")
    if len(same_domain) == 1:
        return Identification(same_domain[0], "domain")
    return Identification(None, f"domain {domain} is shared by {len(same_domain)} OPDs and the "
                                f"letter does not name one of them")
