"""Decide what a file really is from its bytes, and refuse dangerous containers early.

Names and content types are chosen by the sender, so they are never trusted; only the magic
bytes and, for Office files, the zip's own directory decide.
"""
from __future__ import annotations

import io
import zipfile

from pipeline.letter.model import Limits, Refused
from pipeline.letter.ooxml import check_active


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def sniff(data: bytes, filename: str = "") -> str:
    """One of: pdf, docx, image, or raises Refused naming what the file actually is."""
    head = data[:16]
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "file"
    if not data:
        raise Refused("empty file")
    if head.startswith(b"PK\x03\x04"):     # before the PDF test: a stored (uncompressed)
        return "zip"                       # PDF inside a zip shows %PDF- in its first bytes
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")):
        return "image"
    if head.startswith(b"\x7fELF"):
        raise Refused(f"executable file (ELF) disguised as .{ext}")
    if head.startswith(b"MZ"):
        raise Refused(f"executable file (Windows MZ) disguised as .{ext}")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise Refused("legacy or password-protected Office file (OLE2) is not supported")
    if head.startswith((b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")):
        raise Refused(f"executable file disguised as .{ext}")
    raise Refused(f"unsupported file type (not PDF, DOCX or image) named .{ext}")


def open_zip(data: bytes, filename: str, limits: Limits) -> zipfile.ZipFile:
    """Open the zip only after its directory shows no bomb and its members no active content."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise Refused(f"corrupt zip container: {e}") from None
    if len(infos) > limits.max_zip_entries:
        raise Refused(f"zip has {len(infos)} entries, limit is {limits.max_zip_entries}")
    total = sum(i.file_size for i in infos)
    if total > limits.max_decompressed:
        raise Refused(f"decompressed size exceeds {_mb(limits.max_decompressed)}")
    for i in infos:
        if i.file_size > 1_000_000 and i.file_size > limits.max_ratio * max(i.compress_size, 1):
            raise Refused(f"zip bomb: {i.filename} compresses {i.file_size // max(i.compress_size, 1)}:1")
    check_active(z, infos, filename)
    return z


def check_docx(data: bytes, filename: str, limits: Limits) -> zipfile.ZipFile:
    """A safe zip that is also a Word document."""
    z = open_zip(data, filename, limits)
    names = {i.filename.lower() for i in z.infolist()}
    if "word/document.xml" not in names:
        if any(n.startswith("xl/") for n in names):
            raise Refused("spreadsheet (XLSX), not a letter")
        if any(n.startswith("ppt/") for n in names):
            raise Refused("presentation (PPTX), not a letter")
        raise Refused("zip archive, not a Word document")
    return z
