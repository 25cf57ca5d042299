# SPDX-License-Identifier: AGPL-3.0-or-later
"""An office upgrading from any earlier Paraf: every revision, with data, up to head."""
from __future__ import annotations

import pytest
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import MetaData, func, select

from pipeline.app import App
from pipeline.cli.main import cli
from pipeline.core import db, workspace
from pipeline.core.config import load
from pipeline.core.events import verify
from pipeline.core.models import AgendaEntry
from tests.mails import letter_mail
from tests.ops.filler import fill


def _script() -> ScriptDirectory:
    engine = db.make_engine("sqlite://")
    return ScriptDirectory.from_config(db.alembic_config(engine))


def earlier_revisions() -> list[str]:
    """Every revision but the head, oldest first: a new migration joins this list by itself."""
    script = _script()
    head = script.get_current_head()
    return [r.revision for r in reversed(list(script.walk_revisions())) if r.revision != head]


def test_the_list_of_revisions_is_read_from_the_migrations():
    """GIVEN the migrations folder THEN the upgrade test covers each revision below head,
    starting at the first."""
    revisions = earlier_revisions()
    assert revisions[0] == "0001" and "0004" in revisions
    assert _script().get_current_head() not in revisions


@pytest.mark.parametrize("revision", earlier_revisions())
def test_upgrade_from_every_revision_keeps_data_and_history(revision, db_url, tmp_path):
    """GIVEN a database built at REVISION with rows in every table and valid hash chains WHEN
    `paraf migrate` brings it to head THEN no row is lost, the audit check passes, and the
    upgraded office registers a new letter."""
    config = workspace.init(tmp_path / "ws")            # rules and config of an office
    config.write_text(workspace.set_key(config.read_text(), "database", db_url))
    engine = db.make_engine(db_url)
    db.migrate(engine, revision)
    before = fill(engine)
    assert db.current_revision(engine) == revision and before["agenda_entries"] > 0
    engine.dispose()

    result = CliRunner().invoke(cli, ["--config", str(config), "migrate"])
    assert result.exit_code == 0, result.output

    app = App.open(load(config), migrate=False)
    try:
        head = _script().get_current_head()
        assert db.current_revision(app.engine) == head
        meta = MetaData()
        meta.reflect(app.engine)
        with app.engine.connect() as conn:
            for name, rows in before.items():
                if name in meta.tables:
                    after = conn.execute(select(func.count()).select_from(meta.tables[name]))
                    assert after.scalar_one() >= rows, name
        with app.session() as session:
            assert verify(session) == []
        outcome = app.consumer.consume(letter_mail(), source="file")
        assert outcome.status in ("registered", "incomplete"), outcome
        with app.session() as session:
            assert session.scalar(select(func.count()).select_from(AgendaEntry)) == \
                before["agenda_entries"] + 1
            assert verify(session) == []
    finally:
        app.close()
