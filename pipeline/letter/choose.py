"""Pick the letter among an e-mail's attachments (annexes, spreadsheets, photos, forwards).

Every candidate is read in the sandbox and scored by how letter-like the reading is; photos
are only OCR'd when no document attachment already looks like a letter.
"""
from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass, field

from pipeline.letter.model import LetterReading, Limits, Refused
from pipeline.letter.reader import read_text
from pipeline.letter.sandbox import read_letter
from pipeline.letter.sniff import sniff

NOT_LETTERS = ("spreadsheet", "presentation", "zip archive", "unsupported file type", "empty file",
               "no readable text")
GOOD = 0.7
BODY_MIN = 0.6
# A naskah dinas has at least a Nomor, a Hal, the addressee, the body, the signer's position and
# name: six lines. A shorter mail body ("Terlampir surat kami nomor ... hal ...") only points to
# a letter, and reading it as one would book a case with no letter behind it.
BODY_LINES = 6


@dataclass
class Choice:
    filename: str | None
    reading: LetterReading | None
    why: str
    refused: list[tuple[str, str]] = field(default_factory=list)


def _expand(attachments, depth: int = 0) -> tuple[list[tuple[str, str, bytes]], list[str]]:
    """Flatten forwarded messages (.eml / message/rfc822) into their parts and body texts."""
    files, bodies = [], []
    for name, ctype, payload in attachments:
        name = name or ""
        is_eml = (ctype or "").lower() == "message/rfc822" or name.lower().endswith(".eml")
        if is_eml and depth < 3:
            msg = email.message_from_bytes(payload, policy=email.policy.default)
            inner, texts = [], []
            for part in msg.walk():
                if part.is_multipart():
                    continue
                ct = part.get_content_type()
                if ct == "message/rfc822" or part.get_filename():
                    raw = part.get_payload(decode=True)
                    if raw is None and ct == "message/rfc822":
                        raw = part.get_payload()[0].as_bytes() if part.get_payload() else b""
                    inner.append((part.get_filename() or "forwarded.eml", ct, raw or b""))
                elif ct == "text/plain":
                    texts.append(part.get_content())
            f, b = _expand(inner, depth + 1)
            files += f
            bodies += texts + b
        else:
            files.append((name, ctype, payload))
    return files, bodies


def _kind(name: str, payload: bytes) -> str | None:
    try:
        kind = sniff(payload, name)
    except Refused:
        return "hostile" if payload[:2] in (b"MZ", b"\x7fE") else None
    if kind == "zip" and name.lower().endswith((".xlsx", ".xls", ".pptx", ".zip", ".rar")):
        return None
    return kind


def choose_letter(attachments: list[tuple[str, str, bytes]], body_text: str,
                  limits: Limits | None = None, opd_names: list[str] | None = None) -> Choice:
    files, bodies = _expand(attachments)
    refused: list[tuple[str, str]] = []
    docs, images = [], []
    for name, ctype, payload in files:
        kind = _kind(name, payload)
        if kind == "hostile":
            try:
                sniff(payload, name)
            except Refused as e:
                refused.append((name, e.reason))
        elif kind in ("pdf", "zip"):
            docs.append((name, payload))
        elif kind == "image":
            images.append((name, payload))
    readings: list[tuple[float, str, LetterReading]] = []

    def read_all(cands):
        for name, payload in cands:
            try:
                r = read_letter(payload, name, limits, opd_names)
            except Refused as e:
                if not e.reason.startswith(NOT_LETTERS):
                    refused.append((name, e.reason))
                continue
            readings.append((r.score(), name, r))

    read_all(docs)
    if not readings or max(s for s, _, _ in readings) < GOOD:
        read_all(images)
    n = len(docs) + len(images)
    if readings:
        score, name, best = max(readings, key=lambda t: t[0])
        if score >= 0.3:
            why = ("only PDF/DOCX attachment" if n == 1 and docs else
                   "only image attachment" if n == 1 else
                   f"highest letter score among {n} attachments")
            return Choice(name, best, why, refused)
    for text in [body_text or ""] + bodies:
        if sum(1 for line in text.splitlines() if line.strip()) < BODY_LINES:
            continue
        r = read_text(text, opd_names)
        if r.score() >= BODY_MIN and r.nomor and r.hal:
            return Choice(None, r, "letter typed in the e-mail body", refused)
    why = "no letter found" if not refused else "no letter found; hostile attachments refused"
    return Choice(None, None, why, refused)
