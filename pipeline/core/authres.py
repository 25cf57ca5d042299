# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reading Authentication-Results (RFC 8601), ARC sets (RFC 8617) and Received headers.

Pure parsing, no judgement: which headers to believe and what they prove is
`pipeline.core.senderauth`. Every value comes from the sender's side of the wire until proved
otherwise, so the parser is linear on hostile input, skips what it cannot read and never
raises on garbage.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_HEADER_CHARS = 16_000


@dataclass(frozen=True)
class Result:
    """One resinfo: `dkim=pass header.d=example.go.id` is ("dkim", "pass", {"header.d": ...})."""
    method: str
    result: str
    props: dict[str, str] = field(default_factory=dict, compare=False)
    via: str = ""               # "" for our own server; "arc:<sealer>" for a vouched result


@dataclass(frozen=True)
class Header:
    authserv_id: str
    results: tuple[Result, ...]


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


def parse_header(value: str) -> Header | None:
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
        results.append(Result(method.split("/")[0].strip().lower(), result.lower(), props))
    return Header(head[0].strip('"').lower(), tuple(results))




def instance(value: str) -> tuple[int | None, str]:
    """An ARC header's `i=` instance and the rest of its value (RFC 8617 section 4.1)."""
    match = re.match(r"\s*i\s*=\s*(\d{1,3})\s*;?", value or "")
    return (int(match.group(1)), value[match.end():]) if match else (None, value or "")


def tags(value: str) -> dict[str, str]:
    """The tag=value list of an ARC-Seal or DKIM-Signature (RFC 6376 section 3.2)."""
    out = {}
    for part in re.sub(r"\s+", "", value or "")[:MAX_HEADER_CHARS].split(";"):
        key, eq, val = part.partition("=")
        if eq and key and key.lower() not in out:
            out[key.lower()] = val
    return out


_NOISE = frozenset({"helo", "ehlo", "with", "port", "envelope-from", "unknown"})


@dataclass(frozen=True)
class Hop:
    """One Received header: who added it (`by`) and what it says it received from."""
    by: str
    client: tuple[str, ...]     # the names and addresses in its from-clause; () when local


def parse_received(value: str) -> Hop:
    """The `by` host and the `from` clause's names of one Received header (RFC 5321 4.4)."""
    text = _strip_quoted_comments(re.sub(r"\s+", " ", (value or "")[:MAX_HEADER_CHARS]))
    body = text.rpartition(";")[0] if ";" in text else text
    by = re.search(r"(?:^|\s)by\s+([^\s;()]+)", body, re.I)
    clause = re.match(r"\s*from\s+(.*?)(?:\sby\s|$)", body, re.I)
    names: tuple[str, ...] = ()
    if clause:
        words = re.findall(r"[\w.:\-]+", clause.group(1))
        names = tuple(w.strip(".").lower() for w in words
                      if w.lower() not in _NOISE and w.strip("."))
        if not names:
            names = ("?",)          # a from-clause we cannot read is a stranger's
    return Hop(by.group(1).rstrip(".").lower() if by else "", names)


def _strip_quoted_comments(value: str) -> str:
    """A Received header's parenthesised TCP-info is data here, so only drop the parentheses."""
    return value.replace("(", " ").replace(")", " ")
