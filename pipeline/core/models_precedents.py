# SPDX-License-Identifier: AGPL-3.0-or-later
"""The precedents index: one row per question of a case answered and signed, with its answer.

`terms` is the stemmed text (`precedent_text.terms`) of the Hal, the question and the answer,
words separated by spaces: SQLite's FTS5 table `precedent_fts` (migration 0014) and, on
PostgreSQL, the stored generated column `tsv = to_tsvector('simple', terms)` with its GIN index
(migration 0015; hand-written DDL, not mapped here, since it is PostgreSQL only and PostgreSQL
fills it) index it; `precedent_terms` keeps each stem's document frequency for the BM25
ranking (`casework/precedents.py`).
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pipeline.core.models import Base


class Precedent(Base):
    __tablename__ = "precedents"
    __table_args__ = (UniqueConstraint("entry_id", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("agenda_entries.id"), index=True)
    item: Mapped[int] = mapped_column(Integer)             # the question's number, from 1
    agenda_no: Mapped[str | None] = mapped_column(String(64))
    number: Mapped[str | None] = mapped_column(String(64))  # the signed answer's number
    verification_code: Mapped[str | None] = mapped_column(String(32))
    opd_code: Mapped[str | None] = mapped_column(String(64))
    opd_name: Mapped[str | None] = mapped_column(String(320))
    hal: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[date] = mapped_column(Date)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    question_key: Mapped[str] = mapped_column(String(32), index=True)
    terms: Mapped[str] = mapped_column(Text)
    length: Mapped[int] = mapped_column(Integer)           # how many stems: BM25's |d|


class PrecedentTerm(Base):
    """How many precedents hold each stem (BM25's document frequency); the empty stem's row
    holds the number of precedents and `length` their total length."""
    __tablename__ = "precedent_terms"

    term: Mapped[str] = mapped_column(String(64), primary_key=True)
    df: Mapped[int] = mapped_column(Integer, default=0)
    length: Mapped[int] = mapped_column(Integer, default=0)
