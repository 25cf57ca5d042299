# SPDX-License-Identifier: AGPL-3.0-or-later
"""A case's `search_text`: the words the books' search finds it by, kept current on every flush.

The models register `on_insert` and `on_update` as mapper events, so registration,
completion, corrections and consultations keep it current without each remembering to. This
module reads only the entry's attributes and imports no model, so the models can import it.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import inspect


def _flatten(value) -> Iterable[str]:
    if value is None or value == "":
        return
    if isinstance(value, dict):
        for v in value.values():
            yield from _flatten(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _flatten(v)
    else:
        yield str(value)


def search_text_of(entry) -> str:
    """The text a case is searched by, lowercased, one field a line."""
    consultation = entry.consultation or {}
    parts = [entry.agenda_no, entry.subject, entry.letter_nomor, entry.sender_email,
             entry.sender_name, entry.opd_code, entry.opd_name,
             *_flatten(entry.letter), *_flatten(entry.requester),
             consultation.get("purpose"), consultation.get("bidang"), consultation.get("wilayah")]
    seen: dict[str, None] = {}
    for part in parts:
        if part:
            line = " ".join(str(part).split()).lower()
            if line:
                seen.setdefault(line)
    return "\n".join(seen)


SOURCES = ("agenda_no", "subject", "letter_nomor", "sender_email", "sender_name", "opd_code",
           "opd_name", "letter", "requester", "consultation")     # what search_text_of reads


def on_insert(_mapper, _connection, entry) -> None:
    entry.search_text = search_text_of(entry)


def on_update(_mapper, _connection, entry) -> None:
    """Only when a field it is made of changed: most updates move the state or the history."""
    attrs = inspect(entry).attrs
    if any(attrs[name].history.has_changes() for name in SOURCES):
        entry.search_text = search_text_of(entry)


