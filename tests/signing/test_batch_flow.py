# SPDX-License-Identifier: AGPL-3.0-or-later
"""Initialled letters are signed in a batch, numbered without gaps, and mailed to the OPD."""
from __future__ import annotations

import email
import json
from datetime import datetime, timezone
from email import policy

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli.main import cli
from pipeline.core.models import AgendaEntry, OutgoingLetter
from pipeline.signing import batch as signbatch
from pipeline.signing.convert import soffice
from pipeline.signing.keys import load_signer
from pipeline.signing.verify import verify_pdf
from pipeline.worker import run_once
from tests.mails import fields, letter_mail
from tests.side_by_side import side_by_side
from tests.workflow.conftest import Mailroom, workspace

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")

ONE_LEVEL = '''
[[rule]]
name = "Semua"
default = true
assignee = "auditor-3a"
chain = ["superior"]
'''


@pytest.fixture
def office(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing=ONE_LEVEL,
                    disposition="auto")
    (tmp_path / "pass").write_text("rahasia-kunci\n")
    base = ["--config", str(app.cfg.base_dir / "config.toml")]
    out = CliRunner().invoke(cli, base + ["keys", "create-test", "--passphrase-file",
                                          str(tmp_path / "pass")])
    assert out.exit_code == 0, out.output
    yield app, base + ["sign"], ["--passphrase-file", str(tmp_path / "pass")]
    app.close()


def ready_letters(app, dovecot, mailroom: Mailroom, count: int) -> list[str]:
    """COUNT letters driven to 'initialled' by replies; returns their Message-IDs."""
    ids = []
    for i in range(count):
        raw = letter_mail(letter=fields(700 + i))
        ids.append(email.message_from_bytes(raw, policy=policy.default)["Message-ID"])
        dovecot.append("INBOX", raw)
    run_once(app)
    drafter = app.workflow.by_code["auditor-3a"].emails[0]
    for request in mailroom.to(drafter):
        mailroom.reply(request, drafter, "1. Dapat.\n2. Melalui aplikasi.")
    run_once(app)
    irban = app.workflow.by_code["irban-3"].emails[0]
    for request in mailroom.to(irban):
        mailroom.reply(request, irban, "SETUJU")
    run_once(app)
    return ids


def test_a_batch_is_signed_numbered_in_sequence_and_mailed_to_the_opd(
        office, dovecot, smtp_server):
    """GIVEN three initialled letters WHEN the Inspector signs the batch THEN they get 700/1..3,
    signed PDFs that validate, and each OPD gets its letter threaded to its own message."""
    app, sign, passphrase = office
    mailroom = Mailroom(smtp_server, dovecot)
    originals = ready_letters(app, dovecot, mailroom, 3)
    runner = CliRunner()
    listing = runner.invoke(cli, sign)
    assert listing.output.count("0001/SM/ITDA/2026") == 1 and "irban" in listing.output.lower()
    out = runner.invoke(cli, sign + ["--all"] + passphrase)
    assert out.exit_code == 0, out.output
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)).all()
    assert [l.number for l in letters] == [f"700/{n}/ITDA/2026" for n in (1, 2, 3)]
    trust = (app.cfg.path(app.cfg.signing.trust_pem)).read_bytes()
    for letter in letters:
        pdf = app.store.get(letter.pdf_sha256, "signed")
        assert verify_pdf(pdf, [trust]).ok
    run_once(app)
    sent = [m for m in mailroom.to("disdik@pekalongankota.go.id")
            if "Surat Jawaban" in str(m["Subject"])]
    assert sorted(m["In-Reply-To"] for m in sent) == sorted(originals)
    assert all(any(p.get_content_type() == "application/pdf" for p in m.iter_attachments())
               for m in sent)
    with app.session() as s:
        assert set(s.scalars(select(AgendaEntry.status))) == {"closed"}
    book = runner.invoke(cli, sign[:2] + ["agenda", "out", "--json"])
    assert [r["outgoing_no"] for r in json.loads(book.output)] == [
        "700/1/ITDA/2026", "700/2/ITDA/2026", "700/3/ITDA/2026"]
    (tmp := app.cfg.base_dir / "surat.pdf").write_bytes(
        app.store.get(letters[0].pdf_sha256, "signed"))
    checked = runner.invoke(cli, sign[:2] + ["verify", str(tmp)])
    assert checked.exit_code == 0 and "700/1/ITDA/2026" in checked.output
    tmp.write_bytes(tmp.read_bytes() + b"\n% edited\n")
    assert runner.invoke(cli, sign[:2] + ["verify", str(tmp)]).exit_code == 1


def test_a_crash_in_the_middle_of_a_batch_leaves_no_gap_and_no_double(
        office, dovecot, smtp_server, monkeypatch):
    """GIVEN three letters WHEN the process dies while committing the second THEN the first is
    fully signed and numbered, the others untouched; signing again numbers them 2 and 3."""
    app, sign, passphrase = office
    mailroom = Mailroom(smtp_server, dovecot)
    ready_letters(app, dovecot, mailroom, 3)
    real_mail = signbatch.Batch.mail
    calls = []

    def dying_mail(self, *args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt("power cut")
        return real_mail(self, *args)
    signer = load_signer(app.cfg.path(app.cfg.signing.pkcs12), b"rahasia-kunci")
    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(signbatch.Batch, "mail", dying_mail)
        signbatch.sign_batch(app, signer, datetime.now(timezone.utc))
    with app.session() as s:
        assert [l.number for l in s.scalars(select(OutgoingLetter))] == ["700/1/ITDA/2026"]
        assert sorted(s.scalars(select(AgendaEntry.status))) == [
            "initialled", "initialled", "signed"]
    out = CliRunner().invoke(cli, sign + ["--all"] + passphrase)
    assert out.exit_code == 0, out.output
    with app.session() as s:
        numbers = sorted(s.scalars(select(OutgoingLetter.seq)))
    assert numbers == [1, 2, 3]
    run_once(app)
    assert len([m for m in mailroom.to("disdik@pekalongankota.go.id")
                if "Surat Jawaban" in str(m["Subject"])]) == 3


def test_two_signers_at_once_number_without_gaps_and_each_letter_carries_its_number(
        office, dovecot, smtp_server):
    """GIVEN six ready letters WHEN two workers sign interleaved halves at the same time THEN
    the numbers are 1..6 once each, and each signed PDF carries the number it was booked under."""

    import pypdfium2 as pdfium

    app, _, _ = office
    mailroom = Mailroom(smtp_server, dovecot)
    ready_letters(app, dovecot, mailroom, 6)
    with app.session() as s:
        ids = sorted(s.scalars(select(AgendaEntry.id)))
    key = app.cfg.path(app.cfg.signing.pkcs12)

    def work(i, worker):
        signbatch.sign_batch(worker, load_signer(key, b"rahasia-kunci"),
                             datetime.now(timezone.utc), ids[i::2])
    assert side_by_side(app, work) == []
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)).all()
    assert [l.seq for l in letters] == [1, 2, 3, 4, 5, 6]
    for letter in letters:
        pdf = pdfium.PdfDocument(app.store.get(letter.pdf_sha256, "signed"))
        text = pdf[0].get_textpage().get_text_range()
        assert letter.number in text


def test_the_inspector_gets_a_digest_of_the_batch_with_previews(office, dovecot, smtp_server):
    """GIVEN two letters ready to sign WHEN the digest goes out THEN the Inspector's mail lists
    both with who initialled them, and carries a PDF preview of each; with sign-by-reply off
    (the default) it offers no reply commands and carries no token."""
    app, sign, _ = office
    mailroom = Mailroom(smtp_server, dovecot)
    ready_letters(app, dovecot, mailroom, 2)
    out = CliRunner().invoke(cli, sign[:2] + ["digest"])
    assert "digest of 2 letters" in out.output
    run_once(app)
    mail = mailroom.last_to(app.workflow.inspector.emails[0])
    body = mail.get_body(("plain",)).get_content()
    assert "Menunggu Tanda Tangan" in str(mail["Subject"])
    assert "0001/SM/ITDA/2026" in body and "0002/SM/ITDA/2026" in body
    assert mail["Reply-To"] is None and "TTD SEMUA" not in body     # sign_by_reply is off
    pdfs = [p for p in mail.iter_attachments() if p.get_content_type() == "application/pdf"]
    assert len(pdfs) == 2 and all(p.get_content().startswith(b"%PDF") for p in pdfs)
