# SPDX-License-Identifier: AGPL-3.0-or-later
"""What an official does to a step, whatever the channel: a `Reply` read from mail or sent
from the web page, the actions the web offers, and the refusals a user is shown.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.casework.replies import fresh_text
from pipeline.core.errors import ParafError
from pipeline.core.officials import Official
from pipeline.intake.parse import ParsedMessage

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# What the web may do with each kind of step (Workflow.act); a mail reply says it in words.
WEB_ACTIONS = {"disposition": ("approve", "dispose"), "drafting": ("draft", "upload"),
               "paraf": ("approve", "return", "upload"), "complaint": ("answer",)}


class ActionRefused(ParafError):
    """A web action that cannot be done as sent (missing notes, no file, unknown official);
    nothing was changed. The message is for the user, in Indonesian."""


class StaleStep(ActionRefused):
    """The form was for a step that is closed now, or for an older revision or stage."""


class NotYours(ParafError):
    """The step belongs to another official."""


@dataclass(frozen=True)
class Reply:
    """One official's answer to a step, whichever way it came: a mail reply (after gate())
    or a web form (after act()). The handlers act on this alone."""
    actor: str                      # for the history: the sender's address, or "web:username"
    official: Official              # the step's official, already checked
    message_id: str | None          # the reply's Message-ID; None on the web
    text: str = ""                  # the fresh text (quotes removed), or the notes typed in
    docx: bytes | None = None       # an edited draft attached or uploaded
    action: str | None = None       # web: the button pressed; None: read it from the text
    target: Official | None = None  # web "dispose": the official chosen
    answers: tuple[str, ...] | None = None   # web "draft": one answer per question
    parsed: ParsedMessage | None = None      # the mail itself, when it came by mail

    @classmethod
    def from_mail(cls, parsed: ParsedMessage, official: Official) -> "Reply":
        return cls(actor=parsed.from_addr, official=official, message_id=parsed.message_id,
                   text=fresh_text(parsed.text, parsed.html), docx=attached_docx(parsed),
                   parsed=parsed)

    @property
    def by_web(self) -> bool:
        return self.action is not None

    @property
    def from_addr(self) -> str:
        return self.actor

    def source(self, kind: str) -> str:
        """DraftRevision.source: 'web' for the web, else how the mail carried it."""
        return "web" if self.by_web else kind


def attached_docx(parsed: ParsedMessage) -> bytes | None:
    for part in parsed.attachments:
        if part.filename.lower().endswith(".docx") or part.content_type == DOCX:
            return part.payload
    return None


def parse_redirect(fresh: str, officials) -> tuple[Official | None, str | None]:
    """'DISPOSISI KEPADA irban2: mohon dijawab' -> (that official, 'mohon dijawab')."""
    import re
    match = re.search(r"(?im)^\s*disposisi\s+kepada\s+([^\s:]+)\s*:?\s*(.*)$", fresh)
    if not match:
        return None, None
    who = match.group(1).strip().lower()
    target = next((o for o in officials if o.code.lower() == who
                   or who in (e.lower() for e in o.emails)), None)
    rest = fresh[match.end():].strip()
    notes = " ".join(filter(None, [match.group(2).strip(), rest])) or None
    return target, notes
