"""precedent_tsv: the precedents' tsvector stored once, not re-parsed for every ranked row

PostgreSQL only (SQLite's FTS5 table already stores its index; nothing changes there):
* `precedents.tsv`, `GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED`: filled by
  PostgreSQL on every insert and update of `terms`, and for the rows already there;
* the GIN index moves from the expression `to_tsvector('simple', terms)` to that column, with
  `fastupdate = off`: a signing adds a few rows a day, so each goes straight into the index
  rather than into a pending list that every search would scan until the next vacuum.

Measured with EXPLAIN (ANALYZE, BUFFERS) at 100,000 precedents: the candidate query spent
150–170 ms computing `to_tsvector` for `ts_rank` on each of about 3,400 matching rows; over
the stored column the same query took about 19 ms (docs/precedents.md).

Revision ID: 0015_precedent_tsv
Revises: 0014_precedents
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0015_precedent_tsv"
down_revision: Union[str, Sequence[str], None] = "0014_precedents"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("ALTER TABLE precedents ADD COLUMN IF NOT EXISTS tsv tsvector "
               "GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED")
    op.execute("CREATE INDEX IF NOT EXISTS ix_precedents_tsv ON precedents "
               "USING gin (tsv) WITH (fastupdate = off)")
    op.execute("DROP INDEX IF EXISTS ix_precedents_terms_tsv")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    op.execute("CREATE INDEX IF NOT EXISTS ix_precedents_terms_tsv ON precedents "
               "USING gin (to_tsvector('simple', terms))")
    op.execute("DROP INDEX IF EXISTS ix_precedents_tsv")
    op.execute("ALTER TABLE precedents DROP COLUMN IF EXISTS tsv")
