# SPDX-License-Identifier: AGPL-3.0-or-later
"""Agenda numbers: per-year sequences that are unique and have no gaps.

The counter row is bumped with one UPDATE inside the caller's transaction. The UPDATE takes the
row lock (PostgreSQL) or the database write lock (SQLite), so concurrent registrations queue;
if the transaction rolls back, so does the number, and no number is ever skipped.
"""
from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .models import Counter


def next_seq(session: Session, name: str, year: int) -> int:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(Counter).values(name=name, year=year, value=0)
                    .on_conflict_do_nothing(index_elements=["name", "year"]))
    return session.execute(update(Counter).where(Counter.name == name, Counter.year == year)
                           .values(value=Counter.value + 1).returning(Counter.value)).scalar_one()


def current(session: Session, name: str, year: int) -> int:
    value = session.scalar(select(Counter.value).where(Counter.name == name, Counter.year == year))
    return value or 0


def format_number(fmt: str, seq: int, year: int, **extra: str) -> str:
    """Render a format from rules/numbering.toml, e.g. '{seq:04d}/SM/ITDA/{year}'."""
    return fmt.format(seq=seq, year=year, **extra)
