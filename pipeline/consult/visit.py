# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the clerk records for a visitor at the walk-in desk, and the plain checks on it
(lengths, one-line fields, the e-mail address, the institution matched to an OPD).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.intake.identify import _norm, match_unit

EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
LIMITS = {"name": 200, "institution": 300, "position": 200, "phone": 40, "email": 254,
          "nip": 24, "purpose": 2000, "question": 2000, "summary": 8000, "instructions": 2000}
MAX_QUESTIONS = 20


@dataclass(frozen=True)
class Visit:
    """What the clerk records at the desk."""
    name: str
    institution: str
    purpose: str
    questions: tuple[str, ...]
    position: str = ""
    phone: str = ""
    email: str = ""
    nip: str = ""


# -- plain checks --------------------------------------------------------------------------
def one_line(text: str | None) -> str:
    """Whitespace (newlines, tabs) collapsed and control characters dropped."""
    text = "".join(c for c in (text or "") if unicodedata.category(c)[0] != "C" or c in "\t\n\r")
    return " ".join(text.split())


def paragraph(text: str | None) -> str:
    """Multi-line text kept as lines; control characters dropped, blank runs collapsed."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C" or c == "\n")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def clean(visit: Visit) -> tuple[Visit, dict[str, str]]:
    """VISIT tidied, and the problems per field (Indonesian), empty when it can be registered."""
    v = Visit(name=one_line(visit.name), institution=one_line(visit.institution),
              purpose=paragraph(visit.purpose),
              questions=tuple(q for q in (paragraph(q) for q in visit.questions) if q),
              position=one_line(visit.position), phone=one_line(visit.phone),
              email=one_line(visit.email).lower(), nip=re.sub(r"[\s.]", "", visit.nip or ""))
    errors: dict[str, str] = {}
    for field, label in (("name", "Nama"), ("institution", "Instansi/OPD"),
                         ("purpose", "Tujuan konsultasi")):
        if not getattr(v, field):
            errors[field] = f"{label} wajib diisi."
    if not v.questions:
        errors["questions"] = "Tuliskan ringkasan paling sedikit satu pertanyaan."
    elif len(v.questions) > MAX_QUESTIONS:
        errors["questions"] = f"Paling banyak {MAX_QUESTIONS} pertanyaan."
    for field in ("name", "institution", "position", "phone", "email", "purpose"):
        if len(getattr(v, field)) > LIMITS[field]:
            errors[field] = f"Terlalu panjang (paling banyak {LIMITS[field]} karakter)."
    if any(len(q) > LIMITS["question"] for q in v.questions):
        errors["questions"] = f"Satu pertanyaan paling banyak {LIMITS['question']} karakter."
    if v.email and not EMAIL_RE.match(v.email):
        errors["email"] = "Alamat surel tidak valid."
    if v.nip and not re.fullmatch(r"\d{18}", v.nip):
        errors["nip"] = "NIP terdiri atas 18 angka (boleh dikosongkan)."
    return v, errors


def match_opd(opds, institution: str):
    """The OPD of the rules the visitor named: its name, alias, abbreviation or code."""
    found = match_unit(opds, institution)
    if found:
        return found
    wanted = _norm(institution or "")
    hits = [o for o in opds if wanted and wanted in {_norm(o.abbrev or ""), _norm(o.code)}]
    return hits[0] if len(hits) == 1 else None
