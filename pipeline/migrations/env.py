# SPDX-License-Identifier: AGPL-3.0-or-later
"""Alembic environment: the engine comes from the caller (pipeline.core.db.migrate)."""
from alembic import context

from pipeline.books.search import include_name
from pipeline.core.models import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
