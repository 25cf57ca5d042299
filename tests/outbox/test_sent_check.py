# SPDX-License-Identifier: AGPL-3.0-or-later
"""After a crash mid-send, the mail server's Sent folder says whether the mail went out."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from pipeline.app import App
from pipeline.core.config import load
from pipeline.core.models import OutboxMail
from pipeline.worker import run_once
from tests.conftest import make_workspace
from tests.mails import letter_mail
from tests.servers.smtp import WorkerCrash, crash_after_send


@pytest.fixture
def app_with_sent(tmp_path, db_url, dovecot, smtp_server, monkeypatch):
    monkeypatch.setenv("PARAF_IMAP_PASSWORD", dovecot.password)
    first = make_workspace(tmp_path / "ws", db_url, intake=dovecot.url(), smtp=smtp_server.url())
    first.close()
    path = tmp_path / "ws" / "config.toml"
    path.write_text(path.read_text().replace('sent_folder = ""', 'sent_folder = "Sent"'))
    app = App.open(load(path))
    yield app
    app.close()


def test_a_mail_the_server_filed_is_not_sent_again(app_with_sent, dovecot, smtp_server,
                                                   monkeypatch):
    """GIVEN a receipt the SMTP server accepted and filed in Sent, and a worker that died before
    recording it WHEN the worker starts again THEN it is marked sent, not sent a second time."""
    dovecot.append("INBOX", letter_mail())
    crash_after_send(monkeypatch)
    with pytest.raises(WorkerCrash):
        run_once(app_with_sent)
    monkeypatch.undo()
    dovecot.append("Sent", smtp_server.messages[0].raw)      # what the mail system does
    run_once(app_with_sent)
    assert len(smtp_server.messages) == 1
    with app_with_sent.session() as s:
        assert s.scalars(select(OutboxMail.status)).all() == ["sent"]


def test_a_mail_the_server_never_took_is_sent_once(app_with_sent, dovecot, smtp_server):
    """GIVEN a receipt claimed for sending when the worker died, before the server got it WHEN
    the worker starts again THEN the Sent folder does not have it, so it is sent, once."""
    dovecot.append("Sent", b"Subject: something else\r\nMessage-ID: <other@x>\r\n\r\nhi\r\n")
    app_with_sent.consumer.consume(letter_mail(), source="test")
    with app_with_sent.session() as s:
        s.execute(update(OutboxMail).values(status="sending"))
    run_once(app_with_sent)
    assert len(smtp_server.messages) == 1
    with app_with_sent.session() as s:
        assert s.scalars(select(OutboxMail.status)).all() == ["sent"]
