# SPDX-License-Identifier: AGPL-3.0-or-later
"""An official's absence (cuti, dinas luar, sakit, izin) and who stands in for them meanwhile.

While an absence runs (`starts_on` <= today <= `ends_on`, not ended), the official's open steps
belong to the delegate and new ones open there (`casework/away.py`); the Inspector's delegate
signs as Plt. (`signing/signer_form.py`)."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pipeline.core.models import Base


class Absence(Base):
    __tablename__ = "absences"
    __table_args__ = (Index("ix_absences_official_dates", "official", "starts_on", "ends_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    official: Mapped[str] = mapped_column(String(64))         # code in officials.toml
    delegate: Mapped[str] = mapped_column(String(64))         # who stands in (Plt.)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)                # the last day away
    reason: Mapped[str] = mapped_column(String(32))           # cuti | dinas luar | sakit | izin
    note: Mapped[str | None] = mapped_column(Text)
    set_by: Mapped[str] = mapped_column(String(320))           # address or account that set it
    set_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]                          # ended early (back sooner)
    returned_at: Mapped[datetime | None]                       # steps handed back
    message_id: Mapped[str | None] = mapped_column(String(998))
    step_id: Mapped[int | None] = mapped_column(ForeignKey("steps.id"))   # the mail replied to
