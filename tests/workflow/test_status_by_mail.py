# SPDX-License-Identifier: AGPL-3.0-or-later
"""Issue 19 part 2 on the real mail path (Dovecot in, aiosmtpd out): an OPD asks STATUS at each
stage of its case and is told the stage and the role holding it, while the officials' own
replies keep driving the case."""
from __future__ import annotations

import re
import time
from email.message import EmailMessage
from email.utils import make_msgid

from pipeline.worker import run_once
from tests.mails import fields, letter_mail

from .test_paraf_by_email import INSPEKTUR, approve, emails, status

DISDIK = "disdik@pekalongankota.go.id"


def ask_status(app, dovecot, mailroom, subject="STATUS 0001/SM/ITDA/2026") -> tuple[str, float]:
    """STATUS as the OPD's mail client sends it; the answer's text and how long it took."""
    before = len(mailroom.to(DISDIK))
    msg = EmailMessage()
    msg["From"], msg["To"] = f"Dinas Pendidikan <{DISDIK}>", "konsultasi@inspektorat.example.go.id"
    msg["Subject"], msg["Message-ID"] = subject, make_msgid(domain="pekalongankota.go.id")
    msg.set_content("Terima kasih.\n")
    started = time.monotonic()
    dovecot.append("INBOX", msg.as_bytes())
    run_once(app)
    took = time.monotonic() - started
    answers = mailroom.to(DISDIK)[before:]
    assert len(answers) == 1, [a["Subject"] for a in answers]
    return answers[0].get_body(("plain",)).get_content(), took


def stage_and_holder(text: str) -> tuple[str, str]:
    return (re.search(r"Tahap\s+: (.*)", text).group(1).strip(),
            re.search(r"Berada pada\s+: (.*)", text).group(1).strip())


def test_status_follows_the_case_through_every_stage(wf, dovecot, mailroom):
    """GIVEN a letter from Disdik routed to auditor-3a with a three-level chain WHEN Disdik asks
    STATUS after each reply of the officials THEN the answer names the stage and the role
    holding it, never a person's name or mailbox, and the officials' replies still act."""
    dovecot.append("INBOX", letter_mail(letter=fields(901, hal="Konsultasi Dana Hibah")))
    run_once(wf)
    seen, slowest = [], 0.0

    def check():
        nonlocal slowest
        text, took = ask_status(wf, dovecot, mailroom)
        slowest = max(slowest, took)
        assert "Konsultasi Dana Hibah" in text and "0001/SM/ITDA/2026" in text
        assert not re.search(r"[\w.]+@inspektorat", text), text
        for person in wf.workflow.officials:
            assert person.name not in text
        seen.append(stage_and_holder(text))

    check()
    mailroom.reply(mailroom.last_to(INSPEKTUR), INSPEKTUR, "SETUJU")
    run_once(wf)
    check()
    drafter = emails(wf, "auditor-3a")
    mailroom.reply(mailroom.last_to(drafter), drafter, "1. Dapat.\n2. Melalui aplikasi.")
    run_once(wf)
    check()
    approve(wf, mailroom, "irban-3", "SETUJU")
    check()
    approve(wf, mailroom, "kasubag-umum", "SETUJU")
    approve(wf, mailroom, "sekretaris", "SETUJU")
    assert status(wf) == "initialled"
    check()
    by = {o.code: o.jabatan for o in wf.workflow.officials}
    assert seen == [
        ("menunggu disposisi", by["inspektur"]),
        ("dalam penyusunan jawaban", by["auditor-3a"]),
        ("paraf 1 dari 3", by["irban-3"]),
        ("paraf 2 dari 3", by["kasubag-umum"]),
        ("menunggu tanda tangan", by["inspektur"]),
    ]
    assert slowest < 60                      # the promise: an answer within a minute
    with wf.session() as s:
        from sqlalchemy import func, select

        from pipeline.core.models import AgendaEntry, Event
        assert s.scalar(select(func.count()).select_from(AgendaEntry)) == 1
        assert s.scalar(select(func.count()).select_from(Event).where(
            Event.kind == "status_query")) == 5
    print(f"slowest STATUS round trip (append → answer at SMTP): {slowest:.2f} s")
