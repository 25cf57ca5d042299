# SPDX-License-Identifier: AGPL-3.0-or-later
"""The reply-letter draft (konsep surat jawaban): context, rendering, signing, PDF preview.

Pure functions over bytes and plain dicts, so they are testable without a database. The draft
is rendered from `defaults/templates/jawaban.docx` (built by `defaults/make_template.py`);
Nomor and date stay blank until signing, when `fill_signing` sets them in whatever the draft
has become after officials edited it in Word.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import date

from lxml import etree

from pipeline.casework.layout import emblem_image, fit_signature, keep_titles
from pipeline.core import example
from pipeline.core.naskah import BULAN
from pipeline.core.naskah import tanggal as tanggal_id

TEMPLATE = example.templates() / "jawaban.docx"
NO_ANSWER = "[jawaban belum diisi]"
NO_QUESTION = "[uraian pertanyaan]"
SIFAT = {"biasa": "Biasa", "segera": "Segera", "sangat segera": "Sangat Segera",
         "penting": "Penting", "rahasia": "Rahasia", "terbatas": "Terbatas"}
HEAD_OF_REGION = {"kota": "Wali Kota", "kabupaten": "Bupati", "provinsi": "Gubernur"}
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class DraftError(ValueError):
    """A draft that cannot be signed as it stands (no Nomor field, no date line)."""


@dataclass(frozen=True)
class Item:
    """One question of the incoming letter and its answer, one line per paragraph."""
    no: int
    pertanyaan: str
    jawaban: tuple[str, ...]


@dataclass(frozen=True)
class DraftContext:
    """Everything the template shows; names are the template's (Indonesian) variable names."""
    kop: dict
    kota: str
    tanggal: str | None
    nomor: str | None
    sifat: str
    lampiran: str
    hal: str
    tujuan: str
    tempat: str
    surat: dict
    butir: tuple[Item, ...]
    inspektur: dict
    tembusan: tuple[str, ...]
    agenda_no: str | None
    catatan: tuple[str, ...] = ()       # notes for the drafter: what Paraf could not fill in


def clean(text, *, one_line: bool = True) -> str:
    """Text safe for Word XML (no control characters), folded to one line unless asked not to."""
    text = _ILLEGAL.sub("", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\s+", " ", text).strip() if one_line else text.strip()


def nip_spaced(nip: str | None) -> str:
    """'197001012000031005' -> '19700101 200003 1 005' (birth date, appointment, sex, serial)."""
    digits = re.sub(r"\D", "", nip or "")
    if len(digits) != 18:
        return clean(nip)
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def _title_if_shouting(text: str) -> str:
    from pipeline.letter.letterhead import title
    return title(text) if text.isupper() else text


def tujuan_for(letter: dict) -> str:
    """The addressee of the reply: the post of whoever signed the incoming letter.

    "Plt." / "a.n." are dropped because the reply goes to the head of the OPD itself; without a
    signer, the head of the sending unit is derived from its name ("Kepala " + pengirim).
    """
    jabatan = clean((letter.get("penandatangan") or {}).get("jabatan")).rstrip(",")
    if jabatan:
        an = re.match(r"^a\.?\s?n\.?\s+(.+)$", jabatan, re.I)
        if an:  # "a.n. Kepala Dinas X Sekretaris": the head, not the deputy who signed
            jabatan = re.split(r"\s+(?=(?:Sekretaris|Kepala Bidang|Kabid|Kasubag)\b)",
                               an.group(1), maxsplit=1, flags=re.I)[0]
        jabatan = re.sub(r"^(plt|plh|pj)\.?\s+", "", jabatan, flags=re.I).rstrip(",")
        return _title_if_shouting(jabatan)
    unit = _title_if_shouting(clean(letter.get("pengirim")))
    if not unit:
        return ""
    for prefix, head in (("Sekretariat DPRD", "Sekretaris DPRD"),
                         ("Sekretariat Daerah", "Sekretaris Daerah"),
                         ("Kecamatan", "Camat"), ("Kelurahan", "Lurah")):
        if unit.lower().startswith(prefix.lower()):
            return head + unit[len(prefix):]
    return "Kepala " + unit


def _pemda(office: dict) -> str:
    """'Kota Pekalongan', from `pemda`, `government` or the office's own name."""
    if office.get("pemda"):
        return clean(office["pemda"])
    gov = clean(office.get("government"))
    if gov:
        return re.sub(r"^pemerintah\s+", "", gov, flags=re.I)
    m = re.search(r"\b(Kota|Kabupaten|Provinsi)\s+.+$", clean(office.get("name")))
    return m.group(0) if m else ""


def _kop(office: dict, pemda: str) -> dict:
    """The letterhead: emblem (a file path; `render` makes it a picture), government, unit,
    address with telephone and fax, then website and e-mail (Permendagri 1/2023)."""
    name = clean(office.get("name")) or "Inspektorat Daerah"
    instansi = re.sub(rf"\s+{re.escape(pemda)}$", "", name, flags=re.I) if pemda else name
    phone = clean(office.get("phone") or office.get("telepon"))
    kontak = [f"Telepon {phone}"] if phone else []
    kontak += [f"Faksimile {clean(office['fax'])}"] if office.get("fax") else []
    laman = [f"Laman {clean(office['website'])}"] if office.get("website") else []
    laman += [f"Pos-el {clean(office['email'])}"] if office.get("email") else []
    return {"lambang": clean(office.get("emblem")),
            "pemerintah": f"PEMERINTAH {pemda}".upper() if pemda else "",
            "instansi": instansi.upper(), "alamat": clean(office.get("address")),
            "kontak": ", ".join(kontak), "laman": ", ".join(laman)}


def _hal(hal: str) -> str:
    if not hal:
        return "Jawaban atas Permohonan Konsultasi"
    return hal if re.match(r"^(jawaban|tanggapan)\b", hal, re.I) else f"Jawaban atas {hal}"


def _date_id(value) -> str | None:
    if not value:
        return None
    try:
        return tanggal_id(str(value)[:10])
    except ValueError:
        return clean(value)


def _items(questions: list, answers: list | None) -> tuple[Item, ...]:
    answers = list(answers or [])
    n = max(len(questions), len(answers), 1)
    out = []
    for i in range(n):
        q = clean(questions[i]) if i < len(questions) else ""
        raw = clean(answers[i], one_line=False) if i < len(answers) else ""
        lines = tuple(ln for ln in (clean(x) for x in raw.split("\n")) if ln)
        out.append(Item(i + 1, q or NO_QUESTION, lines or (NO_ANSWER,)))
    return tuple(out)


def context_for(entry_like: dict, office: dict, inspector: dict, answers: list[str] | None = None,
                *, tembusan: list[str] | None = None) -> dict:
    """The template context for one case; missing facts become visible placeholders."""
    letter = entry_like.get("letter") or entry_like
    pemda = _pemda(office)
    hal_in = _title_if_shouting(clean(letter.get("hal") or entry_like.get("subject"))).rstrip(".;,")
    region = pemda.split(" ")[0].lower() if pemda else ""
    if tembusan is None:
        tembusan = office.get("tembusan")
    if tembusan is None:
        head = HEAD_OF_REGION.get(region)
        tembusan = [f"{head} {pemda.split(' ', 1)[1]} (sebagai laporan)"] if head else []
    jabatan = clean(inspector.get("jabatan")) or f"Inspektur Daerah {pemda}".strip()
    tujuan = tujuan_for(letter) or clean(entry_like.get("opd_name")) or "[tujuan surat]"
    tempat = clean(entry_like.get("tempat"))      # from the OPD directory; never our own city
    catatan = () if tempat else (
        f"Tempat kedudukan {tujuan} belum tercatat di direktori OPD, sehingga baris "
        "\"di …\" di bawah alamat tujuan tidak dicantumkan; tambahkan bila perlu.",)
    ctx = DraftContext(
        kop=_kop(office, pemda),
        kota=clean(office.get("city")) or "…",
        tanggal=None,
        nomor=None,
        sifat=SIFAT.get(clean(letter.get("sifat")).lower(), "Biasa"),
        lampiran="-",
        hal=_hal(hal_in),
        tujuan=tujuan,
        tempat=tempat,
        surat={"nomor": clean(letter.get("nomor")) or None,
               "tanggal": _date_id(letter.get("tanggal")), "hal": hal_in or None},
        butir=_items(list(letter.get("pertanyaan") or []), answers),
        inspektur={"jabatan": jabatan.upper(), "nama": keep_titles(clean(inspector.get("name"))),
                   "pangkat": clean(inspector.get("pangkat")),
                   "nip": nip_spaced(inspector.get("nip"))},
        tembusan=tuple(t for t in (clean(x) for x in tembusan) if t),
        agenda_no=clean(entry_like.get("agenda_no")) or None,
        catatan=catatan,
    )
    return dataclasses.asdict(ctx)


def _scrub(value):
    """Drop control characters Word rejects, everywhere in the context."""
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_scrub(v) for v in value)
    return value


def default_template() -> bytes:
    return TEMPLATE.read_bytes()


def render(template_bytes: bytes, context: dict) -> bytes:
    """Fill the template; values are escaped and never evaluated, so "<b>", "&", "{{" stay text."""
    from docxtpl import DocxTemplate
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    tpl = DocxTemplate(io.BytesIO(template_bytes))
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    context = _scrub(context)
    kop = context.get("kop")
    if isinstance(kop, dict):     # the emblem's path becomes a picture (or nothing)
        context = {**context, "kop": {**kop, "lambang": emblem_image(tpl, kop.get("lambang"))}}
    tpl.render(context, jinja_env=env, autoescape=True)
    fit_signature(tpl.docx, str((context.get("inspektur") or {}).get("nama") or ""))
    props = tpl.docx.core_properties
    if context.get("catatan"):
        props.comments = " ".join(context["catatan"])[:250]
    if context.get("hal"):
        props.title = _scrub(context["hal"])[:250]
    if context.get("agenda_no"):  # lets a returned DOCX be matched to its case
        props.subject = f"Agenda {_scrub(context['agenda_no'])}"[:250]
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


# --- signing -------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NOMOR_LABEL = re.compile(r"^\s*(nomor|no\.?)\s*:?\s*$", re.I)
NOMOR_LINE = re.compile(r"^\s*nomor\s*:", re.I)
DATE_REST = re.compile(rf"^[\s….·_-]*(?:\d{{1,2}}\s*)?(?:(?:{'|'.join(BULAN)})\s*)?"
                       r"(?:(?:19|20)\d{2})?[\s.]*$", re.I)


def _nodes(p):
    """Text, tab and break elements of runs (not the tab stops in the paragraph's properties)."""
    return [el for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr")
            if el.getparent().tag == f"{W}r"]


def _ptext(p) -> str:
    return "".join((el.text or "") if el.tag == f"{W}t" else "\t" for el in _nodes(p))


def _replace_from(p, offset: int, new: str, like=None) -> None:
    """Keep the paragraph's text up to `offset` and put `new` after it, keeping run formatting."""
    pos, placed, last_t, tab_after = 0, False, None, False
    for el in _nodes(p):
        is_t = el.tag == f"{W}t"
        start = pos
        pos += len(el.text or "") if is_t else 1
        if is_t and not placed and start <= offset <= pos:
            el.text, placed = (el.text or "")[:offset - start] + new, True
            el.set(XML_SPACE, "preserve")
        elif start >= offset:  # wholly after the kept part: drop it
            if is_t:
                el.text = ""
            else:
                el.getparent().remove(el)
                continue
        last_t, tab_after = (el, False) if is_t else (last_t, True)
    if placed:
        return
    if last_t is None or tab_after:  # nothing to extend after a kept tab: a new run at the end
        like = like if last_t is None else last_t.getparent()
        run = etree.SubElement(p, f"{W}r")
        if like is not None and like.find(f"{W}rPr") is not None:
            run.append(deepcopy(like.find(f"{W}rPr")))
        last_t = etree.SubElement(run, f"{W}t")
    last_t.text = (last_t.text or "") + new
    last_t.set(XML_SPACE, "preserve")


def _set_nomor(body, nomor: str) -> bool:
    for p in body.iter(f"{W}p"):
        text = _ptext(p)
        tc = next(p.iterancestors(f"{W}tc"), None)
        if tc is not None and NOMOR_LABEL.match(text):
            tr = tc.getparent()
            cells = [c for c in tr if c.tag == f"{W}tc"]
            rest = cells[cells.index(tc) + 1:]
            if not rest:
                continue
            paras = rest[-1].findall(f"{W}p")
            for extra in paras[1:]:  # "(diisi oleh TU)" and the like: the number replaces them
                rest[-1].remove(extra)
            vtext = _ptext(paras[0])
            colon = vtext.find(":") + 1 if vtext.lstrip().startswith(":") else 0
            like = next(p.iter(f"{W}r"), None)
            _replace_from(paras[0], colon, (" " if colon else "") + nomor, like)
            return True
        if NOMOR_LINE.match(text):       # "Nomor<tab>:<tab>…": the number where the value starts
            start = text.index(":") + 1
            gap = len(text[start:]) - len(text[start:].lstrip(" \t"))
            _replace_from(p, start + gap, nomor if gap else " " + nomor)
            return True
    return False


def _set_date(body, city: str | None, when: str) -> bool:
    rx = re.compile(rf"^\s*({re.escape(city)})\s*," if city else r"^\s*([A-Z][A-Za-z .'-]{1,40}?)\s*,")
    hits = [(p, m) for p in body.iter(f"{W}p") for m in [rx.match(_ptext(p))] if m]
    best = [(p, m) for p, m in hits if DATE_REST.match(_ptext(p)[m.end():])] or \
           ([] if city is None else hits)
    if not best:
        return False
    p, m = best[0]
    _replace_from(p, m.end(), " " + when)
    return True


def fill_signing(docx: bytes, nomor: str, tanggal_iso: str, city: str | None = None) -> bytes:
    """Set the outgoing number and the date into a draft, however it has been edited since.

    The number goes into the value beside the "Nomor" label (table cell or "Nomor : ..." line),
    the date after "<city>," in the place-and-date line; both replace what was there.
    """
    from docx import Document

    nomor = clean(nomor)
    if not nomor:
        raise DraftError("the outgoing number is empty")
    when = tanggal_id(date.fromisoformat(tanggal_iso))
    doc = Document(io.BytesIO(docx))
    body = doc.element.body
    if not _set_nomor(body, nomor):
        raise DraftError("no 'Nomor' field found in the draft")
    if not _set_date(body, city, when):
        raise DraftError(f"no place-and-date line ('{city or 'Kota'}, …') found in the draft")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- preview -------------------------------------------------------------------------------

def preview_pdf(docx: bytes, timeout: float = 60) -> bytes | None:
    """A PDF of the draft via LibreOffice, or None when it is not installed or fails. Each
    level of the paraf chain previews the same revision: the worker converts it once."""
    from pipeline.signing.convert import to_pdf
    key = hashlib.sha256(docx).hexdigest()
    if key in _PREVIEWS:
        return _PREVIEWS[key]
    pdf = to_pdf([docx], timeout)[0]
    if pdf is not None:
        _PREVIEWS[key] = pdf
        while len(_PREVIEWS) > 16:                 # the oldest go first
            del _PREVIEWS[next(iter(_PREVIEWS))]
    return pdf


_PREVIEWS: dict[str, bytes] = {}
