# SPDX-License-Identifier: AGPL-3.0-or-later
"""A reply counts only from the right person, for the current revision and stage, once."""
from __future__ import annotations

import io

import docx
from sqlalchemy import select

from pipeline.core.models import InboundMessage, Step
from pipeline.worker import run_once
from tests.mails import letter_mail
from tests.stamps import stamp

from .conftest import workspace
from .test_paraf_by_email import emails, open_steps, status, to_drafting


def paraf_request(app, mailroom, code="irban-3"):
    return [m for m in mailroom.to(emails(app, code)) if "Mohon Paraf" in str(m["Subject"])][-1]


def refusals(app):
    with app.session() as s:
        return list(s.scalars(select(InboundMessage.error).where(
            InboundMessage.outcome == "refused")))


def test_a_reply_from_the_wrong_person_is_refused_and_the_official_told(wf, dovecot, mailroom):
    to_drafting(wf, dovecot, mailroom)
    request = paraf_request(wf, mailroom)
    mailroom.reply(request, emails(wf, "auditor-3a"), "SETUJU")
    run_once(wf)
    assert open_steps(wf) == [("paraf", "irban-3", 1, 0)] and status(wf) == "drafted"
    warning = mailroom.last_to(emails(wf, "irban-3"))
    assert "Tidak Diproses" in str(warning["Subject"])
    assert "bukan alamat terdaftar" in refusals(wf)[0]


def test_a_forged_token_is_refused(wf, dovecot, mailroom):
    to_drafting(wf, dovecot, mailroom)
    request = paraf_request(wf, mailroom)
    reply_to = str(request["Reply-To"])
    local, domain = reply_to.split("@")
    forged = local[:-3] + ("aaa" if not local.endswith("aaa") else "bbb") + "@" + domain
    subject = str(request["Subject"]).replace(local.split("+")[1], forged.split("+")[1].split("@")[0])
    mailroom.reply(request, emails(wf, "irban-3"), "SETUJU", to=forged, subject="Re: " + subject)
    run_once(wf)
    assert status(wf) == "drafted" and open_steps(wf) == [("paraf", "irban-3", 1, 0)]
    assert "tidak diterbitkan oleh Paraf" in refusals(wf)[0]


def test_a_replayed_approval_does_nothing_the_second_time(wf, dovecot, mailroom):
    to_drafting(wf, dovecot, mailroom)
    request = paraf_request(wf, mailroom)
    mailroom.reply(request, emails(wf, "irban-3"), "SETUJU")
    run_once(wf)
    assert open_steps(wf) == [("paraf", "kasubag-umum", 1, 1)]
    mailroom.reply(request, emails(wf, "irban-3"), "SETUJU")       # sent again, new Message-ID
    run_once(wf)
    assert open_steps(wf) == [("paraf", "kasubag-umum", 1, 1)]
    assert "sudah dijawab" in refusals(wf)[0]


def test_a_reply_to_an_outdated_revision_is_refused(wf, dovecot, mailroom):
    to_drafting(wf, dovecot, mailroom)
    old_request = paraf_request(wf, mailroom)
    edited = docx.Document(io.BytesIO(next(old_request.iter_attachments()).get_content()))
    edited.add_paragraph("Redaksi baru.")
    buf = io.BytesIO()
    edited.save(buf)
    mailroom.reply(old_request, emails(wf, "irban-3"), "Saya perbaiki.", attach=buf.getvalue())
    run_once(wf)
    # irban-3's own revision counts as their paraf on it; the next level is asked
    assert open_steps(wf) == [("paraf", "kasubag-umum", 2, 1)]
    mailroom.reply(old_request, emails(wf, "irban-3"), "SETUJU")
    run_once(wf)
    assert open_steps(wf) == [("paraf", "kasubag-umum", 2, 1)]
    assert refusals(wf)


def test_failed_dkim_and_spf_are_refused_when_the_office_requires_them(
        tmp_path, db_url, dovecot, smtp_server, monkeypatch, mailroom):
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, auth_policy="require",
                    authserv_id="mx.inspektorat.example.go.id")
    try:
        to_drafting_with_auth(app, dovecot, mailroom)
        who = emails(app, "irban-3")
        request = paraf_request(app, mailroom)
        mailroom.reply(request, who, "SETUJU", auth="mx.inspektorat.example.go.id; "
                       "dkim=fail header.d=inspektorat.example.go.id; spf=fail "
                       "smtp.mailfrom=inspektorat.example.go.id")
        run_once(app)
        assert open_steps(app) == [("paraf", "irban-3", 1, 0)]
        mailroom.reply(request, who, "SETUJU", auth="mx.inspektorat.example.go.id; "
                       "dkim=pass header.d=inspektorat.example.go.id")
        run_once(app)
        assert open_steps(app) == [("paraf", "kasubag-umum", 1, 1)]
    finally:
        app.close()


PASS = "mx.inspektorat.example.go.id; dkim=pass header.d=inspektorat.example.go.id"


def to_drafting_with_auth(app, dovecot, mailroom):
    dovecot.append("INBOX", stamp(letter_mail(), "dkim=pass header.d=pekalongankota.go.id"))
    run_once(app)
    inspektur = emails(app, "inspektur")
    mailroom.reply(mailroom.last_to(inspektur), inspektur, "SETUJU", auth=PASS)
    run_once(app)
    drafter = emails(app, "auditor-3a")
    mailroom.reply(mailroom.last_to(drafter), drafter, "1. Dapat.\n2. Melalui aplikasi.",
                   auth=PASS)
    run_once(app)


def test_auto_replies_and_opd_follow_ups_are_never_approvals(wf, dovecot, mailroom):
    to_drafting(wf, dovecot, mailroom)
    request = paraf_request(wf, mailroom)
    mailroom.reply(request, emails(wf, "irban-3"), "OK", quote="none",
                   headers={"Auto-Submitted": "auto-replied"})
    receipt_id = [m for m in mailroom.to("disdik@pekalongankota.go.id")][0]["Message-ID"]
    dovecot.append("INBOX", letter_mail(attach_letter=False, in_reply_to=receipt_id,
                                        body="OK, terima kasih. SETUJU."))
    run_once(wf)
    assert open_steps(wf) == [("paraf", "irban-3", 1, 0)]


def test_overdue_steps_get_a_reminder_then_an_escalation(wf, dovecot, mailroom):
    """GIVEN a paraf step due in half a working day WHEN the (frozen) clock passes the target
    THEN its official is reminded once; past twice the target, their superior is told."""
    from datetime import timedelta

    from pipeline.core.db import utc as aware
    from pipeline.worker import remind
    to_drafting(wf, dovecot, mailroom)
    with wf.session() as s:
        step = s.scalars(select(Step).where(Step.status == "open")).one()
        due, opened = aware(step.due_at), aware(step.opened_at)
    assert remind(wf, now=due - timedelta(minutes=1)) == 0
    assert remind(wf, now=due + timedelta(minutes=1)) == 1
    assert remind(wf, now=due + timedelta(minutes=2)) == 0          # once
    run_once(wf)
    assert "Pengingat" in str(mailroom.last_to(emails(wf, "irban-3"))["Subject"])
    assert remind(wf, now=opened + (due - opened) * 2 + timedelta(minutes=1)) == 1
    run_once(wf)
    escalation = mailroom.last_to(emails(wf, "inspektur"))
    assert "Eskalasi" in str(escalation["Subject"])
    assert "belum menyelesaikan paraf" in escalation.get_body(("plain",)).get_content()
