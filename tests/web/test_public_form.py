# SPDX-License-Identifier: AGPL-3.0-or-later
"""The public consultation form (seed 1 step 1): registration, the receipt by e-mail,
confirmation of unknown addresses, and the abuse cases (CSRF, honeypot, rate limits, hostile
files, values kept and escaped)."""
from __future__ import annotations

import dataclasses
import email
import re
from datetime import timedelta
from email import policy

from sqlalchemy import func, select

from pipeline import worker
from pipeline.consult import register as consult
from pipeline.core.models import PendingRequest, RateHit, Step

from .publicform import (
    KNOWN,
    UNKNOWN,
    XSS,
    body,
    corrupt_pdf,
    docx_bytes,
    entries,
    exe_as_pdf,
    mails,
    pdf_bytes,
    png_bytes,
    receipt_code,
    register,
    submit,
    zip_bomb_docx,
)


def _set_web(app, **values):
    app.cfg = dataclasses.replace(app.cfg, web=dataclasses.replace(app.cfg.web, **values))


def test_the_form_offers_the_rules_lists_a_csrf_field_and_a_hidden_honeypot(client):
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert 'name="csrf"' in html and 'enctype="multipart/form-data"' in html
    assert "Keuangan dan Aset Daerah" in html and "Kecamatan Pekalongan Utara" in html
    assert "Dinas Pendidikan Kota Pekalongan" in html and 'value="lainnya"' in html
    assert re.search(r'<div class="hp" aria-hidden="true">\s*<label>[^<]*<input name="situs"',
                     html)
    assert html.count('name="pertanyaan"') == 5
    assert "<script" not in html and "style=" not in html
    assert page.headers["referrer-policy"] == "no-referrer"


def test_a_known_address_is_registered_at_once_with_a_receipt_and_a_clerk_check(client,
                                                                                 web_app):
    response = submit(client, files=[("berkas", ("lampiran.pdf", pdf_bytes(), "application/pdf")),
                                     ("berkas", ("foto.png", png_bytes(), "image/png"))])
    assert response.status_code == 200, response.text
    code = receipt_code(response)
    (entry,) = entries(web_app)
    assert entry.channel == "web" and entry.book == "consultation"
    assert entry.status == "registered" and entry.agenda_no.endswith(entry.agenda_no[-4:])
    assert "/KONS/" in entry.agenda_no and entry.agenda_no in response.text
    assert entry.tracking_hash == consult.tracking_hash(code) and code not in str(entry.__dict__)
    assert entry.sender_email == KNOWN and entry.opd_code == "disdik-kota-pekalongan"
    assert [q for q in entry.letter["pertanyaan"]] == [
        "Bagaimana pertanggungjawaban dana hibah yang terlambat?",
        "Apakah perlu reviu Inspektorat sebelum pencairan?"]
    assert [f["filename"] for f in entry.consultation["attachments"]] == ["lampiran.pdf",
                                                                          "foto.png"]
    assert "Keuangan dan Aset Daerah" in entry.letter["hal"]
    with web_app.session() as s:
        (step,) = s.scalars(select(Step).where(Step.entry_id == entry.id))
        assert (step.kind, step.official, step.status) == ("check", "agendaris", "open")
    for f in entry.consultation["attachments"]:
        assert web_app.store.path_for(f["sha256"], "att").exists()
    # the receipt: only the web one (with the tracking link), never the letter receipt
    assert mails(web_app, "receipt") == []
    (mail,) = mails(web_app, "consult-receipt")
    text = body(mail)
    assert f"/lacak/{code}" in text and entry.agenda_no in text
    assert "Bagaimana pertanggungjawaban dana hibah" in text and "lampiran.pdf" in text
    assert str(mail["To"]).endswith(f"<{KNOWN}>")
    assert entry.agenda_no in str(mail["Subject"])
    assert "formulir permohonan tercetak (PDF)" in text
    pdf = client.get(f"/lacak/{code}/permohonan.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_the_receipt_reaches_a_real_smtp_server(client, web_app, smtp_server):
    web_app.cfg = dataclasses.replace(web_app.cfg, smtp=smtp_server.url())
    code = register(client)
    report = worker.deliver(web_app)
    assert report.sent == 1
    (received,) = smtp_server.messages
    assert received.rcpt_tos == [KNOWN]
    msg = email.message_from_bytes(received.raw, policy=policy.default)
    assert "Tanda Terima Permohonan Konsultasi" in str(msg["Subject"])
    assert f"{web_app.cfg.web.base_url}/lacak/{code}" in body(msg)
    assert "Nomor Agenda" in body(msg) and "hari kerja" in body(msg)


def test_an_unknown_address_confirms_first_then_the_case_is_registered(client, web_app):
    response = submit(client, email=UNKNOWN, opd="lainnya",
                      institution_other="Kelurahan Panjang Wetan")
    assert response.status_code == 200 and "Periksa surel Anda" in response.text
    assert entries(web_app) == []
    (mail,) = mails(web_app, "consult-confirm")
    link = re.search(r"https?://\S+/permohonan/konfirmasi/(\S+)", body(mail))
    token = link.group(1)
    with web_app.session() as s:
        (row,) = s.scalars(select(PendingRequest))
        assert row.token_hash != token and row.token_hash == consult.tracking_hash(token)
        assert row.entry_id is None
    page = client.get(f"/permohonan/konfirmasi/{token}")      # a link scanner only GETs
    assert page.status_code == 200 and entries(web_app) == []
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    confirmed = client.post(f"/permohonan/konfirmasi/{token}", data={"csrf": csrf})
    assert confirmed.status_code == 200 and "Tanda Terima" in confirmed.text
    (entry,) = entries(web_app)
    assert entry.status == "registered" and entry.opd_code is None
    assert entry.opd_name == "Kelurahan Panjang Wetan"
    assert entry.tracking_hash == consult.tracking_hash(receipt_code(confirmed))
    again = client.post(f"/permohonan/konfirmasi/{token}", data={"csrf": csrf})
    assert again.status_code == 200 and "sudah dikonfirmasi" in again.text
    assert len(entries(web_app)) == 1
    # now the address is known: the next request registers at once
    register(client, email=UNKNOWN, opd="lainnya", institution_other="Kelurahan Panjang Wetan")
    assert len(entries(web_app)) == 2
    assert client.get("/permohonan/konfirmasi/salah-token").status_code == 404


def test_an_expired_confirmation_link_is_not_found_and_is_purged(client, web_app):
    submit(client, email=UNKNOWN)
    token = re.search(r"/permohonan/konfirmasi/(\S+)", body(mails(web_app, "consult-confirm")[0]))
    with web_app.session() as s:
        row = s.scalar(select(PendingRequest))
        row.expires_at = row.created_at - timedelta(minutes=1)
    assert client.get(f"/permohonan/konfirmasi/{token.group(1)}").status_code == 404
    assert worker.consultations(web_app) == 1
    with web_app.session() as s:
        assert s.scalar(select(func.count()).select_from(PendingRequest)) == 0
    assert entries(web_app) == []


def test_missing_or_wrong_csrf_is_refused_and_nothing_is_registered(client, web_app):
    assert submit(client, csrf="").status_code == 403
    assert submit(client, csrf="0" * 64).status_code == 403
    other = client.__class__(client.app, base_url="https://testserver")
    token = re.search(r'name="csrf" value="([^"]+)"', other.get("/").text).group(1)
    assert submit(client, csrf=token).status_code == 403      # another browser's token
    assert entries(web_app) == [] and mails(web_app, "consult-receipt") == []


def test_the_honeypot_drops_the_request_silently(client, web_app):
    response = submit(client, situs="http://spam.example")
    assert response.status_code == 200 and "Terima kasih" in response.text
    assert "Nomor agenda" not in response.text
    assert entries(web_app) == []
    with web_app.session() as s:
        assert s.scalar(select(func.count()).select_from(PendingRequest)) == 0


def test_rate_limit_per_address(client, web_app):
    _set_web(web_app, requests_per_address_hour=2)
    register(client)
    register(client)
    third = submit(client)
    assert third.status_code == 429 and "Terlalu banyak" in third.text
    assert len(entries(web_app)) == 2
    register(client, email="dinkes@pekalongankota.go.id")          # another address still can


def test_rate_limit_per_ip(client, web_app):
    _set_web(web_app, requests_per_ip_hour=2)
    register(client)
    register(client, email="dinkes@pekalongankota.go.id")
    assert submit(client, email="bpkad@pekalongankota.go.id").status_code == 429
    with web_app.session() as s:
        assert s.scalar(select(func.count()).select_from(RateHit)
                        .where(RateHit.bucket == "form-ip")) == 2


def test_validation_errors_keep_the_values_escaped(client, web_app):
    response = submit(client, name=XSS[0], purpose=XSS[1], email="bukan-surel",
                      pertanyaan=[XSS[2], "", "", "", ""], bidang="Tidak ada")
    assert response.status_code == 400
    html = response.text
    assert "Alamat surel tidak valid" in html and "Pilih bidang dari daftar" in html
    for payload in XSS[:3]:
        assert payload not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "bukan-surel" in html
    assert entries(web_app) == []


def test_at_least_one_question_and_an_institution(client, web_app):
    response = submit(client, pertanyaan=["", "  ", "", "", ""], opd="lainnya")
    assert response.status_code == 400
    assert "paling sedikit satu pertanyaan" in response.text
    assert "tuliskan nama instansi" in response.text
    assert entries(web_app) == []


def test_hostile_uploads_are_refused_with_a_clear_error_and_nothing_is_registered(client,
                                                                                 web_app):
    cases = [("surat.pdf", exe_as_pdf(), "executable"),
             ("rusak.pdf", corrupt_pdf(), "PDF rusak"),
             ("bom.docx", zip_bomb_docx(), "decompressed size"),
             ("skrip.exe", b"MZ" + b"\0" * 100, "hanya PDF, DOCX, JPG dan PNG"),
             ("menyamar.png", pdf_bytes(), "the content is PDF, not .png"),
             ("dokumen.pdf", docx_bytes(), "the content is ZIP")]
    _set_web(web_app, requests_per_address_hour=50)    # refused attempts count too
    for name, data, reason in cases:
        response = submit(client, files=[("berkas", (name, data, "application/pdf"))])
        assert response.status_code == 400, name
        assert f"Berkas «{name}» ditolak" in response.text and reason in response.text, name
        assert "Sri Handayani" in response.text          # the values are kept
    assert entries(web_app) == []
    with web_app.session() as s:
        assert s.scalar(select(func.count()).select_from(PendingRequest)) == 0


def test_a_docx_and_too_many_files(client, web_app):
    _set_web(web_app, max_files=2)
    files = [("berkas", (f"f{i}.png", png_bytes(), "image/png")) for i in range(3)]
    response = submit(client, files=files)
    assert response.status_code == 400 and "Paling banyak 2 berkas" in response.text
    code = register(client, files=[("berkas", ("konsep.docx", docx_bytes(),
                                               "application/octet-stream"))])
    assert code
    (entry,) = entries(web_app)
    assert entry.consultation["attachments"][0]["type"].endswith("wordprocessingml.document")


def test_an_oversized_file_is_refused(client, web_app):
    _set_web(web_app, max_file_bytes=2000)
    response = submit(client, files=[("berkas", ("besar.pdf", pdf_bytes("x" * 50) + b" " * 5000,
                                                  "application/pdf"))])
    assert response.status_code == 400 and "batasnya" in response.text
    assert entries(web_app) == []


def test_line_breaks_in_one_line_fields_cannot_reach_mail_headers(client, web_app):
    register(client, name="Sri\r\nBcc: korban@example.org", position="Kasubag\nX")
    (entry,) = entries(web_app)
    assert entry.sender_name == "Sri Bcc: korban@example.org"
    (mail,) = mails(web_app, "consult-receipt")
    assert mail["Bcc"] is None
    assert [a.addr_spec for a in mail["To"].addresses] == [KNOWN]


def test_a_receipt_the_server_stopped_before_writing_is_written_by_the_worker(client,
                                                                            web_app):
    """GIVEN a registration that committed, the server stopping before it wrote the receipt
    (so the page with the code was never shown) WHEN the worker runs after the grace THEN the
    same planned receipt is written once, with a new tracking code that opens the case."""
    from datetime import datetime, timezone

    from pipeline.consult import flow as consultflow
    then = datetime.now(timezone.utc) - consultflow.RECEIPT_GRACE - timedelta(minutes=1)
    payload = {"name": "Sri Handayani", "institution": "Dinas Pendidikan Kota Pekalongan",
               "opd_code": "disdik-kota-pekalongan", "position": "Bendahara", "email": KNOWN,
               "phone": "0285 421234", "bidang": "Keuangan dan Aset Daerah",
               "wilayah": "Kecamatan Pekalongan Utara", "purpose": "Penjelasan hibah.",
               "questions": ["Bagaimana pertanggungjawaban hibah?"], "attachments": []}
    lost = web_app.group_commit.run(
        lambda s: consultflow.register_request(web_app, s, payload, then))
    assert client.get(f"/lacak/{lost.code}").status_code == 200

    assert worker.consultations(web_app) >= 1
    assert worker.consultations(web_app) == 0                 # once
    (mail,) = mails(web_app, "consult-receipt")
    assert mail["Message-ID"].strip() == lost.receipt
    code = re.search(r"/lacak/([A-Za-z0-9_-]+)", body(mail)).group(1)
    assert code != lost.code
    assert client.get(f"/lacak/{lost.code}").status_code == 404
    page = client.get(f"/lacak/{code}")
    assert page.status_code == 200 and lost.entry.agenda_no in page.text


def test_the_worker_forgets_rate_limit_hits_older_than_a_day(client, web_app):
    from datetime import datetime, timezone

    from pipeline.web import ratelimit
    now = datetime.now(timezone.utc)
    with web_app.session() as s:
        ratelimit.record(s, "form-ip", "10.0.0.1", now - ratelimit.KEEP - timedelta(minutes=1))
        ratelimit.record(s, "form-ip", "10.0.0.2", now - timedelta(hours=2))
    worker.consultations(web_app)
    with web_app.session() as s:
        assert list(s.scalars(select(RateHit.key))) == ["10.0.0.2"]
