# SPDX-License-Identifier: AGPL-3.0-or-later
"""Officials away (issue 19, part 1): an Irban replies `DINAS LUAR s.d. …` in the middle of a
case, the paraf moves to the delegate, the absence is ended and the paraf comes back; all
through the real Dovecot mailbox and SMTP server, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli.main import cli
from pipeline.core import naskah
from pipeline.core.events import verify
from pipeline.core.models import Event, Step
from pipeline.core.models_away import Absence
from pipeline.worker import run_once
from tests.stamps import OURS, stamp
from tests.workflow.conftest import Mailroom, workspace
from tests.workflow.test_paraf_by_email import emails, open_steps
from tests.workflow.test_spoofing import GOOD, answer, to_paraf

D = "inspektorat.example.go.id"


def good(address: str) -> str:
    return GOOD.replace(f"irban3@{D}", address)


@pytest.fixture
def office(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, authserv_id=OURS)
    yield app
    app.close()


def away_cli(app, *args):
    out = CliRunner().invoke(cli, ["--config", str(app.cfg.base_dir / "config.toml"), "away",
                                   *args])
    assert out.exit_code == 0, out.output
    return out.output


def paraf_requests(mailroom, address):
    return [m for m in mailroom.to(address) if "Mohon Paraf" in str(m["Subject"])]


def body(msg) -> str:
    return msg.get_body(("plain",)).get_content()


def test_an_absence_by_reply_moves_the_paraf_and_its_end_brings_it_back(
        office, dovecot, smtp_server):
    """GIVEN irban-3 asked to initial WHEN they reply `DINAS LUAR s.d. <date>, Plt. irban-2`
    THEN the paraf is irban-2's (one open step, same due time), irban-3's old token no longer
    acts, the confirmation goes to irban-3's registered address; WHEN the absence is ended THEN
    the paraf is irban-3's again, irban-2's token no longer acts, and irban-3's SETUJU counts."""
    mailroom = Mailroom(smtp_server, dovecot)
    to_paraf(office, dovecot, mailroom)
    irban3, irban2 = emails(office, "irban-3"), emails(office, "irban-2")
    with office.session() as s:
        due = s.scalars(select(Step.due_at).where(Step.status == "open")).one()
    until = date.today() + timedelta(days=9)
    first_request = paraf_requests(mailroom, irban3)[-1]
    answer(mailroom, dovecot, first_request, irban3,
           f"DINAS LUAR s.d. {naskah.tanggal(until)}, Plt. irban-2\n\nTerima kasih.",
           good(irban3))
    run_once(office)

    assert open_steps(office) == [("paraf", "irban-2", 1, 0)]
    with office.session() as s:
        step = s.scalars(select(Step).where(Step.status == "open")).one()
        assert (step.on_behalf_of, step.due_at) == ("irban-3", due)      # the clock runs on
        absence = s.scalars(select(Absence)).one()
        assert (absence.official, absence.delegate, absence.ends_on, absence.reason) == (
            "irban-3", "irban-2", until, "dinas luar")
        kinds = [e.kind for e in s.scalars(select(Event).order_by(Event.id))]
        assert kinds.count("delegated") == 1
    confirmation = [m for m in mailroom.to(irban3) if "Ketidakhadiran Dicatat" in
                    str(m["Subject"])]
    assert len(confirmation) == 1 and naskah.tanggal(until) in body(confirmation[0])
    handed = paraf_requests(mailroom, irban2)[-1]
    text = body(handed)
    assert "pengganti" in text and "Endang" in text and "Permintaan semula" in text
    assert any(p.get_filename().endswith(".docx") for p in handed.iter_attachments())

    # irban-3 answers the first request anyway: that token names a closed step.
    answer(mailroom, dovecot, first_request, irban3, "SETUJU", good(irban3))
    run_once(office)
    assert open_steps(office) == [("paraf", "irban-2", 1, 0)]

    # irban-3 is back early: the paraf comes back, irban-2's request stops working.
    listed = away_cli(office, "--list")
    assert "irban-3" in listed and "irban-2" in listed
    away_cli(office, "--end", str(absence.id))
    assert open_steps(office) == [("paraf", "irban-3", 1, 0)]
    run_once(office)
    back = paraf_requests(mailroom, irban3)[-1]
    assert "kembali kepada Bapak/Ibu" in body(back)
    answer(mailroom, dovecot, handed, irban2, "SETUJU", good(irban2))
    run_once(office)
    assert open_steps(office) == [("paraf", "irban-3", 1, 0)]
    answer(mailroom, dovecot, back, irban3, "SETUJU", good(irban3))
    run_once(office)
    assert open_steps(office) == [("paraf", "kasubag-umum", 1, 1)]
    with office.session() as s:
        handovers = s.scalars(select(Step).where(Step.kind == "paraf", Step.stage == 0)).all()
        assert [(h.official, h.status) for h in handovers] == [
            ("irban-3", "moved"), ("irban-2", "moved"), ("irban-3", "done")]
        assert verify(s) == []                     # the history still verifies


def test_a_step_opened_while_away_goes_straight_to_the_delegate_and_the_delegate_acts(
        office, dovecot, smtp_server):
    """GIVEN kasubag-umum away (set by the administrator with `paraf away`) WHEN irban-3
    initials THEN the next paraf opens at once for the delegate, who initials it; the case goes
    on to the Sekretaris and the history names who stood in for whom."""
    mailroom = Mailroom(smtp_server, dovecot)
    to_paraf(office, dovecot, mailroom)
    until = date.today() + timedelta(days=3)
    away_cli(office, "kasubag-umum", "--to", until.strftime("%d-%m-%Y"), "--delegate",
             "auditor-1a", "--reason", "sakit")
    irban3 = emails(office, "irban-3")
    answer(mailroom, dovecot, paraf_requests(mailroom, irban3)[-1], irban3, "SETUJU",
           good(irban3))
    run_once(office)
    assert open_steps(office) == [("paraf", "auditor-1a", 1, 1)]
    delegate = emails(office, "auditor-1a")
    request = paraf_requests(mailroom, delegate)[-1]
    assert "sakit" in body(request) and "Agus Prasetyo" in body(request)
    assert paraf_requests(mailroom, emails(office, "kasubag-umum")) == []
    answer(mailroom, dovecot, request, delegate, "SETUJU", good(delegate))
    run_once(office)
    assert open_steps(office) == [("paraf", "sekretaris", 1, 2)]
    confirms = [m for m in mailroom.to(delegate) if "Mohon Paraf" not in str(m["Subject"])]
    assert confirms, "the delegate's action is confirmed to the delegate's own address"


@pytest.mark.parametrize("results", [
    None,                                                          # no authentication at all
    f"dkim=fail header.d={D}; spf=fail smtp.mailfrom=irban3@{D}; dmarc=fail header.from={D}",
])
def test_a_forged_cuti_reply_records_nothing(office, dovecot, smtp_server, results):
    """GIVEN irban-3 asked to initial WHEN a `CUTI s.d. …` reply in irban-3's name arrives that
    our server did not authenticate THEN no absence is recorded and the paraf stays put."""
    mailroom = Mailroom(smtp_server, dovecot)
    to_paraf(office, dovecot, mailroom)
    irban3 = emails(office, "irban-3")
    raw = mailroom.reply(paraf_requests(mailroom, irban3)[-1], irban3,
                         "CUTI s.d. 30-12-2026, Plt. auditor-4b", send=False)
    dovecot.append("INBOX", stamp(raw, results) if results else raw)
    run_once(office)
    with office.session() as s:
        assert s.scalars(select(Absence)).all() == []
    assert open_steps(office) == [("paraf", "irban-3", 1, 0)]
    assert paraf_requests(mailroom, emails(office, "auditor-4b")) == []


def test_cuti_replied_to_a_confirmation_without_a_token_counts_from_the_official_only(
        office, dovecot, smtp_server):
    """GIVEN irban-3's SETUJU was confirmed (a mail with no token) WHEN irban-3 replies to that
    confirmation `CUTI s.d. <date>` THEN the absence is recorded; the same words from the
    OPD's address in reply to its receipt are not an absence (the OPD is not an official)."""
    mailroom = Mailroom(smtp_server, dovecot)
    to_paraf(office, dovecot, mailroom)
    opd = "disdik@pekalongankota.go.id"
    receipt = mailroom.last_to(opd)
    raw = mailroom.reply(receipt, opd, "CUTI s.d. 30-12-2026", send=False,
                         to=office.cfg.office.email)
    dovecot.append("INBOX", stamp(raw, "dkim=pass header.d=pekalongankota.go.id"))
    run_once(office)
    with office.session() as s:
        assert s.scalars(select(Absence)).all() == []
    drafter = emails(office, "auditor-3a")
    confirmation = [m for m in mailroom.to(drafter) if "Reply-To" not in m][-1]
    until = date.today() + timedelta(days=2)
    answer(mailroom, dovecot, confirmation, drafter, f"CUTI s.d. {until:%d-%m-%Y}",
           good(drafter), to=office.cfg.office.email)
    run_once(office)
    with office.session() as s:
        assert [(a.official, a.delegate, a.ends_on) for a in s.scalars(select(Absence))] == [
            ("auditor-3a", "irban-3", until)]                    # the superior by default
    assert any("Ketidakhadiran Dicatat" in str(m["Subject"]) for m in mailroom.to(drafter))
