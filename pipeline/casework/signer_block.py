# SPDX-License-Identifier: AGPL-3.0-or-later
"""Rewrite the signature block of a draft for whoever signs it (signing/signer_form.py): the
heading above the signature space ("Plt. INSPEKTUR …," or "a.n. INSPEKTUR … / SEKRETARIS …,"),
then the signer's name, rank and NIP, in the paragraphs and formatting the draft already has."""
from __future__ import annotations

import copy
import io
import re

from pipeline.casework.drafting import DraftError, nip_spaced
from pipeline.casework.layout import keep_titles
from pipeline.core.officials import Official


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u00a0", " ")).strip().casefold()


def _set_text(paragraph, text: str) -> None:
    runs = paragraph.runs
    if not runs:
        paragraph.add_run(text)
        return
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def _paragraphs(doc):
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph
    return [Paragraph(p, doc) for p in doc.element.body.iter(qn("w:p"))]


def set_signer(docx: bytes, inspector: Official, signer: Official, heading: list[str]) -> bytes:
    """DOCX with the Inspektur's signature block made SIGNER's under HEADING."""
    from docx import Document
    from docx.text.paragraph import Paragraph
    doc = Document(io.BytesIO(docx))
    paras = _paragraphs(doc)
    jabatan = _norm(inspector.jabatan)
    at = next((i for i, p in enumerate(paras) if _norm(p.text).rstrip(",").strip() == jabatan),
              None)
    name = next((i for i in range(at + 1, len(paras)) if at is not None
                 and _norm(paras[i].text) == _norm(inspector.name)), None)
    if at is None or name is None:
        raise DraftError("the Inspektur's signature block (jabatan and name) was not found in "
                         "the draft")
    nip = next((i for i in range(name + 1, min(name + 4, len(paras)))
                if _norm(paras[i].text).startswith("nip")), None)
    rank = name + 1 if (inspector.pangkat and name + 1 < len(paras)
                        and _norm(paras[name + 1].text) == _norm(inspector.pangkat)) else None
    if nip is not None:
        _set_text(paras[nip], f"NIP. {nip_spaced(signer.nip)}")
    if rank is not None:
        if signer.pangkat:
            _set_text(paras[rank], signer.pangkat)
        else:
            paras[rank]._p.getparent().remove(paras[rank]._p)
    elif signer.pangkat and nip is not None:
        added = copy.deepcopy(paras[nip]._p)
        paras[nip]._p.addprevious(added)
        _set_text(Paragraph(added, paras[nip]._parent), signer.pangkat)
    _set_text(paras[name], keep_titles(signer.name))
    _set_text(paras[at], heading[-1])
    for line in heading[:-1]:
        added = copy.deepcopy(paras[at]._p)
        paras[at]._p.addprevious(added)
        _set_text(Paragraph(added, paras[at]._parent), line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
