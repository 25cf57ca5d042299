# SPDX-License-Identifier: AGPL-3.0-or-later
"""The satisfaction survey's one table: an invitation per answered case, and its answers.

Only the SHA-256 of the link's token is kept: the database alone cannot answer a survey. The
channel and the answering official's unit are copied in when the invitation is made, so the
quarterly index groups by what was true when the service was given.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pipeline.core.models import Base


class SurveyInvitation(Base):
    """One requester asked once (PermenPANRB 14/2017's nine elements), answered at most once."""
    __tablename__ = "survey_invitations"
    __table_args__ = (Index("ix_survey_invitations_answered_at", "answered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("agenda_entries.id"), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    official: Mapped[str | None] = mapped_column(String(64))     # who answered the case
    unit: Mapped[str | None] = mapped_column(String(200))        # that official's unit
    created_at: Mapped[datetime] = mapped_column(index=True)
    expires_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]
    answers: Mapped[list | None]          # nine values 1..4, in the order of survey.ELEMENTS
    comment: Mapped[str | None] = mapped_column(Text)
