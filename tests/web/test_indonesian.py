# SPDX-License-Identifier: AGPL-3.0-or-later
"""Every word a user reads is Indonesian: a walk over every page, as every role, with cases in
every state (registered, in paraf, quarantined with a refused file, failed, a web request),
and over every mail Paraf wrote on the way. It fails on English words from a short list."""
from __future__ import annotations

import email
import html
import re
from email import policy

import pytest
from sqlalchemy import select

from pipeline.core.messages import ENGLISH
from pipeline.core.models import AgendaEntry, OutboxMail, Step
from pipeline.intake.maildir import deliver
from pipeline.web import load_pages
from pipeline.web.page import PAGES
from pipeline.worker import run_once
from tests.mails import fields, letter_mail

from .cases import letters, to_paraf, use_routing
from .conftest import STAFF, sign_in
from .publicform import pdf_bytes, register

load_pages()


def visible(page: str) -> str:
    """The text a person sees: no tags, no attribute values, no <code> (user data such as
    addresses and tracking codes), entities decoded."""
    page = re.sub(r"(?s)<(script|style|code|textarea)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return " ".join(html.unescape(page).split())


def english(text: str) -> list[str]:
    return sorted({m.group(0).lower() for m in ENGLISH.finditer(text)})


def nested_mime(depth: int) -> bytes:
    """A message whose MIME parts nest deeper than the intake accepts: it fails, kept."""
    head = (b"From: Dinas <disdik@pekalongankota.go.id>\r\nSubject: Berlapis\r\n"
            b"Message-ID: <berlapis@pekalongankota.go.id>\r\nMIME-Version: 1.0\r\n")
    body = b"Content-Type: text/plain\r\n\r\nisi\r\n"
    for level in range(depth):
        boundary = f"b{level}".encode()
        body = (b"Content-Type: multipart/mixed; boundary=" + boundary + b"\r\n\r\n--"
                + boundary + b"\r\n" + body + b"\r\n--" + boundary + b"--\r\n")
    return head + body


@pytest.fixture
def office(web_app, client):
    """A workspace with a case in each state a page can show."""
    use_routing(web_app)
    letters(web_app, 2)
    to_paraf(web_app)
    intake = web_app.cfg.base_dir / "intake"
    deliver(intake, letter_mail(sender="orang.asing@gmail.com", subject="Mohon konsultasi",
                                letter=fields(900),
                                extra=[("lampiran.pdf", "application/pdf",
                                        b"MZ" + b"\0" * 200)]))
    deliver(intake, letter_mail(letter=fields(901), attach_letter=False,
                                body="Terlampir surat kami."))
    deliver(intake, nested_mime(depth=12))
    run_once(web_app)
    register(client, files=[("berkas", ("rab.pdf", pdf_bytes(), "application/pdf"))])
    client.cookies.clear()
    return web_app


def test_no_english_on_any_page_for_any_role(office, client):
    """GIVEN cases in every state WHEN each role opens every page it may open (each case's
    page, each open task) THEN no English word from the list is shown."""
    with office.session() as s:
        entry_ids = list(s.scalars(select(AgendaEntry.id)))
        step_ids = list(s.scalars(select(Step.id).where(Step.status == "open")))
        statuses = set(s.scalars(select(AgendaEntry.status)))
    assert {"quarantined", "failed", "incomplete", "drafted"} <= statuses
    found: dict[str, list[str]] = {}
    visited = 0
    for username, _role, _official in STAFF:
        client.cookies.clear()
        sign_in(client, username)
        for name, route in sorted(PAGES.items()):
            if "GET" not in route.methods or route.path.endswith((".png", ".pdf", ".docx",
                                                                   ".xlsx")):
                continue
            if name == "admin_rules":       # an editor of the rules files, shown as written
                continue
            params = route.param_convertors
            if not set(params) <= {"entry_id", "step_id"}:
                continue
            ids = (entry_ids if "entry_id" in params else step_ids if "step_id" in params
                   else [None])
            for value in ids:
                path = route.path_format.format(**{k: value for k in params})
                response = client.get(path)
                if response.status_code != 200 or "text/html" not in response.headers.get(
                        "content-type", ""):
                    continue
                visited += 1
                words = english(visible(response.text))
                if words:
                    found[f"{path} as {username}"] = words
    assert visited > 30
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


def test_no_english_in_any_mail_paraf_wrote(office):
    """GIVEN the same office WHEN every mail Paraf queued (receipts, notices, requests to the
    officials) is read THEN its subject and text carry no English word from the list."""
    with office.session() as s:
        rows = list(s.scalars(select(OutboxMail)))
    assert len(rows) >= 4
    found = {}
    for row in rows:
        raw = (office.cfg.outbox_path / row.spool_path).read_bytes()
        msg = email.message_from_bytes(raw, policy=policy.default)
        part = msg.get_body(preferencelist=("plain",))
        text = f"{msg['Subject']} {part.get_content() if part else ''}"
        words = english(text)
        if words:
            found[f"{row.kind}: {msg['Subject']}"] = words
    assert found == {}
