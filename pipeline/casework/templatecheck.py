# SPDX-License-Identifier: AGPL-3.0-or-later
"""Check an office's own answer template before it replaces the default.

An office may put its own `rules/templates/jawaban.docx` in place of the default. What it must
offer is what the default offers: the placeholders drafting fills in (the default template's own
set is the reference, so this never drifts from it), a "Nomor" field and a place-and-date line
that signing can fill, and a font the server has (or one with the same metrics), because
LibreOffice otherwise substitutes a wider one and every line wraps elsewhere.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
# Without these the letter cannot be signed or says nothing; the rest are recommended.
REQUIRED = ("kota", "tanggal", "hal", "tujuan", "butir", "inspektur.jabatan", "inspektur.nama",
            "inspektur.nip")
# Fonts LibreOffice replaces by a metric-compatible one (fontconfig's metric aliases).
METRIC_TWINS = {"arial": "Liberation Sans", "helvetica": "Liberation Sans",
                "times new roman": "Liberation Serif", "courier new": "Liberation Mono",
                "arial narrow": "Liberation Sans Narrow", "calibri": "Carlito",
                "cambria": "Caladea"}


class TemplateError(ValueError):
    """Not a Word document, or its Jinja tags do not parse."""


@dataclass
class FontStatus:
    family: str
    installed: bool
    substitute: str = ""        # what fontconfig gives instead, when not installed
    same_metrics: bool = False


@dataclass
class Report:
    used: list[str] = field(default_factory=list)
    missing_required: list[str] = field(default_factory=list)
    missing_optional: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    fonts: list[FontStatus] = field(default_factory=list)
    signing_problem: str = ""

    @property
    def ok(self) -> bool:
        return not (self.missing_required or self.unknown or self.signing_problem)


def placeholders(docx: bytes) -> list[str]:
    """The context names a template uses: `kop.lambang`, `butir`, ... (loop variables and
    Jinja's own names are not context names and are left out)."""
    from docxtpl import DocxTemplate
    from jinja2 import Environment, nodes
    try:
        tpl = DocxTemplate(io.BytesIO(docx))
        tpl.init_docx()
        source = tpl.patch_xml(tpl.get_xml())
        ast = Environment().parse(source)
    except zipfile.BadZipFile:
        raise TemplateError("not a Word document (.docx)") from None
    except Exception as err:        # jinja2.TemplateSyntaxError and docx parse errors
        raise TemplateError(f"the template's tags do not parse: {err}") from None
    local = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    used = set()
    for node in ast.find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name) and node.node.name not in local | {"loop"}:
            used.add(f"{node.node.name}.{node.attr}")
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in local and node.name != "loop":
            if not any(u.startswith(node.name + ".") for u in used):
                used.add(node.name)
    return sorted(used)


def _family(rpr, theme: dict) -> str | None:
    rf = rpr.find(f"{W}rFonts") if rpr is not None else None
    if rf is None:
        return None
    family = rf.get(f"{W}ascii") or rf.get(f"{W}hAnsi")
    kind = rf.get(f"{W}asciiTheme") or rf.get(f"{W}hAnsiTheme") or ""
    return family or (theme.get("major" if kind.startswith("major") else "minor") if kind else None)


def requested_fonts(docx: bytes) -> list[str]:
    """Font families the document's text asks for, the body font first: the default paragraph
    style's, then those of the styles the document uses and of its runs (theme fonts resolved;
    styles defined but never used are not asked for)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        part = lambda name: etree.fromstring(z.read(name)) if name in z.namelist() else None
        theme_xml, styles, doc = (part("word/theme/theme1.xml"), part("word/styles.xml"),
                                  part("word/document.xml"))
    theme = {}
    for kind in ("major", "minor"):
        latin = theme_xml.find(f".//{A}{kind}Font/{A}latin") if theme_xml is not None else None
        if latin is not None:
            theme[kind] = latin.get("typeface")
    default = _family(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"), theme) \
        if styles is not None else None
    chain, first = {}, None
    for st in styles.iter(f"{W}style") if styles is not None else ():
        sid = st.get(f"{W}styleId")
        based = st.find(f"{W}basedOn")
        chain[sid] = (_family(st.find(f"{W}rPr"), theme),
                      based.get(f"{W}val") if based is not None else None)
        if st.get(f"{W}type") == "paragraph" and st.get(f"{W}default") in ("1", "true"):
            first = sid

    def resolve(sid):
        seen = set()
        while sid in chain and sid not in seen:
            seen.add(sid)
            family, sid = chain[sid]
            if family:
                return family
        return default

    used = [first] if first else []
    for el in doc.iter(f"{W}pStyle", f"{W}rStyle") if doc is not None else ():
        if el.get(f"{W}val") not in used:
            used.append(el.get(f"{W}val"))
    found = [f for f in (resolve(sid) for sid in used) if f] or ([default] if default else [])
    for rpr in doc.iter(f"{W}rPr") if doc is not None else ():
        found.append(_family(rpr, theme))
    return list(dict.fromkeys(f for f in found if f))


def _installed_families() -> set[str] | None:
    if not shutil.which("fc-list"):
        return None
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                         timeout=30).stdout
    return {f.strip().lower() for line in out.splitlines() for f in line.split(",") if f.strip()}


def font_status(family: str, installed: set[str] | None) -> FontStatus:
    if installed is None:
        return FontStatus(family, installed=False, substitute="(fontconfig not found)")
    if family.lower() in installed:
        return FontStatus(family, installed=True)
    sub = subprocess.run(["fc-match", "-f", "%{family[0]}", family], capture_output=True,
                         text=True, timeout=30).stdout.strip()
    twin = METRIC_TWINS.get(family.lower(), "")
    return FontStatus(family, installed=False, substitute=sub,
                      same_metrics=bool(twin) and sub.lower() == twin.lower())


def _signing_problem(docx: bytes, sample: dict) -> str:
    """Render with a sample case and set a number and date as signing does; the error, if any."""
    from pipeline.casework.drafting import DraftError, fill_signing, render
    try:
        filled = render(docx, sample)
        fill_signing(filled, "700/1/ITDA/2026", "2026-01-02", sample.get("kota"))
    except DraftError as err:
        return str(err)
    except Exception as err:        # a template that does not render at all
        return f"the template does not render: {type(err).__name__}: {err}"
    return ""


def sample_context() -> dict:
    """A made-up case with every field filled, to render a template as drafting would."""
    from pipeline.casework.drafting import context_for
    case = {"agenda_no": "0001/SM/ITDA/2026", "opd_name": "Dinas Contoh", "tempat": "Contoh",
            "letter": {"nomor": "800/1/DC/2026", "tanggal": "2026-01-02", "sifat": "Biasa",
                       "hal": "Permohonan Konsultasi", "pengirim": "Dinas Contoh",
                       "pertanyaan": ["Pertanyaan pertama?", "Pertanyaan kedua?"]}}
    office = {"name": "Inspektorat Daerah Kota Contoh", "city": "Contoh", "address": "Jl. Contoh 1",
              "phone": "(0000) 1", "email": "surat@contoh.go.id", "website": "contoh.go.id"}
    inspector = {"name": "Drs. NAMA CONTOH, M.Si.", "nip": "197001012000031005",
                 "jabatan": "Inspektur Daerah Kota Contoh", "pangkat": "Pembina (IV/a)"}
    return context_for(case, office, inspector, ["Jawaban pertama.", "Jawaban kedua."])


def check(docx: bytes, reference: bytes | None = None, sample: dict | None = None) -> Report:
    """Compare DOCX with the REFERENCE (the default template) for placeholders and fonts."""
    from pipeline.casework.drafting import default_template
    reference = default_template() if reference is None else reference
    sample = sample_context() if sample is None else sample
    used = placeholders(docx)
    known = set(placeholders(reference))
    known_roots = {k.split(".")[0] for k in known}
    report = Report(used=used)
    have = set(used) | {u.split(".")[0] for u in used}
    report.missing_required = [r for r in REQUIRED if r not in have]
    report.missing_optional = sorted(k for k in known - set(used)
                                     if k not in REQUIRED and k not in have)
    report.unknown = [u for u in used if u not in known and u not in known_roots]
    installed = _installed_families()
    report.fonts = [font_status(f, installed) for f in requested_fonts(docx)]
    if not report.missing_required and not report.unknown:
        report.signing_problem = _signing_problem(docx, sample)
    return report
