"""heartbeats: when each worker job last completed (intake lag for /metrics and paraf status)

Revision ID: 0007_ops
Revises: 0006_reason_codes
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0007_ops"
down_revision: Union[str, Sequence[str], None] = "0006_reason_codes"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table("heartbeats",
                    sa.Column("name", sa.String(length=64), nullable=False),
                    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
                    sa.Column("detail", sa.JSON(), nullable=True),
                    sa.PrimaryKeyConstraint("name"))


def downgrade() -> None:
    op.drop_table("heartbeats")
