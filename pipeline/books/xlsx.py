# SPDX-License-Identifier: AGPL-3.0-or-later
"""Books as Excel workbooks: what the clerk hands to the Inspector or the auditors.

Headers are Indonesian, in the column order of the paper agenda book; dates are real Excel
dates so the sheet sorts and filters by them.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

INCOMING_COLUMNS: list[tuple[str, str]] = [
    ("agenda_no", "No. Agenda"),
    ("received_on", "Tanggal Diterima"),
    ("letter_no", "Nomor Surat"),
    ("letter_date", "Tanggal Surat"),
    ("opd", "Asal Surat"),
    ("hal", "Perihal"),
    ("sifat", "Sifat"),
    ("assignee_name", "Disposisi Kepada"),
    ("status", "Status"),
    ("due_on", "Batas Waktu"),
    ("note", "Keterangan"),
]

OUTGOING_COLUMNS: list[tuple[str, str]] = [
    ("outgoing_no", "No. Surat Keluar"),
    ("date", "Tanggal"),
    ("to", "Tujuan"),
    ("hal", "Perihal"),
    ("agenda_no", "Nomor Agenda Masuk"),
    ("signer", "Penanda Tangan"),
    ("verification_code", "Kode Verifikasi"),
    ("pdf_sha256", "SHA-256 Berkas PDF"),
]

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
MAX_WIDTH = 60
HEADER_ROW = 3                      # title, blank line, headers


def _cell_value(value):
    """Excel has no time zones: aware datetimes are written as their own wall-clock time."""
    if isinstance(value, datetime) and value.tzinfo:
        return value.replace(tzinfo=None)
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return value


def export(rows: list[dict], columns: list[tuple[str, str]], path: str | Path,
           title: str) -> Path:
    """Write ROWS as one sheet at PATH: title, bold frozen headers, autofilter, dates typed."""
    path = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31].translate(str.maketrans("", "", "[]:*?/\\")) or "Buku"
    sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=14)
    widths = [len(header) + 2 for _, header in columns]
    for col, (_, header) in enumerate(columns, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=col, value=header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for col, (key, _) in enumerate(columns, start=1):
            value = _cell_value(row.get(key))
            cell = sheet.cell(row=r, column=col, value=value)
            if isinstance(value, datetime):
                cell.number_format = DATETIME_FORMAT
                shown = 16
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
                shown = 10
            else:
                shown = len(str(value)) if value is not None else 0
                cell.alignment = Alignment(vertical="top", wrap_text=shown > MAX_WIDTH)
            widths[col - 1] = max(widths[col - 1], min(shown + 2, MAX_WIDTH))
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(len(rows), 1)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
