# SPDX-License-Identifier: AGPL-3.0-or-later
"""Helpers for the public form's tests: a valid submission, sample files, the queued mail,
and the Inspector's disposition (which in these tests happens without the mail round trip)."""
from __future__ import annotations

import email
import io
import re
import zipfile
from datetime import datetime, timezone
from email import policy

from sqlalchemy import select

from pipeline.core import states
from pipeline.core.models import AgendaEntry, OutboxMail, Step

from .conftest import csrf_of

KNOWN = "disdik@pekalongankota.go.id"            # an OPD address in the sample rules
UNKNOWN = "warga.baru@example.org"
XSS = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
       "';alert(1)//<svg onload=alert(1)>", '<a href="javascript:alert(1)">x</a>')


def fields(**over) -> dict:
    data = {"name": "Sri Handayani", "opd": "disdik-kota-pekalongan", "institution_other": "",
            "position": "Kepala Sub Bagian Keuangan", "email": KNOWN, "phone": "0285 421234",
            "bidang": "Keuangan dan Aset Daerah", "wilayah": "Kecamatan Pekalongan Utara",
            "purpose": "Memperoleh penjelasan tentang penatausahaan belanja hibah.",
            "pertanyaan": ["Bagaimana pertanggungjawaban dana hibah yang terlambat?",
                           "Apakah perlu reviu Inspektorat sebelum pencairan?", "", "", ""]}
    data.update(over)
    return data


def submit(client, files=None, csrf: str | None = None, **over):
    data = fields(**over)
    data["csrf"] = csrf if csrf is not None else csrf_of(client, "/")
    return client.post("/permohonan", data=data, files=files or None)


def receipt_code(response) -> str:
    match = re.search(r'href="/lacak/([A-Za-z0-9_-]+)"', response.text)
    assert match, response.text[:2000]
    return match.group(1)


def register(client, **over) -> str:
    response = submit(client, **over)
    assert response.status_code == 200, response.text[:3000]
    assert "Tanda Terima" in response.text
    return receipt_code(response)


def pdf_bytes(text: str = "Lampiran pendukung") -> bytes:
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def png_bytes() -> bytes:
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buf, "PNG")
    return buf.getvalue()


def docx_bytes() -> bytes:
    from pipeline.letter import specimen
    return specimen.make_docx(specimen.field_sets(1, seed=7)[0])


def zip_bomb_docx() -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            out.writestr(item.filename, src.read(item.filename))
        out.writestr("word/media/bomb.bin", b"\0" * (200 * 1024 * 1024))
    return buf.getvalue()


def exe_as_pdf() -> bytes:
    return b"MZ\x90\x00" + b"\0" * 60 + b"This program cannot be run in DOS mode" + b"\0" * 400


def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n" + bytes(range(256)) * 40


def entries(app) -> list[AgendaEntry]:
    with app.session() as s:
        rows = list(s.scalars(select(AgendaEntry).order_by(AgendaEntry.id)))
        for row in rows:
            s.expunge(row)
        return rows


def mails(app, kind: str) -> list[email.message.EmailMessage]:
    """The spooled .eml files of KIND, oldest first, parsed."""
    with app.session() as s:
        paths = list(s.scalars(select(OutboxMail.spool_path).where(OutboxMail.kind == kind)
                               .order_by(OutboxMail.id)))
    return [email.message_from_bytes((app.cfg.outbox_path / p).read_bytes(),
                                     policy=policy.default) for p in paths]


def body(msg) -> str:
    return msg.get_body(("plain",)).get_content()


def only_entry_id(app) -> int:
    (entry,) = entries(app)
    return entry.id


def dispose(app, entry_id: int) -> None:
    """The Inspector confirms the proposed disposition (the reply itself is tested in
    tests/workflow)."""
    now = datetime.now(timezone.utc)
    wf = app.workflow
    with app.session() as s:
        entry = s.get(AgendaEntry, entry_id)
        step = s.scalar(select(Step).where(Step.entry_id == entry_id, Step.status == "open",
                                           Step.kind == "disposition"))
        wf.desk.close(step, "disposed", now)
        decided = wf.route(entry)
        wf.dispose(s, entry, decided.assignee, decided.chain, rule=decided.rule,
                   trail=decided.trail, instructions=None, by=wf.inspector.emails[0], now=now)
        assert entry.status == states.Status.DISPOSED.value


def open_step(app, entry_id: int, kind: str) -> Step | None:
    with app.session() as s:
        step = s.scalar(select(Step).where(Step.entry_id == entry_id, Step.status == "open",
                                           Step.kind == kind))
        if step is not None:
            s.expunge(step)
        return step


def drafter_account(app, entry_id: int) -> str:
    """A web account for the official who must answer ENTRY (made if the fixture has none)."""
    from pipeline.core.models import User
    from pipeline.web import accounts

    from .conftest import PASSWORD
    official = open_step(app, entry_id, "drafting").official
    with app.session() as s:
        user = s.scalar(select(User).where(User.official == official))
        if user is not None:
            return user.username
        username = official.replace("-", "")
        accounts.add(s, username, official.title(), "official", PASSWORD, official=official,
                     actor="test", now=datetime.now(timezone.utc))
        return username
