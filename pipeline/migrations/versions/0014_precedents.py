"""precedents: answered and signed questions, indexed for the drafter

* `precedents`: one row per question of a signed answer, with its stemmed `terms`.
* `precedent_terms`: each stem's document frequency (BM25).
* SQLite: FTS5 table `precedent_fts` over `terms` (external content, kept by triggers).
* PostgreSQL: a GIN index over `to_tsvector('simple', terms)`: the text is stemmed in Python
  (Sastrawi), since PostgreSQL has no Indonesian text-search configuration.

Revision ID: 0014_precedents
Revises: 0013_jobs
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0014_precedents"
down_revision: Union[str, Sequence[str], None] = "0013_jobs"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

SQLITE = (
    "CREATE VIRTUAL TABLE precedent_fts USING fts5(terms, content='precedents', "
    "content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER precedent_fts_ai AFTER INSERT ON precedents BEGIN "
    "INSERT INTO precedent_fts(rowid, terms) VALUES (new.id, new.terms); END",
    "CREATE TRIGGER precedent_fts_ad AFTER DELETE ON precedents BEGIN "
    "INSERT INTO precedent_fts(precedent_fts, rowid, terms) "
    "VALUES ('delete', old.id, old.terms); END",
    "CREATE TRIGGER precedent_fts_au AFTER UPDATE OF terms ON precedents BEGIN "
    "INSERT INTO precedent_fts(precedent_fts, rowid, terms) VALUES ('delete', old.id, old.terms); "
    "INSERT INTO precedent_fts(rowid, terms) VALUES (new.id, new.terms); END",
)


def upgrade() -> None:
    op.create_table(
        "precedents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.Integer(), nullable=False),
        sa.Column("agenda_no", sa.String(length=64), nullable=True),
        sa.Column("number", sa.String(length=64), nullable=True),
        sa.Column("verification_code", sa.String(length=32), nullable=True),
        sa.Column("opd_code", sa.String(length=64), nullable=True),
        sa.Column("opd_name", sa.String(length=320), nullable=True),
        sa.Column("hal", sa.Text(), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("question_key", sa.String(length=32), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["entry_id"], ["agenda_entries.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id", "item"))
    op.create_index("ix_precedents_entry_id", "precedents", ["entry_id"])
    op.create_index("ix_precedents_question_key", "precedents", ["question_key"])
    op.create_table(
        "precedent_terms",
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term"))
    if op.get_bind().dialect.name == "sqlite":
        for ddl in SQLITE:
            op.execute(ddl)
    else:
        op.execute("CREATE INDEX ix_precedents_terms_tsv ON precedents "
                   "USING gin (to_tsvector('simple', terms))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("precedent_fts_ai", "precedent_fts_ad", "precedent_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS precedent_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ix_precedents_terms_tsv")
    op.drop_table("precedent_terms")
    op.drop_index("ix_precedents_question_key", table_name="precedents")
    op.drop_index("ix_precedents_entry_id", table_name="precedents")
    op.drop_table("precedents")
