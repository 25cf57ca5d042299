# SPDX-License-Identifier: AGPL-3.0-or-later
"""The drafts of a case: each revision of the answer letter, rendered, stored and numbered,
and the files an official is sent with a request. Mixed into `Workflow`.
"""
from __future__ import annotations

import dataclasses

from sqlalchemy import func, select

from pipeline.casework.answers import docx_answers
from pipeline.casework.drafting import context_for
from pipeline.casework.drafting import render as render_draft
from pipeline.core.models import AgendaEntry, Attachment, DraftRevision


class Revisions:
    """Needs `cfg`, `store`, `template` and `inspector` on the instance (the Workflow)."""

    def render(self, entry: AgendaEntry, answers) -> bytes:
        return render_draft(self.template, self.draft_context(entry, answers))

    def draft_context(self, entry: AgendaEntry, answers=None) -> dict:
        """The template context: the office's kop from config (emblem resolved against the
        config file), the addressee's place from the OPD directory (never guessed)."""
        office = dataclasses.asdict(self.cfg.office)
        office["emblem"] = str(self.cfg.path(office["emblem"])) if office["emblem"] else ""
        inspector = {"name": self.inspector.name, "nip": self.inspector.nip,
                     "jabatan": self.inspector.jabatan,
                     "pangkat": getattr(self.inspector, "pangkat", "")}
        opd = next((o for o in self.rules.opds if o.code == entry.opd_code), None)
        entry_like = {"agenda_no": entry.agenda_no, "opd_name": entry.opd_name,
                      "letter": entry.letter or {}, "tempat": opd.place if opd else ""}
        return context_for(entry_like, office, inspector, answers)

    def revision(self, session, entry) -> int:
        return session.scalar(select(func.coalesce(func.max(DraftRevision.number), 0))
                              .where(DraftRevision.entry_id == entry.id))

    def latest_draft(self, session, entry) -> DraftRevision | None:
        return session.scalars(select(DraftRevision).where(DraftRevision.entry_id == entry.id)
                               .order_by(DraftRevision.number.desc()).limit(1)).first()

    def add_revision(self, session, entry, docx, official, reply, now, source) -> DraftRevision:
        digest, path = self.store.put(docx, "draft")
        try:
            answers = docx_answers(docx) or None       # what the draft now says, for reports
        except Exception:                               # an edited file we cannot read back
            answers = None
        revision = DraftRevision(entry_id=entry.id, number=self.revision(session, entry) + 1,
                                 author=reply.actor or official.code, source=source,
                                 sha256=digest, path=self.store.relative(path), answers=answers,
                                 message_id=reply.message_id, created_at=now)
        session.add(revision)
        session.flush()
        return revision

    def originals(self, session, entry) -> list[tuple[str, str, bytes]]:
        """What the official is sent with a request: the letter and its appendices, or the
        files a web requester uploaded (kept on the case, as they came with no message)."""
        rows = session.scalars(select(Attachment).where(
            Attachment.entry_id == entry.id, Attachment.role.in_(("letter", "appendix")))
            .order_by(Attachment.id))
        found = [(a.filename, a.content_type, self.store.get(a.sha256, "att")) for a in rows]
        uploads = (entry.consultation or {}).get("attachments") or []
        return found + [(f["filename"], f.get("type") or "application/octet-stream",
                         self.store.get(f["sha256"], "att")) for f in uploads]

    # -- 3. time ------------------------------------------------------------------------------
