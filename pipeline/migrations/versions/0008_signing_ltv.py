"""signing: long-term validity of signed letters

`pades_level` is the PAdES baseline level the archived copy reaches (B-B, B-T, B-LT, B-LTA;
NULL for letters signed before this revision, which are B-B). A letter signed while the TSA
was unreachable stays B-B until the worker timestamps it. Timestamping adds an incremental
update, so the archive copy (`archive_sha256`, `archive_path`) differs from the file mailed to
the OPD (`pdf_sha256`, `pdf_path`), which is never changed.

Revision ID: 0008_signing_ltv
Revises: 0007_ops
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008_signing_ltv"
down_revision: Union[str, Sequence[str], None] = "0007_ops"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("outgoing_letters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pades_level", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("archive_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("archive_path", sa.String(length=512), nullable=True))
        batch_op.add_column(sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index("ix_outgoing_letters_pades_level", ["pades_level"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outgoing_letters", schema=None) as batch_op:
        batch_op.drop_index("ix_outgoing_letters_pades_level")
        batch_op.drop_column("archived_at")
        batch_op.drop_column("archive_path")
        batch_op.drop_column("archive_sha256")
        batch_op.drop_column("pades_level")
