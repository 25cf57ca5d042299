# SPDX-License-Identifier: AGPL-3.0-or-later
"""A workspace with officials, routing, Dovecot in, aiosmtpd out, and a token secret."""
from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from pipeline.core.workspace import set_key
from tests.conftest import make_workspace
from tests.stamps import received

SECRET = "s3cret-for-tests-only-0123456789abcdef"
ROUTING = '''
[[rule]]
name = "Pendidikan"
order = 10
opd = ["disdik-kota-pekalongan"]
assignee = "auditor-3a"
chain = ["superior", "kasubag-umum", "sekretaris"]

[[rule]]
name = "Lainnya"
default = true
assignee = "auditor-1a"
chain = ["superior"]
'''


def workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch, routing=ROUTING, **workflow):
    monkeypatch.setenv("PARAF_IMAP_PASSWORD", dovecot.password)
    monkeypatch.setenv("PARAF_SECRET", SECRET)
    app = make_workspace(tmp_path / "ws", db_url, intake=dovecot.url(), smtp=smtp_server.url())
    app.close()
    config = tmp_path / "ws" / "config.toml"
    text = config.read_text()
    for key, value in workflow.items():
        text = set_key(text, key, value)
    config.write_text(text)
    (tmp_path / "ws" / "rules" / "routing.toml").write_text(routing)
    from pipeline.app import App
    from pipeline.core.config import load
    return App.open(load(config))


@pytest.fixture
def wf(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    app = workspace(tmp_path, db_url, dovecot, smtp_server, monkeypatch)
    yield app
    app.close()


class Mailroom:
    """What reached the SMTP server, and replies to it as officials' mail clients write them."""

    def __init__(self, smtp_server, dovecot):
        self.smtp, self.dovecot = smtp_server, dovecot

    def to(self, address: str) -> list[EmailMessage]:
        return [email.message_from_bytes(m.raw, policy=policy.default)
                for m in self.smtp.messages if address in m.rcpt_tos]

    def last_to(self, address: str) -> EmailMessage:
        mails = self.to(address)
        assert mails, f"nothing was sent to {address}"
        return mails[-1]

    def reply(self, original: EmailMessage, sender: str, body: str, *, attach: bytes = None,
              auth: str | None = None, quote: str = "gmail-id", to: str | None = None,
              subject: str | None = None, send: bool = True, headers: dict = None,
              top: list | None = None) -> bytes:
        """A reply as it reaches the mailbox. AUTH: our server's Authentication-Results value,
        put on top with our border Received as the office's MTA does; TOP: (name, value)
        headers above even that (a later hop)."""
        msg = EmailMessage()
        msg["From"] = sender
        msg["To"] = to or str(original["Reply-To"])
        msg["Subject"] = subject or "Re: " + str(original["Subject"])
        msg["Message-ID"] = make_msgid(domain=sender.split("@")[1])
        msg["In-Reply-To"] = original["Message-ID"]
        msg["References"] = original["Message-ID"]
        for name, value in (headers or {}).items():
            msg[name] = value
        quoted = original.get_body(("plain",)).get_content()
        if quote == "gmail-id":
            history = ("Pada Sen, 23 Nov 2026 pukul 09.15 Inspektorat <konsultasi@inspektorat."
                       "example.go.id> menulis:\n" + "".join(f"> {l}\n" for l in quoted.splitlines()))
        elif quote == "outlook":
            history = ("\n________________________________\nFrom: Inspektorat\nSent: Monday, "
                       "November 23, 2026 9:15 AM\nTo: " + sender + "\nSubject: " +
                       str(original["Subject"]) + "\n\n" + quoted)
        else:
            history = ""
        msg.set_content(f"{body}\n\n{history}")
        if attach is not None:
            msg.add_attachment(attach, maintype="application",
                               subtype="vnd.openxmlformats-officedocument.wordprocessingml"
                                       ".document", filename="konsep-jawaban-perbaikan.docx")
        raw = msg.as_bytes()
        if auth:
            raw = (f"Authentication-Results: {auth}\r\nReceived: {received()}\r\n").encode() + raw
        if top:
            raw = "".join(f"{n}: {v}\r\n" for n, v in top).encode() + raw
        if send:
            self.dovecot.append("INBOX", raw)
        return raw


@pytest.fixture
def mailroom(smtp_server, dovecot):
    return Mailroom(smtp_server, dovecot)
