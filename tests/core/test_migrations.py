# SPDX-License-Identifier: AGPL-3.0-or-later
"""The Alembic migrations build exactly the schema the models describe."""
from datetime import date, datetime, timezone

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from pipeline.books.search import include_name
from pipeline.casework import precedents
from pipeline.casework.precedent_text import question_key, terms
from pipeline.core.db import alembic_config, current_revision, make_engine, migrate, sessions
from pipeline.core.models import AgendaEntry
from pipeline.migrations.tables import Base


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


def test_precedents_signed_before_the_upgrade_are_still_found_after_it(db_url):
    """GIVEN an office at 0014_precedents with a signed answer already in the precedents index
    WHEN it upgrades to head (0015 stores the PostgreSQL tsvector; a no-op on SQLite), signs
    one more answer, downgrades to 0014 and upgrades again THEN the drafter's search finds both
    precedents on every step, so upgrading never loses the office's history."""
    def sign(session, eid: int, question: str) -> None:
        stems = terms(f"Penggunaan Dana BOS {question} Boleh, sesuai juknis BOS.")
        session.execute(AgendaEntry.__table__.insert(), [{
            "id": eid, "status": "closed", "channel": "letter", "book": "incoming",
            "agenda_no": f"{eid:04d}/SM/ITDA/2025", "received_at": datetime.now(timezone.utc),
            "opd_code": "disdik", "opd_name": "Dinas Pendidikan",
            "subject": "Penggunaan Dana BOS"}])
        precedents.add(session, [{
            "entry_id": eid, "item": 1, "agenda_no": f"{eid:04d}/SM/ITDA/2025",
            "number": f"700/{eid}/ITDA", "verification_code": None, "opd_code": "disdik",
            "opd_name": "Dinas Pendidikan", "hal": "Penggunaan Dana BOS",
            "answered_on": date(2025, 6, 1), "question": question,
            "answer": "Boleh, sesuai juknis BOS.", "question_key": question_key(question),
            "terms": " ".join(stems), "length": len(stems)}])

    def found(engine, question: str) -> set[int]:
        with sessions(engine)() as session:
            return {doc.entry_id for _, doc in precedents.ranked(session, question)}

    engine = make_engine(db_url)
    migrate(engine, "0014_precedents")
    with sessions(engine).begin() as session:
        sign(session, 1, "Apakah dana BOS boleh membayar honor guru honorer?")
    migrate(engine)
    assert found(engine, "honor guru honorer dari dana BOS") == {1}
    with sessions(engine).begin() as session:
        sign(session, 2, "Bolehkah dana BOS dipakai untuk langganan internet sekolah?")
    assert found(engine, "langganan internet sekolah dibiayai BOS") >= {2}
    command.downgrade(alembic_config(engine), "0014_precedents")
    migrate(engine)
    assert found(engine, "honor guru honorer dari dana BOS") >= {1}
    assert found(engine, "langganan internet sekolah dibiayai BOS") >= {2}
    with sessions(engine)() as session:
        assert precedents.total(session) == 2
    engine.dispose()
