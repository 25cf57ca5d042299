# SPDX-License-Identifier: AGPL-3.0-or-later
"""Is this mail an OPD asking where its letter is? (issue 19)

Recognised, in this order, only on what the sender typed (quotes and signatures removed by
the same reader the officials' replies use):

* the subject, or the first typed line, is `STATUS` or `STATUS <number>` (an agenda number or
  the OPD's own letter number): `Ask(number)`, or a list of the OPD's open cases;
* a reply in a thread whose typed text holds a phrase of rules/status.toml: `Ask(thread)`.

Never a status question: a mail with any file, a machine's mail, typed text longer than
`max_words`, or text with a `content_words` word (a new letter, a correction, an added
question must reach intake as such).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.casework.replies.quotes import fresh_text
from pipeline.intake.parse import ParsedMessage
from pipeline.intake.status_rules import StatusRules, normal

_PREFIX = re.compile(r"^\s*(?:(?:re|aw|sv|fw|fwd|bls|balas|tr)\s*:\s*)+", re.I)
_COMMAND = re.compile(r"^\s*status\s*(?::\s*)?(?P<number>[\w./-]*\d[\w./-]*)?\s*[.?!]*\s*$",
                      re.I)


@dataclass(frozen=True)
class Ask:
    how: str                  # "command" (subject or first line) or "phrase" (a thread reply)
    number: str | None        # the number asked about; None: the thread's case or the list


def _command(line: str) -> re.Match | None:
    return _COMMAND.match(_PREFIX.sub("", line or ""))


def recognise(parsed: ParsedMessage, rules: StatusRules) -> Ask | None:
    """The status question PARSED asks, or None when it is anything else."""
    if parsed.auto_submitted or parsed.attachments:
        return None
    typed = fresh_text(parsed.text, parsed.html)
    lines = [line.strip() for line in typed.splitlines() if line.strip()]
    words = normal(typed).split()
    if len(words) > rules.max_words:
        return None
    flat = f" {' '.join(words)} "
    if any(f" {w}" in flat for w in rules.content_words):
        return None
    hit = _command(parsed.subject) or (_command(lines[0]) if lines else None)
    if hit is not None:
        number = hit.group("number")
        return Ask("command", number.strip(".") if number else None)
    if parsed.thread_ids and any(f" {p} " in flat for p in rules.phrases):
        return Ask("phrase", None)
    return None
