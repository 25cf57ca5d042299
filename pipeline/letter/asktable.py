"""A table of questions with a column for the matter and one for the question.

Offices set their questions in a bordered table as often as in a list: `No | Uraian` (one
text column, read as a numbered list: lines.py, docx_reader.py), or `No | Permasalahan |
Pertanyaan`, where each row names the matter ("Bukti penginapan") and then asks about it. In
such a table the question is the cell under the heading `Pertanyaan`; the matter is a title
for it, not part of it. A PDF's or a scan's lines give the row's cells side by side: the
number and the matter at the left, the question's lines in a column further right, the
matter's wrapped lines back at the matter's column. Each row is read as one numbered item,
the number and the question's lines.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.letter.lines import Line

# the heading over the question's column: it names what is asked ("Pertanyaan", "Hal yang
# Dikonsultasikan", "Permohonan Penjelasan"), where the matter's column names the matter
# ("Permasalahan", "Uraian Permasalahan"); and the heading over the row's number
ASK_HEAD = re.compile(r"^\s*(?:daftar\s+)?(?:pertanyaan|hal\s+yang\s+(?:dikonsultasikan|"
                      r"ditanyakan)|(?:permohonan\s+)?(?:penjelasan|petunjuk|arahan)"
                      r"(?:\s+yang\s+\w+)?|konsultasi)\s*$", re.I)
NO_HEAD = re.compile(r"^\s*no\.?\s*$", re.I)
ROW = re.compile(r"^\s*(\d{1,2})[.)]?\s+(.*)$")
APART = 0.15  # of the page's width: the question's column stands this far right of the number
NEAR = 0.03  # of the page's width: lines this near stand in one column
HEADS = 4  # the heading's cells: No, the matter's heading(s), Pertanyaan


def with_questions_column(lines: list[Line]) -> list[Line]:
    """LINES with each such table's rows as numbered items holding their question alone."""
    out, i = [], 0
    while i < len(lines):
        rows, end = _table(lines, i)
        if rows is None:
            out.append(lines[i])
            i += 1
            continue
        out.extend(rows)
        i = end
    return out


def _table(lines: list[Line], i: int) -> tuple[list[Line] | None, int]:
    """The rows of a question table whose heading starts at line I, and the line after it."""
    if not NO_HEAD.match(lines[i].text) or lines[i].x0 is None:
        return None, i
    head = lines[i:i + HEADS]
    k = next((k for k, ln in enumerate(head) if k and ASK_HEAD.match(ln.text)), None)
    if k is None or any(ln.x0 is None or ln.x0 <= lines[i].x0 for ln in head[1:k + 1]):
        return None, i
    rows: list[tuple[Line, list[str]]] = []
    number, column = lines[i].x0, None
    j = i + k + 1
    while j < len(lines):
        ln = lines[j]
        if ln.x0 is None or ln.blank:
            break
        if abs(ln.x0 - number) < NEAR:
            if not ROW.match(ln.text):
                break  # (the paragraph after the table, at the body's margin)
            rows.append((ln, []))
        elif not rows or ln.x0 < number:
            break
        elif ln.x0 > number + APART and (column is None or abs(ln.x0 - column) < NEAR):
            column = ln.x0 if column is None else column
            rows[-1][1].append(ln.text.strip())
        elif column is not None and ln.x0 > column + NEAR:
            rows[-1][1].append(ln.text.strip())
        # (else a wrapped line of the matter's cell: the matter is not the question)
        j += 1
    if not rows or not all(asked for _, asked in rows):
        return None, i
    return [replace(ln, text=f"{ROW.match(ln.text).group(1)}. {' '.join(asked)}", x1=None)
            for ln, asked in rows], j
