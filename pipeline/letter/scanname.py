"""A signer's name as a scan reads it, set right.

A stamp is pressed over the start of the name and the signature's stroke crosses it, so OCR
puts the stamp's ring and lettering before the name as short words and marks, spoils its
front titles ("H,", "ir", "Hi."), reads a Balinese name's "I" as a stroke, and mixes up the
commas and dots of the degrees after it. What a name cannot hold (a mark or a short word
before a title) goes; what a title or degree must be (one dot, PUEBI's commas) is restored.
"""
from __future__ import annotations

import difflib
import re

from pipeline.letter.degrees import UNDOTTED_FOREIGN, dotted, only_degrees
from pipeline.letter.titles import BALINESE, FRONT

# titles before a name always end with one dot ("H," "H.." "Dr:" and "ir" are OCR misreads of "H."
# "Ir."; the "I" of "Ir." is read as "t" or "l", its dot as an s, "Irs Eko": no such title),
# in capitals too ("IR FIENTJE")
PREFIX = re.compile(r"^(Ir|IR|ir|tr|lr|tre)(?:[.,/]\s*|\s+)(?=[A-Z]{2})|^Irs\s+(?=[A-Z])|"
                    r"(?<![\w.])(H|Hj|HJ|dr|Dr|DR|Ir|IR|Drs|DRS|Dra|DRA|Prof|PROF)"
                    r"(?:[.,:]{0,2}\s+|-)(?=[A-Z])")
# two front titles whose dot and space the stamp's ring made a hyphen ("Prof-Dr.", "Dr-dr."),
# or whose space it took ("Dr.dr.")
JOINED = re.compile(r"(?<![\w.])(Prof|PROF|Dr|DR|dr|Ir|IR|H|Hj|Drs|Dra)(?:\.?-|\.)"
                    r"(?=(?:Dr|DR|dr|drg|Ir|IR|H|Hj)\.)")
# (an initial in a name carries its dot, so a lone letter before the capitals is stamp ink too)
# (the ring's letter may be glued to the title after them: "MN XH. AGUS"; RING_JUNK takes it)
# (or one word of any length: a picture's edge beside an e-signature's name, "Insan Dr. …";
# but the titles and the nobility that stand before a doctorate: "KH. Dr.", "Andi Dr.")
# (nor before "H.", which may be a name's middle initial: "BAMBANG H. SUSILO")
NOBLE = (r"(?:KH|Tgk|TGK|TGH|R)\.\s|(?i:andi|teuku|teungku|tengku|raden|habib|syekh|kolonel|"
         r"letkol|mayor|brigjen|kombes|akbp)\s")
FRONT_JUNK = re.compile(rf"^(?:(?:(?![A-Z]?{FRONT}|{NOBLE})\S{{1,4}}\s+){{1,2}}"
                        rf"(?=[A-Z]?{FRONT})|(?![A-Z]?{FRONT}|{NOBLE})\S+\s+"
                        rf"(?=(?!H\.|Hj\.|HJ\.){FRONT})|\S\s+(?=[A-Z]{{2}}))")
# (the lowercase titles, dr. drg. drh. apt., OCR may glue to the name: "dr.BUDI")
LOWER_JUNK = re.compile(rf"^(?:(?!(?:dr|drg|drh|apt)\.)[a-z]\S*\s+)+(?={FRONT}|[A-Z])")
# nor a short word in small letters after its capital before a name printed in capitals ("Si
# TEGUH ANGGRAINI"): such a name is in capitals throughout, but for its titles and particles
# (of two letters: "Moh", "Mhd" are Muhammad's)
# (one with a dot is an abbreviation: "Tb." Tubagus, "Th.", "Ch.", "Ny.")
MIXED_JUNK = re.compile(r"^(?!(?:Ni|La|Wa|Hj|Hi|Dr|Ir|Ns|St|Rd)\b)[A-Z][a-z]"
                        r"[,:;']?\s+(?=[A-Z]{2,}[\s,]+[A-Z]{2,})")
# the stamp's ring at the name's start read as a capital glued to a front title ("XH. AGUS"):
# no title has a letter before it but Kyai Haji's "KH."
RING_JUNK = re.compile(rf"^(?!KH\.)[A-Z](?={FRONT})")
# the Arabic article as Indonesian names write it in capitals, with its hyphen ("AL-AMIN",
# "AZ-ZAHRA", "ASY-SYAFI'I")
ARTICLE = frozenset({"AL", "EL", "AD", "AN", "AR", "AS", "ASH", "ASY", "AT", "ATH", "AZ"})
# one degree as OCR may give it: "S.H.", "Sp.PD.,", "M.Kes", "S.STP.", "IPM." (a dot in it)
DEGREE = re.compile(r"^[A-Z][A-Za-z]{0,3}(?:\.[A-Za-z]{1,4})*[.,]{0,2}$")


def without_marks(text: str) -> str:
    """Without the tokens that hold no letter or digit ("“", "£", "..") and stray quotes."""
    text = re.sub(r"(?<!\S)[^\w\s]+(?!\S)", " ", text)
    text = re.sub(r"[\u201c\u201d\"\u00a3]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def scanned_name(nama: str) -> str:
    """NAMA as a scan read it (its lines joined), without the stamp's remnants before it and
    the rank's words after it, its titles and degrees as printed."""
    # (a Balinese name's "I" read as a stroke, "| GUSTI NGURAH", is no stamp's mark)
    # (after the titles too, and read as a J: "DR. J KETUT OKA")
    bali = re.match(rf"^((?:{FRONT})*)[|!1lJ]\s+(?=\S)", nama)
    nama = f"{bali.group(1)}I {nama[bali.end():]}" if bali and BALINESE.match(
        nama[bali.end():]) else nama
    nama = re.sub(r"^[^A-Za-z]+", "", without_marks(nama)).replace("$", "S")  # "S.$TP."
    nama = JOINED.sub(r"\1. ", nama)
    # a speck after a word ("Siti’ Nur"; a name's own apostrophe goes on small: "Rofi' ah")
    nama = re.sub(r"(?<=\w)[\u2019\u2018'`](?=\s+[A-Z]|,|\s*$)", "", nama)
    # no name opens "Hi." (after its titles too): Hajjah's j misread
    nama = re.sub(rf"^((?:{FRONT})*)Hi[.,]\s*", r"\1Hj. ", nama)
    # nor "H).": Hajjah's j read as a bracket, its hook all that shows ("H). CUT …")
    nama = re.sub(r"^H[)\]}]\.?\s+(?=[A-Z])", lambda m: "HJ. " if nama[m.end():m.end() + 3]
                  .isupper() else "Hj. ", nama)
    # nor with a capital glued to a doctor's title whose dot was lost ("Sdr RUSLI": the
    # ring's letter; no signer's name opens with "Sdr", Saudara, which addresses others;
    # but Haji's H, its dot lost: "Hdr." is "H. dr.")
    nama = re.sub(r"^(?!H)[A-Z](dr|drg|drh)[.,]?\s+(?=[A-Z])", r"\1. ", nama)
    # nor "HL": Haji's "H." with its dot read as an l, the space lost ("HLIRWAN")
    nama = re.sub(r"^H[L1|](?=[A-Z]{3})", "H. ", nama)
    # (the nurse's Ns is also written without its dot, as printed: "Ns SITI"; but not with a
    # comma, its dot misread: "Ns, SRI")
    nama = re.sub(rf"^((?:{FRONT})*)(Ns|NS)[,:;]\s*(?=[A-Z])", r"\1\2. ", nama)
    # titles before a name always end with a dot ("H," and "ir" are misreads)
    nama = PREFIX.sub(lambda m: (m.group(2) or ("IR" if m.group(1) == "IR" else "Ir"))
                      + ". ", nama)
    # a front title (H., Hj., Dr., Ir. ...) opens the name: short tokens read before it
    # are the stamp's ring and lettering, which lies over the start of the name
    # (the ring's letter may stand after them too: "N OH. AGUS")
    # (a Balinese name's "I" is the name's: "I WAYAN")
    if not (nama.startswith("I ") and BALINESE.match(nama[2:])):
        nama = RING_JUNK.sub("", FRONT_JUNK.sub("", RING_JUNK.sub("", nama)))
    # nor does a name open with a lowercase word other than a title ("wahaf drg. …")
    nama = MIXED_JUNK.sub("", LOWER_JUNK.sub("", nama))
    nama = re.split(r"[\s\u2014\u2013-]+(?:Pemb\w+|Pena\w+|Peng\w+|Juru)\b", nama)[0]
    nama = _rank_after(nama)
    # a stamp's edge after it (not the Arabic article before a last name: "AL-AMIN")
    nama = re.sub(rf"\s+(?!(?:{'|'.join(ARTICLE)})-[A-Z])\S{{0,2}}[\u2014\u2013_~-]+\S*$", "",
                  nama)
    nama = re.sub(r"(?<=\s)[~_|\-\u2014'\u2018`]+(?=[A-Z])", "", nama)  # a rim's mark
    # a ring crossing the space between two names in capitals, read as a hyphen
    # ("SRI-HARTONO"; a name written in small letters keeps its own: "Kumaat-Rumengan", and so
    # does the Arabic article, written with its hyphen: "AL-AMIN")
    nama = re.sub(r"(\S*[A-Z]{2})-(?=[A-Z]{2})", lambda m: m.group(0) if m.group(1) in ARTICLE
                  else m.group(1) + " ", nama)
    nama = re.sub(r"\b(Ir|Dr|dr|Drs|Dra|Hj|H|Prof)\.(?=[A-Z])", r"\1. ", nama)  # "Ir.H."
    # nor does one open "LKETUT": a Balinese "I" read as an l, glued to the name after it
    nama = re.sub(r"^[Ll1|](?=\S+)", lambda m: "I " if BALINESE.match(nama[1:]) else
                  m.group(0), nama)
    return _final_i(_degrees(_capitalised(_one_comma(nama))))


def _final_i(nama: str) -> str:
    """NAMA with a word of its name in capitals that ends in an L where none can, an I: no
    Indonesian name ends in a stop and an L, nor is one without a vowel ("SUKMAWATL",
    "SUPRIYADL", "SRL"): the I at a word's end, read as an L, is a scan's commonest misreading
    there. ("KARL", "MARCELL" end as names may, and so do short Arabic ones, "FADL", "FADHL":
    only a word of six letters or more ends so by a misreading.) A word read otherwise stays as
    read: a real name one letter off another is no misreading a reader can tell (HARIYANTO,
    HADIYANTO)."""
    head, comma, tail = nama.partition(",")
    return " ".join(w[:-1] + "I" if re.fullmatch(r"[A-Z]{2,}L", w) and (
        w[-2] in "BCDFGHJKPQSTVXZ" and len(w) >= 6 or not re.search(r"[AEIOUY]", w[:-1])) else w
        for w in head.split(" ")) + comma + tail


def _one_comma(nama: str) -> str:
    """NAMA without a comma a speck put between its words: PUEBI sets one only before the
    degrees, so one after a name's word with more of the name after it, then the degrees'
    comma, is none ("NYIMAS, ROHANI, M.Si."); not where the words after it are degrees
    written without dots ("SANTOSO, SKom, MM") or in another case than the name's."""
    m = re.match(r"^([^,]*[A-Za-z]),((?:\s+[A-Z][A-Za-z'-]{3,})+),\s", nama)
    if not m:
        return nama
    first, middle = m.group(1).split()[-1], m.group(2).split()
    if any(dotted(w) != w or only_degrees(w) or LOST_DOT.match(w) or w.startswith("Sp")
           or w.isupper() != first.isupper() for w in middle):
        return nama
    return m.group(1) + nama[m.end(1) + 1:]


# the words a name writes in small letters: a father's name's "bin"/"binti", a family's
# "van"/"de"/"da"/"dos", the Arabic article, the Batak "boru"; the lowercase titles (dr.,
# drg., ...) end in a dot
PARTICLES = frozenset({"bin", "binti", "bte", "ibn", "boru", "van", "von", "der", "den", "ter",
                       "de", "da", "dos", "al", "el"})


def _capitalised(nama: str) -> str:
    """NAMA with a word of it a scan read with a small first letter ("H. joko Santoso": a J
    read as j) capitalised, where the name's other words are: each word of a name is."""
    names = nama.split(",")[0].split()
    low = [t for t in names if t[:1].islower() and not t.endswith(".") and t not in PARTICLES]
    if len(low) != 1 or not re.fullmatch(r"[a-z]{3,}", low[0]) or \
            not any(t[:1].isupper() for t in names):
        return nama
    return re.sub(rf"(?<!\S){low[0]}(?!\S)", low[0].capitalize(), nama, count=1)


# a two-letter bachelor's or master's degree (sarjana, magister) as a scan reads it with its
# dots lost ("ST" for "S.T."), or a degree's S read as 8 ("8.Pd."); a foreign degree written
# without dots ("MPH", "MSc") is kept as written
UNDOTTED = re.compile(r"^([SM])([EHTPMS])([.,]?)$")
EIGHT = re.compile(r"^8(?=\.[A-Z][a-z]{0,3}\.?,?$)")
# a bachelor's or master's degree whose first dot the scan lost ("MKes.", "SKep.")
LOST_DOT = re.compile(r"^([SM])(?=[A-Z][a-z]{1,3}[.,]{0,2}$)")
FOREIGN = re.compile(rf"^(?:{'|'.join(sorted(UNDOTTED_FOREIGN))}|Psikolog|Ners),?$")


def _degrees(nama: str) -> str:
    """The academic degrees after a name written as PUEBI writes them, "NAME, S.H., M.H.":
    OCR of a scan mixes up their commas and dots ("S.H.. M.H.", "WAHYUNI. S.E.", "M.T,"), or
    loses a degree's dots ("H. Taufik, ST MPH")."""
    tokens = re.sub(r"\bSp\.\s+(?=[A-Z]{2,}\b)", "Sp.", nama).split()  # "Sp. KKLP": a specialty
    comma = next((n for n, t in enumerate(tokens) if t.endswith(",")), len(tokens))
    tokens[comma + 1:] = [t if FOREIGN.match(t) else dotted(LOST_DOT.sub(r"\1.",
                                                                 EIGHT.sub("S", t)))
                          for t in tokens[comma + 1:]]  # (among the degrees)
    k = len(tokens)
    while k > 1 and ("." in tokens[k - 1] and DEGREE.match(tokens[k - 1])
                     or FOREIGN.match(tokens[k - 1]) or UNDOTTED.match(tokens[k - 1])
                     or k > comma + 1 and only_degrees(tokens[k - 1])):  # ("CA", "IPU")
        k -= 1
    # a degree that lost its dots only where a comma sets the degrees apart ("BUDI, ST"), not
    # two capitals that may end a name ("BUDI SE"); and foreign ones only beside ours
    while k < len(tokens) and (UNDOTTED.match(tokens[k]) and not tokens[k - 1].endswith(",")
                               or FOREIGN.match(tokens[k]) and k == len(tokens) - 1):
        k += 1
    tokens[k:] = [UNDOTTED.sub(r"\1.\2.\3", t) for t in tokens[k:]]
    if k == len(tokens) or k == 0:
        return " ".join(tokens) if k else nama
    out = []
    for tok in tokens[k:]:
        core = tok.rstrip(".,")
        # (a physician's specialty is written as read: KKI writes it without a closing dot,
        # "Sp.PD", "Sp.OG", and offices follow both ways; so does "S.STP")
        keep = (SPECIALTY.match(core) or CAPITALS_END.search(core)) \
            and not tok.rstrip(",").endswith(".")
        out.append(core + "." if ("." in core or tok.rstrip(",").endswith(".")) and not keep
                   else core)
    return " ".join(tokens[:k]).rstrip(".,") + ", " + ", ".join(out)


SPECIALTY = re.compile(r"^Sp\.[A-Z]", re.I)
CAPITALS_END = re.compile(r"^S\.STP$")  # the IPDN's degree, as often written without its dot

RANK_WORDS = ("pembina", "penata", "pengatur", "juru", "tingkat", "utama", "madya")


def _rank_after(nama: str) -> str:
    """NAMA without the rank's words that a stamp bridging the two lines put after its degrees
    ("H. JOKO FAUZI, S.AP. St Rembiha Tingkat"): from the first word like a rank's (misread
    as it may be), with what came before it that is no degree (dotted, or in capitals)."""
    m = re.search(r",\s+(?=[A-Z][A-Za-z]{0,3}\.)", nama)
    if not m:
        return nama
    tail = nama[m.end():].split()
    k = next((j for j, t in enumerate(tail) if difflib.get_close_matches(
        t.lower().strip(".,"), RANK_WORDS, n=1, cutoff=0.7)), None)
    if k is None:
        return nama
    while k and not ("." in tail[k - 1] or tail[k - 1].rstrip(",").isupper()):
        k -= 1
    return (nama[:m.end()] + " ".join(tail[:k])).rstrip(", ")
