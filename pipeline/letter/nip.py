"""The signer's NIP (Nomor Induk Pegawai) as printed under the name, and as a scan spoils it.

BKN builds the 18 digits as birth date (8), year and month of appointment (6), sex (1) and
sequence (3), printed flat or spaced ("19700101 199503 1 001") after "NIP", "NIP." or "NIP:".
On a scan the stamp's ring may eat the label or cross it; the number's shape still tells it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.letter.bodyclean import nip_tail
from pipeline.letter.lines import Line
from pipeline.letter.marks import NIP

# (the label's P read B, the NIP's 1 read as "¥" under the stamp: "NIB:¥97106221997081001",
# or as a bracket or a "!" on a photo: "NIP: 19670422 19941] 2 005")
MISREAD = "OoIilT|\u00a5][!"  # each a digit misread: 0, 0, and 1 for the rest
SPOILT_NIP = re.compile(rf"^.{{0,8}}?\bNI[PB]\W{{0,2}}([0-9{re.escape(MISREAD)}]"
                        rf"[0-9{re.escape(MISREAD)}\s]{{17,31}})")
# the label alone still reading, its digits too spoilt for a NIP ("NIP. 1975091 80409198"):
# it places the block, and gives no NIP (only where no line reads as a NIP: an employee's
# number cut short in the body, or a firm's NIB, is no signer's)
SPOILT_DIGITS = re.compile(r"^\W{0,4}NIP\b\W{0,3}(\d[\d\s]{7,30})\s*$")
# (at the line's start, or after what is left of the label: "Sy —MP019810727 200612 1 006")
GLUED_LABEL = re.compile(r"(?:^\W*|(?<=[A-Z]))\d(?=(?:19|20)\d{6}\s)")
# the label and the birth date both under the stamp's ring ("NE229040615 200712 1 004"): the
# rest of a NIP as printed, spaced, ends the line (year and month of appointment, sex, sequence);
# it places the block, but its digits (group 1, too few) are no NIP
NIP_TAIL = re.compile(r"^\D{0,6}?[\dOoIil|][\d\s]{2,12}\s"
                      r"(((?:19|20)\d{2}(?:0[1-9]|1[0-2]))\s[12]\s\d{3})\s*$")
# the label eaten and the birth year's 1 misread ("SMP 492607231988121006", "Nips 2970…": no
# year is 29..), or read as a letter where the stamp's ring crosses it ("LA . Y9740…"): the
# rest is a NIP's shape (a birth month and day, a year of appointment and its month);
# nip_digits mends it
MISREAD_YEAR = re.compile(r"((?:(?<!\d)(?:[3-9]|2(?=9))|(?<![\dA-Za-z])[A-Za-z])9\d{2}"
                          r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?"
                          r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])\s?[12]\s?\d{3})(?!\d)")
MISREAD_DIGITS = str.maketrans(MISREAD, "00" + "1" * (len(MISREAD) - 2))
BARE_NIP = re.compile(r"(?<!\d)(((?:19|20)\d{2})(\d{2})(\d{2})\s?((?:19|20)\d{2})(\d{2})\s?[12]\s?\d{3})(?!\d)")


def nip_match(text: str) -> re.Match | None:
    """The NIP after its label, or on a scan whose stamp ate the label, an 18-digit number built
    as a NIP is (BKN: birth date, year and month of appointment, sex, sequence); or a label the
    stamp's ring crossed, its dot read as a mark and a 1 as T ("NIP-T9700512 ..."), where the
    digits are a NIP's shape."""
    m = NIP.search(text) or SPOILT_NIP.search(text)
    if m and (m.re is NIP or _nip_shaped(BARE_NIP.fullmatch(nip_digits(m.group(1), True)))):
        return m
    # (the label eaten but for its last letter, read as a digit glued to the birth date:
    # "419700512 199503 2 004", eight digits and one before them)
    m = BARE_NIP.search(text) or BARE_NIP.search(GLUED_LABEL.sub(" ", text))
    if _nip_shaped(m):
        return m
    m = MISREAD_YEAR.search(text)
    if m and len(nip_digits(m.group(1), True)) == 18 and _nip_shaped(
            BARE_NIP.fullmatch(nip_digits(m.group(1), True))):
        return m
    return NIP_TAIL.search(text)


def _nip_shaped(m: re.Match | None) -> bool:
    return bool(m) and 1 <= int(m.group(3)) <= 12 and 1 <= int(m.group(4)) <= 31 \
        and 1 <= int(m.group(6)) <= 12 and int(m.group(5)) - int(m.group(2)) >= 17


def nip_digits(raw: str, ocr: bool) -> str:
    """The NIP's digits; on a scan, a birth year's first digit misread ("498110..." for
    "198110...") is set right where a 1 or a 2 there makes the number a NIP's shape."""
    raw = raw.translate(MISREAD_DIGITS)
    if ocr:  # (the birth year's first digit read as a letter: "Y974…"; the year tells it)
        raw = re.sub(r"^\s*[A-Za-z](?=9\d)", "0", raw)
    digits = re.sub(r"\D", "", raw)[:18]
    if ocr and len(digits) == 18 and digits[:2] not in ("19", "20"):  # ("2970…" too)
        # (19.. or 20..: only one of the two can make the year)
        return next((d for d in ("1" + digits[1:], "2" + digits[1:])
                     if _nip_shaped(BARE_NIP.fullmatch(d))), _one_off(digits))
    return _one_off(digits) if ocr and len(digits) == 18 else digits


# the digits a scan reads for one another: round ones, and stems
LOOKALIKE = {"0": "869", "8": "0693", "6": "085", "9": "083", "3": "85", "5": "63", "1": "7",
             "7": "1"}


def _one_off(digits: str) -> str:
    """DIGITS, read as a NIP, with one digit misread set right where they make no NIP's
    shape (a birth month 83, a year 1881) and one look-alike digit makes the one shape
    ("197983…" for "197903…"); as read where none or several do."""
    if _nip_shaped(BARE_NIP.fullmatch(digits)):
        return digits
    near = {d for k, c in enumerate(digits) for o in LOOKALIKE.get(c, "")
            if _nip_shaped(BARE_NIP.fullmatch(d := digits[:k] + o + digits[k + 1:]))}
    return near.pop() if len(near) == 1 else digits


def whole_nip(lines: list[Line]) -> list[Line]:
    """LINES with a NIP wrapped in a narrow box ("NIP. 19680314 199010 1" / "006", as an
    electronic signature's box may set it) joined back onto its label's line."""
    out = list(lines)
    for k in range(len(out) - 1):
        if re.fullmatch(r"[\d ]{1,10}", out[k + 1].text.strip()) and nip_tail(out[k + 1], out[k]):
            out[k] = replace(out[k], text=f"{out[k].text.rstrip()} {out[k + 1].text.strip()}")
            out[k + 1] = replace(out[k + 1], text="")
    return out
