# SPDX-License-Identifier: AGPL-3.0-or-later
"""The public verification page and `paraf verify --code`: a reader scans the QR code of a
signed letter, lands on the page, and checks the PDF they received."""
from __future__ import annotations

import dataclasses
import io
import json
import re
import urllib.error
import urllib.request

import pypdfium2 as pdfium
import pytest
import zxingcpp
from click.testing import CliRunner
from sqlalchemy import select
from starlette.testclient import TestClient

from pipeline.cli.main import cli
from pipeline.core.models import OutgoingLetter
from pipeline.signing.convert import soffice
from pipeline.signing.sign import sha256
from pipeline.web import create_app
from tests.signing.test_batch_flow import ONE_LEVEL, ready_letters
from tests.web.live import LiveServer
from tests.workflow.conftest import Mailroom, workspace

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")


@pytest.fixture
def signed(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    """Two letters signed with `paraf sign --all`, their QR codes pointing at a live server
    (not yet started: its port is chosen first, so the QR can name it)."""
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing=ONE_LEVEL,
                    disposition="auto")
    server = LiveServer(create_app(app))
    config = app.cfg.base_dir / "config.toml"
    config.write_text(config.read_text().replace(
        'verify_url = "https://inspektorat.example.go.id/verifikasi"',
        f'verify_url = "{server.url}/verifikasi"'))
    (tmp_path / "pass").write_text("rahasia-kunci\n")
    base = ["--config", str(config)]
    runner = CliRunner()
    assert runner.invoke(cli, base + ["keys", "create-test", "--passphrase-file",
                                      str(tmp_path / "pass")]).exit_code == 0
    ready_letters(app, dovecot, Mailroom(smtp_server, dovecot), 2)
    out = runner.invoke(cli, base + ["sign", "--all", "--passphrase-file",
                                     str(tmp_path / "pass")])
    assert out.exit_code == 0, out.output
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)).all()
        for letter in letters:
            s.expunge(letter)
    yield app, server, base, letters
    app.close()


def _qr_urls(pdf: bytes) -> list[str]:
    doc = pdfium.PdfDocument(pdf)
    doc.init_forms()                # the signature block is a form field's appearance
    found = []
    for page in doc:
        image = page.render(scale=200 / 72, draw_annots=True).to_pil()
        found += [b.text for b in zxingcpp.read_barcodes(image)]
    return found


def _client(app) -> TestClient:
    return TestClient(create_app(app), base_url="https://testserver", follow_redirects=False)


def _upload(client: TestClient, code: str, data: bytes):
    page = client.get(f"/verifikasi/{code}")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    return client.post(f"/verifikasi/{code}", data={"csrf": csrf},
                       files={"berkas": ("surat.pdf", io.BytesIO(data), "application/pdf")})


def test_the_qr_code_opens_the_page_that_confirms_the_letter(signed):
    """GIVEN a letter signed by Paraf WHEN its QR code is scanned from the rendered PDF and the
    address opened on a live `paraf web` THEN the page names the letter's number, date,
    addressee, Hal, signer and the SHA-256 of the very file sent, and nothing of the sender."""
    app, server, _, letters = signed
    letter = letters[0]
    pdf = app.store.get(letter.pdf_sha256, "signed")
    urls = _qr_urls(pdf)
    assert urls == [f"{server.url}/verifikasi/{letter.verification_code}"]
    with server:
        with urllib.request.urlopen(urls[0], timeout=30) as response:
            assert response.status == 200
            html = response.read().decode()
        with pytest.raises(urllib.error.HTTPError) as unknown:
            urllib.request.urlopen(f"{server.url}/verifikasi/0000-0000-0000", timeout=30)
    assert unknown.value.code == 404
    inspector = app.workflow.inspector
    for text in (letter.number, "Dinas Pendidikan", inspector.name, inspector.jabatan,
                 letter.pdf_sha256, letter.verification_code):
        assert text in html, text
    assert "<script" not in html
    assert "disdik@pekalongankota.go.id" not in html and inspector.nip not in html


def test_an_uploaded_copy_is_compared_byte_for_byte(signed):
    """GIVEN the page of a signed letter WHEN the reader uploads the very PDF, a copy with one
    byte appended, and another genuine letter of the same office THEN only the first is
    confirmed; the others are reported as not the letter sent under this code."""
    app, _, _, (first, second) = signed
    pdf = app.store.get(first.pdf_sha256, "signed")
    with _client(app) as client:
        same = _upload(client, first.verification_code, pdf)
        assert same.status_code == 200
        assert "sama persis dengan surat yang kami kirim, dan tanda tangan" in same.text
        changed = _upload(client, first.verification_code, pdf + b"\n% diubah\n")
        assert "BUKAN surat yang kami kirim" in changed.text
        other = _upload(client, first.verification_code,
                        app.store.get(second.pdf_sha256, "signed"))
        assert "BUKAN surat yang kami kirim" in other.text
        typed = client.get("/verifikasi?kode=" + first.verification_code.lower().replace("-", " "))
        assert typed.status_code == 303
        assert client.get(typed.headers["location"]).status_code == 200


def test_unknown_codes_look_alike_and_lookups_are_rate_limited(signed):
    """GIVEN a limit of 4 look-ups an hour WHEN a visitor tries a malformed code, an unknown
    code and then a right one THEN both wrong ones get the same 404 text, and past the limit
    even the right code is refused with 429."""
    app, _, _, (letter, _) = signed
    app.cfg = dataclasses.replace(app.cfg, web=dataclasses.replace(app.cfg.web,
                                                                   verify_per_ip_hour=4))
    with _client(app) as client:
        malformed = client.get("/verifikasi/XYZ")
        unknown = client.get("/verifikasi/7K2M-QX9D-H4TB")
        assert malformed.status_code == unknown.status_code == 404
        assert (re.search(r"<main>(.*)</main>", malformed.text, re.S).group(1)
                == re.search(r"<main>(.*)</main>", unknown.text, re.S).group(1))
        assert client.get(f"/verifikasi/{letter.verification_code}").status_code == 200
        assert client.get(f"/verifikasi/{letter.verification_code}").status_code == 200
        assert client.get(f"/verifikasi/{letter.verification_code}").status_code == 429


def test_verify_by_code_on_the_command_line_and_the_book_carries_the_code(signed, tmp_path):
    """GIVEN a signed letter WHEN `paraf verify --code` is run alone, with the letter, with a
    changed copy and with an unknown code THEN it prints the letter's facts and exits 0 only
    for a match; the outgoing book lists each letter's code and SHA-256."""
    app, _, base, (letter, _) = signed
    runner = CliRunner()
    alone = runner.invoke(cli, base + ["verify", "--code", letter.verification_code.lower()])
    assert alone.exit_code == 0 and letter.number in alone.output
    assert letter.pdf_sha256 in alone.output
    pdf = app.store.get(letter.pdf_sha256, "signed")
    (good := tmp_path / "diterima.pdf").write_bytes(pdf)
    (bad := tmp_path / "diubah.pdf").write_bytes(pdf.replace(b"/Author", b"/Authox", 1)
                                                 if b"/Author" in pdf else pdf + b"\n")
    ok = runner.invoke(cli, base + ["verify", "--code", letter.verification_code, str(good)])
    assert ok.exit_code == 0 and "sama persis" in ok.output, ok.output
    changed = runner.invoke(cli, base + ["verify", "--code", letter.verification_code,
                                         str(bad)])
    assert changed.exit_code == 1 and "BUKAN" in changed.output
    assert runner.invoke(cli, base + ["verify", "--code", "0000-0000-0000"]).exit_code == 1
    book = json.loads(runner.invoke(cli, base + ["agenda", "out", "--json"]).output)
    assert [(r["verification_code"], r["pdf_sha256"]) for r in book][0] == (
        letter.verification_code, sha256(pdf))
