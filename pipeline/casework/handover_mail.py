# SPDX-License-Identifier: AGPL-3.0-or-later
"""The request sent again when a step changes hands (away.py): a note on top, then the
original request's text and its attachments, under the new step's token."""
from __future__ import annotations

import email
from email import policy

from sqlalchemy import select

from pipeline.casework.steps import words
from pipeline.core import naskah
from pipeline.core.models import OutboxMail


def original(cfg, session, step) -> tuple[str, list[tuple[str, str, bytes]]]:
    """The text and attachments of the request mailed for STEP ("" and [] when none)."""
    row = session.scalar(select(OutboxMail).where(
        OutboxMail.message_id == step.mail_message_id)) if step.mail_message_id else None
    path = cfg.outbox_path / row.spool_path if row else None
    if path is None or not path.exists():
        return "", []
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    body = msg.get_body(("plain",))
    files = [(part.get_filename() or "lampiran", part.get_content_type(),
              part.get_payload(decode=True) or b"") for part in msg.iter_attachments()]
    return (body.get_content() if body else ""), files


def send(wf, session, entry, old, new, before, after, owner, absence) -> None:
    """Mail NEW's request to AFTER, saying why it moved from BEFORE."""
    text, files = original(wf.cfg, session, old)
    kind = words(new.kind)
    if after.code == owner.code:
        head = (f"Yth. {after.name}\n{after.jabatan}\n\nSelamat bertugas kembali. Tugas "
                f"{kind} berikut, yang selama Bapak/Ibu berhalangan ditangani oleh "
                f"{before.name} ({before.jabatan}), kembali kepada Bapak/Ibu karena belum "
                f"diselesaikan.")
    else:
        why = (f"sedang {absence.reason} s.d. {naskah.tanggal(absence.ends_on)}" if absence
               else "sedang berhalangan")
        head = (f"Yth. {after.name}\n{after.jabatan}\n\nTugas {kind} berikut dialihkan kepada "
                f"Bapak/Ibu sebagai pengganti {owner.name} ({owner.jabatan}), yang {why}.")
    head += (f"\nBatas waktu tetap {wf.desk.due_text(new.due_at)}. Balaslah surel ini (bukan "
             f"permintaan semula, yang tidak berlaku lagi).")
    if text:
        head += "\n\n----- Permintaan semula -----\n\n" + text
    wf.desk.send(session, entry, new, after, head, files)
