# SPDX-License-Identifier: AGPL-3.0-or-later
"""Signing by reply while the Inspektur is away (issue 19): the digest goes to the Plt., the
Plt.'s TTD signs with the Plt.'s own key as "Plt. Inspektur"; the absent Inspektur's reply, and
the Plt.'s once the absence is over, sign nothing. Dovecot, aiosmtpd, LibreOffice, both
databases."""
from __future__ import annotations

import json
import subprocess
from datetime import date, datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.main import cli
from pipeline.core.config import load
from pipeline.core.models import AgendaEntry, Event, OutgoingLetter, Step
from pipeline.core.models_away import Absence
from pipeline.signing.convert import soffice
from pipeline.signing.digest import digest
from pipeline.signing.verify import verify_pdf
from pipeline.worker import run_once
from tests.away.test_plt_signing import render
from tests.signing.test_batch_flow import ONE_LEVEL, ready_letters
from tests.workflow.conftest import Mailroom, workspace

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")

PASSPHRASE, PLT_PASSPHRASE = "rahasia-kunci", "kunci-plt-sendiri"
INSPEKTUR, PLT = "inspektur@inspektorat.example.go.id", "sekretaris@inspektorat.example.go.id"


@pytest.fixture
def office(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    """Sign-by-reply on; the Inspektur's key and the Sekretaris's own key (another passphrase,
    in its own variable), both trusted; both passphrases in the worker's environment."""
    first = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing=ONE_LEVEL,
                      disposition="auto")
    first.close()
    config = tmp_path / "ws" / "config.toml"
    config.write_text(config.read_text().replace("# sign_by_reply = true", "sign_by_reply = true"))
    base = ["--config", str(config)]
    for who, secret in ((None, PASSPHRASE), ("sekretaris", PLT_PASSPHRASE)):
        (tmp_path / "pass").write_text(secret + "\n")
        out = CliRunner().invoke(cli, [*base, "keys", "create-test", "--passphrase-file",
                                       str(tmp_path / "pass"), *(["--official", who] if who
                                                                 else [])])
        assert out.exit_code == 0, out.output
    app = App.open(load(config))
    keys = app.cfg.path(app.cfg.signing.pkcs12).parent
    trust = app.cfg.path(app.cfg.signing.trust_pem)
    trust.write_bytes(trust.read_bytes() + (keys / "sekretaris.pem").read_bytes())
    monkeypatch.setenv("PARAF_SIGN_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PARAF_SIGN_PASSPHRASE_SEKRETARIS", PLT_PASSPHRASE)
    run = lambda *args: CliRunner().invoke(cli, base + list(args))     # noqa: E731
    yield app, Mailroom(smtp_server, dovecot), run
    app.close()


def body(mail) -> str:
    return mail.get_body(("plain",)).get_content()


def digest_to(app, mailroom, address):
    assert digest(app, datetime.now(timezone.utc)) > 0
    run_once(app)
    sheet = mailroom.last_to(address)
    assert "Menunggu Tanda Tangan" in str(sheet["Subject"])
    return sheet


def letters(app) -> list[OutgoingLetter]:
    with app.session() as s:
        return list(s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.seq)))


def test_the_plt_signs_by_reply_while_the_inspektur_is_away_and_only_then(
        office, dovecot, tmp_path):
    """GIVEN two initialled letters and the Inspektur's digest WHEN the Inspektur is recorded
    away (dinas luar, Plt. Sekretaris) and replies TTD SEMUA THEN nothing is signed and the
    Inspektur is told in Indonesian who signs meanwhile; WHEN the next digest is made THEN it
    goes to the Plt., whose TTD 1 signs letter 1 with the Plt.'s own key: a valid PDF whose
    block reads "Plt. INSPEKTUR …," above the Plt.'s name and NIP, and an outgoing book row
    "Plt. Inspektur (sekretaris)"; WHEN the absence is ended THEN the Plt.'s TTD to a digest
    of the absence signs nothing, and the next digest is the Inspektur's again."""
    app, mailroom, run = office
    ready_letters(app, dovecot, mailroom, 2)
    before = digest_to(app, mailroom, INSPEKTUR)
    until = date.today() + timedelta(days=5)
    out = run("away", "inspektur", "--to", until.isoformat(), "--delegate", "sekretaris",
              "--reason", "dinas luar")
    assert out.exit_code == 0, out.output

    mailroom.reply(before, INSPEKTUR, "TTD SEMUA")
    run_once(app)
    refused = mailroom.last_to(INSPEKTUR)
    assert "Balasan Tanda Tangan Tidak Diproses" in str(refused["Subject"])
    text = " ".join(body(refused).split())
    assert "Bapak/Ibu tercatat sedang dinas luar s.d." in text
    assert "Sri Wahyuni, S.E., M.M. sebagai Plt. Inspektur Daerah Kota Pekalongan" in text
    assert letters(app) == []
    with app.session() as s:
        assert s.scalars(select(Event.kind).where(Event.kind == "refused")).all() == ["refused"]

    sheet = digest_to(app, mailroom, PLT)
    text = " ".join(body(sheet).split())
    assert text.startswith("Yth. Plt. Inspektur Daerah Kota Pekalongan Sri Wahyuni")
    assert "sedang dinas luar s.d." in text and "sertifikat elektronik Bapak/Ibu sendiri" in text
    assert len(sheet.get_payload()) == 3                # the text and two PDF previews
    mailroom.reply(sheet, PLT, "TTD 1")
    run_once(app)
    signed = letters(app)
    assert [(l.number, l.signed_by, l.signed_as) for l in signed] == [
        ("700/1/ITDA/2026", "sekretaris", "plt")]
    pdf = app.store.get(signed[0].pdf_sha256, "signed")
    trust = app.cfg.path(app.cfg.signing.trust_pem).read_bytes()
    checked = verify_pdf(pdf, [trust])
    assert checked.ok and "Sri Wahyuni" in (checked.signer_name or "")
    (tmp_path / "plt.pdf").write_bytes(pdf)
    words = " ".join(subprocess.run(["pdftotext", "-layout", str(tmp_path / "plt.pdf"), "-"],
                                    capture_output=True, text=True, check=True).stdout.split())
    assert "Plt. INSPEKTUR DAERAH KOTA PEKALONGAN," in words
    assert "Sri Wahyuni, S.E., M.M." in words and "NIP. 19720318 199803 2 004" in words
    assert "Bambang" not in words                       # the Inspektur's name is nowhere
    book = json.loads(run("agenda", "out", "--json").output)
    assert [(r["outgoing_no"], r["signer"]) for r in book] == [("700/1/ITDA/2026",
                                                          "Plt. Inspektur (sekretaris)")]
    result = mailroom.last_to(PLT)
    assert "Hasil Penandatanganan" in str(result["Subject"]) and "700/1/ITDA/2026" in body(result)
    answer = [m for m in mailroom.to("disdik@pekalongankota.go.id")
              if "Surat Jawaban" in str(m["Subject"])]
    assert len(answer) == 1 and "Plt. Inspektur" in body(answer[0])
    render(pdf, tmp_path, "letter-plt-by-reply")

    during = digest_to(app, mailroom, PLT)              # letter 2, still the Plt.'s
    with app.session() as s:
        absence = s.scalars(select(Absence)).one()
    assert run("away", "--end", str(absence.id)).exit_code == 0
    mailroom.reply(during, PLT, "TTD SEMUA")
    run_once(app)
    late = mailroom.last_to(PLT)
    assert "Balasan Tanda Tangan Tidak Diproses" in str(late["Subject"])
    assert "tidak sedang menjadi Plt. Inspektur" in " ".join(body(late).split())
    assert len(letters(app)) == 1
    with app.session() as s:
        assert s.scalar(select(AgendaEntry.status).where(
            AgendaEntry.agenda_no == "0002/SM/ITDA/2026")) == "initialled"
        assert s.scalars(select(Step.official).where(Step.kind == "signing")).all() == [
            "inspektur", "sekretaris", "sekretaris"]
    back = digest_to(app, mailroom, INSPEKTUR)
    assert body(back).startswith("Yth. Inspektur Daerah Kota Pekalongan")
