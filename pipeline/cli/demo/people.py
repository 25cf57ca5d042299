# SPDX-License-Identifier: AGPL-3.0-or-later
"""The people around the demo office: its mail server, and the officials at their mail clients.

Nothing here touches Paraf's database: the officials only read the requests Paraf mailed them
(the .eml files the file:// transport wrote, their inbox) and answer as a mail client does:
"Re:" and the subject's tag kept, To the request's Reply-To, In-Reply-To and References, the
request quoted below the answer. The office's server then delivers each message into the intake
Maildir the way Postfix with OpenDKIM/OpenDMARC does: Return-Path, Delivered-To, and its own
Authentication-Results on top, which Paraf trusts because its authserv-id is configured.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parseaddr
from pathlib import Path
from zoneinfo import ZoneInfo

from pipeline.casework.steps import SUBJECT
from pipeline.cli.demo.letters import DOCX, answer_for
from pipeline.intake.maildir import deliver

MX = "mx.inspektorat.example.go.id"          # the office's server: its authserv-id
KIND_OF = {words: kind for kind, words in SUBJECT.items()}
_QUESTION = re.compile(r"^\s+(\d+)\.\s+(.+)$")
RETURN_NOTE = "REVISI: mohon setiap jawaban dilengkapi dasar hukumnya."


def received(raw: bytes, envelope_from: str, envelope_to: str) -> bytes:
    """RAW as the office's server hands it to the mailbox: trace headers and its verdict on
    DKIM, SPF and DMARC prepended (the demo's senders all send from their own domains)."""
    domain = envelope_from.rpartition("@")[2].lower()
    now = format_datetime(datetime.now(timezone.utc))
    return (f"Return-Path: <{envelope_from}>\n"
            f"Delivered-To: {envelope_to}\n"
            f"Authentication-Results: {MX};\n"
            f"\tdkim=pass header.d={domain} header.s=mail;\n"
            f"\tspf=pass smtp.mailfrom={envelope_from};\n"
            f"\tdmarc=pass header.from={domain}\n"
            f"Received: from mail.{domain} (mail.{domain} [203.0.113.25])\n"
            f"\tby {MX} (Postfix) with ESMTPS; {now}\n").encode() + raw


@dataclass
class Request:
    """One request in an official's inbox."""
    path: Path
    mail: EmailMessage
    kind: str                   # disposition | drafting | paraf
    official: str               # the address it went to

    @property
    def agenda_no(self) -> str:
        return str(self.mail["X-Paraf-Agenda"] or "")

    @property
    def body(self) -> str:
        return self.mail.get_body(("plain",)).get_content()

    def attachment(self, prefix: str) -> bytes | None:
        """The attached file whose name starts with PREFIX (the draft, not the OPD's letter)."""
        return next((p.get_content() for p in self.mail.iter_attachments()
                     if (p.get_filename() or "").startswith(prefix)), None)


@dataclass
class Officials:
    """The officials at their mail clients; each request is read and answered once."""
    sent_dir: Path
    intake: Path
    names: dict[str, str]                       # address -> name, from officials.toml
    zone: str = "Asia/Jakarta"
    read: set[str] = field(default_factory=set)          # file names already looked at
    returned: str | None = None                 # the agenda number sent back with REVISI
    log: list[tuple[str, str, str]] = field(default_factory=list)   # (agenda, who, what)

    def inbox(self) -> list[Request]:
        """Requests not answered yet, oldest first (each mail is read once)."""
        found = []
        for path in sorted(self.sent_dir.glob("*.eml"), key=lambda p: (p.stat().st_mtime, p)):
            if path.name in self.read:
                continue
            self.read.add(path.name)
            mail = message_from_bytes(path.read_bytes(), policy=policy.default)
            match = re.search(r"\]\s*([^:\]]+):", str(mail["Subject"] or ""))
            kind = KIND_OF.get(match.group(1).strip()) if match else None
            to = parseaddr(str(mail["To"] or ""))[1].lower()
            if kind and mail["Reply-To"] and to in self.names:
                found.append(Request(path, mail, kind, to))
        return found

    def answer_all(self) -> int:
        """Every official answers what waits in their inbox; returns how many replied."""
        requests = self.inbox()
        for request in requests:
            body, docx, what = self.decide(request)
            self.reply(request, body, docx)
            self.log.append((request.agenda_no, self.names[request.official], what))
        return len(requests)

    def decide(self, request: Request) -> tuple[str, bytes | None, str]:
        """(the answer's text, a DOCX to attach or None, a few words for the progress log)."""
        if request.kind == "disposition":
            return "SETUJU", None, "agrees to the proposed disposition (SETUJU)"
        if request.kind == "paraf":
            if self.returned is None:
                self.returned = request.agenda_no
                return RETURN_NOTE, None, "returns the draft with REVISI"
            return "SETUJU", None, "initials the draft (SETUJU)"
        if "Catatan perbaikan" in request.body:
            draft = request.attachment("konsep-jawaban")
            return ("Terlampir konsep yang telah diperbaiki sesuai catatan.", with_basis(draft),
                    "sends the draft back, corrected (DOCX)")
        questions = []
        for line in request.body.split("Pertanyaan dalam surat:", 1)[-1].splitlines()[1:]:
            if not (match := _QUESTION.match(line)):
                break                                   # the list ends at its first other line
            questions.append(match.group(2))
        answers = "\n\n".join(f"{i}. {answer_for(q)[0]}" for i, q in enumerate(questions, 1))
        return answers, None, f"answers {len(questions)} question(s) by numbered reply"

    def reply(self, request: Request, text: str, docx: bytes | None = None) -> None:
        original = request.mail
        sender = request.official
        msg = EmailMessage()
        msg["From"] = formataddr((self.names[sender], sender))
        msg["To"] = str(original["Reply-To"])
        msg["Subject"] = "Re: " + str(original["Subject"])
        msg["Date"] = format_datetime(datetime.now(timezone.utc))
        msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
        msg["In-Reply-To"] = str(original["Message-ID"])
        msg["References"] = " ".join(filter(None, [str(original["References"] or ""),
                                                   str(original["Message-ID"])])).strip()
        msg["User-Agent"] = "Mozilla Thunderbird"
        sent = message_date(original, self.zone)
        quoted = "".join(f"> {line}\n" for line in request.body.splitlines())
        msg.set_content(f"{text}\n\nSalam,\n{self.names[sender]}\n\n"
                        f"Pada {sent}, {original['From']} menulis:\n{quoted}")
        if docx is not None:
            msg.add_attachment(docx, maintype="application", subtype=DOCX.split("/")[1],
                               filename="konsep-jawaban-perbaikan.docx")
        deliver(self.intake, received(msg.as_bytes(), sender, parseaddr(msg["To"])[1]))


def message_date(mail: EmailMessage, zone: str) -> str:
    try:
        when = mail["Date"].datetime.astimezone(ZoneInfo(zone))
    except (AttributeError, TypeError, ValueError):
        return "-"
    return f"{when:%d/%m/%Y} pukul {when:%H.%M}"


def with_basis(draft: bytes | None) -> bytes | None:
    """The drafter's correction: each answer in the DOCX gets its legal basis appended."""
    if draft is None:
        return None
    from docx import Document
    doc = Document(io.BytesIO(draft))
    question = ""
    for paragraph in doc.paragraphs:
        text = paragraph.text.strip()
        if re.match(r"^\d+\.\s", text):
            question = text.split(None, 1)[-1]
        elif text.startswith("Jawaban:") and question:
            paragraph.add_run(" " + answer_for(question)[1])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
