# SPDX-License-Identifier: AGPL-3.0-or-later
"""The clerk's books: the incoming agenda book and the outgoing book, as plain rows.

Columns follow the paper buku agenda, so an export or a printout reads like the book the
inspectorate keeps by hand. Rows are dicts of Python values (dates stay dates) for the CLI,
JSON and the XLSX export alike.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import Text, cast, func, or_, select
from sqlalchemy.orm import Session, aliased

from pipeline.core.db import utc
from pipeline.core.models import AgendaEntry, Disposition, OutgoingLetter
from pipeline.core.states import Status

OUTGOING_STATUSES = (Status.SIGNED.value, Status.SENT.value, Status.CLOSED.value)
DEFAULT_ZONE = "Asia/Jakarta"


def local_date(moment: datetime | None, zone: ZoneInfo) -> date | None:
    return utc(moment).astimezone(zone).date() if moment else None


def day_bound(value: date | datetime, zone: ZoneInfo, *, end: bool) -> datetime:
    """A date means the office's local day: SINCE from its start, UNTIL through its end."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=zone)
    else:
        moment = datetime.combine(value + timedelta(days=1) if end else value, time(), zone)
    return moment.astimezone(timezone.utc)


def _iso_date(text) -> date | str | None:
    """The letter's date as a date when it was read as ISO, else the text as written."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        return str(text)


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _matches(entry: AgendaEntry, needle: str) -> bool:
    """The exact rule: subject, letter hal, letter nomor or any question contains NEEDLE."""
    letter = entry.letter or {}
    questions = letter.get("pertanyaan") or []
    if isinstance(questions, str):
        questions = [questions]
    texts = [entry.subject, letter.get("hal"), letter.get("nomor"), *questions]
    return any(needle in str(t).casefold() for t in texts if t)


def _search_filter(term: str):
    """A SQL pre-filter that never loses a match; `_matches` then drops the false hits
    (JSON keys, other letter fields). Only for ASCII terms: SQLite's lower() folds ASCII
    only, and the JSON text may hold non-ASCII characters as \\u escapes."""
    if not term.isascii():
        return None
    plain = term.lower()
    in_json = json.dumps(plain)[1:-1]          # quotes, backslashes, newlines as stored
    return or_(func.lower(AgendaEntry.subject).like(_like(plain), escape="\\"),
               func.lower(cast(AgendaEntry.letter, Text)).like(_like(in_json), escape="\\"))


def _latest_disposition():
    latest = (select(Disposition.entry_id, func.max(Disposition.id).label("id"))
              .group_by(Disposition.entry_id).subquery())
    disp = aliased(Disposition)
    return latest, disp


def incoming(session: Session, *, since: date | datetime | None = None,
             until: date | datetime | None = None, opd: str | None = None,
             status: str | list[str] | tuple[str, ...] | None = None,
             official: str | None = None, channel: str | None = None,
             search: str | None = None, limit: int | None = None,
             names: Mapping[str, str] | None = None, zone: str = DEFAULT_ZONE) -> list[dict]:
    """The buku agenda surat masuk in agenda order (year, then number; unnumbered last).

    SINCE/UNTIL bound the received date (inclusive, office local days); OPD matches the
    OPD code or name; OFFICIAL is the assignee of the latest disposition; NAMES maps official
    codes to names for the "Disposisi Kepada" column.
    """
    tz = ZoneInfo(zone)
    latest, disp = _latest_disposition()
    query = (select(AgendaEntry, disp)
             .outerjoin(latest, latest.c.entry_id == AgendaEntry.id)
             .outerjoin(disp, disp.id == latest.c.id)
             .where(AgendaEntry.book == "incoming")
             .order_by(AgendaEntry.agenda_year.is_(None), AgendaEntry.agenda_year,
                       AgendaEntry.agenda_seq, AgendaEntry.received_at, AgendaEntry.id))
    if since is not None:
        query = query.where(AgendaEntry.received_at >= day_bound(since, tz, end=False))
    if until is not None:
        query = query.where(AgendaEntry.received_at < day_bound(until, tz, end=True))
    if opd:
        query = query.where(or_(AgendaEntry.opd_code == opd,
                                func.lower(AgendaEntry.opd_name) == opd.lower()))
    if status:
        wanted = [status] if isinstance(status, str) else list(status)
        query = query.where(AgendaEntry.status.in_([str(s) for s in wanted]))
    if official:
        query = query.where(disp.assignee == official)
    if channel:
        query = query.where(AgendaEntry.channel == channel)
    needle = search.casefold() if search and search.strip() else None
    if needle:
        condition = _search_filter(search)
        if condition is not None:
            query = query.where(condition)
    elif limit:
        query = query.limit(limit)
    rows = []
    for entry, disposition in session.execute(query):
        if needle and not _matches(entry, needle):
            continue
        rows.append(incoming_row(entry, disposition, tz, names))
        if limit and len(rows) >= limit:
            break
    return rows


def incoming_row(entry: AgendaEntry, disposition: Disposition | None, zone: ZoneInfo,
                 names: Mapping[str, str] | None = None) -> dict:
    """One line of the incoming book; keys are the XLSX column keys."""
    letter = entry.letter or {}
    assignee = disposition.assignee if disposition else None
    note = entry.reason
    if entry.duplicate_of_id:
        original = entry.duplicate_of
        ref = original.agenda_no if original and original.agenda_no else f"#{entry.duplicate_of_id}"
        note = f"Duplikat dari {ref}" + (f"; {entry.reason}" if entry.reason else "")
    return {
        "id": entry.id,
        "agenda_no": entry.agenda_no,
        "received_on": local_date(entry.received_at, zone),
        "letter_no": letter.get("nomor"),
        "letter_date": _iso_date(letter.get("tanggal")),
        "opd": entry.opd_name or entry.opd_code or entry.sender_email,
        "opd_code": entry.opd_code,
        "hal": letter.get("hal") or entry.subject,
        "sifat": letter.get("sifat"),
        "assignee": assignee,
        "assignee_name": (names or {}).get(assignee, assignee) if assignee else None,
        "status": entry.status,
        "channel": entry.channel,
        "due_on": entry.due_on,
        "note": note,
    }


def outgoing(session: Session, *, since: date | datetime | None = None,
             until: date | datetime | None = None, opd: str | None = None,
             limit: int | None = None, zone: str = DEFAULT_ZONE) -> list[dict]:
    """The buku agenda surat keluar: one line per signed answer, in outgoing-number order.

    SINCE/UNTIL bound the (local) signing day.
    """
    tz = ZoneInfo(zone)
    query = (select(OutgoingLetter, AgendaEntry)
             .join(AgendaEntry, AgendaEntry.id == OutgoingLetter.entry_id)
             .order_by(OutgoingLetter.year, OutgoingLetter.seq))
    if since is not None:
        query = query.where(OutgoingLetter.signed_at >= day_bound(since, tz, end=False))
    if until is not None:
        query = query.where(OutgoingLetter.signed_at < day_bound(until, tz, end=True))
    if opd:
        query = query.where(or_(AgendaEntry.opd_code == opd,
                                func.lower(AgendaEntry.opd_name) == opd.lower()))
    if limit:
        query = query.limit(limit)
    return [outgoing_row(out, entry, tz) for out, entry in session.execute(query)]


def outgoing_row(out: OutgoingLetter, entry: AgendaEntry, zone: ZoneInfo) -> dict:
    """One line of the outgoing book; keys are the XLSX column keys."""
    letter = entry.letter or {}
    return {
        "id": entry.id,
        "outgoing_no": out.number,
        "date": local_date(out.signed_at, zone),
        "to": entry.opd_name or entry.opd_code or entry.sender_email,
        "hal": letter.get("hal") or entry.subject,
        "agenda_no": entry.agenda_no,
        "status": entry.status,
        "verification_code": out.verification_code,
        "pdf_sha256": out.pdf_sha256,
        "signer": SIGNED_AS.get(out.signed_as, "Inspektur")
        + ("" if not out.signed_as else f" ({out.signed_by})"),
    }


SIGNED_AS = {None: "Inspektur", "plt": "Plt. Inspektur", "an": "a.n. Inspektur, Sekretaris"}

