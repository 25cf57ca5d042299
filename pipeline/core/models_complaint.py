# SPDX-License-Identifier: AGPL-3.0-or-later
"""A complaint about the service (pengaduan): its own case in the complaint book, linked to the
case complained about, handled by the superior of the official complained about.

`once_key` makes filing happen once: the mail's Message-ID, or the web or desk form's nonce.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pipeline.core.models import AgendaEntry, Base


class Complaint(Base):
    __tablename__ = "complaints"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("agenda_entries.id"), unique=True)
    original_id: Mapped[int] = mapped_column(ForeignKey("agenda_entries.id"), index=True)
    about: Mapped[str | None] = mapped_column(String(64))     # official complained about
    handler: Mapped[str] = mapped_column(String(64), index=True)   # who answers it
    via: Mapped[str] = mapped_column(String(16))               # web | mail | desk
    text: Mapped[str] = mapped_column(Text)
    filed_by: Mapped[str] = mapped_column(String(320))
    filed_at: Mapped[datetime] = mapped_column(index=True)
    once_key: Mapped[str] = mapped_column(String(200), unique=True)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(String(320))
    answered_at: Mapped[datetime | None]

    entry: Mapped[AgendaEntry] = relationship(foreign_keys=[entry_id])
    original: Mapped[AgendaEntry] = relationship(foreign_keys=[original_id])
