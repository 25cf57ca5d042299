# SPDX-License-Identifier: AGPL-3.0-or-later
"""Alembic environment: the engine comes from the caller (pipeline.core.db.migrate).

On SQLite a batch migration rebuilds a table (copy, drop, rename). With foreign keys enforced,
dropping a table that other rows point at fails, so upgrading an office's database that has
data in it would stop half way. SQLite's own advice: switch enforcement off outside the
transaction, migrate, run `PRAGMA foreign_key_check` before committing, switch it back on.
"""
from alembic import context

from pipeline.books.search import include_name
from pipeline.core import models_jobs  # noqa: F401 - the job table joins Base.metadata
from pipeline.core.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    raw = connection.connection.dbapi_connection if sqlite else None
    if sqlite:
        raw.execute("PRAGMA foreign_keys=OFF")          # no transaction is open yet
    try:
        context.configure(connection=connection, target_metadata=Base.metadata,
                          render_as_batch=sqlite, include_name=include_name)
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the migration left rows pointing nowhere: {broken[:5]}")
        connection.commit()
    finally:
        if sqlite:
            raw.execute("PRAGMA foreign_keys=ON")
