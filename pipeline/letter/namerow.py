"""The signer's name read again as a line of its own, where the page's reading of it is spoilt.

The name stands where the wet signature and the stamp (cap dinas) are put: the stamp's ring and
lettering cross its first words and the signature's tail runs through it. Read as part of the
whole page, tesseract's layout analysis cuts such a line into pieces, takes stamp lettering
into it, or drops a word ("Drs. EKO" for "Drs. EKO PRASETYO"). Read alone, as one line
(--psm 7), the same pixels often give the whole name; an underlined name, or one the tail
crosses, reads whole once the line is taken out (strokes). The name's row (nameline.name_rows)
is read again in a band around it, and a reading replaces the page's only where it looks more
like a name: titles, capitalised words and degrees, and less debris. About 0.1 s of CPU a
reading.

The page's reading may also lose the name's line altogether (tesseract takes an underlined
line for a rule), or take stamp lettering below it for the name. So the line is also looked for
where the block's geometry puts it: a line pitch above the rank (name, rank and NIP are set at
one spacing), or the lowest line of ink above the NIP; a wrapped name's other line above or
under it.

Each band is read as the page's bitmap shows it and without its underline or the signature's
tail; one the page did not read whole also from the page's grey, its darkest ink alone: a
stamp's grey ink that the page's cleaning could not tell apart (a blurred scan, the
signature's ink joined to the stamp) is lighter than print's core, and goes there ("RUDI,
S-PeM.Si." read "RUDI, S.Pd., M.Si."). That reading is taken only where it is clearly better.
So is the band's reading without a stamp's rings the page kept ("SL. HA MADE" read "H. I
MADE": rings); a word standing on a ring is the ring's debris in every reading.
"""
from __future__ import annotations

import re
from statistics import median

from pipeline.letter.bandread import mended_line, read_lines, specks
from pipeline.letter.degrees import only_degrees
from pipeline.letter.lexicon import known
from pipeline.letter.lines import Word
from pipeline.letter.marks import RANK
from pipeline.letter.nameline import signer_rows
from pipeline.letter.rings import Ringless
from pipeline.letter.scanname import DEGREE
from pipeline.letter.signature import DOTTED, NAME_PART
from pipeline.letter.signblock import (MARGIN, PAD, TALL, flush_column, line_above,
                                       line_below, located, rank_line, tidied)
from pipeline.letter.strokes import letters_only, unstruck
from pipeline.letter.stamp import CORE, core_at
from pipeline.letter.titles import BALINESE, TITLE, is_title
from pipeline.letter.vote import voted, words_voted

# a word of a name as printed: capitalised or in capitals, maybe with an apostrophe or hyphen
# (two names a stroke joined read so too: "Handayani-Anggraini"), a comma before the degrees;
# or an initial with its dot ("M. NUR")
NAME_WORD = re.compile(r"^[A-Z](?:[a-z'\u2019-]+|[A-Z'\u2019-]+)(?:-[A-Z][a-z'\u2019]+)*[,.]?$"
                       r"|^[A-Z]\.$")
# grey darker than this is print's core; a stamp's ink, grey through, is lighter (stamp.CORE,
# or the page's own where a dark stamp lowered it, with room for a blurred scan's print, whose
# core is lighter)
BLUR_ROOM = 10
LUT_CORES = [0 if v < CORE + BLUR_ROOM else 255 for v in range(256)]
KEPT = 0.3  # of the band's black: the darkest ink must keep this much to be read
CLEARLY = 2  # letters: the darkest ink's reading must beat the bitmap's by this many (_known)
SURER = 0.1  # or, as like a name, be this much surer of the words where the two differ
RINGED = 0.5  # of a word's ink: this share on a stamp's ring (rings) makes it the ring's debris
SPACED = 0.4  # of the line's height: a space between words; letters within one stand closer
# a band read alone may take a stamp's ring or an underline's end for a letter beside a word's
# first: a word opening with a doubled consonant that another reading of the line has single
# ("HHENDRA" beside "HENDRA") is not counted as a name's ("LLOYD", read so throughout, is);
# nor is a word another reading has with six letters or more less before it, no word of their
# own: the stamp's lettering read into it ("PESJEKGEPRASETYO" beside "PRASETYO"; not two words
# a stroke joined, "SRI-WAHYUNI", nor a name whose first part a stamp hid, "NURHAYATI" beside
# "HAYATI", "PURWANINGSIH" beside "NINGSIH")
GLUED = 6
DOUBLED = re.compile(r"^([B-DF-HJ-NP-TV-Z])\1", re.I)
# a golongan ("IV/c"), however OCR spoilt the rank's second line around it ("=TIV/c)")
GOLONGAN = re.compile(r"[IV]\s*/\s*[a-e]\b", re.I)


def _name_like(tok: str, single: frozenset = frozenset()) -> bool:
    return bool(TITLE.match(tok) or DEGREE.match(tok) or NAME_WORD.match(tok) and not (
        DOUBLED.match(tok) and bare(tok)[1:] in single
        or "-" not in tok and _run_together(bare(tok), single)  # (a hyphen keeps them apart)
        or any(_glued(bare(part), single) for part in tok.split("-"))))


def _glued(bare: str, single: frozenset) -> bool:
    """Whether BARE (a word, or one of two names a hyphen joins) has letters glued before a
    word SINGLE holds, themselves none (see GLUED)."""
    return any(bare[k:] in single and bare[:k] not in single and not known(bare[:k].lower())
               for k in range(GLUED, len(bare) - 4))


def bare(tok: str) -> str:
    """TOK's letters and digits, in capitals: a word as its readings compare."""
    return re.sub(r"\W", "", tok).upper()


def fit(text: str, single: frozenset = frozenset()) -> int:
    """How much TEXT reads like a printed name: the letters in words a name is made of, less
    twice those in words it is not (stamp lettering, a scribble read as text); SINGLE: the
    words other readings of the line give (see DOUBLED)."""
    toks = text.split()
    good = sum(len(t) for t, nxt in zip(toks, toks[1:] + [""]) if _name_like(t, single)
               or t in ("I", "Ni", "NI") and BALINESE.match(nxt))  # (a Balinese name's "I")
    return good - 2 * (sum(len(t) for t in toks) - good)


def _whole_name(row: list[Word], h: float) -> bool:
    """Whether the page read ROW as a name, whole: each word a name's, none far apart (a
    stamp's ring crossing a name parts its words or drops one), none stretched far above or
    below the line (a signature's stroke read into a word's box: "SOO Rtas" for "RAMADHAN")."""
    return all(_name_like(w.text) and w.bottom - w.top <= TALL * h for w in row) and all(
        b.x0 - a.x1 < 1.5 * h for a, b in zip(row, row[1:]))


def _band(row: list[Word], nip: list[Word], width: int, height: int, column: float | None
          ) -> tuple[int, int, int, int]:
    """The box around ROW, a line high, from where the signature block's column begins."""
    h = median(w.bottom - w.top for w in nip)
    body = [w for w in row if 0.6 * h <= w.bottom - w.top <= TALL * h] or row
    top, bottom = median(w.top for w in body), median(w.bottom for w in body)
    left = min((w.x0 for w in row if w.x1 > min(w.x0 for w in nip) - 4 * h),
               default=nip[0].x0) - h
    if column is not None:  # a block set flush left: what stands left of it is the stamp's
        left = column - MARGIN * h
    # a word the page's reading dropped may stand anywhere right of the row's last word
    right = max(max(w.x1 for w in row), max(w.x1 for w in nip)) + 6 * h
    return (max(0, int(left)), max(0, int(top - PAD * h)),
            min(width, int(right)), min(height, int(bottom + PAD * h)))


def reread(image, words: list[Word], run, timeout: float, langs: str, grey=None
           ) -> list[Word]:
    """WORDS with the name's row as read alone, where that reads more like a name; GREY is
    the page in grey, straightened as IMAGE is, or None."""
    rows, nip = signer_rows(words)
    if nip is None:
        return words
    h = median(w.bottom - w.top for w in nip)
    column = flush_column(words, rows, nip, h)
    kept = tidied(words, nip, h, column)
    # (a row the stamp or signature left debris on is spoilt, however whole the rest reads)
    ids = {id(w) for w in kept}
    spoilt = {w.key for w in words if id(w) not in ids}
    words = kept
    rows, nip = signer_rows(words)
    read = _Reader(image, grey, h, run, timeout, langs, column)
    # the name's last line, next to the rank and NIP: the one the stamp and signature cross; a
    # line above it may be the post or the scribble, which read alone may pass for a name
    row = sorted(rows[-1], key=lambda w: w.x0) if rows else []
    tries = []
    if row:
        box = _band(row, nip, image.width, image.height, column)
        # (nor is a row whole that begins well left of a flush-left block's column)
        whole = _whole_name(row, h) and row[0].key not in spoilt and (
            column is None or row[0].x0 >= column - 0.5 * h)
        tries.append((box, row[0].key, "clean" if whole else "both",
                      _inside(words, box, nip, row[0].key)))
    # where the page's reading lost the name's line (an underlined line taken for a rule) or
    # took stamp lettering for it, the line is read where the block's geometry puts it
    rank = rank_line(words, nip, h)
    where = located(image, words, nip, h, rank, column)
    # (not where the page's row holds a degree, "M.AP.": no post, rank or stamp lettering has
    # one, so that row is the name's line, however spoilt, and the line above is the scribble)
    if where and (not row or abs(sum(where[1::2]) - sum(tries[0][0][1::2])) > h) and \
            not any(DOTTED.search(w.text) for w in row):
        tries.append((where, ("name", nip[0].key), "both", _inside(words, where, nip)))
    words, last = read.best(words, tries)
    if row and last and len(tries) == 2 and last[0].key == tries[1][1] and \
            fit(_text(tries[0][3])) < 0:
        # the geometry's line reads as the name, the page's row, lower, as none: that row is
        # the stamp's lettering under the name (or it would be read into the name)
        stale = {id(w) for w in row if not _name_like(w.text) and not GOLONGAN.search(w.text)}
        words = [w for w in words if id(w) not in stale]
    last = last or row or (_inside(words, where, nip) if where else [])
    # a name too long for its line goes on with its degrees on the next: where the last line
    # holds no word of a name, the first stands a pitch above, maybe hidden by the stamp
    if last and not any(NAME_PART.match(w.text) for w in last):
        box = line_above(words, last, nip, h, rank, image.width, column)
        inside = _inside(words, box, nip)
        # (only a line the page did not read as words of a name: one read whole but for a gap
        # is no gain worth a stamp's stroke read into it, "ILESTARI")
        # (but where a stamp's ring crosses it: "ERMAN" read for "Drs. HERMAN" under it)
        if not (inside and all(_name_like(w.text) for w in inside)) or \
                read.ringless.band(box) is not None:
            words = read.best(words, [(box, ("name start", nip[0].key), "both", inside)])[0]
    # ... and where its line ends with a comma after a degree, the rest of its degrees stands
    # under it, which the page may have lost (set tight above the NIP, underlined, short)
    elif last and re.search(r"\.,$", _text(last)) and (
            box := line_below(words, last, nip, h, rank, image.width, column)):
        words = read.degrees(words, box, ("name end", nip[0].key), _inside(words, box, nip))
    return words


def _spaced(readings: list[list[Word]], h: float) -> frozenset:
    """Two words of a name as one ("+YULIANASURYADI") where a reading has them apart by a
    space (SPACED): a stroke bridging the space makes tesseract read them run together, and
    such a word is no name's (see _name_like). (Not a word cut at a letter's gap, nor where a
    part is short: a stroke lost under the stamp leaves a gap inside a word, "RAMA DHAN";
    but for a short word of its own, as names are, "SRI WAHYUNI".)"""
    apart = frozenset("+" + bare(a.text) + bare(b.text) for ws in readings
                      for a, b in zip(ws, ws[1:]) if b.x0 - a.x1 >= SPACED * h
                      and all(len(bare(t)) >= 5 or len(bare(t)) >= 3 and known(
                          bare(t).lower()) > 1 for t in (a.text, b.text)))
    # (or where a word's reading was parted at a mark in their space, "RENI.ANGGRAINI":
    # bandread.mended_line)
    parts = [[bare(t) for t in w.text.split()] for ws in readings for w in ws]
    return apart | frozenset("+" + a + b for bs in parts for a, b in zip(bs, bs[1:])
                             if len(a) >= 3 and len(b) >= 3)


def _run_together(bare: str, single: frozenset) -> bool:
    """Whether BARE is two words of a name another reading has apart (_spaced), run
    together, maybe with a letter misread where they join (and one more in a long word:
    "SRLWAHYUNL")."""
    return any(s[:1] == "+" and len(s) == len(bare) + 1 and sum(
        a != b for a, b in zip(s[1:], bare)) <= 1 + (len(bare) >= 8) for s in single)


def _unhyphened(tok: str, single: frozenset) -> str:
    """TOK, two names a hyphen joins ("Handayani-Anggraini,"), as two words where another
    reading of the line has the second as a word of its own: the hyphen is the signature's
    stroke through their space. A name printed with its hyphen ("Kumaat-Rumengan") keeps it."""
    head, _, tail = tok.rpartition("-")
    return f"{head} {tail}" if head and re.search(r"[a-z]", tok) and len(bare(tail)) >= 3 \
        and bare(tail) in single else tok


def _surer(again: list[Word], other: list[Word]) -> bool:
    """Whether tesseract is clearly surer of AGAIN's words than of OTHER's where the two
    readings of one line differ ("RAMADHAN" 0.96 beside "RAMADAAN" 0.84)."""
    mine, theirs = {w.text for w in again}, {w.text for w in other}
    a = [w.conf for w in again if w.text not in theirs]
    b = [w.conf for w in other if w.text not in mine]
    return bool(a and b) and sum(a) / len(a) >= sum(b) / len(b) + SURER


def _known(words: list[Word]) -> int:
    """How many of WORDS are Indonesian words: many names are ("Gusti", "Wahyu", "Sri"), and
    of two readings as like a name, the one with more is spelt right ("Gusti", not "Gysti").
    (Of five letters or more: a short name is a letter off many short words, "Heru"/"haru".)"""
    return sum(len(t) >= 5 and known(t) > 1 for t in (bare(w.text).lower() for w in words))


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _inside(words: list[Word], box, nip: list[Word], key: tuple | None = None) -> list[Word]:
    """The page's words across BOX whose middle is in it, or that stand in the row KEY; never
    the NIP's (a band a line high over a tightly set block may reach its digits' middle)."""
    return [w for w in words if w.x1 > box[0] and w.x0 < box[2] and w.key != nip[0].key
            and (w.key == key or box[1] < (w.top + w.bottom) / 2 < box[3])]


class _Reader:
    """Bands of one page read alone, and the reading most like a name kept."""

    def __init__(self, image, grey, h: float, run, timeout: float, langs: str,
                 column: float | None = None):
        self.image, self.grey, self.h, self.column = image, grey, h, column
        self.ringless = Ringless(image, grey.info.get("coloured") if grey else None)
        self.run, self.timeout, self.langs = run, timeout, langs

    def darkest(self, band, box):
        """BAND from the page's grey, its darkest ink alone, or None. A greyscale scan's stamp
        that the page's cleaning could not tell from print (a blurred scan, the signature's ink
        joined to the stamp) is black in the bitmap over the name; its grey is lighter than
        print's core, and goes here. Not where that would take most of the band's ink away:
        faded print is itself lighter than the cores, and only the stamp's crossings remain."""
        if self.grey is None:
            return None
        core = core_at(self.grey, box) + BLUR_ROOM
        look = self.grey.crop(box).point(lambda v: 0 if v < core else 255)
        kept, ink = look.histogram()[0], band.convert("L").histogram()[0]
        return look if kept >= KEPT * ink else None

    def as_printed(self, inside: list[Word], single: frozenset) -> str:
        """The text of the page's words INSIDE a band, with a word begun well left of a
        flush-left block's column that a reading has without its first letters (SINGLE) as
        debris: the stamp's ring read into it ("SPOLTAK" beside "POLTAK"); so is the
        stamp's specks read as words (bandread.specks), which stay in the name unless a
        reading of the band replaces them."""
        left = -1.0 if self.column is None else self.column - 0.5 * self.h
        dust = specks(inside, self.image, (0, 0, self.image.width, self.image.height))
        return " ".join("~" * len(w.text) if id(w) in dust or w.x0 < left and any(
            bare(w.text)[k:] in single for k in range(1, len(bare(w.text)) - 3))
            else t for w, t in zip(inside, self.shown(inside, set())))

    def shown(self, words: list[Word], specked: set[int], titles: bool = False) -> list[str]:
        """The texts of WORDS, a word that stands mostly on a stamp's ring (RINGED) as
        debris, however like a name it reads ("SL." for the ring's dotted remains); but for
        TITLES, a title read without the rings: the one the ring crossed ("Drs. HERMAN").
        Other words of SPECKED (bandread.specks) are left out: they go from any reading
        taken, and count neither for it nor against it."""
        return ["~" * len(w.text) if self.ringless.ring_share(
            (int(w.x0), int(w.top), int(w.x1) + 1, int(w.bottom) + 1)) >= RINGED and not (
            titles and is_title(w.text)) else "" if id(w) in specked else w.text
            for w in words]

    def degrees(self, words: list[Word], box, key, inside: list[Word]) -> list[Word]:
        """WORDS with the band at BOX read as the listed degrees that end its reading, in
        place of the page's words INSIDE it, where a look reads any: the band also takes in
        the stamp beside the line, whose lettering reads as anything ("NN AS/ oo M.Kes.")."""
        band = self.image.crop(box)
        looks = [band, unstruck(band, self.h)[0], self.ringless.band(box)]
        tails = []
        for again in read_lines([(look, box, key) for look in looks if look is not None],
                                self.run, self.timeout, self.langs):
            n = len(again)
            while n and only_degrees(again[n - 1].text):
                n -= 1
            tails.append(again[n:])
        tail = max(tails, key=len, default=[])
        gone = {id(w) for w in inside}
        return [w for w in words if id(w) not in gone] + tail if tail else words

    def best(self, words: list[Word], tries) -> tuple[list[Word], list[Word]]:
        """WORDS with the best of TRIES read in place of the page's words there, and that
        reading ([] where none reads more like a name). A try is (box, the key its words get,
        which looks to read, the page's words in it). The looks: the band as it stands and
        without the underline or the signature's tail where one crosses it ("both"; each wins
        on some pages), or the latter only ("clean": the page read a whole name, maybe short
        of a word under the tail). Where the page's reading is not a whole name, the band's
        darkest ink too (see darkest). All are read in one run of tesseract. The reading that
        gains most on the words it would replace is kept; of two that gain as much (each try
        replaces other words), the one more like a name. A reading with under half the letters
        of those words lost most of the line: it is not taken. A band without its rings: see
        rings, and the module's docstring."""
        looks, best, most = [], None, (0, 0, 0, False)  # (try, image, box, key, other look)
        cut: set[int] = set()  # the looks cut to their letters' rows
        for k, (box, key, how, inside) in enumerate(tries):
            band = self.image.crop(box)
            clean, struck = unstruck(band, self.h)
            bitmaps = ([band] if how == "both" else []) + [clean] * (struck >= self.h)
            looks += [(k, look, box, key, False) for look in bitmaps]
            rows = letters_only(clean, self.h) if bitmaps else None
            if rows:  # (the band cut to its letters' rows: a signature's loops above them)
                cut.add(len(looks))
                looks.append((k, bitmaps[0].crop((0, rows[0], band.width, rows[1])),
                              (box[0], box[1] + rows[0], box[2], box[1] + rows[1]), key, False))
            looks += [(k, look, box, key, True) for look in [self.darkest(band, box)]
                      if how == "both" and look is not None]
            # (without a stamp's rings the page kept: rings; as the darkest ink's, not surer)
            looks += [(k, unstruck(look, self.h)[0], box, key, "rings")
                      for look in [self.ringless.band(box)] if look is not None]
        readings = [mended_line(again) for again in read_lines([look[1:4] for look in looks],
                                                             self.run, self.timeout, self.langs)]
        for n in cut:  # (sharing no word with its band's other looks, it read other ink:
            # the rank's tops or stamp lettering, as capitals, "AAA APA NANAPNAAN")
            theirs = {bare(w.text) for m, look in enumerate(looks) if m != n
                      and look[0] == looks[n][0] for w in readings[m]}
            if not any(len(bare(w.text)) >= 3 and bare(w.text) in theirs for w in readings[n]):
                readings[n] = []
        specked = [specks(again, look[1], look[2]) for look, again in zip(looks, readings)]
        seen = readings + [t[3] for t in tries]
        single = frozenset(bare(w.text) for ws in seen for w in ws) | _spaced(seen, self.h)
        printed = [self.as_printed(t[3], single) for t in tries]  # (the page's, each try's)
        plain: dict[int, tuple] = {}  # each try's best reading from the page's bitmap
        for (k, *_, dark), again, dust in zip(looks, readings, specked):
            if not dark:
                shown = " ".join(self.shown(again, dust))
                plain[k] = max(plain.get(k, (-999, 0, [])), (fit(shown, single), _known(again),
                                                             again), key=lambda t: t[:2])
        for (k, *_, dark), again, dust in zip(looks, readings, specked):
            inside = tries[k][3]
            text, was = _text(again), printed[k]
            shown = " ".join(self.shown(again, dust, titles=dark == "rings"))
            base = plain.get(k) or (fit(was), _known(inside), inside)  # (no look but rings')
            # (of readings as like a name, the one with more words spelt right, then the
            # darkest ink's where tesseract is surer of it where the two differ; not so between
            # the bitmap's: a stroke through a space read as a letter reads sure, "SRIAWAHYUNI")
            gain = (fit(shown, single) - fit(was), fit(shown, single), _known(again),
                    dark is True and _surer(again, base[2]))
            # (another look's reading: taken if clearly more like a name, or as like and surer)
            if dark and gain[1] < base[0] + CLEARLY and not (
                    gain[1] >= base[0] and (gain[2] > base[1] or gain[3])):
                continue
            if again and not RANK.search(text) and gain[0] > 0 and gain > most and \
                    2 * sum(map(str.isalpha, text)) >= sum(map(str.isalpha, was)):
                best, most = (again, inside, k, dark, dust), gain
        if not best:
            return words, []
        # (the stamp's specks before the name are debris, as marks, which the name's text
        # drops (scanname) and the line's edge keeps: the stamp leaves such specks before the
        # post's lines too, which then stand as far left: bandread.specks)
        for w in best[0]:
            w.text = "~" * len(w.text) if id(w) in best[4] else w.text
        kept = best[0]
        # (not against the darkest ink's reading: it was taken for reading better than the
        # bitmap's looks, which share the stamp's errors)
        if not best[3]:
            others = [(again, dark) for (k, *_, dark), again in zip(looks, readings)
                      if k == best[2] and again is not best[0]]
            theirs = [again for again, _ in others]
            kept = voted(words_voted(kept, theirs, lambda t: _name_like(t, single),
                                     [best[3]] + [dark for _, dark in others]), theirs)
        best = (kept, best[1])
        for w in best[0]:  # (a hyphen a stroke made between two names: see _unhyphened)
            w.text = _unhyphened(w.text, single)
        gone = {id(w) for w in best[1]}
        return [w for w in words if id(w) not in gone] + best[0], best[0]
