"""The consultation's questions: of the body's lists, the one that asks.

A letter may carry other lists: the legal bases it cites (dasar hukum: "1. Undang-Undang
Nomor 23 Tahun 2014 ..."), its enclosures, the findings it answers. Permendagri 1/2023 sets the
request's points after a lead-in that asks ("mohon penjelasan sebagai berikut:"), and the
points themselves ask. A list of regulations that asks nothing is the letter's basis, however
its lead-in is worded.
"""
from __future__ import annotations

import re

from pipeline.letter.body import bulleted, items
from pipeline.letter.lines import Line, joined
from pipeline.letter.marks import (ASKING, CLOSING, QUESTION, QUESTION_WORDS)
from pipeline.letter.misreads import cleaned

# a question's word (capitalised: a sentence that asks)
ASKS = re.compile(rf"\b(?:{QUESTION_WORDS})\b", re.I)
# an item naming a regulation, the way a naskah dinas cites its legal basis
REGULATION = re.compile(r"^\W{0,2}(?:Undang-Undang|UU\b|Peraturan|Keputusan|Instruksi|Surat Edaran|"
                        r"Perpres|Permendagri|Permenkeu|PMK\b|PP\b|Perda|Perbup|Perwal|Pergub|"
                        r"Qanun)", re.I)


def questions(lines: list[Line], start: int, end: int) -> tuple[list[str], Line | None]:
    """The numbered list that asks: most items end with "?", or its lead-in asks for advice.

    A numbered list that is not questions (enclosures, findings) is never taken for them.
    """
    nested = _nested(lines, start, end)
    if nested:
        return _cleaned(nested)
    best, best_score = [], 0.0
    for intro, lst in items(lines, start, end):
        if len(lst) > 1 and BODY_CLOSING.match(lst[-1][0]):
            lst = lst[:-1]  # the body's own paragraphs, numbered to the closing
        asks = sum(QUESTION.search(t) is not None for t, _ in lst)
        # (a bulleted list asks by its own items: under "mohon" a letter bullets what it
        # sends or whom it names, "- Salinan DPA", "- Sdr. Ahmad, NIP ...")
        asked = intro is not None and ASKING.search(intro.text) is not None \
            and not bulleted(lst[0][1])
        if asks * 2 < len(lst) and not asked:
            continue
        if not asks and 2 * sum(REGULATION.match(t) is not None for t, _ in lst) > len(lst) \
                and not (intro is not None and ASKS.search(_last_sentence(intro.text))):
            continue  # the legal basis, cited before the points (unless the lead-in asks
            # about it: "mohon penjelasan apakah ketentuan berikut masih berlaku:")
        score = asks * 2 + len(lst) * 0.1 + asked
        if score > best_score:
            best, best_score = lst, score
    return _cleaned(best or _unmarked(lines, start, end))


def _cleaned(best: list[tuple[str, Line]]) -> tuple[list[str], Line | None]:
    """The items BEST as questions: spaces folded, a scan's misreadings set right."""
    texts = [re.sub(r"\s+", " ", t).strip() for t, _ in best]
    # a misreading may straddle an item's lines ("golongan" / "Il", "dua :" / "jabatan")
    texts = [cleaned(t) if ln.ocr else t for t, (_, ln) in zip(texts, best)]
    # a scan reads a question's "?" as a closing quote ("... anggaran”"): none ends so
    texts = [re.sub(r"\??[\u201d\u201c\"']$", "?", t) if ln.ocr and QUESTION.search(t) else t
             for t, (_, ln) in zip(texts, best)]
    # and a speck after an item's last stop is no word of it ("... dimanfaatkan; Kk")
    texts = [re.sub(r"(?<=[;:])\s+(?:[^\w\s]{1,2}|[A-Z][a-z]?)$|(?<=[.?])\s+[^\w\s]{1,2}$", "", t)
             if ln.ocr else t for t, (_, ln) in zip(texts, best)]
    # a table's rule beside the text, read as "|", "[" or an unclosed "(" before its first word,
    # or a speck read as a quote apart from it (a quotation's mark stands against its word)
    texts = [re.sub(r"^[|\[]\s*(?=[A-Z])|^['\u2018\u2019\u201c\"]\s+(?=[A-Z])|^\(\s*(?=[A-Z])", "", t)
             if ln.ocr and (t[:1] != "(" or t.count("(") > t.count(")")) else t
             for t, (_, ln) in zip(texts, best)]
    return _unpunctuated(texts), (best[0][1] if best else None)


def _unpunctuated(texts: list[str]) -> list[str]:
    """Items without their list punctuation (";" between, "." closing; a scan's ":" or ",")."""
    return [t.rstrip(";,:.").rstrip() if not t.endswith("...") else t for t in texts]


def _nested(lines: list[Line], start: int, end: int) -> list[tuple[str, Line]]:
    """Questions lettered under a numbered paragraph of a body written as numbered paragraphs
    throughout (naskah dinas may number every paragraph: "1. Sehubungan …", "2. Adapun
    kondisi …: a. … b. …", "3. Adapun hal-hal yang kami konsultasikan …: a. … b. …"): the
    sub-list of the paragraph whose lead-in, up to its colon, asks."""
    index = {id(ln): k for k, ln in enumerate(lines)}
    for _, lst in items(lines, start, end):
        lst = _to_closing(lst)
        if len(lst) < 2 or not BODY_CLOSING.match(lst[-1][0]):
            continue
        heads = [index[id(ln)] for _, ln in lst if id(ln) in index] + [end]
        for (text, ln), nxt in zip(lst, heads[1:]):
            lead = text.split(":", 1)[0]
            if ":" not in text or not ASKING.search(lead) or id(ln) not in index:
                continue
            # (the points must ask themselves: under "mohon diverifikasi:" a body lists the
            # documents it sends, under "hasil konsultasi sebelumnya:" the facts)
            for sub in (s for _, s in items(lines, index[id(ln)] + 1, nxt)):
                if sub and 2 * sum(QUESTION.search(t) is not None for t, _ in sub) >= len(sub):
                    return sub
    return []


def _to_closing(lst: list[tuple[str, Line]]) -> list[tuple[str, Line]]:
    """LST to its closing paragraph, where what follows it is not numbered on from it: on a
    scan, a speck before the signature's post read as a number ("4. Demikian …" / "44. Plt:
    Kepala Dinas …") is no paragraph of the body."""
    k = next((k for k in range(len(lst) - 1, 0, -1) if BODY_CLOSING.match(lst[k][0])), None)
    if k is None or k == len(lst) - 1:
        return lst
    number = [re.match(r"\s*\(?(\d{1,2})", ln.text) for _, ln in lst[k:k + 2]]
    if None in number or int(number[1].group(1)) == int(number[0].group(1)) + 1:
        return lst
    return lst[:k + 1]


def _unmarked(lines: list[Line], start: int, end: int) -> list[tuple[str, Line]]:
    """Questions whose marks the page does not show (a scan lost Word's small bullets): after
    a lead-in that asks and ends with a colon, the sentences that follow it, each opening
    with a question's word and ending with "?", one after another to the closing."""
    # (the lead-in's asking word may stand on a line before its last: "… kami mohon
    # penjelasan atas hal-" / "hal sebagai berikut:")
    lead = next((i for i in range(start, end) if lines[i].text.rstrip().endswith(":")
                 and any(ASKING.search(ln.text) for ln in lines[max(start, i - 2):i + 1]
                         if not ln.blank)), None)
    found: list[tuple[str, Line]] = []
    if lead is None:
        return found
    cur: tuple[str, Line] | None = None
    for ln in lines[lead + 1:end]:
        if ln.blank and cur is None:
            continue
        if cur is None:
            # (the bullet may be read as a mark of another kind: ": Bagaimana …")
            text = re.sub(r"^[^\w\s(\"'\u201c]{1,2}\s+", "", ln.text.strip())
            if not (ASKS.match(text) and text[:1].isupper()) or CLOSING.match(ln.text):
                break
            cur = (text, ln)
        elif ln.blank:
            break  # a question's sentence does not run on past a blank
        else:
            cur = (joined(cur[0], ln.text), cur[1])
        if cur[0].rstrip().endswith("?"):
            found.append(cur)
            cur = None
    return found


def _last_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip())[-1]


ATTACHED = re.compile(r"\bterlampir\b", re.I)  # what a letter says of what it sends with it
# a numbered body's last paragraph, its closing ("4. Demikian …"); not "Selanjutnya, kami
# mohon …", which a list of questions may end with
BODY_CLOSING = re.compile(r"^\s*(?:demikian|atas perhatian|terima kasih|wassalam|besar harapan|"
                          r"untuk koordinasi|sebagai bahan pertimbangan)\b", re.I)
# an attachment's heading (Permendagri 1/2023: LAMPIRAN, the naskah it belongs to, its Nomor,
# Tanggal and Hal), over a list of questions the letter sent "sebagaimana terlampir"
# (its label in a narrow cell may wrap: "LAMPIRA" / "N", "LAMPIR" / "AN"; a letter's own
# "Lampiran : 1 (satu) berkas" row is no attachment's heading)
HEADING_LINES = 12  # an attachment's heading block: the letter's kind and unit, NOMOR, TANGGAL
ATTACHMENT = re.compile(r"^\s*LAMPIR(?:AN\b|A\b|\b)(?!\s*:\s*(?:-|\d|satu|dua|tiga)\b)", re.I)


def attached(lines: list[Line], start: int) -> tuple[list[str], Line | None]:
    """The questions of an attachment after line START (the letter's end), where the letter
    says they are attached ("sebagaimana terlampir") and the attachment's list asks (a list
    of names or documents "yang dimohonkan" is no list of questions)."""
    if not any(ATTACHED.search(ln.text) for ln in lines[:start]):
        return [], None
    at = next((k for k in range(start, len(lines)) if ATTACHMENT.match(lines[k].text)
               and any(re.match(r"^\s*(nomor|tanggal)\b", ln.text, re.I)
                       for ln in _heading(lines, k + 1))), None)
    texts, first = questions(lines, at + 1, len(lines)) if at is not None else ([], None)
    if 2 * sum(QUESTION.search(t) is not None for t in texts) < len(texts):
        return [], None
    return texts, first


def _heading(lines: list[Line], k: int) -> list[Line]:
    """The lines of an attachment's heading block from K on, to its first blank line: the
    letter it belongs to may wrap over six lines or more in the block's narrow cell ("SURAT
    KEPALA DINAS" / "PENGENDALIAN" / "PENDUDUK, KELUARGA" / ...) before its NOMOR."""
    out = []
    for ln in lines[k:k + HEADING_LINES]:
        if ln.blank:
            break
        out.append(ln)
    return out
