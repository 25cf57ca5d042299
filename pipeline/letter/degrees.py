"""Academic and professional degrees as Indonesian higher education writes them.

Permenristekdikti 59/2018 (on diplomas, degrees and how degrees are written) lists the degrees
Indonesian universities award, each with its abbreviation; older forms still on officials'
names (the Islamic ".I." degrees, A.Ma., S.ST.), professional titles (Ak., Apt., Ns., the
medical specialists' Sp.) and common foreign degrees (Lc., the licence of Middle-Eastern
universities) follow the same form. A scanned degree that tesseract read unsure of, and that is
no listed degree, is the one listed degree it differs from by one small letter inside a word of
the degree, with the same dots and capitals (`S.Sis.` read for `S.Sos.` under a stamp). Only
then, and only in a degree of six characters or more: a capital is a degree's kind or an
initial (S.Pd.K. is no S.Pd.I., M.Tr.Par. no S.Tr.Par., H.A. no M.A.), and a short word a
name's abbreviation (Rd., Md.) or half a degree typed with a space (`S. Pd.`). An unlisted
degree read sure stays, and so does a reading a letter off two listed degrees (`S.Kem.`: S.Kom.
or S.Kep.?) or off none.
"""
from __future__ import annotations

import re

from pipeline.letter.titles import is_title

UNSURE = 0.5  # tesseract's confidence in the word below which it may be mended
SHORTEST = 6  # characters of a degree that may be mended ("S.Sos.")

_LISTED = """
A.Ma. A.Ma.Pd. A.Md. A.Md.Ak. A.Md.AB. A.Md.Farm. A.Md.Gz. A.Md.Kep. A.Md.Keb. A.Md.Kes.
A.Md.Kom. A.Md.P. A.Md.Par. A.Md.Pi. A.Md.Pt. A.Md.T. A.P.
S.Ag. S.Pd. S.Pd.I. S.Pd.K. S.Pd.H. S.Pd.B. S.Ft. S.Sos. S.Sos.I. S.IP. S.I.Kom. S.Kom.I. S.H.
S.H.I. S.E. S.E.I.
S.Ak. S.M. S.T. S.Kom. S.Si. S.Mat. S.Stat. S.Farm. S.Ked. S.K.M. S.KM. S.Kep. S.Keb. S.Gz. S.Kes.
S.KG. S.KH. S.P. S.Pt. S.Hut. S.Pi. S.Psi. S.S. S.Hum. S.Sn. S.Ds. S.Ars. S.AP. S.A.P.
S.AB. S.A.B. S.Th. S.Th.I. S.Sy. S.Kel. S.Fil. S.I.K. S.STP. S.Tr.Keb. S.Tr.Kes.
S.Tr.Kep. S.Tr.T. S.Tr.Kom. S.Tr.AP. S.Tr.IP. S.Tr.Ak. S.Tr.Sos. S.Tr.Pi. S.ST. S.Tr.Par.
S.Tr.P. S.Tr.Pt. S.TI. M.Tr.Kep. M.Tr.T. M.Tr.Kom. M.Tr.IP. M.Tr.Ak. M.Tr.Sos. M.Tr.Pi. M.Tr.Par.
M.Ag. M.Pd. M.Pd.I. M.Pd.K. M.Pd.H. M.Pd.B. M.Fil. M.Th.I. M.Kom.I. M.Sos.I. M.Si. M.Sos. M.IP.
M.I.Kom. M.H. M.H.I. M.Kn. M.E. M.E.I. M.Ak. M.M.
M.T. M.Kom. M.Mat. M.Stat. M.Farm. M.Kes. M.K.M. M.KM. M.Kep. M.Keb. M.Gz. M.P. M.Pt. M.Hut. M.Psi.
M.Hum. M.Sn. M.Ds. M.Ars. M.AP. M.A.P. M.A. M.Sc. M.Eng. M.B.A. M.BA. M.PH. M.P.H. M.Biomed.
M.Han. M.Th. M.Sy. M.Ked. M.Epid. M.Acc. M.Com. M.Phil. M.Ed. M.Arch. M.Tr.AP.
M.Si.Han. M.M.R. M.A.R.S. M.Cs. M.Agr. M.Res. M.Litt. M.Tr.Kes. M.IT. M.Env. M.Mgt.
M.P.A. M.P.P. M.Dev. M.Int. B.A. B.Sc. B.Eng. B.Ed. B.Com. D.Phil.
Ph.D. D.Sc. Ed.D. Lc.
Ak. Akt. CA. CPA. Apt. Ns. Bd. IPM. IPU. IPP. Sp.Ak.
Sp.A. Sp.An. Sp.B. Sp.BA. Sp.BP. Sp.BS. Sp.BTKV. Sp.DV. Sp.EM. Sp.F. Sp.GK. Sp.JP. Sp.KFR.
Sp.KJ. Sp.KK. Sp.KN. Sp.KO. Sp.M. Sp.MK. Sp.N. Sp.OG. Sp.OT. Sp.P. Sp.PA. Sp.PD. Sp.PK.
Sp.Rad. Sp.S. Sp.THT. Sp.U. Sp.KG. Sp.Ort. Sp.Pros. Sp.Perio. Sp.BM. Sp.KGA. Sp.PM. Sp.RKG.
"""
LISTED = frozenset(_LISTED.split())
CAPITALS = {d.upper(): d for d in LISTED}  # (as a name in capitals writes them)


def mended(text: str, conf: float) -> str:
    """TEXT, a word read CONF sure, as the listed degree it is a letter off, where it is none
    (a trailing comma kept); else as read."""
    bare = text.rstrip(",")
    if conf >= UNSURE or len(bare) < SHORTEST or bare in LISTED or is_title(bare) \
            or "." not in bare:
        return text
    near = [d for d in LISTED if len(d) == len(bare) and _a_letter_off(bare, d)]
    return near[0] + text[len(bare):] if len(near) == 1 else text


def _a_letter_off(read: str, listed: str) -> bool:
    """Whether READ is LISTED with one small letter changed, inside a word of two small
    letters or more ("Sis" for "Sos"), its dots and capitals where LISTED has them."""
    off = [k for k, (a, b) in enumerate(zip(read, listed)) if a != b]
    if len(off) != 1:
        return False
    k = off[0]
    word = listed[:k].rsplit(".", 1)[-1] + listed[k:].split(".", 1)[0]
    return read[k].islower() and listed[k].islower() and sum(c.islower() for c in word) >= 2


# foreign degrees as written without dots beside ours ("S.Si., MPH")
UNDOTTED_FOREIGN = frozenset({"MPH", "MBA", "MSc", "PhD"})


def only_degrees(text: str) -> bool:
    """Whether TEXT holds listed degrees and nothing else, however a scan read their closing
    dots ("IPU", "Ak" for "Ak."; "CA" as offices write it), beside marks a stamp left ("»"):
    the rest of a name's degrees on a line of its own, which tesseract reads unsure, short."""
    toks = [t.rstrip(",") for t in text.split() if any(c.isalnum() for c in t)]
    return bool(toks) and all(t in LISTED or t + "." in LISTED or t in UNDOTTED_FOREIGN
                              for t in toks)


DOT_READ = "tilr"  # small letters a dot a stroke touched is read as (no degree's own: "M.PdH.")


def dotted(tok: str) -> str:
    """TOK, a degree not listed, as the listed one it is with a dot for a small letter between
    two capitals (a dot a stroke touched, read as a letter: "StE.," for "S.E.,"), or with its
    closing dot where the scan lost it from an abbreviation in small letters ("Ak" for "Ak.";
    not from one in capitals, which offices write without, "CA", "IPU", nor from a
    specialty, "Sp.PD", which KKI writes without)."""
    bare = tok.rstrip(",")
    if bare in LISTED:
        return tok
    if bare + "." in LISTED and "." not in bare and not bare.isupper():
        return bare + "." + tok[len(bare):]
    comma = bare.replace(",", ".")  # (a dot read as a comma inside it: "M,Si" for "M.Si.")
    if comma != bare and (comma in LISTED or comma + "." in LISTED):
        return (comma if comma in LISTED else comma + ".") + tok[len(bare):]
    # (in a name printed in capitals, an I read as an L: "S.PL." for "S.PI.")
    caps = {bare[:k] + "I" + bare[k + 1:] for k, c in enumerate(bare) if c == "L"} \
        if bare.isupper() and bare not in CAPITALS else set()
    if len(hit := sorted(caps & CAPITALS.keys())) == 1:
        return hit[0] + tok[len(bare):]
    if bare.startswith("Sp"):  # (a specialty, "SpKG.": its p is no dot)
        return tok
    near = {bare[:k] + "." + bare[k + 1:] for k in range(1, len(bare) - 1)
            if bare[k] in DOT_READ and bare[k - 1].isupper() and bare[k + 1].isupper()}
    hit = sorted(near & LISTED)
    return hit[0] + tok[len(bare):] if len(hit) == 1 else tok


# a degree a scan read apart at its dot ("M. Si," for "M.Si,"; "S. Pd." for "S.Pd."): two
# halves that make a listed degree, each short ("H. I GUSTI" makes none)
HALVES = re.compile(r"(?<![\w.])([A-Z][A-Za-z]{0,2})\.\s+([A-Z][A-Za-z]{0,3})(\.?)(?=[,.\s]|$)")


def closed(text: str) -> str:
    """TEXT with each degree a scan read apart at its dot written whole, with its closing dot:
    after the name's comma, or where the whole line is degrees; a name's initials before it
    may spell one ("M. T. HUTAPEA", "ROBERT S. E. PURBA")."""
    def whole(m: re.Match) -> str:
        degree = f"{m.group(1)}.{m.group(2)}."
        return degree if degree in LISTED else m.group(0)
    joined = HALVES.sub(whole, text)
    if only_degrees(joined):
        return joined
    comma = re.search(r",\s+(?=\S)", text)
    return text[:comma.end()] + HALVES.sub(whole, text[comma.end():]) if comma else text
