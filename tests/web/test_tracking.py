# SPDX-License-Identifier: AGPL-3.0-or-later
"""The tracking page: every seed-1 step with its time stamp, target and whether it was met;
nothing internal; a wrong or expired code is a plain 404 after the same lookups."""
from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timezone

import pypdfium2
from sqlalchemy import event, select

from pipeline import worker
from pipeline.consult import flow as consultflow
from pipeline.core.models import AgendaEntry

from .conftest import csrf_of, sign_in
from .publicform import XSS, dispose, drafter_account, only_entry_id, pdf_bytes, register

INTERNAL = ("agendaris", "Dewi Lestari", "auditor-4b", "irban-4", "inspektur", "Bambang",
            "sekretaris", "Sri Wahyuni", "web:dewi", "auditor4b", "routing", "Aset dan hibah")


def stages(html: str) -> list[tuple[str, str]]:
    """(title, badge) per step, as shown."""
    return re.findall(r'<strong>([^<]+)</strong>\s*<span class="step-badge is-\w+">([^<]+)</span>',
                      html)


def test_the_tracking_page_through_every_step(client, web_app):
    code = register(client)
    page = client.get(f"/lacak/{code}")
    assert page.status_code == 200
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers["cache-control"] == "no-store"
    shown = stages(page.text)
    assert [t for t, _ in shown] == ["Permohonan diajukan", "Pemeriksaan kelengkapan",
                                     "Jawaban konsultan", "Laporan konsultasi", "Pengarsipan",
                                     "Jawaban diterima pemohon"]
    assert [b for _, b in shown] == ["Tepat waktu", "Dalam proses", "Belum dimulai",
                                     "Belum dimulai", "Belum dimulai", "Belum dimulai"] \
        or shown[1][1] == "Melewati target"          # outside office hours the clock waits
    assert "Sedang diperiksa kelengkapannya" in page.text
    assert "1 jam" in page.text and "2 jam kerja" in page.text and "½ hari kerja" in page.text

    entry_id = only_entry_id(web_app)
    sign_in(client, "dewi")
    client.post(f"/staf/konsultasi/{entry_id}/terima",
                data={"csrf": csrf_of(client, f"/staf/konsultasi/{entry_id}")})
    dispose(web_app, entry_id)
    client.cookies.clear()
    page = client.get(f"/lacak/{code}")
    assert stages(page.text)[1][1] == "Tepat waktu" and "Sedang dijawab" in page.text

    sign_in(client, drafter_account(web_app, entry_id))
    answer = client.post(f"/staf/konsultasi/{entry_id}/jawab",
                         data={"csrf": csrf_of(client, f"/staf/konsultasi/{entry_id}/jawab"),
                               "jawaban": "Dana hibah dipertanggungjawabkan paling lambat 10 "
                                          "Januari tahun berikutnya."})
    assert answer.status_code == 303, answer.text
    client.cookies.clear()
    page = client.get(f"/lacak/{code}")
    shown = stages(page.text)
    assert [b for _, b in shown[:5]] == ["Tepat waktu"] * 5
    assert shown[5][1] == "Dalam proses"                 # the mail is not delivered yet
    assert "Dana hibah dipertanggungjawabkan" in page.text and "Selesai" in page.text
    # on a phone the answer is the first thing after the title, not 3,000 px down
    assert page.text.index("Dana hibah dipertanggungjawabkan") < page.text.index(
        "Tahapan layanan")
    worker.deliver(web_app)
    page = client.get(f"/lacak/{code}")
    assert [b for _, b in stages(page.text)] == ["Tepat waktu"] * 6
    assert len(re.findall(r"Selesai: \d+ \w+ \d{4} pukul", page.text)) == 6
    for word in INTERNAL:
        assert word not in page.text, word


def test_wrong_and_expired_codes_are_a_plain_404(client, web_app):
    code = register(client)
    for wrong in ("x", code[:-1] + ("A" if code[-1] != "A" else "B"), "a" * 64):
        page = client.get(f"/lacak/{wrong}")
        assert page.status_code == 404 and "Tidak ditemukan" in page.text
        assert "Permohonan" not in page.text.split("<main>")[1].split("</main>")[0]
    assert client.get(f"/lacak/{code[:-1]}x/permohonan.pdf").status_code == 404
    # closed, and the tracking period over
    entry_id = only_entry_id(web_app)
    from pipeline.core import states
    now = datetime.now(timezone.utc)
    with web_app.session() as s:
        entry = s.get(AgendaEntry, entry_id)
        for action in ("dispose", "answer", "close"):
            states.move(entry, action, actor="test", at=now)
    assert client.get(f"/lacak/{code}").status_code == 200
    web_app.cfg = dataclasses.replace(
        web_app.cfg, web=dataclasses.replace(web_app.cfg.web, tracking_days=0))
    assert client.get(f"/lacak/{code}").status_code == 404
    assert client.get(f"/lacak/{code}/permohonan.pdf").status_code == 404


def test_a_miss_does_the_same_lookups_as_a_hit(client, web_app):
    code = register(client)
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(web_app.engine, "before_cursor_execute", listener)
    try:
        counts = []
        for probe in (code, "tidak-ada-kode-seperti-ini"):
            statements.clear()
            with web_app.session() as s:
                consultflow.find_by_code(s, probe, web_app.cfg, datetime.now(timezone.utc))
            counts.append([re.sub(r"\s+", " ", q)[:60] for q in statements
                           if q.startswith("SELECT")])
    finally:
        event.remove(web_app.engine, "before_cursor_execute", listener)
    assert counts[0] == counts[1] and len(counts[0]) == 2


def test_the_code_form_redirects_to_the_tracking_page(client, web_app):
    assert client.get("/lacak").status_code == 200
    response = client.get("/lacak", params={"kode": " abc-DEF_123 "})
    assert response.status_code == 303 and response.headers["location"] == "/lacak/abc-DEF_123"
    assert client.get("/lacak", params={"kode": "../../etc"}).status_code == 404


def test_the_printable_request_is_an_a4_pdf_with_the_request(client, web_app):
    code = register(client, files=[("berkas", ("rincian-hibah.pdf", pdf_bytes(),
                                               "application/pdf"))])
    response = client.get(f"/lacak/{code}/permohonan.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "attachment" in response.headers["content-disposition"]
    pdf = pypdfium2.PdfDocument(response.content)
    width, height = pdf[0].get_size()
    assert (round(width), round(height)) == (595, 842)          # A4 in points
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    text = " ".join(text.split())
    from .live import SHOTS  # page 1 as an image, for a person to look at
    SHOTS.mkdir(parents=True, exist_ok=True)
    pdf[0].render(scale=1.3).to_pil().save(SHOTS / "public-request-pdf.png")
    with web_app.session() as s:
        agenda_no = s.scalar(select(AgendaEntry.agenda_no))
    for wanted in ("FORMULIR PERMOHONAN KONSULTASI", "INSPEKTORAT DAERAH KOTA PEKALONGAN",
                   agenda_no, "Sri Handayani", "Dinas Pendidikan Kota Pekalongan",
                   "Keuangan dan Aset Daerah", "Kecamatan Pekalongan Utara",
                   "penatausahaan belanja hibah", "dana hibah yang terlambat",
                   "rincian-hibah.pdf"):
        assert wanted in text, wanted


def test_xss_payloads_in_every_field_are_never_rendered_unescaped(client, web_app):
    code = register(client, name=XSS[0], opd="lainnya", institution_other=XSS[1],
                    position=XSS[2], purpose=XSS[3] + XSS[0],
                    pertanyaan=list(XSS) + [XSS[0]],
                    files=[("berkas", ('"><img src=x onerror=alert(1)>.pdf', pdf_bytes(),
                                       "application/pdf"))])
    entry_id = only_entry_id(web_app)
    pages = [client.get(f"/lacak/{code}").text]
    sign_in(client, "dewi")
    pages += [client.get("/staf/konsultasi").text, client.get(f"/staf/konsultasi/{entry_id}").text]
    client.cookies.clear()
    receipt = register(client, name=XSS[1])                  # the receipt page itself
    assert receipt
    for html in pages:
        for payload in XSS:
            assert payload not in html
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "onerror=alert(1)&gt;" in html or "onerror=alert(1)>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[2]
    # the PDF prints the payloads as text, as typed
    pdf = pypdfium2.PdfDocument(client.get(f"/lacak/{code}/permohonan.pdf").content)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "<script>alert(1)</script>" in text.replace("\r", "").replace("\n", "")
