"""reason codes

Every case's reason and every refused attachment's reason get the catalogue code and its
parameters (pipeline/core/messages.py); existing rows, written in English by earlier
versions, are coded here and their text rewritten in Indonesian. Plain ADD COLUMN on both
databases (no table rebuild, so SQLite's FTS triggers of 0005 stay).

Revision ID: 0006_reason_codes
Revises: 0005
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0006_reason_codes'
down_revision: Union[str, Sequence[str], None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TABLES = (("agenda_entries", "reason", "reason_code", "reason_params"),
          ("attachments", "refused_reason", "refused_code", "refused_params"))


def upgrade() -> None:
    from pipeline.core.messages import Reason      # the catalogue as of this revision
    conn = op.get_bind()
    for table, text, code, params in TABLES:
        op.add_column(table, sa.Column(code, sa.String(64), nullable=True))
        op.add_column(table, sa.Column(params, sa.JSON(), nullable=True))
        t = sa.table(table, sa.column("id"), sa.column(text), sa.column(code),
                     sa.column(params, sa.JSON()))
        rows = conn.execute(sa.select(t.c.id, t.c[text]).where(t.c[text].is_not(None))).all()
        for row_id, value in rows:
            reason = Reason.of(value)
            conn.execute(t.update().where(t.c.id == row_id).values(
                {text: reason.say(), code: reason.code, params: reason.params}))


def downgrade() -> None:
    for table, _text, code, params in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column(params)
            batch.drop_column(code)
