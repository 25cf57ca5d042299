"""once: every side effect once

* `uq_steps_open_handover`: one open step per (case, kind, revision, stage), a partial unique
  index (SQLite and PostgreSQL both have them). Duplicates a race left behind are superseded
  first, keeping the oldest, so the index can be built on an existing database.
* `outbox_mail.once_key`: unique, "entry:purpose:step"; NULL for mail that may repeat.
* `intake_tries`: messages whose handling began and never ended (poison messages).

Revision ID: 0009_once
Revises: 0008_signing_ltv
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0009_once"
down_revision: Union[str, Sequence[str], None] = "0008_signing_ltv"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

OPEN = sa.text("status = 'open'")


def upgrade() -> None:
    op.execute("UPDATE steps SET status = 'superseded', outcome = 'superseded' "
               "WHERE status = 'open' AND id NOT IN (SELECT min(id) FROM steps "
               "WHERE status = 'open' GROUP BY entry_id, kind, revision, stage)")
    op.create_index("uq_steps_open_handover", "steps", ["entry_id", "kind", "revision", "stage"],
                    unique=True, sqlite_where=OPEN, postgresql_where=OPEN)
    op.add_column("outbox_mail", sa.Column("once_key", sa.String(length=200), nullable=True))
    op.create_index("ix_outbox_mail_once_key", "outbox_mail", ["once_key"], unique=True)
    op.create_table(
        "intake_tries",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256"))


def downgrade() -> None:
    op.drop_table("intake_tries")
    op.drop_index("ix_outbox_mail_once_key", table_name="outbox_mail")
    with op.batch_alter_table("outbox_mail") as batch_op:
        batch_op.drop_column("once_key")
    op.drop_index("uq_steps_open_handover", table_name="steps")
