# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing while the Inspektur is away (issue 19): a Plt. batch signed with the Plt.'s own
certificate and verified, the Inspektur's key refused for it, and a.n. Inspektur refused for a
kind of letter rules/officials.toml does not allow."""
from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pypdfium2
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli.main import cli
from pipeline.core.models import AgendaEntry, OutgoingLetter
from pipeline.signing import lookup
from pipeline.signing.convert import soffice
from pipeline.signing.verify import verify_pdf
from pipeline.worker import run_once
from tests.signing.test_batch_flow import ONE_LEVEL
from tests.workflow.conftest import Mailroom, workspace

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


@pytest.fixture
def office(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing=ONE_LEVEL,
                    disposition="auto")
    (tmp_path / "pass").write_text("rahasia-kunci\n")
    base = ["--config", str(app.cfg.base_dir / "config.toml")]
    pw = ["--passphrase-file", str(tmp_path / "pass")]
    run = lambda *args: CliRunner().invoke(cli, base + list(args))     # noqa: E731
    assert run("keys", "create-test", *pw).exit_code == 0
    out = run("keys", "create-test", "--official", "sekretaris", *pw)
    assert out.exit_code == 0, out.output
    keys = app.cfg.path(app.cfg.signing.pkcs12).parent
    trust = app.cfg.path(app.cfg.signing.trust_pem)      # one CA file for both, as in an office
    trust.write_bytes(trust.read_bytes() + (keys / "sekretaris.pem").read_bytes())
    yield app, run, pw, keys
    app.close()


def ready(app, dovecot, smtp_server, *sifat: str) -> None:
    """Letters driven to 'initialled' by replies, one per SIFAT."""
    from tests.mails import fields, letter_mail
    mailroom = Mailroom(smtp_server, dovecot)
    for i, kind in enumerate(sifat):
        dovecot.append("INBOX", letter_mail(letter=fields(710 + i, sifat=kind)))
    run_once(app)
    for code, word in (("auditor-3a", "1. Dapat.\n2. Melalui aplikasi."), ("irban-3", "SETUJU")):
        who = app.workflow.by_code[code].emails[0]
        for request in mailroom.to(who):
            mailroom.reply(request, who, word)
        run_once(app)
    with app.session() as s:
        assert set(s.scalars(select(AgendaEntry.status))) == {"initialled"}


def page_text(pdf: bytes) -> str:
    doc = pypdfium2.PdfDocument(pdf)
    return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))


def test_a_plt_batch_is_signed_with_the_plts_own_key_and_says_so_everywhere(
        office, dovecot, smtp_server, tmp_path):
    """GIVEN the Inspektur away with the Sekretaris as Plt. WHEN the batch is signed with the
    Inspektur's key THEN nothing is signed; WHEN with the Plt.'s own key THEN each letter reads
    "Plt. INSPEKTUR …," above the Plt.'s name and NIP, validates, and the verification page and
    the outgoing book say Plt."""
    app, run, pw, keys = office
    ready(app, dovecot, smtp_server, "Segera", "Biasa")
    until = date.today() + timedelta(days=4)
    out = run("away", "inspektur", "--to", until.isoformat(), "--delegate", "sekretaris",
              "--reason", "dinas luar")
    assert out.exit_code == 0, out.output

    wrong = run("sign", "--all", *pw)                   # the Inspektur's certificate
    assert wrong.exit_code != 0 and "bukan" in str(wrong.exception or wrong.output)
    with app.session() as s:
        assert s.scalars(select(OutgoingLetter)).all() == []

    out = run("sign", "--all", "--key", str(keys / "sekretaris.p12"), *pw)
    assert out.exit_code == 0, out.output
    assert "signing as Plt. Inspektur: Sri Wahyuni" in out.output
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)).all()
        assert [(l.signed_by, l.signed_as) for l in letters] == [("sekretaris", "plt")] * 2
        found = lookup.find(s, letters[0].verification_code, app.workflow.by_code)
    assert (found.signer_name, found.signer_jabatan) == (
        "Sri Wahyuni, S.E., M.M.", "Plt. Inspektur Daerah Kota Pekalongan")
    trust = app.cfg.path(app.cfg.signing.trust_pem).read_bytes()
    pdf = app.store.get(letters[0].pdf_sha256, "signed")
    result = verify_pdf(pdf, [trust])
    assert result.ok and "Sri Wahyuni" in (result.signer_name or "")
    text = " ".join(page_text(pdf).replace("\u00a0", " ").split())
    assert "Plt. INSPEKTUR DAERAH KOTA PEKALONGAN," in text
    assert "NIP. 19720318 199803 2 004" in text and "Bambang" not in text
    book = json.loads(run("agenda", "out", "--json").output)
    assert {r["signer"] for r in book} == {"Plt. Inspektur (sekretaris)"}
    checked = run("verify", "--code", letters[0].verification_code)
    assert "Plt. Inspektur Daerah Kota Pekalongan" in checked.output
    render(pdf, tmp_path, "letter-plt")


def render(pdf: bytes, tmp_path, name: str) -> None:
    """Page 1 as test-output/screenshots/NAME-1.png, for a person to look at the block."""
    if shutil.which("pdftoppm"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1",
                        str(tmp_path / f"{name}.pdf"), str(SHOTS / name)], check=True)


def test_an_letter_is_refused_where_the_rules_do_not_allow_it(office, dovecot, smtp_server,
                                                               tmp_path):
    """GIVEN rules allowing a.n. Inspektur for 'biasa' letters only WHEN the Sekretaris signs
    a Biasa and a Segera letter a.n. THEN the Biasa one is signed "a.n. INSPEKTUR … /
    SEKRETARIS …," and the Segera one is refused and still waits for signature."""
    app, run, pw, keys = office
    ready(app, dovecot, smtp_server, "Biasa", "Segera")
    out = run("sign", "--all", "--as", "an", "--key", str(keys / "sekretaris.p12"), *pw)
    assert out.exit_code == 0, out.output
    assert "not signed: 0002/SM/ITDA/2026: surat bersifat segera tidak boleh" in out.output
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter)).all()
        assert [(l.signed_by, l.signed_as) for l in letters] == [("sekretaris", "an")]
        statuses = dict(s.execute(select(AgendaEntry.agenda_no, AgendaEntry.status)).all())
    assert statuses["0002/SM/ITDA/2026"] == "initialled"
    pdf = app.store.get(letters[0].pdf_sha256, "signed")
    text = " ".join(page_text(pdf).replace("\u00a0", " ").split())
    assert "a.n. INSPEKTUR DAERAH KOTA PEKALONGAN SEKRETARIS INSPEKTORAT DAERAH," in text
    render(pdf, tmp_path, "letter-an")
    rules = app.cfg.rules_path / "officials.toml"
    rules.write_text(rules.read_text().replace('atas_nama = ["biasa"]', "atas_nama = []"))
    refused = run("sign", "--all", "--as", "an", "--key", str(keys / "sekretaris.p12"), *pw)
    assert refused.exit_code != 0 and "tidak diizinkan" in str(refused.exception or
                                                               refused.output)
