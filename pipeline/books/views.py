# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the clerk reads: the agenda as a table or JSON, one entry with its history."""
from __future__ import annotations

from datetime import date, datetime

from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pipeline.core.errors import NotFound
from pipeline.core.models import AgendaEntry


def agenda_rows(session: Session, *, since: date | None = None, status: str | None = None,
                low_confidence: float = 0.6, limit: int | None = None) -> list[dict]:
    query = select(AgendaEntry).order_by(AgendaEntry.id)
    if since:
        query = query.where(AgendaEntry.received_at >= datetime.combine(since, datetime.min.time()))
    if status:
        query = query.where(AgendaEntry.status == status)
    if limit:
        query = query.limit(limit)
    return [entry_dict(e, low_confidence) for e in session.scalars(query)]


def entry_dict(e: AgendaEntry, low_confidence: float = 0.6) -> dict:
    provenance = (e.letter_meta or {}).get("provenance", {})
    flagged = sorted(f for f, p in provenance.items()
                     if isinstance(p, dict) and p.get("confidence", 1) < low_confidence)
    return {
        "id": e.id, "agenda_no": e.agenda_no, "status": e.status, "channel": e.channel,
        "message_id": e.message_id, "from": e.sender_email, "opd": e.opd_name,
        "opd_code": e.opd_code, "subject": e.subject,
        "received_at": e.received_at.isoformat() if e.received_at else None,
        "due_on": e.due_on.isoformat() if e.due_on else None,
        "letter": e.letter, "missing": e.missing, "reason": e.reason,
        "duplicate_of": e.duplicate_of.agenda_no if e.duplicate_of else None,
        "follows": (e.letter_meta or {}).get("follows"),
        "flagged_fields": flagged,
    }


def find(session: Session, key: str) -> AgendaEntry:
    """An entry by agenda number, or by '#ID' for entries without one (quarantined, failed)."""
    cond = [AgendaEntry.agenda_no == key]
    if key.lstrip("#").isdigit():
        cond.append(AgendaEntry.id == int(key.lstrip("#")))
    entry = session.scalar(select(AgendaEntry).where(or_(*cond)).order_by(
        (AgendaEntry.agenda_no == key).desc()).limit(1))
    if entry is None:
        raise NotFound(f"no agenda entry '{key}'")
    return entry


def print_agenda(rows: list[dict], console: Console) -> None:
    table = Table(title="Buku Agenda Surat Masuk", show_lines=False, expand=True)
    for col, width in (("No. Agenda", 17), ("Status", 11), ("Diterima", 10), ("Pengirim", None),
                       ("Nomor Surat", None), ("Hal", None), ("Batas", 10)):
        table.add_column(col, overflow="fold", min_width=width, no_wrap=width is not None)
    for r in rows:
        letter = r["letter"] or {}
        flag = " ⚠" if r["flagged_fields"] else ""
        cells = (r["agenda_no"] or f"#{r['id']}", r["status"] + flag, (r["received_at"] or "")[:10],
                 r["opd"] or r["from"] or "-", letter.get("nomor") or "-",
                 letter.get("hal") or r["reason"] or r["subject"] or "-", r["due_on"] or "-")
        table.add_row(*(Text(str(c)) for c in cells))      # sender text is never markup
    console.print(table)


def print_entry(e: AgendaEntry, console: Console, low_confidence: float = 0.6) -> None:
    """Headings in bold; everything that came from a message printed as plain text."""
    d = entry_dict(e, low_confidence)
    out = lambda line: console.print(line, markup=False, highlight=False)
    console.print(Text(f"{d['agenda_no'] or '#' + str(d['id'])}", style="bold"),
                  Text(f" {d['status']}  ({d['channel']})"))
    for label, key in (("Received", "received_at"), ("From", "from"), ("OPD", "opd"),
                       ("Subject", "subject"), ("Message-ID", "message_id"), ("Due", "due_on"),
                       ("Reason", "reason"), ("Missing", "missing"),
                       ("Duplicate of", "duplicate_of"), ("Follows", "follows")):
        if d[key]:
            out(f"  {label + ':':<14}{d[key]}")
    if e.letter:
        console.print("[bold]Letter[/bold]")
        if e.letter_meta:
            out(f"  (from {e.letter_meta.get('attachment') or 'the e-mail body'}: "
                f"{e.letter_meta.get('why')})")
        for key, value in e.letter.items():
            mark = " ⚠ low confidence" if key in d["flagged_fields"] else ""
            out(f"  {key + ':':<14}{value}{mark}")
    if e.attachments:
        console.print("[bold]Attachments[/bold]")
        for a in e.attachments:
            extra = f" — refused: {a.refused_reason}" if a.refused_reason else ""
            out(f"  [{a.role}] {a.filename} ({a.content_type}, {a.size:,} bytes){extra}")
    if e.steps:
        console.print("[bold]Steps[/bold]")
        for st in e.steps:
            out(f"  {st.kind:<11} {st.official:<14} rev {st.revision} stage {st.stage + 1}  "
                f"{st.status:<10} {st.outcome or ''}  due {st.due_at:%Y-%m-%d %H:%M}"
                + (f"  notes: {st.notes}" if st.notes else ""))
    console.print("[bold]History[/bold]")
    for ev in e.events:
        detail = ev.data or {}
        note = detail.get("reason") or detail.get("mail") or detail.get("how") or ""
        out(f"  {ev.at:%Y-%m-%d %H:%M:%S}  {ev.kind:<11} {ev.from_status or '':>11} → "
            f"{ev.to_status:<11} {ev.actor}  {note}")
