"""survey: the satisfaction survey's invitations and answers (PermenPANRB 14/2017)

Revision ID: 0010_survey
Revises: 0009_once
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0010_survey"
down_revision: Union[str, Sequence[str], None] = "0009_once"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "survey_invitations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("official", sa.String(length=64), nullable=True),
        sa.Column("unit", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["entry_id"], ["agenda_entries.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id"),
        sa.UniqueConstraint("token_hash"))
    op.create_index("ix_survey_invitations_answered_at", "survey_invitations", ["answered_at"])
    op.create_index("ix_survey_invitations_created_at", "survey_invitations", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_survey_invitations_created_at", table_name="survey_invitations")
    op.drop_index("ix_survey_invitations_answered_at", table_name="survey_invitations")
    op.drop_table("survey_invitations")
