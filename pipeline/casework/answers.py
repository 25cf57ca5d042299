# SPDX-License-Identifier: AGPL-3.0-or-later
"""Answers an official sends back: numbered text in an e-mail reply, or an edited draft DOCX.

Reading is deliberately strict: when the text does not clearly hold one answer per question,
the result is None and `explain` says why, so a clerk looks at it instead of Paraf putting a
greeting or a half answer into an official letter.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

NO_ANSWER = "[jawaban belum diisi]"   # the template's placeholder (pipeline.casework.drafting)

LABELED = re.compile(r"^\s*(?:jawaban|jwb\.?|ad\.?)\s*(?:no\.?|nomor|pertanyaan)?\s*"
                     r"\(?(\d{1,2})\)?\s*(?:[.):\-]\s*|\s+|$)(.*)$", re.I)
PLAIN = re.compile(r"^\s*(?:\((\d{1,2})\)|(\d{1,2})\s*([.):]))(?:\s+|$)(.*)$")
CUT = re.compile(r"^\s*(--\s*|_{5,}|-{3,}.*(original|asli|forward|terusan).*|"
                 r"(on|pada)\b.{0,200}\b(wrote|menulis)\s*:?|(from|dari)\s*:.*@.*)$", re.I)
SIGNOFF = re.compile(r"^\s*(salam\b|hormat (saya|kami)|terima ?kasih|matur nuwun|wassalam|"
                     r"regards|best regards|thanks|demikian\b)", re.I)
GREETING = re.compile(r"^\s*(yth\b|kepada\b|dengan hormat|selamat (pagi|siang|sore|malam)|"
                      r"assalamu|salam sejahtera|bapak/ibu|berikut\b.*:\s*$|.*\bjawaban\b.*:\s*$)",
                      re.I)
POINTER = re.compile(r"\b(terlampir|lampiran|attached|lihat berkas|sudah (saya |kami )?"
                     r"(lengkapi|isi|perbaiki)|siap|ok(e|ay)?)\b", re.I)
BULLET = re.compile(r"^\s*([a-z]\s*[.)]|\(?[a-z0-9]{1,2}\)|\d{1,2}\s*[.)]|[-\u2022*\u2013])\s")
ANSWER_LABEL = re.compile(r"^\s*jawaban\s*:\s*", re.I)


@dataclass(frozen=True)
class Parsed:
    answers: list[str] | None
    reason: str


def _marker(line: str) -> tuple[int, str, str] | None:
    """(number, style, rest) of a line that starts a numbered answer."""
    m = LABELED.match(line)
    if m:
        return int(m.group(1)), "label", m.group(2)
    m = PLAIN.match(line)
    if m:
        return (int(m.group(1)), "(", m.group(4)) if m.group(1) else \
               (int(m.group(2)), m.group(3), m.group(4))
    return None


def _fresh_lines(text: str) -> list[str]:
    """The reply's own lines: quoted text, the quote header and the signature cut off."""
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if CUT.match(line):
            break
        if not line.lstrip().startswith(">"):
            out.append(line.rstrip())
    return out


def _join(lines: list[str]) -> str:
    """Reflow soft-wrapped lines; keep list items, finished sentences and blank lines apart."""
    paras: list[str] = []
    glue = False
    for line in lines:
        s = line.strip()
        if not s:
            glue = False
            continue
        if glue and paras and not BULLET.match(s) and not re.search(r"[.:;?!]$", paras[-1]):
            paras[-1] += " " + s
        else:
            paras.append(s)
        glue = True
    return "\n".join(paras)


def _trim_tail(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if i and SIGNOFF.match(line):
            return lines[:i]
    return lines


def _numbered(lines: list[str], n: int) -> list[list[str]]:
    """Split at markers 1, 2, 3 … in order; other numbers inside an answer are its own list."""
    marks = [(_marker(ln), i) for i, ln in enumerate(lines)]
    items: list[list[str]] = []
    style, sub = None, False
    for (mk, i), line in zip(marks, lines):
        expected = len(items) + 1
        if mk and mk[0] == expected and (style is None or mk[1] == style or not sub) \
                and (n <= 0 or expected <= n):
            later_twin = sub and any(m and m[0] == mk[0] and m[1] == mk[1] for m, _ in marks[i + 1:])
            if not later_twin:
                style, sub = style or mk[1], False
                items.append([mk[2]] if mk[2].strip() else [])
                continue
        if items:
            if mk and mk[0] == 1:
                sub = True
            items[-1].append(line)
    return items


def parse(fresh_text: str, n_questions: int) -> Parsed:
    """Answers in question order, or None with the reason."""
    lines = _fresh_lines(fresh_text or "")
    if not any(ln.strip() for ln in lines):
        return Parsed(None, "the reply has no text of its own")
    items = _numbered(lines, n_questions)
    if items:
        items = items[:-1] + [_trim_tail(items[-1])]
        answers = [_join(it) for it in items]
        if n_questions > 0 and len(answers) < n_questions:
            return Parsed(None, f"found {len(answers)} numbered answer(s) but the letter has "
                                f"{n_questions} questions; number them 1 to {n_questions}")
        empty = [str(k + 1) for k, a in enumerate(answers) if not a]
        if empty:
            return Parsed(None, f"answer {', '.join(empty)} is empty")
        return Parsed(answers, f"{len(answers)} numbered answer(s)")
    if n_questions > 1:
        return Parsed(None, f"no numbered answers found; the letter has {n_questions} questions "
                            f"(expected '1. …' to '{n_questions}. …')")
    body = [ln for ln in lines if ln.strip()]
    while body and GREETING.match(body[0]):
        body = body[1:]
    body = _trim_tail(body)
    if body:
        body[0] = ANSWER_LABEL.sub("", body[0])
    answer = _join(body)
    words = len(answer.split())
    if words < 4:
        return Parsed(None, "the text is too short to be an answer")
    if words < 15 and POINTER.search(answer):
        return Parsed(None, "the text refers to an attachment rather than answering")
    return Parsed([answer], "one unnumbered answer")


def answers_from_text(fresh_text: str, n_questions: int) -> list[str] | None:
    """The answers typed in an official's e-mail reply, or None if it does not hold them."""
    return parse(fresh_text, n_questions).answers


def explain(fresh_text: str, n_questions: int) -> str:
    """Why `answers_from_text` took or refused the text, for the clerk."""
    return parse(fresh_text, n_questions).reason


CLOSING = re.compile(r"^\s*(demikian|atas perhatian|tembusan\b)", re.I)


def docx_answers(docx_bytes: bytes) -> list[str]:
    """Best effort: per question of an edited draft, the text after "Jawaban:" ("" if none).

    Items start at the template's "Pertanyaan" paragraph style, or at the next number
    ("2.<tab>", or "2. " in a draft without the styles), so lists inside answers stay put; an item without a "Jawaban:" label yields everything
    written below its question.
    """
    from docx import Document

    doc = Document(io.BytesIO(docx_bytes))
    paras = [(p.style.name if p.style is not None else "", p.text) for p in doc.paragraphs]
    styled = any(style == "Pertanyaan" for style, _ in paras)
    items: list[list[str]] = []
    for style, text in paras:
        if items and CLOSING.match(text):
            break
        nxt = re.match(rf"^\s*{len(items) + 1}\s*[.)]\s", text)
        if style == "Pertanyaan" or (nxt and (text[nxt.end() - 1] == "\t" or not styled)
                                     and not ANSWER_LABEL.match(text)):
            items.append([])
        elif items and text.strip():
            items[-1].append(text.strip())
    out = []
    for body in items:
        start = next((k for k, t in enumerate(body) if ANSWER_LABEL.match(t)), None)
        if start is not None:
            body = [ANSWER_LABEL.sub("", body[start], count=1)] + body[start + 1:]
        text = "\n".join(t for t in body if t.strip())
        out.append("" if text.strip() == NO_ANSWER else text.strip())
    return out
