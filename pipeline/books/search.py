# SPDX-License-Identifier: AGPL-3.0-or-later
"""The books' search and their pages: one `search_text` per case, indexed on both databases.

`search_text` is the lowercased subject, every field read from the letter (number, date,
hal, questions, sender, signer, addressee, copies), the sender's address and name, the OPD,
the agenda number and, for web and walk-in cases, the requester and the purpose. A mapper
event recomputes it whenever a case is flushed, so registration, completion, corrections and
consultations keep it current without each of them remembering to.

A search is a few words; a case matches when every word occurs in its `search_text` as a
substring (case-insensitive, since both sides are lowercased by Python). The same rule on
both databases, with an index on each:

* SQLite: an FTS5 table with the trigram tokenizer over `search_text` (external content,
  kept by triggers from migration 0005); words of three characters or more go through
  `MATCH`, and `instr()` then keeps exactly the substring hits.
* PostgreSQL: a GIN index with `pg_trgm` on `search_text`, used by `LIKE '%word%'`.

Words shorter than three characters have no trigram, so they filter the rows the other words
(or the other filters) left; a search of only such words scans the book.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import and_, exists, func, literal_column, select, text
from sqlalchemy.orm import Session, aliased

from pipeline.core.models import AgendaEntry, Disposition, OutgoingLetter
from pipeline.core.searchtext import search_text_of

FTS_TABLE = "agenda_fts"
TRGM_INDEX = "ix_agenda_entries_search_trgm"
BOOKS = {"masuk": "incoming", "konsultasi": "consultation", "keluar": "outgoing"}
PER_PAGE = 50
MAX_TERMS = 8


def terms(query: str | None) -> list[str]:
    """The words of a search, lowercased, without repeats (at most MAX_TERMS)."""
    words = (query or "").lower().split()
    return list(dict.fromkeys(w for w in words if w))[:MAX_TERMS]


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matches(dialect: str, words: list[str]):
    """The SQL condition 'every word is in search_text', using the dialect's index."""
    if not words:
        return None
    column = AgendaEntry.search_text
    if dialect == "sqlite":
        conds = [func.instr(column, w) > 0 for w in words]
        long = [w for w in words if len(w) >= 3]
        if long:
            expr = " ".join('"' + w.replace('"', '""') + '"' for w in long)
            fts = text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :fts_q"
                       ).bindparams(fts_q=expr).columns(literal_column("rowid"))
            conds.insert(0, AgendaEntry.id.in_(fts))
        return and_(*conds)
    return and_(*(column.like(_like(w), escape="\\") for w in words))


# -- alembic: the search index objects are not in the models ------------------------------
def include_name(name, type_, parent_names) -> bool:
    """For autogenerate and the model/migration comparison: the FTS5 table (and its shadow
    tables) and the trigram index are hand-written DDL in 0005, not model objects; so are the
    precedents' FTS5 table (0014) and PostgreSQL `tsv` column and its GIN index (0015)."""
    if type_ == "table" and name and name.startswith((FTS_TABLE, "precedent_fts")):
        return False
    if type_ == "index" and name in (TRGM_INDEX, "ix_precedents_terms_tsv", "ix_precedents_tsv"):
        return False
    if type_ == "column" and name == "tsv" and parent_names.get("table_name") == "precedents":
        return False
    return True


# -- the books, page by page ----------------------------------------------------------------
@dataclass(frozen=True)
class Filters:
    book: str = "masuk"                  # masuk | keluar | konsultasi
    since: date | None = None
    until: date | None = None
    opd: str | None = None               # OPD code
    status: str | None = None
    official: str | None = None          # assignee of the latest disposition
    channel: str | None = None
    q: str | None = None

    @property
    def words(self) -> list[str]:
        return terms(self.q)


def _latest_assignee_is(official: str):
    d, later = aliased(Disposition), aliased(Disposition)
    return exists(select(d.id).where(
        d.entry_id == AgendaEntry.id, d.assignee == official,
        ~exists(select(later.id).where(later.entry_id == d.entry_id, later.id > d.id))))


def _where(query, f: Filters, zone: ZoneInfo, dialect: str, *, outgoing: bool):
    from pipeline.books.rows import day_bound  # books imports states, which imports the models
    if not outgoing:
        query = query.where(AgendaEntry.book == BOOKS.get(f.book, "incoming"))
        moment = AgendaEntry.received_at
    else:
        moment = OutgoingLetter.signed_at
    if f.since:
        query = query.where(moment >= day_bound(f.since, zone, end=False))
    if f.until:
        query = query.where(moment < day_bound(f.until, zone, end=True))
    if f.opd:
        query = query.where(AgendaEntry.opd_code == f.opd)
    if f.status:
        query = query.where(AgendaEntry.status == f.status)
    if f.channel:
        query = query.where(AgendaEntry.channel == f.channel)
    if f.official:
        query = query.where(_latest_assignee_is(f.official))
    condition = matches(dialect, f.words)
    if condition is not None:
        query = query.where(condition)
    return query


NEWEST = (AgendaEntry.received_at.desc(), AgendaEntry.id.desc())


def _query(session: Session, f: Filters, zone: ZoneInfo):
    dialect = session.get_bind().dialect.name
    if f.book == "keluar":
        query = (select(OutgoingLetter, AgendaEntry)
                 .join(AgendaEntry, AgendaEntry.id == OutgoingLetter.entry_id)
                 .order_by(OutgoingLetter.signed_at.desc(), OutgoingLetter.id.desc()))
        return _where(query, f, zone, dialect, outgoing=True)
    query = select(AgendaEntry).order_by(*NEWEST)
    return _where(query, f, zone, dialect, outgoing=False)


def _recent_first(session: Session, f: Filters, zone: ZoneInfo, offset: int, limit: int):
    """SQLite, a search for common words: the page is usually among the newest rows, which
    the book's index reads in order, while FTS would list every match before sorting. So look
    in the newest SCAN rows of the filtered book first; when they hold the whole page (every
    match before it included), that page is exact. None: look through the index instead."""
    scan = max(5000, (offset + limit) * 8)
    recent = _where(select(AgendaEntry.id).order_by(*NEWEST), replace(f, q=None), zone,
                    "sqlite", outgoing=False).limit(scan).subquery()
    words = f.words
    query = (select(AgendaEntry).where(AgendaEntry.id.in_(select(recent.c.id)),
                                       *(func.instr(AgendaEntry.search_text, w) > 0
                                         for w in words))
             .order_by(*NEWEST).offset(offset).limit(limit))
    rows = session.scalars(query).all()
    return rows if len(rows) == limit else None


def latest_dispositions(session: Session, ids: list[int]) -> dict[int, Disposition]:
    found: dict[int, Disposition] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        latest = (select(func.max(Disposition.id)).where(Disposition.entry_id.in_(chunk))
                  .group_by(Disposition.entry_id))
        for disp in session.scalars(select(Disposition).where(Disposition.id.in_(latest))):
            found[disp.entry_id] = disp
    return found


def _rows(session: Session, f: Filters, result, zone: ZoneInfo,
          names: Mapping[str, str] | None) -> list[dict]:
    from pipeline.books.rows import incoming_row, outgoing_row
    if f.book == "keluar":
        return [outgoing_row(out, entry, zone) for out, entry in result]
    entries = list(result)
    disps = latest_dispositions(session, [e.id for e in entries])
    return [incoming_row(e, disps.get(e.id), zone, names) for e in entries]


def book_page(session: Session, f: Filters, page: int = 1, *, per_page: int = PER_PAGE,
              zone: str = "Asia/Jakarta", names: Mapping[str, str] | None = None
              ) -> tuple[list[dict], bool]:
    """One page of a book, newest first, and whether there is a next page."""
    tz = ZoneInfo(zone)
    page = max(1, page)
    offset = (page - 1) * per_page
    result = None
    if f.words and f.book != "keluar" and session.get_bind().dialect.name == "sqlite":
        result = _recent_first(session, f, tz, offset, per_page + 1)
    if result is None:
        query = _query(session, f, tz).offset(offset).limit(per_page + 1)
        result = session.execute(query) if f.book == "keluar" else session.scalars(query)
    rows = _rows(session, f, list(result), tz, names)
    return rows[:per_page], len(rows) > per_page


def book_rows(session: Session, f: Filters, *, zone: str = "Asia/Jakarta",
              names: Mapping[str, str] | None = None, limit: int | None = None) -> list[dict]:
    """Every row of a filtered book (for the export), newest first."""
    tz = ZoneInfo(zone)
    query = _query(session, f, tz)
    if limit:
        query = query.limit(limit)
    result = session.execute(query) if f.book == "keluar" else session.scalars(query)
    return _rows(session, f, list(result), tz, names)


def backfill(session: Session, batch: int = 1000) -> int:
    """Compute search_text for every case (after an upgrade); returns how many."""
    count, last = 0, 0
    while True:
        chunk = session.scalars(select(AgendaEntry).where(AgendaEntry.id > last)
                                .order_by(AgendaEntry.id).limit(batch)).all()
        if not chunk:
            return count
        for entry in chunk:
            entry.search_text = search_text_of(entry)
        session.flush()
        count += len(chunk)
        last = chunk[-1].id

