# SPDX-License-Identifier: AGPL-3.0-or-later
"""The survey is asked on every channel at the moment the answer is delivered, once: a web
request answered directly, and a letter whose signed answer the mail server accepted
(`settle_sent`, run again as a retried worker would)."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from sqlalchemy import select

from pipeline.consult.survey_models import SurveyInvitation
from pipeline.core import states
from pipeline.core.models import AgendaEntry, OutboxMail, OutgoingLetter
from pipeline.signing.batch import settle_sent

from .cases import letters
from .conftest import csrf_of, sign_in
from .publicform import body, dispose, drafter_account, mails, only_entry_id, register
from .surveys import LINK, mail_text, survey_mails


def test_a_direct_web_answer_brings_one_survey_mail_in_the_requests_thread(client, web_app):
    register(client)
    entry_id = only_entry_id(web_app)
    sign_in(client, "dewi")
    client.post(f"/staf/konsultasi/{entry_id}/terima",
                data={"csrf": csrf_of(client, f"/staf/konsultasi/{entry_id}")})
    dispose(web_app, entry_id)
    assert survey_mails(web_app) == []                  # nothing before the answer
    client.cookies.clear()
    sign_in(client, drafter_account(web_app, entry_id))
    form = client.get(f"/staf/konsultasi/{entry_id}/jawab")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    done = client.post(f"/staf/konsultasi/{entry_id}/jawab",
                       data={"csrf": csrf, "jawaban": "Dapat, dengan berita acara."})
    assert done.status_code == 303
    (receipt,) = mails(web_app, "consult-receipt")
    (mail,) = mails(web_app, "survey")
    assert str(mail["In-Reply-To"]).strip() == str(receipt["Message-ID"]).strip()
    assert mail["To"] == receipt["To"]
    assert LINK.search(body(mail))
    with web_app.session() as s:
        row = s.scalar(select(SurveyInvitation))
        assert (row.entry_id, row.channel) == (entry_id, "web")


def test_a_letter_is_asked_once_its_signed_answer_is_sent(web_app):
    letters(web_app, 1)
    now = datetime.now(timezone.utc)
    with web_app.session() as s:
        entry = s.scalar(select(AgendaEntry))
        for action in ("dispose", "draft", "initial", "sign"):
            states.move(entry, action, actor="test", at=now)
        sent = OutboxMail(message_id="<surat-1@test>", entry_id=entry.id, kind="signed-letter",
                          to_addrs=[entry.sender_email], subject="Surat", spool_path="x",
                          status="queued", attempts=0, next_attempt_at=now, created_at=now)
        s.add(sent)
        s.add(OutgoingLetter(entry_id=entry.id, number="700/1/ITDA/2026", year=2026, seq=1,
                             signed_at=now, signed_by="inspektur", revision=1, pdf_sha256="0" * 64,
                             pdf_path="x.pdf", verification_code="TEST-0001",
                             mail_message_id="<surat-1@test>"))
        entry_id, sender = entry.id, entry.sender_email
    assert settle_sent(web_app, now) == 0               # not yet accepted by the mail server
    assert survey_mails(web_app) == []
    with web_app.session() as s:
        s.scalar(select(OutboxMail).where(OutboxMail.message_id == "<surat-1@test>")).status \
            = "sent"
    assert settle_sent(web_app, now) == 1
    assert settle_sent(web_app, now) == 0               # a retried pass: nothing more
    [row] = survey_mails(web_app)
    assert row.to_addrs == [sender] and row.entry_id == entry_id
    subject, text = mail_text(web_app, row)
    assert subject.startswith("Survei Kepuasan Layanan Konsultasi [")
    assert LINK.search(text) and "berlaku selama 30 hari" in text
    with web_app.session() as s:
        opd = s.get(AgendaEntry, entry_id).opd_name
    assert text.startswith(f"Yth. {opd}\n") and "kesediaan Saudara" in text   # an office
    with web_app.session() as s:
        assert s.get(AgendaEntry, entry_id).status == "closed"
        assert s.scalar(select(SurveyInvitation.channel)) == "letter"
