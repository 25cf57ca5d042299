# SPDX-License-Identifier: AGPL-3.0-or-later
"""The walk-in desk on the web (seed 2, "secara langsung"): the clerk records a visitor and
prints the form, the Inspector disposes by e-mail as for letters, the assigned official writes
the answer, the visitor gets the completed copy by e-mail and the clerk prints it; nobody else
may answer; whatever a visitor types stays text, on the pages and in the PDF."""
from __future__ import annotations

import email
import io
import re
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid

import pdfplumber
from sqlalchemy import select

from pipeline.consult import walkin
from pipeline.core import events
from pipeline.core.models import AgendaEntry, Event, OutboxMail, Step

from .conftest import csrf_of, sign_in

VISITOR = {"name": "Siti Rahmawati, S.E.", "nip": "19850101 201001 2 003",
           "position": "Kepala Subbagian Keuangan",
           "institution": "Dinas Pendidikan Kota Pekalongan", "phone": "0812-2345-6789",
           "email": "siti.rahmawati@example.id",
           "purpose": "Konsultasi tindak lanjut rekomendasi LHP atas belanja Dana BOS 2025",
           "question": ["Bagaimana menindaklanjuti rekomendasi pengembalian kelebihan bayar?",
                        "Apakah pengembalian dapat diangsur?"]}
SUMMARY = ("Kelebihan bayar disetor ke kas daerah paling lambat 60 hari sejak LHP diterima.\n"
           "Angsuran dapat diajukan dengan surat pernyataan kesanggupan.")


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def register(client, form: dict):
    data = {"csrf": csrf_of(client, "/staf/datang"), **form}
    return client.post("/staf/datang", data=data)


def spooled(app, row: OutboxMail) -> EmailMessage:
    raw = (app.cfg.outbox_path / row.spool_path).read_bytes()
    return email.message_from_bytes(raw, policy=policy.default)


def mails(app, kind: str) -> list[OutboxMail]:
    with app.session() as s:
        return list(s.scalars(select(OutboxMail).where(OutboxMail.kind == kind)
                              .order_by(OutboxMail.id)))


def inspector_replies(app, body: str) -> None:
    """The Inspector answers the disposition e-mail from their registered address."""
    [row] = mails(app, "step-disposition")
    sheet = spooled(app, row)
    reply = EmailMessage()
    reply["From"] = "inspektur@inspektorat.example.go.id"
    reply["To"] = str(sheet["Reply-To"])
    reply["Subject"] = "Re: " + str(sheet["Subject"])
    reply["Message-ID"] = make_msgid(domain="inspektorat.example.go.id")
    reply["In-Reply-To"] = reply["References"] = str(sheet["Message-ID"])
    reply.set_content(body)
    outcome = app.consumer.consume(reply.as_bytes(), source="test")
    assert outcome.status == "disposed", outcome


def test_a_walk_in_from_registration_to_the_printed_copy(client, web_app):
    """GIVEN the clerk at the desk WHEN she records a visitor, prints the form, the Inspector
    disposes by e-mail and the official writes the answer THEN the case is closed the same
    day, the visitor's copy is mailed with the PDF and the clerk prints the same copy."""
    assert sign_in(client, "dewi").status_code == 303
    desk = client.get("/staf/datang")
    assert desk.status_code == 200 and "Catat pengunjung baru" in desk.text
    assert "Dinas Pendidikan Kota Pekalongan" in desk.text          # the OPDs to pick from

    made = register(client, VISITOR)
    assert made.status_code == 303
    case_url = made.headers["location"]
    assert re.fullmatch(r"/staf/datang/\d+", case_url)
    case = client.get(case_url)
    assert "Pengunjung dicatat dengan Nomor Agenda 0001/KONS/ITDA/2026" in case.text
    assert "target selesai" in case.text and "menunggu disposisi Inspektur" in case.text
    entry_id = int(case_url.rsplit("/", 1)[1])

    with web_app.session() as s:
        entry = s.get(AgendaEntry, entry_id)
        assert (entry.channel, entry.book, entry.status) == ("walk-in", "consultation",
                                                             "registered")
        assert entry.opd_code == "disdik-kota-pekalongan"
        assert entry.sender_email == VISITOR["email"]
        assert entry.events[0].actor == "web:dewi"                    # the clerk registered it
        target = walkin.target_of(entry)
        assert entry.due_on == target.astimezone(walkin.ZoneInfo("Asia/Jakarta")).date()
        [step] = s.scalars(select(Step).where(Step.entry_id == entry_id))
        assert (step.kind, step.official, step.status) == ("disposition", "inspektur", "open")
    assert mails(web_app, "receipt") == []          # the visitor holds the form, no receipt
    [sheet] = mails(web_app, "step-disposition")
    assert sheet.to_addrs == ["inspektur@inspektorat.example.go.id"]

    form = client.get(f"{case_url}/formulir.pdf")
    assert form.status_code == 200
    assert form.headers["content-type"] == "application/pdf"
    assert form.headers["content-disposition"].startswith("attachment;")
    text = flat(pdf_text(form.content))
    for expected in ("PEMERINTAH KOTA PEKALONGAN", "INSPEKTORAT DAERAH KOTA PEKALONGAN",
                     "FORMULIR KONSULTASI", "Nomor Agenda: 0001/KONS/ITDA/2026",
                     VISITOR["name"], "NIP : 19850101 201001 2 003", VISITOR["question"][0],
                     VISITOR["question"][1], "Pengunjung,", "Pejabat yang menerima konsultasi",
                     "hari yang sama"):
        assert expected in text, expected
    assert "SALINAN" not in text

    inspector_replies(web_app, "DISPOSISI KEPADA auditor-1a: Mohon dijawab hari ini.")
    with web_app.session() as s:
        entry = s.get(AgendaEntry, entry_id)
        assert entry.status == "disposed"
        assert walkin.drafting_step(s, entry).official == "auditor-1a"

    # The official's own queue leads to the direct answer page.
    sign_in(client, "rina")
    with web_app.session() as s:
        step_id = walkin.drafting_step(s, s.get(AgendaEntry, entry_id)).id
        assert (walkin.utc(walkin.drafting_step(s, s.get(AgendaEntry, entry_id)).due_at)
                <= walkin.target_of(s.get(AgendaEntry, entry_id)))   # held to the same day
    assert f'href="{case_url}/jawab"' in client.get(f"/staf/tugas/{step_id}").text

    # Only the official holding the open drafting step may answer, whatever the URL.
    for other in ("hendro", "bambang"):
        sign_in(client, other)
        assert client.get(f"{case_url}/jawab").status_code == 403
        token = csrf_of(client, "/kata-sandi")
        refused = client.post(f"{case_url}/jawab", data={"csrf": token, "summary": "bukan saya"})
        assert refused.status_code == 403
    sign_in(client, "dewi")
    assert client.get(f"{case_url}/jawab").status_code == 403           # the clerk's role

    sign_in(client, "rina")
    tasks = client.get("/staf/datang/tugas")
    assert f'href="{case_url}/jawab"' in tasks.text
    page = client.get(f"{case_url}/jawab")
    assert page.status_code == 200 and VISITOR["question"][1] in page.text
    empty = client.post(f"{case_url}/jawab", data={"csrf": csrf_of(client, f"{case_url}/jawab"),
                                                   "summary": "   "})
    assert empty.status_code == 400 and "wajib diisi" in empty.text
    done = client.post(f"{case_url}/jawab", data={"csrf": csrf_of(client, f"{case_url}/jawab"),
                                                  "summary": SUMMARY})
    assert done.status_code == 303
    assert client.get(f"{case_url}/jawab").status_code == 403            # answered once

    with web_app.session() as s:
        entry = s.get(AgendaEntry, entry_id)
        assert entry.status == "closed"
        answer = entry.consultation["answer"]
        assert answer["summary"] == SUMMARY and answer["official"] == "auditor-1a"
        assert answer["by"] == "web:rina" and answer["at"]
        kinds = [e.kind for e in entry.events]
        assert kinds[-4:] == ["answer", "notified", "archived", "close"]
        assert walkin.on_time(entry, answered := walkin.answered_at(entry)) is True
        assert answered <= walkin.target_of(entry)          # the same working day
        assert events.verify(s) == []

    [copy_mail] = mails(web_app, "walkin-copy")
    assert copy_mail.to_addrs == [VISITOR["email"]]
    message = spooled(web_app, copy_mail)
    assert str(message["Subject"]) == "Salinan Formulir Konsultasi [0001/KONS/ITDA/2026]"
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Yth. Bapak/Ibu Siti Rahmawati, S.E." in body
    assert "Formulir aslinya kami simpan sebagai arsip" in body and SUMMARY in body
    [pdf_part] = list(message.iter_attachments())
    assert pdf_part.get_content_type() == "application/pdf"
    mailed = pdf_part.get_content()

    sign_in(client, "dewi")
    case = client.get(case_url)
    assert "selesai tepat waktu" in case.text and "Salinan dikirim lewat surel" in case.text
    copy = client.get(f"{case_url}/salinan.pdf")
    assert copy.status_code == 200 and copy.headers["content-type"] == "application/pdf"
    assert copy.headers["content-disposition"].startswith("attachment;")
    assert copy.content == mailed                       # the archived copy is the mailed one
    text = flat(pdf_text(copy.content))
    for expected in ("SALINAN", "FORMULIR KONSULTASI", "Rina Kusumawati, S.E., Ak.",
                     "Mohon dijawab hari ini.", flat(SUMMARY), "(tepat waktu)",
                     "NIP. 19830410 200902 2 006", "Inspektur Daerah Kota Pekalongan"):
        assert expected in text, expected
    with web_app.session() as s:
        printed = [e.data["form"] for e in s.scalars(select(Event).where(
            Event.entry_id == entry_id, Event.kind == "printed").order_by(Event.id))]
        assert printed == ["formulir", "salinan"]
    listing = client.get("/staf/datang")
    assert "0001/KONS/ITDA/2026" in listing.text and "Tepat waktu" in listing.text


def test_the_form_says_what_is_missing_or_wrong(client, web_app):
    sign_in(client, "dewi")
    bad = register(client, {**VISITOR, "name": "", "email": "bukan-surel", "nip": "123",
                            "question": ["", ""]})
    assert bad.status_code == 400
    for message in ("Nama wajib diisi.", "Alamat surel tidak valid.", "NIP terdiri atas 18",
                    "paling sedikit satu pertanyaan"):
        assert message in bad.text
    assert 'value="bukan-surel"' in bad.text                   # what was typed is kept
    with web_app.session() as s:
        assert s.scalar(select(AgendaEntry.id)) is None
    no_csrf = client.post("/staf/datang", data=VISITOR)
    assert no_csrf.status_code == 403
    sign_in(client, "rina")
    assert client.get("/staf/datang").status_code == 403          # the desk is the clerk's


XSS = ('<script>alert("x")</script>', '"><img src=x onerror=alert(1)>',
       "<svg onload=alert(2)>", "';alert(3);//<b>", "{{7*7}}<i>")


def test_xss_payloads_stay_text_on_the_pages_and_in_the_pdf(client, web_app):
    """GIVEN a payload in every field a visitor or an official types WHEN the pages and forms
    are shown THEN no payload appears unescaped, and the PDF prints each one literally."""
    sign_in(client, "dewi")
    hostile = {"name": f"Budi {XSS[0]}", "nip": "", "position": f"Kasubag {XSS[1]}",
               "institution": f"Dinas {XSS[2]}", "phone": XSS[3][:30],
               "email": "budi@example.id", "purpose": f"Tujuan {XSS[4]} {XSS[0]}",
               "question": [f"Soal {XSS[1]}", f"Soal {XSS[2]}"]}
    made = register(client, hostile)
    assert made.status_code == 303
    case_url = made.headers["location"]
    entry_id = int(case_url.rsplit("/", 1)[1])
    with web_app.session() as s:
        entry = s.get(AgendaEntry, entry_id)
        walkin.dispose(s, web_app, entry, "auditor-1a", by_code="inspektur",
                       instructions=f"Petunjuk {XSS[2]}", now=walkin.utc(entry.received_at),
                       actor="web:bambang")
    pages = [client.get("/staf/datang").text, client.get(case_url).text]
    sign_in(client, "rina")
    pages += [client.get("/staf/datang/tugas").text, client.get(f"{case_url}/jawab").text]
    answered = client.post(f"{case_url}/jawab", data={
        "csrf": csrf_of(client, f"{case_url}/jawab"), "summary": f"Jawaban {XSS[0]} {XSS[1]}"})
    assert answered.status_code == 303
    sign_in(client, "dewi")
    pages += [client.get(case_url).text, client.get("/staf/datang").text]
    bad = register(client, {**hostile, "email": f"x{XSS[1]}@example.id", "nip": XSS[0]})
    assert bad.status_code == 400
    pages.append(bad.text)
    for html in pages:
        for payload in XSS:
            assert payload not in html, payload
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "<svg onload" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in pages[1]
    assert "{{7*7}}&lt;i&gt;" in pages[1]                 # no template evaluation either

    form = flat(pdf_text(client.get(f"{case_url}/formulir.pdf").content))
    copy = flat(pdf_text(client.get(f"{case_url}/salinan.pdf").content))
    for text in (form, copy):
        for typed in (hostile["name"], hostile["position"], hostile["institution"],
                      hostile["phone"], hostile["purpose"], *hostile["question"],
                      f"Petunjuk {XSS[2]}"):
            assert flat(typed) in text, typed
    assert flat(f"Jawaban {XSS[0]} {XSS[1]}") in copy


def test_the_desk_shows_earlier_open_visits_as_late(client, web_app):
    """GIVEN a visit of three days ago still waiting for its answer WHEN the clerk opens the
    desk THEN it is listed apart from today's, marked late against its same-day target."""
    from datetime import datetime, timedelta, timezone
    earlier = datetime.now(timezone.utc) - timedelta(days=3)
    with web_app.session() as s:
        walkin.register(s, web_app, walkin.Visit(
            name="Tono", institution="BPKAD", purpose="Aset", questions=("Hibah?",)),
            earlier, actor="web:dewi")
    sign_in(client, "dewi")
    desk = client.get("/staf/datang").text
    today, _, rest = desk.partition("Belum selesai dari hari sebelumnya")
    assert "Belum ada pengunjung hari ini." in today
    assert "Tono" in rest and "Terlambat" in rest.split("Catat pengunjung baru")[0]
    assert "Badan Pengelolaan Keuangan dan Aset Daerah Kota Pekalongan" in rest
