"""The signature block (bagian penandatanganan) of a naskah dinas: post, room to sign, name, NIP.

Permendagri 1/2023 lays it out top to bottom as: the signer's post (jabatan) ending in a comma,
the space for the signature and stamp, the full name with its titles, the rank, and the NIP.
So the name is what stands between that space and the rank/NIP, and the post is what stands
above the space, even when either runs over two lines.
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.letter.body import FOOTER, footer
from pipeline.letter.bodyclean import name_tail
from pipeline.letter.dates import alone_date, place_date
from pipeline.letter.degrees import UNDOTTED_FOREIGN, closed, only_degrees
from pipeline.letter.lexicon import known
from pipeline.letter.lines import Line, aligned
from pipeline.letter.marks import CLOSING, ITEM, NIP, RANK, SKIP, TEMBUSAN
from pipeline.letter.nip import SPOILT_DIGITS, nip_digits, nip_match, whole_nip
from pipeline.letter.scanname import PARTICLES, scanned_name, without_marks
from pipeline.letter.scanpost import scanned_post
from pipeline.letter.stampbits import lettering, stripped
from pipeline.letter.titles import is_title, reads_as_title

# "ditandatangani" as offices write it, in one word or two ("Ditanda tangani"), and as a scan
# may spell it: an i lost or read as a stroke ("Dtandatangan")
SIGNED = r"d[il1|!]?\s?tanda\s?tang\S{0,3}"
TTE = re.compile(rf"^\s*(?:telah\s+)?{SIGNED}\s+secara\s+el\w{{5,9}}\b", re.I)  # ("elektrontk")
# ... as a scan may read it onto the post's first line, after stamp bits and with its last words
# spoilt ("Bg ial Ditandatangani secara elektrontk ole! SEKRETARIS DPRD", "... Ooh KEPALA"), or
# its "oleh:" wrapped there: what follows it is the post
TTE_HEAD = re.compile(rf"^(?:.{{0,12}}?\b(?:telah\s+)?{SIGNED}\s+secara\s+el\w{{5,9}}\b"
                      r"\s*(?:(?-i:[Oo0][a-z!|1]{1,3}[:;]?)\s*)?|oleh\W{0,2}\s*)"
                      r"(?:(?-i:(?=[A-Z]))|\W*$)", re.I)
TITLE_END = re.compile(r"\b(?:DR|Dr|dr|H|Hj|Ir|IR|Drs|DRS|Prof|PROF|R|Tgk|KH)\.$")  # "… DAERAH DR."
YEAR = re.compile(r"(19|20)\d{2}")
# a word in small letters a post does not use ("dan", "selaku", "pada" it does); two make prose
SENTENCE_WORD = re.compile(r"\b(?!(?:dan|atau|serta|selaku|pada|untuk|dari|yang|dengan)\b)"
                           r"[a-z]{3,}\b")
# a stamp's ring read as marks before a line, or as a short bit or two with a mark or digit in
# it ("Psp” dan Kawasan"), not an acting mark ("Plt:")
# (or as a bit in small letters before a mark glued to the post's word, "an “KABUPATEN":
# an acting mark, "an Bupati", stands before the word itself)
# (or as a bit in small letters, maybe a bit with a digit after it, before a post's line in
# capitals, as no post's small word is, "os 22 GAMAT PENEBEL,"; not before a line in small
# letters, a sentence's or a date's, "tgl 3 Maret 2026", "se Kabupaten Bogor")
RING_LEFT = re.compile(r"^(?:[^\w\s]+\s+)+(?=\w)|"
                       r"^(?:(?!(?i:p[l1i][th]|pj|a\.?n|u\.?b)\b)(?=\S*[^A-Za-z\s])"
                       r"\S{1,4}\s+){1,2}(?=\w)|^[a-z]{1,3}\s+(?=[^\w\s]+[A-Z])"
                       r"|^(?!(?i:p[l1i][th]|pj|a\.?n|u\.?b|dan|di|ke)\b)[a-z]{1,3}\s+"
                       r"(?:(?=\S*[^A-Za-z\s])\S{1,4}\s+)?(?=[A-Z][^a-z]*$)")
# how sure tesseract is of a line the stamp left in the signature block: print reads above 0.9,
ACTING = re.compile(r"^(?:a\.?n\.?|u\.?b\.?)(?:\s|$)", re.I)  # signing for the one above
# a post's line under the stamp above 0.5; a word or two read below these are the stamp's
DOUBTED, DISBELIEVED = 0.5, 0.4
# a word that can only be part of a name, not a title or degree: three letters or more, no dot
NAME_PART = re.compile(r"^[A-Z](?:[a-z'\u2019-]{2,}|[A-Z'\u2019-]{2,}),?$")
# a degree with a dot inside it, as no word of a post has ("S.E.", "A.Md.Keb.", "M.Ak.")
DOTTED = re.compile(r"(?<!\S)[A-Z][A-Za-z]{0,3}\.[A-Za-z]{1,4}\.")
# a line of academic degrees only ("S.Psi., M.A.P.", "Sp.PD., M.Kes.", "IPM."): the tail of a name
# (degrees separated by spaces: one way to read a line, so no backtracking on "A.A.A.…!"; a
# scan may read a degree's last dot as a comma, "M.A.P,")
# (a foreign degree or a professional title is written without dots after ours: "S.Si., MPH",
# "M.Ak., CA", "M.T., IPU"; a scan may put a rule's dash or a stamp's mark before the line)
DEGREES = re.compile(r"^\s*(?:[^\w\s(]{1,2}(?=[A-Z]))?[A-Z][A-Za-z]{0,4}\.(?:[A-Za-z]{1,4}\.)*(?:[A-Za-z]{1,4},)?"
                     r"(?>,?\s+(?:[A-Z][A-Za-z]{0,4}\.(?:[A-Za-z]{1,4}\.)*(?:[A-Za-z]{1,4},)?"
                     rf"|(?:{'|'.join(sorted(UNDOTTED_FOREIGN))})\b)|,\s*[A-Z]{{2,3}}\b)*,?\s*$")


def _prose(text: str) -> bool:
    return len(SENTENCE_WORD.findall(text)) >= 2


def _debris(text: str) -> bool:
    """A line read from a stamp's lettering: no word longer than four letters ("5 J i NG L")."""
    return max((len(t) for t in re.findall(r"[A-Za-z]+", text)), default=0) <= 4


def _scrawl(text: str) -> bool:
    """A line read from the signature's strokes however surely: words in small letters, as
    no post's line holds but "dan", with a mark standing alone among them ("an ‘ carne aan
    5 S2"); a post's line typed in small letters has no such mark."""
    return _prose(text) and re.search(r"(?<!\S)[^\w\s]+(?!\S)", text) is not None


def _stamp_words(ln: Line, below: float) -> bool:
    """Whether scanned line LN is a word or two read with less confidence than BELOW."""
    return ln.ocr and ln.conf < below and len(ln.text.split()) <= 2


def _apart(above: Line, below: Line, name: Line, nip: Line, rows: int) -> bool:
    """Whether ABOVE stands further above BELOW, the name's top line so far, than the block's
    lines are apart (on a scan, where lines have a place): a name wraps at the block's line
    pitch, while the post's last line is above the room to sign, however much stamp debris was
    read in that room. ROWS is the number of lines from the name's last line NAME down to the
    NIP (the rank between or not)."""
    if None in (above.top, below.top, name.top, nip.top) or nip.top <= name.top:
        return False
    return above.top < below.top - 1.5 * (nip.top - name.top) / rows


def _beside(ln: Line, ranks: list[float | None]) -> bool:
    """Whether scanned line LN stands on the row of a rank's line (RANKS, their tops): the
    stamp's lettering beside the rank, read apart from it ("NAS" left of "Pembina")."""
    return ln.ocr and ln.top is not None and any(
        top is not None and abs(ln.top - top) < 0.006 for top in ranks)


def _same_row(left: Line, right: Line) -> bool:
    """Whether LEFT is a piece of RIGHT's printed line just before it (on a scan, OCR cuts a
    name where the signature's stroke crosses it: "Dr. NI LUH" | "PRATAMA, S.Pd."); two
    signers side by side stand much further apart. (A piece that ends with a title, which
    opens a name, a little further up or down: "Dr." is boxed from its ascender; its dot
    maybe read as a comma, "Dr,".)"""
    near = 0.008 if reads_as_title((left.text.split() or [""])[-1]) else 0.005
    return (left.top is not None and right.top is not None and not left.blank
            and abs(left.top - right.top) < near and left.x1 is not None and right.x0 is not None
            and 0 <= right.x0 - left.x1 < 0.06)


def _name(lines: list[Line], j: int, start: int, nip: Line, rows: int) -> tuple[list[str], int]:
    """Name lines ending at index j; returns them and the index of the line above them."""
    names = [lines[j].text.strip()]
    k = j - 1
    while k > start and _same_row(lines[k], lines[j]):
        names.insert(0, lines[k].text.strip())  # the name cut where a stroke crossed it
        k -= 1
    if _degrees(names[0]) and k - 1 > start and lines[k].blank \
            and lines[k - 1].text.rstrip().endswith(",") and aligned(lines[k - 1], lines[j]):
        names.insert(0, lines[k - 1].text.strip())  # "NAME," a line's space above its degrees
        k -= 2
    while k > start and len(names) < 3 and not lines[k].blank:
        above = lines[k]
        if place_date(above.text) or alone_date(above.text) or CLOSING.match(above.text) \
                or TTE_HEAD.match(above.text):
            break  # (the electronic signature's note stands right above the name in some)
        # degrees alone (or what a stamp left of them, "S22, M.Ak." with no word of a name)
        # under a line that opened the degrees and ends with a comma: the name's own first
        # line, "BAMBANG LESTARI, A.Md.Keb.," (a post has no such degree: "KABUPATEN SRAGEN,")
        tail_only = _degrees(names[0]) or (
            above.text.rstrip().endswith(",") and DOTTED.search(above.text) is not None
            and (only_degrees(names[0]) or not any(map(NAME_PART.match, names[0].split()))))
        # the room to sign is just above (or the page broke there)
        # (or the e-signature's note, which stands where the wet signature would, over a
        # name that opens with its titles: "Prof. Dr. Johan Pattipeilohy," / "S.E., Ak., CA";
        # a note set over the post has the post under it)
        gap_above = k - 1 > start and (lines[k - 1].blank or lines[k - 1].page != above.page
                                       or TTE_HEAD.match(lines[k - 1].text) is not None
                                       and is_title((above.text.split() or [""])[0]))
        # degrees alone on a line belong to the name above, wherever a scan puts its edges
        if not (tail_only or gap_above) or not (tail_only or aligned(above, lines[j])):
            break
        if _apart(above, lines[k + 1], lines[j], nip, rows) or _stroke_words(above):
            break
        names.insert(0, above.text.strip())
        k -= 1
        if gap_above:
            break
    return names, k


def _centred(ln: Line, name: Line, taken: Line | None) -> bool:
    """Whether scanned line LN is the post's in a centred block whose name and NIP lines the
    stamp's specks before them widened to the left (namerow keeps them at the lines' edges),
    which moves their axis: the post's last line, with its comma, stands within the name's
    width, and each line above it is centred on the one under it, TAKEN."""
    if not ln.ocr or None in (ln.x0, ln.x1):
        return False
    if taken is not None:
        return aligned(ln, taken)
    return None not in (name.x0, name.x1) and ln.text.rstrip().endswith(",") and \
        name.x0 - 0.01 <= ln.x0 and ln.x1 <= name.x1 + 0.01


def _stroke_words(ln: Line) -> bool:
    """Whether LN, read on a scan above a name's line, is the signature's strokes read as
    words (unlike _scrawl's, with no mark among them), no line of the name: as many of its
    letters in words in small letters, which a name holds only as its particles and
    lowercase titles ("bin", "dr."), and no word of Indonesian either, as in the others
    ("va wae JERKS."); nor the post's, which stands above the room to sign."""
    if not ln.ocr:
        return False
    words = [re.sub(r"[^A-Za-z.]", "", t) for t in ln.text.split()]
    small = sum(len(t) for t in words if t.islower() and not t.endswith(".")
                and t not in PARTICLES and not known(t))  # (a post's "dan", a TTE mark's)
    return small > 0 and small >= sum(len(t.rstrip(".")) for t in words) - small


def _degrees(text: str) -> bool:
    """Whether TEXT is a line of degrees only: no front title opens one ("Dr." | "Hj. …"
    is a name cut where a stroke crossed it), but for the nurse's and pharmacist's, which
    follow a name's degrees too ("S.Kep., Ns.")."""
    first = (text.split() or [""])[0]
    return DEGREES.match(text) is not None and (
        not is_title(first) or first.lower() in ("ns.", "apt."))


def _joined(names: list[str]) -> str:
    """A name's lines as one, a comma before its degrees' line where a scan lost it after the
    name's last word ("SUTAN RAJA" / "S.E., M.Ak., CA"): PUEBI sets one there."""
    return " ".join(n + "," if k + 1 < len(names) and DEGREES.match(names[k + 1])
                    and n[-1:].isalpha() and "." not in n.split()[-1] and not DEGREES.match(n)
                    else n for k, n in enumerate(names))


def signature(lines: list[Line], start: int) -> tuple[dict | None, Line | None, int]:
    """Name, NIP and post of the signer; also returns the index just after the NIP line.

    On a scan, the stamp over the block is read as lines of a mark or two ("KA pH", "&"): they
    are left out, so the post, name and NIP stand together as printed."""
    lines = [_degrees_whole(ln) if k >= start and ln.ocr else ln for k, ln in enumerate(lines)]
    keep: list[int] = []
    for k, ln in enumerate(lines):  # (a name's degrees on a line of their own are no junk)
        if k < start or not (ln.ocr and _junk(ln.text)) or keep and name_tail(ln, lines[keep[-1]]):
            keep.append(k)
    kept = whole_nip([lines[k] for k in keep])
    sig, ln, after = _signature(kept, start)
    if sig is None:  # (a NIP label the stamp left its digits too spoilt to read)
        sig, ln, after = _signature(kept, start, spoilt=True)
    return sig, ln, (keep[after - 1] + 1 if after > start else after)


def _degrees_whole(ln: Line) -> Line:
    """Scanned line LN with its degrees read apart at a dot whole ("M. Si," for "M.Si,"), and
    a line of degrees without the stamp's marks read before them ("“ Sp.PD.")."""
    text = closed(ln.text)
    bare = without_marks(text)
    text = bare if bare != text and len(bare) < 60 and DEGREES.match(bare) else text
    return ln if text == ln.text else replace(ln, text=text)


def _junk(text: str) -> bool:
    """A scanned line with no run of three letters or digits that is not a line of degrees,
    nor the "a.n." or "u.b." of a chain of posts on a line of its own, nor holds a front
    title (a name's, cut off where the page's reading parted its line: "Sp Dr." | "Hj. …";
    one of two letters or more with its dot read as a comma, "> Dr,": not "H,", which a
    stamp's bit may read as)."""
    t = text.strip()
    return bool(t) and not re.search(r"[A-Za-z0-9]{3}", t) and not (
        len(t) < 60 and DEGREES.match(t)) and not ACTING.match(t) and not any(
        is_title(w) or len(w) >= 3 and reads_as_title(w) for w in t.split())


def _scribble(ln: Line, name: Line, nip: Line) -> bool:
    """On a scan, a line read from the wet signature or the stamp in the room to sign: a mark or
    a few letters, or a short run of words off the column the post, name and NIP stand in
    ("Verh", "VP Aye"). A post's own short last line ("LAMPUNG") stands in their column (the
    NIP's, when stamp ink read before the name pulls the name's edge left)."""
    if not ln.ocr:
        return False
    if len(re.findall(r"[A-Za-z]", ln.text)) < 4:
        return True
    # (a line of more words is the post's, but one with a lowercase word other than "dan":
    # each word of a post is capitalised, "SMPN 2 Kota Batu"; marks between words are none,
    # "- Ad Vo 4 cakes" read from a signature's strokes)
    words = [t for t in ln.text.split() if re.search(r"[A-Za-z0-9]", t)]
    if len(words) > 3 and all(t[0].isupper() or t[0].isdigit() or t == "dan" for t in words) \
            or "," in ln.text or ln.x0 is None:
        return False
    left = any(r.x0 is not None and abs(ln.x0 - r.x0) <= 0.06 for r in (name, nip))
    # a centred block's short line is set in the post's capitals
    return not left and not (ln.text.isupper() and (aligned(ln, name) or aligned(ln, nip)))


def _tte(lines: list[Line], k: int) -> bool:
    """The mark of an electronic signature (TTE, BSrE): "Ditandatangani secara elektronik
    oleh:", maybe wrapped before its "oleh:". It stands where a wet signature would, above the
    post or between the post and the name, and is neither."""
    text = re.sub(r"^[^A-Za-z]+", "", lines[k].text)  # (a speck before it on a scan)
    if TTE.match(text):  # (not where the post was read onto its line: TTE_HEAD)
        head = TTE_HEAD.match(text)
        return not (head and re.search(r"[A-Za-z]", text[head.end():]))
    # (on a scan, the QR code beside it may be read as a line between, and a mark after it;
    # in a narrow box it wraps anywhere: "Ditandatangani secara" / "elektronik oleh:")
    return bool(re.fullmatch(r"\W*(?:(?:secara\s+)?el\w{5,9}\s+)?oleh\s*:?\W*", lines[k].text,
                             re.I)) and any(
        TTE.match(ln.text) or re.fullmatch(rf"\W*{SIGNED}(?:\s+secara)?\W*", ln.text, re.I)
        for ln in lines[max(0, k - (3 if lines[k].ocr else 1)):k])


def _signature(lines: list[Line], start: int, spoilt: bool = False
               ) -> tuple[dict | None, Line | None, int]:
    for i in range(start, len(lines)):
        m = (SPOILT_DIGITS.match(lines[i].text) if spoilt else nip_match(lines[i].text)) \
            if lines[i].ocr else None if spoilt else NIP.search(lines[i].text)
        if not m:
            continue
        digits = nip_digits(m.group(1), lines[i].ocr)
        j, ranks = i - 1, []
        while j > start and (lines[j].blank or RANK.search(lines[j].text)
                             or SKIP.match(lines[j].text) or _beside(lines[j], ranks)):
            ranks += [lines[j].top] if RANK.search(lines[j].text) else []
            j -= 1
        if j <= start:
            return {"nama": None, "nip": digits if len(digits) == 18 else None,
                    "jabatan": None}, lines[i], i + 1
        rows = sum(1 for ln in lines[j + 1:i + 1] if not ln.blank)
        names, k = _name(lines, j, start, lines[i], rows)
        name_line = lines[k + 1]  # the name's first line: the post stands in its column
        if k > start and _stroke_words(lines[k]):
            k -= 1  # the signature's strokes read as words right above it (_name)
        nama = re.sub(r"\s+", " ", _joined(names) if lines[i].ocr else " ".join(names)
                      ).strip("()_, ")
        if lines[i].ocr:  # stamp remnants before the name, the rank read onto its line
            nama = scanned_name(nama)
        post, taken = [], None
        # the room to sign, and on a scan the stamp's lettering read as lines of a letter or two
        while k > start and (lines[k].blank or SKIP.match(lines[k].text) or _tte(lines, k)
                             or footer(lines, k) or _scribble(lines[k], name_line, lines[i])):
            k -= 1
        if lines[k].ocr:  # the post ends with a comma: below it, the stamp's lettering and the
            # signature, read as short bits or a word or two tesseract doubts
            # (the stamp's lettering may itself be read with a comma: "RI maag," at 0.16, or
            # surer, "Jf sy, whos ,", in small letters, as no post's words but "dan" are)
            comma = next((q for q in range(k, max(start, k - 10), -1)
                          if lines[q].text.rstrip().endswith(",")
                          and not _stamp_words(lines[q], DISBELIEVED)
                          and not (_debris(lines[q].text) and SENTENCE_WORD.search(
                              lines[q].text))), None)
            # (or the signature's scribble, read as a line of words tesseract disbelieves
            # however many: "Oye Oe eh prone K" at 0.28; print, even under a stamp, reads surer;
            # or read surer as words in small letters among marks: _scrawl)
            if comma is not None and all(_debris(ln.text) or _stamp_words(ln, DOUBTED)
                                         or ln.conf < DISBELIEVED or _scrawl(ln.text)
                                         or lettering(ln.text, ln.conf)
                                         for ln in lines[comma + 1:k + 1]):
                k = comma
        # (a chain of officials signing for the head, "a.n. … / Sekretaris, / u.b. / …", runs
        # to three posts, each wrapped in a narrow block; a long office's name wraps over six
        # lines under its "a.n.")
        while k > start and len(post) < (9 if any(ACTING.match(p) for p in post + [
                lines[k].text.strip()]) else 6):
            ln = lines[k]
            item = ITEM.match(ln.text) if ln.ocr else None
            while item and (ln.x0 is not None and ln.x0 > 0.4 or item.group(1) == "0"):
                # no list stands in the signature's column, nor counts from 0 (a block at the
                # margin): a speck or the stamp's ring read as "5." or "0." before a line, or
                # as two ("2. 1. Kepala …")
                # (where the ring's "0." stood left of the block, the line's edge is its own)
                ln = replace(ln, text=item.group(4),
                             x0=None if item.group(1) == "0" else ln.x0)
                item = ITEM.match(ln.text)
            if ln.blank or CLOSING.match(ln.text) or ITEM.match(ln.text) or TEMBUSAN.match(ln.text):
                break
            if ln.ocr and None not in (ln.vx, ln.x0, name_line.x0) and \
                    abs(ln.vx - name_line.x0) < 0.01 < ln.vx - ln.x0:
                # no post has a label: a word with a colon left of the block's column is a
                # picture's (the e-signature's QR code read as "Bana:" before "Pendidikan")
                ln = replace(ln, text=ln.text.split(":", 1)[1].strip(), x0=ln.vx)
            head = TTE_HEAD.match(ln.text) if ln.ocr else None
            if head and (not head.group(0).lower().startswith("oleh") or (
                    k > start and TTE.match(lines[k - 1].text))):
                if ln.text[head.end():].strip():
                    post.insert(0, ln.text[head.end():].strip())
                break  # the mark, spoilt, or read onto the post's first line
            if not (aligned(ln, name_line) or aligned(ln, lines[i]) or RING_LEFT.match(ln.text)
                    and None not in (ln.x0, name_line.x0) and 0 < name_line.x0 - ln.x0 < 0.1
                    or _centred(ln, name_line, taken)) or _tte(lines, k):
                break  # another column, or the electronic signature's mark above the post
                # (a scan may read a stamp's mark into the name's line: the NIP's column too;
                # or into the post's, before it: ">... Kabupaten Jember,")
            if RING_LEFT.match(ln.text) and not (aligned(ln, name_line) or aligned(ln, lines[i])):
                ln = replace(ln, text=RING_LEFT.sub("", ln.text))  # the ring's bits go
            if (ln.x0 is None or _prose(ln.text)) and (
                    len(ln.text) > 110 or (ln.text.rstrip().endswith(".") and not
                                           TITLE_END.search(ln.text.rstrip())
                                           and not ACTING.match(ln.text))):  # ("u.b.")
                break  # a sentence of the body; a post may wrap after a title ("… DAERAH DR.")
                # (where the block is set at the margin, the closing's last line stands aligned
                # with it: "Bapak/Ibu diucapkan terima kasih.")
            if ln.page != lines[k + 1].page and (_prose(ln.text) or FOOTER.search(ln.text)):
                break  # the block opens its page: above it, the body's last line or the foot
            if place_date(ln.text) or alone_date(ln.text) or YEAR.fullmatch(ln.text.strip()):
                break  # the date above the post (maybe wrapped: "Tegal, 3 Maret" / "2026")
            # a stamp's ring beside the post, read as short bits before a line ("». S KEPALA"),
            # or as a word or two tesseract hardly believes ("HARI" at 0.15)
            if ACTING.match(ln.text.strip()) or not (post and _stamp_words(ln, DISBELIEVED)):
                post.insert(0, stripped(ln.text.strip())
                            if ln.ocr else ln.text.strip())
                taken = ln
            k -= 1
        jabatan = re.sub(r"\s+", " ", " ".join(post)).strip().rstrip(",").strip() or None
        if jabatan and lines[i].ocr:  # the stamp's remnants, a misread office's word
            jabatan = scanned_post(jabatan)
        if jabatan:  # the date line above the post, read onto the same line
            # (its place's first letter may be misread small or as a mark: "<avalak, 27 …")
            jabatan = re.sub(r"^[^A-Za-z]{0,3}[A-Za-z][\w .'-]{1,40},\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}\s+"
                             r"[^A-Za-z]{0,3}", "", jabatan)
        sig = {"nama": nama or None, "nip": digits if len(digits) == 18 else None, "jabatan": jabatan}
        return sig, lines[i], i + 1
    return None, None, start
