# SPDX-License-Identifier: AGPL-3.0-or-later
"""Complaints about the service (issue 20): filed from the tracking page, by a PENGADUAN:
reply in the case's thread, or at the desk; a case of its own in the complaint book, answered
by the superior of the official complained about and never by that official, once."""
from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import make_msgid
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from pipeline.books.complaints import complaint_figures
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, OutboxMail, Step
from pipeline.core.models_complaint import Complaint
from pipeline.web import accounts

from .conftest import PASSWORD, csrf_of, sign_in
from .publicform import KNOWN, XSS, body, dispose, drafter_account, mails, only_entry_id, \
    register

SUPERIOR_OF = {"auditor-1a": "irban-1", "auditor-1b": "irban-1", "auditor-2a": "irban-2",
               "auditor-2b": "irban-2", "auditor-3a": "irban-3", "auditor-3b": "irban-3",
               "auditor-4a": "irban-4", "auditor-4b": "irban-4"}


def answered_case(client, web_app) -> tuple[str, int, str]:
    """A web request accepted, disposed and answered directly: (tracking code, entry id, the
    official who answered it)."""
    code = register(client)
    entry_id = only_entry_id(web_app)
    sign_in(client, "dewi")
    client.post(f"/staf/konsultasi/{entry_id}/terima",
                data={"csrf": csrf_of(client, f"/staf/konsultasi/{entry_id}")})
    dispose(web_app, entry_id)
    client.cookies.clear()
    drafter = drafter_account(web_app, entry_id)
    with web_app.session() as s:
        official = s.scalar(select(Step.official).where(Step.entry_id == entry_id,
                                                        Step.kind == "drafting"))
    sign_in(client, drafter)
    answer = client.post(f"/staf/konsultasi/{entry_id}/jawab",
                         data={"csrf": csrf_of(client, f"/staf/konsultasi/{entry_id}/jawab"),
                               "jawaban": "Dana hibah dipertanggungjawabkan paling lambat 10 "
                                          "Januari tahun berikutnya."})
    assert answer.status_code == 303, answer.text
    client.cookies.clear()
    return code, entry_id, official


def file_on_page(client, code: str, text: str, nonce: str | None = None):
    page = client.get(f"/lacak/{code}").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    nonce = nonce or re.search(r'name="nonce" value="([^"]+)"', page).group(1)
    return client.post(f"/lacak/{code}/pengaduan",
                       data={"csrf": csrf, "nonce": nonce, "pengaduan": text}), nonce


def account_for(app, official: str) -> str:
    username = "akun-" + official
    with app.session() as s:
        accounts.add(s, username, official.title(), "official", PASSWORD, official=official,
                     actor="test", now=datetime.now(timezone.utc))
    return username


def complaints(app) -> list[Complaint]:
    with app.session() as s:
        rows = list(s.scalars(select(Complaint).order_by(Complaint.id)))
        for row in rows:
            s.expunge(row)
        return rows


def test_a_complaint_from_the_tracking_page_reaches_the_superior_and_is_answered(client,
                                                                                   web_app):
    """GIVEN an answered web consultation WHEN the requester files a complaint on the tracking
    page THEN it is a case of its own (PENG number) linked to the original, the requester gets
    a receipt, the superior of the official who answered gets the step and the official
    complained about gets nothing and cannot answer it; a second post of the same form files
    nothing; the superior's answer reaches the requester by mail and on the page, once; and
    the period's figures count it as answered within its 5-working-day target."""
    code, entry_id, official = answered_case(client, web_app)
    superior = SUPERIOR_OF[official]
    text = "Jawaban terlambat dan petugas tidak menjawab telepon. " + XSS[0]
    response, nonce = file_on_page(client, code, text)
    assert response.status_code == 303, response.text[:2000]
    (c,) = complaints(web_app)
    assert (c.original_id, c.about, c.handler, c.via) == (entry_id, official, superior, "web")
    with web_app.session() as s:
        entry = s.get(AgendaEntry, c.entry_id)
        number = entry.agenda_no
        assert re.fullmatch(r"0001/PENG/ITDA/\d{4}", number)
        assert (entry.book, entry.status) == ("complaint", "registered")
        step = s.scalar(select(Step).where(Step.entry_id == entry.id))
        assert (step.kind, step.official, step.status) == ("complaint", superior, "open")
        due = utc(step.due_at).astimezone(ZoneInfo(web_app.cfg.office.timezone))
        assert (due.date(), due.strftime("%H:%M")) == (entry.due_on, "16:00")   # office close
        opened = step.opened_at
    # the superior is asked, the official complained about is told nothing
    (request,) = mails(web_app, "step-complaint")
    superior_addr = web_app.workflow.by_code[superior].emails[0]
    assert superior_addr in str(request["To"]) and text in body(request)
    with web_app.session() as s:
        to_rows = s.scalars(select(OutboxMail.to_addrs).where(
            OutboxMail.entry_id == c.entry_id)).all()
    about_addrs = set(web_app.workflow.by_code[official].emails)
    assert not any(set(a.lower() for a in addrs) & about_addrs for addrs in to_rows)
    (receipt,) = mails(web_app, "complaint-receipt")
    assert KNOWN in str(receipt["To"]) and number in str(receipt["Subject"])
    assert "Tanda Terima Pengaduan" in str(receipt["Subject"])
    page = client.get(f"/lacak/{code}").text
    assert number in page and "Sedang ditangani" in page
    assert XSS[0] not in page and "&lt;script&gt;" in page
    assert superior_addr not in page and web_app.workflow.by_code[superior].name not in page

    # the same form posted again (a double click, a replay) files nothing more
    again, _ = file_on_page(client, code, text, nonce=nonce)
    assert again.status_code == 303 and len(complaints(web_app)) == 1
    assert len(mails(web_app, "complaint-receipt")) == 1

    # the official complained about cannot answer it, not even on the web
    sign_in(client, drafter_account_for(web_app, official))
    denied = client.post(f"/staf/tugas/{step.id}",
                         data={"csrf": csrf_of(client, "/staf/tugas"), "revision": "0",
                               "stage": "0", "action": "answer", "notes": "Sudah sesuai."})
    assert denied.status_code == 403
    client.cookies.clear()

    # the superior answers on the web, once
    sign_in(client, account_for(web_app, superior))
    task = client.get(f"/staf/tugas/{step.id}")
    assert task.status_code == 200 and "Tanggapi pengaduan" in task.text
    assert f"/staf/entri/{entry_id}" in task.text and "Pejabat terkait" in task.text
    form = {"csrf": csrf_of(client, f"/staf/tugas/{step.id}"), "revision": "0", "stage": "0",
            "action": "answer", "notes": "Mohon maaf atas keterlambatan; petugas telah kami "
                                         "tegur dan jawaban dikirim ulang."}
    done = client.post(f"/staf/tugas/{step.id}", data=form)
    assert done.status_code == 303, done.text[:2000]
    assert client.post(f"/staf/tugas/{step.id}", data=form).status_code == 409   # stale
    client.cookies.clear()
    (answer,) = mails(web_app, "complaint-answer")
    assert KNOWN in str(answer["To"]) and "petugas telah kami tegur" in body(answer)
    page = client.get(f"/lacak/{code}").text
    assert "Telah ditanggapi" in page and "petugas telah kami tegur" in page
    with web_app.session() as s:
        assert s.get(AgendaEntry, c.entry_id).status == "closed"
    (c,) = complaints(web_app)
    assert c.answered_by == superior

    today = opened.date()
    with web_app.session() as s:
        fig = complaint_figures(s, today - timedelta(days=1), today + timedelta(days=1),
                                zone=web_app.cfg.office.timezone)
    assert (fig["filed"], fig["answered"], fig["within_target"], fig["open"]) == (1, 1, 1, 0)
    assert fig["median_days"] == 0 and fig["p90_days"] == 0
    (row,) = fig["complaints"]
    assert row["number"] == number and row["status"] == "Telah ditanggapi"
    with web_app.session() as s:
        none = complaint_figures(s, date(2020, 1, 1), date(2020, 3, 31))
    assert none["filed"] == 0 and none["median_days"] is None


def drafter_account_for(app, official: str) -> str:
    from pipeline.core.models import User
    with app.session() as s:
        return s.scalar(select(User.username).where(User.official == official))


def strict(web_app, monkeypatch) -> None:
    """The office's server stamps Authentication-Results, and Paraf trusts only those."""
    from tests.stamps import OURS
    cfg = web_app.cfg
    monkeypatch.setattr(web_app, "cfg", dataclasses.replace(
        cfg, workflow=dataclasses.replace(cfg.workflow, authserv_id=OURS,
                                          auth_policy="require")))
    for cached in ("workflow", "consumer"):
        web_app.__dict__.pop(cached, None)


def mail(sender: str, to: str, subject: str, thread: str, text: str, results: str | None,
         message_id: str | None = None) -> bytes:
    from tests.stamps import stamp
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = message_id or make_msgid(domain=sender.split("@")[1])
    msg["In-Reply-To"] = msg["References"] = thread
    msg.set_content(text + "\n\n> pesan sebelumnya dikutip di sini\n")
    return stamp(msg.as_bytes(), results)


def test_a_pengaduan_reply_counts_only_from_the_requester_authenticated_and_once(
        client, web_app, monkeypatch):
    """GIVEN an answered web consultation WHEN replies saying PENGADUAN: arrive in its thread
    THEN one that fails DMARC, one from another address and a plain reply file nothing; the
    requester's authenticated one files one complaint and its redelivery nothing more; the
    superior's token reply answers it and the official complained about cannot, once."""
    strict(web_app, monkeypatch)
    code, entry_id, official = answered_case(client, web_app)
    superior = web_app.workflow.by_code[SUPERIOR_OF[official]]
    about = web_app.workflow.by_code[official]
    (answer,) = mails(web_app, "consult-answer")
    office = web_app.cfg.office.email
    domain = KNOWN.split("@")[1]
    subject = "Re: " + str(answer["Subject"])
    text = "PENGADUAN: jawaban tidak menjawab pertanyaan kedua kami."
    consume = lambda raw: web_app.consumer.consume(raw, source="test")  # noqa: E731
    forged = consume(mail(KNOWN, office, subject, answer["Message-ID"], text,
                          f"spf=fail smtp.mailfrom={KNOWN}; dmarc=fail header.from={domain}"))
    stranger = consume(mail("warga@example.org", office, subject, answer["Message-ID"], text,
                            "dkim=pass header.d=example.org"))
    plain = consume(mail(KNOWN, office, subject, answer["Message-ID"], "Terima kasih.",
                         f"dkim=pass header.d={domain}"))
    assert (forged.status, stranger.status, plain.status) == ("refused", "refused", "linked")
    assert "DMARC" in forged.reason and "warga@example.org" in stranger.reason
    assert complaints(web_app) == [] and mails(web_app, "step-complaint") == []

    msgid = make_msgid(domain=domain)
    good = mail(KNOWN, office, subject, answer["Message-ID"], text,
                f"dkim=pass header.d={domain}", message_id=msgid)
    filed = consume(good)
    assert filed.status == "complaint" and "/PENG/" in filed.agenda_no
    again = consume(good.replace(b"kedua kami", b"kedua kami!"))   # redelivered, bytes changed
    assert again.status != "complaint"
    (c,) = complaints(web_app)
    assert (c.via, c.handler, c.about, c.original_id) == ("mail", superior.code, official,
                                                          entry_id)
    assert c.text == "jawaban tidak menjawab pertanyaan kedua kami."
    (request,) = mails(web_app, "step-complaint")
    assert superior.emails[0] in str(request["To"])
    (receipt,) = mails(web_app, "complaint-receipt")
    assert receipt["In-Reply-To"] is not None and KNOWN in str(receipt["To"])

    # the official complained about replies to the request with its token: refused
    token_to = str(request["Reply-To"])
    ours = "dkim=pass header.d=inspektorat.example.go.id"
    hijack = consume(mail(about.emails[0], token_to, "Re: " + str(request["Subject"]),
                          request["Message-ID"], "Pengaduan tidak berdasar.", ours))
    assert hijack.status == "refused" and "bukan alamat terdaftar" in hijack.reason
    # the superior answers by mail; a replay of that reply changes nothing
    def reply(message_id=None):
        return mail(superior.emails[0], token_to, "Re: " + str(request["Subject"]),
                    request["Message-ID"], "Jawaban atas pertanyaan kedua kami kirim ulang "
                    "hari ini.", ours, message_id=message_id)
    assert consume(reply()).status == "responded"
    replay = consume(reply(make_msgid(domain="inspektorat.example.go.id")))   # a new copy
    assert replay.status == "refused" and "sudah dijawab" in replay.reason
    (answered,) = mails(web_app, "complaint-answer")
    assert "kami kirim ulang hari ini" in body(answered)
    assert "Pengaduan tidak berdasar" not in body(answered)
    (c,) = complaints(web_app)
    assert c.answered_by == superior.code
    page = client.get(f"/lacak/{code}").text
    assert "kami kirim ulang hari ini" in page and "Telah ditanggapi" in page
    with web_app.session() as s:
        assert s.scalar(select(func.count()).select_from(Complaint)) == 1


def test_at_the_desk_an_absent_superior_is_passed_over(client, web_app):
    """GIVEN the superior of the official who answered is away (rules/complaints.toml) WHEN
    the clerk records a visitor's complaint at the desk THEN it goes one level further up (the
    Inspektur), with the office's own target; a reload of the form files nothing more."""
    code, entry_id, official = answered_case(client, web_app)
    superior = SUPERIOR_OF[official]
    (web_app.cfg.rules_path / "complaints.toml").write_text(
        f'working_days = 3\nabsent = ["{superior}"]\n')
    sign_in(client, "dewi")
    assert f"/staf/pengaduan/{entry_id}" in client.get(f"/staf/entri/{entry_id}").text
    page = client.get(f"/staf/pengaduan/{entry_id}").text
    nonce = re.search(r'name="nonce" value="([^"]+)"', page).group(1)
    form = {"csrf": csrf_of(client, f"/staf/pengaduan/{entry_id}"), "nonce": nonce,
            "pengaduan": "Pengunjung menyampaikan bahwa petugas loket tidak ramah."}
    empty = client.post(f"/staf/pengaduan/{entry_id}", data={**form, "pengaduan": "  "})
    assert empty.status_code == 400 and "Isi pengaduan masih kosong" in empty.text
    assert client.post(f"/staf/pengaduan/{entry_id}", data=form).status_code == 303
    assert client.post(f"/staf/pengaduan/{entry_id}", data=form).status_code == 303
    (c,) = complaints(web_app)
    assert (c.via, c.about, c.handler, c.filed_by) == ("desk", official, "inspektur", "web:dewi")
    with web_app.session() as s:
        entry = s.get(AgendaEntry, c.entry_id)
        from pipeline.core.workdays import Calendar
        from pipeline.intake.register import Registrar
        registrar = Registrar(web_app.cfg, web_app.rules)
        assert entry.due_on == Calendar(web_app.cfg.service.extra_holidays).add_working_days(
            registrar.local_date(c.filed_at if c.filed_at.tzinfo else
                                 c.filed_at.replace(tzinfo=timezone.utc)), 3)
    assert "Sedang ditangani" in client.get(f"/staf/pengaduan/{entry_id}").text
    (request,) = mails(web_app, "step-complaint")
    assert web_app.workflow.by_code["inspektur"].emails[0] in str(request["To"])


def test_who_answers_a_complaint(web_app):
    """The superior, never the official complained about; the Inspektur when the hierarchy
    ends; over_inspector for the Inspektur; a misconfigured file is reported by rules check."""
    from pipeline.consult.complaint_rules import ComplaintRules, handler_for
    from pipeline.core.errors import RulesError
    from pipeline.core.rulecheck import check_rules
    wf = web_app.workflow
    officials, by = wf.officials, wf.by_code
    plain = ComplaintRules()
    assert handler_for(officials, by["auditor-2a"], plain).code == "irban-2"
    assert handler_for(officials, by["irban-2"], plain).code == "inspektur"
    assert handler_for(officials, by["agendaris"], plain).code == "kasubag-umum"
    assert handler_for(officials, by["inspektur"], plain).code == "sekretaris"
    assert handler_for(officials, None, plain).code == "inspektur"
    away = ComplaintRules(absent=("kasubag-umum", "sekretaris"))
    assert handler_for(officials, by["agendaris"], away).code == "inspektur"
    for o in officials:                       # nobody ever answers a complaint about themself
        for rules in (plain, away):
            assert handler_for(officials, o, rules).code != o.code
    with __import__("pytest").raises(RulesError):
        handler_for(officials, by["inspektur"], ComplaintRules(over_inspector="inspektur"))
    (web_app.cfg.rules_path / "complaints.toml").write_text('over_inspector = "wakil"\n')
    found = [str(p) for p in check_rules(web_app.cfg.rules_path)]
    assert "complaints.toml: 'wakil' is not an official in officials.toml" \
        in found


def test_a_complaint_skips_a_superior_away_and_never_moves_to_the_official_complained_about(
        client, web_app):
    """GIVEN the superior is away today (`paraf away`) WHEN a complaint is filed THEN it goes
    one level up; and WHEN the Inspektur then goes away naming the official complained about as
    Plt. THEN the complaint's step stays where it is: it never reaches that official."""
    from pipeline.casework import away
    code, entry_id, official = answered_case(client, web_app)
    wf, superior = web_app.workflow, SUPERIOR_OF[official]
    now = datetime.now(timezone.utc)
    today = now.astimezone(ZoneInfo(web_app.cfg.office.timezone)).date()
    with web_app.session() as s:
        away.record(wf, s, wf.by_code[superior], wf.by_code["sekretaris"], today,
                    today + timedelta(days=3), "dinas luar", by="cli", now=now)
    response, _ = file_on_page(client, code, "Jawaban yang kami terima tidak menjawab "
                                             "pertanyaan kedua.")
    assert response.status_code in (200, 303), response.text
    (c,) = complaints(web_app)
    assert (c.about, c.handler) == (official, "inspektur")
    with web_app.session() as s:
        away.record(wf, s, wf.by_code["inspektur"], wf.by_code[official], today,
                    today + timedelta(days=2), "cuti", by="cli", now=now)
    with web_app.session() as s:
        (step,) = s.scalars(select(Step).where(Step.entry_id == c.entry_id,
                                               Step.status == "open")).all()
        assert step.official == "inspektur" and step.official != official
