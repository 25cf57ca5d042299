# SPDX-License-Identifier: AGPL-3.0-or-later
"""Agenda numbers: per-year sequences that are unique and have no gaps.

The counter row is bumped with one UPDATE inside the caller's transaction. The UPDATE takes the
row lock (PostgreSQL) or the database write lock (SQLite), so concurrent registrations queue;
if the transaction rolls back, so does the number, and no number is ever skipped.
"""
from __future__ import annotations

from sqlalchemy import bindparam, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pipeline.core.models import Counter

_BUMP = (update(Counter).where(Counter.name == bindparam("n"), Counter.year == bindparam("y"))
         .values(value=Counter.value + 1).returning(Counter.value))


def next_seq(session: Session, name: str, year: int) -> int:
    """The next number of NAME in YEAR; the first of a year creates its counter. One prepared
    statement on the session's connection: this runs under the write lock on every
    registration."""
    conn = session.connection()
    key = {"n": name, "y": year}
    value = conn.execute(_BUMP, key).scalar()
    if value is None:
        insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
        conn.execute(insert(Counter).values(name=name, year=year, value=0)
                     .on_conflict_do_nothing(index_elements=["name", "year"]))
        value = conn.execute(_BUMP, key).scalar_one()
    return value


def current(session: Session, name: str, year: int) -> int:
    value = session.scalar(select(Counter.value).where(Counter.name == name, Counter.year == year))
    return value or 0


def format_number(fmt: str, seq: int, year: int, **extra: str) -> str:
    """Render a format from rules/numbering.toml, e.g. '{seq:04d}/SM/ITDA/{year}'."""
    return fmt.format(seq=seq, year=year, **extra)
