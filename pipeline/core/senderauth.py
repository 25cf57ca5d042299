# SPDX-License-Identifier: AGPL-3.0-or-later
"""Did this person really send this message? One check for every message that can act.

Only our own receiving server's word counts (docs/security.md has the whole model):

* **Trusted headers.** An Authentication-Results header counts when its authserv-id is ours
  and it sits above the border hop: the first Received header (from the top) that our server
  did not add between its own machines. "Our server" is a `by` host in `our_hosts` (default:
  the authserv-id itself); a hop between our machines names only our hosts or loopback in its
  from-clause, so the first hop that took the message from anyone else is the border. A header
  with our id anywhere else was written by the sender: it is recorded as a forgery and the
  message fails. No border hop of ours at all means nothing is trusted.
* **DMARC semantics (RFC 7489).** The sender passes on `dmarc=pass` for its From domain, an
  aligned DKIM pass (`header.d`) or an aligned SPF pass (`smtp.mailfrom`). Aligned = same
  organizational domain (Public Suffix List). Results for another domain never count.
* **Officials (issue 24)** are held to their own domain: a DKIM or SPF pass counts only for the
  official's registered domain or a subdomain of it, and `dmarc=pass` alone does not count
  (it may be built from a sibling unit under the local government's shared domain).
* **Other RFC 8601 methods.** `auth=pass smtp.auth=<account>`: our submission server saw that
  account log in; the account must be the From address (else the message fails, whatever
  DKIM says, because our server signs for every colleague). `arc=pass`: our server validated
  the ARC chain; the newest set's Authentication-Results count only when its sealer is in
  `arc_sealers`. `iprev` proves only that the client's IP has matching DNS, nothing about
  the author: recorded, never decisive. `domainkeys`, `sender-id` (obsolete), `dkim-atps`,
  `vbr`, `rrvs`, `smime`, `dnswl`: never decisive.

Policies: `require` acts only on a pass; `prefer` additionally accepts a message our server
stamped nothing on (and refuses any failure even next to a pass); `off` checks nothing.
Reasons are Indonesian, because the clerk and the officials read them.
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from email.utils import getaddresses

from pipeline.core.authres import Header, Result, instance, parse_header, parse_received, tags
from pipeline.core.errors import ConfigError
from pipeline.core.maildomains import domain_of, normal, relaxed_aligned, within

POLICIES = ("auto", "require", "prefer", "off")
NEGATIVE = frozenset({"fail", "softfail", "permerror", "policy"})
MAX_TRACE = 200
FAILED = "pengirim gagal autentikasi"


@dataclass(frozen=True)
class Trust:
    """What the office's config says about its mail server."""
    policy: str                        # require | prefer | off (auto already resolved)
    authserv_id: str = ""
    our_hosts: frozenset[str] = frozenset()
    arc_sealers: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, workflow) -> "Trust":
        policy = workflow.auth_policy
        if policy not in POLICIES:
            raise ConfigError(f"workflow.auth_policy must be one of {', '.join(POLICIES)}, "
                              f"not {policy!r}")
        ident = normal(workflow.authserv_id)
        if policy == "auto":
            policy = "require" if ident else "prefer"
        hosts = {normal(h) for h in getattr(workflow, "our_hosts", ()) if h} or {ident}
        return cls(policy, ident, frozenset(h for h in hosts if h),
                   frozenset(normal(s) for s in getattr(workflow, "arc_sealers", ()) if s))


@dataclass(frozen=True)
class Evidence:
    """What our server said about a message, read from its header block (top first)."""
    results: tuple[Result, ...] = ()   # from our trusted headers (and trusted ARC sets)
    stamped: bool = False              # our server added at least one header
    forged: tuple[str, ...] = ()       # why a header claiming our id cannot be ours
    froms: tuple[str, ...] = ()        # every address in every From header
    sender: str = ""                   # the Sender header's address, if any


@dataclass(frozen=True)
class SenderCheck:
    ok: bool
    reason: str                        # Indonesian, for the clerk, the official and the log
    code: str                          # short and stable, for tests and events: pass:dkim, ...


def _ours(name: str, trust: Trust) -> bool:
    if name in trust.our_hosts or name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name.strip("[]").removeprefix("ipv6:")).is_loopback
    except ValueError:
        return False


def evidence(trace, trust: Trust) -> Evidence:
    """Read TRACE, the (lower-case name, value) header pairs top first, as `trust` says."""
    trace = list(trace or ())[:MAX_TRACE]
    froms = tuple(a.lower() for _, a in getaddresses([v for n, v in trace if n == "from"]))
    senders = [a.lower() for _, a in getaddresses([v for n, v in trace if n == "sender"]) if a]
    if not trust.authserv_id:
        return Evidence(froms=froms, sender=senders[0] if senders else "")
    border = None
    for i, (name, value) in enumerate(trace):
        if name != "received":
            continue
        hop = parse_received(value)
        if hop.by not in trust.our_hosts:
            break                                   # a foreign server: nothing above is ours
        if not all(_ours(n, trust) for n in hop.client):
            border = i                              # our server took it from someone else
            break
    trusted: list[Header] = []
    forged = []
    for i, (name, value) in enumerate(trace):
        if name != "authentication-results":
            continue
        header = parse_header(value)
        if header is None or header.authserv_id != trust.authserv_id:
            continue
        if border is not None and i < border:
            trusted.append(header)
        else:
            forged.append(f"Authentication-Results dengan identitas {trust.authserv_id} di "
                          f"bawah header Received pertama dari luar (header ke-{i + 1})")
    results = [r for h in trusted for r in h.results]
    if border is not None:
        results += _arc(trace, border, results, trust)
    return Evidence(tuple(results), bool(trusted), tuple(forged), froms,
                    senders[0] if senders else "")


def _arc(trace, border: int, results, trust: Trust) -> list[Result]:
    """The newest forwarder's ARC results, when our server validated the chain (arc=pass) and
    that forwarder's sealer is one the office trusts. RFC 8617: a seal says only who vouches
    for the earlier results, never that they are right, hence the explicit list. Sets our own
    server added (above the border) are skipped; the chain's signatures are our server's job."""
    if not trust.arc_sealers or not any(r.method == "arc" and r.result == "pass"
                                        for r in results):
        return []
    seals: dict[int, str] = {}
    aars: dict[int, str] = {}
    for pos, (name, value) in enumerate(trace):
        if pos < border:
            continue
        if name == "arc-seal":
            seal = tags(value)
            if seal.get("i", "").isdigit():
                seals.setdefault(int(seal["i"]), normal(seal.get("d", "")))
        elif name == "arc-authentication-results":
            i, rest = instance(value)
            if i is not None:
                aars.setdefault(i, rest)
    if not seals:
        return []
    newest = max(seals)
    sealer = seals[newest]
    header = parse_header(aars.get(newest, ""))
    if header is None or not any(within(sealer, s) for s in trust.arc_sealers):
        return []
    return [Result(r.method, r.result, r.props, via=f"arc:{sealer}") for r in header.results
            if r.method != "arc"]


def _account_ok(account: str, address: str) -> bool:
    account, address = account.lower().strip(), address.lower()
    return account == address if "@" in account else account == address.partition("@")[0]


def check(trace, address: str | None, trust: Trust, *, own_domain: bool = False) -> SenderCheck:
    """Whether the message in TRACE was sent by ADDRESS (its From), under TRUST's policy.

    OWN_DOMAIN: an official's reply; only passes for ADDRESS's own domain (or a subdomain).
    """
    if trust.policy == "off":
        return SenderCheck(True, "autentikasi pengirim tidak diperiksa (auth_policy = off)",
                           "off")
    ev = evidence(trace, trust)
    address = (address or "").lower()
    if len(ev.froms) != 1 or ev.froms[0] != address:
        return SenderCheck(False, f"{FAILED}: header From harus berisi tepat satu alamat "
                                  f"({len(ev.froms)} ditemukan)", "fail:from")
    if ev.sender and ev.sender != address:
        return SenderCheck(False, f"{FAILED}: header Sender ({ev.sender}) berbeda dengan From "
                                  f"({address})", "fail:sender")
    if ev.forged:
        return SenderCheck(False, f"{FAILED}: header autentikasi palsu ({ev.forged[0]})",
                           "fail:forged")
    if not ev.stamped:
        if trust.policy == "prefer":
            return SenderCheck(True, "server surel kantor tidak mencantumkan hasil autentikasi; "
                                     "diterima tanpa verifikasi (auth_policy = prefer)",
                               "unstamped")
        return SenderCheck(False, "pengirim tidak dapat diverifikasi: server surel kantor tidak "
                                  "mencantumkan hasil autentikasi (SPF/DKIM/DMARC)",
                           "fail:unstamped")
    return _judge(ev.results, address, trust.policy, own_domain)


def _judge(results, address: str, policy: str, own_domain: bool) -> SenderCheck:
    from_domain = domain_of(address)

    def matches(domain: str) -> bool:
        domain = domain_of(domain) if "@" in domain else normal(domain)
        return within(domain, from_domain) if own_domain else \
            relaxed_aligned(domain, from_domain)

    arc_vouched = any(r.via for r in results)
    passes, negatives, elsewhere = [], [], []
    for r in results:
        if arc_vouched and not r.via and r.method in ("dkim", "spf", "dmarc"):
            continue                    # a trusted forwarder's view replaces our broken one
        if r.method == "auth":
            account = r.props.get("smtp.auth", "")
            if r.result == "pass" and account and not _account_ok(account, address):
                return SenderCheck(False, f"{FAILED}: dikirim dari akun {account}, bukan akun "
                                          f"{address}", "fail:auth-account")
            if r.result == "pass" and account:
                passes.append("auth")
            elif r.result in NEGATIVE:
                negatives.append("AUTH")
            continue
        if r.method == "dkim":
            domain = r.props.get("header.d") or domain_of(r.props.get("header.i", ""))
        elif r.method == "spf":
            domain = r.props.get("smtp.mailfrom") or r.props.get("smtp.helo", "")
        elif r.method == "dmarc":
            domain = r.props.get("header.from", "") or from_domain
            if normal(domain) != from_domain:
                continue                # a verdict about another From domain
            if r.result == "pass" and not own_domain:
                passes.append("dmarc")
            elif r.result in NEGATIVE:
                negatives.append("DMARC")
            continue
        else:
            continue                    # iprev, arc itself, obsolete methods: never decisive
        if not matches(domain):
            if r.result == "pass":
                elsewhere.append(f"{r.method.upper()} {normal(domain_of(domain) or domain)}")
            continue
        if r.result == "pass":
            passes.append(r.method)
        elif r.result in NEGATIVE:
            negatives.append(r.method.upper())
    if "DMARC" in negatives or (policy == "prefer" and negatives):
        return SenderCheck(False, f"{FAILED}: {'/'.join(dict.fromkeys(negatives))}",
                           "fail:" + "-".join(dict.fromkeys(negatives)).lower())
    if passes:
        return SenderCheck(True, f"pengirim terautentikasi ({passes[0].upper()} lulus untuk "
                                 f"{from_domain})", "pass:" + passes[0])
    if elsewhere:
        scope = "domain pejabat" if own_domain else "domain pengirim"
        return SenderCheck(False, f"{FAILED}: lulus hanya untuk domain lain "
                                  f"({', '.join(elsewhere)}), bukan {scope} {from_domain}",
                           "fail:unaligned")
    if negatives:
        return SenderCheck(False, f"{FAILED}: {'/'.join(dict.fromkeys(negatives))}",
                           "fail:" + "-".join(dict.fromkeys(negatives)).lower())
    return SenderCheck(False, f"{FAILED}: SPF/DKIM/DMARC tidak lulus untuk {from_domain}",
                       "fail:none")


def describe(trust: Trust) -> list[str]:
    """What the policy means for this office, for `paraf rules check` and the worker's start."""
    if trust.policy == "off":
        return ["PERINGATAN: auth_policy = off: pengirim tidak diperiksa sama sekali; hanya "
                "untuk pengujian. Balasan palsu dapat bertindak atas nama pejabat."]
    if trust.policy == "prefer":
        lines = ["auth_policy = prefer: pesan yang tidak dicap hasil autentikasi oleh server "
                 "kantor DITERIMA tanpa verifikasi; setiap kegagalan ditolak."]
        if not trust.authserv_id:
            lines.append("authserv_id belum diisi: tidak ada hasil autentikasi yang dipercaya, "
                         "jadi tidak ada pengirim yang diverifikasi.")
        return lines
    return [f"auth_policy = require: hanya pesan yang lulus autentikasi menurut "
            f"{trust.authserv_id} yang dapat bertindak."]
