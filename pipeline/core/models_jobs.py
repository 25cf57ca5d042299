# SPDX-License-Identifier: AGPL-3.0-or-later
"""The job table: costly work (reading a letter, OCR) that any worker may claim (`core.jobs`)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pipeline.core.models import Base


class Job(Base):
    """One piece of work, once per (kind, subject): `pending` → `running` (claimed, with a
    lease) → `done` (its result) or `failed` (its reason). A running job whose lease ran out
    belonged to a worker that died, and is claimed again."""
    __tablename__ = "jobs"
    __table_args__ = (UniqueConstraint("kind", "subject", name="uq_jobs_kind_subject"),
                      Index("ix_jobs_status_due", "status", "due_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="pending")
    payload: Mapped[dict | None]
    result: Mapped[dict | None]
    tries: Mapped[int] = mapped_column(Integer, default=0)
    owner: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None]
    due_at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
