# SPDX-License-Identifier: AGPL-3.0-or-later
"""Migration 0005 fills search_text for cases already in the book, and the index finds them."""
from datetime import datetime, timezone

from sqlalchemy import text

from pipeline.books import search
from pipeline.core.db import make_engine, migrate, sessions
from pipeline.core.models import AgendaEntry


def test_upgrading_fills_search_text_and_the_search_finds_old_cases(db_url):
    engine = make_engine(db_url)
    migrate(engine, "0004")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO agenda_entries (channel, book, status, agenda_no, received_at, "
            "subject, letter, event_head) VALUES ('letter', 'incoming', 'registered', "
            "'0001/SM/ITDA/2026', :at, 'Konsultasi Hibah', :letter, NULL)"),
            {"at": datetime(2026, 3, 2, tzinfo=timezone.utc),
             "letter": '{"hal": "Tata cara HIBAH bansos", "pertanyaan": ["Honorarium?"]}'})
    migrate(engine)
    with sessions(engine)() as s:
        entry = s.query(AgendaEntry).one()
        assert "tata cara hibah bansos" in entry.search_text
        rows, more = search.book_page(s, search.Filters(q="honorarium BANSOS"))
        assert [r["agenda_no"] for r in rows] == ["0001/SM/ITDA/2026"] and not more
        assert search.book_page(s, search.Filters(q="pajak"))[0] == []
    engine.dispose()
