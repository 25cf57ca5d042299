# SPDX-License-Identifier: AGPL-3.0-or-later
"""Mail domains: organizational domains (Public Suffix List) and domains many people share.

The organizational domain is DMARC's (RFC 7489 section 3.2): the registered name one label
below the longest public suffix. `go.id` and `ac.id` are public suffixes, so the organizational
domain of `disdik.pekalongankota.go.id` is `pekalongankota.go.id`, never `go.id`. The list is
the snapshot shipped inside the `publicsuffixlist` package; nothing is fetched at run time.

A shared domain is one whose addresses belong to many unrelated people: the free-mail
providers below, plus any the office lists (`[sender] shared_domains`, e.g. a local
government's common domain). An address there says nothing about the unit behind it, so such
a sender is known by its exact registered address only.
"""
from __future__ import annotations

from functools import lru_cache

from publicsuffixlist import PublicSuffixList

# Providers where anyone may open an address; checked with their subdomains.
FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.id", "ymail.com", "rocketmail.com",
    "outlook.com", "outlook.co.id", "hotmail.com", "hotmail.co.id", "live.com", "msn.com",
    "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com",
    "gmx.net", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "tutanota.com",
    "rediffmail.com", "qq.com", "163.com", "126.com", "plasa.com", "telkom.net",
})


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()           # the bundled snapshot; no download


def normal(domain: str | None) -> str:
    """A domain compared as DNS does: lower case, no trailing dot, IDN as ASCII (punycode).

    A name that cannot be encoded (a homoglyph mix IDNA refuses) is kept as given: it then
    simply equals no registered domain."""
    domain = (domain or "").strip().strip("<>").rstrip(".").lower()
    try:
        return domain.encode("idna").decode("ascii") if domain and not domain.isascii() \
            else domain
    except UnicodeError:
        return domain


def domain_of(address: str | None) -> str:
    """The domain of an address ('' when there is none)."""
    address = (address or "").strip().strip("<>")
    return normal(address.rpartition("@")[2]) if "@" in address else ""


def org_domain(domain: str | None) -> str:
    """The organizational domain, or '' when DOMAIN is itself a public suffix (or empty)."""
    domain = normal(domain)
    if not domain or "." not in domain:
        return ""
    return _psl().privatesuffix(domain) or ""


def relaxed_aligned(domain: str | None, from_domain: str | None) -> bool:
    """RFC 7489 relaxed alignment: both share one organizational domain."""
    org = org_domain(domain)
    return bool(org) and org == org_domain(from_domain)


def within(domain: str | None, base: str | None) -> bool:
    """DOMAIN is BASE or a subdomain of it (never a parent or a sibling)."""
    domain, base = normal(domain), normal(base)
    return bool(domain and base) and (domain == base or domain.endswith("." + base))


def shared(domain: str | None, extra: tuple[str, ...] | frozenset[str] = ()) -> bool:
    """Whether DOMAIN is a free-mail provider or a domain the office listed as shared."""
    return any(within(domain, d) for d in (*FREE_MAIL, *extra))
