# SPDX-License-Identifier: AGPL-3.0-or-later
"""Where intake stopped in each folder, kept in the database beside what it registered."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy.orm import Session, sessionmaker

from pipeline.core.db import transaction, upsert
from pipeline.core.models import MailboxPosition


class DbLedger:
    """Positions keyed by source and folder, so two mailboxes never share one."""

    def __init__(self, factory: sessionmaker[Session], scope: str = ""):
        self.factory = factory
        self.scope = scope

    def key(self, folder: str) -> str:
        return f"{self.scope}|{folder}" if self.scope else folder

    def position(self, folder: str) -> tuple[int | None, int]:
        with transaction(self.factory) as session:
            row = session.get(MailboxPosition, self.key(folder))
            return (row.uidvalidity, row.last_uid) if row else (None, 0)

    def advance(self, folder: str, uidvalidity: int, last_uid: int) -> None:
        """Move the position forward (or to a new UIDVALIDITY); two workers advancing the same
        folder at once both succeed, and the higher position stays."""
        now = datetime.now(timezone.utc)
        with transaction(self.factory) as session:
            session.execute(upsert(session, MailboxPosition).values(
                folder=self.key(folder), uidvalidity=uidvalidity, last_uid=last_uid,
                updated_at=now).on_conflict_do_nothing(index_elements=[MailboxPosition.folder]))
            row = session.get(MailboxPosition, self.key(folder), with_for_update=True,
                              populate_existing=True)
            if row.uidvalidity != uidvalidity or last_uid > row.last_uid:
                row.uidvalidity, row.last_uid, row.updated_at = uidvalidity, last_uid, now
