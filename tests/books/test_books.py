# SPDX-License-Identifier: AGPL-3.0-or-later
"""The incoming and outgoing books: order, columns, filters and search, on both databases."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from pipeline.books import rows as books
from pipeline.core.models import OutgoingLetter
from tests.books import UTC, add_case, letter

QUESTION = "Bagaimana mekanisme pelaporan tindak lanjut apabila pihak ketiga PAILIT?"


@pytest.fixture
def book(app):
    """Four cases written out of agenda order: 003 (web, drafted), 001, 002, a duplicate."""
    with app.session() as s:
        add_case(s, 3, received=datetime(2026, 3, 5, 2, tzinfo=UTC), status="drafted",
                 channel="web", assignee="auditor-3a", opd=("inspektorat", "Bagian Umum"),
                 letter_fields={**letter(3, hal="Tata cara hibah"),
                                "pengirim": "Dinas yang pailit", "lampiran": "100% berkas"})
        first = add_case(s, 1, received=datetime(2026, 3, 2, 2, tzinfo=UTC),
                         letter_fields=letter(1, questions=["Apakah boleh?", QUESTION]),
                         due_on=date(2026, 3, 5))
        add_case(s, 2, received=datetime(2026, 3, 2, 23, 30, tzinfo=UTC), status="disposed",
                 assignee="auditor-1a", opd=("dinkes", "Dinas Kesehatan"),
                 subject="Permohonan tentang Hibah BANSOS 2026")
        s.flush()
        add_case(s, None, received=datetime(2026, 3, 1, 2, tzinfo=UTC), status="duplicate",
                 duplicate_of_id=first.id, reason="sama dengan surat sebelumnya")
    return app


def rows(app, **filters):
    with app.session() as s:
        return books.incoming(s, **filters)


def numbers(app, **filters):
    return [r["agenda_no"] or "dup" for r in rows(app, **filters)]


def test_rows_come_in_agenda_order_with_the_columns_of_the_paper_book(book):
    """GIVEN cases inserted out of order and an unnumbered duplicate WHEN the book is read
    THEN numbered entries come by agenda number, the duplicate last, each with the book's
    columns: local received day, letter number and date, OPD, hal, disposition, due date."""
    got = rows(book, names={"auditor-1a": "Ani Auditor"})
    assert [r["agenda_no"] for r in got] == ["001/INSP/2026", "002/INSP/2026", "003/INSP/2026",
                                             None]
    first, second, _, dup = got
    assert first["received_on"] == date(2026, 3, 2)
    assert second["received_on"] == date(2026, 3, 3)      # 23:30 UTC is 06:30 WIB next day
    assert first["letter_no"] == "700/1/DISDIK/2026"
    assert first["letter_date"] == date(2026, 3, 2)
    assert first["opd"] == "Dinas Pendidikan" and first["sifat"] == "Biasa"
    assert first["hal"] == "Permohonan konsultasi" and first["due_on"] == date(2026, 3, 5)
    assert first["assignee"] is None
    assert second["assignee"] == "auditor-1a" and second["assignee_name"] == "Ani Auditor"
    assert dup["status"] == "duplicate"
    assert dup["note"] == "Duplikat dari 001/INSP/2026; sama dengan surat sebelumnya"


def test_filters_narrow_the_book(book):
    """GIVEN four cases WHEN filtered by local dates, OPD, status, official, channel or limit
    THEN only the matching entries remain, still in agenda order."""
    assert numbers(book, since=date(2026, 3, 3)) == ["002/INSP/2026", "003/INSP/2026"]
    assert numbers(book, until=date(2026, 3, 2)) == ["001/INSP/2026", "dup"]
    assert numbers(book, since=date(2026, 3, 2), until=date(2026, 3, 3)) == [
        "001/INSP/2026", "002/INSP/2026"]
    assert numbers(book, opd="dinkes") == ["002/INSP/2026"]
    assert numbers(book, opd="dinas pendidikan") == ["001/INSP/2026", "dup"]
    assert numbers(book, status="registered") == ["001/INSP/2026"]
    assert numbers(book, status=["disposed", "drafted"]) == ["002/INSP/2026", "003/INSP/2026"]
    assert numbers(book, official="auditor-3a") == ["003/INSP/2026"]
    assert numbers(book, official="nobody") == []
    assert numbers(book, channel="web") == ["003/INSP/2026"]
    assert numbers(book, limit=2) == ["001/INSP/2026", "002/INSP/2026"]


def test_search_finds_questions_subject_hal_and_number_only(book):
    """GIVEN a word in one case's question, another's subject and a third's other letter
    fields WHEN searching, in any case THEN only the question and subject hits come back;
    letter fields outside subject/hal/nomor/questions and JSON keys never match."""
    assert numbers(book, search="pailit") == ["001/INSP/2026"]          # not 003's pengirim
    assert numbers(book, search="hibah bansos") == ["002/INSP/2026"]
    assert numbers(book, search="HIBAH") == ["002/INSP/2026", "003/INSP/2026"]  # 003: hal
    assert numbers(book, search="700/3/disdik") == ["003/INSP/2026"]
    assert numbers(book, search="pengirim") == []                        # a JSON key
    assert numbers(book, search="100%") == []                            # lampiran; LIKE-safe
    assert numbers(book, search="konsultasi", limit=1) == ["001/INSP/2026"]
    assert numbers(book, search="pailit", status="disposed") == []


def test_outgoing_book_is_empty_until_letters_are_signed(app):
    """GIVEN open cases only WHEN the outgoing book is read THEN it is empty; GIVEN a signed
    case THEN it appears with its outgoing number, addressee and the day it was signed."""
    signed_at = datetime(2026, 3, 6, 20, tzinfo=UTC)
    with app.session() as s:
        add_case(s, 1, received=datetime(2026, 3, 2, 2, tzinfo=UTC), status="initialled")
    with app.session() as s:
        assert books.outgoing(s) == []
        entry = add_case(s, 2, received=datetime(2026, 3, 3, 2, tzinfo=UTC), status="sent",
                         moved={"sign": signed_at})
        s.flush()
        s.add(OutgoingLetter(entry_id=entry.id, number="700/1/ITDA/2026", year=2026, seq=1,
                             signed_at=signed_at, signed_by="inspektur", revision=1,
                             pdf_sha256="0" * 64, pdf_path="signed/00/0",
                             verification_code="ABCD-EFGH-JKMN"))
    with app.session() as s:
        out = books.outgoing(s)
        assert books.outgoing(s, since=date(2026, 3, 8)) == []
    assert out == [{"id": out[0]["id"], "outgoing_no": "700/1/ITDA/2026", "date": date(2026, 3, 7),
                    "to": "Dinas Pendidikan", "hal": "Permohonan konsultasi",
                    "agenda_no": "002/INSP/2026", "status": "sent",
                    "verification_code": "ABCD-EFGH-JKMN", "pdf_sha256": "0" * 64,
                    "signer": "Inspektur"}]
