"""The sending unit named by its signer's post, where the kop does not name it in text.

A kop printed as a picture (a scanned letterhead pasted into the Word template) leaves no
unit's name in the text, and the unit is read from the post of its head under the letter
(letterhead.from_signer). Two things the post may hold besides the head's title:
- a deputy signing for the head (Permendagri 1/2023: "a.n. Kepala Dinas X / Sekretaris," and
  "u.b." down a further step): the unit is the head's, and the deputy's post after it is not
  part of its name;
- no region ("Kepala Biro Hukum"): a consultation goes to the Inspektorat of the sender's own
  government, so where the letter is addressed to an Inspektorat the region is its
  ("Inspektur Provinsi Lampung"), and a Biro or Bagian is of that government's Sekretariat
  Daerah (a letter to another office, a BPKP's, a Dinas's, tells no region).
"""
from __future__ import annotations

import re

from pipeline.letter.letterhead import from_signer, title

# where the deputy's post begins after the head's, in an "a.n." block joined into one line
DEPUTY = re.compile(r"\s+(?:Sekretaris|Wakil|Kepala\s+(?:Bagian|Bidang|Sub\s?bagian|Seksi|"
                    r"Sub\s?bidang|Tata\s+Usaha)|u\.b\.)\b.*$", re.I)
REGION = re.compile(r"\b((?:Provinsi|Kabupaten|Kota|Kab\.)\s+[A-Z][\w'.-]*"
                    r"(?:\s+[A-Z][\w'.-]*)*)\s*$", re.I)
# a region not named by its kind: a special region's own name
HAS_REGION = re.compile(r"\b(?:Daerah\s+Istimewa|DKI|Aceh|Papua)\b", re.I)
INSPEKTORAT = re.compile(r"\bInspekt(?:ur|orat)\b", re.I)  # (only its own government's)
LOCAL = re.compile(r"^(?:Kecamatan|Kelurahan|Distrik|Kapanewon|Kemantren|Desa|Kampung)\b", re.I)
# the head of a regional disaster agency is titled "Kepala Pelaksana"
TITLE = re.compile(r"^(?:(?:a\.?n\.?|p[l1i]t[.,]?|plh\.?|pj\.?)\s+)*Kepala\s+Pelaksana\s+", re.I)


def from_post(jabatan: str, tujuan: str | None) -> str | None:
    """The unit whose head's post is JABATAN, in the region of the Inspektorat TUJUAN where
    the post names none (see the module's docstring)."""
    post = jabatan.strip()
    if re.match(r"^a\.?n\.?\s", post, re.I):
        head = post.split(None, 1)[1] if len(post.split()) > 1 else ""
        post = "a.n. " + re.sub(r",\s*$", "", DEPUTY.sub("", head.split(" ", 1)[0] + " "
                                                          + (head.split(" ", 1) + [""])[1]))
    post = TITLE.sub("Kepala ", post)
    unit = from_signer(post)
    if unit and unit.split(None, 1)[-1].isupper():  # (a post set in capitals: named as a kop)
        unit = title(unit)
    # (the Sekretaris DPRD heads the Sekretariat, named in full: Permendagri 1/2023)
    unit = unit and re.sub(r"^Sekretariat DPRD\b", "Sekretariat Dewan Perwakilan Rakyat Daerah",
                           unit)
    # (a Kecamatan, Kelurahan or Distrik is named without its region, as its kop names it)
    if not unit or REGION.search(unit) or HAS_REGION.search(unit) or LOCAL.match(unit) \
            or not (tujuan and INSPEKTORAT.search(tujuan)):
        return unit
    region = REGION.search(tujuan)
    if region is None:
        return unit
    if re.match(r"^(?:Biro|Bagian)\b", unit, re.I):
        return f"{unit} Sekretariat Daerah {region.group(1)}"
    return f"{unit} {region.group(1)}"
