# SPDX-License-Identifier: AGPL-3.0-or-later
"""Seed 1 steps 2-6 for web requests: the clerk's completeness check (accept, or ask for what
is missing, completed by upload or by reply), routing like letters, the direct answer where
the rules allow it, and the consultation report and archive."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import make_msgid

from sqlalchemy import select

from pipeline import worker
from pipeline.core import states
from pipeline.core.models import AgendaEntry, Event, InboundMessage, OutboxMail, Step

from .conftest import csrf_of, sign_in
from .publicform import (
    KNOWN,
    body,
    dispose,
    drafter_account,
    entries,
    exe_as_pdf,
    mails,
    only_entry_id,
    open_step,
    pdf_bytes,
    register,
)


def kinds(app, entry_id) -> list[str]:
    with app.session() as s:
        return list(s.scalars(select(Event.kind).where(Event.entry_id == entry_id)
                              .order_by(Event.id)))


def accept(client, entry_id):
    return client.post(f"/staf/konsultasi/{entry_id}/terima",
                       data={"csrf": csrf_of(client, f"/staf/konsultasi/{entry_id}")})


def test_the_clerk_sees_the_queue_and_accepts_then_routing_starts_as_for_letters(client,
                                                                                   web_app):
    register(client, files=[("berkas", ("rab-hibah.pdf", pdf_bytes("RAB hibah 2026"),
                                        "application/pdf"))])
    entry_id = only_entry_id(web_app)
    sign_in(client, "rina")                                      # an official may look, not check
    assert "Lengkap — teruskan" not in client.get(f"/staf/konsultasi/{entry_id}").text
    token = csrf_of(client, "/kata-sandi")
    assert client.post(f"/staf/konsultasi/{entry_id}/terima",
                       data={"csrf": token}).status_code == 403
    client.cookies.clear()
    assert client.get("/staf/konsultasi").status_code == 303    # not signed in: to /masuk
    sign_in(client, "dewi")
    queue = client.get("/staf/konsultasi")
    assert queue.status_code == 200 and "Menunggu pemeriksaan kelengkapan (1)" in queue.text
    assert "Sri Handayani" in queue.text
    assert accept(client, entry_id).status_code == 303
    with web_app.session() as s:
        entry = s.get(AgendaEntry, entry_id)
        steps = list(s.scalars(select(Step).where(Step.entry_id == entry_id).order_by(Step.id)))
        assert [(x.kind, x.status, x.outcome) for x in steps] == [
            ("check", "done", "accepted"), ("disposition", "open", None)]
        assert steps[1].official == "inspektur" and entry.status == "registered"
    assert kinds(web_app, entry_id)[-1] == "accepted"
    assert accept(client, entry_id).status_code == 409           # only once
    dispose(web_app, entry_id)
    # the bidang is in the hal, so the routing rule for aset/hibah picked the consultant
    assert open_step(web_app, entry_id, "drafting").official == "auditor-4b"
    (request,) = mails(web_app, "step-drafting")
    assert "Sri Handayani" in body(request) or "Konsultasi bidang" in str(request["Subject"])
    # the consultant gets the requester's files, as an official gets a letter's appendices
    sent = {p.get_filename(): p.get_content() for p in request.iter_attachments()}
    assert sent["rab-hibah.pdf"].startswith(b"%PDF")
    assert "konsep-jawaban.docx" in sent


def test_asking_for_what_is_missing_then_the_requester_uploads_it(client, web_app):
    code = register(client)
    entry_id = only_entry_id(web_app)
    sign_in(client, "dewi")
    detail = client.get(f"/staf/konsultasi/{entry_id}")
    assert "Surat permohonan yang ditandatangani pimpinan OPD" in detail.text
    token = re.search(r'name="csrf" value="([^"]+)"', detail.text).group(1)
    response = client.post(f"/staf/konsultasi/{entry_id}/kurang",
                           data={"csrf": token, "kurang": ["Surat permohonan yang "
                                                           "ditandatangani pimpinan OPD"],
                                 "lainnya": "Rincian anggaran hibah tahun 2026"})
    assert response.status_code == 303
    (entry,) = entries(web_app)
    assert entry.status == "incomplete"
    assert entry.missing == ["Surat permohonan yang ditandatangani pimpinan OPD",
                             "Rincian anggaran hibah tahun 2026"]
    (receipt,) = mails(web_app, "consult-receipt")
    (notice,) = mails(web_app, "consult-incomplete")
    assert str(notice["In-Reply-To"]).strip() == str(receipt["Message-ID"]).strip()
    assert "Rincian anggaran hibah tahun 2026" in body(notice)
    assert "membalas surel ini" in body(notice)
    client.cookies.clear()
    page = client.get(f"/lacak/{code}")
    assert "Permohonan belum lengkap" in page.text and "Rincian anggaran hibah" in page.text
    assert "Menunggu kelengkapan" in page.text
    form_token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    refused = client.post(f"/lacak/{code}/lengkapi", data={"csrf": form_token},
                          files=[("berkas", ("surat.pdf", exe_as_pdf(), "application/pdf"))])
    assert refused.status_code == 400 and "ditolak" in refused.text
    assert entries(web_app)[0].status == "incomplete"
    assert client.post(f"/lacak/{code}/lengkapi", data={},
                       files=[("berkas", ("a.pdf", pdf_bytes(), "application/pdf"))]
                       ).status_code == 403                      # CSRF here too
    done = client.post(f"/lacak/{code}/lengkapi", data={"csrf": form_token},
                       files=[("berkas", ("surat-permohonan.pdf", pdf_bytes("Surat"),
                                          "application/pdf"))])
    assert done.status_code == 303
    (entry,) = entries(web_app)
    assert entry.status == "registered" and entry.missing is None
    assert entry.consultation["attachments"][-1]["filename"] == "surat-permohonan.pdf"
    check = open_step(web_app, entry_id, "check")
    assert check is not None and check.official == "agendaris"
    assert client.post(f"/lacak/{code}/lengkapi", data={"csrf": form_token},
                       files=[("berkas", ("b.pdf", pdf_bytes(), "application/pdf"))]
                       ).status_code == 400                      # not waiting any more


def test_a_reply_to_the_missing_notice_completes_the_request(client, web_app):
    register(client)
    entry_id = only_entry_id(web_app)
    sign_in(client, "dewi")
    client.post(f"/staf/konsultasi/{entry_id}/kurang",
                data={"csrf": csrf_of(client, f"/staf/konsultasi/{entry_id}"),
                      "lainnya": "Surat permohonan"})
    (notice,) = mails(web_app, "consult-incomplete")
    reply = EmailMessage()
    reply["From"] = KNOWN
    reply["To"] = web_app.cfg.office.email
    reply["Subject"] = "Re: " + str(notice["Subject"])
    reply["Message-ID"] = make_msgid(domain="pekalongankota.go.id")
    reply["In-Reply-To"] = reply["References"] = notice["Message-ID"]
    reply.set_content("Berikut kami lampirkan surat permohonan.")
    reply.add_attachment(pdf_bytes("Surat permohonan"), maintype="application", subtype="pdf",
                         filename="surat-permohonan.pdf")
    reply.add_attachment(exe_as_pdf(), maintype="application", subtype="pdf",
                         filename="virus.pdf")
    outcome = web_app.consumer.consume(reply.as_bytes(), source="test")
    assert outcome.status == "linked" and outcome.entry_id == entry_id
    assert entries(web_app)[0].status == "incomplete"          # intake only links it
    worker.consultations(web_app)
    (entry,) = entries(web_app)
    assert entry.status == "registered"
    names = [f["filename"] for f in entry.consultation["attachments"]]
    assert "surat-permohonan.pdf" in names and "virus.pdf" not in names
    assert open_step(web_app, entry_id, "check") is not None
    assert worker.consultations(web_app) == 0                   # once


def test_the_direct_answer_is_mailed_reported_archived_and_closed(client, web_app):
    code = register(client)
    entry_id = only_entry_id(web_app)
    sign_in(client, "dewi")
    accept(client, entry_id)
    dispose(web_app, entry_id)
    page = client.get(f"/staf/konsultasi/{entry_id}/jawab")
    assert page.status_code == 403                               # the clerk is no official
    client.cookies.clear()
    sign_in(client, "hendro")                                    # an official, not the owner
    assert client.get(f"/staf/konsultasi/{entry_id}/jawab").status_code == 403
    client.cookies.clear()
    sign_in(client, drafter_account(web_app, entry_id))
    queue = client.get("/staf/konsultasi")
    assert "Menunggu jawaban Anda (1)" in queue.text
    form = client.get(f"/staf/konsultasi/{entry_id}/jawab")
    assert form.status_code == 200 and 'name="jawaban"' in form.text
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    empty = client.post(f"/staf/konsultasi/{entry_id}/jawab", data={"csrf": token,
                                                                   "jawaban": "  "})
    assert empty.status_code == 400 and "kosong" in empty.text
    too_long = client.post(f"/staf/konsultasi/{entry_id}/jawab",
                           data={"csrf": token, "jawaban": "x" * 4001})
    assert too_long.status_code == 400 and "4000" in too_long.text
    answer = "Pertanggungjawaban hibah disampaikan paling lambat 10 Januari.\n<b>bukan HTML</b>"
    done = client.post(f"/staf/konsultasi/{entry_id}/jawab",
                       data={"csrf": token, "jawaban": answer})
    assert done.status_code == 303
    assert done.headers["location"].startswith("/staf/tugas")      # the official's own menu
    (entry,) = entries(web_app)
    assert entry.status == "closed"
    assert entry.consultation["answer"]["text"] == answer
    history = kinds(web_app, entry_id)
    assert history[-5:] == ["answer", "notified", "reported", "archived", "close"]
    (receipt,) = mails(web_app, "consult-receipt")
    (mail,) = mails(web_app, "consult-answer")
    assert str(mail["In-Reply-To"]).strip() == str(receipt["Message-ID"]).strip()
    again = client.post(f"/staf/konsultasi/{entry_id}/jawab",   # a second click or a 2nd tab
                        data={"csrf": token, "jawaban": answer})
    assert again.status_code in (403, 404, 409)
    (mail,) = mails(web_app, "consult-answer")                   # still one answer mail,
    with web_app.session() as s:                                 # keyed once per drafting step
        keys = s.scalars(select(OutboxMail.once_key).where(
            OutboxMail.entry_id == entry_id, OutboxMail.kind == "consult-answer")).all()
    assert len(keys) == 1 and keys[0].startswith(f"{entry_id}:consult-answer:")
    assert answer.splitlines()[0] in body(mail) and "Jawaban Konsultasi" in str(mail["Subject"])
    with web_app.session() as s:
        reported = s.scalar(select(Event).where(Event.entry_id == entry_id,
                                                Event.kind == "reported"))
        assert reported.data["to"] == "TU Kecamatan Pekalongan Utara"
        report = web_app.store.get(reported.data["report"], "report")
        assert report[:2] == b"PK"                                # the DOCX report
        assert s.scalar(select(Step).where(Step.entry_id == entry_id,
                                           Step.status == "open")) is None
    client.cookies.clear()
    page = client.get(f"/lacak/{code}")
    assert "&lt;b&gt;bukan HTML&lt;/b&gt;" in page.text


def test_no_direct_answer_when_the_rules_say_so(client, web_app):
    path = web_app.cfg.rules_path / "consultation.toml"
    path.write_text(path.read_text().replace("direct_answers = true", "direct_answers = false"))
    register(client)
    entry_id = only_entry_id(web_app)
    sign_in(client, "dewi")
    accept(client, entry_id)
    dispose(web_app, entry_id)
    client.cookies.clear()
    sign_in(client, drafter_account(web_app, entry_id))
    form = client.get(f"/staf/konsultasi/{entry_id}/jawab")
    assert 'name="jawaban"' not in form.text and "tidak mengizinkan" in form.text
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    refused = client.post(f"/staf/konsultasi/{entry_id}/jawab",
                          data={"csrf": token, "jawaban": "Singkat saja."})
    assert refused.status_code == 400
    assert entries(web_app)[0].status == "disposed"


def test_a_signed_letter_answer_gets_its_report_from_the_worker(client, web_app):
    register(client)
    entry_id = only_entry_id(web_app)
    now = datetime.now(timezone.utc)
    with web_app.session() as s:
        entry = s.get(AgendaEntry, entry_id)
        for action in ("dispose", "draft", "initial", "sign", "send"):
            states.move(entry, action, actor="test", at=now)
    assert worker.consultations(web_app) == 1
    assert kinds(web_app, entry_id)[-2:] == ["reported", "archived"]
    assert worker.consultations(web_app) == 0


def test_rules_check_reports_consultation_toml_problems(web_app):
    from pipeline.core.rulecheck import check_rules
    path = web_app.cfg.rules_path / "consultation.toml"
    assert [p for p in check_rules(web_app.cfg.rules_path) if p.file == path.name] == []
    path.write_text('direct_answers = "ya"\nbidang = ["A", "a"]\nwilayah = []\nwarna = 1\n')
    found = [str(p) for p in check_rules(web_app.cfg.rules_path) if p.file == path.name]
    assert "consultation.toml:1: 'direct_answers' must be true or false" in found
    assert "consultation.toml:2: 'bidang' lists \"a\" twice" in found
    assert "consultation.toml:3: 'wilayah' needs at least one entry" in found
    assert any(p.startswith("consultation.toml:4: unknown key 'warna'") for p in found)


def test_the_requesters_files_and_the_direct_answer_are_on_the_staff_pages(client, web_app):
    """GIVEN a web request with a PDF, accepted and disposed WHEN the clerk opens the case and
    the drafter opens the task THEN both see the requester's file and can download it, and
    the drafter's task offers the direct answer as an action of its own."""
    register(client, files=[("berkas", ("rab-hibah.pdf", pdf_bytes(), "application/pdf"))])
    entry_id = only_entry_id(web_app)
    sign_in(client, "dewi")
    accept(client, entry_id)
    dispose(web_app, entry_id)
    page = client.get(f"/staf/entri/{entry_id}").text
    assert "rab-hibah.pdf" in page and "Tidak ada berkas" not in page
    link = f"/staf/konsultasi/{entry_id}/berkas/0"
    assert link in page and client.get(link).content.startswith(b"%PDF")
    client.cookies.clear()
    sign_in(client, drafter_account(web_app, entry_id))
    step_id = open_step(web_app, entry_id, "drafting").id
    task = client.get(f"/staf/tugas/{step_id}").text
    assert "rab-hibah.pdf" in task and link in task
    assert client.get(link).content.startswith(b"%PDF")
    assert re.search(r'<div class="action direct">.*?href="/staf/konsultasi/%d/jawab"'
                     % entry_id, task, re.S)


def test_a_forged_reply_to_the_missing_notice_does_not_reopen_the_request(client, web_app,
                                                                         monkeypatch):
    """GIVEN an office whose server stamps Authentication-Results WHEN a reply in the thread
    claims the requester's address but fails DMARC THEN it is refused with the reason and the
    request stays incomplete; the requester's authenticated reply then completes it."""
    import dataclasses

    from tests.stamps import OURS, stamp
    cfg = web_app.cfg
    monkeypatch.setattr(web_app, "cfg", dataclasses.replace(
        cfg, workflow=dataclasses.replace(cfg.workflow, authserv_id=OURS)))
    register(client)
    entry_id = only_entry_id(web_app)
    sign_in(client, "dewi")
    client.post(f"/staf/konsultasi/{entry_id}/kurang",
                data={"csrf": csrf_of(client, f"/staf/konsultasi/{entry_id}"),
                      "lainnya": "Surat permohonan"})
    (notice,) = mails(web_app, "consult-incomplete")
    domain = KNOWN.split("@")[1]

    def reply(results):
        msg = EmailMessage()
        msg["From"] = KNOWN
        msg["To"] = cfg.office.email
        msg["Subject"] = "Re: " + str(notice["Subject"])
        msg["Message-ID"] = make_msgid(domain="attacker.example")
        msg["In-Reply-To"] = msg["References"] = notice["Message-ID"]
        msg.set_content("Berikut lampirannya.")
        msg.add_attachment(pdf_bytes("Surat permohonan"), maintype="application",
                           subtype="pdf", filename="surat-permohonan.pdf")
        return stamp(msg.as_bytes(), results)

    web_app.consumer.consume(reply(f"spf=fail smtp.mailfrom={KNOWN}; dmarc=fail "
                                   f"header.from={domain}"), source="test")
    worker.consultations(web_app)
    assert entries(web_app)[0].status == "incomplete"
    with web_app.session() as s:
        refused = s.scalars(select(InboundMessage).where(
            InboundMessage.outcome == "refused")).all()
        assert len(refused) == 1 and "DMARC" in refused[0].error
    web_app.consumer.consume(reply(f"dkim=pass header.d={domain}"), source="test")
    worker.consultations(web_app)
    assert entries(web_app)[0].status == "registered"
