# SPDX-License-Identifier: AGPL-3.0-or-later
"""Forged replies never act (issues 14 and 24): each crafted reply below reaches the real
Dovecot mailbox, is read by the worker under `auth_policy = require` and is refused, with the
reason recorded and nothing changed. The real official's replies still act."""
from __future__ import annotations

import io

import docx
import pytest
from sqlalchemy import select

from pipeline.core.models import Event, InboundMessage
from pipeline.worker import run_once
from tests.mails import letter_mail
from tests.stamps import OURS, stamp

from .conftest import workspace
from .test_paraf_by_email import emails, open_steps, status

D = "inspektorat.example.go.id"
IRBAN = f"irban3@{D}"
GOOD = f"dkim=pass header.d={D}; spf=pass smtp.mailfrom=irban3@{D}; dmarc=pass header.from={D}"
FORGED_AR = f"Authentication-Results: {OURS}; dkim=pass header.d={D}; dmarc=pass header.from={D}"


@pytest.fixture
def strict(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch,
                    authserv_id=OURS)
    assert app.workflow.trust.policy == "require"          # the default once the id is set
    yield app
    app.close()


def answer(mailroom, dovecot, request, sender, body, results=GOOD, **kw):
    raw = mailroom.reply(request, sender, body, send=False, **kw)
    dovecot.append("INBOX", stamp(raw, results))


def to_paraf(app, dovecot, mailroom):
    """A letter disposed and drafted by properly authenticated replies: irban-3 is asked."""
    dovecot.append("INBOX", stamp(letter_mail(), "dkim=pass header.d=pekalongankota.go.id"))
    run_once(app)
    inspektur = emails(app, "inspektur")
    answer(mailroom, dovecot, mailroom.last_to(inspektur), inspektur, "SETUJU",
           GOOD.replace("irban3", "inspektur"))
    run_once(app)
    drafter = emails(app, "auditor-3a")
    answer(mailroom, dovecot, [m for m in mailroom.to(drafter) if "Susun" in str(m["Subject"])][-1],
           drafter, "1. Dapat.\n2. Melalui aplikasi.", GOOD.replace("irban3", "arif.setiawan"))
    run_once(app)
    assert open_steps(app) == [("paraf", "irban-3", 1, 0)]


def message_id(raw: bytes) -> str:
    import email
    return str(email.message_from_bytes(raw)["Message-ID"]).strip()


def request_of(mailroom, address, what="Mohon Paraf"):
    return [m for m in mailroom.to(address) if what in str(m["Subject"])][-1]


def craft(mailroom, request, *, results=GOOD, from_line=None, below=(), headers=None,
          top=None, bare=False, sender=IRBAN):
    """A reply to REQUEST as an attacker shapes it; RESULTS is what our server stamped."""
    raw = mailroom.reply(request, sender, "SETUJU", send=False, headers=headers)
    if from_line is not None:
        raw = raw.replace(f"From: {sender}\n".encode(), f"From: {from_line}\n".encode(), 1)
    raw = "".join(f"{line}\r\n" for line in below).encode() + raw
    if bare:
        return raw                              # appended straight in: no hop of ours
    raw = stamp(raw, results)
    return "".join(f"{line}\r\n" for line in top or ()).encode() + raw


SIBLING = "disdik.example.go.id"
ARC_SET = ["ARC-Seal: i=1; a=rsa-sha256; cv=none; d=relay.example.net; s=a; b=x",
           f"ARC-Authentication-Results: i=1; mx.relay.example.net; dkim=pass header.d={D}"]
SPOOFS = {
    # issue 14, as reported
    "spf and dmarc fail": dict(results=f"spf=fail smtp.mailfrom={IRBAN}; dmarc=fail "
                                       f"header.from={D}"),
    "dkim for another domain": dict(results="dkim=pass header.d=attacker.example; dmarc=fail "
                                            f"header.from={D}"),
    "our id injected lower down": dict(results="none", below=[FORGED_AR]),
    "our id injected, nothing stamped": dict(results=None, below=[FORGED_AR]),
    "our id injected with a fake hop of ours": dict(
        results="none", below=[FORGED_AR, f"Received: from a (a [127.0.0.1]) by {OURS}; x"]),
    "our id on a message that never passed our server": dict(bare=True, below=[FORGED_AR]),
    "folded forged header": dict(results="none", below=[
        f"Authentication-Results: {OURS};\r\n\tdkim=pass\r\n\t header.d={D}"]),
    "upper-case forged header": dict(results="none", below=[
        f"AUTHENTICATION-RESULTS: {OURS.upper()}; DKIM=PASS HEADER.D={D.upper()}"]),
    "commented forged header": dict(results="none", below=[
        f"Authentication-Results: {OURS} (trusted relay; dkim=pass) ; dkim=pass header.d={D}"]),
    "a stranger's server says pass": dict(results="none", below=[
        f"Authentication-Results: mx.attacker.example; dkim=pass header.d={D}"]),
    "unstamped under require": dict(results=None),
    "dkim fail": dict(results=f"dkim=fail header.d={D}"),
    "spf softfail": dict(results=f"spf=softfail smtp.mailfrom={IRBAN}"),
    "dmarc pass for another domain": dict(results="dmarc=pass header.from=attacker.example"),
    "dkim i= of another domain": dict(results="dkim=pass header.i=@attacker.example"),
    "dkim for a look-alike suffix": dict(results=f"dkim=pass header.d={D}.attacker.example"),
    # issue 24: the shared local-government domain
    "dkim for the parent domain": dict(results=f"dkim=pass header.d=example.go.id; dmarc=pass "
                                               f"header.from={D}"),
    "dkim for a sibling unit": dict(results=f"dkim=pass header.d={SIBLING}; dmarc=pass "
                                            f"header.from={D}"),
    "spf for a sibling unit": dict(results=f"spf=pass smtp.mailfrom=x@{SIBLING}; dmarc=pass "
                                           f"header.from={D}"),
    "sibling-built dmarc pass alone": dict(results=f"dmarc=pass header.from={D}"),
    "a colleague's account": dict(results=f"auth=pass smtp.auth=irban1@{D}; {GOOD}"),
    "auth fail": dict(results=f"auth=fail smtp.auth={IRBAN}"),
    "iprev pass alone": dict(results="iprev=pass policy.iprev=203.0.113.5"),
    "obsolete domainkeys pass": dict(results=f"domainkeys=pass header.from={IRBAN}"),
    "obsolete sender-id pass": dict(results=f"sender-id=pass header.from={D}"),
    "arc from an untrusted sealer": dict(results=f"arc=pass; dmarc=fail header.from={D}",
                                         below=ARC_SET),
    # the address itself
    "display-name trick": dict(from_line=f'"{IRBAN}" <x@attacker.example>',
                               results="dkim=pass header.d=attacker.example"),
    "look-alike domain": dict(from_line="irban3@inspektorat-example.go.id",
                              results="dkim=pass header.d=inspektorat-example.go.id"),
    "homoglyph domain": dict(from_line="irban3@xn--inspektrat-3fj.example.go.id",
                             results="dkim=pass header.d=xn--inspektrat-3fj.example.go.id"),
    "unicode homoglyph in the raw header": dict(
        from_line="irban3@inspekt\u043erat.example.go.id",            # Cyrillic o
        results="dkim=pass header.d=xn--inspektrat-3fj.example.go.id"),
    "two From addresses": dict(from_line=f"{IRBAN}, boss@attacker.example"),
    "Sender differs from From": dict(headers={"Sender": "x@attacker.example"}),
    "Reply-To to the attacker, From forged": dict(
        headers={"Reply-To": "x@attacker.example"},
        results=f"spf=fail smtp.mailfrom={IRBAN}; dmarc=fail header.from={D}"),
    "From the attacker, Reply-To the official": dict(
        from_line="x@attacker.example", headers={"Reply-To": IRBAN},
        results="dkim=pass header.d=attacker.example"),
    "a later foreign hop on top": dict(top=[
        f"Received: from {OURS} ({OURS} [198.51.100.1]) by mx.attacker.example; x"]),
}


NOT_THE_OFFICIAL = ("display-name trick", "look-alike domain", "homoglyph domain",
                    "unicode homoglyph in the raw header",
                    "From the attacker, Reply-To the official")
UNVERIFIED = ("unstamped under require",)


def expected_reason(case: str) -> str:
    """The words the recorded reason must contain for CASE."""
    if case in NOT_THE_OFFICIAL:
        return "bukan alamat terdaftar"
    if case in UNVERIFIED:
        return "tidak dapat diverifikasi"
    if case == "replayed approval":
        return "sudah dijawab"
    return "pengirim gagal autentikasi"


def test_every_crafted_reply_is_refused_and_nothing_changes(strict, dovecot, mailroom):
    """GIVEN a paraf request to irban-3 WHEN each of the crafted replies above arrives THEN each
    is refused with a recorded reason, the step stays open, no paraf is recorded and no
    confirmation goes out; the Inspector's approval replayed with a new Message-ID is refused."""
    to_paraf(strict, dovecot, mailroom)
    request = request_of(mailroom, IRBAN)
    raws = {name: craft(mailroom, request, **case) for name, case in SPOOFS.items()}
    inspektur = emails(strict, "inspektur")
    raws["replayed approval"] = craft(mailroom, request_of(mailroom, inspektur, "Disposisi"),
                                      sender=inspektur, results=GOOD.replace("irban3",
                                                                             "inspektur"))
    assert len(raws) >= 30
    confirmations = len([m for m in mailroom.to(IRBAN) if "Konfirmasi" in str(m["Subject"])])
    dovecot.append_many("INBOX", list(raws.values()))
    run_once(strict)
    assert open_steps(strict) == [("paraf", "irban-3", 1, 0)] and status(strict) == "drafted"
    with strict.session() as s:
        rows = dict(s.execute(select(InboundMessage.message_id, InboundMessage.outcome
                                     + " " + InboundMessage.error)).all())
        assert s.scalar(select(Event.id).where(Event.kind == "paraf")) is None
    for case, raw in raws.items():
        got = rows[message_id(raw)]
        assert got.startswith("refused ") and expected_reason(case) in got, (case, got)
    assert len([m for m in mailroom.to(IRBAN) if "Konfirmasi" in str(m["Subject"])]) \
        == confirmations


def test_the_real_officials_replies_still_act_and_are_confirmed(strict, dovecot, mailroom):
    """GIVEN require WHEN irban-3 approves with a note from the office's mail subdomain, then
    kasubag sends back an edited DOCX THEN each acts, each is confirmed to the registered
    address, the note reaches the next level, and the reviser is not asked to initial again."""
    to_paraf(strict, dovecot, mailroom)
    answer(mailroom, dovecot, request_of(mailroom, IRBAN), IRBAN,
           "SETUJU, mohon dasar hukum dicantumkan", f"dkim=pass header.d=mail.{D}")
    run_once(strict)
    assert open_steps(strict) == [("paraf", "kasubag-umum", 1, 1)]
    umum = emails(strict, "kasubag-umum")
    paraf_mail = request_of(mailroom, umum)
    assert "mohon dasar hukum dicantumkan" in paraf_mail.get_body(("plain",)).get_content()
    confirm = mailroom.last_to(IRBAN)
    body = confirm.get_body(("plain",)).get_content()
    assert "Konfirmasi" in str(confirm["Subject"]) and "paraf" in body
    assert "BUKAN Bapak/Ibu" in body and "mohon dasar hukum" in body
    edited = docx.Document(io.BytesIO(next(paraf_mail.iter_attachments()).get_content()))
    edited.add_paragraph("Dasar hukum: Permendagri Nomor 77 Tahun 2020.")
    buf = io.BytesIO()
    edited.save(buf)
    answer(mailroom, dovecot, paraf_mail, umum, "Sudah saya lengkapi.", f"auth=pass "
           f"smtp.auth={umum}; iprev=fail policy.iprev=10.1.2.3", attach=buf.getvalue())
    run_once(strict)
    assert open_steps(strict) == [("paraf", "irban-3", 2, 0)]       # the level below
    assert "revisi baru" in mailroom.last_to(umum).get_body(("plain",)).get_content()
    answer(mailroom, dovecot, request_of(mailroom, IRBAN), IRBAN, "TIDAK SETUJU nomor 2 "
           "kurang jelas")
    run_once(strict)
    assert status(strict) == "disposed"                              # a return, not approval


def test_a_sibling_units_reply_is_refused_under_prefer_too(tmp_path, db_url, dovecot,
                                                          smtp_server, monkeypatch, mailroom):
    """GIVEN prefer WHEN a reply from the official's address carries a sibling unit's DKIM and
    dmarc=pass THEN it is refused; an unstamped one is accepted, as prefer says."""
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, authserv_id=OURS,
                    auth_policy="prefer")
    try:
        to_paraf(app, dovecot, mailroom)
        request = request_of(mailroom, IRBAN)
        dovecot.append("INBOX", craft(mailroom, request, **SPOOFS["dkim for a sibling unit"]))
        run_once(app)
        assert open_steps(app) == [("paraf", "irban-3", 1, 0)]
        dovecot.append("INBOX", craft(mailroom, request, results=None))
        run_once(app)
        assert open_steps(app) == [("paraf", "kasubag-umum", 1, 1)]
    finally:
        app.close()
