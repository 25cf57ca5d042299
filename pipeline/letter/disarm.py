"""Make a received file safe to hand to staff, or refuse it: one call for mail and web alike.

PDFs lose their active content (the cleaned copy is what staff get; the caller keeps the
original as evidence). Office files with macros, DTDs or auto-loaded external links are
refused: rewriting them would change the letter. Executables are refused. Images and files
Paraf does not read pass unchanged: they are stored and offered for saving, never opened.
The parsing runs in the sandbox, under the same time and memory limits as reading.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass

from pipeline.letter.model import Limits, Refused

# Loaded here, in the parent: the sandboxed child may not map qpdf's library under its memory
# limit (a worker with its threads seen refusing every file so), so it never imports it.
from pipeline.letter.pdf_active import disarm_pdf
from pipeline.letter.reader import check_size
from pipeline.letter.sandbox import run_limited
from pipeline.letter.sniff import open_zip, sniff

OLE_MACROS = ("_VBA_PROJECT".encode("utf-16-le"), "Macros".encode("utf-16-le"))
PASS_THROUGH = ("unsupported file type", "empty file")


@dataclass(frozen=True)
class Disarmed:
    data: bytes                  # what staff may get: the original, or the cleaned copy
    removed: str | None = None   # what was removed, in Indonesian; None when nothing was

    @property
    def reason(self) -> str | None:
        """The note for the original kept as evidence, shown to the clerk."""
        if self.removed is None:
            return None
        return (f"isi aktif dihapus ({self.removed}); yang dapat diunduh hanya salinan "
                f"bersih, berkas asli disimpan sebagai bukti")


def _inprocess(data: bytes, filename: str, limits: Limits) -> dict:
    try:
        kind = sniff(data, filename)
    except Refused as err:
        if err.reason.startswith(PASS_THROUGH):
            return {"same": True}
        if data.startswith(b"\xd0\xcf\x11\xe0") and any(m in data for m in OLE_MACROS):
            raise Refused("dokumen Office lama (OLE2) bermakro ditolak: makro dapat "
                          "menjalankan program di komputer staf") from None
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            return {"same": True}
        raise
    if kind == "zip":
        open_zip(data, filename, limits)
    if kind != "pdf":
        return {"same": True}
    cleaned, removed = disarm_pdf(data)
    if removed is None:
        return {"same": True}
    return {"data": base64.b64encode(cleaned).decode(), "removed": removed}


def disarm(data: bytes, filename: str, limits: Limits | None = None) -> Disarmed:
    """The safe form of DATA; raises Refused (reason for the clerk) when there is none."""
    limits = limits or Limits()
    if len(data) > limits.max_bytes:     # a document too big to check is refused; others pass
        if b"%PDF-" in data[:1024] or data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
            check_size(data, limits)
        return Disarmed(data)
    out = run_limited(lambda: _inprocess(data, filename, limits), limits)
    if out.get("same"):
        return Disarmed(data)
    return Disarmed(base64.b64decode(out["data"]), out["removed"])


def screen(parts, limits: Limits | None = None) -> tuple[list, list[tuple[object, str]]]:
    """Split PARTS (anything with .payload) into the safe ones (cleaned copies substituted)
    and the ones set aside as evidence with the clerk's reason: refused files, and the
    originals of cleaned copies."""
    from dataclasses import replace
    safe, aside = [], []
    for part in parts:
        try:
            got = disarm(part.payload, part.filename, limits)
        except Refused as err:
            aside.append((part, err.reason))
            continue
        if got.removed is not None:
            aside.append((part, got.reason))
            part = replace(part, payload=got.data)
        safe.append(part)
    return safe, aside
