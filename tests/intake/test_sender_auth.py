# SPDX-License-Identifier: AGPL-3.0-or-later
"""Forged letters never get a receipt (issues 14 and 24): a letter that fails sender
authentication, or comes from a stranger at a shared mail domain, waits for the clerk."""
from __future__ import annotations

import pytest

from pipeline.app import App
from pipeline.core.config import load
from pipeline.core.workspace import set_key
from tests.conftest import make_workspace
from tests.mails import fields, letter_mail
from tests.stamps import OURS, stamp

from .helpers import agenda, mail_in, run_until_idle, sent_mail

GMAIL_OPD = '''
[[opd]]
code = "kel-podosugih"
name = "Kelurahan Podosugih"
pemda = "Kota Pekalongan"
emails = ["kel.podosugih@gmail.com"]
domains = ["gmail.com"]

[[opd]]
code = "upt-disdik"
name = "UPT Dinas Pendidikan"
pemda = "Kota Pekalongan"
domains = ["upt-disdik.pekalongankota.go.id"]
'''
CITY = "pekalongankota.go.id"
DISDIK = f"disdik@{CITY}"


@pytest.fixture
def office(tmp_path, db_url):
    """The sample office with its server's id set (so require) and an OPD on Gmail."""
    make_workspace(tmp_path / "ws", db_url).close()
    config = tmp_path / "ws" / "config.toml"
    config.write_text(set_key(config.read_text(), "authserv_id", OURS))
    opds = tmp_path / "ws" / "rules" / "opd.toml"
    opds.write_text(opds.read_text() + GMAIL_OPD)
    app = App.open(load(config))
    yield app
    app.close()


FORGED_AR = f"Authentication-Results: {OURS}; dkim=pass header.d={CITY}\r\n".encode()
LETTERS = {
    "spf and dmarc fail": (DISDIK, f"spf=fail smtp.mailfrom={DISDIK}; dmarc=fail "
                                   f"header.from={CITY}", b""),
    "dkim of another domain": (DISDIK, "dkim=pass header.d=attacker.example; dmarc=fail "
                                       f"header.from={CITY}", b""),
    "our id injected lower down": (DISDIK, "none", FORGED_AR),
    "unstamped": (DISDIK, None, b""),
    "dkim for go.id itself": (DISDIK, "dkim=pass header.d=go.id", b""),
    "free-mail stranger naming a Gmail OPD": ("podosugih.kelurahan@gmail.com",
                                              "dkim=pass header.d=gmail.com; dmarc=pass "
                                              "header.from=gmail.com", b""),
}


@pytest.mark.parametrize("case", LETTERS)
def test_a_letter_that_fails_is_quarantined_with_no_receipt(office, case):
    """GIVEN a letter shaped as CASE WHEN the worker reads it THEN it is quarantined with an
    Indonesian reason, has no number, and nothing is mailed to the claimed address."""
    sender, results, below = LETTERS[case]
    letter = fields(31, pengirim="Kelurahan Podosugih") if "gmail" in sender else fields(31)
    mail_in(office, stamp(below + letter_mail(sender=sender, letter=letter), results))
    run_until_idle(office)
    (row,) = agenda(office)
    assert row["status"] == "quarantined" and row["agenda_no"] is None
    assert any(word in row["reason"] for word in ("autentikasi", "diverifikasi",
                                                   "domain surel bersama"))
    assert sent_mail(office) == []


@pytest.mark.parametrize("sender, results", [
    (DISDIK, f"dkim=pass header.d={CITY}; spf=pass smtp.mailfrom={DISDIK}; dmarc=pass "
             f"header.from={CITY}"),
    (f"tu@upt-disdik.{CITY}", f"dkim=pass header.d={CITY}"),      # relaxed alignment
    (DISDIK, f"dmarc=pass header.from={CITY}"),
    ("kel.podosugih@gmail.com", "dkim=pass header.d=gmail.com"),        # the registered one
])
def test_an_authenticated_letter_is_registered_and_receipted(office, sender, results):
    """GIVEN a letter whose sender passes (aligned by organizational domain) WHEN read THEN it
    is registered and the sender gets the receipt."""
    letter = fields(32, pengirim="Kelurahan Podosugih") if "gmail" in sender else fields(32)
    mail_in(office, stamp(letter_mail(sender=sender, letter=letter), results))
    run_until_idle(office)
    (row,) = agenda(office)
    assert row["status"] == "registered", row["reason"]
    assert [m["To"].addresses[0].addr_spec for m in sent_mail(office)] == [sender]


def test_the_clerk_may_release_a_quarantined_forgery(office):
    """GIVEN a letter quarantined for failed authentication WHEN the clerk releases it (after
    checking by telephone) THEN it is registered like any letter."""
    from pipeline.intake import desk
    from pipeline.intake.register import Registrar
    mail_in(office, stamp(letter_mail(letter=fields(33)), f"dmarc=fail header.from={CITY}"))
    run_until_idle(office)
    with office.session() as s:
        from pipeline.core.models import AgendaEntry
        entry = s.query(AgendaEntry).one()
        assert entry.status == "quarantined" and "DMARC" in entry.reason
        from datetime import datetime, timezone
        desk.release(s, Registrar(office.cfg, office.rules), entry, actor="dewi",
                     now=datetime.now(timezone.utc))
        s.commit()
    assert agenda(office)[0]["status"] == "registered"


def test_forged_letters_through_the_real_mailbox_get_no_receipt(tmp_path, db_url, dovecot,
                                                               smtp_server, monkeypatch):
    """GIVEN the real path (letters appended to Dovecot's INBOX as the office's server delivers
    them, receipts sent to aiosmtpd) WHEN the worker runs over every forged letter above and
    one authenticated letter THEN the forgeries are quarantined and only the real sender gets
    a receipt over SMTP."""
    from pipeline.worker import run_once
    from tests.workflow.conftest import workspace
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, authserv_id=OURS)
    try:
        with open(app.cfg.rules_path / "opd.toml", "a") as fh:
            fh.write(GMAIL_OPD)
        app.close()
        from pipeline.core.config import load
        app = App.open(load(tmp_path / "ws" / "config.toml"))
        for n, (sender, results, below) in enumerate(LETTERS.values()):
            letter = (fields(40 + n, pengirim="Kelurahan Podosugih") if "gmail" in sender
                      else fields(40 + n))
            dovecot.append("INBOX", stamp(below + letter_mail(sender=sender, letter=letter),
                                          results))
        dovecot.append("INBOX", stamp(letter_mail(letter=fields(60)),
                                      f"dkim=pass header.d={CITY}; dmarc=pass header.from={CITY}"))
        run_once(app)
        rows = agenda(app)
        assert sorted(r["status"] for r in rows) == ["quarantined"] * len(LETTERS) + [
            "registered"]
        recipients = [r for m in smtp_server.messages for r in m.rcpt_tos]
        forged = {sender for sender, _, _ in LETTERS.values()}
        assert recipients.count(DISDIK) == 1           # the real letter's receipt, once
        assert not (set(recipients) - {DISDIK}) & forged
        assert set(recipients) - {DISDIK} <= {"inspektur@inspektorat.example.go.id"}
    finally:
        app.close()
