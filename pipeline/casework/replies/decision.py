# SPDX-License-Identifier: AGPL-3.0-or-later
"""What an official's reply decides: approve, return with notes, or unclear.

Approval is read strictly: the first meaningful line must be an approval phrase and nothing
else (courtesy words such as "terima kasih" aside), and no later line may contradict it. A
wrongly read approval moves a letter towards signature; a wrongly read "unclear" only costs the
official a second reply with the explanation. So anything doubtful is "unclear".

"OK tapi ..." / "setuju, namun ..." / "approved but ..." is a return: the words after the
conjunction are the notes (the official wants a change); with nothing after it, it is unclear.
"TIDAK SETUJU <alasan>" and "TOLAK: <alasan>" are returns, never approvals. A return always
needs notes, so the drafter knows what to fix.

"SETUJU, <catatan>" / "Setuju. <catatan>" (the phrase, then a comma, full stop, colon, semicolon
or dash, then words) is an approval with a note: the note is kept and shown to the next level.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Decision:
    kind: str            # "approve" | "return" | "unclear"
    notes: str = ""      # "return": what to fix; "approve": the note kept (multi-line kept)
    reason: str = ""     # for logs: why this reading, in English


APPROVE_PHRASES = frozenset({
    "setuju", "paraf", "ok", "oke", "okay", "okey", "ok setuju", "oke setuju", "setuju ok",
    "setuju lanjut", "setuju lanjutkan", "ok lanjut", "disetujui", "acc", "approved", "approve",
    "yes approved", "paraf setuju", "setuju paraf", "ok paraf",
})
_APPROVE_WORDS = frozenset(w for p in APPROVE_PHRASES for w in p.split()) | {"yes", "ya"}
COURTESY = frozenset({
    "terima", "kasih", "terimakasih", "makasih", "trims", "tks", "thanks", "thank", "you", "thx",
    "pak", "bu", "bapak", "ibu", "ya", "silakan", "silahkan", "dilanjutkan",
})
_CONJ = r"tapi|tetapi|namun|but|however|kecuali|asalkan|asal|except"
_CONJ_WORDS = frozenset(_CONJ.split("|"))
RETURN_WORDS = ("tidak setuju", "tidak disetujui", "tdk setuju", "revisi", "tolak", "kembalikan",
                "perbaiki", "revise", "reject")
_RETURN = re.compile(
    r"^[^\w]*(?:" + "|".join(w.replace(" ", r"\s+") for w in RETURN_WORDS)
    + r")(?!\w)[\s*_]*[:\-\u2013\u2014.,]?(.*)$", re.I | re.S)
# an approval phrase, then a separator, then the note: "SETUJU, ..." / "Setuju. ..."
_NOTE_AFTER = re.compile(r"^[^\w]*(?:" + "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(APPROVE_PHRASES, key=len, reverse=True))
    + r")[\s*_]*[,.:;\-\u2013\u2014]\s*(\S.*)$", re.I | re.S)
_CONJ_AT = re.compile(rf"(?<!\w)(?:{_CONJ})(?!\w)", re.I)
_CONTRADICTION = re.compile(
    r"\b(?:tidak|tdk|belum|blm|gak|nggak|ngga|ga|jangan|not|no|dont|don t|batal)\s+"
    r"(?:setuju|disetujui|ok|oke|approved?|acc|paraf|lanjut|dulu)\b"
    rf"|\b(?:{_CONJ}|selain)\b")


def _norm(line: str) -> str:
    """Lowercase words only: punctuation, emoji and markup stars become spaces."""
    line = unicodedata.normalize("NFKC", line).lower()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in line).split())


def _meaningful(fresh: str) -> tuple[str, list[str]] | None:
    """The first line with a letter or digit in it, and the lines after it."""
    lines = (fresh or "").replace("\r\n", "\n").split("\n")
    for i, line in enumerate(lines):
        if _norm(line):
            return line.strip(), lines[i + 1:]
    return None


def _notes(first: str, rest: list[str]) -> str:
    text = "\n".join([first.strip()] + [s.rstrip() for s in rest])
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _approval_prefix(words: list[str]) -> int:
    """How many leading words form an approval phrase (0 if none)."""
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(words[:size]) in APPROVE_PHRASES:
            return size
    return 0


def decide(fresh: str) -> Decision:
    """Read the fresh text of a reply to a paraf request."""
    found = _meaningful(fresh)
    if found is None:
        return Decision("unclear", reason="the reply has no text")
    first, rest = found
    ret = _RETURN.match(first)
    if ret:
        notes = _notes(ret.group(1), rest)
        if not notes:
            return Decision("unclear", reason="a return without notes")
        return Decision("return", notes, reason="return keyword")
    words = _norm(first).split()
    size = _approval_prefix(words)
    if not size:
        return Decision("unclear", reason=f"first line is not a command: {first[:80]!r}")
    tail = words[size:]
    lead = 0
    while lead < len(tail) and (tail[lead] in COURTESY or tail[lead] in _APPROVE_WORDS):
        lead += 1
    if lead < len(tail) and tail[lead] in _CONJ_WORDS:
        conj = _CONJ_AT.search(first)
        notes = _notes(first[conj.end():].lstrip(" ,.;:-\u2013\u2014"), rest) if conj else ""
        if not notes:
            return Decision("unclear", reason="an approval with a condition but no notes")
        return Decision("return", notes, reason="approval with a condition is a return")
    if "?" in first or "\uff1f" in first:
        return Decision("unclear", reason=f"the approval is a question: {first[:80]!r}")
    note = _NOTE_AFTER.match(first) if lead < len(tail) else None
    if lead < len(tail) and note is None:
        return Decision("unclear", reason=f"approval mixed with other words: {first[:80]!r}")
    for line in rest if note is None else [note.group(1), *rest]:
        if _RETURN.match(line.strip()) and _norm(line) or _CONTRADICTION.search(_norm(line)):
            return Decision("unclear", reason=f"approval contradicted later: {line.strip()[:80]!r}")
    if note is not None:
        return Decision("approve", _notes(note.group(1), rest), reason="approval with a note")
    return Decision("approve", reason="approval phrase")


def explain_choices() -> str:
    """The answer sent when a reply cannot be read."""
    return ("Balasan Bapak/Ibu belum dapat kami baca sebagai keputusan. Pilihan:\n"
            "  - SETUJU, untuk memberi paraf;\n"
            "  - SETUJU, <catatan>, untuk memberi paraf dengan catatan bagi pejabat berikutnya;\n"
            "  - TIDAK SETUJU <alasan> atau REVISI: <catatan>, untuk mengembalikan konsep "
            "kepada konseptor;\n"
            "  - lampiran berkas DOCX yang telah Bapak/Ibu perbaiki, sebagai paraf Bapak/Ibu "
            "atas revisi baru.\n"
            "Tulis jawaban pada baris pertama balasan, di atas kutipan surel ini.")


# -- the Inspector's batch signing --------------------------------------------------------------

MAX_ITEMS = 500


@dataclass(frozen=True)
class Rejection:
    item: int
    notes: str


@dataclass(frozen=True)
class SigningDecision:
    sign_all: bool = False
    sign: tuple[int, ...] = ()
    reject: tuple[Rejection, ...] = ()
    problems: tuple[str, ...] = ()      # non-empty means: act on nothing, explain instead

    @property
    def clear(self) -> bool:
        return not self.problems and (self.sign_all or bool(self.sign) or bool(self.reject))

    def to_sign(self, count: int) -> tuple[int, ...]:
        """Item numbers (1-based) to sign in a batch of COUNT; () unless the reply is clear."""
        if not self.clear:
            return ()
        return tuple(range(1, count + 1)) if self.sign_all else self.sign


_TTD = re.compile(r"^[^\w]*(?:ttd|tandatangani|tanda\s+tangani|sign)(?!\w)[\s*_:\-]*(.*)$", re.I)
_TOLAK = re.compile(r"^[^\w]*(?:tolak|reject|kembalikan|revisi)(?!\w)[\s*_:\-]*(.*)$", re.I)
_ITEM_CHARS = re.compile(r"(?:[\d\s,;&\-\u2013]|dan\b|and\b)+", re.I)
_ITEM_LIST = re.compile(r"\d+(?:-\d+)?(?: \d+(?:-\d+)?)*")
MAX_COMMAND_CHARS = 1000
_ALL = frozenset({"semua", "semuanya", "all", "seluruhnya"})
_RISKY = re.compile(rf"\d|\b(?:{_CONJ}|selain|tidak|belum|jangan|not|no)\b")


def _items(spec: str) -> tuple[list[int], str | None]:
    """Item numbers from '1,3', '1-3', '2 dan 4'; an error text when unreadable.

    Separators are normalised first so the final pattern is unambiguous (no backtracking)."""
    flat = re.sub(r"\s*[-\u2013]\s*", "-", spec.strip().rstrip(".").strip())
    flat = re.sub(r"(?:[,;&\s]|\bdan\b|\band\b)+", " ", flat, flags=re.I).strip()
    if not _ITEM_LIST.fullmatch(flat):
        return [], f"cannot read the item numbers {spec.strip()[:40]!r}"
    numbers: list[int] = []
    for part in flat.split():
        lo, _, hi = part.partition("-")
        first, last = int(lo), int(hi or lo)
        if first < 1 or last < first or last > MAX_ITEMS:
            return [], f"invalid item number or range {part!r}"
        numbers.extend(range(first, last + 1))
    return numbers, None


def decide_signing(fresh: str, count: int | None = None) -> SigningDecision:
    """Read "TTD SEMUA" / "TTD 1,3" / "TTD 1-3" / "TOLAK 2: notes" lines (several allowed).

    Strict on purpose: conflicting or unreadable instructions yield problems and nothing is
    signed. "TTD SEMUA" together with a TOLAK line is a conflict (list the items instead).
    """
    sign_all, sign, problems = False, [], []
    rejects: dict[int, list[str]] = {}
    current: list[int] | None = None        # items the following free lines are notes for
    seen_command = False
    for raw in (fresh or "").replace("\r\n", "\n").split("\n"):
        line, norm = raw.strip(), _norm(raw)
        if not norm:
            for n in current or ():
                rejects[n].append("")
            continue
        if len(line) > MAX_COMMAND_CHARS and current is None:
            problems.append("a line is too long to be a command")
            break
        ttd, tolak = _TTD.match(line), _TOLAK.match(line)
        if ttd:
            seen_command, current = True, None
            rest = _norm(ttd.group(1))
            if rest in _ALL:
                sign_all = True
            else:
                numbers, err = _items(ttd.group(1))
                if err:
                    problems.append(f"cannot read which items to sign: {line[:80]!r} ({err})")
                sign.extend(numbers)
        elif tolak:
            seen_command = True
            rest = tolak.group(1)
            spec = _ITEM_CHARS.match(rest)
            digits = spec is not None and any(ch.isdigit() for ch in spec.group(0))
            numbers, err = _items(spec.group(0).rstrip(" \t,;&-\u2013")) if digits else ([], None)
            if not numbers:
                problems.append(err or f"TOLAK needs item numbers: {line[:80]!r}")
                current = None
                continue
            current = numbers
            notes = rest[spec.end():].lstrip(" :.-\u2013\u2014").strip()
            for n in numbers:
                rejects.setdefault(n, []).append(notes)
        elif current is not None:
            for n in current:
                rejects[n].append(line)
        elif not seen_command:
            problems.append(f"first line is not a command: {line[:80]!r}")
            break
        elif _RISKY.search(norm):
            problems.append(f"a line after TTD may change its meaning: {line[:80]!r}")
    result = tuple(Rejection(n, re.sub(r"\n{3,}", "\n\n", "\n".join(v)).strip())
                   for n, v in sorted(rejects.items()))
    problems += [f"TOLAK {r.item} has no notes" for r in result if not r.notes]
    signed = tuple(sorted(set(sign)))
    if sign_all and result:
        problems.append("TTD SEMUA together with TOLAK; list the items to sign instead")
    both = sorted(set(signed) & {r.item for r in result})
    if both:
        problems.append(f"items both signed and rejected: {', '.join(map(str, both))}")
    if count is not None:
        beyond = sorted(n for n in set(signed) | {r.item for r in result} if n > count)
        if beyond:
            problems.append(f"no such item (the batch has {count}): "
                            f"{', '.join(map(str, beyond))}")
    if not problems and not (sign_all or signed or result):
        problems.append("the reply has no TTD or TOLAK line")
    return SigningDecision(sign_all, signed, result, tuple(problems))


def explain_signing() -> str:
    """The answer sent when a signing reply cannot be read."""
    return ("Balasan Bapak/Ibu belum dapat kami baca.\n"
            "Balas dengan TTD SEMUA untuk menandatangani semua surat, TTD 1,3 atau TTD 1-3 "
            "untuk surat tertentu, dan TOLAK 2: <catatan> untuk mengembalikan surat nomor 2 "
            "kepada konseptor. Satu perintah per baris.")
