"""complaints: complaints about the service (pengaduan), each its own case

Revision ID: 0011_complaints
Revises: 0010_survey
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0011_complaints"
down_revision: Union[str, Sequence[str], None] = "0010_survey"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "complaints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("original_id", sa.Integer(), nullable=False),
        sa.Column("about", sa.String(length=64), nullable=True),
        sa.Column("handler", sa.String(length=64), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("filed_by", sa.String(length=320), nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("once_key", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("answered_by", sa.String(length=320), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["agenda_entries.id"]),
        sa.ForeignKeyConstraint(["original_id"], ["agenda_entries.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id"),
        sa.UniqueConstraint("once_key"))
    op.create_index("ix_complaints_original_id", "complaints", ["original_id"])
    op.create_index("ix_complaints_handler", "complaints", ["handler"])
    op.create_index("ix_complaints_filed_at", "complaints", ["filed_at"])


def downgrade() -> None:
    op.drop_table("complaints")
