# SPDX-License-Identifier: AGPL-3.0-or-later
"""The mail Paraf writes back to a sender: receipt, what is missing, already received.

Plain data in, an `EmailMessage` out. The wording lives in Jinja2 templates an office may edit
(rules/templates/, falling back to the ones shipped with Paraf). Every notice is threaded to
the sender's message so it lands in the same conversation.
"""
from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import formataddr
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pipeline.core import example, naskah
from pipeline.core.config import Config
from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry
from pipeline.mail.headers import new_message

SUBJECTS = {
    "receipt": "Tanda Terima Surat{nomor} [{agenda_no}]",
    "incomplete": "Permohonan Belum Lengkap [{agenda_no}]",
    "duplicate": "Surat Telah Diterima Sebelumnya [{agenda_no}]",
    "consult_receipt": "Tanda Terima Permohonan Konsultasi [{agenda_no}]",
    "consult_confirm": "Konfirmasi Permohonan Konsultasi",
    "consult_incomplete": "Permohonan Konsultasi Belum Lengkap [{agenda_no}]",
    "consult_answer": "Jawaban Konsultasi [{agenda_no}]",
    "walkin_copy": "Salinan Formulir Konsultasi [{agenda_no}]",
    "survey": "Survei Kepuasan Layanan Konsultasi [{agenda_no}]",
}


@lru_cache(maxsize=8)
def _env(rules_dir: Path) -> Environment:
    """One environment per rules folder; the loader still notices edited templates."""
    paths = [str(rules_dir / "templates"), str(example.templates())]
    return Environment(loader=FileSystemLoader(paths), undefined=StrictUndefined,
                       keep_trailing_newline=True, autoescape=False)


def local_time(cfg: Config, moment: datetime) -> str:
    """'23 November 2026 pukul 09.15 WIB' in the office's time zone."""
    moment = utc(moment)
    zone = ZoneInfo(cfg.office.timezone)
    return naskah.waktu(moment.astimezone(zone), naskah.zone_label(cfg.office.timezone))


def case_context(cfg: Config, entry: AgendaEntry) -> dict:
    """What every mail about a case may print."""
    letter = entry.letter or {}
    return {"office": cfg.office, "entry": entry, "letter": _Fields(letter),
            "received": local_time(cfg, entry.received_at),
            "letter_date": naskah.tanggal(letter.get("tanggal")),
            "questions": letter.get("pertanyaan") or [],
            "entry_due": naskah.hari_tanggal(entry.due_on) if entry.due_on else "-"}


def render(cfg: Config, template: str, **context) -> str:
    return _env(cfg.rules_path).get_template(f"{template}.txt.j2").render(**context)


def compose(cfg: Config, kind: str, entry: AgendaEntry, *, original: AgendaEntry | None = None,
            answering: str | None = None, references: tuple[str, ...] = (),
            days: int | None = None, tracking: str | None = None) -> EmailMessage:
    """The notice of KIND for ENTRY, addressed to its sender and threaded to its message;
    TRACKING: the case's tracking link, for the receipt."""
    letter = entry.letter or {}
    body = render(cfg, kind, **case_context(cfg, entry),
                  recipient=entry.opd_name or entry.sender_name or entry.sender_email,
                  due=naskah.hari_tanggal(entry.due_on) if entry.due_on else "-",
                  days=days or cfg.service.answer_working_days, missing=entry.missing or [],
                  original=original,
                  original_received=local_time(cfg, original.received_at) if original else "",
                  original_due=naskah.hari_tanggal(original.due_on)
                  if original and original.due_on else "", tracking=tracking)
    msg = new_message()
    shown = original if kind == "duplicate" and original else entry
    nomor = f" Nomor {letter['nomor']}" if letter.get("nomor") else ""
    msg["Subject"] = SUBJECTS[kind].format(agenda_no=shown.agenda_no or f"#{shown.id}",
                                           nomor=nomor)
    msg["From"] = formataddr((cfg.office.name, cfg.office.email))
    msg["To"] = formataddr((entry.sender_name or "", entry.sender_email))
    answering = answering or entry.message_id
    if answering:
        msg["In-Reply-To"] = answering
        msg["References"] = " ".join(dict.fromkeys((*references, answering)))
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Paraf-Agenda"] = shown.agenda_no or f"#{shown.id}"
    msg.set_content(body)
    return msg


class _Fields(dict):
    """Letter fields for templates: a missing field reads as None, not an error."""
    def __getattr__(self, name):
        return self.get(name)
