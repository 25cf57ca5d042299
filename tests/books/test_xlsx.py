# SPDX-License-Identifier: AGPL-3.0-or-later
"""The books as Excel workbooks, read back with openpyxl."""
from __future__ import annotations

from datetime import date, datetime

import openpyxl

from pipeline.books import rows as books
from pipeline.books import xlsx
from tests.books.test_books import book  # noqa: F401  (fixture)


def test_incoming_book_exports_as_a_typed_sheet(book, tmp_path):  # noqa: F811
    """GIVEN the incoming book WHEN exported THEN the workbook has the title, the headers of
    the paper book in order, bold and frozen, an autofilter, one row per entry and real
    Excel dates for the received day, the letter date and the due date."""
    with book.session() as s:
        rows = books.incoming(s)
    path = xlsx.export(rows, xlsx.INCOMING_COLUMNS, tmp_path / "out" / "agenda.xlsx",
                       "Buku Agenda Surat Masuk 2026")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "Buku Agenda Surat Masuk 2026"
    headers = [c.value for c in sheet[3]]
    assert headers == ["No. Agenda", "Tanggal Diterima", "Nomor Surat", "Tanggal Surat",
                       "Asal Surat", "Perihal", "Sifat", "Disposisi Kepada", "Status",
                       "Batas Waktu", "Keterangan"]
    assert all(c.font.bold for c in sheet[3])
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == "A3:K7"
    data = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert len(data) == len(rows) == 4
    assert [r[0] for r in data] == ["001/INSP/2026", "002/INSP/2026", "003/INSP/2026", None]
    first = sheet[4]
    assert first[1].is_date and first[1].value == datetime(2026, 3, 2)
    assert first[3].is_date and first[9].is_date and first[9].value == datetime(2026, 3, 5)
    assert data[1][7] == "auditor-1a"
    assert sheet.column_dimensions["F"].width >= len("Permohonan konsultasi")


def test_outgoing_columns_and_an_empty_book(tmp_path):
    """GIVEN no signed letters WHEN the outgoing book is exported THEN it still has its
    headers, and a row given later keeps its date typed."""
    path = xlsx.export([], xlsx.OUTGOING_COLUMNS, tmp_path / "keluar.xlsx", "Surat Keluar")
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[3]] == ["No. Surat Keluar", "Tanggal", "Tujuan", "Perihal",
                                           "Nomor Agenda Masuk", "Penanda Tangan",
                                           "Kode Verifikasi",
                                           "SHA-256 Berkas PDF"]
    assert sheet.max_row == 3
    row = {"outgoing_no": None, "date": date(2026, 3, 7), "to": "Dinas", "hal": "Hal",
           "agenda_no": "002/INSP/2026"}
    sheet = openpyxl.load_workbook(xlsx.export([row], xlsx.OUTGOING_COLUMNS,
                                               tmp_path / "k2.xlsx", "Surat Keluar")).active
    assert sheet["B4"].is_date and sheet["B4"].value == datetime(2026, 3, 7)
