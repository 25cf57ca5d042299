"""jobs: the job table that any worker claims (SELECT ... FOR UPDATE SKIP LOCKED)

Revision ID: 0013_jobs
Revises: 0012_away
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0013_jobs"
down_revision: Union[str, Sequence[str], None] = "0012_away"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "subject", name="uq_jobs_kind_subject"))
    op.create_index("ix_jobs_status_due", "jobs", ["status", "due_at"])


def downgrade() -> None:
    op.drop_index("ix_jobs_status_due", table_name="jobs")
    op.drop_table("jobs")
