"""Turn a letter's lines into its fields; format-agnostic, so every reader shares it."""
from __future__ import annotations

import re

from pipeline.letter import (asktable, body, bodyclean, copies, letterhead, marks, naskah, nomor,
                             numerals, sender)
from pipeline.letter.dates import PLACE_DATE, alone_date, find_date, place_date
from pipeline.letter.lines import Line, joined
from pipeline.letter.misreads import respelt
from pipeline.letter.model import LetterReading
from pipeline.letter.questions import attached, questions
from pipeline.letter.signature import YEAR, signature

# ("Lampira": the label wrapped in a narrow cell, its "n" on the line below)
# (a speck after the label, before its colon, read as a comma: "HAL, :")
LABEL = re.compile(r"^\s*(nomor|no|sifat|lampiran|lampira|lamp|hal|perihal)\b\.?\s*"
                   r"(?:([-\u2013\u2014._~=>]+|[,'](?=\s*:))\s*)?([:;])?\s*(.*)$",
                   re.I)  # (">": a scan's ":")
KEYS = {"nomor": "nomor", "no": "nomor", "sifat": "sifat", "lampiran": "lampiran",
        "lampira": "lampiran", "lamp": "lampiran", "hal": "hal", "perihal": "hal"}
YTH = re.compile(r"\bYth\b\.?\s*:?\s*(.*)$", re.I)
DI = re.compile(r"^\s*di\b\s*[-:.]?", re.I)
HONORIFIC = re.compile(r"^(bapak|ibu|bapak/ibu|sdr\.?|saudara)\s+", re.I)
# any other "Label :" row of a heading block (Nota Dinas: Dari, Tembusan, Tanggal)
FIELD = re.compile(r"^\s*(dari|tembusan|tanggal|kepada)\s*:", re.I)
STREET = re.compile(r"^\s*(jalan|jl\.?|j[i1]\.)\s", re.I)  # (a scan reads "Jl." as "Ji.")
NONE_VALUES = {"", "-", "\u2013", "\u2014", "--", "nihil", "tidak ada", "0"}


def _prov(ln: Line | None, conf: float = 1.0) -> dict:
    if ln is None:
        return {"page": 1, "ocr": False, "confidence": round(conf, 2)}
    c = conf * (min(ln.conf, 1.0) * 0.95 if ln.ocr else 1.0)
    return {"page": ln.page, "ocr": ln.ocr, "confidence": round(c, 2)}


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _cut_date(value: str) -> str:
    """Drop a "Tegal, 26 Juli 2026" that shares the line with a labelled value."""
    m = re.search(r"\s{2,}|\s+[A-Z][a-z]+,\s*\d", value)
    return value[:m.start()] if m and find_date(value[m.start():]) else value


# the words a Lampiran's value is made of when it has no digit ("Satu berkas", "Terlampir")
ENCLOSED = set(numerals.UNITS) | set(numerals.ONE_OF) | {
    "berkas", "lembar", "eksemplar", "set", "buku", "bundel", "bendel", "map", "dokumen", "keping",
    "ada", "terlampir"}


def _spelled(value: str) -> str:
    """Lampiran is written "2 (dua) lembar": the count in words decides a misread digit."""
    m = re.match(r"^[^(]{0,6}\(([A-Za-z]+(?: [A-Za-z]+){0,3})\)\s*(.*)$", value)
    n = numerals.value(m.group(1)) if m else None
    return f"{n} ({m.group(1)}) {m.group(2)}".strip() if n else value


def _ends(text: str) -> bool:
    return text.rstrip().endswith((".", ":", "?"))


def _date_column(ln: Line, label: Line) -> bool:
    """A "Place, date" standing well right of the Nomor label: Permendagri 1/2023 puts the
    letter's date at the top right, beside the Nomor row, so it is not more of the number."""
    return ln.x0 is not None and label.x0 is not None and ln.x0 > label.x0 + 0.3 \
        and bool(place_date(ln.text) or alone_date(ln.text) or re.match(r"^[A-Z][a-z]+,\s*\d", ln.text))


def _scanned_label(text: str) -> str:
    """A scanned label row as typed: a speck before the label ("`: Sifat : Biasa`") dropped, and
    a colon read as "1" or "l" before a capitalised value ("Hal 1 Permohonan ...") a colon; a
    Sifat whose first letters the scan lost ("fat : Penting") is the Sifat."""
    bare = re.sub(r"^\s*[^\w\s]{1,3}\s+(?=[A-Za-z])", "", text)
    bare = re.sub(r"^\s*[Ss]?[iIl1]?fat(?=\s*[:;])", "Sifat", bare)
    m = LABEL.match(bare)
    text = bare if m and m.group(3) else text  # ("- Sifat kegiatan ..." is a body's bullet)
    return re.sub(r"^(\s*(?:sifat|hal|perihal)\b\.?\s+)[1lI|!](?=\s+[A-Z])", r"\1:", text, flags=re.I)


def _split_row(lines: list[Line], i: int, end: int) -> tuple[str, int]:
    """Line I of a scan as a label row, and how many lines below it that took (0 or 1). A
    phone photo's curve may part a row: the label with its colon's upper dot read as a letter
    ("Hal P"), and the value a little lower, opening with the colon's other half (". Permohonan
    ..."), right of the label. That is one row, "Hal : Permohonan ..."."""
    text = _scanned_label(lines[i].text)
    m = re.match(r"^\s*(sifat|lampiran|hal|perihal)\b\.?\s*[^\s\d]?\s*$", text, re.I)
    nxt = lines[i + 1] if i + 1 < end else None
    v = nxt and re.match(r"^\s*[.:;,]\s+(?=[A-Z0-9(])(.*)$", nxt.text)
    if not (m and v) or None in (nxt.x0, lines[i].x1) or nxt.x0 < lines[i].x1:
        return text, 0
    return f"{m.group(1)} : {v.group(1)}", 1


# the Sifat's values: by security (Permendagri 1/2023: Sangat Rahasia, Rahasia, Terbatas, Biasa)
# and by speed (Amat or Sangat Segera, Segera), and "Penting", which letters use too
SIFAT = ("Biasa", "Penting", "Segera", "Sangat Segera", "Amat Segera", "Rahasia", "Sangat Rahasia",
         "Terbatas")


def _sifat(value: str) -> str:
    """A scanned Sifat whose end the scan lost ("Penti"): the one value it is the beginning of."""
    hits = [v for v in SIFAT if len(value) >= 3 and v.lower().startswith(value.lower())]
    return hits[0] if len(hits) == 1 and hits[0].lower() != value.lower() else value


def _labels(lines: list[Line], end: int, r: LetterReading) -> int:
    """Read Nomor/Sifat/Lampiran/Hal; returns the index after the last labelled line."""
    last = 0
    for i in range(end):
        text, skip = _split_row(lines, i, end) if lines[i].ocr else (lines[i].text, 0)
        m = LABEL.match(text)
        if not m:
            continue
        key = KEYS[m.group(1).lower()]
        sep = m.group(3) or m.group(2)
        if getattr(r, key) is not None or (not sep and key == "hal"):
            continue
        value = _cut_date(m.group(4)).strip().lstrip("-:;. ")
        conf = 1.0 if m.group(3) else 0.8
        if lines[i].ocr and not m.group(3):  # OCR read the colon as "1", "l" or "!"
            value = re.sub(r"^[1lI|!i]\s*[:;]\s*|^[|!i]\s+", "", value)
            # "Lampiran : -" (no enclosure) read "1 -": a count is never a bare digit and a dash
            value = re.sub(r"^[1lI]\s*(?=[-\u2013\u2014]$)", "", value)
        if key == "nomor":
            value = re.sub(r"\s*([/\-.])\s*", r"\1", value)
            if lines[i].ocr:
                value = nomor.roman_month(re.sub(r"^[^0-9A-Za-z]+", "", value.replace(" ", "")))
                # a classification code has three digits and a dot ("800.1.2"), and "B-"
                # opens a number: a "1", "l" or "|" before them is the label's colon, misread,
                # or a speck; so is one before a three-digit sequence number where no colon
                # was read (after a colon, "1387/000.1.2.3/…" is a four-digit sequence number)
                value = re.sub(r"^(?:[lI|]|1(?=\d{3}\.|B-))(?=\d{3}[./]|B-)", "", value)
                if not m.group(3):
                    value = re.sub(r"^1(?=\d{3}/)", "", value)
            value = value.split(" ")[0].rstrip(".,;:")
            if not re.search(r"\d", value):
                continue
        if key in ("hal", "lampiran", "sifat") or (
                key == "nomor" and not nomor.YEAR_END.search(value)):
            # a value wraps in its own column (a narrow table cell, a long Hal): the lines
            # below it, indented past the labels, up to the next label or the addressee
            beside = None  # where a column beside the block (the date, Kepada) starts
            for nxt in lines[i + 1 + skip:end]:
                piece = nxt.text.strip()
                if beside is not None and nxt.x1 is not None and nxt.x0 is not None \
                        and nxt.x0 < beside - 0.02 and nxt.x1 > beside + 0.05:
                    break  # from the block's column well into the other's: the body, under both
                if key == "nomor" and _date_column(nxt, lines[i]):
                    continue  # the letter's date at the right of the Nomor row, read between
                more = nomor.wrapped(value, piece, nxt.ocr) if key == "nomor" and (
                    nxt.x0 is None or lines[i].x0 is None or nxt.x0 > lines[i].x0 + 0.02) else None
                if more:
                    value = more  # the rest of a number wrapped in its cell
                    if nomor.YEAR_END.search(value):
                        break
                    continue
                if nxt.x0 is not None and lines[i].vx is not None and nxt.x0 > lines[i].vx + 0.08 \
                        and not (LABEL.match(nxt.text) or FIELD.match(nxt.text)):
                    beside = min(beside or 1.0, nxt.x0)
                    continue  # another column on the rows of the block (the date, Kepada)
                if nxt.blank or LABEL.match(nxt.text) or YTH.search(nxt.text) or FIELD.match(nxt.text) \
                        or DI.match(nxt.text) or find_date(nxt.text) or marks.ITEM.match(nxt.text):
                    break
                if re.match(r"^\s*(kepada\s*(yth\b.*)?:?\s*$|dengan hormat|assalamu)", nxt.text,
                            re.I) or re.match(r"^\s*(Kepada|KEPADA)\b", nxt.text):
                    break  # the addressee's column, or the body's greeting (a Hal may wrap
                    # before its own "kepada": "... Bantuan Keuangan" / "kepada Partai Politik")
                if nxt.x0 is not None and lines[i].vx is not None and \
                        lines[i].x0 + 0.02 < nxt.x0 < lines[i].vx - 0.015:
                    break  # the body's indented first line: a value wraps in its own column
                if nxt.x0 is not None and lines[i].x0 is not None and nxt.x0 <= lines[i].x0 + 0.02:
                    # a typed "Hal<tab>: …" wraps back to the margin; it is still the Hal when
                    # the heading block ends right after it (a blank, Kepada, Yth.)
                    k = lines.index(nxt) + 1
                    after = lines[k] if k < len(lines) else None
                    if key == "hal" and len(nxt.text) < 100 and not _ends(nxt.text) and (
                            after is None or after.blank or YTH.search(after.text)
                            or re.match(r"^\s*kepada\b", after.text, re.I)):
                        value = joined(value, nxt.text)
                    break
                if nxt.x0 is None and len(nxt.text) > 60:
                    break
                if key == "nomor":  # Permendagri numbers end with the year: "…/DPUPR/2026"
                    piece = nxt.text.strip()
                    if " " in piece or not ("/" in piece or (value.endswith("/") and piece.isalnum())):
                        break
                    value += nxt.text.strip()
                    if nomor.YEAR_END.search(value):
                        break
                    continue
                value = joined(value, nxt.text)
        if key == "lampiran":
            value = _spelled(value)
        if key == "lampiran" and lines[i].ocr and not (
                re.search(r"\d", value) and re.search(r"[A-Za-z]{2}", value)
                or ENCLOSED & set(re.findall(r"[a-z]+", value.lower()))):
            # a count is always named ("2 (dua) lembar", "Satu berkas", "Ada"): "1.", "2 -",
            # "te", "oad" are a "-" misread
            value = "-"
        if key == "lampiran" and value.lower().strip(" .") in NONE_VALUES:
            setattr(r, key, None)
            r.provenance[key] = _prov(lines[i], conf)
            last = i + 1
            continue
        value = _fold(value).rstrip(";,")
        if key == "nomor" and lines[i].ocr:
            value = nomor.roman_month(value)  # again, now that a wrapped number is whole
            # a classification code's parts are joined by dots (600.1.1): a comma is a misread
            # dot; and no number holds a "!": beside a digit it is a 1 ("B-195!/Dishub")
            value = re.sub(r"(?<=\d)!|!(?=\d)", "1", re.sub(r"(?<=\d),(?=\d)", ".", value))
        if key == "sifat" and lines[i].ocr:  # a speck before it, read as "1" or "|"
            value = _sifat(re.sub(r"^(?:[^A-Za-z\s]+\s+)+", "", value))
        if value:
            setattr(r, key, value)
            r.provenance[key] = _prov(lines[i], conf)
            last = i + 1
    return last


def _tujuan(lines: list[Line], start: int, end: int) -> tuple[str | None, Line | None, int]:
    places = {_fold(m.group(1)).lower() for ln in lines[:end]
              if place_date(ln.text) and (m := PLACE_DATE.match(ln.text))}
    for i in range(start, end):
        m = YTH.search(lines[i].text)
        if not m:
            continue
        first = m.group(1).strip()
        if lines[i].ocr:  # (a colon apart after it is a speck at the paper's edge, read onto
            # its row: the addressee is no label, "Yth. Inspektur Daerah :")
            first = re.sub(r"\s+:$", "", first)
        parts = [first] if first else []
        j = i + 1
        while j < end and j < i + 6:
            ln = lines[j]
            if (ln.blank and not parts) or place_date(ln.text) or alone_date(ln.text):
                j += 1  # (the letter's date, set beside the addressee, is no part of it)
                continue
            if ln.blank or DI.match(ln.text) or marks.ITEM.match(ln.text) or LABEL.match(ln.text) \
                    or FIELD.match(ln.text) or ln.text.rstrip().endswith(":"):
                break
            if STREET.match(ln.text):  # the addressee's street address is not the addressee
                j += 1
                break
            if parts and ln.ocr and _fold(ln.text).lower() in places and re.search(
                    r"\b(kabupaten|kota|provinsi)\b", " ".join(parts), re.I) and not re.search(
                    r"\b(kabupaten|kota|provinsi)$", parts[-1], re.I) and (
                    j + 1 >= end or lines[j + 1].blank):
                break  # the place under a "di" the scan lost: the letter's own place, alone
                # under an office named with its region (not a region's name wrapped after its
                # kind, "Inspektur Kabupaten" / "Jayapura", nor "Yth. Bupati" / "Sleman")
            if len(ln.text.strip()) > 60 or (parts and ln.text.rstrip().endswith(".")):
                break
            if ln.x0 is not None and lines[i].x0 is not None and ln.x0 < lines[i].x0 - 0.03:
                break
            if ln.ocr and not re.search(r"[A-Za-z]", ln.text):
                j += 1  # a speck beside the addressee's column (".1"): no part of it
                continue
            if parts and ln.ocr and re.fullmatch(r"[A-Z]", parts[-1]) and ln.text.strip()[:1].islower():
                parts[-1] += ln.text.strip()  # a word OCR cut after its capital ("D" / "enpasar")
            else:
                parts.append(ln.text.strip())
            j += 1
        while j < end and (DI.match(lines[j].text) or (lines[j].blank and j < i + 6)):
            j += 1
            if j < end and not lines[j].blank and len(lines[j].text.split()) <= 3:
                j += 1
                break
        if len(parts) > 1 and lines[i].ocr and re.fullmatch(r"[A-HJ-UWYZ]", parts[-1]):
            parts.pop()  # a lone capital no word went on from: a speck too (I, V, X: a Roman
            # numeral wrapped to a line of its own, "Kantor Wilayah" / "I")
        # (a mark before it is a speck or a dash read off the scan: ", Bapak Inspektur")
        text = HONORIFIC.sub("", re.sub(r"^[^\w(]+", "", _fold(" ".join(parts)))).rstrip(",")
        return text or None, lines[i], j
    return None, None, start


def _joined(lines: list[Line]):
    """Each line, and a date wrapped in a narrow column ("Tegal, 3 Maret" / "2026") made whole."""
    for i, ln in enumerate(lines):
        if ln.x0 is not None and re.search(r"\d$|[A-Za-z]{3,10}\.?$|-$", ln.text) \
                and not find_date(ln.text):
            # (its column's lines set flush left, or flush right as a date at the top right is)
            same = next((n for n in lines[i + 1:i + 4] if n.x0 is not None and (
                abs(n.x0 - ln.x0) < 0.01 or None not in (n.x1, ln.x1) and n.x0 > ln.x0
                and abs(n.x1 - ln.x1) < 0.01)), None)
            # in its own column, or (a tab-pushed date on the Nomor row) wrapped to the margin
            for nxt in [n for n in (same, lines[i + 1] if i + 1 < len(lines) else None) if n]:
                glue = "" if ln.text.endswith("-") else " "
                whole = ln.text.strip() + glue + nxt.text.strip()
                if len(nxt.text.strip()) <= 16 and (place_date(whole) or alone_date(whole)):
                    yield ln, whole
                    break
        yield ln, ln.text


def _tanggal(lines: list[Line], r: LetterReading) -> None:
    """The letter's own date: "Place, date" or a date alone, at the top or above the signer.

    Permendagri 1/2023 puts the place and date of a letter at its top right (or above the
    signature); a date inside the body's sentences (an audit report's, a meeting's) never
    stands on a line of its own, so it is never taken.
    """
    for ln, text in _joined(lines):
        if ln.ocr:  # (a scan may read the place's first letter as a mark: "<avalak, 27 …";
            # a place of one word, not a sentence's words after a bullet, "•pada hari Senin,")
            text = re.sub(r"^[^\w\s]{1,2}(?=[a-z]{3,},\s*\d)", "X", text)
        iso = place_date(text) or alone_date(text)
        if iso and not LABEL.match(ln.text):
            r.tanggal, r.provenance["tanggal"] = iso, _prov(ln)
            return
    for k, ln in enumerate(lines):  # the date at the right of the Nomor row, glued to the number
        m = LABEL.match(ln.text)
        rest = re.sub(r"\s*/\s*", "/", m.group(4)).split(None, 1) \
            if m and KEYS[m.group(1).lower()] == "nomor" else []
        iso = (place_date(rest[1]) or alone_date(rest[1])) if len(rest) == 2 else None
        # its year wrapped under it, in the date's column ("Tanjung Selor, 16 Desember" / "2025")
        year = next((n.text.strip() for n in lines[k + 1:k + 4] if YEAR.fullmatch(n.text.strip())
                     and n.x0 is not None and ln.x0 is not None and n.x0 > ln.x0 + 0.3), None)
        if not iso and len(rest) == 2 and year:
            iso = place_date(f"{rest[1]} {year}") or alone_date(f"{rest[1]} {year}")
        if iso:
            r.tanggal, r.provenance["tanggal"] = iso, _prov(ln)
            return
    for ln in lines:
        m = re.match(r"^\s*tanggal\b\W{0,3}\s*(.*)", ln.text, re.I)
        hit = find_date(m.group(1)) if m else None
        if hit:
            r.tanggal, r.provenance["tanggal"] = hit[0], _prov(ln, 0.9)
            return


def parse(lines: list[Line], fmt: str, opd_names: list[str] | None = None) -> LetterReading:
    lines = asktable.with_questions_column(bodyclean.clean(respelt(lines)))
    split = naskah.forwarded(lines)
    if split:  # a surat pengantar: the forwarded letter is the letter, the cover's number a note
        cover, letter = split
        head = LetterReading()
        _labels(cover, len(cover), head)
        r = _parse(letter, fmt, opd_names)
        r.pengantar = head.nomor
        if head.nomor:
            r.provenance["pengantar"] = head.provenance.get("nomor", _prov(None))
        r.pages_read = max((ln.page for ln in lines), default=0)
        return r
    return _parse(lines, fmt, opd_names)


def _parse(lines: list[Line], fmt: str, opd_names: list[str] | None) -> LetterReading:
    r = LetterReading(format=fmt)
    head_end = next((i for i, ln in enumerate(lines) if marks.CLOSING.match(ln.text)), len(lines))
    after_labels = _labels(lines, head_end, r)
    r.tujuan, yln, body_start = _tujuan(lines, 0, head_end)
    if yln is not None:
        r.provenance["tujuan"] = _prov(yln)
    body_start = max(body_start, after_labels)
    end = body.closing_index(lines, body_start)
    r.pertanyaan, qln = questions(lines, body_start, end)
    if not r.pertanyaan:  # (sent "sebagaimana terlampir": on the attachment after the letter)
        r.pertanyaan, qln = attached(lines, end)
    if qln is not None:
        r.provenance["pertanyaan"] = _prov(qln, 0.95)
    sig, sln, after_sig = signature(lines, body_start)
    if sig:
        r.penandatangan, r.provenance["penandatangan"] = sig, _prov(sln, 0.95 if sig["nip"] else 0.6)
    r.tembusan, tln = copies.tembusan(lines, max(after_sig, body_start))
    if tln is not None:
        r.provenance["tembusan"] = _prov(tln, 0.95)
    _tanggal(lines[:head_end] + lines[end:], r)
    if r.nomor and r.tanggal and r.provenance.get("nomor", {}).get("ocr"):
        r.nomor = nomor.year_apart(nomor.month_numeral(r.nomor, int(r.tanggal[5:7])), r.tanggal[:4])
    kop = letterhead.from_letterhead(lines)
    if kop:
        name, kln, where = kop
        r.provenance["pengirim"] = _prov(kln, 0.95)
        if kln.ocr and sig and sig.get("jabatan"):
            name = letterhead.agree(name, letterhead.from_signer(sig["jabatan"]))
            sig["jabatan"] = letterhead.told(sig["jabatan"], name, where)
    elif sig and sig.get("jabatan"):
        name = sender.from_post(sig["jabatan"], r.tujuan)
        r.provenance["pengirim"] = _prov(sln, 0.7)
    else:
        name = None
    nota = naskah.nota_dinas(lines, name if kop else None)
    if nota:
        name = nota[0] or name
        r.tembusan = r.tembusan or nota[1]
    r.pengirim = letterhead.canonical(name, opd_names)
    r.pages_read = max((ln.page for ln in lines), default=0)
    return r
