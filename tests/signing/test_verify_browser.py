# SPDX-License-Identifier: AGPL-3.0-or-later
"""The verification page in a real browser at phone size: the code form, the letter's page,
and a received PDF dropped on it; axe-core finds no violation; screenshots for a person."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import select

from pipeline.core.models import OutgoingLetter
from pipeline.signing.convert import soffice
from pipeline.web import create_app
from tests.signing.test_batch_flow import ONE_LEVEL, ready_letters
from tests.web.live import FLAGS, LiveServer, chromium, shot  # noqa: F401  (fixture)
from tests.workflow.conftest import Mailroom, workspace

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
PHONE = {"width": 390, "height": 844}


def _axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe
    result = Axe().run(page)
    return [f"{v['id']}: {n['target']}" for v in result.response["violations"]
            for n in v["nodes"]]


@pytest.fixture
def site(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    """One signed letter (signed by `paraf sign` in a child process: pyHanko's event loop
    cannot run beside Playwright's in this one) and a live server."""
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing=ONE_LEVEL,
                    disposition="auto")
    config = str(app.cfg.base_dir / "config.toml")
    (tmp_path / "pass").write_text("rahasia-kunci\n")
    for args in (["keys", "create-test"], ["sign", "--all"]):
        if args[0] == "sign":
            ready_letters(app, dovecot, Mailroom(smtp_server, dovecot), 1)
        done = subprocess.run([sys.executable, "-m", "pipeline", "--config", config, *args,
                               "--passphrase-file", str(tmp_path / "pass")],
                              capture_output=True, env=os.environ, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
    with app.session() as s:
        letter = s.scalars(select(OutgoingLetter)).one()
        s.expunge(letter)
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(app.store.get(letter.pdf_sha256, "signed"))
    with LiveServer(create_app(app)) as server:
        yield server, letter, pdf, tmp_path
    app.close()


def _walk(context, letter, pdf, tmp, look) -> None:
    """Type the code, see the letter, upload the received PDF, then a changed copy; LOOK(page,
    name) is called on each page."""
    page = context.new_page()
    page.goto("/verifikasi")
    look(page, "verifikasi-form-phone")
    page.fill("input[name=kode]", letter.verification_code.lower().replace("-", " "))
    page.click("button[type=submit]")
    assert letter.number in page.content()
    look(page, "verifikasi-surat-phone")
    page.set_input_files("input[name=berkas]", str(pdf))
    page.click("form[enctype] button[type=submit]")
    assert "sama persis dengan surat yang kami kirim" in page.content()
    look(page, "verifikasi-cocok-phone")
    changed = tmp / "diubah.pdf"
    changed.write_bytes(pdf.read_bytes() + b"\n% diubah\n")
    page.set_input_files("input[name=berkas]", str(changed))
    page.click("form[enctype] button[type=submit]")
    assert "BUKAN surat yang kami kirim" in page.content()
    look(page, "verifikasi-berbeda-phone")


def test_the_verification_page_on_a_phone(chromium, site):  # noqa: F811
    """GIVEN a signed letter WHEN a reader on a phone, first with JavaScript off, types its
    code, sees the page, uploads the PDF they got and then a changed copy THEN it all works
    without scripts (the pages carry none), the verdicts read 'sama persis' and 'BUKAN', and
    axe-core finds no violation on any of the four pages."""
    server, letter, pdf, tmp = site
    found: dict[str, list[str]] = {}

    def no_script(page, name):
        assert "<script" not in page.content(), name

    def axe(page, name):
        found[name] = _axe(page)
        shot(page, name)
    for scripts, look in ((False, no_script), (True, axe)):
        context = chromium.new_context(base_url=server.url, viewport=PHONE, locale="id-ID",
                                       java_script_enabled=scripts)
        try:
            _walk(context, letter, pdf, tmp, look)
        finally:
            context.close()
    assert len(found) == 4 and all(v == [] for v in found.values()), found
