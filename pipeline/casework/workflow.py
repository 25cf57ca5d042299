# SPDX-License-Identifier: AGPL-3.0-or-later
"""Disposition, drafting and staged paraf, driven by e-mail replies (seed 2, steps 2-4).

A saved, resumable workflow in the manner of Mailman's: each hand-over is an open `Step`; when
a valid reply arrives the step is closed and the next one opened, and nothing waits in memory.
`reply()` lets a message act only through `gate()`: a token Paraf issued, for a step that is
still open (so the current revision and stage), from that step's official, and passing the
office's Authentication-Results policy. Everything else is refused, explained and logged.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.casework import away, away_mail, precedents, reminders
from pipeline.casework.actions import (
    DOCX,
    WEB_ACTIONS,
    ActionRefused,
    NotYours,
    Reply,
    StaleStep,
    parse_redirect,
)
from pipeline.casework.answers import answers_from_text
from pipeline.casework.confirm import confirm
from pipeline.casework.paraf import first_lines, initialled, own_paraf, remarks
from pipeline.casework.replies import (
    decide,
    explain_choices,
    find_tokens,
    fresh_text,
    read_token,
)
from pipeline.casework.replies.decision import Decision
from pipeline.casework.revisions import Revisions
from pipeline.casework.route import RouteInput, resolve_chain, route
from pipeline.casework.steps import StepDesk, words
from pipeline.consult import complaint_answer
from pipeline.core import senderauth, states
from pipeline.core.config import Config
from pipeline.core.errors import NotFound, RulesError
from pipeline.core.messages import say_text
from pipeline.core.models import AgendaEntry, Disposition, DraftRevision, InboundMessage, Step
from pipeline.core.officials import Official
from pipeline.core.store import ContentStore
from pipeline.intake.parse import ParsedMessage
from pipeline.signing import byreply as signreply
from pipeline.signing.previews import preview


class Workflow(Revisions):
    def __init__(self, cfg: Config, rules, officials: tuple[Official, ...], routing,
                 store: ContentStore, template: bytes):
        self.cfg, self.rules, self.officials, self.routing = cfg, rules, officials, routing
        self.store, self.template = store, template
        self.desk = StepDesk(cfg)
        self.by_code = {o.code: o for o in officials}
        self.desk.by_code = self.by_code            # absences: steps open at the delegate
        self.inspector = next(o for o in officials if "inspector" in o.roles)
        self.trust = senderauth.Trust.from_config(cfg.workflow)

    # -- 1. route and dispose -----------------------------------------------------------------
    def start(self, session: Session, entry: AgendaEntry, now: datetime) -> None:
        """A registered case: dispose it by rule (auto) or ask the Inspector (confirm)."""
        decided = self.route(entry)
        if (decided.mode or self.cfg.workflow.disposition) == "auto":
            self.dispose(session, entry, decided.assignee, decided.chain, rule=decided.rule,
                         trail=decided.trail, instructions=None, by="paraf (routing rule)",
                         now=now)
            return
        step = self.desk.open(session, entry, "disposition", self.inspector, now)
        self.desk.mail(session, entry, step, self.inspector, "step_disposition",
                       self.originals(session, entry), route=decided,
                       assignee=decided.assignee, chain=decided.chain, officials=self.officials)

    def route(self, entry: AgendaEntry):
        return route(self.routing, self.officials, self.rules.opds,
                     RouteInput.from_entry(entry, self.rules.opds))

    def dispose(self, session, entry, assignee: Official, chain, *, rule, trail, instructions,
                by: str, now: datetime, message_id: str | None = None) -> None:
        chain = tuple(o for o in chain if o.code != assignee.code)
        session.add(Disposition(entry_id=entry.id, assignee=assignee.code,
                                chain=[o.code for o in chain], rule=rule, trail=list(trail or []),
                                instructions=instructions, decided_by=by, decided_at=now))
        states.move(entry, "dispose", actor=by, at=now, message_id=message_id,
                    data={"assignee": assignee.code, "chain": [o.code for o in chain],
                          "rule": rule, "instructions": instructions})
        self.request_draft(session, entry, now)

    def disposition(self, session, entry) -> Disposition:
        return session.scalars(select(Disposition).where(Disposition.entry_id == entry.id)
                               .order_by(Disposition.id.desc()).limit(1)).one()

    def request_draft(self, session, entry, now, notes=None, returned_by=None) -> Step:
        disp = self.disposition(session, entry)
        drafter = self.by_code[disp.assignee]
        step = self.desk.open(session, entry, "drafting", drafter, now,
                              revision=self.revision(session, entry))
        latest = self.latest_draft(session, entry)
        draft = self.store.get(latest.sha256, "draft") if latest else self.render(entry, None)
        self.desk.mail(session, entry, step, drafter, "step_drafting",
                       [*self.originals(session, entry), ("konsep-jawaban.docx", DOCX, draft)],
                       draft_notes=self.draft_context(entry)["catatan"],
                       precedents=precedents.for_drafter(session, entry,
                                                         self.cfg.signing.verify_url),
                       disposed_by=disp.decided_by, instructions=disp.instructions,
                       notes=notes, returned_by=returned_by.name if returned_by else "",
                       chain=self.chain(disp))
        return step

    # -- 2. replies ---------------------------------------------------------------------------
    def reply(self, session: Session, parsed: ParsedMessage, message: InboundMessage,
              now: datetime, refused: tuple[tuple[str, str], ...] = ()
              ) -> tuple[str, AgendaEntry | None, str | None] | None:
        """Act on a reply to a step; None when the message is not one (no token).

        REFUSED are the attachments intake set aside as unsafe: a reply that carried a refused
        draft is not read at all, since its words may be about the text that was refused."""
        tokens = find_tokens(list(parsed.recipients), parsed.subject)
        automatic = parsed.auto_submitted or (parsed.from_addr or "").startswith("mailer-daemon@")
        absent = None if automatic else away_mail.declared(
            self, fresh_text(parsed.text, parsed.html), now)
        if absent is not None:                  # "CUTI s.d. 12 Desember" to any Paraf mail
            return away_mail.on_reply(self, session, parsed, tokens, absent, now)
        if not tokens:
            return None
        if automatic:
            return "ignored", None, "pesan otomatis ke alamat tugas"
        step, why = self.gate(session, tokens, parsed)
        entry = session.get(AgendaEntry, step.entry_id, with_for_update=True) if step else None
        if why:
            return self.refuse(session, parsed, entry, step, why, now)
        official = self.by_code[step.official]
        handler = {"disposition": self.on_disposition, "drafting": self.on_drafting,
                   "paraf": self.on_paraf,
                   "signing": lambda *args: signreply.on_reply(self, *args),
                   "complaint": lambda *args: complaint_answer.on_reply(self, *args)}[step.kind]
        reply = Reply.from_mail(parsed, official)
        if refused and step.kind in ("drafting", "paraf"):
            names = ", ".join(f"«{name}» ({say_text(why)})" for name, why in refused)
            return self.unclear(session, entry, step, official, reply, now,
                                why=f"berkas yang dilampirkan ditolak karena tidak aman: {names}. "
                                    "Kirim ulang konsep tanpa makro atau tautan luar")
        return self.confirmed(session, step, official, reply, now,
                              handler(session, entry, step, official, reply, now))

    def act(self, session: Session, step_id: int, revision: int, stage: int,
            official_code: str | None, action: str, now: datetime, *, actor: str,
            text: str = "", docx: bytes | None = None, target: str | None = None,
            answers=None) -> tuple[str, AgendaEntry | None, str | None]:
        """The web's way in: the same handlers as a mail reply, for a form the user saw.

        STEP_ID, REVISION and STAGE come from hidden fields of that form: the step must still
        be open and for that revision and stage (a stale page is refused, StaleStep), and it
        must be OFFICIAL_CODE's (NotYours). A wrong or incomplete action is ActionRefused.
        Nothing is changed when any of these is raised.
        """
        step = session.get(Step, step_id, with_for_update=True)
        if step is None:
            raise NotFound(f"no step #{step_id}")
        if not official_code or step.official != official_code:
            raise NotYours("this step belongs to another official")
        if step.status != "open" or (step.revision, step.stage) != (revision, stage):
            raise StaleStep(
                "Tugas ini sudah dijawab atau diganti oleh revisi yang lebih baru; halaman yang "
                "Anda kirim sudah usang. Tidak ada yang diubah. Muat ulang daftar tugas.")
        if action not in WEB_ACTIONS.get(step.kind, ()):
            raise ActionRefused(f"Tindakan '{action}' tidak tersedia untuk tugas "
                                f"{words(step.kind)}.")
        chosen = None
        if target:
            chosen = self.by_code.get(target)
            if chosen is None:
                raise ActionRefused(f"Pejabat '{target}' tidak dikenal.")
        entry = session.get(AgendaEntry, step.entry_id, with_for_update=True)
        official = self.by_code[step.official]
        reply = Reply(actor=actor, official=official, message_id=None, text=(text or "").strip(),
                      docx=docx, action=action, target=chosen,
                      answers=tuple(answers) if answers is not None else None)
        handler = {"disposition": self.on_disposition, "drafting": self.on_drafting,
                   "paraf": self.on_paraf,
                   "complaint": lambda *args: complaint_answer.on_reply(self, *args)}[step.kind]
        return self.confirmed(session, step, official, reply, now,
                              handler(session, entry, step, official, reply, now))

    def confirmed(self, session, step, official, reply, now, outcome):
        """Tell OFFICIAL's registered address what an accepted action recorded (confirm.py)."""
        status, entry, _ = outcome
        notes = step.notes if step.kind != "signing" else None
        revision = self.latest_draft(session, entry).number if status == "revised" else None
        confirm(self.desk, session, entry, official, status, reply, now, revision=revision,
                notes=notes)
        return outcome

    def gate(self, session, tokens, parsed) -> tuple[Step | None, str | None]:
        refs = [r for r in (read_token(self.cfg.secret, t) for t in tokens) if r]
        if not self.cfg.secret or not refs:
            return None, "tokennya tidak diterbitkan oleh Paraf (palsu atau rusak)"
        ref = refs[0]
        step = session.get(Step, ref.step_id, with_for_update=True)
        if step is None or (step.revision, step.stage) != (ref.revision, ref.stage):
            return None, "tokennya tidak sesuai dengan permintaan mana pun yang dikirim Paraf"
        if step.status != "open":
            return step, ("permintaan itu sudah dijawab atau diganti oleh revisi yang lebih "
                          "baru (balasan berulang atau usang)")
        official = self.by_code.get(step.official)
        if official is None or parsed.from_addr not in {e.lower() for e in official.emails}:
            return step, (f"dikirim dari {parsed.from_addr}, yang bukan alamat terdaftar "
                          f"pejabat yang diminta")
        sender = senderauth.check(parsed.trace, parsed.from_addr, self.trust, own_domain=True)
        return step, (None if sender.ok else sender.reason)

    def refuse(self, session, parsed, entry, step, why, now):
        if entry is not None and step is not None:
            states.note(entry, "refused", actor=parsed.from_addr or "?", at=now,
                        message_id=parsed.message_id, data={"reason": why, "step": step.id})
            owner = self.by_code.get(step.official)
            if owner:
                self.desk.tell(session, entry, owner, "step_refused", "Balasan Tidak Diproses",
                               kind=words(step.kind), sender=parsed.from_addr, reason=why,
                               replied_at=self.desk.due_text(now))
        return "refused", entry, why

    def unclear(self, session, entry, step, official, reply: Reply, now, choices=None,
                web: str | None = None, why: str | None = None):
        """A reply that cannot be read: by mail, note it and explain the choices; on the web,
        refuse the form with WEB (nothing is recorded, the user corrects it on the page)."""
        if reply.by_web:
            raise ActionRefused(web or "Isian belum lengkap; periksa kembali formulir.")
        states.note(entry, "unclear", actor=reply.actor, at=now,
                    message_id=reply.message_id, data={"step": step.id})
        self.desk.tell(session, entry, official, "step_unclear", "Balasan Belum Dapat Diproses",
                       answering=reply.message_id, choices=choices or explain_choices(),
                       read=first_lines(reply.text), why=why)
        return "unclear", entry, None

    def on_disposition(self, session, entry, step, official, reply: Reply, now):
        decided = self.route(entry)
        if reply.by_web:
            target = reply.target if reply.action == "dispose" else None
            instructions = reply.text or None
            if reply.action == "dispose" and target is None:
                return self.unclear(session, entry, step, official, reply, now,
                                    web="Pilih pejabat yang ditugaskan.")
        else:
            target, instructions = parse_redirect(reply.text, self.officials)
            approval = decide(reply.text)
            if target is None and approval.kind == "approve":
                instructions = approval.notes or None       # "SETUJU, <petunjuk>"
            if target is None and approval.kind != "approve":
                return self.unclear(session, entry, step, official, reply, now, choices=(
                    "Balas dengan SETUJU untuk menyetujui usulan disposisi, atau DISPOSISI "
                    "KEPADA <kode atau alamat surel pejabat>: <petunjuk> untuk menugaskan "
                    "pejabat lain."))
        chain = decided.chain
        if target is not None and target.code != decided.assignee.code:
            chain = self.chain_for(decided.rule, target)
        self.desk.close(step, "disposed", now, notes=instructions,
                        reply_message_id=reply.message_id)
        self.dispose(session, entry, target or decided.assignee, chain,
                     rule=decided.rule, trail=decided.trail, instructions=instructions,
                     by=reply.actor, now=now, message_id=reply.message_id)
        return "disposed", entry, None

    def on_drafting(self, session, entry, step, official, reply: Reply, now):
        docx = reply.docx
        questions = (entry.letter or {}).get("pertanyaan") or []
        if docx is None:
            if reply.by_web:
                answers = [a.strip() for a in reply.answers or ()]
                if not answers or not all(answers) or (questions
                                                       and len(answers) != len(questions)):
                    return self.unclear(session, entry, step, official, reply, now,
                                        web="Isi jawaban untuk setiap pertanyaan, atau "
                                            "unggah berkas DOCX konsep yang telah dilengkapi.")
            else:
                answers = answers_from_text(reply.text, len(questions))
            if answers is None:
                return self.unclear(session, entry, step, official, reply, now, choices=(
                    "Balas dengan jawaban bernomor (1. ..., 2. ...), satu untuk setiap "
                    "pertanyaan, atau lampirkan berkas DOCX konsep yang telah dilengkapi."))
            docx = self.render(entry, answers)
        revision = self.add_revision(session, entry, docx, official, reply, now,
                                     reply.source("docx" if reply.docx else "text"))
        self.desk.close(step, "drafted", now, reply_message_id=reply.message_id)
        states.move(entry, "draft", actor=reply.actor, at=now,
                    message_id=reply.message_id, data={"revision": revision.number})
        self.next_initial(session, entry, revision, 0, now)
        return "drafted", entry, None

    def on_paraf(self, session, entry, step, official, reply: Reply, now):
        if reply.docx is not None and reply.action in (None, "upload"):
            revision = self.add_revision(session, entry, reply.docx, official, reply, now,
                                         reply.source("docx"))
            self.desk.close(step, "revised", now, notes=reply.text or None,
                            reply_message_id=reply.message_id)
            self.desk.supersede(session, entry, now)
            states.move(entry, "revise", actor=reply.actor, at=now,
                        message_id=reply.message_id, data={"revision": revision.number})
            own_paraf(self.desk, session, entry, step, revision.number, reply, now)
            self.next_initial(session, entry, revision, 0, now)
            return "revised", entry, None
        if reply.by_web:
            if reply.action == "upload":
                return self.unclear(session, entry, step, official, reply, now,
                                    web="Pilih berkas DOCX konsep yang telah diperbaiki.")
            if reply.action == "return" and not reply.text:
                return self.unclear(session, entry, step, official, reply, now,
                                    web="Tulis catatan perbaikan untuk konseptor.")
            decision = Decision("approve") if reply.action == "approve" else \
                Decision("return", reply.text)
        else:
            decision = decide(reply.text)
        if decision.kind == "approve":
            self.desk.close(step, "approved", now, notes=decision.notes or None,
                            reply_message_id=reply.message_id)
            states.note(entry, "paraf", actor=reply.actor, at=now,
                        message_id=reply.message_id,
                        data={"official": official.code, "revision": step.revision,
                              "stage": step.stage, "notes": decision.notes or None})
            self.next_initial(session, entry, self.latest_draft(session, entry),
                              step.stage + 1, now)
            return "initialled", entry, None
        if decision.kind == "return":
            self.desk.close(step, "returned", now, notes=decision.notes,
                            reply_message_id=reply.message_id)
            states.move(entry, "return", actor=reply.actor, at=now,
                        message_id=reply.message_id, data={"notes": decision.notes})
            self.request_draft(session, entry, now, notes=decision.notes, returned_by=official)
            return "returned", entry, None
        return self.unclear(session, entry, step, official, reply, now)

    # -- the chain ----------------------------------------------------------------------------
    def next_initial(self, session, entry, revision: DraftRevision, stage: int, now) -> None:
        chain = self.chain(self.disposition(session, entry))
        done = initialled(session, entry, revision.number)
        while stage < len(chain) and stage in done:
            stage += 1                      # the official who revised it initialled it
        if stage >= len(chain):
            states.move(entry, "initial", actor="paraf", at=now,
                        data={"revision": revision.number})
            return
        official = chain[stage]
        step = self.desk.open(session, entry, "paraf", official, now, revision=revision.number,
                              stage=stage)
        draft = self.store.get(revision.sha256, "draft")
        files = [(f"konsep-jawaban-r{revision.number}.docx", DOCX, draft)]
        pdf = preview(self.store, self.cfg, draft)      # only where LibreOffice is installed
        if pdf:
            files.append((f"pratinjau-r{revision.number}.pdf", "application/pdf", pdf))
        self.desk.mail(session, entry, step, official, "step_paraf", files,
                       chain=chain, approved=chain[:stage], remarks=remarks(session, entry,
                                                                            self.by_code),
                       drafter=self.by_code[self.disposition(session, entry).assignee])

    def chain_for(self, rule_name: str, assignee: Official) -> tuple[Official, ...]:
        """The rule's chain as it reads for another assignee ('superior' is theirs); the
        Inspector's superior-less redirections fall back to the rule's chain as written."""
        rule = next(r for r in self.routing if r.name == rule_name)
        try:
            return resolve_chain(dataclasses.replace(rule, assignee=assignee.code),
                                 self.officials)[1:]
        except RulesError:
            return resolve_chain(rule, self.officials)[1:]

    def chain(self, disp: Disposition) -> tuple[Official, ...]:
        return tuple(self.by_code[c] for c in disp.chain)

    def remind(self, session: Session, now: datetime) -> int:
        away.sweep(self, session, now)          # absences begun or over: steps change hands
        return reminders.remind(self, session, now)
