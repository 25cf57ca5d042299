# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Inspector signs by replying to the digest: TTD 1,3 / TTD SEMUA / TOLAK 2: <alasan>.

End to end on Dovecot (the replies arrive by IMAP), aiosmtpd (every mail goes out by SMTP),
LibreOffice and the test key; the worker's `run_once` does the rest, as in production.
"""
from __future__ import annotations

import email
from datetime import datetime, timezone
from email import policy

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.main import cli
from pipeline.core.config import load
from pipeline.core.models import AgendaEntry, Event, OutgoingLetter
from pipeline.signing.convert import soffice
from pipeline.signing.digest import digest
from pipeline.signing.verify import verify_pdf
from pipeline.worker import run_once
from tests.signing.test_batch_flow import ONE_LEVEL, ready_letters
from tests.workflow.conftest import Mailroom, workspace

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")

PASSPHRASE = "rahasia-kunci"


@pytest.fixture
def office(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    """A workspace with sign_by_reply = true and a test key; the passphrase is NOT yet in the
    worker's environment (each test decides)."""
    monkeypatch.delenv("PARAF_SIGN_PASSPHRASE", raising=False)
    first = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing=ONE_LEVEL,
                      disposition="auto")
    first.close()
    config = tmp_path / "ws" / "config.toml"
    text = config.read_text()
    assert "# sign_by_reply = true" in text
    config.write_text(text.replace("# sign_by_reply = true", "sign_by_reply = true"))
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    out = CliRunner().invoke(cli, ["--config", str(config), "keys", "create-test",
                                   "--passphrase-file", str(tmp_path / "pass")])
    assert out.exit_code == 0, out.output
    app = App.open(load(config))
    assert app.cfg.signing.sign_by_reply
    yield app, Mailroom(smtp_server, dovecot)
    app.close()


def send_digest(app, mailroom):
    assert digest(app, datetime.now(timezone.utc)) > 0
    run_once(app)
    return mailroom.last_to(app.workflow.inspector.emails[0])


def body(mail) -> str:
    return mail.get_body(("plain",)).get_content()


def numbers(app) -> dict[str, str]:
    with app.session() as s:
        return {e.agenda_no: l.number for l, e in s.execute(
            select(OutgoingLetter, AgendaEntry).join(AgendaEntry,
                                                     AgendaEntry.id == OutgoingLetter.entry_id))}


def test_ttd_signs_the_chosen_letters_and_tolak_returns_one_to_its_drafter(
        office, dovecot, monkeypatch):
    """GIVEN three initialled letters and the Inspector's digest WHEN the Inspector first
    replies with an impossible item, then 'TTD 1,3' and 'TOLAK 2: <alasan>' THEN the first
    reply is explained in Indonesian and changes nothing; the second signs letters 1 and 3 as
    700/1 and 700/2 (valid PDFs, mailed to the OPD), sends letter 2 back to its drafter with
    the reason, and reports all of it to the Inspector; a repeated reply does nothing."""
    app, mailroom = office
    monkeypatch.setenv("PARAF_SIGN_PASSPHRASE", PASSPHRASE)
    ready_letters(app, dovecot, mailroom, 3)
    inspector = app.workflow.inspector.emails[0]
    sheet = send_digest(app, mailroom)
    assert "+p-" in str(sheet["Reply-To"]) and "[PARAF p-" in str(sheet["Subject"])
    assert "TTD SEMUA" in body(sheet) and "TOLAK 2: <alasan>" in body(sheet)

    mailroom.reply(sheet, inspector, "TTD 9")
    run_once(app)
    unclear = mailroom.last_to(inspector)
    assert "Belum Dapat Diproses" in str(unclear["Subject"])
    assert "nomor urut 9 tidak ada dalam daftar (daftar memuat 3 surat)" in body(unclear)
    assert numbers(app) == {}

    raw = mailroom.reply(sheet, inspector, "TTD 1,3\nTOLAK 2: dasar hukum belum dicantumkan."
                                           "\n\nTerima kasih")
    reply_id = str(email.message_from_bytes(raw, policy=policy.default)["Message-ID"]).strip()
    run_once(app)
    assert numbers(app) == {"0001/SM/ITDA/2026": "700/1/ITDA/2026",
                            "0003/SM/ITDA/2026": "700/2/ITDA/2026"}
    trust = app.cfg.path(app.cfg.signing.trust_pem).read_bytes()
    with app.session() as s:
        letters = s.scalars(select(OutgoingLetter)).all()
        statuses = dict(s.execute(select(AgendaEntry.agenda_no, AgendaEntry.status)).all())
        sign_events = s.scalars(select(Event).where(Event.kind == "sign")).all()
    assert all(verify_pdf(app.store.get(l.pdf_sha256, "signed"), [trust]).ok for l in letters)
    assert statuses == {"0001/SM/ITDA/2026": "closed", "0002/SM/ITDA/2026": "disposed",
                        "0003/SM/ITDA/2026": "closed"}
    assert [e.message_id for e in sign_events] == [reply_id, reply_id]   # who authorised it
    answers = [m for m in mailroom.to("disdik@pekalongankota.go.id")
               if "Surat Jawaban" in str(m["Subject"])]
    assert len(answers) == 2
    drafter = mailroom.last_to(app.workflow.by_code["auditor-3a"].emails[0])
    assert "dasar hukum belum dicantumkan" in body(drafter)
    assert "0002/SM/ITDA/2026" in str(drafter["Subject"])
    result = mailroom.last_to(inspector)
    assert "Hasil Penandatanganan" in str(result["Subject"])
    text = body(result)
    assert "700/1/ITDA/2026" in text and "700/2/ITDA/2026" in text
    assert "0002/SM/ITDA/2026 (nomor urut 2), dengan alasan: dasar hukum belum" in text
    confirmations = [body(m) for m in mailroom.to(inspector)
                     if "Konfirmasi Tindakan" in str(m["Subject"])]
    assert any("perintah penandatanganan" in c for c in confirmations)
    assert sum("penandatanganan surat jawaban" in c and "BUKAN Bapak/Ibu" in c
               for c in confirmations) == 2         # one per signed letter, to the Inspector

    mailroom.reply(sheet, inspector, "TTD SEMUA")
    run_once(app)
    assert "Tidak Diproses" in str(mailroom.last_to(inspector)["Subject"])
    assert len(numbers(app)) == 2


def test_without_the_passphrase_the_reply_is_refused_and_a_new_digest_replaces_the_old(
        office, dovecot, monkeypatch):
    """GIVEN sign-by-reply on but no PARAF_SIGN_PASSPHRASE in the worker WHEN the Inspector
    replies TTD SEMUA THEN nothing is signed and the Inspector is told why; once the office
    sets the passphrase and a new digest goes out, a reply to the old digest is refused as
    outdated and a reply to the new one signs every letter in sequence."""
    app, mailroom = office
    ready_letters(app, dovecot, mailroom, 2)
    inspector = app.workflow.inspector.emails[0]
    old = send_digest(app, mailroom)
    mailroom.reply(old, inspector, "TTD SEMUA")
    run_once(app)
    refused = mailroom.last_to(inspector)
    assert "Tidak Dapat Diproses" in str(refused["Subject"])
    assert "PARAF_SIGN_PASSPHRASE" in body(refused) and "paraf sign" in body(refused)
    assert numbers(app) == {}

    monkeypatch.setenv("PARAF_SIGN_PASSPHRASE", PASSPHRASE)
    new = send_digest(app, mailroom)
    assert new["Message-ID"] != old["Message-ID"]
    mailroom.reply(old, inspector, "TTD SEMUA")
    run_once(app)
    assert "Balasan Tidak Diproses" in str(mailroom.last_to(inspector)["Subject"])
    assert numbers(app) == {}

    mailroom.reply(new, inspector, "TTD SEMUA")
    run_once(app)
    assert numbers(app) == {"0001/SM/ITDA/2026": "700/1/ITDA/2026",
                            "0002/SM/ITDA/2026": "700/2/ITDA/2026"}
    assert "Hasil Penandatanganan" in str(mailroom.last_to(inspector)["Subject"])


def test_a_reply_from_another_address_signs_nothing(office, dovecot, monkeypatch):
    """GIVEN the digest WHEN 'TTD SEMUA' comes from an address that is not the Inspector's
    THEN it is refused like a forged paraf: nothing is signed, the Inspector is told."""
    app, mailroom = office
    monkeypatch.setenv("PARAF_SIGN_PASSPHRASE", PASSPHRASE)
    ready_letters(app, dovecot, mailroom, 1)
    sheet = send_digest(app, mailroom)
    mailroom.reply(sheet, "sekretaris@inspektorat.example.go.id", "TTD SEMUA")
    run_once(app)
    assert numbers(app) == {}
    refused = mailroom.last_to(app.workflow.inspector.emails[0])
    assert "Balasan Tidak Diproses" in str(refused["Subject"])
    assert "sekretaris@inspektorat.example.go.id" in body(refused)


def test_a_reply_cut_short_by_a_crash_is_finished_later_without_doubles(
        office, dovecot, monkeypatch):
    """GIVEN 'TTD SEMUA' for two letters WHEN the worker dies while committing the second
    THEN the first stays signed, the second untouched; once the dead worker's lease on that
    letter's job has run out another run takes it up, signs the second as 700/2 and reports
    both as signed by that reply, nothing numbered twice."""
    from sqlalchemy import update

    from pipeline.core.models_jobs import Job
    from pipeline.signing import batch as signbatch
    from pipeline.signing.byreply import run_pending
    app, mailroom = office
    monkeypatch.setenv("PARAF_SIGN_PASSPHRASE", PASSPHRASE)
    ready_letters(app, dovecot, mailroom, 2)
    inspector = app.workflow.inspector.emails[0]
    mailroom.reply(send_digest(app, mailroom), inspector, "TTD SEMUA")
    real_mail, calls = signbatch.Batch.mail, []

    def dying_mail(self, *args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt("power cut")
        return real_mail(self, *args)
    with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(signbatch.Batch, "mail", dying_mail)
        run_once(app)
    assert numbers(app) == {"0001/SM/ITDA/2026": "700/1/ITDA/2026"}
    assert run_pending(app) == 0                # its lease still runs: nobody takes it twice
    with app.session() as s:                    # the dead worker's lease runs out
        s.execute(update(Job).where(Job.status == "running").values(
            lease_until=datetime(2000, 1, 1, tzinfo=timezone.utc)))
    assert run_pending(app) == 1
    assert numbers(app) == {"0001/SM/ITDA/2026": "700/1/ITDA/2026",
                            "0002/SM/ITDA/2026": "700/2/ITDA/2026"}
    run_once(app)
    result = body(mailroom.last_to(inspector))
    assert "700/1/ITDA/2026" in result and "700/2/ITDA/2026" in result
    assert "Yang tidak dapat dilaksanakan" not in result
