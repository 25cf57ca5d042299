"""Kinds of naskah dinas whose layout differs from a plain letter: Nota Dinas, surat pengantar.

Permendagri 1/2023 (Tata Naskah Dinas di lingkungan Pemerintah Daerah) gives the Nota Dinas a
heading of labelled rows (Yth., Dari, Tembusan, Tanggal, Nomor, Sifat, Lampiran, Hal) under the
title NOTA DINAS, and uses a surat pengantar to send or forward other naskah dinas.
"""
from __future__ import annotations

import re

from pipeline.letter.letterhead import GOV
from pipeline.letter.lines import Line
from pipeline.letter.marks import NIP

TITLE = re.compile(r"^\s*NOTA\s+DINAS\s*$", re.I)
DARI = re.compile(r"^\s*dari\s*:\s*(.+)$", re.I)
TEMBUSAN_ROW = re.compile(r"^\s*tembusan\s*:\s*(.+)$", re.I)
HEAD = re.compile(r"^(plt\.?\s+|plh\.?\s+|pj\.?\s+)?(kepala|sekretaris|direktur)\s+", re.I)
NOMOR = re.compile(r"^\s*(nomor|no)\b\.?\s*\S", re.I)
# what a cover letter says it does with the letter behind it
FORWARD = re.compile(r"\b(teruskan|meneruskan|diteruskan|penyampaian surat|surat pengantar)\b", re.I)


def nota_dinas(lines: list[Line], kop: str | None) -> tuple[str | None, list[str]] | None:
    """(sender, tembusan) of a Nota Dinas, or None when the document is not one.

    The sender is the unit whose head writes under "Dari" (Kepala Bagian Hukum -> Bagian Hukum),
    inside the Setda named by the letterhead.
    """
    head = lines[:40]
    if not any(TITLE.match(ln.text) for ln in head):
        return None
    sender, tembusan = None, []
    for i, ln in enumerate(head):
        m = DARI.match(ln.text)
        if m and sender is None:
            unit = HEAD.sub("", _wrapped(head, i, m.group(1))).rstrip(",")
            sender = f"{unit[:1].upper()}{unit[1:]} {kop}" if kop else unit
        t = TEMBUSAN_ROW.match(ln.text)
        if t and not tembusan:
            rest = _wrapped(head, i, t.group(1))
            tembusan = [x.strip().rstrip(".") for x in rest.split(";") if x.strip()]
    return sender, tembusan


def _wrapped(lines: list[Line], i: int, value: str) -> str:
    """A row's value plus the lines it wraps onto, which start in the value's own column."""
    vx = lines[i].vx
    for nxt in lines[i + 1:i + 4]:
        if vx is None or nxt.x0 is None or abs(nxt.x0 - vx) > 0.02 or ":" in nxt.text:
            break
        value += " " + nxt.text.strip()
    return value.strip()


def forwarded(lines: list[Line]) -> tuple[list[Line], list[Line]] | None:
    """(cover, letter) when a surat pengantar is followed by the letter it forwards.

    The cover is a complete naskah dinas (it ends with its signer's NIP); a second letterhead
    with its own Nomor after that starts the forwarded letter, which is the letter to register.
    """
    first = next((i for i, ln in enumerate(lines) if NIP.search(ln.text)), None)
    if first is None:
        return None
    for k in range(first + 1, len(lines)):
        if GOV.match(lines[k].text) and any(NOMOR.match(ln.text) for ln in lines[k:k + 30]):
            cover = lines[:k]
            if FORWARD.search(" ".join(ln.text for ln in cover)):
                return cover, lines[k:]
            return None
    return None
