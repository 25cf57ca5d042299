# SPDX-License-Identifier: AGPL-3.0-or-later
"""Small pieces of Indonesian official style (naskah dinas): dates, times, lists."""
from __future__ import annotations

from datetime import date, datetime

BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember")
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def tanggal(day: date | str | None) -> str:
    """'2026-03-12' -> '12 Maret 2026'."""
    if not day:
        return "-"
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def hari_tanggal(day: date) -> str:
    """'Kamis, 26 November 2026'."""
    return f"{HARI[day.weekday()]}, {tanggal(day)}"


def waktu(moment: datetime, zone_label: str = "WIB") -> str:
    """'23 November 2026 pukul 09.15 WIB' (the caller converts to the office's zone)."""
    return f"{tanggal(moment.date())} pukul {moment:%H.%M} {zone_label}"


def zone_label(tz_name: str) -> str:
    return {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA",
            "Asia/Jayapura": "WIT"}.get(tz_name, tz_name)


def desimal(value: float | None, places: int = 2) -> str:
    """83.333 -> '83,33': the decimal comma of Indonesian text; '-' for nothing."""
    if value is None:
        return "-"
    return f"{value:,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
