# SPDX-License-Identifier: AGPL-3.0-or-later
"""The clerk's pages on both databases: the books (filters, search, pages, export), one case
(fields, letter preview, files served as downloads, the mail body sanitised, corrections kept),
the quarantine's decisions through the state machine, and the SLA board."""
from __future__ import annotations

import email
import io
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from sqlalchemy import select

from pipeline.core import events
from pipeline.core.models import AgendaEntry, OutboxMail, OutgoingLetter
from pipeline.letter import specimen
from tests.books import add_case, add_step, letter
from tests.intake.helpers import mail_in, run_until_idle
from tests.mails import fields, letter_mail

from .conftest import csrf_of, sign_in

UTC = timezone.utc
STRANGER = "orang.asing@example.com"

# stored-XSS payloads: each would run script if it reached the page as markup
HOSTILE = [
    '<script>alert("xss-script")</script>',
    '<img src=x onerror=alert("xss-img")>',
    '<a href="javascript:alert(\'xss-js\')">klik di sini</a>',
    '<svg onload=alert("xss-svg")><circle r="1"/></svg>',
    '<div style="width: expression(alert(\'xss-css\'))">gaya lama</div>',
    '<iframe src="javascript:alert(\'xss-frame\')"></iframe>',
    '<body onload=alert("xss-body")>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-mxss")>',
    '"><script>alert("xss-attr")</script>',
]


def hostile_mail(sender: str = STRANGER) -> bytes:
    """An unknown sender's message with payloads in the subject, text, HTML, file name and
    the letter's own fields."""
    msg = EmailMessage()
    msg["From"] = f'"<img src=x onerror=alert(1)>" <{sender}>'
    msg["To"] = "konsultasi@inspektorat.example.go.id"
    msg["Subject"] = 'Permohonan <script>alert("xss-subject")</script>'
    msg["Message-ID"] = make_msgid(domain="example.com")
    msg.set_content("Teks biasa dengan " + " ".join(HOSTILE))
    msg.add_alternative("<html><body><p>Salam,</p>" + "".join(HOSTILE)
                        + "<p>Hormat kami</p></body></html>", subtype="html")
    msg.add_attachment(specimen.make_docx(fields(77, hal='Konsultasi <img src=x onerror='
                                                         'alert("xss-hal")> hibah')),
                       maintype="application",
                       subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                       filename='surat"><svg onload=alert(1)>.docx')
    return msg.as_bytes()


class Markup(HTMLParser):
    """Every element and attribute of a page, to look for live script."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_no_live_script(text: str) -> None:
    tags = Markup(text).tags
    names = {t for t, _ in tags}
    assert not names & {"script", "svg", "iframe", "math", "object", "embed", "style"}, names
    for tag, attrs in tags:
        for key, value in attrs.items():
            assert not key.startswith("on"), (tag, key, value)
            assert key != "style", (tag, value)
            if key in ("href", "src", "action", "formaction"):
                assert not (value or "").strip().lower().startswith(("javascript:", "data:text")), (tag, value)
        if tag == "img":
            assert attrs["src"].startswith("/staf/"), attrs


@pytest.fixture
def intake(web_app):
    """Through the real intake: two registered letters (DOCX, PDF), an unknown sender's
    hostile message (quarantined) and garbage (failed)."""
    app = web_app
    mail_in(app, letter_mail(letter=fields(901, hal="Konsultasi Dana BOS")))
    mail_in(app, letter_mail(sender="dinkes@pekalongankota.go.id", kind="pdf",
                             letter=fields(902, hal="Hibah bansos kesehatan",
                                           pengirim="Dinas Kesehatan Kota Pekalongan")))
    mail_in(app, hostile_mail())
    mail_in(app, b"bukan surel sama sekali\r\n")
    run_until_idle(app)
    with app.session() as s:
        found = {e.status + ("-pdf" if e.letter_meta and str(e.letter_meta.get("attachment",
                 "")).endswith(".pdf") else ""): e.id
                 for e in s.scalars(select(AgendaEntry))}
    return found


def clerk(client):
    assert sign_in(client, "dewi").status_code == 303
    return client


def entry(app, entry_id) -> AgendaEntry:
    with app.session() as s:
        found = s.get(AgendaEntry, entry_id)
        list(found.events)
        return found


def mails(app, entry_id, kind) -> list[email.message.EmailMessage]:
    with app.session() as s:
        rows = s.scalars(select(OutboxMail).where(OutboxMail.entry_id == entry_id,
                                                  OutboxMail.kind == kind)).all()
        return [email.message_from_bytes((app.cfg.outbox_path / r.spool_path).read_bytes(),
                                         policy=policy.default) for r in rows]


# -- the books --------------------------------------------------------------------------------
@pytest.fixture
def book(web_app):
    """55 incoming letters over 55 days, one consultation from the web and one signed answer."""
    base = datetime(2026, 1, 5, 3, tzinfo=UTC)
    with web_app.session() as s:
        for n in range(1, 56):
            hal = "Hibah bansos desa" if n == 7 else ("Pajak daerah" if n % 2 else "Dana BOS")
            add_case(s, n, received=base + timedelta(days=n),
                     status="disposed" if n == 10 else "registered",
                     assignee="irban-2" if n == 10 else None,
                     opd=("dinkes-kota-pekalongan", "Dinas Kesehatan") if n == 3
                     else ("disdik-kota-pekalongan", "Dinas Pendidikan"),
                     letter_fields={**letter(n, hal=hal,
                                             questions=["Bagaimana honorarium narasumber?"]
                                             if n == 12 else ())})
        add_case(s, 901, received=base + timedelta(days=3), channel="web", book="consultation",
                 subject="Konsultasi pengadaan swakelola", year=2026,
                 letter_fields={"hal": "Pengadaan swakelola", "pertanyaan": ["Boleh?"]})
        signed = add_case(s, 56, received=base, status="sent",
                          letter_fields=letter(56, hal="Jawaban hibah"))
        s.flush()
        s.add(OutgoingLetter(entry_id=signed.id, number="700/1/ITDA/2026", year=2026, seq=1,
                             signed_at=base + timedelta(days=2), signed_by="inspektur",
                             revision=1, pdf_sha256="0" * 64, pdf_path="signed/00/0",
                             verification_code="ABCD-EFGH-JKMN"))
    return web_app


def numbers(page: str) -> list[str]:
    import re
    return re.findall(r'<a href="/staf/entri/\d+">([^<]+)</a>', page)


def test_the_book_pages_newest_first_50_a_page(client, book):
    clerk(client)
    first = client.get("/staf/agenda")
    assert first.status_code == 200
    got = numbers(first.text)
    assert len(got) == 50 and got[0] == "055/INSP/2026" and got[-1] == "006/INSP/2026"
    assert "No. Agenda</th>" in first.text and "Disposisi Kepada</th>" in first.text
    assert 'rel="next"' in first.text and 'rel="prev"' not in first.text
    second = client.get("/staf/agenda?hal=2")
    assert numbers(second.text)[:5] == ["005/INSP/2026", "004/INSP/2026", "003/INSP/2026",
                                        "002/INSP/2026", "001/INSP/2026"]
    assert "056/INSP/2026" in second.text          # received first, signed later
    assert 'rel="next"' not in second.text and 'rel="prev"' in second.text


def test_the_book_filters_and_tabs(client, book):
    clerk(client)
    get = lambda q: numbers(client.get(f"/staf/agenda?{q}").text)
    assert get("opd=dinkes-kota-pekalongan") == ["003/INSP/2026"]
    assert get("status=disposed") == ["010/INSP/2026"]
    assert get("pejabat=irban-2") == ["010/INSP/2026"]
    assert get("dari=2026-01-10&sampai=2026-01-11") == ["006/INSP/2026", "005/INSP/2026"]
    assert get("saluran=web") == []
    assert get("buku=konsultasi") == ["901/INSP/2026"]
    assert get("buku=konsultasi&saluran=web&q=swakelola") == ["901/INSP/2026"]
    assert get("buku=konsultasi&saluran=walk-in") == []
    assert get("buku=keluar") == ["700/1/ITDA/2026"]
    assert get("buku=keluar&dari=2026-01-08") == []
    assert "Saudara" not in client.get("/staf/agenda?status=%3Cscript%3E").text


def test_search_finds_words_in_subject_letter_and_numbers_on_both_databases(client, book):
    clerk(client)
    get = lambda q: numbers(client.get("/staf/agenda", params={"q": q}).text)
    assert get("bansos") == ["007/INSP/2026"]
    assert get("HIBAH desa") == ["007/INSP/2026"]                 # every word, any case
    assert get("honorarium") == ["012/INSP/2026"]                  # a question in the letter
    assert get("700/12/disdik") == ["012/INSP/2026"]               # the letter's number
    assert get("hibah pajak") == []
    assert get("100%") == [] and get("_") == []                    # LIKE-safe
    assert len(get("bos")) == 27                                   # 3 letters, one page
    assert get("dinkes") == ["003/INSP/2026"]                      # the OPD
    with book.session() as s:                                      # kept current by flush
        case = s.scalar(select(AgendaEntry).where(AgendaEntry.agenda_no == "001/INSP/2026",
                                                  AgendaEntry.book == "incoming"))
        case.letter = {**case.letter, "hal": "Retribusi parkir"}
    assert get("parkir") == ["001/INSP/2026"]


def test_the_book_exports_as_xlsx_with_the_filtered_rows(client, book):
    clerk(client)
    response = client.get("/staf/agenda.xlsx?q=pajak&sampai=2026-01-20")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["x-content-type-options"] == "nosniff"
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Buku Agenda Surat Masuk"
    assert [c.value for c in sheet[3]][:6] == ["No. Agenda", "Tanggal Diterima", "Nomor Surat",
                                               "Tanggal Surat", "Asal Surat", "Perihal"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=4)]
    assert [r[0] for r in rows] == ["015/INSP/2026", "013/INSP/2026", "011/INSP/2026",
                                    "009/INSP/2026", "005/INSP/2026", "003/INSP/2026",
                                    "001/INSP/2026"]
    assert rows[0][5] == "Pajak daerah" and rows[0][8] == "Terdaftar"
    out = load_workbook(io.BytesIO(client.get("/staf/agenda.xlsx?buku=keluar").content)).active
    assert out["A4"].value == "700/1/ITDA/2026"


def test_roles_the_inspector_reads_the_books_an_official_does_not(client, book):
    assert client.get("/staf/agenda").status_code == 303          # not signed in
    sign_in(client, "rina")
    assert client.get("/staf/agenda").status_code == 403
    assert client.get("/staf/karantina").status_code == 403
    client.cookies.clear()
    sign_in(client, "bambang")
    assert client.get("/staf/agenda").status_code == 200
    assert client.get("/staf/sla").status_code == 200
    assert client.get("/staf/karantina").status_code == 403
    with book.session() as s:
        some = s.scalar(select(AgendaEntry.id).limit(1))
    page = client.get(f"/staf/entri/{some}")
    assert page.status_code == 200 and "Koreksi data surat" not in page.text
    token = csrf_of(client, f"/staf/entri/{some}")
    assert client.post(f"/staf/entri/{some}/koreksi",
                       data={"csrf": token, "hal": "x"}).status_code == 403


# -- one case ---------------------------------------------------------------------------------
def test_the_entry_page_shows_fields_letter_preview_files_body_and_history(client, intake,
                                                                           web_app):
    clerk(client)
    pdf_case = intake["registered-pdf"]
    page = client.get(f"/staf/entri/{pdf_case}")
    assert page.status_code == 200
    text = page.text
    assert "Hibah bansos kesehatan" in text and "400.3/1002/Disdik/2026" in text
    assert "Dicatat dalam buku agenda" in text and "Tanda terima dikirim" in text
    assert "Terlampir surat kami." in text
    import re
    src = re.search(r'<img src="(/staf/entri/\d+/pratinjau/\d+/1\.png)"', text).group(1)
    png = client.get(src)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    link = re.search(r'href="(/staf/entri/\d+/berkas/\d+)"', text).group(1)
    served = client.get(link)
    assert served.status_code == 200
    assert served.headers["content-type"] == "application/pdf"
    assert served.headers["content-disposition"].startswith("attachment;")
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.content.startswith(b"%PDF")
    other = intake["registered"]
    assert client.get(link.replace(f"/entri/{pdf_case}/", f"/entri/{other}/")).status_code == 404
    assert client.get("/staf/entri/999999").status_code == 404


def test_low_confidence_fields_are_flagged(client, web_app):
    with web_app.session() as s:
        case = add_case(s, 1, received=datetime(2026, 3, 2, 2, tzinfo=UTC),
                        letter_meta={"provenance": {"nomor": {"confidence": 0.4},
                                                    "hal": {"confidence": 0.99}}})
        case_id = case.id
    clerk(client)
    text = client.get(f"/staf/entri/{case_id}").text
    row = text.split('class="flagged"')[1].split("</tr>")[0]
    assert "Nomor surat" in row and "keyakinan rendah" in row
    assert text.count('class="flagged"') == 1


def test_a_correction_keeps_the_original_and_is_an_event(client, intake, web_app):
    clerk(client)
    case = intake["registered"]
    token = csrf_of(client, f"/staf/entri/{case}")
    response = client.post(f"/staf/entri/{case}/koreksi", data={
        "csrf": token, "nomor": "400.3/999/Disdik/2026", "tanggal": "2026-11-20",
        "hal": "Konsultasi Dana BOS Afirmasi", "sifat": "Segera",
        "lampiran": "1 (satu) berkas", "pengirim": "Dinas Pendidikan Kota Pekalongan",
        "tujuan": "Inspektur Daerah Kota Pekalongan", "opd": "dinkes-kota-pekalongan"})
    assert response.status_code == 303
    assert "Koreksi disimpan" in client.get(response.headers["location"]).text
    fixed = entry(web_app, case)
    assert fixed.letter["nomor"] == "400.3/999/Disdik/2026" == fixed.letter_nomor
    assert fixed.letter["hal"] == "Konsultasi Dana BOS Afirmasi"
    assert fixed.opd_code == "dinkes-kota-pekalongan"
    original = fixed.letter_meta["original"]
    assert original["nomor"] == "400.3/1001/Disdik/2026"
    assert original["hal"] == "Konsultasi Dana BOS"
    assert original["opd"]["code"] == "disdik-kota-pekalongan"
    assert "provenance" in fixed.letter_meta                       # the reading's meta stays
    last = fixed.events[-1]
    assert last.kind == "corrected" and last.actor == "web:dewi"
    assert last.data == {"nomor": ["400.3/1001/Disdik/2026", "400.3/999/Disdik/2026"],
                         "hal": ["Konsultasi Dana BOS", "Konsultasi Dana BOS Afirmasi"],
                         "opd": ["disdik-kota-pekalongan", "dinkes-kota-pekalongan"]}
    with web_app.session() as s:
        assert events.verify(s) == []
    page = client.get(f"/staf/entri/{case}").text
    assert "bacaan asli: 400.3/1001/Disdik/2026" in page
    assert numbers(client.get("/staf/agenda?q=afirmasi").text) == [fixed.agenda_no]
    # a second correction keeps the first reading, not the first correction
    token = csrf_of(client, f"/staf/entri/{case}")
    client.post(f"/staf/entri/{case}/koreksi", data={"csrf": token, "nomor": "400.3/5/X"})
    assert entry(web_app, case).letter_meta["original"]["nomor"] == "400.3/1001/Disdik/2026"


def test_a_hostile_mail_is_shown_sanitised(client, intake, web_app):
    clerk(client)
    case = intake["quarantined"]
    page = client.get(f"/staf/entri/{case}")
    assert page.status_code == 200
    assert_no_live_script(page.text)
    assert "&lt;script&gt;alert(&#34;xss-subject&#34;)&lt;/script&gt;" in page.text
    assert "<p>Salam,</p>" in page.text                            # harmless HTML stays
    assert "Versi HTML (dibersihkan)" in page.text
    for url in ("/staf/karantina", "/staf/agenda?status=quarantined",
                "/staf/agenda?q=xss-subject"):
        listing = client.get(url)
        assert listing.status_code == 200
        assert_no_live_script(listing.text)
    assert "xss-subject" in client.get("/staf/agenda?q=xss-subject").text


def test_attachments_are_always_downloads_with_their_stored_type(client, web_app):
    sender = "disdik@pekalongankota.go.id"
    mail_in(web_app, letter_mail(sender=sender, letter=fields(903), extra=[
        ("halaman.html", "text/html", b"<script>alert(1)</script>"),
        ("gambar.svg", "image/svg+xml", b'<svg xmlns="http://www.w3.org/2000/svg" '
                                         b'onload="alert(1)"/>')]))
    run_until_idle(web_app)
    clerk(client)
    with web_app.session() as s:
        case = s.scalar(select(AgendaEntry).where(AgendaEntry.letter_nomor.is_not(None)))
        atts = {a.filename: a.id for a in case.attachments}
        case_id = case.id
    for name, ctype in (("halaman.html", "text/html"), ("gambar.svg", "image/svg+xml")):
        served = client.get(f"/staf/entri/{case_id}/berkas/{atts[name]}")
        assert served.status_code == 200
        assert served.headers["content-type"].startswith(ctype)
        assert served.headers["content-disposition"].startswith("attachment;")
        assert f'filename="{name}"' in served.headers["content-disposition"]
        assert served.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in served.headers["content-security-policy"]


# -- the quarantine ---------------------------------------------------------------------------
def post(client, path, **data):
    token = csrf_of(client, "/staf/karantina")
    return client.post(path, data={"csrf": token, **data})


def test_release_registers_the_case_and_queues_its_receipt(client, intake, web_app):
    clerk(client)
    case = intake["quarantined"]
    queue = client.get("/staf/karantina").text
    assert f'action="/staf/karantina/{case}/lepas"' in queue
    response = post(client, f"/staf/karantina/{case}/lepas", opd="disdik-kota-pekalongan")
    assert response.status_code == 303
    landed = client.get(response.headers["location"]).text
    assert "Dicatat dengan Nomor Agenda 0003/SM/ITDA/2026" in landed
    released = entry(web_app, case)
    assert released.status == "registered" and released.agenda_no == "0003/SM/ITDA/2026"
    assert released.due_on is not None and released.opd_code == "disdik-kota-pekalongan"
    kinds = [(e.kind, e.actor) for e in released.events]
    assert ("corrected", "web:dewi") in kinds and ("register", "web:dewi") in kinds
    receipt, = mails(web_app, case, "receipt")
    assert receipt["To"].addresses[0].addr_spec == STRANGER
    assert "0003/SM/ITDA/2026" in receipt["Subject"]
    with web_app.session() as s:
        assert events.verify(s) == []
    again = post(client, f"/staf/karantina/{case}/lepas")
    assert "Tidak dapat diproses" in client.get(again.headers["location"]).text


def test_reject_mails_the_reason_to_the_sender(client, intake, web_app):
    clerk(client)
    case = intake["quarantined"]
    post(client, f"/staf/karantina/{case}/tolak",
         alasan="Alamat surel pengirim bukan alamat dinas.")
    rejected = entry(web_app, case)
    assert rejected.status == "rejected"
    assert rejected.reason == "Alamat surel pengirim bukan alamat dinas."
    assert rejected.events[-2].kind == "reject" and rejected.events[-2].actor == "web:dewi"
    assert rejected.events[-1].kind == "notified"
    mail, = mails(web_app, case, "rejected")
    body = mail.get_content()
    assert mail["To"].addresses[0].addr_spec == STRANGER
    assert mail["Subject"].startswith("Surat Tidak Dapat Diproses")
    assert "Alamat surel pengirim bukan alamat dinas." in body
    assert "tidak dapat kami proses" in body
    assert mail["In-Reply-To"] == rejected.message_id
    empty = post(client, f"/staf/karantina/{intake['failed']}/tolak", alasan="   ")
    assert "Tidak dapat diproses" in client.get(empty.headers["location"]).text
    assert entry(web_app, intake["failed"]).status == "failed"


def test_ask_for_what_is_missing_makes_it_incomplete_and_mails_the_list(client, intake,
                                                                         web_app):
    clerk(client)
    case = intake["quarantined"]
    post(client, f"/staf/karantina/{case}/minta",
         kurang=["nomor surat", "tanda tangan pejabat yang berwenang", "bukan pilihan"],
         lainnya="kop surat dinas")
    asked = entry(web_app, case)
    assert asked.status == "incomplete" and asked.agenda_no
    assert asked.missing == ["nomor surat", "tanda tangan pejabat yang berwenang",
                             "kop surat dinas"]
    assert asked.events[-2].kind == "incomplete" and asked.events[-2].actor == "web:dewi"
    mail, = mails(web_app, case, "incomplete")
    body = mail.get_content()
    assert "1. nomor surat" in body and "3. kop surat dinas" in body
    assert "bukan pilihan" not in body
    nothing = post(client, f"/staf/karantina/{intake['failed']}/minta")
    assert "Tidak dapat diproses" in client.get(nothing.headers["location"]).text


def test_a_failed_message_released_without_sender_sends_nothing(client, intake, web_app):
    clerk(client)
    case = intake["failed"]
    queue = client.get("/staf/karantina").text
    assert f'id="entri-{case}"' in queue.split("Gagal diproses")[1]
    post(client, f"/staf/karantina/{case}/lepas", kembali="entri")
    released = entry(web_app, case)
    assert released.status == "registered" and released.agenda_no
    assert mails(web_app, case, "receipt") == []


def test_the_cli_uses_the_same_desk(intake, web_app):
    runner = CliRunner()
    base = ["--config", str(web_app.cfg.base_dir / "config.toml")]
    out = runner.invoke(cli_main(), base + ["desk", "reject", f"#{intake['quarantined']}",
                                            "--reason", "Bukan surat dinas."])
    assert out.exit_code == 0, out.output
    rejected = entry(web_app, intake["quarantined"])
    assert rejected.status == "rejected" and rejected.events[-2].actor.startswith("cli:")
    assert len(mails(web_app, rejected.id, "rejected")) == 1


def cli_main():
    from pipeline.cli.main import cli
    return cli


# -- the SLA board ----------------------------------------------------------------------------
def test_the_sla_board_puts_overdue_cases_first_and_counts_per_official(client, web_app):
    now = datetime.now(UTC)
    with web_app.session() as s:
        late = add_case(s, 1, received=now - timedelta(days=20), status="disposed",
                        due_on=(now - timedelta(days=14)).date(),
                        letter_fields=letter(1, hal="Sudah terlambat"))
        add_step(s, late, "drafting", "irban-2", opened=now - timedelta(days=19),
                 due=now - timedelta(days=18))
        add_case(s, 2, received=now, due_on=(now + timedelta(days=5)).date(),
                 letter_fields=letter(2, hal="Masih ada waktu"))
    clerk(client)
    page = client.get("/staf/sla").text
    assert page.index("Sudah terlambat") < page.index("Masih ada waktu")
    assert "terlambat" in page and "Ir. Slamet Riyadi, M.T." in page
    assert '<tr class="overdue">' in page


def test_drafts_and_the_signed_letter_are_downloads(client, web_app):
    from pipeline.core.models import DraftRevision, Step
    now = datetime.now(UTC)
    store = web_app.store
    _, draft_path = store.put(b"PK\x03\x04 not really a docx", "draft")
    digest, pdf_path = store.put(b"%PDF-1.7 signed", "signed")
    with web_app.session() as s:
        case = add_case(s, 5, received=now - timedelta(days=2), status="sent",
                        assignee="irban-2")
        s.add(DraftRevision(entry_id=case.id, number=1, author="irban-2", source="template",
                            sha256="0" * 64, path=store.relative(draft_path), created_at=now))
        s.add(Step(entry_id=case.id, kind="paraf", official="irban-1", status="done",
                   outcome="approved", opened_at=now - timedelta(days=1),
                   due_at=now - timedelta(hours=12), closed_at=now - timedelta(hours=13)))
        s.add(OutgoingLetter(entry_id=case.id, number="700/9/ITDA/2026", year=2026, seq=9,
                             signed_at=now, signed_by="inspektur", revision=1,
                             pdf_sha256=digest, pdf_path=store.relative(pdf_path),
                             verification_code="WXYZ-2345-6789"))
        case_id = case.id
    clerk(client)
    page = client.get(f"/staf/entri/{case_id}").text
    assert "700/9/ITDA/2026" in page and "WXYZ-2345-6789" in page
    assert "Ir. Slamet Riyadi, M.T." in page and "Hendro Wibowo, S.H., M.H." in page
    import re
    draft = client.get(re.search(r'href="(/staf/entri/\d+/konsep/\d+)"', page).group(1))
    assert draft.headers["content-disposition"].startswith("attachment;")
    assert "wordprocessingml" in draft.headers["content-type"]
    signed = client.get(f"/staf/entri/{case_id}/surat-keluar")
    assert signed.headers["content-type"] == "application/pdf"
    assert signed.headers["content-disposition"].startswith("attachment;")
    assert signed.content == b"%PDF-1.7 signed"
