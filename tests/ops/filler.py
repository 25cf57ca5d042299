# SPDX-License-Identifier: AGPL-3.0-or-later
"""Rows in every table of a database at any schema revision, read from the schema itself.

An upgrade test must not know what each old revision looked like, or a new revision would need
a new test: the tables are reflected, each column gets a value of its type (unique per row,
within its length, pointing at a real parent row), and the case histories are then given valid
hash chains so the audit check has something true to check. Hand-written search structures
(the FTS5 table, kept by triggers) are left to those triggers, as in production.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import MetaData, select, types, update

from pipeline.books.search import include_name
from pipeline.core.events import OFFICE, _digest

ROWS = 3
START = datetime(2025, 3, 3, 1, 30, tzinfo=timezone.utc)


def _value(column, i: int, parents: dict):
    if column.foreign_keys:
        fk = next(iter(column.foreign_keys))
        ids = parents.get(fk.column.table.name, [])
        return ids[i % len(ids)] if ids else None
    kind = column.type
    if isinstance(kind, types.Boolean):
        return i % 2 == 0
    if isinstance(kind, types.Integer):
        return i + 1
    if isinstance(kind, (types.Float, types.Numeric)):
        return 1.5 + i
    if isinstance(kind, types.DateTime):
        return START + timedelta(hours=i)
    if isinstance(kind, types.Date):
        return date(2025, 3, 3) + timedelta(days=i)
    if isinstance(kind, types.JSON):
        return {"n": i, "kolom": column.name}
    if isinstance(kind, types.LargeBinary):
        return bytes([i]) * 4
    length = getattr(kind, "length", None) or 200
    return f"{i}-{column.table.name}-{column.name}"[:length]


def _auto_pk(table) -> str | None:
    pk = list(table.primary_key.columns)
    if len(pk) == 1 and isinstance(pk[0].type, types.Integer) and not pk[0].foreign_keys:
        return pk[0].name
    return None


def fill(engine) -> dict[str, int]:
    """Insert ROWS rows per table; returns the row count of each table."""
    meta = MetaData()
    meta.reflect(engine, only=lambda name, _meta: include_name(name, "table", {}))
    parents: dict[str, list] = {}
    with engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            auto = _auto_pk(table)
            for i in range(ROWS):
                row = {c.name: _value(c, i, parents) for c in table.columns if c.name != auto}
                if table.name == "events" and table.c.entry_id.nullable:
                    row["entry_id"] = None if i == 0 else row["entry_id"]
                conn.execute(table.insert().values(**row))
            key = auto or list(table.primary_key.columns)[0].name
            parents[table.name] = list(conn.scalars(select(table.c[key])))
        if "events" in meta.tables:
            _chain(conn, meta.tables["events"], meta.tables["agenda_entries"])
    return {t.name: _count(engine, t) for t in meta.sorted_tables}


def _chain(conn, events, entries) -> None:
    """Give every history, the office's and each entry's, a valid hash chain and head."""
    heads: dict = {}
    for ev in conn.execute(select(events).order_by(events.c.id)).mappings():
        owner = ev["entry_id"]
        to_status = OFFICE if owner is None else ev["to_status"]
        prev = heads.get(owner)
        digest = _digest(prev, ev["kind"], ev["from_status"], to_status, ev["actor"], ev["at"],
                         ev["message_id"], ev["data"])
        conn.execute(update(events).where(events.c.id == ev["id"])
                     .values(prev_hash=prev, hash=digest, to_status=to_status))
        heads[owner] = digest
        if owner is not None:
            conn.execute(update(entries).where(entries.c.id == owner)
                         .values(event_head=digest, status=to_status))
    conn.execute(update(entries).where(entries.c.id.notin_([k for k in heads if k]))
                 .values(event_head=None))


def _count(engine, table) -> int:
    from sqlalchemy import func
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()
