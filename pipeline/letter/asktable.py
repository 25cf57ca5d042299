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
# (not "Penjelasan", "Arahan", "Keterangan" alone: a column for the answer or a remark)
# (a scan may read the l of "Dikonsultasikan" as an i or a 1, its stem all that shows)
ASKED = (r"(?:daftar\s+)?(?:pertanyaan|hal\s+yang\s+(?:dikonsu[li1|]tasikan|ditanyakan)|"
         r"permohonan\s+(?:penjelasan|petunjuk|arahan)(?:\s+yang\s+\w+)?)")
ASK_HEAD = re.compile(rf"^\s*{ASKED}\s*$", re.I)
ASK_END = re.compile(rf"\s{ASKED}\s*$", re.I)  # the heading's cells read as one line
# (the heading's cells a small gap apart come out as one line, "No Uraian Permasalahan"; a
# narrow No cell wraps its label, "N" / "O")
NO_HEAD = re.compile(r"^\s*(?:no\.?|n)(\s+\S.*)?$", re.I)
# a row's number: "1.", "1", "a."; a scan may read its dot as a comma, and the number's cell
# apart from the matter's, alone on its line ("4,")
ROW = re.compile(r"^\s*(\d{1,2}(?=[.),]?(?:\s|$))|[a-z](?=[.)]\s))[.),]?\s*(.*)$")
APART = 0.15  # of the page's width: the question's column stands this far right of the number
NEAR = 0.03  # of the page's width: lines this near stand in one column
HEADS = 4  # the heading's cells: No, the matter's heading(s), Pertanyaan
SHORT = 4  # words: a heading's cell holds a few ("Uraian Permasalahan"), a sentence more


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
    head = _heading(lines, i)
    if head is None:
        return None, i
    k, number = head
    rows: list[tuple[Line, list[str]]] = []
    column, stop = None, None
    j = i + k + 1
    while j < min(len(lines), i + k + HEADS) and _cell_right(lines[j], lines[i + k]):
        # a heading cell right of the question's ("Keterangan", "Dasar Hukum"): a column of
        # its own, whose cells are no part of the question
        stop = lines[j].x0 if stop is None else min(stop, lines[j].x0)
        j += 1
    end_head, j = j, _past_blanks(lines, j)
    number = lines[j].x0 if number is None and j < len(lines) else number
    while j < len(lines):
        ln = lines[j]
        if ln.x0 is None or ln.blank:
            break
        if not rows and not ROW.match(ln.text) and (len(ln.text.strip()) <= 2 or any(
                abs(ln.x0 - cell.x0) < NEAR for cell in lines[i:end_head] if cell.x0 is not None)):
            j += 1  # (the rest of a wrapped heading cell: "O", the "." of "No.", "PERMASALAHA"
            continue  # / "N" under "POKOK")
        if stop is not None and ln.x0 > stop - NEAR:
            pass  # (a cell of the column right of the question's)
        elif abs(ln.x0 - number) < NEAR:
            if not ROW.match(ln.text):
                break  # (the paragraph after the table, at the body's margin)
            rows.append((ln, []))
        elif not rows or ln.x0 < number:
            break
        elif ln.x0 > number + APART and (column is None or abs(ln.x0 - column) < NEAR):
            column = ln.x0 if column is None else column
            rows[-1][1].append(_left_of(ln, stop))
        elif column is not None and (ln.x0 > column + NEAR or ln.x1 is not None
                                     and ln.x1 > column + APART):
            # (a line reaching well into the question's column is the question's, however far
            # left a speck read before it starts it: "0... apabila hotel"; the matter's cell
            # ends before that column begins)
            rows[-1][1].append(re.sub(r"^(?:[^A-Za-z\s]+\s+)+", "", _left_of(ln, stop)))
        # (else a wrapped line of the matter's cell: the matter is not the question)
        j += 1
    if column is not None:  # (a row's number line that runs on into the question's column)
        rows = [(ln, _parted(ln, column) + asked) for ln, asked in rows]
    if not rows or not all(asked for _, asked in rows):
        return None, i
    return [replace(ln, text=f"{ROW.match(ln.text).group(1)}. {' '.join(asked)}", x1=None)
            for ln, asked in rows], j


def _cell_right(ln: Line, ask: Line) -> bool:
    """Whether LN is a heading cell standing right of the question's heading cell ASK."""
    return not ln.blank and None not in (ln.x0, ask.x0) and ln.x0 > ask.x0 + NEAR and \
        not ROW.match(ln.text) and len(ln.text.split()) <= SHORT


def _heading(lines: list[Line], i: int) -> tuple[int, float | None] | None:
    """Where line I opens a question table's heading: how many lines on its ASK_HEAD cell is,
    and where its No cell stands (None where the heading's No cell was not read: a photo's
    shaded heading, a scan's faint one; the rows' numbers, at or left of the heading's first
    cell, then say where the No column is). None where line I opens no such heading."""
    first = lines[i]
    if first.x0 is None:
        return None
    no = NO_HEAD.match(first.text)
    head = lines[i:i + HEADS]
    k = 0 if no and ASK_END.search(first.text) else next(
        (k for k, ln in enumerate(head) if k and ASK_HEAD.match(ln.text)), None)
    if k is None or any(ln.x0 is None or ln.x0 <= prev.x0
                        for prev, ln in zip(head[:k], head[1:k + 1])):
        return None  # (the heading's cells stand left to right)
    if no:
        # (a heading whose first text cell is the question's, "No | Pertanyaan | Penjelasan",
        # is a list of questions beside their answers: read as numbered rows, lines.py)
        return None if k == 1 and not no.group(1) else (k, first.x0)
    # without a No cell read, the matter's heading is a short cell, and the rows' first number
    # stands at or left of it, right under the heading
    j = _past_blanks(lines, i + k + 1)
    row = lines[j] if j < len(lines) else None
    if len(first.text.split()) > SHORT or first.text.rstrip().endswith((":", ".")) or \
            ROW.match(first.text) or row is None or not ROW.match(row.text) or \
            row.x0 is None or row.x0 > first.x0 + NEAR:
        return None
    return k, None


def _past_blanks(lines: list[Line], j: int) -> int:
    """The first line from J that is not blank: a heading row set apart from the rows, or
    shaded, reads a blank line after it."""
    while j < len(lines) and lines[j].blank:
        j += 1
    return j


def _left_of(ln: Line, stop: float | None) -> str:
    """LN's text left of the column that starts at STOP: a question's line and the next cell's
    a space apart come out as one line ("Mohon petunjuk Perlu segera"). It ends at a space
    near where STOP falls along the line (its letters spread about evenly), before a capital
    or a digit where one is near (a cell's text opens so: "pertanggungjawaban 1 berkas")."""
    text = ln.text.strip()
    if stop is None or None in (ln.x0, ln.x1) or ln.x1 < stop + NEAR:
        return text
    at = (stop - ln.x0) / (ln.x1 - ln.x0) * len(text)
    near = [m.start() for m in re.finditer(r"\s", text) if abs(m.start() - at) < 0.25 * len(text)]
    opening = [k for k in near if re.match(r"\s+[A-Z0-9]", text[k:])]
    k = min(opening or near, key=lambda s: abs(s - at), default=None)
    return text if k is None else text[:k].strip()


def _parted(ln: Line, column: float) -> list[str]:
    """The question's first words where the row's number line LN holds them too: two cells
    whose gap is no wider than a space's come out as one line. The question begins at the
    capitalised word nearest where its COLUMN falls along the line (its letters spread about
    evenly); [] where the line ends short of the column."""
    if ln.x1 is None or ln.x0 is None or ln.x1 < column + NEAR:
        return []
    text = ROW.match(ln.text).group(2)
    at = (column - ln.x0) / (ln.x1 - ln.x0) * len(ln.text) - (len(ln.text) - len(text))
    starts = [m.start() for m in re.finditer(r"(?<=\s)[A-Z]", text)]
    if not starts:
        return []
    k = min(starts, key=lambda s: abs(s - at))
    return [text[k:].strip()] if abs(k - at) < 0.25 * len(text) else []
