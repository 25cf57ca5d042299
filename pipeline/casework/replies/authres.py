# SPDX-License-Identifier: AGPL-3.0-or-later
"""Was a reply really sent by its From address? Read from Authentication-Results (RFC 8601).

Anyone can put an Authentication-Results header in the mail they send, so only headers added
by our own receiving server count: those whose authserv-id is the configured one, and only the
run of them at the top (headers a sender forged sit below every header added in transit). With
no authserv-id configured, only the topmost header counts. Our MTA should also strip incoming
headers carrying its own id (RFC 8601 section 5); Postfix with OpenDKIM/OpenDMARC or rspamd do.

Alignment: a DKIM signature counts when its d= (or i=) domain is the sender's domain or a parent
of it; SPF counts when the smtp.mailfrom domain is. Parents must have at least two labels, so
a single-label d=id or d=com never aligns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.errors import ConfigError

POLICIES = ("require", "prefer", "off")
NEGATIVE = frozenset({"fail", "softfail", "permerror", "policy"})
MAX_HEADERS = 50
MAX_HEADER_CHARS = 16_000


@dataclass(frozen=True)
class AuthVerdict:
    dkim: str = "none"          # pass | fail | none | neutral | policy | temperror | permerror
    spf: str = "none"           # pass | fail | softfail | neutral | none | temperror | permerror
    present: bool = False       # a trustworthy Authentication-Results header was found
    authserv_id: str = ""       # the id of the header(s) used
    dkim_domain: str = ""       # the aligned d= the dkim result is for
    spf_domain: str = ""        # the aligned smtp.mailfrom domain the spf result is for


@dataclass(frozen=True)
class _Header:
    authserv_id: str
    results: tuple[tuple[str, str, dict[str, str]], ...]    # (method, result, properties)


def _strip_comments(value: str) -> str:
    """Remove (nested) comments, keeping quoted strings intact."""
    out, depth, quoted, escaped = [], 0, False, False
    for ch in value:
        if escaped:
            escaped = False
            if not depth:
                out.append(ch)
            continue
        if ch == "\\" and (quoted or depth):
            escaped = True
            if not depth:
                out.append(ch)
            continue
        if quoted:
            quoted = ch != '"'
            out.append(ch)
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif not depth:
            quoted = ch == '"'
            out.append(ch)
    return "".join(out)


def _split(value: str) -> list[str]:
    parts, current, quoted = [], [], False
    for ch in value:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts]


# Every alternative consumes at least one character and none can fail after a long scan, so
# tokenising is linear even on hostile input (a quoted string may lack its closing quote).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[^\s="]+(?:\s*=\s*(?:"(?:[^"\\]|\\.)*"?|[^\s"]*))?|\S')


def _pairs(part: str) -> list[tuple[str, str]]:
    """key=value pairs of one resinfo, in order; stray words are skipped."""
    pairs = []
    for token in _TOKEN.findall(part):
        key, eq, value = token.partition("=")
        if eq and key.strip() and not key.startswith('"'):
            pairs.append((key.strip(), value.strip().strip('"')))
    return pairs


def parse_header(value: str) -> _Header | None:
    """One Authentication-Results value, or None when it has no authserv-id."""
    value = re.sub(r"^\s*authentication-results\s*:", "", value[:MAX_HEADER_CHARS], flags=re.I)
    parts = _split(_strip_comments(re.sub(r"\r?\n[ \t]+", " ", value)))
    head = parts[0].split()
    if not head or "=" in head[0]:
        return None
    results = []
    for part in parts[1:]:
        pairs = _pairs(part)
        if not pairs:
            continue                                # "none", or an empty trailing part
        method, result = pairs[0]
        props = {k.lower(): v.lower() for k, v in pairs[1:]}
        results.append((method.split("/")[0].strip().lower(), result.lower(), props))
    return _Header(head[0].strip('"').lower(), tuple(results))


def _domain(value: str) -> str:
    return value.rpartition("@")[2].strip().strip("<>").rstrip(".").lower()


def aligned(domain: str, sender_domain: str) -> bool:
    """DOMAIN is the sender's domain or a parent of it with at least two labels."""
    if not domain or not sender_domain:
        return False
    return domain == sender_domain or (domain.count(".") >= 1
                                       and sender_domain.endswith("." + domain))


def _trusted(headers: list[str], authserv_id: str | None) -> list[_Header]:
    parsed = [parse_header(h) for h in list(headers or [])[:MAX_HEADERS]]
    if not authserv_id:
        return [parsed[0]] if parsed and parsed[0] else []
    wanted, run = authserv_id.strip().lower(), []
    for header in parsed:
        if header is not None and header.authserv_id == wanted:
            run.append(header)
        elif run:
            break                       # the run at the top has ended
    return run


def verdict(headers: list[str], sender: str | None, authserv_id: str | None) -> AuthVerdict:
    """DKIM and SPF results for SENDER's domain, from the trustworthy headers only."""
    trusted = _trusted(headers, authserv_id)
    if not trusted:
        return AuthVerdict()
    sender_domain = _domain(sender or "") if "@" in (sender or "") else ""
    dkim = spf = None
    for header in trusted:
        for method, result, props in header.results:
            if method == "dkim":
                d = props.get("header.d") or _domain(props.get("header.i", ""))
                if aligned(d, sender_domain) and (dkim is None or
                                                  (result == "pass" and dkim[0] != "pass")):
                    dkim = (result, d)
            elif method == "spf":
                mailfrom = _domain(props.get("smtp.mailfrom", ""))
                if aligned(mailfrom, sender_domain) and (spf is None or
                                                         (result == "pass" and spf[0] != "pass")):
                    spf = (result, mailfrom)
    return AuthVerdict(dkim=dkim[0] if dkim else "none", spf=spf[0] if spf else "none",
                       present=True, authserv_id=trusted[0].authserv_id,
                       dkim_domain=dkim[1] if dkim else "", spf_domain=spf[1] if spf else "")


def allowed(v: AuthVerdict, policy: str) -> tuple[bool, str]:
    """Whether to act on the reply under POLICY, and why (in English, for logs and notices).

    require: DKIM or SPF must pass for the sender's domain; no trustworthy header refuses.
    prefer:  refuse only when a trustworthy header exists, neither passes, and at least one
             is negative (fail, softfail, permerror, policy); none/neutral/temperror pass.
    off:     always allowed.
    """
    if policy not in POLICIES:
        raise ConfigError(f"workflow.auth_policy must be one of {', '.join(POLICIES)}, "
                          f"not {policy!r}")
    if policy == "off":
        return True, "sender authentication is not checked (auth_policy = off)"
    results = f"dkim={v.dkim}, spf={v.spf}"
    if v.dkim == "pass":
        return True, f"DKIM passed for {v.dkim_domain}"
    if v.spf == "pass":
        return True, f"SPF passed for {v.spf_domain}"
    if not v.present:
        if policy == "require":
            return False, ("no Authentication-Results header from our own mail server, so the "
                           "sender cannot be verified (auth_policy = require)")
        return True, "no Authentication-Results header from our own mail server; accepted " \
                     "(auth_policy = prefer)"
    if policy == "require":
        return False, (f"neither DKIM nor SPF passed for the sender's domain ({results}); "
                       f"the reply may be forged (auth_policy = require)")
    if v.dkim in NEGATIVE or v.spf in NEGATIVE:
        return False, (f"sender authentication failed ({results}); the reply may be forged "
                       f"(auth_policy = prefer)")
    return True, f"sender not authenticated but nothing failed ({results}); accepted " \
                 f"(auth_policy = prefer)"
