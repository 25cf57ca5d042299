# SPDX-License-Identifier: AGPL-3.0-or-later
"""Cases brought to each state for the officials' and the Inspector's pages: letters delivered
to the workspace's Maildir intake and run through the real worker, so each case has its
letter, its steps and its mails exactly as in production."""
from __future__ import annotations

import io
import re
from datetime import datetime, timezone

from docx import Document
from sqlalchemy import select

from pipeline.core.models import AgendaEntry, Step
from pipeline.intake.maildir import deliver
from pipeline.worker import run_once
from tests.mails import fields, letter_mail

# rina (auditor-1a) drafts everything; hendro (irban-1) initials; bambang (inspektur) disposes
ROUTING = '''
[[rule]]
name = "Semua"
default = true
assignee = "auditor-1a"
chain = ["superior"]
'''
ANSWERS = ["Dapat, sepanjang disepakati dalam berita acara.",
           "Melalui aplikasi pemantauan tindak lanjut setiap triwulan."]


def use_routing(app, routing: str = ROUTING) -> None:
    (app.cfg.rules_path / "routing.toml").write_text(routing)
    for cached in ("workflow", "consumer"):
        app.__dict__.pop(cached, None)


def letters(app, count: int, start: int = 800) -> None:
    """COUNT letters from the Dinas Pendidikan, registered and waiting for disposition."""
    maildir = app.cfg.base_dir / "intake"
    for i in range(count):
        deliver(maildir, letter_mail(letter=fields(start + i)))
    run_once(app)


def open_step(app, kind: str, official: str | None = None) -> Step:
    with app.session() as s:
        query = select(Step).where(Step.status == "open", Step.kind == kind).order_by(Step.id)
        if official:
            query = query.where(Step.official == official)
        step = s.scalars(query).first()
        assert step is not None, f"no open {kind} step"
        s.expunge(step)
        return step


def act(app, step: Step, action: str, actor: str, **kw):
    with app.session() as s:
        return app.workflow.act(s, step.id, step.revision, step.stage, step.official, action,
                                datetime.now(timezone.utc), actor=actor, **kw)


def to_drafting(app) -> None:
    """Every open disposition accepted (as the Inspector would on the web)."""
    while True:
        with app.session() as s:
            left = s.scalars(select(Step).where(Step.status == "open",
                                                Step.kind == "disposition")).first()
        if left is None:
            return
        act(app, open_step(app, "disposition"), "approve", "web:bambang")


def to_paraf(app) -> None:
    to_drafting(app)
    while True:
        with app.session() as s:
            left = s.scalars(select(Step).where(Step.status == "open",
                                                Step.kind == "drafting")).first()
        if left is None:
            return
        act(app, open_step(app, "drafting"), "draft", "web:rina", answers=ANSWERS)


def to_initialled(app) -> None:
    to_paraf(app)
    while True:
        with app.session() as s:
            left = s.scalars(select(Step).where(Step.status == "open",
                                                Step.kind == "paraf")).first()
        if left is None:
            return
        act(app, open_step(app, "paraf"), "approve", "web:hendro")


def edited_docx(app, step: Step, words: str = "Redaksi diperbaiki oleh pejabat.") -> bytes:
    """The step's current draft with one paragraph added, as an official edits it in Word."""
    with app.session() as s:
        entry = s.get(AgendaEntry, step.entry_id)
        latest = app.workflow.latest_draft(s, entry)
        data = app.store.get(latest.sha256, "draft")
    doc = Document(io.BytesIO(data))
    doc.add_paragraph(words)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def hidden(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden field {name}"
    return match.group(1)
