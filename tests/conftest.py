# SPDX-License-Identifier: AGPL-3.0-or-later
"""Shared fixtures: a real database (SQLite and PostgreSQL), a workspace, real mail servers."""
from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from pipeline.app import App
from pipeline.core import workspace
from pipeline.core.config import load
from tests.servers.dovecot import dovecot  # noqa: F401  (fixture)
from tests.servers.smtp import smtp_server  # noqa: F401  (fixture)

PG_URL = os.environ.get("PARAF_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> bool:
    try:
        engine = create_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:
        return False


PG_OK = _pg_available()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty database: a SQLite file, or a private schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'paraf.db'}"
        return
    if not PG_OK:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_URL}")
        pytest.skip("PostgreSQL is not reachable")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


def make_workspace(folder, db_url, intake="maildir://intake", smtp="file://outbox/sent",
                   env=None) -> App:
    path = workspace.init(folder, intake=intake, smtp=smtp, database=db_url)
    return App.open(load(path, env=env if env is not None else os.environ))


@pytest.fixture
def app(tmp_path, db_url):
    """A workspace from `paraf init` on the embedded defaults (Maildir in, .eml files out)."""
    application = make_workspace(tmp_path / "ws", db_url)
    yield application
    application.close()
