"""away: officials' absences, steps held for someone away, the form a letter was signed in

* `absences`: who is away from when to when, and who stands in (Plt.).
* `steps.on_behalf_of`: the absent official a delegate's step belongs to (handed back later).
* `outgoing_letters.signed_as`: "" (the Inspector), "plt" or "an" (a.n. Inspektur).

Revision ID: 0012_away
Revises: 0011_complaints
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0012_away"
down_revision: Union[str, Sequence[str], None] = "0011_complaints"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "absences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("official", sa.String(length=64), nullable=False),
        sa.Column("delegate", sa.String(length=64), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("set_by", sa.String(length=320), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message_id", sa.String(length=998), nullable=True),
        sa.Column("step_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["step_id"], ["steps.id"]),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_absences_official_dates", "absences",
                    ["official", "starts_on", "ends_on"])
    with op.batch_alter_table("steps") as batch:
        batch.add_column(sa.Column("on_behalf_of", sa.String(length=64), nullable=True))
    with op.batch_alter_table("outgoing_letters") as batch:
        batch.add_column(sa.Column("signed_as", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outgoing_letters") as batch:
        batch.drop_column("signed_as")
    with op.batch_alter_table("steps") as batch:
        batch.drop_column("on_behalf_of")
    op.drop_index("ix_absences_official_dates", table_name="absences")
    op.drop_table("absences")
