# SPDX-License-Identifier: AGPL-3.0-or-later
"""The office's own certificate and TSA through `paraf`: `keys import` of a PKCS#12 with its
intermediate CA, a batch signed while the TSA is down (sent anyway, marked B-B), the worker's
timestamp once the TSA is back, and `paraf archive timestamp` (B-LTA)."""
from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_timestamp
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.main import cli
from pipeline.core.config import load
from pipeline.core.models import OutboxMail, OutgoingLetter
from pipeline.signing.certcheck import validation_context
from pipeline.signing.convert import soffice
from pipeline.signing.ltv import level_of
from pipeline.worker import run_once, timestamp_letters
from tests.signing.test_batch_flow import ONE_LEVEL, ready_letters
from tests.web.live import free_port
from tests.workflow.conftest import Mailroom, workspace

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
PASS = "kunci-psre"


def _set_tsa(config, url: str) -> None:
    text = config.read_text()
    start = text.index("\ntsa_url = ")
    end = text.index("\n", start + 1)
    config.write_text(text[:start] + f'\ntsa_url = "{url}"' + text[end:])


@pytest.fixture
def office(tmp_path, db_url, dovecot, smtp_server, monkeypatch, pki):
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing=ONE_LEVEL,
                    disposition="auto")
    config = app.cfg.base_dir / "config.toml"
    (tmp_path / "pass").write_text(PASS + "\n")
    (tmp_path / "root.pem").write_bytes(pki.root_pem())
    base = ["--config", str(config)]
    yield app, config, base, ["--passphrase-file", str(tmp_path / "pass")], tmp_path
    app.close()


def test_keys_import_takes_the_chain_and_refuses_revoked_or_expired(office, pki, dovecot,
                                                                    smtp_server):
    """GIVEN the CA's PKCS#12 files WHEN `paraf keys import` is run THEN a revoked and an
    expired certificate are refused with an Indonesian reason and nothing is installed; the
    valid one is installed with its intermediate CA and the root becomes the trust anchor;
    and a key revoked after installation makes `paraf sign` sign nothing."""
    app, _, base, passphrase, tmp = office
    runner = CliRunner()
    target = app.cfg.path(app.cfg.signing.pkcs12)
    for label, words in (("revoked", "DICABUT"), ("expired", "kedaluwarsa")):
        out = runner.invoke(cli, base + ["keys", "import", str(pki.pkcs12(label, PASS.encode())),
                                         "--root", str(tmp / "root.pem")] + passphrase)
        assert out.exit_code != 0 and words in str(out.exception), out.output
        assert not target.exists()
    out = runner.invoke(cli, base + ["keys", "import", str(pki.pkcs12("signer", PASS.encode())),
                                     "--root", str(tmp / "root.pem")] + passphrase)
    assert out.exit_code == 0, out.output
    assert "Paraf Uji CA Intermediate" in out.output
    # A key revoked after it was installed: the next batch signs nothing.
    target.write_bytes(pki.pkcs12("revoked", PASS.encode()).read_bytes())
    ready_letters(app, dovecot, Mailroom(smtp_server, dovecot), 1)
    out = runner.invoke(cli, base + ["sign", "--all"] + passphrase)
    assert out.exit_code != 0 and "DICABUT" in str(out.exception)
    with app.session() as s:
        assert s.scalars(select(OutgoingLetter)).all() == []
    assert target.exists() and app.cfg.path(app.cfg.signing.trust_pem).read_bytes() \
        == pki.root_pem()


def test_tsa_down_sends_b_b_then_the_worker_and_the_archive_timestamp(office, pki, dovecot,
                                                                      smtp_server):
    """GIVEN the office's key imported and a TSA that does not answer WHEN the batch is signed
    THEN every letter is signed, queued and sent, marked B-B; WHEN the TSA is back THEN the
    worker adds a document timestamp to the archive copy (the mailed file stays the one the
    verification page confirms), and `paraf archive timestamp --all` reaches B-LTA."""
    app, config, base, passphrase, tmp = office
    runner = CliRunner()
    assert runner.invoke(cli, base + ["keys", "import", str(pki.pkcs12("signer", PASS.encode())),
                                      "--root", str(tmp / "root.pem")] + passphrase).exit_code == 0
    _set_tsa(config, f"http://127.0.0.1:{free_port()}/tsa")
    ready_letters(app, dovecot, Mailroom(smtp_server, dovecot), 2)
    out = runner.invoke(cli, base + ["sign", "--all"] + passphrase)
    assert out.exit_code == 0 and out.output.count("signed 0") == 2, out.output
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)).all()
        assert [l.pades_level for l in letters] == ["B-B", "B-B"]
        assert s.scalars(select(OutboxMail.kind)).all().count("signed-letter") == 2
    run_once(app)                       # the TSA is still down: mail goes, no timestamp
    with app.session() as s:
        assert {m.status for m in s.scalars(select(OutboxMail).where(
            OutboxMail.kind == "signed-letter"))} == {"sent"}
    _set_tsa(config, pki.tsa_url)
    back = App.open(load(config), migrate=False)
    try:
        assert timestamp_letters(back) == 2
        with back.session() as s:
            letters = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)).all()
        for letter in letters:
            mailed = back.store.get(letter.pdf_sha256, "signed")
            archived = back.store.get(letter.archive_sha256, "archive")
            assert letter.pades_level == level_of(archived) != "B-B"
            assert archived.startswith(mailed)
            stamp = PdfFileReader(io.BytesIO(archived)).embedded_timestamp_signatures[-1]
            status = validate_pdf_timestamp(stamp, validation_context([pki.root_pem()],
                                                                      fetch=True))
            assert status.valid and status.trusted
            (tmp / "diterima.pdf").write_bytes(mailed)
            checked = runner.invoke(cli, base + ["verify", "--code", letter.verification_code,
                                                 str(tmp / "diterima.pdf")])
            assert checked.exit_code == 0, checked.output
        again = runner.invoke(cli, base + ["archive", "timestamp", "--all"])
        assert again.exit_code == 0 and "2 letters timestamped" in again.output, again.output
        with back.session() as s:
            assert set(s.scalars(select(OutgoingLetter.pades_level))) == {"B-LTA"}
        # The TSA's certificate runs ten years: with 180 days' notice nothing is due yet ...
        due = runner.invoke(cli, base + ["archive", "timestamp"])
        assert due.exit_code == 0 and "0 letters timestamped" in due.output, due.output
    finally:
        back.close()
    # ... with more notice than that, every letter is.
    config.write_text(config.read_text().replace("embed_validation = false",
                                                 "embed_validation = false\n"
                                                 "archive_renew_days = 4000"))
    due = runner.invoke(cli, base + ["archive", "timestamp"])
    assert due.exit_code == 0 and "2 letters timestamped" in due.output, due.output
