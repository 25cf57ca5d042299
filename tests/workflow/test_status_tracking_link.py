# SPDX-License-Identifier: AGPL-3.0-or-later
"""Issue 19: a letter's OPD gets a tracking link like a web requester's, in the receipt and in
every STATUS answer, on the real mail path (Dovecot in, aiosmtpd out); the link opens a page
with the stage, the role and the due date, and a wrong or near-miss code is the Indonesian
404. The database keeps only the code's hash."""
from __future__ import annotations

import re

from sqlalchemy import select
from starlette.testclient import TestClient

from pipeline.core.models import AgendaEntry
from pipeline.worker import run_once
from tests.mails import fields, letter_mail

from .test_paraf_by_email import INSPEKTUR, emails
from .test_status_by_mail import DISDIK, ask_status

LINK = re.compile(r"Pelacakan\s+: (https?://\S+/lacak/([A-Za-z0-9_-]+))")


def body(mail) -> str:
    return mail.get_body(("plain",)).get_content()


def near_misses(code: str) -> list[str]:
    flip = "A" if code[-1] != "A" else "B"
    return [code[:-1] + flip, code[:-1], code + "A", code.upper() if code.upper() != code
            else code.lower(), "x"]


def test_a_letter_case_has_the_same_kind_of_tracking_link_as_a_web_case(wf, dovecot, mailroom):
    """GIVEN a letter from Disdik registered by mail WHEN its receipt arrives and Disdik asks
    STATUS twice (before and after the disposition) THEN the receipt and both answers carry the
    same link, /lacak/<22-character code>; the database holds only the code's SHA-256, written
    once; WHEN the link is opened THEN the page shows the agenda number, the Hal, the stage,
    the role holding it and the due date, and no official's name or mailbox and not the
    OPD's address; a near-miss or wrong code, and the web case's printable request under the
    letter's code, are the Indonesian 404."""
    dovecot.append("INBOX", letter_mail(letter=fields(911, hal="Konsultasi Dana Kapitasi")))
    run_once(wf)
    receipt = next(m for m in mailroom.to(DISDIK) if "Tanda Terima" in str(m["Subject"]))
    text = " ".join(body(receipt).split())
    found = re.search(r"halaman pelacakan berikut: (https?://\S+/lacak/([A-Za-z0-9_-]+))", text)
    assert found, text
    link, code = found.groups()
    assert len(code) == 22 and link == wf.cfg.web.base_url.rstrip("/") + f"/lacak/{code}"

    answer, _ = ask_status(wf, dovecot, mailroom)
    assert LINK.search(answer).group(1) == link
    with wf.session() as s:
        entry = s.scalars(select(AgendaEntry)).one()
        stored = entry.tracking_hash
        row = str({k: v for k, v in entry.__dict__.items() if not k.startswith("_")})
    assert stored and code not in row                   # only the hash is kept
    import hashlib
    assert stored == hashlib.sha256(code.encode()).hexdigest()

    mailroom.reply(mailroom.last_to(INSPEKTUR), INSPEKTUR, "SETUJU")
    run_once(wf)
    again, _ = ask_status(wf, dovecot, mailroom, subject="STATUS")
    assert LINK.search(again).group(1) == link          # the same link, every time
    with wf.session() as s:
        assert s.scalars(select(AgendaEntry.tracking_hash)).one() == stored

    from pipeline.web import create_app
    with TestClient(create_app(wf), base_url="https://testserver",
                    follow_redirects=False) as client:
        page = client.get(f"/lacak/{code}")
        assert page.status_code == 200, page.text
        assert page.headers["referrer-policy"] == "no-referrer"
        shown = " ".join(re.sub(r"<[^>]+>", " ", page.text).split())
        drafter = wf.workflow.by_code["auditor-3a"]
        for part in ("Surat 0001/SM/ITDA/2026", "Konsultasi Dana Kapitasi",
                     "Tahap: dalam penyusunan jawaban", f"Berada pada {drafter.jabatan}",
                     "Tenggat jawaban", "masih dalam tenggat"):
            assert part in shown, (part, shown)
        for person in wf.workflow.officials:
            assert person.name not in shown and person.emails[0] not in shown
        assert DISDIK not in shown
        for wrong in near_misses(code):
            miss = client.get(f"/lacak/{wrong}")
            assert miss.status_code == 404, wrong
            assert "Kode pelacakan tidak ditemukan atau sudah tidak berlaku." in miss.text
            assert "Kapitasi" not in miss.text
        assert client.get(f"/lacak/{code}/permohonan.pdf").status_code == 404
        assert client.get("/lacak", params={"kode": code}).headers["location"] == \
            f"/lacak/{code}"
    assert emails(wf, "auditor-3a") not in answer + again


def test_a_code_forged_by_someone_who_read_the_derivation_opens_nothing(wf, dovecot,
                                                                         mailroom):
    """GIVEN a registered letter and an attacker who knows how codes are made (HMAC-SHA256 of
    the case id, 128 bits, base64url) but not PARAF_SECRET WHEN they derive codes for the first
    case ids under guessed secrets (empty, the example value, the id itself) or send the case
    id, the agenda number or an over-long code THEN every one is the Indonesian 404."""
    from pipeline.books.tracklink import code_for
    from pipeline.web import create_app
    dovecot.append("INBOX", letter_mail(letter=fields(912)))
    run_once(wf)
    with wf.session() as s:
        entry = s.scalars(select(AgendaEntry)).one()
        real = code_for(wf.cfg.secret, entry.id)
    guesses = [b"", b"secret", b"rahasia", b"paraf", b"changeme", str(entry.id).encode()]
    forged = {code_for(g, i) for g in guesses for i in range(1, 4)} - {real}
    forged |= {str(entry.id), "0001-SM-ITDA-2026", real + "A", real * 3, "%00" + real}
    with TestClient(create_app(wf), base_url="https://testserver",
                    follow_redirects=False) as client:
        assert client.get(f"/lacak/{real}").status_code == 200
        for code in sorted(forged):
            miss = client.get(f"/lacak/{code}")
            assert miss.status_code == 404, code
            assert "Kode pelacakan tidak ditemukan" in miss.text
