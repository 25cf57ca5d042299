"""Lines with page geometry for the layout tests: a letter's heading, and body or scan lines."""
from __future__ import annotations

from pipeline.letter.lines import Line

HEAD = [Line("PEMERINTAH KOTA PADANG", 1, 0.35, x1=0.65), Line("DINAS SOSIAL", 1, 0.42, x1=0.58),
        Line("Jalan Khatib Sulaiman Nomor 5 Padang", 1, 0.3, x1=0.7), Line(""),
        Line("Nomor : 400/77/Dinsos/2026", 1, 0.12, x1=0.45, vx=0.24),
        Line("Hal : Konsultasi Bantuan Sosial", 1, 0.12, x1=0.5, vx=0.24), Line(""),
        Line("Yth. Inspektur Kota Padang", 1, 0.12, x1=0.45), Line("di Padang", 1, 0.12, x1=0.3),
        Line("")]


def body(*rows: tuple[str, float, float]) -> list[Line]:
    return [Line(t, 1, x0, x1=x1) if t else Line("") for t, x0, x1 in rows]


def scan(*rows: tuple[str, float]) -> list[Line]:
    """Lines as OCR gives them: (text, left edge); the right edge estimated from the length."""
    return [Line(t, 1, x0, ocr=True, x1=x0 + 0.015 * len(t)) if t else Line("", ocr=True)
            for t, x0 in rows]
