# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Alembic migrations build exactly the schema the models describe."""
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from pipeline.books.search import include_name
from pipeline.core.db import alembic_config, current_revision, make_engine, migrate
from pipeline.core import models_jobs  # noqa: F401 - the job table joins Base.metadata
from pipeline.core.models import Base


def test_migrations_match_the_models_and_are_idempotent(db_url):
    """GIVEN an empty database WHEN migrated (twice) THEN it is at head and the models and the
    schema do not differ, so an office upgrading gets the schema the code expects."""
    engine = make_engine(db_url)
    migrate(engine)
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"include_name": include_name}), Base.metadata)
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    assert current_revision(engine) == head
    engine.dispose()
    assert diff == []
