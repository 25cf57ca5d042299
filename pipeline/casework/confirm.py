# SPDX-License-Identifier: AGPL-3.0-or-later
"""Every accepted action is confirmed to the official's registered address.

Whoever acts by mail or on the web (a disposition, an answer, a paraf, a return, a signing
order), the official learns within minutes what was recorded in their name, for which letter
and when, and what to do if it was not them; an impersonation is then noticed at once. The
mail is queued through the outbox in the caller's transaction, so it exists exactly when the
action does.
"""
from __future__ import annotations

from datetime import datetime

WHAT = {
    "disposed": "disposisi surat",
    "drafted": "konsep jawaban",
    "initialled": "paraf atas konsep jawaban",
    "returned": "pengembalian konsep kepada konseptor, dengan catatan",
    "revised": "konsep jawaban yang Bapak/Ibu perbaiki (revisi baru), sekaligus paraf "
               "Bapak/Ibu atas revisi tersebut",
    "sign-requested": "perintah penandatanganan surat",
    "signed": "penandatanganan surat jawaban",
    "responded": "tanggapan atas pengaduan, yang dikirim kepada pengadu",
}


def confirm(desk, session, entry, official, status: str, reply, now: datetime, *,
            revision: int | None = None, notes: str | None = None) -> bool:
    """Queue the confirmation of STATUS (a handler's outcome) to OFFICIAL; False when the
    outcome is not an action (unclear, refused)."""
    if status not in WHAT or entry is None:
        return False
    via = (f"halaman web Paraf (akun {reply.actor.removeprefix('web:')})" if reply.by_web
           else f"balasan surel dari {reply.actor}")
    tell(desk, session, entry, official, status, via, now, answering=reply.message_id,
         revision=revision, notes=notes)
    return True


def tell(desk, session, entry, official, status: str, via: str, now: datetime, *,
         answering: str | None = None, revision: int | None = None,
         notes: str | None = None) -> None:
    """The confirmation mail itself, for callers that are not a step reply (signing)."""
    desk.tell(session, entry, official, "step_confirm", "Konfirmasi Tindakan",
              answering=answering, what=WHAT[status], via=via, when=desk.due_text(now),
              revision=revision, notes=notes, registered=official.emails[0])
