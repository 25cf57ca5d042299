"""A letter's number (Nomor) as a scan or a narrow cell spoils it, set right by how a naskah
dinas number is built: code/sequence[/unit][/month]/year, the month in Roman numerals, the year
the letter's own."""
from __future__ import annotations

import re

from pipeline.letter.dates import ROMAN

YEAR_END = re.compile(r"(19|20)\d{2}$")


def roman_month(nomor: str) -> str:
    """OCR reads the month numeral "II" in 800/106/Setwan/II/2026 as "I1", "Il", "!1" or "11".

    A part after the unit's code (letters) and before the year is the Roman month."""
    parts = nomor.split("/")
    for k, p in enumerate(parts):
        month_slot = 0 < k == len(parts) - 2 and re.search(r"[A-Za-z]", parts[k - 1]) \
            and re.fullmatch(r"(19|20)\d{2}", parts[-1])
        if re.fullmatch(r"[IVX1l|!]{1,4}", p) and (re.search(r"[IVX]", p) or month_slot) or (
                month_slot and re.fullmatch(r"[IVXL1l|!]{1,4}", p)):  # no month has an L
            parts[k] = re.sub(r"[1lL|!]", "I", p)
        elif month_slot and re.fullmatch(r"[IVX][ivx]{1,3}", p):  # "Vii": small capitals' look
            parts[k] = p.upper()
    return "/".join(parts)


def year_apart(nomor: str, year: str) -> str:
    """A scanned number whose last slash, before the year, was read as a 1 or an l glued to
    the part before it ("518/1327/232.712026" dated 2026): a naskah dinas number ends with
    its year after a slash, the year the letter is dated. (Not an I: "XI2026" lost its slash
    after the Roman month.)"""
    return re.sub(rf"(?<=[\w.])[1l|]{year}$", "/" + year, nomor) if "/" in nomor and \
        not nomor.endswith("/" + year) else nomor


def month_numeral(nomor: str, month: int) -> str:
    """A scanned number's part before the year read "1" or "11" where the letter's own month
    is I or II in Roman numerals ("400.7/726/1/2024" dated January): OCR reads a Roman I as a
    1. Numbers are given in the month the letter is dated, and offices write that month in
    Roman numerals (an Arabic month is most often zero-padded, "01"); an "11" in November
    stays, as the date does not make it II. A Roman month an I off the date's is the date's."""
    parts, roman = nomor.split("/"), ROMAN[month - 1]
    # (code/serial/month/year at least: in "800/11/2026" the 11 is the serial)
    if len(parts) >= 4 and re.fullmatch(r"[\d.-]+", parts[-3]) and re.fullmatch(r"(19|20)\d{2}", parts[-1]) \
            and set(roman) == {"I"} \
            and re.fullmatch(r"[1lI|!]{1,3}", parts[-2]) and len(parts[-2]) == len(roman):
        parts[-2] = roman
    # a Roman month one I off the date's ("VII" dated August): a scan lost an I between its
    # neighbours, or read a speck as one
    if len(parts) >= 3 and re.fullmatch(r"(19|20)\d{2}", parts[-1]) \
            and re.fullmatch(r"[IVX]{1,4}", parts[-2]) and _one_i_apart(parts[-2], roman):
        parts[-2] = roman
    # two I's joined by a stamp's ink or a blur, read as an H or an N ("HI" for III, "VINI"
    # or "VIN" for VIII): as the date's month, or an I off it
    if len(parts) >= 3 and re.fullmatch(r"(19|20)\d{2}", parts[-1]) \
            and re.fullmatch(r"[IVXHN]{2,4}", parts[-2]) and re.search(r"[HN]", parts[-2]):
        # (not an H or N alone: a unit's one-letter code, "800/123/H/2025")
        joined = re.sub(r"[HN]", "II", parts[-2])
        if joined == roman or _one_i_apart(joined, roman):
            parts[-2] = roman
    return "/".join(parts)


def _one_i_apart(a: str, b: str) -> bool:
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and any(
        longer[:k] + longer[k + 1:] == shorter for k, c in enumerate(longer) if c == "I")


def wrapped(value: str, piece: str, ocr: bool) -> str | None:
    """`value` with `piece`, the next line of a number wrapped in a narrow cell, or None.

    A naskah dinas number is code/sequence[/unit][/month]/year, so a wrapped line carries a
    "/" part, or the rest of a part cut at the cell's edge, or the year's last digits
    ("…/20" + "26"). On a scan a "/" before the year is often read as "1" ("12026")."""
    if not piece or " " in piece or YEAR_END.search(value):
        return None
    if "/" in piece or (value.endswith("/") and piece.isalnum()):
        # the parts are digits or a unit's letters, always between slashes
        glue = "/" if value[-1:].isdigit() and piece[:1].isalpha() else ""
        return value + glue + piece
    if piece.isdigit() and YEAR_END.search(value + piece) and len(piece) <= 3 \
            and re.search(r"/(19|20)?\d{0,2}$", value):
        return value + piece
    if ocr and re.fullmatch(r"[1lI|](19|20)\d{2}", piece) and not value.endswith("/"):
        return f"{value}/{piece[1:]}"
    return None
